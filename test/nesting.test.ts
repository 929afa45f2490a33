import { readFileSync } from 'node:fs'
import { Parser } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/index.js'
import { limitNesting, MAX_DEPTH } from '../src/ingest/nesting.js'

/** The deepest stack htmlparser2 reaches on a document. */
function depthOf(html: string): number {
  let depth = 0
  let deepest = 0
  const p = new Parser({ onopentag: () => (deepest = Math.max(deepest, ++depth)), onclosetag: () => depth-- }, { recognizeSelfClosing: true })
  p.write(html)
  p.end()
  return deepest
}

describe('nesting guard for htmlparser2 (its stack costs time in proportion to depth)', () => {
  it('leaves real documents as they are', () => {
    const html = readFileSync('corpus/the-copper-kite.html', 'utf8')
    expect(limitNesting(html)).toBe(html)
    const nested = '<div>'.repeat(200) + 'deep text' + '</div>'.repeat(200)
    expect(limitNesting(nested)).toBe(nested)
  })

  it('keeps the parser under the limit, whatever the tags do, and keeps the text', () => {
    const cases = [
      '<div>'.repeat(5000) + 'text' + '</div>'.repeat(5000),
      '<div></span>'.repeat(3000) + 'text', // stray closes do not reset the count
      '<em>a '.repeat(3000),
      '<p><em>'.repeat(3000) + 'text',
    ]
    for (const html of cases) {
      const out = limitNesting(html)
      expect(depthOf(out)).toBeLessThanOrEqual(2 * MAX_DEPTH + 2)
      expect(out.replace(/<[^>]*>/g, '')).toBe(html.replace(/<[^>]*>/g, ''))
    }
  })

  it('never drops a script past the limit: its content stays out of the text', () => {
    const html = '<div>'.repeat(MAX_DEPTH + 10) + '<script>var hidden = "<div>";</script><p>Shown.</p>'
    const r = analyze(html, { path: 'deep.html' })
    expect(r.text).not.toContain('hidden')
    expect(r.text).toContain('Shown.')
  })

  it('reads 100,000 nested elements whole (unguarded they took six seconds; the bench times it)', () => {
    const html = '<html><body><p>' + '<em>word '.repeat(100_000) + '</p></body></html>'
    const r = analyze(html, { path: 'nested.html' })
    expect(r.totals.words).toBe(100_000)
    expect(r.totals.thought).not.toBeNull()
  })
})
