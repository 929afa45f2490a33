// PDF with a text layer: the PDFs LibreOffice and Chromium print (test/fixtures/pdf, by
// scripts/render-pdf-fixtures.mjs), PDFs written here with pdf-lib for one feature each, the
// layout rules on pages given as positioned runs, and the PDFs every reader is handed: scanned,
// encrypted, damaged, too long.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { analyzeBytes, readSource, readSourceAsync, UnreadableInputError } from '../src/index.js'
import { analyzeFile } from '../src/node/analyze-file.js'
import { scoreReal, totalReal, type RealGold } from '../src/eval/real-eval.js'
import { layoutHtml, type PdfPage, type PdfRun } from '../src/ingest/pdf-layout.js'
import { MAX_PDF_PAGES } from '../src/ingest/pdf.js'

const FIXTURES = 'test/fixtures/pdf'
const gold: RealGold[] = JSON.parse(readFileSync(join(FIXTURES, 'gold.json'), 'utf8'))

describe('PDFs printed by LibreOffice and Chromium', () => {
  it('covers both tools and every break convention', () => {
    const files = gold.map((g) => g.file)
    expect(files.filter((f) => f.startsWith('libreoffice-pdf/'))).toHaveLength(13)
    expect(files.filter((f) => f.endsWith('.furniture.pdf'))).toHaveLength(2)
    expect(files.filter((f) => f.startsWith('chromium-pdf/'))).toHaveLength(2)
    for (const convention of ['marker', 'blank', 'spacing', 'hr', 'pagebreak']) expect(files.some((f) => f.includes(`.${convention}.`)), convention).toBe(true)
  })

  it('reads every chapter and word, the story\'s start and end, and all but three scene breaks at a page\'s foot', async () => {
    const scores = []
    for (const g of gold) {
      const s = scoreReal(await analyzeFile(join(FIXTURES, g.file)), g)
      expect({ file: g.file, chapters: s.chaptersRight, words: s.wordsWithin1, start: s.startRight, end: s.endRight }).toEqual({ file: g.file, chapters: true, words: true, start: true, end: true })
      scores.push(s)
    }
    const total = totalReal(scores)
    expect(total.precision).toBe(1)
    expect(total.recall).toBeGreaterThanOrEqual(0.96)
    // The breaks missed fall where a page ends: a rule or blank lines at its foot leave no trace
    // a reader of the text layer can tell from widow and orphan control.
    expect(scores.filter((s) => !s.scenesPerChapterRight).map((s) => s.file)).toEqual([
      'libreoffice-pdf/kettle-bay-letters.spacing.pandoc-docx.pdf',
      'libreoffice-pdf/kettle-bay-letters.hr.pandoc-docx.pdf',
      'libreoffice-pdf/the-salt-ledger.spacing.libreoffice-odt.pdf',
    ])
  })

  it('says what it left out: running headers, footers and page numbers', async () => {
    const r = await analyzeFile(join(FIXTURES, 'libreoffice-pdf/the-glass-orchard.marker.libreoffice-odt.furniture.pdf'))
    expect(r.source.format).toBe('pdf')
    const plain = await analyzeFile(join(FIXTURES, 'libreoffice-pdf/the-glass-orchard.marker.libreoffice-odt.pdf'))
    // A header and a number on every page: two lines a page left out, and the same words as without them.
    const note = r.diagnostics.find((d) => d.code === 'pdf-furniture-removed')
    expect(note?.message).toMatch(/^(\d+) running header, footer and page-number lines of the PDF were left out of the text\.$/)
    expect(Number(note!.message.split(' ')[0]) % 2).toBe(0)
    expect(r.text.match(/[\p{L}\p{N}]+/gu)).toEqual(plain.text.match(/[\p{L}\p{N}]+/gu))
    expect(r.text).not.toMatch(/\n\n(?:\d+|THE GLASS ORCHARD)\n\n/)
  })
})

/** A one-feature PDF: pages of lines, each line a list of [text, font] runs at a left edge and a baseline. */
async function pdfOf(pages: { runs: [string, 'roman' | 'italic' | 'bold', number?][]; x?: number; y: number }[][], meta: { title?: string; author?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  if (meta.title) doc.setTitle(meta.title)
  if (meta.author) doc.setAuthor(meta.author)
  const fonts: Record<string, PDFFont> = {
    roman: await doc.embedFont(StandardFonts.TimesRoman),
    italic: await doc.embedFont(StandardFonts.TimesRomanItalic),
    bold: await doc.embedFont(StandardFonts.TimesRomanBold),
  }
  for (const lines of pages) {
    const page: PDFPage = doc.addPage([420, 595])
    for (const line of lines) {
      let x = line.x ?? 60
      for (const [text, font, size = 11] of line.runs) {
        page.drawText(text, { x, y: line.y, size, font: fonts[font]! })
        x += fonts[font]!.widthOfTextAtSize(text, size)
      }
    }
  }
  return doc.save({ useObjectStreams: false })
}

/** Lines of body text from the top of a page down, 14 points apart, from `first`. */
const body = (texts: string[], first = 530, x = 60) => texts.map((t, i) => ({ runs: [[t, 'roman']] as [string, 'roman'][], x, y: first - i * 14 }))

describe('PDFs written for one feature each', () => {
  it('joins a word broken at a line\'s end, and keeps the hyphen of a compound the text writes whole elsewhere', async () => {
    const r = await analyzeBytes(
      await pdfOf([
        body([
          'The harbour master was well-known on the quay, and a well-',
          'known face at every door; he stood on the thres-',
          'hold of the office and looked out at the boats.',
        ]),
      ]),
      { path: 'hyphens.pdf' },
    )
    expect(r.text).toContain('a well-known face at every door; he stood on the threshold of the office')
    expect(r.totals.words).toBe(29)
  })

  it('takes italics from the font\'s name', async () => {
    const s = await readSourceAsync(await pdfOf([[{ runs: [['She looked at the sea. ', 'roman'], ['Not again,', 'italic'], [' she thought, and went in.', 'roman']], y: 530 }]]), { path: 'italics.pdf' })
    expect(s.markup?.italics.map((i) => s.text.slice(i.start, i.end))).toEqual(['Not again,'])
  })

  it('drops page numbers that keep step with the pages, and a header repeated at the top of each page', async () => {
    const pages = [1, 2, 3, 4].map((n) => [
      { runs: [['The Heron Book', 'italic', 9]] as [string, 'italic', number][], x: 180, y: 560 },
      ...body([`On the ${['first', 'second', 'third', 'fourth'][n - 1]} day the heron came back to the weir and stood there`, `until ${['dark', 'noon', 'dusk', 'rain'][n - 1]}.`]),
      { runs: [[String(n + 4), 'roman', 9]] as [string, 'roman', number][], x: 205, y: 40 },
    ])
    const r = await analyzeBytes(await pdfOf(pages), { path: 'furniture.pdf' })
    expect(r.text).not.toMatch(/Heron Book|\b[5-8]\b/)
    expect(r.totals.paragraphs).toBe(4)
    expect(r.diagnostics.find((d) => d.code === 'pdf-furniture-removed')?.message).toMatch(/^8 /)
  })

  it('reads a title page as front matter, the document\'s title and author where the text has no byline', async () => {
    const r = await analyzeBytes(
      await pdfOf(
        [
          [
            { runs: [['The Weir', 'bold', 24]], x: 160, y: 400 },
            { runs: [['For Ada', 'italic', 11]], x: 190, y: 360 },
          ],
          [{ runs: [['Chapter One', 'bold', 16]], y: 530 }, ...body(['Nell waded out to the weir at dawn and watched the water go over.'], 490)],
        ],
        { title: 'The Weir', author: 'Rowan Pell' },
      ),
      { path: 'title-page.pdf' },
    )
    expect(r.meta).toMatchObject({ title: 'The Weir', author: 'Rowan Pell' })
    expect(r.frontMatter?.text).toContain('For Ada')
    expect(r.chapters.map((c) => c.title)).toEqual(['Chapter One'])
    expect(r.totals.words).toBe(14)
  })
})

/** A page of runs for the layout rules: each line one run of body type (11 points), 14 apart. */
function page(lines: (string | { text: string; x?: number; y?: number; size?: number })[], top = 530): PdfPage {
  const runs: PdfRun[] = []
  let y = top
  for (const l of lines) {
    const o = typeof l === 'string' ? { text: l } : l
    const size = o.size ?? 11
    const width = o.text.length * size * 0.3
    runs.push({ text: o.text, x: o.x ?? 60, y: o.y ?? y, width, size, italic: false, bold: false, eol: true })
    y = (o.y ?? y) - 14
  }
  return { width: 420, height: 595, runs }
}

const WORDS = ['amber', 'birch', 'cobalt', 'damson', 'ember', 'fennel', 'garnet', 'hazel', 'indigo', 'juniper', 'kestrel', 'linden', 'madder', 'nutmeg', 'ochre', 'pewter', 'quince', 'russet', 'sable', 'teal', 'umber', 'vermilion', 'willow', 'yarrow']
/** The n-th distinct line of justified text that fills the measure from edge to edge (about 270 points). */
const full = (n: number) => `a long line of ${WORDS[n % WORDS.length]!.padEnd(9, '-')} text that fills the measure of the page`

describe('the layout rules', () => {
  it('starts a paragraph at an indent and after a short last line, not at a full line', () => {
    // An indented first line ends at the same right edge as the others.
    const { html } = layoutHtml([page([full(1), full(2), 'ended here.', full(3), 'and ended too.', { text: full(4).slice(5), x: 76 }, 'last.'])])
    expect(html.split('\n')).toHaveLength(3)
  })

  it('reads a wider gap between paragraphs as blank lines, and centred marker lines as centred', () => {
    // Lines 14 points apart, in paragraphs of three: a step of 42 is two blank lines; a marker
    // between blank lines, centred on the measure (60 to about 265).
    const paragraphs = Array.from({ length: 8 }, (_, i) => [full(2 * i), full(2 * i + 1), `ended ${WORDS[i]}.`]).flat()
    const lines: Parameters<typeof page>[0] = [...paragraphs, { text: full(20), y: 208 - 42 }, full(21), 'after the gap.', { text: '* * *', x: 154, y: 138 - 28 }, { text: full(22), y: 110 - 28 }, full(23), 'after the marker.']
    const { html } = layoutHtml([page(lines)])
    const shown = html.split('\n').map((l) => l.replace(/>a long line of .*?(ended \w+|after the \w+)\.</, '>$1<'))
    expect(shown).toEqual([...WORDS.slice(0, 8).map((w) => `<p>ended ${w}</p>`), '<p></p>', '<p></p>', '<p>after the gap</p>', '<p></p>', '<p class="proselens-centred">* * *</p>', '<p></p>', '<p>after the marker</p>'])
  })

  it('keeps a chapter\'s number heading at the top of a page that is no page number', () => {
    const pages = [1, 2, 3].map((n) => page([{ text: String(n), x: 200, size: 18 }, full(n), `ended ${WORDS[n]}.`], 540))
    const { html, furniture } = layoutHtml(pages)
    expect(furniture).toBe(0)
    expect(html.match(/<h1>\d<\/h1>/g)).toEqual(['<h1>1</h1>', '<h1>2</h1>', '<h1>3</h1>'])
  })

  it('joins a paragraph across a page break where the page ends on a full line', () => {
    const { html } = layoutHtml([page([full(1), full(2), full(3)]), page(['its end, on the next page.', full(4), 'last.'])])
    expect(html.split('\n')).toHaveLength(2)
  })

  it('counts the characters found and the pages with no text', () => {
    const r = layoutHtml([page(['Some words here.']), { width: 420, height: 595, runs: [] }])
    expect({ characters: r.characters, emptyPages: r.emptyPages }).toEqual({ characters: 14, emptyPages: 1 })
  })
})

describe('the PDFs every reader is handed', () => {
  it('refuses a scanned PDF (pages that are pictures) in one plain sentence', async () => {
    const doc = await PDFDocument.create()
    const png = await doc.embedPng(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
    )
    for (let i = 0; i < 3; i++) doc.addPage([420, 595]).drawImage(png, { x: 0, y: 0, width: 420, height: 595 })
    await expect(analyzeBytes(await doc.save(), { path: 'scan.pdf' })).rejects.toThrow(
      new UnreadableInputError('scan.pdf: the PDF has no text layer (its pages are pictures, as a scan is); proselens reads a PDF\'s text, not its pictures: export the PDF again from the document, or run text recognition (OCR) on it first'),
    )
  })

  it('refuses a password-protected PDF, saying so', async () => {
    const bytes = await pdfOf([body(['Locked away.'])])
    // A standard security handler whose user password is not empty: no reader opens it without one.
    const text = Buffer.from(bytes).toString('latin1')
    const hex = (n: number) => '<' + 'ab'.repeat(n) + '>'
    const locked = text.replace(/trailer\s*<</, `trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -4 >>\n/ID [${hex(16)} ${hex(16)}]`)
    await expect(analyzeBytes(new Uint8Array(Buffer.from(locked, 'latin1')), { path: 'locked.pdf' })).rejects.toThrow(/^locked\.pdf: the PDF is password-protected; proselens cannot read password-protected files: save a copy without a password$/)
  })

  it('refuses a damaged or cut-short PDF, keeping the reader\'s own words as the cause', async () => {
    const bytes = await pdfOf([body(['Half of it.'])])
    const error = await analyzeBytes(bytes.subarray(0, 200), { path: 'cut.pdf' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnreadableInputError)
    expect((error as Error).message).toBe('cut.pdf is not a readable PDF: the file is a damaged or cut-short PDF document')
    expect((error as Error).cause).toBeInstanceOf(Error)
  })

  it(`refuses a PDF of more than ${MAX_PDF_PAGES} pages`, async () => {
    const doc = await PDFDocument.create()
    for (let i = 0; i <= MAX_PDF_PAGES; i++) doc.addPage([100, 100])
    await expect(analyzeBytes(await doc.save(), { path: 'long.pdf' })).rejects.toThrow(`long.pdf: ${MAX_PDF_PAGES + 1} pages is more than the ${MAX_PDF_PAGES}-page limit for a PDF`)
  }, 60_000)

  it('is read only by the asynchronous readers, which say so', () => {
    expect(() => readSource(new TextEncoder().encode('%PDF-1.7\n'), { path: 'a.pdf' })).toThrow('a.pdf: a PDF document; read it with analyzeFile() or analyzeBytes(), which read PDFs')
  })

  it('leaves the caller\'s bytes whole', async () => {
    const bytes = await pdfOf([body(['The same bytes after.'])])
    const copy = bytes.slice()
    await analyzeBytes(bytes, { path: 'same.pdf' })
    expect(bytes).toEqual(copy)
  })
})
