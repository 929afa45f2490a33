import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AlignmentType, Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx'
import { analyze, analyzeBytes } from '../src/index.js'
import { analyzeFile } from '../src/node/analyze-file.js'
import { calibrate, scoreReal, type RealGold } from '../src/eval/real-eval.js'
import { WEAK_BELOW } from '../src/structure/08-scenes.js'
import { WORD } from '../src/annotate/words.js'

const words = (s: string) => s.match(WORD)?.length ?? 0

/** Prose of our own, n paragraphs long, each distinct. */
const prose = (n: number, seed = 'The rain kept on against the glass while she read the letter again') =>
  Array.from({ length: n }, (_, i) => `${seed}, and she turned page ${i + 1} over slowly before she set it down.`).join('\n\n')

/**
 * Files made by the real tools (pandoc, LibreOffice) from the corpus stories, in every break
 * convention, by scripts/render-tools.mjs; their gold is read back from each file.
 */
const TOOLS = 'test/fixtures/tools'
const gold: RealGold[] = JSON.parse(readFileSync(join(TOOLS, 'gold.json'), 'utf8'))
// ODT is read from its own issue on; until then those fixtures wait.
const readable = gold.filter((g) => g.format !== 'odt')

describe('files made by pandoc and LibreOffice', () => {
  it('covers every break convention with both tools', () => {
    const files = readable.map((g) => g.file)
    for (const convention of ['marker', 'blank', 'spacing', 'hr', 'pagebreak']) {
      expect(files.some((f) => f.startsWith('pandoc-docx/') && f.includes(`.${convention}.`)), convention).toBe(true)
      expect(files.some((f) => f.startsWith('libreoffice-docx/') && f.includes(`.${convention}.`)), convention).toBe(true)
    }
  })

  it.each(readable.map((g) => [g.file, g] as const))('%s: chapters, scenes, words, start and end as the gold', async (_file, g) => {
    const s = scoreReal(await analyzeFile(join(TOOLS, g.file)), g)
    expect(s.problems).toEqual([])
    expect({ chapters: s.chaptersRight, scenes: s.scenesPerChapterRight, words: s.wordsWithin1, start: s.startRight, end: s.endRight, f1: s.f1 }).toEqual({ chapters: true, scenes: true, words: true, start: true, end: true, f1: 1 })
  })
})

describe('fan-fiction headers and afterwords in plain text', () => {
  it('reads a title, then glued setting, rating and thanks lines, then two blank lines, as the header', () => {
    const story = [prose(3), prose(2, 'Morning came up grey over the harbour wall')]
    const text = `Low Tide\n\nPost finale\nRated NC17\nMany thanks to quillfeather, who betaed this and caught my commas.\n\n\n${story[0]}\n\n* * *\n\n${story[1]}\n`
    const r = analyze(text)
    expect(r.meta).toMatchObject({ title: 'Low Tide', rating: 'NC17', setting: 'Post finale' })
    expect(r.meta.notes).toContain('Many thanks to quillfeather, who betaed this and caught my commas.')
    expect(r.scenes.map((s) => s.opening.split(' ').slice(0, 4).join(' '))).toEqual(['The rain kept on', 'Morning came up grey'])
    expect(r.totals.words).toBe(words(story.join(' ')))
  })

  it('reads a rating alone on its line ("PG-13", "Explicit")', () => {
    for (const rating of ['PG-13', 'Explicit', 'Teen And Up Audiences']) {
      const r = analyze(`Quiet Hours\nby fennel\n${rating}\n~~~~\n\n${prose(4)}\n`)
      expect(r.meta.rating, rating).toBe(rating)
      expect(r.scenes).toHaveLength(1)
    }
  })

  it('never takes the first story paragraph after a labelled Summary or Notes line as header', () => {
    const r = analyze(`The Long Way Round\n\nRating: T\nSummary: Two sisters drive north.\nNotes: Written for a prompt.\n\nMara drove the first leg because she always did.\n\n* * *\n\n${prose(3)}\n`)
    expect(r.meta.summary).toBe('Two sisters drive north.')
    expect(r.scenes[0]!.opening).toMatch(/^Mara drove the first leg/)
    expect(r.scenes).toHaveLength(2)
  })

  it('reads an Afterword, and AO3 End Notes, after the story as end matter, not a chapter', () => {
    for (const label of ['Afterword', 'End Notes']) {
      const r = analyze(`${prose(3)}\n\n* * *\n\n${prose(2, 'Later the lamps came on one by one')}\n\n${label}\n\nThanks for reading, and to my beta for everything.\n`)
      expect(r.chapters, label).toHaveLength(1)
      expect(r.scenes, label).toHaveLength(2)
      expect(r.endMatter?.text.split('\n')[0], label).toBe(label)
    }
  })

  it('reads an AO3 work page copied to text: its labels are meta, "Work Text:" starts the story', () => {
    const page = `Rating:\n    Mature\nFandom:\n    The Glass Coast (TV)\nStats:\n    Published: 2024-01-02 Words: 100 Chapters: 1/1\n\n\nSalt and Iron\n\nlampwright\n\n\nSummary:\n\nThey take the night ferry.\n\n\nWork Text:\n\n\n${prose(4)}\n`
    const r = analyze(page)
    expect(r.meta).toMatchObject({ title: 'Salt and Iron', author: 'lampwright', rating: 'Mature', fandom: 'The Glass Coast (TV)', summary: 'They take the night ferry.', claimedWords: 100 })
    expect(r.scenes).toHaveLength(1)
    expect(r.totals.words).toBe(100)
  })
})

describe('books as Project Gutenberg and pandoc write them', () => {
  const licence = 'This eBook is for the use of anyone anywhere at no cost and with almost no restrictions whatsoever.'
  const book = [
    'The Project Gutenberg eBook of Two Harbours', '', licence, '', '*** START OF THE PROJECT GUTENBERG EBOOK TWO HARBOURS ***', '', '', '',
    'TWO HARBOURS', '', 'By Ann Lee', '', '', '', 'Contents', '', 'The Quay', '', 'The Light', '', '', '', '',
    'THE QUAY', '', '', prose(3), '', '', '', '', 'THE LIGHT', '', '', prose(2, 'Nobody climbed the lighthouse stair that winter'), '', '', '',
    '*** END OF THE PROJECT GUTENBERG EBOOK TWO HARBOURS ***', '', 'Section 1. General Terms of Use and Redistributing Project Gutenberg electronic works', '', licence, '',
  ].join('\n')

  it('leaves the licence header and footer and the contents list out, and finds the chapters the contents names', () => {
    const r = analyze(book)
    expect(r.chapters.map((c) => c.title)).toEqual(['THE QUAY', 'THE LIGHT'])
    expect(r.totals.words).toBe(words(prose(3)) + words(prose(2, 'Nobody climbed the lighthouse stair that winter')))
    expect(r.meta).toMatchObject({ title: 'TWO HARBOURS', author: 'Ann Lee' })
    expect(r.endMatter?.text).toContain('General Terms of Use')
  })

  it('reads "CHAPTER" over "1" as one heading, a line of 72 hyphens as a break, and XXX as chapter thirty among numerals', () => {
    const r = analyze(`CHAPTER\n\n1\n\n${prose(2)}\n\n${'-'.repeat(72)}\n\n${prose(2, 'At noon the bells')}\n\nCHAPTER\n\n2\n\n${prose(2)}\n`)
    expect(r.chapters.map((c) => [c.title, c.scenes.length])).toEqual([['CHAPTER 1', 2], ['CHAPTER 2', 1]])
    const numerals = ['XXVIII', 'XXIX', 'XXX', 'XXXI'].map((n, i) => `${n}\n\n${prose(2, `Rain fell on the roofs for the ${i + 1}th night`)}`).join('\n\n')
    expect(analyze(numerals).chapters.map((c) => c.title)).toEqual(['XXVIII', 'XXIX', 'XXX', 'XXXI'])
  })

  it('reads pandoc Markdown of an EPUB: fenced divs of matter are matter, attributes and raw passages are not words', () => {
    const md = `[]{#imprint.xhtml}\n\n::: {#imprint .section .imprint}\n<div>\n\n## Imprint\n\n</div>\n\nThis ebook was made by volunteers.\n:::\n\n\`\`\`{=html}\n<article id="one" epub:type="chapter">\n\`\`\`\n## The Quay {#the-quay}\n\n${prose(2)} \`<abbr class="x">\`{=html}Mr.\`</abbr>\`{=html} Hale\n\n------------------------------------------------------------------------\n\n${prose(1, 'Later the boats')}\n\n## The Light\n\n${prose(1)}\n\n::: {#colophon .section .colophon}\n## Colophon\n\nSet in a typeface.\n:::\n`
    const r = analyze(md, { path: 'book.md' })
    expect(r.chapters.map((c) => [c.title, c.scenes.length])).toEqual([['The Quay', 2], ['The Light', 1]])
    expect(r.totals.words).toBe(words(prose(2)) + words(prose(1, 'Later the boats')) + words(prose(1)) + 2)
    expect(r.frontMatter?.text).toContain('volunteers')
    expect(r.endMatter?.text).toContain('Set in a typeface.')
  })
})

describe('DOCX notes', () => {
  it('leaves footnotes out of the story and says how many there were', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('A note about the lift that is not story.')] } },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('The lift had seven buttons.'), new FootnoteReferenceRun(1), new TextRun(' Nobody pressed the seventh.')] }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] }),
            new Paragraph('In the morning the button was gone.'),
          ],
        },
      ],
    })
    const r = await analyzeBytes(new Uint8Array(await Packer.toBuffer(doc)), { path: 'lift.docx' })
    expect(r.text).not.toContain('not story')
    expect(r.text).toContain('The lift had seven buttons. Nobody pressed the seventh.')
    expect(r.scenes).toHaveLength(2)
    expect(r.diagnostics.find((d) => d.code === 'docx-notes')?.message).toContain('1 footnote')
  })
})

describe('break confidence', () => {
  it('is lower for a break of another convention inside a conversation, and such a break is weak', () => {
    const scene = (k: number) => prose(2, `Scene ${k} opened on the quay`)
    const talk = '"Are you coming?" she asked.\n\n\n"In a minute," he said.'
    const r = analyze([scene(1), '* * *', scene(2), '* * *', scene(3), '* * *', talk, '* * *', scene(4)].join('\n\n'))
    const gap = r.scenes.find((s) => s.break.kind === 'gap')!
    expect(gap.break.confidence).toBeLessThan(WEAK_BELOW)
    expect(gap.break.weak).toBe(true)
    for (const s of r.scenes.filter((s) => s.break.kind === 'marker')) expect({ c: s.break.confidence, weak: s.break.weak }).toEqual({ c: 0.95, weak: false })
  })

  it('is counted per band by the real-document eval', () => {
    const r = analyze([prose(2), '* * *', prose(2, 'Later'), '* * *', prose(2, 'Much later')].join('\n\n'))
    const s = scoreReal(r, { file: 'x.txt', words: r.totals.words, chapters: [{ title: null, scenes: 2, openings: ['The rain kept on against the glass', 'Later, and she turned page 1'] }] })
    expect(s.breaks.map((b) => b.right)).toEqual([true, false])
    expect(s.f1).toBeCloseTo((2 * (2 / 3) * 1) / (2 / 3 + 1))
    const c = calibrate([s])
    expect(c.bands[0]).toMatchObject({ band: '≥ 0.8', breaks: 2, right: 1 })
    expect(c.recallAt08).toBe(1)
  })
})
