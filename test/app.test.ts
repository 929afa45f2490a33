// The app page (proselens app): built from the sources, opened from disk in Chromium, fed every
// corpus story in every format; its reports must be the command line's, byte for byte.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import JSZip from 'jszip'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module script without types
import { APP_CSP, APP_PAGE, buildApp, bundle } from '../scripts/build-app.mjs'
// @ts-expect-error: a plain ES module script without types
import { renderAll, storyModel } from '../scripts/render-formats.mjs'
import { analyzeFile } from '../src/node/analyze-file.js'
import { analyzeBytes } from '../src/pipeline.js'
import { writeZip } from './helpers/zip-writer.js'
import { toJson } from '../src/report/json.js'
import { compareReports } from '../src/compare/index.js'
import { MAX_FILE_BYTES } from '../src/ingest/limits.js'
import type { Report } from '../src/report/types.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const haveChromium = existsSync(CHROMIUM)

const dir = mkdtempSync(join(tmpdir(), 'proselens-app-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let built: { html: string; inputs: string[] }
beforeAll(async () => {
  built = await buildApp()
  writeFileSync(join(dir, 'proselens.html'), built.html)
}, 120_000)

describe('the app page as built', () => {
  it('is the committed app/proselens.html: rebuild it with npm run app when this fails', () => {
    expect(existsSync(APP_PAGE)).toBe(true)
    const committed = readFileSync(APP_PAGE, 'utf8')
    expect(committed.length).toBe(built.html.length)
    expect(committed === built.html).toBe(true)
  })

  it('is one file under 6 MB whose policy allows no request', () => {
    expect(Buffer.byteLength(built.html)).toBeLessThan(6 * 2 ** 20)
    expect(built.html).toContain(`<meta http-equiv="Content-Security-Policy" content="${APP_CSP}">`)
    for (const directive of ["default-src 'none'", "connect-src 'none'", "form-action 'none'"]) expect(APP_CSP).toContain(directive)
    // Nothing the page carries names a place to load from.
    expect(APP_CSP).not.toMatch(/https?:|\*/)
    expect(built.html).not.toMatch(/<(?:script|link|img|iframe)[^>]*\s(?:src|href)=["']?(?:https?:|\/\/)/i)
  })

  it('bundles the core and nothing of src/node or src/cli, with no Node module in it', () => {
    const ours = built.inputs.filter((i) => i.startsWith('src/'))
    for (const layer of ['src/ingest/', 'src/structure/', 'src/annotate/', 'src/measure/', 'src/report/', 'src/compare/']) expect(ours.some((i) => i.startsWith(layer))).toBe(true)
    expect(ours.filter((i) => i.startsWith('src/node/') || i.startsWith('src/cli/'))).toEqual([])
    expect(built.inputs.filter((i) => /^node:|^(?:fs|path|os|crypto|stream|zlib|worker_threads)$/.test(i))).toEqual([])
  })

  it('the whole core (src/core.ts) bundles for browsers; any Node import fails the bundle, naming its file', async () => {
    const core = await bundle('src/core.ts')
    expect(core.inputs).toContain('src/pipeline.ts')
    // Outside src/ (whose files the layers test reads at the same time), in a folder of its own.
    const bad = join(mkdtempSync(join('test', 'fixtures', 'tmp-')), 'node-import.ts')
    writeFileSync(bad, "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n")
    try {
      await expect(bundle(bad)).rejects.toThrow(/node-import\.ts imports the Node built-in "node:fs"/)
    } finally {
      rmSync(join(bad, '..'), { recursive: true })
    }
  })

  it('no file of the core names a Node built-in or Buffer', () => {
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []))
    const core = files('src').filter((f) => !/^src[\\/](?:node|cli)[\\/]/.test(f))
    // Code only: a comment may say what Node would do.
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    const offenders = core.filter((f) => /from ['"]node:|\bBuffer\b|\bprocess\.(?:env|cwd|exit)/.test(code(f)))
    expect(offenders).toEqual([])
  })
})

/** Every corpus story, and every format each plain-text story is rendered into. */
function storyFiles(): string[] {
  const out = readdirSync('corpus').filter((f) => /\.(?:txt|md|html)$/.test(f)).map((f) => join('corpus', f))
  return out
}

describe.skipIf(!haveChromium)('the app page in Chromium', () => {
  let browser: Browser
  let page: Page
  const requests: string[] = []
  const errors: string[] = []
  const files: string[] = []
  let downloads = 0

  beforeAll(async () => {
    files.push(...storyFiles())
    for (const f of readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort()) {
      const stem = f.replace(/\.txt$/, '')
      const renders: Record<string, string | Buffer> = await renderAll(storyModel(new Uint8Array(readFileSync(`corpus/${f}`)), `corpus/${f}`))
      for (const [ending, data] of Object.entries(renders)) {
        writeFileSync(join(dir, stem + ending), data)
        files.push(join(dir, stem + ending))
      }
    }
    // ODT is LibreOffice's, committed: the renderings of the stories and the tool fixtures.
    for (const d of ['test/fixtures/odt', 'test/fixtures/tools/libreoffice-odt']) files.push(...readdirSync(d).sort().map((f) => join(d, f)))
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1200, height: 900 } })
    const url = `file://${join(dir, 'proselens.html')}`
    page.on('request', (r) => {
      // The worker is made from a blob the page holds: that is no request to anywhere.
      if (r.url() !== url && !r.url().startsWith('blob:')) requests.push(r.url())
    })
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(url)
    await page.waitForSelector('html[data-ready=true]', { state: 'attached', timeout: 10_000 })
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
  })

  /** Give the page a file and wait for its report, or its error message. */
  async function drop(path: string, input = '#pick'): Promise<{ report: Report | null; status: string }> {
    await page.evaluate(() => {
      delete window.proselensReport
      delete window.proselensComparison
      document.getElementById('status')!.textContent = ''
    })
    await page.setInputFiles(input, path)
    const key = input === '#pick' ? 'proselensReport' : 'proselensComparison'
    await page.waitForFunction((k) => (window as unknown as Record<string, unknown>)[k] !== undefined || document.getElementById('status')!.classList.contains('error'), key, { timeout: 60_000 })
    const report = await page.evaluate(() => window.proselensReport ?? null)
    return { report: report as Report | null, status: (await page.textContent('#status')) ?? '' }
  }

  async function saved(button: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)])
    const path = join(dir, `saved-${++downloads}-${download.suggestedFilename()}`)
    await download.saveAs(path)
    return readFileSync(path, 'utf8')
  }

  /** The command line's JSON for a file, with the path as the page names it (the file's name). */
  async function cliJson(path: string): Promise<string> {
    const report = await analyzeFile(path)
    return toJson({ ...report, source: { ...report.source, path: path.split('/').pop()! } })
  }

  it('every corpus story in every format: the saved JSON is the command line\'s, byte for byte (apart from the path), with no request', async () => {
    expect(files.length).toBeGreaterThanOrEqual(12 + 7 * 9)
    const formats = new Set<string>()
    for (const f of files) {
      const { report, status } = await drop(f)
      expect(status, f).not.toMatch(/error|cannot|failed/i)
      expect(report, f).not.toBeNull()
      formats.add(report!.source.format)
      expect(await saved('#save-json'), f).toBe(await cliJson(f))
    }
    expect([...formats].sort()).toEqual(['docx', 'epub', 'html', 'markdown', 'novelwriter', 'odt', 'pdf', 'rtf', 'scrivener', 'text'])
    expect(requests).toEqual([])
    expect(errors).toEqual([])
  }, 600_000)

  it('shows the report page analyze writes, drawn in its frame, and saves it whole', async () => {
    const { report } = await drop('corpus/the-copper-kite.html')
    const frame = page.frame({ url: 'about:srcdoc' })!
    await frame.waitForSelector('html[data-ready=true]', { state: 'attached', timeout: 10_000 })
    expect(await frame.textContent('#title')).toBe('The Copper Kite')
    expect(await frame.locator('#story section.scene').count()).toBe(report!.scenes.length)
    const html = await saved('#save-html')
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<title>The Copper Kite — proselens report</title>')
    // The page's figures are the embedded report's.
    const embedded = JSON.parse(/<script type="application\/json" id="proselens-data">([\s\S]*?)<\/script>/.exec(html)![1]!)
    expect(embedded.totals).toEqual(report!.totals)
    // Neither the page nor the report it shows may fetch anything: the policy refuses it.
    const blocked = async (where: Page | NonNullable<ReturnType<Page['frame']>>) =>
      where.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true })
            fetch('http://127.0.0.1:9/x').catch(() => undefined)
          }),
      )
    expect(await blocked(page)).toBe('connect-src')
    expect(await blocked(frame)).toBe('connect-src')
    expect(requests).toEqual([])
  })

  it('a file dropped on the report in its frame is opened by the app', async () => {
    await drop('corpus/night-ferry.txt')
    const frame = page.frame({ url: 'about:srcdoc' })!
    await frame.waitForSelector('html[data-ready=true]', { state: 'attached', timeout: 10_000 })
    await page.evaluate(() => delete window.proselensReport)
    await frame.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File(['She ran to the quay. He stayed behind.\n\n* * *\n\nThey met again in spring.'], 'dropped.txt', { type: 'text/plain' }))
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    })
    await page.waitForFunction(() => window.proselensReport !== undefined, null, { timeout: 20_000 })
    const report = await page.evaluate(() => window.proselensReport!)
    expect(report.source.path).toBe('dropped.txt')
    expect(report.scenes.map((s) => s.words)).toEqual([8, 5])
    // With Shift held, the file dropped is compared with the one shown.
    const shown = page.frame({ url: 'about:srcdoc' })!
    await shown.waitForSelector('html[data-ready=true]', { state: 'attached', timeout: 10_000 })
    await shown.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File(['She ran to the quay. He stayed behind.\n\n* * *\n\nThey met again in spring, and talked.'], 'dropped-2.txt', { type: 'text/plain' }))
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, shiftKey: true }))
    })
    await page.waitForFunction(() => window.proselensComparison !== undefined, null, { timeout: 20_000 })
    const comparison = await page.evaluate(() => window.proselensComparison!)
    expect([comparison.old.words, comparison.new.words].sort()).toEqual([13, 15])
    expect(await page.isVisible('#back')).toBe(true)
    await page.click('#back')
  })

  it('compares with another draft: the older file is the earlier version', async () => {
    const older = join(dir, 'draft-1.txt')
    const newer = join(dir, 'draft-2.txt')
    const text = readFileSync('corpus/the-salt-ledger.txt', 'utf8')
    writeFileSync(older, text)
    writeFileSync(newer, `${text.trimEnd()}\n\nOne more closing line here.\n`)
    const { utimesSync } = await import('node:fs')
    utimesSync(older, new Date('2026-01-01'), new Date('2026-01-01'))
    await drop(newer)
    await drop(older, '#pick-compare')
    const comparison = await page.evaluate(() => window.proselensComparison as unknown as ReturnType<typeof compareReports>)
    const expected = compareReports(await analyzeFile(older), await analyzeFile(newer))
    expect(comparison.old.words).toBe(expected.old.words)
    expect(comparison.new.words).toBe(expected.new.words)
    expect(comparison.new.words - comparison.old.words).toBe(5)
    expect(comparison.pairs.map((p) => p.status)).toEqual(expected.pairs.map((p) => p.status))
    const frame = page.frame({ url: 'about:srcdoc' })!
    await frame.waitForSelector('#compare-chart', { state: 'attached', timeout: 10_000 })
    expect(await page.isVisible('#back')).toBe(true)
    await page.click('#back')
    await page.frame({ url: 'about:srcdoc' })!.waitForSelector('#scene-table', { state: 'attached', timeout: 10_000 })
  })

  it('a damaged PDF, a damaged .docx, a zip bomb and a file past the size limit each get one plain message; the next file is read', async () => {
    const pdf = join(dir, 'notes.pdf')
    writeFileSync(pdf, '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('She ran.')] }] }))
    const damaged = join(dir, 'damaged.docx')
    writeFileSync(damaged, docx.subarray(0, Math.floor(docx.length / 2)))
    const zip = new JSZip()
    zip.file('mimetype', 'application/epub+zip')
    zip.file('OEBPS/big.xhtml', 'a'.repeat(20 * 2 ** 20))
    const bomb = join(dir, 'bomb.epub')
    writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }))
    const huge = join(dir, 'huge.txt')
    writeFileSync(huge, Buffer.alloc(MAX_FILE_BYTES + 1024, 'word '))
    const cases: [string, RegExp][] = [
      [pdf, /^notes\.pdf is not a readable PDF: the file is a damaged or cut-short PDF document$/],
      [damaged, /^damaged\.docx(?::| is not a readable \.docx:) .*(?:corrupt|truncated|damaged)/],
      [bomb, /^bomb\.epub: .*zip bomb/],
      [huge, /^huge\.txt: 32\.0 MB is more than the 32 MB limit$/],
    ]
    for (const [file, message] of cases) {
      const { report, status } = await drop(file)
      expect(report, file).toBeNull()
      expect(status, file).toMatch(message)
      expect(status.split('\n')).toHaveLength(1)
    }
    const { report } = await drop('corpus/night-ferry.txt')
    expect(report!.totals.words).toBeGreaterThan(1000)
  })

  it('refuses hostile zips as Node does, word for word: encrypted, a declared bomb, a lying entry, too many entries, cut short', async () => {
    const enc = (t: string) => new TextEncoder().encode(t)
    const container = { name: 'META-INF/container.xml', data: enc('<?xml version="1.0"?><container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>') }
    const mimetype = { name: 'mimetype', method: 0, data: enc('application/epub+zip') }
    const chapter = enc('<html><body><p>The tide came in over the flats.</p></body></html>')
    const cases: Record<string, Uint8Array> = {
      'encrypted.epub': writeZip([mimetype, container, { name: 'OEBPS/ch.xhtml', data: chapter, flags: 1 }]),
      'declared.epub': writeZip([mimetype, container, { name: 'OEBPS/ch.xhtml', data: chapter, size: 0xfffffff0 }]),
      'lying.epub': writeZip([mimetype, container, { name: 'OEBPS/ch.xhtml', data: new Uint8Array(8 * 2 ** 20).fill(97), size: 1000 }]),
      'crowded.epub': writeZip([mimetype, container, ...Array.from({ length: 10_001 }, (_, i) => ({ name: `OEBPS/p${i}.xhtml`, data: chapter }))]),
      'cut.epub': writeZip([mimetype, container, { name: 'OEBPS/ch.xhtml', data: chapter }]).subarray(0, 120),
    }
    for (const [name, bytes] of Object.entries(cases)) {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      const node = await analyzeBytes(bytes, { path: name }).then(() => null, (e: Error) => e.message)
      expect(node, name).not.toBeNull()
      const { report, status } = await drop(path)
      expect(report, name).toBeNull()
      expect(status, name).toBe(node!.startsWith(name) ? node : `${name}: ${node}`)
    }
  })

  it('stops an analysis past its time limit, says so, and reads the next file with one new worker', async () => {
    await page.evaluate(() => {
      const counts = ((window as unknown as { counts: { workers: number } }).counts = { workers: 0 })
      const Original = window.Worker
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options)
          counts.workers++
        }
      }
      window.proselensTimeLimitMs = 1
    })
    const { report, status } = await drop('corpus/the-hollow-week.txt')
    expect(report).toBeNull()
    expect(status).toBe('the-hollow-week.txt: the analysis took longer than 0.001 s and was stopped')
    await page.evaluate(() => delete window.proselensTimeLimitMs)
    const next = await drop('corpus/the-hollow-week.txt')
    expect(next.report!.source.path).toBe('the-hollow-week.txt')
    expect(await page.evaluate(() => (window as unknown as { counts: { workers: number } }).counts.workers)).toBe(1)
  })

  it('a file that cannot be read, and a file given while another is read, each get a message; the page goes on', async () => {
    await page.evaluate(() => {
      const original = File.prototype.arrayBuffer
      File.prototype.arrayBuffer = function () {
        File.prototype.arrayBuffer = original
        return Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'))
      }
    })
    const failed = await drop('corpus/night-ferry.txt')
    expect(failed.report).toBeNull()
    expect(failed.status).toBe('night-ferry.txt: the file could not be read (The file could not be read.)')
    // One at a time: a second file given while the first is read is not lost silently.
    const long = join(dir, 'long-busy.txt')
    // Long enough (about 100,000 words) that the second file surely comes while the first is read, on a loaded machine too.
    writeFileSync(long, Array.from({ length: 30 }, () => readFileSync('corpus/the-glass-orchard.txt', 'utf8')).join('\n\n* * *\n\n'))
    await page.evaluate(() => delete window.proselensReport)
    await page.setInputFiles('#pick', long)
    await page.setInputFiles('#pick', 'corpus/night-ferry.txt')
    expect(await page.textContent('#status')).toBe('Still reading long-busy.txt: night-ferry.txt was not opened; give it again when this one is done.')
    await page.waitForFunction(() => window.proselensReport !== undefined, null, { timeout: 60_000 })
    expect(await page.evaluate(() => window.proselensReport!.source.path)).toBe('long-busy.txt')
    const after = await drop('corpus/night-ferry.txt')
    expect(after.report!.source.path).toBe('night-ferry.txt')
  })

  it('stays responsive while a long book is analysed, showing progress', async () => {
    const long = join(dir, 'long.txt')
    writeFileSync(long, Array.from({ length: 12 }, () => readFileSync('corpus/the-glass-orchard.txt', 'utf8')).join('\n\n* * *\n\n'))
    await page.evaluate(() => delete window.proselensReport)
    await page.setInputFiles('#pick', long)
    // The page's own thread answers at once while the worker reads.
    const ticks = await page.evaluate(async () => {
      const seen: number[] = []
      while (!window.proselensReport && seen.length < 400) {
        await new Promise((r) => setTimeout(r, 10))
        seen.push((document.getElementById('progress') as HTMLProgressElement).value)
      }
      return seen
    })
    expect(ticks.length).toBeGreaterThan(5)
    expect(new Set(ticks).size).toBeGreaterThan(1)
    await page.waitForFunction(() => window.proselensReport !== undefined, null, { timeout: 60_000 })
  })
})
