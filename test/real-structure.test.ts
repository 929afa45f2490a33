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

describe('files made by pandoc and LibreOffice', () => {
  it('covers every break convention with both tools, LibreOffice\'s ODT and its RTF', () => {
    const files = gold.map((g) => g.file)
    for (const convention of ['marker', 'blank', 'spacing', 'hr', 'pagebreak']) {
      for (const tool of ['pandoc-docx', 'libreoffice-docx', 'libreoffice-odt', 'libreoffice-rtf']) expect(files.some((f) => f.startsWith(`${tool}/`) && f.includes(`.${convention}.`)), `${tool} ${convention}`).toBe(true)
    }
  })

  it.each(gold.map((g) => [g.file, g] as const))('%s: chapters, scenes, words, start and end as the gold', async (_file, g) => {
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

  it('reads a FanFiction.net page copied to text: breadcrumb, title, by-line, summary, story line, notes, and the title again', () => {
    const page = `Books » The Glass Coast\n\nSalt and Iron\n\nBy: lampwright\n\nTwo keepers, one lamp, a long night. One-shot.\n\nRated: Fiction  T - English - Drama - Words: 120 - Published: 1/2/2024 - Status: Complete\n\nA/N: For the winter prompt.\n\nSalt and Iron\n\n${prose(3)}\n`
    const r = analyze(page)
    expect(r.meta).toMatchObject({ title: 'Salt and Iron', author: 'lampwright', fandom: 'The Glass Coast', rating: 'T', summary: 'Two keepers, one lamp, a long night. One-shot.' })
    expect(r.scenes[0]!.opening).toMatch(/^The rain kept on/)
    expect(r.totals.words).toBe(words(prose(3)))
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

describe('headings that are not chapters', () => {
  it('reads headings inside an AO3 chapter\'s text as section breaks: the chapters are AO3\'s', () => {
    const para = (s: string) => `<p>${s}, and the tide went out under the pier while nobody on the shore looked up.</p>`
    const chapter = (n: number, title: string, body: string) =>
      `<div class="meta group"><h2 class="heading">Chapter ${n}: ${title}</h2></div><div class="userstuff">${body}</div>`
    const html = `<!DOCTYPE html><html><head><title>Salt</title></head><body>
<div id="preface"><div class="meta"><dl class="tags"><dt>Rating:</dt><dd>Mature</dd><dt>Stats:</dt><dd>Published: 2024-01-02 Words: 90 Chapters: 2/2</dd></dl><h1>Salt</h1><div class="byline">by lampwright</div></div></div>
<div id="chapters">
${chapter(1, 'Low Water', `<h3>I</h3>${para('Mara waited')}<h3>II</h3>${para('Jon rowed')}<p><strong>III</strong></p>${para('The gulls came')}`)}
${chapter(2, 'High Water', para('Morning came'))}
</div></body></html>`
    const r = analyze(html, { path: 'salt.html' })
    expect(r.meta.archive).toBe('Archive of Our Own')
    expect(r.chapters.map((c) => [c.title, c.scenes.length])).toEqual([['Chapter 1: Low Water', 3], ['Chapter 2: High Water', 1]])
    expect(r.scenes.slice(1, 3).map((s) => [s.break.kind, s.break.marker])).toEqual([['marker', 'II'], ['marker', 'III']])
    expect(r.totals.words).toBe(['Mara waited', 'Jon rowed', 'The gulls came', 'Morning came'].reduce((n, s) => n + words(para(s).replace(/<\/?p>/g, '')), 0))
  })

  it('reads a short first section headed by the book\'s own title, as pandoc\'s EPUB makes of a dedication, as matter', async () => {
    const { default: JSZip } = await import('jszip')
    const zip = new JSZip()
    zip.file('mimetype', 'application/epub+zip')
    zip.file('META-INF/container.xml', '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
    const doc = (id: string, h: string, body: string) => [`EPUB/${id}.xhtml`, `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body epub:type="bodymatter"><section><h1>${h}</h1>${body}</section></body></html>`] as const
    const docs = [doc('ch001', 'Between Stations', '<p>For my father, who showed me the rings.</p>'), doc('ch002', '1. Waking', `<p>${prose(2)}</p>`), doc('ch003', '2. The Voice', `<p>${prose(1)}</p>`)]
    for (const [name, xhtml] of docs) zip.file(name, xhtml)
    zip.file('EPUB/content.opf', `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Between Stations</dc:title></metadata><manifest>${docs.map((_, i) => `<item id="c${i}" href="ch00${i + 1}.xhtml" media-type="application/xhtml+xml"/>`).join('')}</manifest><spine>${docs.map((_, i) => `<itemref idref="c${i}"/>`).join('')}</spine></package>`)
    const r = await analyzeBytes(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), { path: 'stations.epub' })
    expect(r.chapters.map((c) => c.title)).toEqual(['1. Waking', '2. The Voice'])
    expect(r.frontMatter?.text).toContain('For my father')
  })
})

describe('a DOCX header in bold labels', () => {
  it('reads **Rating:** and **Summary:** paragraphs under the title as the header, and the story after them', async () => {
    const bold = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Paper Boats', heading: 'Title' }),
            bold('Rating', 'Teen'),
            bold('Summary', 'Two cousins race boats down a gutter.'),
            new Paragraph('The rain had filled the gutter by four, and Ada had her boat ready.'),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] }),
            new Paragraph('By six the boats were gone and so was the rain.'),
          ],
        },
      ],
    })
    const r = await analyzeBytes(new Uint8Array(await Packer.toBuffer(doc)), { path: 'boats.docx' })
    expect(r.meta).toMatchObject({ title: 'Paper Boats', rating: 'Teen', summary: 'Two cousins race boats down a gutter.' })
    expect(r.scenes.map((s) => s.opening.split(' ').slice(0, 3).join(' '))).toEqual(['The rain had', 'By six the'])
  })
})
