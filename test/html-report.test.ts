import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/pipeline.js'
import { renderReportHtml, scriptJson } from '../src/report/html.js'

/** About 100,000 words: the plain-text corpus stories, one after another, as chapters of one novel. */
export function novel(): string {
  const parts: string[] = []
  const stories = ['night-ferry', 'the-hollow-week', 'the-salt-ledger', 'tidewater-station', 'the-glass-orchard']
  for (let round = 0; parts.join(' ').split(/\s+/).length < 100_000; round++) {
    for (const s of stories) {
      const body = readFileSync(`corpus/${s}.txt`, 'utf8').split('\n').filter((l) => !/^(?:chapter|part)\b/i.test(l.trim())).join('\n')
      parts.push(`Chapter ${parts.length + 1}\n\n${body.replace(/^[\s\S]*?\n\n/, '')}`)
    }
  }
  return parts.join('\n\n')
}

describe('the HTML report page', () => {
  it('embeds the report as JSON that cannot close its script element', () => {
    const tricky = { t: '</script><script>alert(1)</script><!-- \u2028 & >' }
    const out = scriptJson(tricky)
    expect(out).not.toMatch(/<|>|&|\u2028/)
    expect(JSON.parse(out)).toEqual(tricky)
  })

  it('is one file that loads nothing from anywhere', () => {
    const html = renderReportHtml(analyze(readFileSync('corpus/the-salt-ledger.txt'), { path: 'salt.txt' }))
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc\s*=|@import|url\(\s*['"]?https?:/i)
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'")
    expect(html.match(/^<script\b/gm)!.length).toBe(3)
    const data = /<script type="application\/json" id="proselens-data">([\s\S]*?)<\/script>/.exec(html)![1]!
    expect(JSON.parse(data).scenes).toHaveLength(8)
  })

  it('stays under 3 MB for a 100,000-word novel', () => {
    const text = novel()
    const r = analyze(text)
    expect(r.totals.words).toBeGreaterThan(100_000)
    const bytes = Buffer.byteLength(renderReportHtml(r))
    expect(bytes).toBeLessThan(3 * 2 ** 20)
  })
})
