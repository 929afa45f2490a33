/**
 * A story as a typeset PDF, written with pdf-lib in the shape of a printed book: a title page,
 * each chapter on a new page under a bold heading, justified body text in Times with indented
 * paragraphs (the first after a heading or break flush left), long words hyphenated at line ends,
 * mirrored margins, a running header (the book's title on even pages, the chapter's on odd ones)
 * and a page number in the footer. Scene breaks are a centred "* * *" line, or a wider gap (two
 * blank lines) where `breaks` is 'gap' (an ornament where the gap would fall at a page's foot), the
 * two ways books set them. A justified line is one
 * run stretched by word spacing (Tw); LibreOffice and Chromium place words and glyphs instead.
 *
 * The PDFs made by LibreOffice and Chromium are in test/fixtures/pdf (scripts/render-pdf-fixtures.mjs).
 */
import { PDFDocument, setWordSpacing, StandardFonts } from 'pdf-lib'

const PAGE = { width: 420, height: 595 }
const MARGIN = { inner: 62, outer: 50, top: 64, bottom: 62 }
const BODY = 11
const LEADING = 14
const INDENT = 16
const FIXED_DATE = new Date('2024-01-02T10:00:00Z')

/** Split a word at a line end: at least four letters either side, hyphen after the head. */
function hyphenate(word, fits) {
  if (!/^[A-Za-z]{9,}[,.;:]?$/.test(word)) return null
  for (let cut = word.length - 4; cut >= 4; cut--) {
    const head = `${word.slice(0, cut)}-`
    if (/[^A-Za-z]/.test(word.slice(cut - 1, cut + 1))) continue
    if (fits(head)) return [head, word.slice(cut)]
  }
  return null
}

export async function toPdf(story, { breaks = 'marker' } = {}) {
  const doc = await PDFDocument.create()
  doc.setTitle(story.title)
  if (story.author) doc.setAuthor(story.author)
  doc.setCreator('proselens render-pdf.mjs (pdf-lib)')
  doc.setProducer('pdf-lib')
  doc.setCreationDate(FIXED_DATE)
  doc.setModificationDate(FIXED_DATE)
  const roman = await doc.embedFont(StandardFonts.TimesRoman)
  const italic = await doc.embedFont(StandardFonts.TimesRomanItalic)
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold)

  // Title page: no header or footer.
  let page = doc.addPage([PAGE.width, PAGE.height])
  const centred = (text, font, size, y) => page.drawText(text, { x: (PAGE.width - font.widthOfTextAtSize(text, size)) / 2, y, size, font })
  centred(story.title, bold, 22, PAGE.height * 0.62)
  if (story.author) centred(`by ${story.author}`, roman, 12, PAGE.height * 0.62 - 34)

  let pageNumber = 1
  let chapterTitle = ''
  let y = 0
  const left = () => (pageNumber % 2 === 0 ? MARGIN.outer : MARGIN.inner)
  const width = PAGE.width - MARGIN.inner - MARGIN.outer
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height])
    pageNumber++
    const header = pageNumber % 2 === 0 ? story.title : chapterTitle || story.title
    const size = 9
    page.drawText(header, { x: (PAGE.width - italic.widthOfTextAtSize(header, size)) / 2, y: PAGE.height - 40, size, font: italic })
    const number = String(pageNumber)
    page.drawText(number, { x: (PAGE.width - roman.widthOfTextAtSize(number, size)) / 2, y: 36, size, font: roman })
    y = PAGE.height - MARGIN.top
  }
  const room = (lines) => {
    if (y - lines * LEADING < MARGIN.bottom) newPage()
  }

  for (const [ci, chapter] of story.chapters.entries()) {
    chapterTitle = chapter.title ?? ''
    newPage()
    if (chapter.title) {
      page.drawText(chapter.title, { x: left(), y: y - 10, size: 16, font: bold })
      y -= 16 + LEADING * 2
    }
    for (const [si, scene] of chapter.scenes.entries()) {
      let flush = true
      if (si > 0) {
        if (breaks === 'marker') {
          room(3)
          y -= LEADING
          const mark = '* * *'
          page.drawText(mark, { x: left() + (width - roman.widthOfTextAtSize(mark, BODY)) / 2, y, size: BODY, font: roman })
          y -= LEADING * 2
        } else if (y - LEADING * 3 < MARGIN.bottom) {
          // A gap that would fall at a page's foot is lost there: a typesetter sets an ornament.
          newPage()
          const mark = '* * *'
          page.drawText(mark, { x: left() + (width - roman.widthOfTextAtSize(mark, BODY)) / 2, y, size: BODY, font: roman })
          y -= LEADING * 2
        } else y -= LEADING * 2
      }
      for (const text of scene) {
        const lines = wrap(text.split(' '), (s, first) => roman.widthOfTextAtSize(s, BODY) <= width - (first && !flush ? INDENT : 0))
        lines.forEach((words, i) => {
          room(1)
          const x0 = left() + (i === 0 && !flush ? INDENT : 0)
          const last = i === lines.length - 1
          if (last) page.drawText(words.join(' '), { x: x0, y, size: BODY, font: roman })
          else {
            // Justified by word spacing (Tw), as many PDF writers set it: the spare width shared between the spaces.
            const line = words.join(' ')
            const spare = width - (x0 - left()) - roman.widthOfTextAtSize(line, BODY)
            page.pushOperators(setWordSpacing(words.length > 1 ? spare / (words.length - 1) : 0))
            page.drawText(line, { x: x0, y, size: BODY, font: roman })
            page.pushOperators(setWordSpacing(0))
          }
          y -= LEADING
        })
        flush = false
      }
    }
  }
  return doc.save({ useObjectStreams: false })
}

/** Greedy line filling; a long word that does not fit is hyphenated where its head fits. */
function wrap(words, fits) {
  const lines = []
  let line = []
  for (let word of words) {
    for (;;) {
      const first = lines.length === 0
      if (fits([...line, word].join(' '), first)) {
        line.push(word)
        break
      }
      const split = line.length > 0 ? hyphenate(word, (head) => fits([...line, head].join(' '), first)) : null
      if (split) {
        line.push(split[0])
        word = split[1]
      }
      if (line.length === 0) {
        line.push(word)
        break
      }
      lines.push(line)
      line = []
    }
  }
  if (line.length > 0) lines.push(line)
  return lines
}
