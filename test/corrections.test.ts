import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/pipeline.js'
import { readText, textToBytes } from '../src/ingest/text.js'
import { readSource } from '../src/ingest/index.js'
import { markerConfidence, structure } from '../src/structure/index.js'
import { applyCorrections, CorrectionsError, mergeCorrections, parseCorrections, type Corrections } from '../src/structure/corrections.js'
import { readSidecar, sidecarPaths } from '../src/node/sidecar.js'
import { validateReport } from '../src/report/validate.js'
import type { Manuscript } from '../src/types.js'

const manuscript = (text: string) => structure(readText(textToBytes(text)))
const story = (m: Manuscript) => m.chapters.flatMap((c) => c.scenes)
/** Each scene's first words, to see where the scenes fall. */
const openings = (m: Manuscript) => story(m).map((s) => m.text.slice(s.start, s.end).split(/\s+/).slice(0, 3).join(' '))
const codes = (m: Manuscript, code: string) => m.diagnostics.filter((d) => d.code === code)
const slice = (m: Manuscript, s: { start: number; end: number } | null) => (s ? m.text.slice(s.start, s.end) : null)

/** Every index and span a corrected manuscript must keep. */
function expectConsistent(m: Manuscript): void {
  let sceneIndex = 0
  let last = m.frontMatter?.end ?? 0
  if (m.frontMatter) expect(m.frontMatter.start).toBeLessThanOrEqual(m.frontMatter.end)
  expect(m.chapters.length).toBeGreaterThan(0)
  for (const [ci, c] of m.chapters.entries()) {
    expect(c.index).toBe(ci)
    expect(c.start).toBeGreaterThanOrEqual(last)
    expect(c.start).toBeLessThanOrEqual(c.end)
    if (c.heading) expect(c.heading.start).toBe(c.start)
    for (const [si, s] of c.scenes.entries()) {
      expect(s.index).toBe(sceneIndex++)
      expect(s.chapter).toBe(ci)
      if (s.index === 0) expect(s.breakBefore.kind).toBe('start')
      else if (si === 0) expect(s.breakBefore.kind).toBe('chapter')
      else expect(s.breakBefore.kind).not.toMatch(/^(start|chapter)$/)
      expect(s.paragraphs.length).toBeGreaterThan(0)
      expect(s.start).toBe(s.paragraphs[0]!.start)
      expect(s.end).toBe(s.paragraphs[s.paragraphs.length - 1]!.end)
      expect(s.start).toBeGreaterThanOrEqual(c.start)
      expect(s.end).toBeLessThanOrEqual(c.end)
      for (const p of s.paragraphs) {
        expect(p.start).toBeGreaterThanOrEqual(last)
        expect(p.end).toBeGreaterThan(p.start)
        expect(m.text.slice(p.start, p.end).trim()).toBe(m.text.slice(p.start, p.end))
        last = p.end
      }
    }
    last = Math.max(last, c.end)
  }
  if (m.endMatter) {
    expect(m.endMatter.start).toBeGreaterThanOrEqual(last)
    expect(m.endMatter.end).toBeLessThanOrEqual(m.text.length)
  }
}

/** Apply corrections, checking that the manuscript given is left as it was. */
function corrected(m: Manuscript, c: Corrections): Manuscript {
  const before = structuredClone(m)
  const out = applyCorrections(m, c)
  expect(m).toEqual(before)
  expectConsistent(out)
  return out
}

// An original story: a bus shelter, a marker of the writer's own (o~o), a lone "12" that reads as
// a heading, a doubled blank line that reads as a break, a time jump with no marker, a
// dedication before the story and an afterword after it.
const BUS = `The Night Bus to Carrow

For my sister, who always missed it.

Idris counted the stops on his fingers while the rain worked at the shelter roof. Eleven more, if the driver was kind. Fourteen if he was not.

A woman in a green raincoat came and stood at the far end of the bench. She did not sit. She held her umbrella closed, as if opening it under a roof would be a kind of boast.

The bus came round the corner with its number lit up over the windscreen.

12

Not his. He sat back down, and the woman in green stepped forward, and the doors folded open with a sigh like an old dog settling.

o~o

On the top deck, Marguerite Osei shook out her umbrella and watched the shelter shrink behind her. The boy on the bench had looked at her as if she were a ghost.

She took the front seat, the one children fight over, and pressed her forehead to the glass.


The driver braked hard at the lights and a paper cup rolled the length of the aisle. Nobody picked it up.

Three days later Idris found the green umbrella hooked over the shelter rail, dry as a bone, as if it had never been out in weather at all.

He took it home. He did not know why.

This one came to me on an actual night bus, years ago. Comments make my week.
`

describe('the detector as it stands (what the corrections are for)', () => {
  it('knows no o~o marker, reads the lone 12 as a chapter, the double blank line as a break, and the dedication and afterword as story', () => {
    expect(markerConfidence('o~o')).toBe(0)
    const m = manuscript(BUS)
    expect(m.chapters.map((c) => c.title)).toEqual([null, '12'])
    expect(openings(m)).toEqual(['For my sister,', 'Not his. He', 'The driver braked'])
    expect(story(m)[2]!.breakBefore.kind).toBe('gap')
    expect(story(m)[1]!.paragraphs.map((p) => m.text.slice(p.start, p.end))).toContain('o~o')
    expect(m.endMatter).toBeNull()
  })
})

describe('applyCorrections', () => {
  it("reads the writer's own marker as a break: kind writer, confidence 1, the marker line out of the scene", () => {
    const m = corrected(manuscript(BUS), { breakMarker: ['o~o'] })
    expect(openings(m)).toEqual(['For my sister,', 'Not his. He', 'On the top', 'The driver braked'])
    const after = story(m)[2]!
    expect(after.breakBefore).toEqual({ kind: 'writer', marker: 'o~o', confidence: 1 })
    expect(story(m).flatMap((s) => s.paragraphs).map((p) => m.text.slice(p.start, p.end))).not.toContain('o~o')
    expect(story(m)[1]!.end).toBe(m.text.indexOf('old dog settling.') + 'old dog settling.'.length)
    expect(codes(m, 'correction-applied').map((d) => d.message)).toEqual(['breakMarker "o~o": this paragraph is a scene break'])
    expect(codes(m, 'correction-applied')[0]).toMatchObject({ severity: 'info', start: m.text.indexOf('o~o'), end: m.text.indexOf('o~o') + 3 })
  })

  it('matches a marker whatever its case and spacing, and the words of a break whatever the quotes, case and spaces', () => {
    const text = 'Mara set the kettle on.\n\nIt boiled dry.\n\n  O~O  \n\n“Who left this on?” asked Fen, at the door.\n\nNo one answered her.\n\nThe house cooled.\n'
    const m = corrected(manuscript(text), { breakMarker: ['o~o'], breaks: ['"who   LEFT this'] })
    expect(openings(m)).toEqual(['Mara set the', '“Who left this'])
    expect(story(m)[1]!.breakBefore).toEqual({ kind: 'writer', marker: 'O~O', confidence: 1 })
    // The quote style does not matter, nor does the opening quote mark; whole words do.
    const n = corrected(manuscript(text), { breaks: ['No one answered', 'The hou'] })
    expect(openings(n)).toEqual(['Mara set the', 'No one answered'])
    expect(codes(n, 'correction-unmatched').map((d) => d.message)).toEqual(['breaks "The hou": no paragraph of the story starts with these words'])
  })

  it('removes a false break: the scene joins the one before it', () => {
    const m = corrected(manuscript(BUS), { notBreaks: ['the driver BRAKED'] })
    expect(openings(m)).toEqual(['For my sister,', 'Not his. He'])
    expect(story(m)[1]!.paragraphs).toHaveLength(8)
    expect(codes(m, 'correction-applied')[0]!.message).toBe('notBreaks "the driver BRAKED": no scene break before this paragraph (the gap break is removed): the scene joins the one before')
  })

  it('adds a missed break at the paragraph opening with the words', () => {
    const m = corrected(manuscript(BUS), { breaks: ['Three days later'] })
    expect(openings(m)).toEqual(['For my sister,', 'Not his. He', 'The driver braked', 'Three days later'])
    expect(story(m)[3]!.breakBefore).toEqual({ kind: 'writer', marker: null, confidence: 1 })
    expect(story(m)[3]!.paragraphs.map((p) => m.text.slice(p.start, p.end).slice(0, 12))).toEqual(['Three days l', 'He took it h', 'This one cam'])
  })

  it('confirms a break found already (a weak one, say): writer, confidence 1; a chapter start stays as it is', () => {
    const m = corrected(manuscript(BUS), { breaks: ['The driver braked', 'Not his'] })
    expect(openings(m)).toEqual(['For my sister,', 'Not his. He', 'The driver braked'])
    expect(story(m)[2]!.breakBefore).toEqual({ kind: 'writer', marker: null, confidence: 1 })
    expect(story(m)[1]!.breakBefore.kind).toBe('chapter')
    expect(codes(m, 'correction-applied').map((d) => d.message)).toEqual([
      expect.stringMatching(/^breaks "The driver braked": the break before this paragraph is confirmed \(it was gap, confidence 0\.\d+\)$/),
      'breaks "Not his": a scene already starts at this paragraph',
    ])
  })

  it('moves the story start: the dedication becomes front matter', () => {
    const m = corrected(manuscript(BUS), { storyStarts: 'Idris counted the stops' })
    expect(slice(m, m.frontMatter)).toBe('The Night Bus to Carrow\n\nFor my sister, who always missed it.')
    expect(m.frontMatter!.fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'The Night Bus to Carrow'],
      ['front', 'For my sister, who always missed it.'],
    ])
    expect(openings(m)[0]).toBe('Idris counted the')
    expect(m.meta.title).toBe('The Night Bus to Carrow')
  })

  it('moves the story end: the afterword becomes end matter', () => {
    const m = corrected(manuscript(BUS), { storyEnds: 'He took it home.' })
    expect(slice(m, m.endMatter)).toBe('This one came to me on an actual night bus, years ago. Comments make my week.')
    const lastScene = story(m).at(-1)!
    expect(m.text.slice(lastScene.end - 'did not know why.'.length, lastScene.end)).toBe('did not know why.')
  })

  it('ignores a heading: the chapter joins the one before and the line is left out of the scenes', () => {
    const m = corrected(manuscript(BUS), { ignoreHeadings: ['12'] })
    expect(m.chapters).toHaveLength(1)
    expect(m.chapters[0]!.title).toBeNull()
    expect(openings(m)).toEqual(['For my sister,', 'The driver braked'])
    const paragraphs = story(m)[0]!.paragraphs.map((p) => m.text.slice(p.start, p.end))
    expect(paragraphs).not.toContain('12')
    expect(paragraphs.some((p) => p.startsWith('The bus came round'))).toBe(true)
    expect(paragraphs.some((p) => p.startsWith('Not his.'))).toBe(true)
  })

  it('all at once: the story as the writer means it', () => {
    const m = corrected(manuscript(BUS), {
      storyStarts: 'Idris counted',
      storyEnds: 'He took it home',
      ignoreHeadings: ['12'],
      breakMarker: ['o~o'],
      notBreaks: ['The driver braked'],
      breaks: ['Three days later'],
    })
    expect(m.chapters).toHaveLength(1)
    expect(openings(m)).toEqual(['Idris counted the', 'On the top', 'Three days later'])
    expect(story(m).map((s) => s.breakBefore.kind)).toEqual(['start', 'writer', 'writer'])
    expect(codes(m, 'correction-applied')).toHaveLength(6)
    expect(codes(m, 'correction-unmatched')).toHaveLength(0)
    expect(m.endMatter).not.toBeNull()
  })

  it('warns, naming it, for every correction that matches nothing or cannot apply', () => {
    const m = corrected(manuscript(BUS), {
      breakMarker: ['<>'],
      breaks: ['Nobody ever said'],
      notBreaks: ['Not his.', 'On the top deck', 'For my sister'],
      storyStarts: 'Once upon a time',
      storyEnds: 'And they all lived',
      ignoreHeadings: ['Chapter Nine'],
    })
    expect(openings(m)).toEqual(openings(manuscript(BUS)))
    const warnings = codes(m, 'correction-unmatched')
    expect(warnings.every((d) => d.severity === 'warning')).toBe(true)
    expect(warnings.map((d) => d.message)).toEqual([
      'storyStarts "Once upon a time": no paragraph of the story or its front matter starts with these words',
      'storyEnds "And they all lived": no paragraph of the story or its end matter starts with these words',
      'ignoreHeadings "Chapter Nine": no chapter heading of the story is this text',
      'breakMarker "<>": no paragraph of the story is this marker alone',
      'breaks "Nobody ever said": no paragraph of the story starts with these words',
      'notBreaks "Not his.": this paragraph opens a chapter: to join the chapters, name its heading in ignoreHeadings',
      'notBreaks "On the top deck": there is no scene break before this paragraph',
      'notBreaks "For my sister": this paragraph opens the story: there is no break before it',
    ])
    expect(codes(m, 'correction-applied')).toHaveLength(0)
  })

  it('gives back what was read as front matter when the story starts inside it, and withdraws the metadata it gave', () => {
    const text = [
      'Salt Road',
      'by Teodora Finch',
      'Rating: T',
      '',
      'Warnings: none.',
      '',
      'Disclaimer: the sea owns everything, my grandmother used to say, and she would know.',
      '',
      'Summary: the tide took the causeway again, and Ada watched it come.',
      '',
      'The tide came up the causeway before noon, which it had no business doing in March.',
      '',
      '"It\'ll turn," said her father, not looking up from the paper.',
      '',
      'It did not turn.',
      '',
    ].join('\n')
    const before = manuscript(text)
    expect(before.meta).toMatchObject({ disclaimer: 'the sea owns everything, my grandmother used to say, and she would know.', summary: expect.stringContaining('the tide took') })
    const m = corrected(before, { storyStarts: 'Disclaimer: the sea owns everything' })
    expect(slice(m, m.frontMatter)).toBe('Salt Road\nby Teodora Finch\nRating: T\n\nWarnings: none.')
    expect(openings(m)).toEqual(['Disclaimer: the sea'])
    expect(story(m)[0]!.paragraphs).toHaveLength(5)
    expect(m.meta.summary).toBeNull()
    expect('disclaimer' in m.meta).toBe(false)
    expect(m.meta).toMatchObject({ title: 'Salt Road', author: 'Teodora Finch', rating: 'T', warnings: 'none.' })
  })

  it('gives back what was read as end matter when the story ends inside it', () => {
    const text = [
      'The band played the last song to an empty hall.',
      '',
      'Priya kept the beat anyway, because somebody had to.',
      '',
      'Feedback whined out of the amplifier long after the last chord, and nobody reached to switch it off.',
      '',
      'Thanks for reading! This was written for the midsummer prompt.',
      '',
    ].join('\n')
    const before = manuscript(text)
    expect(slice(before, before.endMatter)).toMatch(/^Feedback whined/)
    const m = corrected(before, { storyEnds: 'Feedback whined' })
    expect(slice(m, m.endMatter)).toBe('Thanks for reading! This was written for the midsummer prompt.')
    expect(m.endMatter!.fields.map((f) => f.value)).toEqual(['Thanks for reading! This was written for the midsummer prompt.'])
    expect(story(m)).toHaveLength(1)
    expect(story(m)[0]!.paragraphs).toHaveLength(3)
  })

  it('starts and ends the story inside chapters: headings before the start go to the front matter, chapters after the end to the end matter', () => {
    const text = [
      'Chapter 1',
      '',
      'A note before we begin: none of this happened, and all of it is true.',
      '',
      'The lock keeper rose at five, as he had for thirty years.',
      '',
      'He fed the cat and opened the sluice.',
      '',
      'Chapter 2',
      '',
      'By noon the barges had stacked up to the bend.',
      '',
      'He let them through one by one, and waved to each.',
      '',
      'Chapter 3',
      '',
      'Some questions readers asked me about locks, answered here.',
      '',
    ].join('\n')
    const m = corrected(manuscript(text), { storyStarts: 'The lock keeper rose', storyEnds: 'He let them through' })
    expect(slice(m, m.frontMatter)).toBe('Chapter 1\n\nA note before we begin: none of this happened, and all of it is true.')
    expect(m.chapters.map((c) => c.title)).toEqual([null, 'Chapter 2'])
    expect(openings(m)).toEqual(['The lock keeper', 'By noon the'])
    expect(slice(m, m.endMatter)).toBe('Chapter 3\n\nSome questions readers asked me about locks, answered here.')
    expect(m.endMatter!.fields.map((f) => f.value)).toEqual(['Chapter 3', 'Some questions readers asked me about locks, answered here.'])
  })

  it('ignores a first heading, and a heading between real chapters, keeping the other chapters', () => {
    const text = [
      'Prologue',
      '',
      'The well was older than the village.',
      '',
      'Chapter 1',
      '',
      'Odile drew water at dawn.',
      '',
      'Interlude',
      '',
      'The rope was fraying, and she knew it.',
      '',
      'Chapter 2',
      '',
      'The rope broke on the Thursday.',
      '',
    ].join('\n')
    const m = corrected(manuscript(text), { ignoreHeadings: ['prologue', 'INTERLUDE'] })
    expect(m.chapters.map((c) => c.title)).toEqual([null, 'Chapter 1', 'Chapter 2'])
    expect(openings(m)).toEqual(['The well was', 'Odile drew water', 'The rope broke'])
    expect(story(m)[1]!.paragraphs.map((p) => m.text.slice(p.start, p.end))).toEqual(['Odile drew water at dawn.', 'The rope was fraying, and she knew it.'])
    expect(codes(m, 'correction-applied').map((d) => d.message)).toEqual([
      'ignoreHeadings "prologue": this heading is not a chapter heading: the line is left out, the chapter joined to the one before',
      'ignoreHeadings "INTERLUDE": this heading is not a chapter heading: the line is left out, the chapter joined to the one before',
    ])
  })

  it('works on Markdown as on plain text (paragraphs from markup)', () => {
    const text = '# Low Water\n\nThe river had gone down in the night.\n\nxox\n\nDownstream, Tam found the boat on its side in the mud.\n\nIt would float again. Not today.\n'
    const source = readSource(textToBytes(text), { path: 'low-water.md' })
    expect(source.format).toBe('markdown')
    const m = corrected(structure(source), { breakMarker: ['XOX'], storyStarts: 'The river had' })
    expect(slice(m, m.frontMatter)).toBe('Low Water')
    expect(openings(m)).toEqual(['The river had', 'Downstream, Tam found'])
    expect(story(m)[1]!.breakBefore).toEqual({ kind: 'writer', marker: 'xox', confidence: 1 })
  })

  it('gives back a manuscript equal to the input when there is nothing to correct', () => {
    const m = manuscript(BUS)
    expect(applyCorrections(m, {})).toBe(m)
  })
})

describe('any corrections on any story', () => {
  // Lines a story is made of (prose, markers known and not, headings real and not, header and
  // closing lines), and corrections naming them or nothing.
  const lines = [
    'Mara woke before the gulls.', 'She went down to the harbour.', '"Late again," said Tom.', 'The boats were all out.', 'Three days later it rained.',
    'o~o', '* * *', '12', 'Chapter 2', 'Interlude', 'Rating: T', 'by Someone Else', 'Summary: a harbour.', 'Thanks for reading!', 'The End',
  ]
  const words = [...lines, 'Mara', 'She went', '"late AGAIN', 'The', 'Nothing like this', '~']
  const gaps = ['\n\n', '\n\n', '\n\n', '\n\n\n', '\n']
  const storyText = fc.array(fc.tuple(fc.constantFrom(...lines), fc.constantFrom(...gaps)), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([l, g]) => l + g).join(''))
  const list = fc.array(fc.constantFrom(...words), { maxLength: 3 })
  const corrections = fc.record(
    { breakMarker: list, notBreaks: list, breaks: list, ignoreHeadings: list, storyStarts: fc.constantFrom(...words), storyEnds: fc.constantFrom(...words) },
    { requiredKeys: [] },
  )
  it('keeps every index and span consistent, leaves its input alone, and answers every correction', () => {
    fc.assert(
      fc.property(storyText, corrections, (text, c) => {
        const m = corrected(manuscript(text), c)
        const asked = (c.breakMarker?.length ?? 0) + (c.notBreaks?.length ?? 0) + (c.breaks?.length ?? 0) + (c.ignoreHeadings?.length ?? 0) + (c.storyStarts ? 1 : 0) + (c.storyEnds ? 1 : 0)
        const answered = codes(m, 'correction-unmatched').length + codes(m, 'correction-applied').length
        expect(answered).toBeGreaterThanOrEqual(asked)
      }),
      { numRuns: Number(process.env.PROSELENS_FC_RUNS ?? 300) },
    )
  })
})

describe('the whole analysis with corrections', () => {
  it('analyze({corrections}) reports writer breaks, validates, and counts the marker line no more', () => {
    const plain = analyze(BUS)
    const report = analyze(BUS, { corrections: { breakMarker: ['o~o'], notBreaks: ['The driver braked'] } })
    expect(validateReport(report)).toEqual([])
    expect(report.scenes.map((s) => s.break.kind)).toEqual(['start', 'chapter', 'writer'])
    expect(report.scenes[2]!.opening).toMatch(/^On the top deck/)
    // "o~o" was two one-letter words of the scene; now it is a break, not prose.
    expect(plain.totals.words - report.totals.words).toBe(2)
    expect(report.chapters[1]!.scenes).toEqual([1, 2])
    const applied = report.diagnostics.filter((d) => d.code === 'correction-applied')
    expect(applied).toHaveLength(2)
    for (const s of report.scenes) for (const [a, b] of s.paragraphSpans) expect(report.text!.slice(a, b).trim().length).toBeGreaterThan(0)
  })
})

describe('parseCorrections', () => {
  it('reads YAML and JSON, a single text as a list of one, a number as its text', () => {
    const yaml = ['# corrections for the bus story', 'breakMarker: o~o', 'notBreaks:', '  - The driver braked', 'breaks: ["Three days later"]', 'storyStarts: Idris counted', 'storyEnds: "He took it home"', 'ignoreHeadings:', '  - 12', ''].join('\n')
    expect(parseCorrections(yaml, 'yaml')).toEqual({
      breakMarker: ['o~o'],
      notBreaks: ['The driver braked'],
      breaks: ['Three days later'],
      storyStarts: 'Idris counted',
      storyEnds: 'He took it home',
      ignoreHeadings: ['12'],
    })
    expect(parseCorrections('{"breaks": "Three days later", "ignoreHeadings": ["Interlude"]}', 'json')).toEqual({ breaks: ['Three days later'], ignoreHeadings: ['Interlude'] })
    expect(parseCorrections('', 'yaml')).toEqual({})
    expect(parseCorrections('   \n', 'json')).toEqual({})
    expect(parseCorrections('breaks:\n', 'yaml')).toEqual({})
  })

  it.each([
    ['breakMarkers: o~o', 'yaml', 'unknown key "breakMarkers" (did you mean "breakMarker"?); the keys are breakMarker, notBreaks, breaks, ignoreHeadings, storyStarts, storyEnds'],
    ['story-starts: Once', 'yaml', 'unknown key "story-starts" (did you mean "storyStarts"?)'],
    ['colour: blue', 'yaml', 'unknown key "colour"; the keys are'],
    ['breaks: [true]', 'yaml', 'breaks[0] must be a text, not a boolean'],
    ['breaks: {a: 1}', 'yaml', 'breaks must be a text, not a mapping'],
    ['storyStarts: [One, Two]', 'yaml', 'storyStarts must be one text (the opening words of a paragraph), not a list'],
    ['notBreaks: ["  "]', 'yaml', 'notBreaks[0] is empty'],
    ['- breaks', 'yaml', 'expected a mapping of breakMarker, notBreaks, breaks, ignoreHeadings, storyStarts, storyEnds, not a list'],
    ['breaks: [unclosed', 'yaml', 'not valid YAML: '],
    ['{"breaks": [1, null]}', 'json', 'breaks[1] must be a text, not null'],
    ['{"breaks": ', 'json', 'not valid JSON: '],
  ] as const)('refuses %j with a clear message', (text, kind, message) => {
    expect(() => parseCorrections(text, kind)).toThrow(CorrectionsError)
    expect(() => parseCorrections(text, kind)).toThrow(message)
  })

  it('merges the command line into the file: lists joined, single texts replaced', () => {
    expect(mergeCorrections({ breakMarker: ['o~o'], storyStarts: 'A', breaks: ['X'] }, { breakMarker: ['o~o', '<>'], storyStarts: 'B' })).toEqual({ breakMarker: ['o~o', '<>'], breaks: ['X'], storyStarts: 'B' })
  })
})

describe('the corrections file next to a story', () => {
  it('is found by the story name (draft.docx → draft.proselens.yaml, .yml, .json); a bad one names the file', () => {
    expect(sidecarPaths('/books/draft.docx')).toEqual(['/books/draft.proselens.yaml', '/books/draft.proselens.yml', '/books/draft.proselens.json'])
    const dir = tmp()
    const draft = join(dir, 'draft.docx')
    expect(readSidecar(draft)).toBeNull()
    writeFileSync(join(dir, 'draft.proselens.yml'), 'breaks: Three days later\n')
    expect(readSidecar(draft)).toEqual({ path: join(dir, 'draft.proselens.yml'), text: 'breaks: Three days later\n', corrections: { breaks: ['Three days later'] } })
    writeFileSync(join(dir, 'draft.proselens.json'), '{}')
    expect(() => readSidecar(draft)).toThrow(`${join(dir, 'draft.proselens.yml')} and ${join(dir, 'draft.proselens.json')}: two corrections files for ${draft}; keep one`)
    writeFileSync(join(dir, 'other.proselens.yaml'), 'breakz: Three\n')
    expect(() => readSidecar(join(dir, 'other.txt'))).toThrow(`${join(dir, 'other.proselens.yaml')}: unknown key "breakz"`)
  })
})

// The command line, as built.
const CLI = resolve('dist/cli/main.js')
const run = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }))
  })
const tmp = () => mkdtempSync(join(tmpdir(), 'proselens-corrections-'))
const breaksOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { scenes: { break: { kind: string; marker: string | null } }[] }).scenes.map((s) => s.break.kind)

const OTHER = 'The ferry was late again.\n\nGull by gull the pier filled up with waiting.\n\n* * *\n\nAt six the horn sounded across the water.\n'

describe('proselens analyze with corrections', () => {
  it('reads the sidecar next to the story, says so, and adds the command-line corrections to it; --no-sidecar leaves it out', async () => {
    const dir = tmp()
    writeFileSync(join(dir, 'bus.txt'), BUS)
    writeFileSync(join(dir, 'bus.proselens.yaml'), 'breakMarker: o~o\nnotBreaks:\n  - The driver braked\n')
    const out = join(dir, 'out')
    const r = await run(['analyze', join(dir, 'bus.txt'), '--out', out, '--format', 'json', '--break-at', 'Three days later', '--ignore-heading', '12', '--not-break', 'Nobody ever'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`corrections from ${join(dir, 'bus.proselens.yaml')})`)
    expect(r.stderr).toContain(`proselens: ${join(dir, 'bus.txt')}: notBreaks "Nobody ever": no paragraph of the story starts with these words`)
    const report = JSON.parse(readFileSync(join(out, 'bus.json'), 'utf8'))
    expect(validateReport(report)).toEqual([])
    expect(report.scenes.map((s: { break: { kind: string } }) => s.break.kind)).toEqual(['start', 'writer', 'writer'])
    expect(report.chapters).toHaveLength(1)
    expect(report.diagnostics.filter((d: { code: string }) => d.code === 'correction-unmatched')).toHaveLength(1)

    const plain = await run(['analyze', join(dir, 'bus.txt'), '--out', out, '--format', 'json', '--no-sidecar'])
    expect(plain.code).toBe(0)
    expect(plain.stdout).not.toContain('; corrections')
    expect(breaksOf(join(out, 'bus.json'))).toEqual(['start', 'chapter', 'gap'])
  })

  it('--stdout honours the sidecar and the options too', async () => {
    const dir = tmp()
    writeFileSync(join(dir, 'bus.txt'), BUS)
    writeFileSync(join(dir, 'bus.proselens.json'), '{"storyStarts": "Idris counted"}')
    const r = await run(['analyze', join(dir, 'bus.txt'), '--stdout', '--story-ends', 'He took it home', '--break-marker', 'o~o'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.scenes[0].opening).toMatch(/^Idris counted/)
    expect(report.endMatter.text).toMatch(/^This one came to me/)
    expect(report.scenes.map((s: { break: { kind: string } }) => s.break.kind)).toEqual(['start', 'chapter', 'writer', 'gap'])
  })

  it('a bad sidecar fails its story only, naming the file; an empty option is a usage error', async () => {
    const dir = tmp()
    writeFileSync(join(dir, 'bus.txt'), BUS)
    writeFileSync(join(dir, 'bus.proselens.yaml'), 'breaks: [Three days later\n')
    writeFileSync(join(dir, 'ferry.txt'), OTHER)
    const out = join(dir, 'out')
    const r = await run(['analyze', join(dir, 'bus.txt'), join(dir, 'ferry.txt'), '--out', out, '--format', 'json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`proselens: ${join(dir, 'bus.proselens.yaml')}: not valid YAML`)
    expect(r.stderr).toContain('1 input failed')
    expect(breaksOf(join(out, 'ferry.json'))).toEqual(['start', 'marker'])
    const usage = await run(['analyze', join(dir, 'ferry.txt'), '--break-at', ' '])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('expected some text')
  })
})

describe('proselens corpus with corrections', () => {
  it("honours each work's sidecar, re-analyses a work whose sidecar changed, and fails a work with a bad one alone", async () => {
    const dir = tmp()
    mkdirSync(join(dir, 'works'))
    writeFileSync(join(dir, 'works', 'bus.txt'), BUS)
    writeFileSync(join(dir, 'works', 'bus.proselens.yaml'), 'breakMarker: o~o\n')
    writeFileSync(join(dir, 'works', 'ferry.txt'), OTHER)
    const out = join(dir, 'out')
    const first = await run(['corpus', join(dir, 'works'), '--out', out, '--format', 'json', '--jobs', '1'])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^2 works analysed/)
    expect(breaksOf(join(out, 'bus.json'))).toEqual(['start', 'chapter', 'writer', 'gap'])
    const scenesOf = () => Object.fromEntries((parseCsv(readFileSync(join(out, 'works.csv')), { columns: true }) as Record<string, string>[]).map((w) => [w.path.split('/').at(-1), w.scenes]))
    expect(scenesOf()).toEqual({ 'bus.txt': '4', 'ferry.txt': '2' })

    const again = await run(['corpus', join(dir, 'works'), '--out', out, '--format', 'json', '--jobs', '1'])
    expect(again.stderr.match(/\] cached /g)).toHaveLength(2)

    // The sidecar changes: that work is analysed again, the other is not.
    writeFileSync(join(dir, 'works', 'bus.proselens.yaml'), 'breakMarker: o~o\nnotBreaks: The driver braked\n')
    const changed = await run(['corpus', join(dir, 'works'), '--out', out, '--format', 'json', '--jobs', '1'])
    expect(changed.code).toBe(0)
    expect(changed.stderr).toMatch(/\] done .*bus\.txt/)
    expect(changed.stderr).toMatch(/\] cached .*ferry\.txt/)
    expect(breaksOf(join(out, 'bus.json'))).toEqual(['start', 'chapter', 'writer'])
    expect(scenesOf()).toEqual({ 'bus.txt': '3', 'ferry.txt': '2' })

    // A bad sidecar: that work fails, named in failures.csv; the other is untouched.
    writeFileSync(join(dir, 'works', 'bus.proselens.yaml'), 'breakMarkr: o~o\n')
    const bad = await run(['corpus', join(dir, 'works'), '--out', out, '--format', 'json', '--jobs', '1'])
    expect(bad.code).toBe(1)
    const failures = parseCsv(readFileSync(join(out, 'failures.csv')), { columns: true }) as Record<string, string>[]
    expect(failures).toEqual([{ path: join(dir, 'works', 'bus.txt'), error: `${join(dir, 'works', 'bus.proselens.yaml')}: unknown key "breakMarkr" (did you mean "breakMarker"?); the keys are breakMarker, notBreaks, breaks, ignoreHeadings, storyStarts, storyEnds` }])
    expect(scenesOf()).toEqual({ 'ferry.txt': '2' })
    expect(bad.stderr).toMatch(/\] cached .*ferry\.txt/)

    // Fixed, the work is analysed again; --no-sidecar reads none.
    writeFileSync(join(dir, 'works', 'bus.proselens.yaml'), 'breakMarker: o~o\n')
    expect((await run(['corpus', join(dir, 'works'), '--out', out, '--format', 'json', '--jobs', '1'])).code).toBe(0)
    expect(breaksOf(join(out, 'bus.json'))).toEqual(['start', 'chapter', 'writer', 'gap'])
    expect((await run(['corpus', join(dir, 'works'), '--out', out, '--format', 'json', '--jobs', '1', '--no-sidecar'])).code).toBe(0)
    expect(breaksOf(join(out, 'bus.json'))).toEqual(['start', 'chapter', 'gap'])
  })
})
