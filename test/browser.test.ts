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
    expect(await shown('th button')).not.toContain(true)
    expect(await shown('nav.toc')).toEqual([false])
    expect(await shown('details.data')).toEqual([false, false])
    expect(await shown('#text')).toEqual([false])
    expect(await shown('#pacing-chart')).toEqual([true])
    expect(await shown('#scene-table')).toEqual([true])
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.length).toBeGreaterThan(20_000)
    await page.close()
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
      expect(await page.$$eval('#works-table thead th', (ths) => ths.map((th) => th.textContent))).toEqual(['Title', 'Path', 'Author', 'Fandom', 'Rating', 'Words', 'Scenes', 'Chapters', 'Dialogue', 'Mean sent.', 'Median sent.', 'Tense', 'POV', 'Slips'])
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
    expect(await page.locator('#pairs tbody tr').count()).toBe(7)
    await page.close()
  })
})
