import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module script without types
import { renderAll, storyModel } from '../scripts/render-formats.mjs'
import { analyze, analyzeBytes } from '../src/pipeline.js'
import { analyzeFile, InputError } from '../src/node/analyze-file.js'
import { UnreadableInputError } from '../src/ingest/text.js'
import { readZip, ZipError } from '../src/ingest/zip.js'
import { validateReport } from '../src/report/validate.js'
import type { Report } from '../src/report/types.js'
// The built CLI (global setup builds it): analysis runs in worker threads, which load built files.
import { run } from '../dist/cli/main.js'

const dir = mkdtempSync(join(tmpdir(), 'proselens-formats-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ENDINGS = ['.md', '.html', '.ao3.html', '.docx', '.odt', '.epub', '.epub2.epub', '.ao3.epub', '.rtf', '.scriv.zip', '.nw.zip', '.pdf']
/** LibreOffice's ODT of each story's DOCX rendering, committed (`node scripts/render-formats.mjs --odt-fixtures`). */
const ODT_FIXTURES = 'test/fixtures/odt'
const stories = readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort()

describe('the same corpus story in every format', () => {
  const base = new Map<string, Report>()
  beforeAll(async () => {
    for (const f of stories) {
      const stem = f.replace(/\.txt$/, '')
      const renders: Record<string, string | Buffer> = await renderAll(storyModel(new Uint8Array(readFileSync(`corpus/${f}`)), `corpus/${f}`))
      for (const [ending, data] of Object.entries(renders)) writeFileSync(join(dir, stem + ending), data)
      base.set(stem, await analyzeFile(`corpus/${f}`))
    }
  })

  it.each(stories.flatMap((f) => ENDINGS.map((e) => [f.replace(/\.txt$/, ''), e] as const)))('%s%s: same chapters, scene count, words within 1%%', async (stem, ending) => {
    const r = await analyzeFile(join(ending === '.odt' ? ODT_FIXTURES : dir, stem + ending))
    const b = base.get(stem)!
    expect(r.source.format).toBe({ '.md': 'markdown', '.html': 'html', '.ao3.html': 'html', '.docx': 'docx', '.odt': 'odt', '.epub': 'epub', '.epub2.epub': 'epub', '.ao3.epub': 'epub', '.rtf': 'rtf', '.scriv.zip': 'scrivener', '.nw.zip': 'novelwriter', '.pdf': 'pdf' }[ending])
    if (ending.startsWith('.ao3')) expect(r.meta).toMatchObject({ archive: 'Archive of Our Own', rating: 'General Audiences', claimedWords: b.totals.words })
    // AO3 names a chapter without a title "Chapter N", as its downloads show.
    expect(r.chapters.map((c) => c.title)).toEqual(b.chapters.map((c, i) => (ending.startsWith('.ao3') && c.title === null && b.chapters.length > 1 ? `Chapter ${i + 1}` : c.title)))
    expect(r.chapters.map((c) => c.scenes.length)).toEqual(b.chapters.map((c) => c.scenes.length))
    expect(Math.abs(r.totals.words - b.totals.words) / b.totals.words).toBeLessThanOrEqual(0.01)
    expect(r.meta.title).toBe(b.meta.title)
    expect(r.layout.separator).toBe('markup')
    expect(validateReport(r)).toEqual([])
    // Plain text has no italics, so no thought measure; the markup formats measure it.
    expect(b.totals.thought).toBeNull()
    expect(r.totals.thought).toEqual({ share: 0, words: 0, spans: [] })
  })
})

describe('Markdown', () => {
  const md = [
    '---',
    'title: "The Weir"',
    'author: [Ada Voss, Bel Ray]',
    'rating: Teen',
    'tags: [rivers, grief]',
    '---',
    '',
    '## Chapter One: Low Water',
    '',
    'Nell waded out to the weir at dawn. *He will not come back,* she thought.',
    'The water was cold and the sky was the colour of slate.',
    '',
    '"You\'re early," said Tom.',
    '',
    '* * *',
    '',
    'The mill wheel turned all afternoon. She was *not* going to cry.',
    '',
    '#',
    '',
    'Evening. *Nothing changes here. Nothing ever will.* She went in.',
    '',
    '## Chapter Two',
    '',
    '1\\. This line is not a list, and <b>this</b> is not HTML.',
    '',
  ].join('\n')
  const r = analyze(md, { path: 'weir.md' })

  it('reads YAML front matter into meta, lists as lists', () => {
    expect(r.source.format).toBe('markdown')
    expect(r.meta).toMatchObject({ title: 'The Weir', author: 'Ada Voss, Bel Ray', rating: 'Teen', tags: ['rivers', 'grief'] })
  })

  it('takes headings as chapters and thematic breaks and empty headings as scene breaks', () => {
    expect(r.chapters.map((c) => c.title)).toEqual(['Chapter One: Low Water', 'Chapter Two'])
    expect(r.scenes.map((s) => s.break.kind)).toEqual(['start', 'rule', 'rule', 'chapter'])
    expect(r.scenes[0]!.paragraphs).toBe(2)
  })

  it('measures italic sentences as thought, not italic emphasis', () => {
    expect(r.scenes.map((s) => s.thought?.words)).toEqual([5, 0, 6, 0])
    const [a, b] = r.scenes[2]!.thought!.spans[0]!
    expect(r.text!.slice(a, b)).toBe('Nothing changes here. Nothing ever will.')
  })

  it('keeps raw HTML and escaped markup as text', () => {
    expect(r.text).toContain('1. This line is not a list, and <b>this</b> is not HTML.')
  })

  it('says when the YAML front matter cannot be read, and goes on', () => {
    const bad = analyze('---\ntitle: [unclosed\n---\n\nShe ran.\n', { path: 'bad.md' })
    expect(bad.diagnostics.map((d) => d.code)).toContain('front-matter-unreadable')
    expect(bad.totals.words).toBeGreaterThan(0)
  })

  it('does not expand YAML alias bombs', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`), '---', '', 'She ran.', ''].join('\n')
    const t0 = performance.now()
    const report = analyze(bomb, { path: 'bomb.md' })
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(report.diagnostics.map((d) => d.code)).toContain('front-matter-unreadable')
  })
})

describe('HTML', () => {
  const html = `<!DOCTYPE html><html><head><title>Ignored</title>
<style>.c3{font-style:italic}.c7{text-align:center}</style>
<script>window.bad = "<p>not text</p>"</script></head><body>
<h1>The Lamp Room</h1><p class="byline">by Ivo Hart</p>
<h2>Chapter 1</h2>
<p>Ruth lit the lamp &amp; watched the sea. <span class="c3">It would hold tonight, it had to.</span></p>
<!-- <p>a comment is not text</p> -->
<p class="c2"><span></span></p>
<p>"Ruth?" called her brother from below.</p>
<p class="c7"><span>* * *</span></p>
<p>Morning came grey.</p><hr>
<p>By noon the boats were out.<br>One line<br>and another.</p>
<h4>A small heading read as text</h4>
<div>Old pages set paragraphs apart<br><br>with two line breaks.<br>xXx<br>And a marker line between them.</div>
<p style="text-align:center">Centred words are not a break.</p>
</body></html>`
  const r = analyze(html, { path: 'lamp.html' })

  it('drops scripts, styles and comments and keeps the story', () => {
    expect(r.text).not.toContain('not text')
    expect(r.text).not.toContain('a comment is not text')
    expect(r.text).not.toContain('font-style')
    expect(r.text).toContain('Ruth lit the lamp & watched the sea.')
  })

  it('finds the title, author, chapter and scene breaks', () => {
    expect(r.meta).toMatchObject({ title: 'The Lamp Room', author: 'Ivo Hart' })
    expect(r.chapters.map((c) => c.title)).toEqual(['Chapter 1'])
    expect(r.scenes.map((s) => [s.break.kind, s.opening.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['start', 'Ruth lit the'],
      ['marker', 'Morning came grey.'],
      ['rule', 'By noon the'],
      ['marker', 'And a marker'],
    ])
  })

  it('reads paragraphs split by <br><br>, keeps single <br> as a line break, and h4 as text', () => {
    expect(r.text).toContain('By noon the boats were out.\nOne line\nand another.')
    expect(r.text).toContain('Old pages set paragraphs apart\n\nwith two line breaks.')
    expect(r.scenes[2]!.paragraphs).toBe(4)
  })

  it('takes italics from CSS classes (Google Docs)', () => {
    expect(r.scenes[0]!.thought!.words).toBe(7)
  })

  it('shows hostile markup in text and metadata as characters, never as markup', () => {
    const hostile = analyze('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><p>She typed &lt;img src=x onerror=alert(1)&gt; and &lt;/script&gt; into the box.</p>', { path: 'h.html' })
    expect(hostile.text).toContain('She typed <img src=x onerror=alert(1)> and </script> into the box.')
    expect(hostile.meta.title).toBe('<script>alert(1)</script>')
  })

  it('reads an HTML file named .md as HTML and says so', () => {
    const r2 = analyze('<!doctype html><p>She ran.</p><hr><p>He stayed.</p>', { path: 'story.md' })
    expect(r2.source.format).toBe('html')
    expect(r2.scenes).toHaveLength(2)
    expect(r2.diagnostics.find((d) => d.code === 'format-mismatch')?.message).toContain('named as Markdown (.md) but its content is HTML')
  })
})

describe('AO3 downloads', () => {
  let r: Report
  beforeAll(async () => {
    r = await analyzeFile('corpus/the-copper-kite.html')
  })

  it('reads the preface into meta', () => {
    expect(r.meta).toMatchObject({
      archive: 'Archive of Our Own',
      title: 'The Copper Kite',
      author: 'quillandgale',
      rating: 'General Audiences',
      warnings: 'No Archive Warnings Apply',
      category: 'Gen',
      fandom: 'The Weatherhouse (TV)',
      characters: ['Dessa Korhonen', 'Teodor Vance', 'Mags Korhonen'],
      language: 'English',
      series: 'Part 2 of Small Weathers',
      published: '2023-09-14',
      completed: '2023-10-02',
      claimedWords: 3081,
      claimedChapters: '3/3',
    })
    expect(r.meta.relationships).toEqual(['Dessa Korhonen & Teodor Vance', 'Dessa Korhonen & Mags Korhonen'])
    expect((r.meta.tags as string[]).length).toBe(8)
    expect(r.meta.summary).toMatch(/^Dessa Korhonen has built a kite/)
  })

  it('keeps work, chapter and end notes out of the story', () => {
    const notes = r.meta.notes
    expect(notes).toHaveLength(4)
    expect(notes[1]).toMatch(/^Chapter notes \(chapter 1\): /)
    expect(notes[2]).toMatch(/^Chapter end notes \(chapter 2\): /)
    expect(notes[3]).toMatch(/^End notes: Thank you for reading!/)
    const story = r.scenes.map((s) => r.text!.slice(s.start, s.end)).join('\n')
    expect(story).not.toContain('Atlantic front, give or take a millibar')
    expect(story).not.toContain('drop by the archive')
    expect(r.endMatter!.text).toMatch(/^End Notes\n\nThank you for reading!/)
    expect(r.chapters.map((c) => c.title)).toEqual(['Chapter 1: Lift', 'Chapter 2: Dead Calm', 'Chapter 3: The Long Line'])
  })

  it("compares the work's own word count with ours", async () => {
    expect(r.totals.words).toBe(3081)
    expect(r.diagnostics.map((d) => d.code)).not.toContain('word-count-differs')
    const html = readFileSync('corpus/the-copper-kite.html', 'utf8').replace('Words: 3,081', 'Words: 3,500')
    const off = analyze(html, { path: 'kite.html' })
    expect(off.diagnostics.find((d) => d.code === 'word-count-differs')?.message).toBe(
      'The work states 3,500 words; proselens counts 3,081 (12.0% fewer). Archives count words their own way, and notes or headings may be counted there.',
    )
  })
})

async function docxOf(children: Paragraph[], props: { creator?: string; title?: string } = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ creator: props.creator ?? '', title: props.title ?? '', sections: [{ children }] })))
}

describe('DOCX', () => {
  it('reads Title and Heading styles, centred markers and page breaks, italics', async () => {
    const bytes = await docxOf(
      [
        new Paragraph({ text: 'Harbour Lights', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Chapter One', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun('Mara rowed out past the buoys. '), new TextRun({ text: 'Not far now, not far at all.', italics: true })] }),
        new Paragraph({ text: '#', alignment: AlignmentType.CENTER }),
        new Paragraph({ text: 'The keeper met her at the steps.' }),
        new Paragraph({ children: [new PageBreak()] }),
        new Paragraph({ text: 'Night fell on the island.' }),
        new Paragraph({ text: 'Chapter Two', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
        new Paragraph({ text: 'A centred line of words stays text.', alignment: AlignmentType.CENTER }),
      ],
      { creator: 'Wen Aldous', title: 'Stale core title' },
    )
    const r = await analyzeBytes(bytes, { path: 'harbour.docx' })
    expect(r.source.format).toBe('docx')
    expect(r.meta.title).toBe('Harbour Lights')
    expect(r.meta.author).toBe('Wen Aldous')
    expect(r.chapters.map((c) => c.title)).toEqual(['Chapter One', 'Chapter Two'])
    expect(r.scenes.map((s) => s.break.kind)).toEqual(['start', 'marker', 'rule', 'chapter'])
    expect(r.scenes[0]!.thought!.words).toBe(7)
  })

  it('refuses an encrypted DOCX with a clear message', () => {
    const ole = new Uint8Array(4096)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(() => analyze(ole, { path: 'secret.docx' })).toThrow('secret.docx: an encrypted (password-protected) Word document')
  })

  it('reads a DOCX named .txt as DOCX and says so', async () => {
    const r = await analyzeBytes(await docxOf([new Paragraph({ text: 'She ran.' })]), { path: 'draft.txt' })
    expect(r.source.format).toBe('docx')
    expect(r.diagnostics.map((d) => d.code)).toContain('format-mismatch')
  })
})

async function epubOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' })
  for (const [name, data] of Object.entries(files)) zip.file(name, data)
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
}
const CONTAINER = '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
const page = (body: string) => `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`

describe('EPUB', () => {
  it('follows the spine, skips a missing file with a diagnostic, and never expands XML entities', async () => {
    const entityBomb = '<!DOCTYPE package [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    const bytes = await epubOf({
      'META-INF/container.xml': CONTAINER,
      'book.opf': `<?xml version="1.0"?>${entityBomb}<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Salt Road &c;</dc:title><dc:creator>Pim Osei</dc:creator><dc:subject>Fiction</dc:subject><dc:subject>Sea</dc:subject></metadata><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="gone" href="gone.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/><item id="toc" href="toc.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="toc"/><itemref idref="a"/><itemref idref="gone"/><itemref idref="b"/><itemref idref="nothing"/></spine></package>`,
      'toc.xhtml': page('<p><a href="a.xhtml">One</a></p><p><a href="b.xhtml">Two</a></p>'),
      'a.xhtml': page('<h2>Chapter One</h2><p>The road ran white with salt.</p><hr/><p>At dusk they camped.</p>'),
      'b.xhtml': page('<h2>Chapter Two</h2><p>The sea was close now.</p>'),
    })
    const r = await analyzeBytes(bytes, { path: 'salt.epub' })
    expect(r.source.format).toBe('epub')
    expect(r.meta.title).toBe('The Salt Road &c;')
    expect(r.meta).toMatchObject({ author: 'Pim Osei', subjects: ['Fiction', 'Sea'] })
    expect(r.chapters.map((c) => c.title)).toEqual(['Chapter One', 'Chapter Two'])
    expect(r.scenes).toHaveLength(3)
    expect(r.text).not.toContain('One\n\nTwo')
    expect(r.diagnostics.filter((d) => d.code === 'epub-missing-file').map((d) => d.message)).toEqual([
      'The EPUB spine names gone.xhtml, which is not in the archive; it was skipped.',
      'The EPUB spine names "nothing", which its manifest does not list; it was skipped.',
    ])
  })

  it('refuses an EPUB without a container, naming the file', async () => {
    const bytes = await epubOf({ 'book.opf': '<package/>' })
    await expect(analyzeBytes(bytes, { path: 'broken.epub' })).rejects.toThrow('broken.epub is not a readable .epub: the file is damaged or is not an EPUB book')
    const zip = new JSZip()
    zip.file('notes.txt', 'hello')
    const other = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))
    await expect(analyzeBytes(other, { path: 'b2.epub' })).rejects.toThrow(UnreadableInputError)
    await expect(analyzeBytes(other, { path: 'b2.epub' })).rejects.toThrow('b2.epub is not a readable .epub: the file is damaged or is not an EPUB book')
  })
})

/** Patch a 32-bit field of every deflated entry in the central directory (signature PK\x01\x02). */
function patchCentral(bytes: Uint8Array, fieldOffset: number, value: number): Uint8Array {
  const out = bytes.slice()
  const view = new DataView(out.buffer)
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50 && view.getUint16(i + 10, true) === 8) view.setUint32(i + fieldOffset, value, true)
  }
  return out
}

describe('hostile archives', () => {
  let small: Uint8Array
  beforeAll(async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', 'x'.repeat(5000))
    small = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
  })

  it('refuses a truncated or corrupt zip, naming the file', async () => {
    await expect(analyzeBytes(small.slice(0, small.length - 30), { path: 'cut.docx' })).rejects.toThrow(/^cut\.docx is not a readable \.docx: the file is damaged or is not a Word document$/)
  })

  it('says in plain words that a damaged or mislabelled .docx or .epub is unreadable, keeping the cause', async () => {
    const notes = new JSZip()
    notes.file('notes.txt', 'a list of errands')
    const zipOfNotes = new Uint8Array(await notes.generateAsync({ type: 'uint8array' }))
    // A zip of text files alone is a book of chapter files (see book.test.ts); one of pictures is no document.
    const pictures = new JSZip()
    pictures.file('errands.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
    const zipOfPictures = new Uint8Array(await pictures.generateAsync({ type: 'uint8array' }))
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256)
    const docx = 'is not a readable .docx: the file is damaged or is not a Word document'
    const epub = 'is not a readable .epub: the file is damaged or is not an EPUB book'
    const odt = 'is not a readable .odt: the file is damaged or is not an OpenDocument text'
    const cases: [string, Uint8Array, string][] = [
      ['cut.docx', small.slice(0, small.length - 30), `cut.docx ${docx}`],
      ['header-only.docx', new TextEncoder().encode('PK\x03\x04 nothing more'), `header-only.docx ${docx}`],
      ['errands.docx', zipOfNotes, `errands.docx ${docx}`],
      ['noise.docx', noise, `noise.docx ${docx}`],
      ['scan.docx', new TextEncoder().encode('%PDF-1.4\n%\u00e2\n1 0 obj\n'), 'scan.docx is not a readable PDF: the file is a damaged or cut-short PDF document (named as .docx)'],
      ['cut.epub', small.slice(0, 100), `cut.epub ${epub}`],
      ['errands.epub', zipOfNotes, `errands.epub ${epub}`],
      ['noise.epub', noise, `noise.epub ${epub}`],
      ['cut.odt', small.slice(0, 100), `cut.odt ${odt}`],
      ['errands.odt', zipOfNotes, `errands.odt ${odt}`],
      ['noise.odt', noise, `noise.odt ${odt}`],
      ['scan.odt', new TextEncoder().encode('%PDF-1.4\n%\u00e2\n1 0 obj\n'), 'scan.odt is not a readable PDF: the file is a damaged or cut-short PDF document (named as .odt)'],
      ['errands.zip', zipOfPictures, 'errands.zip is not a readable document: the file is a damaged zip archive, or one that is not a Word document (.docx), an OpenDocument text (.odt) or an EPUB book (.epub)'],
    ]
    for (const [path, bytes, message] of cases) {
      const error = await analyzeBytes(bytes, { path }).then(() => null, (e: Error) => e)
      expect(error, path).toBeInstanceOf(UnreadableInputError)
      expect(error!.message, path).toBe(message)
    }
    // The zip reader's own words stay on the error, for whoever debugs it.
    const cut = await analyzeBytes(small.slice(0, small.length - 30), { path: 'cut.docx' }).catch((e: Error) => e)
    expect(((cut as Error).cause as Error).message).toMatch(/^the zip archive is corrupt or truncated \(/)
  })

  it('names what a refused binary file looks like, with its article', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    await expect(analyzeBytes(png, { path: 'cover.txt' })).rejects.toThrow('cover.txt: not a text file (it looks like a PNG image); proselens reads text, Markdown, HTML, RTF, DOCX, ODT and EPUB')
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])
    await expect(analyzeBytes(elf, { path: 'tool.md' })).rejects.toThrow('tool.md: not a text file (it looks like an ELF executable)')
    await expect(analyzeBytes(Uint8Array.from({ length: 64 }, () => 0), { path: 'zeros.txt' })).rejects.toThrow('zeros.txt: not a text file (it looks like binary data (NUL bytes))')
  })

  it('refuses an entry that declares a huge size before inflating anything', async () => {
    const bomb = patchCentral(small, 24, 0xfffffff0) // uncompressed size
    await expect(readZip(bomb)).rejects.toThrow(/would unpack to 4096 MB, over the 128 MB limit \(a zip bomb\?\)/)
  })

  it('stops an entry that unpacks to more than it declares', async () => {
    const liar = patchCentral(small, 24, 10)
    await expect(readZip(liar)).rejects.toThrow(ZipError)
    await expect(readZip(liar)).rejects.toThrow(/unpacks to more than the size it declares|corrupt/)
  })

  it('refuses a compression ratio no text reaches', async () => {
    const zip = new JSZip()
    zip.file('word/document.xml', new Uint8Array(3 * 2 ** 20))
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }))
    await expect(analyzeBytes(bytes, { path: 'zeros.docx' })).rejects.toThrow(/^zeros\.docx: entry word\/document\.xml is compressed \d+:1, beyond the 200:1/)
  })

  it('ignores entries named with ../ or absolute paths, and writes nothing', async () => {
    const zip = new JSZip()
    zip.file('META-INF/container.xml', CONTAINER)
    zip.file('book.opf', '<package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>')
    zip.file('a.xhtml', page('<p>Safe text.</p>'))
    zip.file('../../evil.txt', 'owned')
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))
    const r = await analyzeBytes(bytes, { path: 'trav.epub' })
    expect(r.totals.words).toBe(2)
    expect(r.diagnostics.filter((d) => d.code === 'zip-unsafe-name').map((d) => d.message)).toContain('The archive holds an entry with an unsafe name ("../../evil.txt"); it was ignored.')
    expect(readdirSync(join(tmpdir(), '..')).includes('evil.txt')).toBe(false)
  })

  it('refuses a file over the size limit, and a batch goes on past bad files', async () => {
    const big = join(dir, 'huge.html')
    writeFileSync(big, Buffer.alloc(50 * 2 ** 20, '<p>word word word</p>\n'))
    await expect(analyzeFile(big)).rejects.toThrow(InputError)
    await expect(analyzeFile(big)).rejects.toThrow(/huge\.html: 50\.0 MB is more than the 32 MB limit/)
    writeFileSync(join(dir, 'cut.epub'), small.slice(0, 100))
    const out: string[] = []
    const err: string[] = []
    const code = await run(['analyze', big, join(dir, 'cut.epub'), 'corpus/lantern-row.md', '--out', join(dir, 'out')], { out: (s) => out.push(s), err: (s) => err.push(s) })
    expect(code).toBe(1)
    expect(err.join('\n')).toContain('huge.html: 50.0 MB is more than the 32 MB limit')
    expect(err.join('\n')).toContain('cut.epub is not a readable .epub: the file is damaged or is not an EPUB book')
    expect(err.join('\n')).toContain('2 inputs failed')
    expect(JSON.parse(readFileSync(join(dir, 'out', 'lantern-row.json'), 'utf8')).source.format).toBe('markdown')
    rmSync(big)
  })
})
