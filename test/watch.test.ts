import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { analyze } from '../src/pipeline.js'
import { describeChange } from '../src/compare/change-line.js'
import { liveCsp, livePage, Reanalyser, watchStory, WatchError, type LiveEvent, type LiveView } from '../src/node/watch.js'
import { renderReportHtml } from '../src/report/html.js'
import type { Report } from '../src/report/types.js'

/* A story of three scenes, written for these tests. */
const STORY = `The Lantern Quay

Mara carried the lantern down to the quay before the tide turned. The boats knocked against the stones, and the rope creaked in the cold. She counted them twice, because the harbourmaster had asked her to, and because counting kept her hands from shaking.

"You're late," said Tomas from the end of the jetty.

"The hill was slick," she said. "And the lamp kept going out."

He took it from her without a word and held it up to the water.

* * *

By noon the fog had lifted. Mara walked the long road to the village with the empty basket on her arm, thinking about the letter she had not sent. The baker waved at her from his door, and she waved back, though she did not stop.

The church bell rang once, then again, and then was still. She stood at the crossroads for a long time before she turned toward home.

* * *

That night the wind came in hard from the north. Tomas sat by the stove mending a net while she read aloud from the almanac. Neither of them mentioned the boat that had not come back.

When the fire burned low he banked it, and she went up the stairs alone.
`
/** Scene 2 revised: a sentence in the present (a tense slip) and a line of dialogue. */
const REVISED = STORY.replace(
  'though she did not stop.',
  'though she did not stop. She walks faster now, and the road is empty. "Wait for me," the baker called after her, but she did not answer him.',
)
const report = (text: string) => analyze(text, { path: 'quay.txt' })
const tmp = () => mkdtempSync(join(tmpdir(), 'proselens-watch-'))

describe('the change line', () => {
  const before = report(STORY)

  it('names the scene that moved and how: words, dialogue, mean sentence, slips', () => {
    const after = report(REVISED)
    const [o, n] = [before.scenes[1]!, after.scenes[1]!]
    expect(n.words - o.words).toBe(23)
    expect(n.tense.slips.filter((x) => x.shown).length - o.tense.slips.filter((x) => x.shown).length).toBe(1)
    const pct = (s: number | null) => `${Math.round(s! * 100)}%`
    expect(describeChange(before, after)).toBe(
      `scene 2: +23 words, dialogue ${pct(o.dialogue.share)} → ${pct(n.dialogue.share)}, mean sentence ${o.sentenceLength.mean!.toFixed(1)} → ${n.sentenceLength.mean!.toFixed(1)}, 1 new slip`,
    )
    // And back again: the slip gone, the words taken off.
    expect(describeChange(after, before)).toMatch(/^scene 2: −23 words, dialogue \d+% → 0%, mean sentence [\d.]+ → 14\.2, 1 slip gone$/)
  })

  it('says "no change in the figures" when a word is swapped for another', () => {
    const swapped = report(STORY.replace('long road', 'narrow road'))
    expect(swapped.source.sha256).not.toBe(before.source.sha256)
    expect(describeChange(before, swapped)).toBe('no change in the figures')
    expect(describeChange(before, report(STORY))).toBe('no change in the figures')
  })

  it('tells added and cut scenes, with the story total when several scenes moved', () => {
    const added = report(STORY + '\n* * *\n\nIn the morning the boat came back, low in the water, and everyone on the quay ran down to meet it.\n')
    expect(describeChange(before, added)).toBe('scene 4 new (21 words)')
    const cut = report(STORY.slice(0, STORY.lastIndexOf('* * *')))
    expect(describeChange(before, cut)).toBe('old scene 3 cut (51 words)')
    const both = report(STORY.slice(0, STORY.lastIndexOf('* * *')) + '* * *\n\nIn the morning the boat came back, low in the water, and everyone on the quay ran down to meet it.\n')
    expect(describeChange(before, both)).toBe('scene 3 new (21 words); old scene 3 cut (51 words); story −30 words')
  })

  it('stays one line of bounded length for many changed scenes, counting the rest', () => {
    const scene = (i: number, extra: string) => `Scene ${i} began at the pier, where the nets were drying in the sun and the gulls were loud.${extra} Nobody spoke of the storm.`
    const long = (extra: (i: number) => string) => report(Array.from({ length: 30 }, (_, i) => scene(i + 1, extra(i))).join('\n\n* * *\n\n'))
    const a = long(() => '')
    const b = long((i) => ' The water was grey and cold and very still.'.repeat(1 + (i % 3)))
    const line = describeChange(a, b)
    expect(line).not.toContain('\n')
    expect(line.length).toBeLessThanOrEqual(160 + '; story +1,000 words'.length)
    const named = line.match(/scene \d+:/g)!.length
    expect(line).toMatch(new RegExp(`; and ${30 - named} more scenes changed; story \\+[\\d,]+ words$`))
    expect(line.startsWith('scene 1: +9 words')).toBe(true)
  })
})

describe('reading again after saves (debounce, bad saves)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const first = report(STORY)
  const revised = report(REVISED)
  const empty = report('')

  function harness(results: (() => Report | Promise<Report>)[]) {
    const events: LiveEvent[] = []
    let calls = 0
    let running = 0
    let overlapped = false
    const live = new Reanalyser(first, {
      label: 'quay.txt',
      debounceMs: 150,
      analyse: async () => {
        running++
        if (running > 1) overlapped = true
        try {
          const next = results[Math.min(calls++, results.length - 1)]!
          await new Promise((r) => setTimeout(r, 50))
          return await next()
        } finally {
          running--
        }
      },
      onEvent: (e) => events.push(e),
    })
    return { live, events, calls: () => calls, overlapped: () => overlapped }
  }

  it('reads once after a burst of saves, 150 ms after the last', async () => {
    vi.useFakeTimers()
    const h = harness([() => revised])
    for (let i = 0; i < 5; i++) {
      h.live.poke()
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(h.calls()).toBe(0)
    await vi.advanceTimersByTimeAsync(49)
    expect(h.calls()).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(h.calls()).toBe(1)
    await vi.advanceTimersByTimeAsync(60)
    expect(h.live.state.version).toBe(2)
    expect(h.live.state.report).toBe(revised)
    expect(h.events).toEqual([{ kind: 'report', line: expect.stringMatching(/^scene 2: \+23 words/) }])
  })

  it('never reads twice at once: a save during a reading brings one more after it', async () => {
    vi.useFakeTimers()
    const h = harness([() => revised, () => first])
    h.live.poke()
    await vi.advanceTimersByTimeAsync(160)
    expect(h.calls()).toBe(1)
    h.live.poke()
    await vi.advanceTimersByTimeAsync(200)
    await h.live.idle()
    expect(h.calls()).toBe(2)
    expect(h.overlapped()).toBe(false)
    expect(h.live.state.version).toBe(3)
    expect(h.events.map((e) => e.kind)).toEqual(['report', 'report'])
  })

  it('keeps the last good report through a file that cannot be read, or is emptied, and recovers', async () => {
    vi.useFakeTimers()
    const h = harness([
      () => {
        throw new Error('quay.docx: the zip archive is corrupt or truncated')
      },
      () => empty,
      () => revised,
    ])
    h.live.poke()
    await vi.advanceTimersByTimeAsync(250)
    expect(h.live.state).toMatchObject({ version: 1, report: first, note: 'The last save could not be read (quay.docx: the zip archive is corrupt or truncated).' })
    h.live.poke()
    await vi.advanceTimersByTimeAsync(250)
    expect(h.live.state).toMatchObject({ version: 1, report: first, note: 'The last save could not be read (quay.txt: the file is empty).' })
    h.live.poke()
    await vi.advanceTimersByTimeAsync(250)
    expect(h.live.state).toMatchObject({ version: 2, report: revised, note: null })
    expect(h.events.map((e) => e.kind)).toEqual(['bad', 'bad', 'report'])
  })

  it('does not count a reading that changed nothing as a new version, but clears a note with it', async () => {
    vi.useFakeTimers()
    const h = harness([
      () => {
        throw new Error('quay.txt: no such file')
      },
      () => report(STORY),
    ])
    h.live.poke()
    await vi.advanceTimersByTimeAsync(250)
    expect(h.live.state.note).toContain('no such file')
    h.live.poke()
    await vi.advanceTimersByTimeAsync(250)
    expect(h.live.state).toMatchObject({ version: 1, note: null, line: 'no change in the figures' })
    expect(h.events.map((e) => e.kind)).toEqual(['bad', 'same'])
  })

  it('drops a waiting reading on close', async () => {
    vi.useFakeTimers()
    const h = harness([() => revised])
    h.live.poke()
    await h.live.close()
    await vi.advanceTimersByTimeAsync(500)
    expect(h.calls()).toBe(0)
    h.live.poke()
    await vi.advanceTimersByTimeAsync(500)
    expect(h.calls()).toBe(0)
  })
})

describe('the live page', () => {
  it('opens the CSP to its own server only, and adds the live client before </body>', () => {
    const html = renderReportHtml(report(STORY))
    const page = livePage(html, { version: 3, note: null, line: null, file: 'quay.txt' })
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1]!
    expect(csp).toContain("connect-src 'self'")
    expect(csp).not.toContain("connect-src 'none'")
    expect(csp).toContain("default-src 'none'")
    expect(page).toMatch(/<script type="application\/json" id="proselens-live">\{"version":3,"note":null,"line":null,"file":"quay\.txt"\}<\/script>\n<script>\/\* proselens live view[\s\S]*<\/script>\n<\/body>\n<\/html>\n$/)
    // Everything before the live script is the static page, but for the policy.
    const staticCsp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!
    expect(page.slice(0, page.indexOf('<script type="application/json" id="proselens-live">'))).toBe(html.slice(0, html.lastIndexOf('</body>')).replace(staticCsp, liveCsp(staticCsp)))
  })

  it('adds connect-src to a policy that had none, and replaces one that had', () => {
    expect(liveCsp("default-src 'none'; img-src data:")).toBe("default-src 'none'; img-src data:; connect-src 'self'")
    expect(liveCsp("default-src 'none'; connect-src https://example.com; base-uri 'none'")).toBe("default-src 'none'; base-uri 'none'; connect-src 'self'")
  })

  it('escapes a file name that would close its script element', () => {
    const page = livePage(renderReportHtml(report(STORY)), { version: 1, note: '</script><script>alert(1)</script>', line: null, file: '</script>.txt' })
    expect(page.match(/<\/script>/g)!.length).toBe(5)
  })
})

/** Wait until `test` holds, polling; fail after `ms`. */
async function until(test: () => boolean, ms = 5000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** GET a path of the server with a chosen Host header (fetch will not send another). */
function get(url: string, path: string, host?: string, extra: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const u = new URL(path, url)
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { ...(host ? { host } : {}), ...extra } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        body += c
        // An event stream never ends: its first event is enough.
        if (res.headers['content-type']?.startsWith('text/event-stream') && body.indexOf('event:') >= 0 && body.includes('\n\n', body.indexOf('event:'))) {
          res.destroy()
          done({ status: res.statusCode!, headers: res.headers, body })
        }
      })
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', fail)
    req.end()
  })
}

describe('watchStory on real files', () => {
  const views: LiveView[] = []
  afterAll(async () => {
    for (const v of views) await v.close()
  })
  async function start(path: string) {
    const lines: string[] = []
    const view = await watchStory(path, { log: (l) => lines.push(l) })
    views.push(view)
    return { view, lines }
  }

  it('reads again on a plain write, on a rename over the file, and when the corrections file changes', async () => {
    const dir = tmp()
    const path = join(dir, 'quay.txt')
    writeFileSync(path, STORY)
    const { view, lines } = await start(path)
    expect(view.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(view.state.version).toBe(1)

    writeFileSync(path, REVISED)
    await until(() => view.state.version === 2, 5000, 'the plain write')
    expect(lines.at(-1)).toMatch(/^\d\d:\d\d:\d\d {2}scene 2: \+23 words, .*1 new slip$/)

    // As editors save: a temporary file beside it, renamed over it.
    writeFileSync(join(dir, '.quay.txt.swp'), STORY)
    renameSync(join(dir, '.quay.txt.swp'), path)
    await until(() => view.state.version === 3, 5000, 'the rename')
    expect(view.state.report.totals.words).toBe(report(STORY).totals.words)
    expect(lines.at(-1)).toMatch(/scene 2: −23 words/)

    // Other files in the folder are none of its business.
    writeFileSync(join(dir, 'notes.txt'), 'unrelated')
    await new Promise((r) => setTimeout(r, 400))
    expect(lines).toHaveLength(2)

    writeFileSync(join(dir, 'quay.proselens.yaml'), 'breaks:\n  - The church bell rang\n')
    await until(() => view.state.version === 4, 5000, 'the corrections file')
    expect(view.state.report.scenes).toHaveLength(4)
    expect(lines.at(-1)).toMatch(/scene 3 new/)
    writeFileSync(join(dir, 'quay.proselens.yaml'), 'breakz: [oops]\n')
    await until(() => view.state.note !== null, 5000, 'the bad corrections file')
    expect(view.state.note).toContain('unknown key "breakz"')
    expect(view.state.report.scenes).toHaveLength(4)
    unlinkSync(join(dir, 'quay.proselens.yaml'))
    await until(() => view.state.version === 5, 5000, 'the corrections file removed')
    expect(view.state.report.scenes).toHaveLength(3)
    expect(view.state.note).toBeNull()
  })

  it('survives an emptied file, a deleted and recreated one, and a truncated .docx', async () => {
    const { Document, Packer, Paragraph } = await import('docx')
    const docx = async (text: string) => Packer.toBuffer(new Document({ sections: [{ children: text.split('\n\n').map((p) => new Paragraph(p)) }] }))
    const dir = tmp()
    const path = join(dir, 'quay.docx')
    const whole = await docx(STORY)
    writeFileSync(path, whole)
    const { view, lines } = await start(path)
    const words = view.state.report.totals.words
    expect(words).toBeGreaterThan(150)

    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)))
    await until(() => view.state.note !== null, 5000, 'the truncated save')
    expect(view.state.note).toMatch(/^The last save could not be read \(.*quay\.docx is not a readable \.docx: the file is damaged or is not a Word document\)/)
    expect(lines.at(-1)).toMatch(/quay\.docx is not a readable \.docx: the file is damaged or is not a Word document.*; the page keeps the last good report$/)
    expect(view.state).toMatchObject({ version: 1 })

    writeFileSync(path, '')
    await until(() => view.state.note?.includes('the file is empty') === true, 5000, 'the emptied save')
    unlinkSync(path)
    await until(() => view.state.note?.includes('no such file') === true, 5000, 'the deletion')
    expect(view.state.report.totals.words).toBe(words)

    writeFileSync(path, await docx(REVISED))
    await until(() => view.state.version === 2, 5000, 'the file recreated')
    expect(view.state.note).toBeNull()
    expect(view.state.report.totals.words).toBe(words + 23)
  })

  it('serves the page, the report and the events on loopback only, to its own name only', async () => {
    const dir = tmp()
    const path = join(dir, 'quay.txt')
    writeFileSync(path, STORY)
    const { view } = await start(path)
    const page = await get(view.url, '/')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'")
    expect(page.body).toContain('id="proselens-live"')
    const json = await get(view.url, '/report.json')
    expect(json.headers['x-proselens-version']).toBe('1')
    expect(JSON.parse(json.body).totals.words).toBe(view.state.report.totals.words)
    const events = await get(view.url, '/events')
    expect(events.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(events.body).toMatch(/event: state\ndata: \{"version":1,"note":null,"line":null,"session":"[0-9a-f]{12}"\}\n\n/)
    expect((await get(view.url, '/nothing')).status).toBe(404)
    expect((await get(view.url, '/', `evil.example:${view.port}`)).status).toBe(403)
    expect((await get(view.url, '/', `localhost:${view.port}`)).status).toBe(200)
    // A page of another site open in a browser here gets nothing either.
    expect((await get(view.url, '/report.json', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await get(view.url, '/report.json', undefined, { 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    // Loopback only: the port answers on 127.0.0.1 and nowhere else.
    const { networkInterfaces } = await import('node:os')
    const outside = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)
    if (outside) await expect(get(`http://${outside.address}:${view.port}/`, '/')).rejects.toThrow(/ECONNREFUSED/)
  })

  it('says so when the port is taken, and when the story cannot be read at the start', async () => {
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const port = (blocker.address() as { port: number }).port
    const dir = tmp()
    writeFileSync(join(dir, 'quay.txt'), STORY)
    await expect(watchStory(join(dir, 'quay.txt'), { port })).rejects.toThrow(WatchError)
    await expect(watchStory(join(dir, 'quay.txt'), { port })).rejects.toThrow(`port ${port} is taken`)
    blocker.close()
    await expect(watchStory(join(dir, 'missing.txt'))).rejects.toThrow('missing.txt: no such file')
  })
})

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

describe.skipIf(!existsSync(CHROMIUM))('the live page in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('a static report page exposes its report, and draws another in place without leaving old charts or listeners', async () => {
    const dir = tmp()
    const first = report(STORY)
    const path = join(dir, 'quay.html')
    writeFileSync(path, renderReportHtml(first))
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    try {
      await page.goto(`file://${path}`)
      await page.waitForSelector('html[data-ready=true]')
      expect(await page.evaluate(() => (window as unknown as { proselensReport: Report }).proselensReport)).toEqual(JSON.parse(JSON.stringify(first)))
      const revised = JSON.parse(JSON.stringify(report(REVISED))) as Report
      for (let i = 0; i < 3; i++) await page.evaluate((r) => (window as unknown as { proselens: { drawReport(r: unknown): void } }).proselens.drawReport(r), i % 2 ? first : revised)
      const state = await page.evaluate(() => ({
        charts: Object.keys((window as unknown as { Chart: { instances: object } }).Chart.instances).length,
        rows: document.querySelectorAll('#scene-table tbody tr').length,
        heads: document.querySelectorAll('#scene-table thead').length,
        figures: document.querySelectorAll('#figures li').length,
        bands: document.querySelectorAll('#band .row').length,
        slips: document.querySelectorAll('#story .slip[tabindex="0"]').length,
        words: (window as unknown as { proselensReport: Report }).proselensReport.totals.words,
      }))
      expect(state).toEqual({ charts: 2, rows: 3, heads: 1, figures: 11, bands: 2, slips: 1, words: revised.totals.words })
      // One listener per canvas: a click on scene 3's bar goes there once (its flash starts once).
      const hits = await page.evaluate(() => {
        let n = 0
        const canvas = document.getElementById('pacing-chart')!
        const original = Element.prototype.scrollIntoView
        Element.prototype.scrollIntoView = function (this: Element, ...a: unknown[]) {
          n++
          return original.apply(this, a as [])
        }
        const chart = (window as unknown as { Chart: { getChart(c: HTMLElement): { getDatasetMeta(i: number): { data: { x: number; y: number; base: number }[] } } } }).Chart.getChart(canvas)!
        const bar = chart.getDatasetMeta(0).data[2]!
        const box = canvas.getBoundingClientRect()
        canvas.dispatchEvent(new MouseEvent('click', { clientX: box.left + bar.x, clientY: box.top + (bar.y + bar.base) / 2, bubbles: true }))
        return n
      })
      expect(hits).toBe(1)
      expect(page.url()).toMatch(/#scene-2$/)
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('follows saves in place, keeping the scroll, shows a note for a bad save, and ends cleanly', async () => {
    const dir = tmp()
    const path = join(dir, 'night-ferry.txt')
    const original = readFileSync('corpus/night-ferry.txt', 'utf8')
    writeFileSync(path, original)
    const lines: string[] = []
    const view = await watchStory(path, { log: (l) => lines.push(l) })
    const origin = new URL(view.url).origin
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
    const errors: string[] = []
    const elsewhere: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== origin) elsewhere.push(r.url())
    })
    try {
      await page.goto(view.url)
      await page.waitForSelector('html[data-ready=true]')
      const words0 = view.state.report.totals.words
      expect(await page.evaluate(() => (window as unknown as { proselensReport: Report }).proselensReport.totals.words)).toBe(words0)
      expect(await page.textContent('#figures li:first-child .v')).toBe(words0.toLocaleString('en-US'))
      // The reader is well into the story, reading a scene, with the table sorted by length.
      await page.click('#scene-table th[data-key="words"] button')
      await page.evaluate(() => window.scrollTo(0, 2600))
      const scrolled = await page.evaluate(() => window.scrollY)
      expect(scrolled).toBe(2600)

      const shownWords = () => page.evaluate(() => (window as unknown as { proselensReport: Report }).proselensReport.totals.words)
      const timings: number[] = []
      const save = async (how: 'write' | 'rename', text: string) => {
        const expected = analyze(text, { path }).totals.words
        const t0 = Date.now()
        if (how === 'write') writeFileSync(path, text)
        else {
          writeFileSync(join(dir, 'night-ferry.txt~'), text)
          renameSync(join(dir, 'night-ferry.txt~'), path)
        }
        await page.waitForFunction((w) => (window as unknown as { proselensReport: { totals: { words: number } } }).proselensReport.totals.words === w && document.querySelector('#figures li .v')!.textContent === w.toLocaleString('en-US'), expected, { timeout: 2000, polling: 10 })
        timings.push(Date.now() - t0)
        return expected
      }

      // A plain write: a new last paragraph in the first scene.
      const firstBreak = original.indexOf('\n\n#\n\n')
      const v2 = `${original.slice(0, firstBreak)}\n\nThe engine coughs twice and the deck shivers under your boots, and then the ferry is moving.${original.slice(firstBreak)}`
      const words2 = await save('write', v2)
      expect(words2).toBe(words0 + 17)
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
      expect(await page.locator('#story section.scene').count()).toBe(7)
      expect(await page.textContent('#story')).toContain('and then the ferry is moving.')
      expect(await page.getAttribute('#scene-table th[data-key="words"]', 'aria-sort')).toBe('descending')
      expect(await page.textContent('#live-status')).toContain('scene 1: +17 words')
      // Both charts were replaced by new ones, not drawn over.
      const bars = await page.evaluate(() => {
        const C = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { datasets: { data: number[] }[] } } } }).Chart
        return C.getChart(document.getElementById('pacing-chart') as HTMLCanvasElement)!.data.datasets[0]!.data[0]
      })
      expect(bars).toBe(view.state.report.scenes[0]!.words)

      // An editor's save: a temporary file renamed over the story.
      const words3 = await save('rename', original)
      expect(words3).toBe(words0)
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
      expect(await page.textContent('#live-note')).toBe('')

      // A bad save: the file emptied. The last good report stays, with a note.
      writeFileSync(path, '')
      await page.waitForSelector('#live-note:not(:empty)', { timeout: 2000 })
      expect(await page.textContent('#live-note')).toContain('the file is empty')
      expect(await page.isVisible('#live-note')).toBe(true)
      expect(await shownWords()).toBe(words0)
      expect(await page.locator('#story section.scene').count()).toBe(7)
      expect(lines.at(-1)).toMatch(/the file is empty; the page keeps the last good report$/)
      // Loaded afresh while the file is bad, the page shows the note too.
      const second = await browser.newPage()
      await second.goto(view.url)
      await second.waitForSelector('html[data-ready=true]')
      expect(await second.textContent('#live-note')).toContain('the file is empty')
      await second.close()
      // Written properly again: the note goes.
      await save('write', v2)
      expect(await page.textContent('#live-note')).toBe('')
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)

      await view.close()
      await page.waitForFunction(() => document.getElementById('live-status')!.textContent!.startsWith('Live view ended'), null, { timeout: 2000 })
      expect(errors).toEqual([])
      expect(elsewhere).toEqual([])
      expect(Math.max(...timings)).toBeLessThan(2000)
      console.log(`save to page update: ${timings.join(' ms, ')} ms`)
    } finally {
      await page.close()
      await view.close()
    }
  })
})

describe('proselens watch (the built CLI)', () => {
  const CLI = resolve('dist/cli/main.js')

  /** Start the CLI; resolve with its output once `ready` matches, or when it exits. */
  function launch(args: string[]) {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
    return { child, exited, out: () => stdout, err: () => stderr }
  }

  it('validates --port', async () => {
    for (const bad of ['abc', '70000', '-1', '1.5']) {
      const run = launch(['watch', 'corpus/night-ferry.txt', '--port', bad])
      expect(await run.exited).toBe(2)
      expect(run.err()).toContain('expected a port number from 0 to 65535')
    }
  })

  it('fails with exit 1 on a story it cannot read', async () => {
    const run = launch(['watch', join(tmp(), 'missing.txt')])
    expect(await run.exited).toBe(1)
    expect(run.err()).toMatch(/missing\.txt: no such file/)
  })

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints the URL, serves the page, and ends with exit 0 on ${signal}`, async () => {
      const dir = tmp()
      const path = join(dir, 'quay.txt')
      writeFileSync(path, STORY)
      const run = launch(['watch', path, '--port', '0'])
      await until(() => /open http:\/\/127\.0\.0\.1:\d+\//.test(run.out()) || run.child.exitCode !== null, 15_000, 'the URL')
      const url = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(run.out())![1]!
      expect(run.out()).toMatch(/^Watching .*quay\.txt \(\d+ words, 3 scenes\): open http/)
      expect((await get(url, '/')).status).toBe(200)
      // An open page's event stream does not keep it from ending.
      const stream = request(new URL('/events', url))
      stream.on('error', () => {})
      stream.end()
      await new Promise((r) => setTimeout(r, 200))
      writeFileSync(path, REVISED)
      await until(() => run.out().includes('scene 2: +23 words'), 5000, 'the change line')
      run.child.kill(signal)
      expect(await run.exited).toBe(0)
      expect(run.out()).toContain('stopped watching')
      expect(run.err()).toBe('')
      await expect(get(url, '/')).rejects.toThrow(/ECONNREFUSED/)
      rmSync(dir, { recursive: true, force: true })
    })
  }
})
