import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareReports } from '../src/compare/index.js'
import { analyze } from '../src/pipeline.js'
import { matchChapters, partSide, thirdsOf } from '../src/compare/parts.js'
import { count, plural } from '../src/compare/plural.js'
import { READING_WPM } from '../src/measure/registry.js'

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

  it("holds each version's text and where each scene lies in it, unless told not to", () => {
    const second = c.pairs[1]!
    expect(c.old.text!.slice(second.old!.start, second.old!.end)).toBe(scenes[1]!.trim())
    expect(c.new.text!.slice(second.new!.start, second.new!.end)).toBe(scenes[1]!.replace(/, and /g, '. And ').trim())
    const bare = compareReports(old, revised, { includeText: false })
    expect('text' in bare.old || 'text' in bare.new).toBe(false)
    expect(bare.pairs).toEqual(c.pairs)
  })

  it('needs the text of both reports', () => {
    const { text: _, ...noText } = old
    expect(() => compareReports(noText, revised)).toThrow('compareReports needs reports with their text')
  })
})

/** Six scenes of a short story written for these tests, of unlike lengths. */
const KEEPER = [
  'Mara climbed the lighthouse stairs before dawn. The lamp was still turning. She counted the steps, as her father had, and lost count at the landing.',
  '"You are late," said Tobin from the gallery. "The boat left an hour ago." Mara shrugged and set down the kettle. The wind pulled at her coat, and the gulls wheeled over the rocks below.',
  'All morning she scraped salt from the glass. It came away in grey flakes that stuck to her gloves. Below her the sea lay flat and bright, and nothing moved on it but a single cormorant. She worked until her arms ached.',
  'At noon the radio crackled. A fishing boat had lost its engine off the point. Tobin took the handset and spoke slowly. Mara watched the water for a hull.',
  'The lifeboat went out from the harbour at two. Its orange paint was the only colour in the bay. They followed it with the glasses until it rounded the point and was gone.',
  'By evening the fog came in. The horn sounded every thirty seconds, low and patient. Mara lit the lamp and sat beside it, listening, until the boats came home.',
]
const story = (scenes: readonly string[]) => scenes.join('\n\n#\n\n') + '\n'

describe('thirdsOf', () => {
  it.each([
    { words: [100, 100, 100], cuts: [1, 2] },
    { words: [10, 10, 10, 10, 10, 10], cuts: [2, 4] },
    { words: [50, 10, 10, 10, 10, 10], cuts: [1, 3] },
    // A long first scene still leaves one scene to each part.
    { words: [80, 10, 10], cuts: [1, 2] },
    { words: [10, 10, 80], cuts: [1, 2] },
    // Fewer than three scenes: the cuts fall at the nearest boundaries, leaving parts empty.
    { words: [40], cuts: [0, 1] },
    { words: [30, 30], cuts: [1, 1] },
    { words: [10, 90], cuts: [1, 2] },
    { words: [], cuts: [0, 0] },
  ])('cuts $words at $cuts', ({ words, cuts }) => {
    expect(thirdsOf(words.map((w) => ({ words: w })))).toEqual(cuts)
  })
})

describe('the story in parts', () => {
  const old = analyze(story(KEEPER), { path: 'keeper.txt' })

  it('cuts each version into thirds at scene boundaries, each third whole scenes', () => {
    expect(old.scenes.map((s) => s.words)).toEqual([26, 35, 42, 29, 33, 29])
    const c = compareReports(old, old)
    expect(c.parts.map((p) => p.name)).toEqual(['beginning', 'middle', 'end'])
    // 194 words: a third is 64.7 (the nearest boundary is 61, before scene 3), two thirds 129.3 (132, before scene 5).
    expect(c.parts.map((p) => [p.old!.firstScene, p.old!.lastScene, p.old!.words, p.old!.scenes])).toEqual([
      [0, 1, 61, 2],
      [2, 3, 71, 2],
      [4, 5, 62, 2],
    ])
    expect(c.parts.every((p) => JSON.stringify(p.old) === JSON.stringify(p.new))).toBe(true)
    // Each scene's place along the story: the share of the words before it (61 of 194), and to its end (103).
    expect([c.pairs[2]!.old!.from, c.pairs[2]!.old!.to]).toEqual([0.3144, 0.5309])
    expect(c.pairs.map((p) => p.new!.from)).toEqual([0, 0.134, 0.3144, 0.5309, 0.6804, 0.8505])
    expect(c.parts[0]!.change).toEqual({ words: 0, readingMinutes: 0, scenes: 0, meanSentenceLength: 0, dialogueShare: 0 })
  })

  it("takes a part's mean sentence as its words over its sentences, and reading time at the report's speed", () => {
    const two = analyze(story([KEEPER[2]!, 'Nobody came up the stairs that night.']))
    expect(two.scenes.map((s) => [s.words, s.sentences, s.sentenceLength.mean])).toEqual([[42, 4, 10.5], [7, 1, 7]])
    // 49 words in 5 sentences, not the mean of the scenes' means (8.75).
    expect(partSide(two.scenes).meanSentenceLength).toBe(9.8)
    const side = partSide(old.scenes.slice(0, 2))
    // Tobin's nine words of speech in the first two scenes' 61.
    expect(side.dialogueShare).toBe(0.1475)
    expect(side.readingMinutes).toBe(0.2)
    expect(side.readingMinutes).toBe(Math.round((61 / READING_WPM) * 10) / 10)
    expect(partSide(old.scenes).readingMinutes).toBe(old.totals.readingMinutes)
  })

  it('answers whether the middle got faster: a shortened middle, and a scene cut', () => {
    const revised = KEEPER.slice()
    revised[2] = 'All morning she scraped salt from the glass. She worked until her arms ached.'
    revised.splice(3, 1)
    const c = compareReports(old, analyze(story(revised), { path: 'keeper-v2.txt' }))
    const [beginning, middle, end] = c.parts
    expect(c.new.scenes).toBe(5)
    // The new draft's own thirds: 137 words, cut nearest 45.7 and 91.3 (at 61 and 75).
    expect([beginning!.new!.firstScene, middle!.new!.firstScene, end!.new!.firstScene]).toEqual([0, 2, 3])
    expect(middle!.old).toMatchObject({ words: 71, scenes: 2, meanSentenceLength: 8.875 })
    expect(middle!.new).toMatchObject({ words: 14, scenes: 1, meanSentenceLength: 7 })
    expect(middle!.change).toEqual({ words: -57, readingMinutes: -0.2, scenes: -1, meanSentenceLength: -1.875, dialogueShare: 0 })
    expect(beginning!.change!.words).toBe(0)
    expect(end!.new!.scenes).toBe(2)
    expect(end!.change).toEqual({ words: 0, readingMinutes: 0, scenes: 0, meanSentenceLength: 0, dialogueShare: 0 })
  })

  it('gives a story of fewer than three scenes empty parts, with no figures where there are no words', () => {
    const one = analyze(KEEPER[0]!)
    const two = analyze(story([KEEPER[1]!, KEEPER[4]!]))
    const c = compareReports(one, two)
    expect(c.parts.map((p) => [p.name, p.old!.scenes, p.new!.scenes])).toEqual([
      ['beginning', 0, 1],
      ['middle', 1, 0],
      ['end', 0, 1],
    ])
    const empty = c.parts[0]!.old!
    expect(empty).toEqual({ words: 0, readingMinutes: 0, scenes: 0, meanSentenceLength: null, dialogueShare: null, firstScene: null, lastScene: null })
    expect(c.parts[0]!.change).toEqual({ words: 35, readingMinutes: 0.1, scenes: 1, meanSentenceLength: null, dialogueShare: null })
    expect(c.parts[1]!.old!.words).toBe(26)
  })

  it('compares with a version that has no words', () => {
    const c = compareReports(old, analyze(''))
    expect(c.new.scenes).toBe(0)
    expect(c.parts.map((p) => p.new!.words)).toEqual([0, 0, 0])
    expect(c.parts.map((p) => p.change!.words)).toEqual([-61, -71, -62])
    expect(c.parts.map((p) => p.change!.meanSentenceLength)).toEqual([null, null, null])
    expect(c.pairs.map((p) => p.status)).toEqual(['cut', 'cut', 'cut', 'cut', 'cut', 'cut'])
  })
})

describe('chapter parts', () => {
  const chapters = (titles: readonly (string | null)[], scenes: readonly string[][]) =>
    scenes.map((s, i) => (titles[i] ? `${titles[i]}\n\n` : '') + s.join('\n\n#\n\n')).join('\n\n')

  it('matches chapters by the scenes they share, so a renumbered chapter follows its text', () => {
    const old = analyze(chapters(['Chapter 1', 'Chapter 2', 'Chapter 3'], [[KEEPER[0]!, KEEPER[1]!], [KEEPER[2]!, KEEPER[3]!], [KEEPER[4]!, KEEPER[5]!]]))
    const revised = analyze(chapters(['Chapter 1', 'Chapter 2'], [[KEEPER[0]!, KEEPER[1]!], [KEEPER[4]!, KEEPER[5]!]]))
    expect(old.chapters.map((c) => c.title)).toEqual(['Chapter 1', 'Chapter 2', 'Chapter 3'])
    expect(matchChapters(old, revised, compareReports(old, revised).pairs)).toEqual([[0, 0], [1, null], [2, 1]])
    const parts = compareReports(old, revised).parts.slice(3)
    expect(parts.map((p) => p.name)).toEqual(['Chapter 1', 'Chapter 2', 'Chapter 2 (was Chapter 3)'])
    expect(parts[0]!.change).toEqual({ words: 0, readingMinutes: 0, scenes: 0, meanSentenceLength: 0, dialogueShare: 0 })
    expect(parts[1]!.old!.words).toBe(42 + 29)
    expect(parts[1]!.new).toBeNull()
    expect(parts[1]!.change).toBeNull()
    expect([parts[2]!.old!.words, parts[2]!.new!.words, parts[2]!.old!.firstScene, parts[2]!.new!.firstScene]).toEqual([62, 62, 4, 2])
  })

  it('pairs chapters in order where no scene ties them, names untitled ones by number, and adds a new one', () => {
    const old = analyze(chapters(['Chapter 1', 'Chapter 2'], [[KEEPER[0]!], [KEEPER[1]!]]))
    // Chapter 2 rewritten past recognition, under the same heading; a chapter added after it.
    const revised = analyze(chapters(['Chapter 1', 'Chapter 2', 'Chapter 3'], [[KEEPER[0]!], [KEEPER[3]!], [KEEPER[5]!]]))
    const c = compareReports(old, revised)
    expect(c.parts.slice(3).map((p) => [p.name, p.old?.words ?? null, p.new?.words ?? null])).toEqual([
      ['Chapter 1', 26, 26],
      ['Chapter 2', 35, 29],
      ['Chapter 3', null, 29],
    ])
  })

  it('leaves chapter parts out where neither version has more than one chapter', () => {
    const plain = analyze(story(KEEPER))
    expect(plain.chapters).toHaveLength(1)
    expect(compareReports(plain, plain).parts).toHaveLength(3)
  })
})

describe('plural', () => {
  it.each([
    [0, 'scene', undefined, '0 scenes'],
    [1, 'scene', undefined, '1 scene'],
    [2, 'scene', undefined, '2 scenes'],
    [1200, 'word', undefined, '1,200 words'],
    [1, 'more scene', undefined, '1 more scene'],
    [3, 'child', 'children', '3 children'],
  ])('counts %i %s', (n, one, many, expected) => {
    expect(count(n, one, many)).toBe(expected)
    expect(plural(n, one, many)).toBe(expected.replace(/^[\d,]+ /, ''))
  })
})

describe('proselens compare (the built CLI)', () => {
  it('says what it kept in words, one scene or many, and writes the parts into the JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proselens-compare-'))
    writeFileSync(join(dir, 'a.txt'), KEEPER[0]!)
    writeFileSync(join(dir, 'b.txt'), story([KEEPER[0]!, KEEPER[5]!]))
    const run = (a: string, b: string) => execFileSync(process.execPath, [resolve('dist/cli/main.js'), 'compare', join(dir, a), join(dir, b), '--out', dir], { encoding: 'utf8' })
    expect(run('a.txt', 'b.txt').split('\n')[0]).toBe(`${join(dir, 'a.txt')} → ${join(dir, 'b.txt')}: 1 scene kept, 0 moved, 1 added, 0 cut; words 26 → 55`)
    expect(run('b.txt', 'b.txt').split('\n')[0]).toContain(': 2 scenes kept, 0 moved, 0 added, 0 cut; words 55 → 55')
    const json = JSON.parse(readFileSync(join(dir, 'b-compared.json'), 'utf8'))
    expect(json.parts.map((p: { name: string; new: { scenes: number } }) => [p.name, p.new.scenes])).toEqual([['beginning', 1], ['middle', 0], ['end', 1]])
  })
})
