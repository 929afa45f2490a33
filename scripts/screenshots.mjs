// Screenshots of the three pages for the README: a story's report (its pacing section), a
// comparison of two drafts and a corpus index (the top of each), at a laptop's width, in docs/*.png.
// Run with `npm run build && node scripts/screenshots.mjs` (needs Chromium: CHROMIUM_PATH or /usr/bin/chromium).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { analyzeFile, compareReports, renderCompareHtml, renderReportHtml } from '../dist/index.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const dir = mkdtempSync(join(tmpdir(), 'proselens-shots-'))
try {
  // The report: a story with a possible break and point-of-view shifts.
  writeFileSync(join(dir, 'report.html'), renderReportHtml(await analyzeFile('corpus/tidewater-station.txt')))
  // A comparison: the bundled story against a revision with its middle cut shorter.
  const story = readFileSync('corpus/the-salt-ledger.txt', 'utf8')
  const paragraphs = story.split(/\n\s*\n/)
  const middle = Math.floor(paragraphs.length / 2)
  const revised = [...paragraphs.slice(0, middle - 4), ...paragraphs.slice(middle + 4)].join('\n\n')
  writeFileSync(join(dir, 'revised.txt'), revised)
  const oldReport = await analyzeFile('corpus/the-salt-ledger.txt')
  const newReport = await analyzeFile(join(dir, 'revised.txt'))
  writeFileSync(join(dir, 'compare.html'), renderCompareHtml(compareReports(oldReport, newReport)))
  // The corpus index: a run over the bundled corpus.
  execFileSync(process.execPath, ['dist/cli/main.js', 'corpus', 'corpus', '--out', join(dir, 'corpus'), '--quiet'], { stdio: 'ignore' })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  // The report's pacing section (its header is the title and totals); the other pages' tops.
  for (const [name, path, part] of [['report', join(dir, 'report.html'), '#pacing'], ['compare', join(dir, 'compare.html'), null], ['corpus', join(dir, 'corpus', 'index.html'), null]]) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1, colorScheme: 'light' })
    await page.goto(`file://${path}`)
    await page.waitForSelector('html[data-ready=true]', { timeout: 20_000 })
    if (part) await page.locator(part).screenshot({ path: `docs/${name}.png` })
    else await page.screenshot({ path: `docs/${name}.png` })
    await page.close()
    console.log(`wrote docs/${name}.png`)
  }
  await browser.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
