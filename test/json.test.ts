import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/index.js'
import { jsonPieces, toJson } from '../src/report/json.js'

describe('report JSON in pieces', () => {
  const report = analyze(readFileSync('corpus/the-salt-ledger.txt'), { path: 'salt.txt' })
  const expected = JSON.parse(JSON.stringify(report))

  it('joined, the pieces are the report, pretty or compact', () => {
    expect(JSON.parse(toJson(report))).toEqual(expected)
    expect(JSON.parse(toJson(report, { pretty: false }))).toEqual(expected)
    expect(toJson(report, { pretty: false })).toBe(JSON.stringify(report))
  })

  it('each scene and chapter is a piece of its own, so no piece holds the whole report', () => {
    const pieces = [...jsonPieces(report)]
    expect(pieces.length).toBeGreaterThan(report.scenes.length + report.chapters.length)
    const largest = Math.max(...pieces.filter((p) => !p.includes('"text"')).map((p) => p.length))
    expect(largest).toBeLessThan(toJson(report).length / 4)
  })

  it('pretty JSON keeps short arrays on one line, and is far shorter than JSON.stringify with an indent', () => {
    const pretty = toJson(report)
    expect(pretty).toMatch(/"sentenceSpans": \[\n\s+\[\d+, \d+, \d+, \d+\],\n/)
    expect(pretty.length).toBeLessThan(JSON.stringify(report, null, 2).length * 0.8)
  })

  it('leaves out undefined entries, as JSON.stringify does', () => {
    expect(JSON.parse(toJson({ a: 1, b: undefined, c: [{ d: undefined, e: 2 }] }))).toEqual({ a: 1, c: [{ e: 2 }] })
  })
})

describe('scene numbers and positions', () => {
  it('numbers scenes and chapters from 1, and places each scene by the share of words before it', () => {
    const text = ['Nell walks to the pier and waits there.', '* * *', 'Tom comes down the hill with the dog, and the dog runs ahead of him all the way.', '* * *', 'They sit.'].join('\n\n')
    const r = analyze(text)
    expect(r.scenes.map((s) => s.number)).toEqual([1, 2, 3])
    expect(r.chapters.map((c) => c.number)).toEqual([1])
    const words = r.scenes.map((s) => s.words)
    expect(words).toEqual([8, 18, 2])
    expect(r.scenes.map((s) => s.position)).toEqual([0, Math.round((8 / 28) * 10_000) / 10_000, Math.round((26 / 28) * 10_000) / 10_000])
    expect(analyze('').scenes).toEqual([])
  })
})
