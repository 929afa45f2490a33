import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compareReports } from '../src/compare/index.js'
import { analyze } from '../src/pipeline.js'

const original = readFileSync('corpus/night-ferry.txt', 'utf8')
const scenes = original.split('\n#\n')

/** A revision: scene 2's sentences split at ", and ", scene 3 cut, scenes 5 and 6 swapped, a new ending. */
function revise(): string {
  const s = scenes.slice()
  s[1] = s[1]!.replace(/, and /g, '. And ')
  s.splice(2, 1)
  ;[s[3], s[4]] = [s[4]!, s[3]!]
  s.push('\nYou stand on the quay and watch the ferry go. The lights grow small over the water. Then they are gone, and you turn for home at last.\n')
  return s.join('\n#\n')
}

describe('compareReports', () => {
  const old = analyze(original, { path: 'night-ferry.txt' })
  const revised = analyze(revise(), { path: 'night-ferry-v2.txt' })
  const c = compareReports(old, revised)

  it('matches scenes between versions: kept, moved, cut and added', () => {
    expect(c.pairs.map((p) => [p.status, p.old?.index ?? null, p.new?.index ?? null])).toEqual([
      ['kept', 0, 0],
      ['kept', 1, 1],
      ['cut', 2, null],
      ['kept', 3, 2],
      ['kept', 5, 3],
      ['moved', 4, 4],
      ['kept', 6, 5],
      ['added', null, 6],
    ])
    expect(c.pairs[0]!.similarity).toBe(1)
  })

  it('measures how each matched scene changed', () => {
    const second = c.pairs[1]!
    expect(second.change!.words).toBe(0)
    expect(second.change!.meanSentence).toBeLessThan(-0.5)
    expect(second.change!.meanSentence).toBeCloseTo(second.new!.meanSentence! - second.old!.meanSentence!, 3)
    expect(second.change!.tense).toBe(false)
    expect(second.change!.pov).toBe(false)
    expect(c.old.words - c.new.words).toBe(old.scenes[2]!.words - revised.scenes[6]!.words)
    expect(c.new.scenes).toBe(7)
  })

  it('still matches a scene after heavy editing, and not an unrelated one', () => {
    const edited = scenes.slice()
    const words = edited[3]!.split(' ')
    edited[3] = words.map((w, i) => (i % 4 === 0 ? w.toUpperCase() + 'x' : w)).join(' ')
    const r = compareReports(old, analyze(edited.join('\n#\n')))
    const pair = r.pairs.find((p) => p.old?.index === 3)!
    expect(pair.status).toBe('kept')
    expect(pair.similarity!).toBeGreaterThan(0.2)
    expect(pair.similarity!).toBeLessThan(0.8)
    const other = compareReports(old, analyze(readFileSync('corpus/the-salt-ledger.txt')))
    expect(other.pairs.filter((p) => p.status === 'kept' || p.status === 'moved')).toEqual([])
  })

  it('needs the text of both reports', () => {
    const { text: _, ...noText } = old
    expect(() => compareReports(noText, revised)).toThrow('compareReports needs reports with their text')
  })
})
