import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeFile } from '../src/node/analyze-file.js'
import { analyze } from '../src/pipeline.js'
import { compareReports } from '../src/compare/index.js'
import { renderReportHtml } from '../src/report/html.js'
import { renderCompareHtml } from '../src/compare/html.js'
import { renderCorpusHtml } from '../src/corpus/html.js'
import { rowsOf } from '../src/corpus/rows.js'
import { summarise } from '../src/corpus/summary.js'
import type { Report } from '../src/report/types.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const haveChromium = existsSync(CHROMIUM)
if (!haveChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)

const havePdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (!havePdftotext) console.warn('the printed-page test is skipped: no pdftotext (apt-get install poppler-utils)')

/** A long story of our own: seventy present-tense scenes, some with a sentence slipping into the past. */
function longStory(): string {
  const people = ['Nell', 'Tom', 'Ada', 'Rory']
  const places = ['the pier', 'the north window', 'the radio room', 'the kitchen', 'the boat shed', 'the harbour wall']
  const acts = ['checks the gauges at', 'waits by', 'sweeps the floor of', 'counts the crates in', 'hums a tune near', 'stands for a while at']
  const scene = (i: number) => {
    const a = people[i % 4]!
    const b = people[(i + 1) % 4]!
    const paras: string[] = [`On day ${i + 1} of the survey the wind backs to the west.`]
    for (let p = 0; p < 4; p++) {
      const s: string[] = []
      for (let k = 0; k < 3; k++) s.push(`${k % 2 ? b : a} ${acts[(i + p + k) % acts.length]} ${places[(i * 3 + p + k) % places.length]}.`)
      if (p === 1) s.push(`“Is it ${['late', 'cold', 'time', 'over'][i % 4]} already?” ${b} asks.`)
      paras.push(s.join(' '))
    }
    if (i % 7 === 3) paras.push(`${a} walked down to the pier and waited there for an hour.`)
    return paras.join('\n\n')
  }
  return Array.from({ length: 70 }, (_, i) => scene(i)).join('\n\n* * *\n\n') + '\n\nAnd at last the lamps go out along the harbour wall.\n'
}

const dir = mkdtempSync(join(tmpdir(), 'proselens-browser-'))
const ARTIFACTS = 'test/artifacts'

interface Loaded {
  page: Page
  errors: string[]
  requests: string[]
  dialogs: string[]
}

describe.skipIf(!haveChromium)('the HTML report in Chromium', () => {
  let browser: Browser
  const pages = new Map<string, string>()

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
    for (const f of ['the-salt-ledger.txt', 'the-copper-kite.html', 'lantern-row.md']) {
      const path = join(dir, f.replace(/\.\w+$/, '.html'))
      writeFileSync(path, renderReportHtml(await analyzeFile(`corpus/${f}`)))
      pages.set(f, path)
    }
  })
  afterAll(async () => {
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Open a page, recording console errors, every request other than the page itself, and dialogs. */
  async function open(path: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Loaded> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, colorScheme: options.colorScheme ?? 'light' })
    const loaded: Loaded = { page, errors: [], requests: [], dialogs: [] }
    const url = `file://${path}`
    page.on('console', (m) => {
      if (m.type() === 'error') loaded.errors.push(m.text())
    })
    page.on('pageerror', (e) => loaded.errors.push(String(e)))
    page.on('request', (r) => {
      if (r.url() !== url) loaded.requests.push(r.url())
    })
    page.on('dialog', async (d) => {
      loaded.dialogs.push(d.message())
      await d.dismiss()
    })
    await page.goto(url)
    await page.waitForSelector('html[data-ready=true]', { timeout: 10_000 })
    return loaded
  }

  it('loads with no console error and no network request, and draws both charts', async () => {
    for (const path of pages.values()) {
      const { page, errors, requests } = await open(path)
      expect(errors).toEqual([])
      expect(requests).toEqual([])
      for (const id of ['pacing-chart', 'rhythm-chart']) {
        const painted = await page.evaluate((canvasId) => {
          const c = document.getElementById(canvasId) as HTMLCanvasElement
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
          let n = 0
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
          return { width: c.width, height: c.height, painted: n }
        }, id)
        expect(painted.width).toBeGreaterThan(300)
        expect(painted.painted).toBeGreaterThan(2000)
      }
      await page.close()
    }
  })

  it('shows the header, the band and the annotated text from the report', async () => {
    const { page } = await open(pages.get('the-copper-kite.html')!)
    expect(await page.textContent('#title')).toBe('The Copper Kite')
    expect(await page.textContent('#byline')).toBe('by quillandgale')
    expect(await page.textContent('#meta')).toContain('Rating: General Audiences')
    expect(await page.locator('#band .row').count()).toBe(2)
    expect(await page.locator('#band .row:first-child .cell').count()).toBe(7)
    expect(await page.locator('#story section.scene').count()).toBe(7)
    expect(await page.locator('#story .dlg').count()).toBeGreaterThan(20)
    expect(await page.locator('#story .th').count()).toBeGreaterThan(5)
    // No slip shown in this present-tense story: "We lay out the line", "he'd never let me",
    // "boots dug in" and "She kept it." (all these years she's kept it) were read as slips before.
    expect(await page.locator('#story .slip[tabindex="0"]').count()).toBe(0)
    await page.close()
  })

  it('underlines a tense slip, explained on focus', async () => {
    const text = 'She walks to the quay. The boats are in. She counts them twice. The gulls are loud over the water. She grabbed the rail and pulled herself up. She waits by the rail. The wind drops.'
    const path = join(dir, 'slip.html')
    writeFileSync(path, renderReportHtml(analyze(text)))
    const { page } = await open(path)
    const slips = page.locator('#story .slip[tabindex="0"]')
    expect(await slips.count()).toBe(1)
    expect(await slips.first().evaluate((e) => e.firstChild!.textContent)).toBe('She grabbed the rail and pulled herself up.')
    await slips.first().focus()
    expect(await slips.first().locator('.tip').isVisible()).toBe(true)
    expect(await slips.first().locator('.tip').textContent()).toBe('Tense slip: ‘grabbed’ and ‘pulled’ are past; this scene is in the present. (confidence 65%)')
    await page.close()
  })

  it('sorts the scene table by any column', async () => {
    const { page } = await open(pages.get('the-salt-ledger.txt')!)
    const column = async (n: number) => page.$$eval(`#scene-table tbody tr td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent))
    const words = async () => (await column(4)).map((w) => Number(w!.replace(/,/g, '')))
    const original = await words()
    await page.click('#scene-table th[data-key="words"] button')
    const desc = await words()
    expect(desc).toEqual([...original].sort((a, b) => b - a))
    expect(await page.getAttribute('#scene-table th[data-key="words"]', 'aria-sort')).toBe('descending')
    await page.click('#scene-table th[data-key="words"] button')
    expect(await words()).toEqual([...original].sort((a, b) => a - b))
    await page.click('#scene-table th[data-key="n"] button')
    expect((await column(1)).map(Number)).toEqual(original.map((_, i) => i + 1))
    // By keyboard: Enter on a focused header button sorts too.
    await page.focus('#scene-table th[data-key="mean"] button')
    await page.keyboard.press('Enter')
    expect(await page.getAttribute('#scene-table th[data-key="mean"]', 'aria-sort')).toBe('descending')
    await page.close()
  })

  it('clicking scene 3 in the chart brings scene 3 into view; so does its table row', async () => {
    const { page } = await open(pages.get('the-salt-ledger.txt')!)
    const inView = (id: string) =>
      page.evaluate((sceneId) => {
        const r = document.getElementById(sceneId)!.getBoundingClientRect()
        return r.top >= -2 && r.top < window.innerHeight
      }, id)
    expect(await inView('scene-2')).toBe(false)
    const bar = await page.evaluate(() => {
      const canvas = document.getElementById('pacing-chart') as HTMLCanvasElement
      const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { getDatasetMeta(i: number): { data: { x: number; y: number; base: number }[] } } } }).Chart.getChart(canvas)
      const el = chart.getDatasetMeta(0).data[2]!
      return { x: el.x, y: (el.y + el.base) / 2 }
    })
    await page.locator('#pacing-chart').click({ position: bar })
    expect(await inView('scene-2')).toBe(true)
    expect(page.url()).toMatch(/#scene-2$/)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.focus('#scene-table tbody tr[data-scene="5"]')
    await page.keyboard.press('Enter')
    expect(await inView('scene-5')).toBe(true)
    await page.close()
  })

  it('runs no script from a hostile story, its text or its metadata, and shows the characters', async () => {
    const hostile = [
      'Title: </script><script>window.__pwned = 1</script>',
      'by <img src=x onerror="window.__pwned = 2">',
      'Rating: <svg onload="alert(3)">',
      '',
      'She typed <script>window.__pwned = 4</script> into the box, then </script><img src=y onerror=alert(5)>.',
      '',
      'Nothing happened, which was the point of the exercise.',
      '',
      'The screen stayed grey and quiet for a long while.',
      '',
      '* * *',
      '',
      '"<!-- <script>" he said, and <iframe src="javascript:alert(6)"></iframe> was all it printed.',
      '',
    ].join('\n')
    const report = analyze(hostile, { path: 'hostile<script>.txt' })
    const path = join(dir, 'hostile.html')
    writeFileSync(path, renderReportHtml(report))
    const { page, errors, requests, dialogs } = await open(path)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(requests).toEqual([])
    expect(errors).toEqual([])
    expect(await page.textContent('#title')).toBe('</script><script>window.__pwned = 1</script>')
    expect(await page.textContent('#byline')).toBe('by <img src=x onerror="window.__pwned = 2">')
    expect(await page.textContent('#story')).toContain('She typed <script>window.__pwned = 4</script> into the box, then </script><img src=y onerror=alert(5)>.')
    expect(await page.locator('#story img, #story script, #story iframe, #meta svg, header img').count()).toBe(0)
    await page.close()
  })

  it('marks unmarked thought, a point-of-view shift and a told story, each explained', async () => {
    const text = [
      'Nell wiped her hands on her apron and looked at the door. She knew the knock. She wondered how long he would stand out there in the rain.',
      'Amos shook his head at the dog and stepped inside. Nell felt the cold come in with him, and she hoped he would not stay. Don\'t look at him.',
      'She thought of the letter in the drawer. Nell decided to say nothing about it.',
      'Amos wondered whether she had read the letter yet. He felt sick at the thought of it.',
      '* * *',
      '“I was twelve the spring the river came over the wall. My father woke me before light and carried me up to the loft.',
      '“We stayed in that loft for three days. My mother passed bread up to us on the end of a rake.',
      '“On the third morning the water went down as fast as it had come, and I found the cat asleep on the dresser.”',
    ].join('\n\n')
    const path = join(dir, 'narration.html')
    writeFileSync(path, renderReportHtml(analyze(text)))
    const { page, errors } = await open(path)
    expect(errors).toEqual([])
    expect(await page.locator('#story .ut').first().textContent()).toBe("Don't look at him.")
    expect(await page.locator('#story .ut').first().getAttribute('title')).toBe('Unmarked thought: not counted toward point of view or tense')
    const hop = page.locator('#story .hop[tabindex="0"]')
    expect(await hop.count()).toBe(1)
    await hop.focus()
    expect(await hop.locator('.tip').textContent()).toMatch(/^Point-of-view shift: This paragraph tells what Amos thinks and feels \(‘wondered’, ‘felt’\); the rest of the scene is told from Nell's point of view\. \(confidence \d+%\)$/)
    expect(await page.locator('#story .scene-head').nth(0).textContent()).toContain('1 point-of-view shift')
    expect(await page.locator('#story .scene-head').nth(1).textContent()).toContain('told by Amos (first person, past)')
    await page.close()
  })

  it('names each speech\'s speaker on hover and, when asked, in the text, and lists the cast', async () => {
    const text = ['The kitchen was cold.', '“Are you coming?” said Nell.', '“In a minute,” Tom said.', '“Now, Tom.”', '“Fine.”'].join('\n\n')
    const path = join(dir, 'speakers.html')
    writeFileSync(path, renderReportHtml(analyze(text)))
    const { page, errors } = await open(path)
    expect(errors).toEqual([])
    const speeches = page.locator('#story .dlg[data-speaker]')
    expect(await speeches.evaluateAll((els) => els.map((e) => e.getAttribute('data-speaker')))).toEqual(['Nell', 'Tom', 'Nell', 'Tom'])
    expect(await speeches.first().getAttribute('title')).toBe('Said by Nell')
    expect(await speeches.nth(2).getAttribute('title')).toMatch(/^Said by Nell \(\d+% sure\)$/)
    const label = () => speeches.first().evaluate((e) => getComputedStyle(e, '::before').content)
    expect(await label()).toBe('none')
    await page.check('#show-speakers')
    expect(await label()).toBe('"Nell: "')
    const cast = await page.locator('#cast-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)))
    expect(cast.map((r) => r[0]).sort()).toEqual(['Nell', 'Tom'])
    expect(cast.find((r) => r[0] === 'Nell')!.slice(1)).toEqual(['1', '1–1', '1', '2', '56%'])
    await page.close()
  })

  it('prints charts and table without the controls', async () => {
    const { page } = await open(pages.get('the-salt-ledger.txt')!)
    await page.emulateMedia({ media: 'print' })
    const shown = (selector: string) => page.$$eval(selector, (els) => els.map((e) => getComputedStyle(e).display !== 'none'))
    // The column headers are sort buttons on screen, and their labels in print.
    expect(await shown('th button')).not.toContain(true)
    expect(await shown('th .print-label')).not.toContain(false)
    expect(await shown('nav.toc')).toEqual([false])
    expect(await shown('details.data')).toEqual([false, false])
    expect(await shown('.x-mode')).toEqual([false])
    expect(await shown('#text')).toEqual([true])
    expect(await shown('#findings')).toEqual([true])
    expect(await shown('#pacing-chart')).toEqual([true])
    expect(await shown('#scene-table')).toEqual([true])
    // At a page's width the chart is whole, and the band lies under its plotting area.
    await page.setViewportSize({ width: 700, height: 1000 })
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const fit = await page.evaluate(() => {
      const canvas = document.getElementById('pacing-chart')!.getBoundingClientRect()
      const box = document.querySelector('.chart.pacing')!.getBoundingClientRect()
      const chart = (window as unknown as { Chart: { getChart(c: Element): { chartArea: { left: number; right: number }; width: number } } }).Chart.getChart(document.getElementById('pacing-chart')!)
      const band = document.getElementById('band')!.getBoundingClientRect()
      const scale = canvas.width / chart.width
      return { canvasRight: canvas.right, boxRight: box.right, bandLeft: band.left - canvas.left, areaLeft: chart.chartArea.left * scale, bandRight: band.right - canvas.left, areaRight: chart.chartArea.right * scale }
    })
    expect(fit.canvasRight).toBeLessThanOrEqual(fit.boxRight + 1)
    expect(Math.abs(fit.bandLeft - fit.areaLeft)).toBeLessThan(3)
    expect(Math.abs(fit.bandRight - fit.areaRight)).toBeLessThan(3)
    await page.close()
  })

  it.skipIf(!havePdftotext)('prints a long story whole: slips with their sentences, headers on every page, the text unless unticked', async () => {
    const story = longStory()
    const report = analyze(story, { path: 'long-story.txt' })
    const slips = report.scenes.flatMap((s) => s.tense.slips.filter((x) => x.shown).map((x) => story.slice(x.start, x.end)))
    expect(slips.length).toBeGreaterThan(3)
    const path = join(dir, 'long-story.html')
    writeFileSync(path, renderReportHtml(report))
    const { page, errors } = await open(path)
    const pdfPages = async () => {
      const pdf = join(dir, 'long-story.pdf')
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }))
      const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1])
      return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-raw', pdf, '-']).toString().replace(/\s+/g, ' '))
    }
    const withText = await pdfPages()
    const all = withText.join(' ')
    for (const sentence of slips) expect(all).toContain(sentence)
    // The diagnostics and the right-hand axes' names are printed text.
    expect(all).toContain('Diagnostics')
    expect(all).toContain('mean sentence (words) · dialogue %')
    // The story's last words, from the annotated text.
    const lastWords = story.trim().split(/\s+/).slice(-6).join(' ')
    expect(all).toContain(lastWords)
    // The scene table runs over pages, each with the header row.
    const first = report.scenes[0]!.opening.split(' ').slice(0, 6).join(' ')
    const last = report.scenes[report.scenes.length - 1]!.opening.split(' ').slice(0, 6).join(' ')
    const firstRow = withText.findIndex((t) => t.includes(first))
    const lastRow = withText.findIndex((t) => t.includes(last))
    expect(lastRow).toBeGreaterThan(firstRow)
    for (let i = firstRow; i <= lastRow; i++) for (const h of ['Opening', 'Starts at', 'Words', 'Mean sent.', 'Tense', 'POV character', 'Slips']) expect(withText[i], `page ${i + 1}: ${h}`).toContain(h)
    // Unticked, the text is left out, and the pages are fewer.
    await page.uncheck('#print-text')
    const without = await pdfPages()
    expect(without.length).toBeLessThan(withText.length)
    expect(without.join(' ')).not.toContain(lastWords)
    expect(without.join(' ')).toContain(slips[0]!)
    expect(errors).toEqual([])
    await page.close()
  })

  it('draws a possible break apart: the chart, the band, the table and the text, with how to correct it', async () => {
    const report = await analyzeFile('corpus/tidewater-station.txt')
    const weak = report.scenes.filter((s) => s.break.weak)
    expect(weak.length).toBe(1)
    const path = join(dir, 'weak.html')
    writeFileSync(path, renderReportHtml(report))
    const { page, errors } = await open(path)
    const i = weak[0]!.index
    expect(await page.locator('#band .cell.weak').count()).toBe(2)
    expect(await page.locator(`#scene-table tr[data-scene="${i}"] .weak-tag`).textContent()).toBe('possible break')
    expect(await page.locator('#scene-table .weak-tag').count()).toBe(1)
    const note = await page.locator(`#scene-${i} .weak-note`).textContent()
    expect(note).toContain('tidewater-station.proselens.yaml')
    expect(note).toContain('notBreaks:')
    const colors = await page.evaluate(() => (window as unknown as { Chart: { getChart(c: Element): { data: { datasets: { backgroundColor: string[] }[] } } } }).Chart.getChart(document.getElementById('pacing-chart')!).data.datasets[0]!.backgroundColor)
    expect(colors[i]).not.toBe(colors[0])
    expect(new Set(colors.filter((_, k) => k !== i)).size).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  it('reads the pacing chart by story position: x by words, the band as wide, each scene\'s start in the table', async () => {
    const report = await analyzeFile('corpus/tidewater-station.txt')
    const { page, errors } = await open(pages.get('the-salt-ledger.txt')!)
    await page.evaluate((r) => (window as unknown as { proselens: { drawReport(r: unknown): void } }).proselens.drawReport(r), report)
    await page.check('input[name="x-mode"][value="position"]')
    const chart = await page.evaluate(() => {
      const c = (window as unknown as { Chart: { getChart(c: Element): { options: { scales: { x: { type: string } } }; data: { datasets: { data: { x: number; y: number }[] }[] } } } }).Chart.getChart(document.getElementById('pacing-chart')!)
      return { type: c.options.scales.x.type, steps: c.data.datasets[0]!.data.map((p) => p.x) }
    })
    expect(chart.type).toBe('linear')
    expect(chart.steps.slice(0, -1)).toEqual(report.scenes.map((s) => s.position * 100))
    expect(chart.steps[chart.steps.length - 1]).toBe(100)
    // The band's cells are as wide as the scenes' words.
    const widths = await page.$$eval('#band .row:first-of-type .cell', (cells) => cells.map((c) => c.getBoundingClientRect().width))
    const longest = report.scenes.reduce((a, s) => (s.words > a.words ? s : a))
    const shortest = report.scenes.reduce((a, s) => (s.words < a.words ? s : a))
    expect(widths[longest.index]! / widths[shortest.index]!).toBeCloseTo(longest.words / shortest.words, 0)
    expect(await page.locator('#x-axis-name').textContent()).toContain('story position')
    // Clicking at a share of the story brings that scene into view.
    const box = await page.locator('#pacing-chart').boundingBox()
    const area = await page.evaluate(() => (window as unknown as { Chart: { getChart(c: Element): { chartArea: { left: number; right: number } } } }).Chart.getChart(document.getElementById('pacing-chart')!).chartArea)
    const target = report.scenes[Math.floor(report.scenes.length / 2)]!
    const next = report.scenes[target.index + 1]!
    const x = area.left + ((target.position + next.position) / 2) * (area.right - area.left)
    await page.mouse.click(box!.x + x, box!.y + 100)
    await page.waitForFunction((id) => location.hash === '#scene-' + id, target.index)
    // The table says where each scene starts.
    const starts = await page.$$eval('#scene-table tbody tr', (rows) => rows.map((r) => r.children[3]!.textContent))
    expect(starts).toEqual(report.scenes.map((s) => Math.round(s.position * 100) + '%'))
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows one clear message for a story with no words', async () => {
    const path = join(dir, 'empty.html')
    writeFileSync(path, renderReportHtml(analyze('', { path: 'empty.txt' })))
    const { page, errors } = await open(path)
    const note = page.locator('#empty-note')
    expect(await note.isVisible()).toBe(true)
    expect(await note.textContent()).toContain('no words to analyse')
    for (const id of ['#pacing', '#scenes', '#text', '#figures']) expect(await page.locator(id).isVisible(), id).toBe(false)
    expect(errors).toEqual([])
    await page.close()
  })

  it('says in one line why a work not in English has no tense or point of view, and shows its language', async () => {
    const path = join(dir, 'zh.html')
    writeFileSync(path, renderReportHtml(await analyzeFile('test/fixtures/languages/zh.ao3.html')))
    const { page, errors } = await open(path)
    expect(await page.locator('#language-note').textContent()).toBe('Tense and point of view are measured for English only; this work is in Chinese.')
    const figures = await page.$$eval('#figures .k', (ks) => ks.map((k) => k.textContent))
    for (const k of ['dominant tense', 'point of view', 'tense slips', 'unmarked thought', 'reading time']) expect(figures).not.toContain(k)
    expect(figures).toContain('words')
    expect(await page.locator('#band .row').count()).toBe(0)
    expect(await page.locator('.narration-key').first().isVisible()).toBe(false)
    expect(await page.locator('.scene-head').first().textContent()).toContain('tense and point of view not measured (Chinese)')
    expect(await page.locator('#meta').textContent()).toContain('Language: Chinese')
    // An English work has no such line.
    const english = await open(pages.get('the-salt-ledger.txt')!)
    expect(await english.page.locator('#language-note').isVisible()).toBe(false)
    expect(errors).toEqual([])
    await page.close()
    await english.page.close()
  })

    it('reads in dark mode, and a screenshot is saved for people to look at', async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(pages.get('the-copper-kite.html')!, { colorScheme: scheme })
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
      expect(bg).toBe(scheme === 'dark' ? 'rgb(22, 24, 28)' : 'rgb(253, 252, 249)')
      await page.screenshot({ path: join(ARTIFACTS, `report-${scheme}.png`), fullPage: false })
      await page.close()
    }
    expect(readFileSync(join(ARTIFACTS, 'report-dark.png')).length).toBeGreaterThan(10_000)
  })

  it('draws a corpus index: charts, a sortable table of works, links to each report', async () => {
    const rows = []
    for (const f of ['the-salt-ledger.txt', 'night-ferry.txt', 'lantern-row.md']) rows.push(rowsOf(await analyzeFile(`corpus/${f}`), `corpus/${f}`, `works/${f.replace(/\.\w+$/, '')}`).work)
    const path = join(dir, 'index.html')
    writeFileSync(path, renderCorpusHtml({ ...summarise(rows, [{ path: 'bad.epub', error: 'bad.epub is not a readable .epub: the file is damaged or is not an EPUB book' }]), html: true }))
    const { page, errors, requests } = await open(path)
    expect(errors).toEqual([])
    expect(requests).toEqual([])
    expect(await page.textContent('#title')).toBe('Corpus: 3 works')
    expect(await page.locator('#works-table tbody tr').count()).toBe(3)
    expect(await page.getAttribute('#works-table tbody tr:first-child a', 'href')).toBe('works/the-salt-ledger.html')
    await page.click('#works-table th[data-key="words"] button')
    const words = await page.$$eval('#works-table tbody tr td.c-words', (tds) => tds.map((td) => Number(td.textContent!.replace(/,/g, ''))))
    expect(words).toEqual([...rows.map((r) => r.words)].sort((a, b) => b - a))
    expect(await page.textContent('#failures')).toBe('bad.epub is not a readable .epub: the file is damaged or is not an EPUB book')
    expect(await page.textContent('#duplicates')).toBe('None: every file holds a text of its own.')
    // Round bins, as the summary labels them.
    expect(await page.$$eval('#words-chart-data tbody th', (ths) => ths.map((th) => th.textContent))).toEqual(summarise(rows, []).distributions.words.histogram.map((b) => b.label))
    await page.close()
  })

  it('counts a work with no words as empty on the corpus index: flagged, counted apart, in no chart', async () => {
    const blankPath = join(dir, 'blank.txt')
    writeFileSync(blankPath, '\n  \n')
    const rows = [
      rowsOf(await analyzeFile('corpus/night-ferry.txt'), 'fics/night-ferry.txt', 'night-ferry').work,
      rowsOf(await analyzeFile(blankPath), 'fics/blank.txt', 'blank').work,
    ]
    const path = join(dir, 'with-empty.html')
    writeFileSync(path, renderCorpusHtml({ ...summarise(rows, []), html: true }))
    const { page, errors } = await open(path)
    expect(errors).toEqual([])
    expect(await page.$$eval('#figures li', (lis) => lis.map((li) => li.textContent)).then((f) => f.slice(0, 2))).toEqual(['2works', '1empty (no words)'])
    const flags = await page.$$eval('#works-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('td.path')!.title, tr.querySelector('.flag')?.textContent ?? null]))
    expect(Object.fromEntries(flags)).toEqual({ 'fics/night-ferry.txt': null, 'fics/blank.txt': 'empty' })
    // The histogram holds the one work with words.
    const counts = await page.$$eval('#words-chart-data tbody td', (tds) => tds.map((td) => Number(td.textContent)))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1)
    await page.close()
  })

  describe('the corpus index of many works', () => {
    let path: string
    const FERRY = 'fics/archive/night-ferry.txt'
    beforeAll(async () => {
      const ferry = rowsOf(await analyzeFile('corpus/night-ferry.txt'), FERRY, 'archive/night-ferry').work
      const ledger = rowsOf(await analyzeFile('corpus/the-salt-ledger.txt'), 'fics/archive/the-salt-ledger.txt', 'archive/the-salt-ledger').work
      const lantern = rowsOf(await analyzeFile('corpus/lantern-row.md'), 'fics/drafts/lantern-row.md', 'drafts/lantern-row').work
      const rows = [
        ferry,
        { ...ledger, title: 'Harbour' },
        { ...lantern, title: 'Harbour', author: 'Wren Aldous', fandom: 'Tidewater (TV)' },
        // The ferry twice more under other names: the same bytes.
        { ...ferry, path: 'fics/backup/ferry-copy.txt', report: 'backup/ferry-copy' },
        { ...ferry, path: 'fics/backup/old/ferry.txt', report: 'backup/old/ferry' },
      ]
      path = join(dir, 'many.html')
      writeFileSync(path, renderCorpusHtml({ ...summarise(rows, [{ path: 'fics/drafts/broken.docx', error: 'fics/drafts/broken.docx is not a readable .docx: the file is damaged or is not a Word document' }]), html: true }))
    })
    const shownPaths = (page: Page) => page.$$eval('#works-table tbody td.path', (tds) => tds.map((td) => td.title))

    it('tells works of one title apart by a path column, below the folder they share, and sorts by it', async () => {
      const { page, errors } = await open(path)
      expect(errors).toEqual([])
      expect(await page.$$eval('#works-table thead th', (ths) => ths.map((th) => th.querySelector('button')!.textContent))).toEqual(['Title', 'Path', 'Author', 'Fandom', 'Rating', 'Language', 'Words', 'Scenes', 'Chapters', 'Dialogue', 'Mean sent.', 'Median sent.', 'Tense', 'POV', 'Slips'])
      const harbours = await page.$$eval('#works-table tbody tr', (trs) => trs.filter((tr) => tr.querySelector('td')!.textContent === 'Harbour').map((tr) => tr.querySelector('td.path span')!.textContent))
      expect(harbours).toEqual(['archive/the-salt-ledger.txt', 'drafts/lantern-row.md'])
      await page.click('#works-table th[data-key="path"] button')
      expect(await page.getAttribute('#works-table th[data-key="path"]', 'aria-sort')).toBe('ascending')
      expect(await shownPaths(page)).toEqual(['fics/archive/night-ferry.txt', 'fics/archive/the-salt-ledger.txt', 'fics/backup/ferry-copy.txt', 'fics/backup/old/ferry.txt', 'fics/drafts/lantern-row.md'])
      // By keyboard too: Enter on the focused header button turns the order round.
      await page.focus('#works-table th[data-key="path"] button')
      await page.keyboard.press('Enter')
      expect(await page.getAttribute('#works-table th[data-key="path"]', 'aria-sort')).toBe('descending')
      expect((await shownPaths(page))[0]).toBe('fics/drafts/lantern-row.md')
      await page.close()
    })

    it('filters the works as you type, by title, author, fandom or path in any case, and counts them', async () => {
      const { page } = await open(path)
      expect(await page.textContent('label[for="works-filter"]')).toBe('Filter works')
      expect(await page.textContent('#works-count')).toBe('all 5 works shown')
      // Its label focuses it, and from it Tab goes on to the table's first sort button.
      await page.click('label[for="works-filter"]')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('works-filter')
      expect(await page.getAttribute('#works-filter', 'aria-describedby')).toBe('works-count')
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sort by Title')
      await page.focus('#works-filter')
      const filtered = async (text: string) => {
        await page.fill('#works-filter', '')
        await page.keyboard.type(text)
        return { count: await page.textContent('#works-count'), paths: await shownPaths(page) }
      }
      expect(await filtered('HARBOUR')).toEqual({ count: '2 of 5 works shown', paths: ['fics/archive/the-salt-ledger.txt', 'fics/drafts/lantern-row.md'] })
      expect(await filtered('wren')).toEqual({ count: '1 of 5 works shown', paths: ['fics/drafts/lantern-row.md'] })
      expect(await filtered('tidewater (tv)')).toEqual({ count: '1 of 5 works shown', paths: ['fics/drafts/lantern-row.md'] })
      expect(await filtered('backup/')).toEqual({ count: '2 of 5 works shown', paths: ['fics/backup/ferry-copy.txt', 'fics/backup/old/ferry.txt'] })
      expect(await filtered('harbour drafts')).toEqual({ count: '1 of 5 works shown', paths: ['fics/drafts/lantern-row.md'] })
      expect(await filtered('no such words')).toEqual({ count: '0 of 5 works shown', paths: [] })
      // Sorting keeps the filter.
      await filtered('harbour')
      await page.click('#works-table th[data-key="path"] button')
      await page.click('#works-table th[data-key="path"] button')
      expect(await shownPaths(page)).toEqual(['fics/drafts/lantern-row.md', 'fics/archive/the-salt-ledger.txt'])
      await page.focus('#works-filter')
      await page.keyboard.press('Escape')
      expect(await page.inputValue('#works-filter')).toBe('')
      expect(await page.textContent('#works-count')).toBe('all 5 works shown')
      await page.close()
    })

    it('flags duplicates, lists them, and counts each text once', async () => {
      const { page } = await open(path)
      expect(await page.textContent('#title')).toBe('Corpus: 3 works')
      expect(await page.$$eval('#figures li', (lis) => lis.map((li) => li.textContent))).toContain('2duplicate files, not counted again')
      const flags = await page.$$eval('#works-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('td.path')!.title, tr.querySelector('.flag')?.textContent ?? null]))
      expect(Object.fromEntries(flags)).toEqual({
        [FERRY]: 'duplicate · counted',
        'fics/archive/the-salt-ledger.txt': null,
        'fics/drafts/lantern-row.md': null,
        'fics/backup/ferry-copy.txt': 'duplicate · not counted',
        'fics/backup/old/ferry.txt': 'duplicate · not counted',
      })
      expect(await page.getAttribute('#works-table tbody tr:first-child .flag', 'title')).toBe('Counted; the same text as backup/ferry-copy.txt, backup/old/ferry.txt')
      expect(await page.textContent('#duplicates')).toBe('archive/night-ferry.txt (counted) = backup/ferry-copy.txt = backup/old/ferry.txt')
      expect(await page.textContent('#works-caption')).toContain('One row per file: 5 files hold 3 works, duplicates counted once.')
      expect(await page.textContent('#failures')).toBe('fics/drafts/broken.docx is not a readable .docx: the file is damaged or is not a Word document')
      await page.screenshot({ path: join(ARTIFACTS, 'corpus-index.png'), fullPage: true })
      await page.close()
    })
  })

  it('draws a comparison of two drafts', async () => {
    const old: Report = await analyzeFile('corpus/night-ferry.txt')
    const scenes = readFileSync('corpus/night-ferry.txt', 'utf8').split('\n#\n')
    scenes.splice(2, 1)
    const revised = analyze(scenes.join('\n#\n'), { path: 'night-ferry-v2.txt' })
    const path = join(dir, 'compare.html')
    writeFileSync(path, renderCompareHtml(compareReports(old, revised)))
    const { page, errors, requests } = await open(path)
    expect(errors).toEqual([])
    expect(requests).toEqual([])
    expect(await page.textContent('#summary')).toBe('6 scenes kept, 0 moved, 0 added, 1 cut.')
    expect(await page.locator('#pairs tbody tr[data-pair]').count()).toBe(7)
    // The story in parts, above the chart: "did the middle get faster?" is one row.
    const partsTop = await page.locator('#parts').boundingBox()
    expect(partsTop!.y).toBeLessThan((await page.locator('#compare-chart').boundingBox())!.y)
    const rows = await page.$$eval('#parts tbody tr', (trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)))
    expect(rows).toEqual([
      ['beginning', '2 → 2', '1–2 → 1–2', '773 → 773', '3.0 → 3.0', '9.7 → 9.7', '28% → 28%'],
      ['middle', '3 → 2 (−1)', '3–5 → 3–4', '805 → 496 (−309)', '3.1 → 1.9 (−1.2)', '9.9 → 7.9 (−2.0)', '24% → 40% (+16 pts)'],
      ['end', '2 → 2', '6–7 → 5–6', '604 → 604', '2.3 → 2.3', '11.0 → 11.0', '12% → 12%'],
    ])
    // The chart: both versions along the story, x the share of the words before each scene.
    const chart = await page.evaluate(() => {
      const c = (window as unknown as { Chart: { getChart(e: Element): any } }).Chart.getChart(document.getElementById('compare-chart')!)
      const sets = c.data.datasets.map((d: any) => ({ label: d.label, type: d.type ?? c.config.type, spanGaps: d.spanGaps, data: d.data.map((p: any) => [p.x, p.y]) }))
      const drawnLast = c.getSortedVisibleDatasetMetas()[0].label
      return { sets, drawnLast, x: [c.scales.x.min, c.scales.x.max] }
    })
    expect(chart.x).toEqual([0, 100])
    const set = (label: string) => chart.sets.find((d: { label: string }) => d.label === label)!
    // Each new scene's bar from the share of the new draft's words before it to its end: 311 of 1,874, then 462.
    expect(set('new words').data.slice(0, 4)).toEqual([[0, 311], [16.6, 311], [16.6, 462], [41.27, 462]])
    expect(set('old words').data.slice(4, 6)).toEqual([[35.43, 309], [49.59, 309]])
    // The new line breaks where old scene 3 was cut (a null point, never bridged); the old line does not.
    expect(set('new mean sentence').spanGaps).toBe(false)
    expect(set('new mean sentence').data.map((p: [number, number | null]) => p[1] === null)).toEqual([false, false, true, false, false, false, false])
    expect(set('new mean sentence').data[2]).toEqual([41.27, null])
    expect(set('old mean sentence').data.some((p: [number, number | null]) => p[1] === null)).toBe(false)
    // Lines are drawn last, above the bars.
    expect(chart.drawnLast).toBe('new mean sentence')
    await page.close()
  })

  it('links each pair of scenes of a comparison to their text, as text', async () => {
    const original = readFileSync('corpus/night-ferry.txt', 'utf8').split('\n#\n')
    const old = analyze(original.slice(0, 3).join('\n#\n'), { path: 'ferry.txt' })
    const hostile = 'The harbourmaster wrote <img src=x onerror="alert(1)"> on the board, and <b>nobody</b> laughed.\n\nThen the ferry came in & tied up.'
    const revised = analyze([original[0], original[2], hostile].join('\n#\n'), { path: 'ferry-v2.txt' })
    const comparison = compareReports(old, revised)
    expect(comparison.pairs.map((p) => p.status)).toEqual(['kept', 'cut', 'kept', 'added'])
    const path = join(dir, 'compare-text.html')
    writeFileSync(path, renderCompareHtml(comparison))
    const { page, errors, dialogs } = await open(path)
    expect(await page.textContent('#summary')).toBe('2 scenes kept, 0 moved, 1 added, 1 cut.')
    expect(await page.locator('tr.read-row:visible').count()).toBe(0)
    // The added scene: its text beside "not in this version", the markup in it shown as written.
    const read = page.locator('#pairs tr[data-pair="3"] button.read')
    expect(await read.getAttribute('aria-expanded')).toBe('false')
    await read.click()
    expect(await read.getAttribute('aria-expanded')).toBe('true')
    const row = page.locator('#read-3')
    expect(await row.isVisible()).toBe(true)
    const sides = await row.locator('.read-side').allTextContents()
    expect(sides[0]).toBe('old · not in this version')
    expect(sides[1]).toBe('new · scene 3 · 24 words' + hostile.replace('\n\n', ''))
    expect(await row.locator('.read-side').nth(1).locator('p').count()).toBe(2)
    expect(await page.locator('#pairs img, #pairs b').count()).toBe(0)
    // A kept pair: the old scene and the new, numbered from 1, side by side.
    await page.click('#pairs tr[data-pair="2"] button.read')
    const kept = await page.locator('#read-2 .read-side h3').allTextContents()
    expect(kept).toEqual([`old · scene 3 · ${old.scenes[2]!.words} words`, `new · scene 2 · ${revised.scenes[1]!.words} words`])
    expect(await page.locator('#read-2 .read-side').first().locator('p').first().textContent()).toBe(old.text!.slice(old.scenes[2]!.start, old.scenes[2]!.end).split(/\n\s*\n/)[0])
    await read.click()
    expect(await row.isVisible()).toBe(false)
    // On paper there are no Read buttons, so no column for them.
    expect(await page.locator('#pairs thead th').last().textContent()).toBe('text')
    await page.emulateMedia({ media: 'print' })
    expect(await page.$$eval('#pairs thead th', (ths) => ths.filter((th) => getComputedStyle(th).display !== 'none').map((th) => th.textContent).pop())).toBe('slips')
    expect(await page.locator('#pairs .read-col:visible').count()).toBe(0)
    await page.emulateMedia({ media: 'screen' })
    expect(errors).toEqual([])
    expect(dialogs).toEqual([])
    await page.close()
  })

  it('says "1 scene kept" in a comparison of one scene, and leaves the text out when the comparison has none', async () => {
    const one = analyze('The ferry left at nine. Nobody waved from the quay.', { path: 'one.txt' })
    const path = join(dir, 'compare-one.html')
    writeFileSync(path, renderCompareHtml(compareReports(one, one, { includeText: false })))
    const { page, errors } = await open(path)
    expect(await page.textContent('#summary')).toBe('1 scene kept, 0 moved, 0 added, 0 cut.')
    expect(await page.locator('button.read').count()).toBe(0)
    // A one-scene story is all middle: the beginning and the end hold no scene.
    const rows = await page.$$eval('#parts tbody tr', (trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[1]!.textContent, tr.children[2]!.textContent, tr.children[5]!.textContent]))
    expect(rows).toEqual([
      ['beginning', '0 → 0', 'none → none', '– → –'],
      ['middle', '1 → 1', '1 → 1', '5.0 → 5.0'],
      ['end', '0 → 0', 'none → none', '– → –'],
    ])
    expect(errors).toEqual([])
    await page.close()
  })
})
