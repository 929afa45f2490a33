// A PDF's pages as positioned runs of text, rebuilt into the paragraphs a reader sees: lines
// from baselines, running headers, footers and page numbers dropped, paragraphs from indents,
// gaps and short last lines, words hyphenated at line ends joined, headings from type size and
// weight (and the outline), centred lines and wider gaps kept as the scene breaks they are. The
// result is HTML, read by the HTML reader as DOCX and ODT are, so nothing downstream knows PDF.
// Pure: pdf.ts gets the runs from pdf.js.
import { CENTRED_CLASS } from './html.js'
import { furnitureOf, mode, pageLines, quantile, round, type Line, type PdfPage, type Piece } from './pdf-lines.js'

export type { PdfPage, PdfRun } from './pdf-lines.js'

/** What the layout found and left out, for diagnostics. */
export interface PdfLayout {
  html: string
  /** Running header and footer lines and page numbers left out. */
  furniture: number
  /** Pages with no text (pictures only). */
  emptyPages: number
  /** Characters of text found on all pages. */
  characters: number
}

/** The text block's edges on odd and even pages apart (a book's margins mirror). */
interface Frame {
  left: [number, number]
  right: [number, number]
  /** The lowest baseline of a full page, by parity. */
  bottom: [number, number]
  /** The highest baseline of a page that starts with text, by parity. */
  top: [number, number]
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A run of pieces as HTML, italic ones in `<em>`. */
const piecesHtml = (pieces: Piece[]) => pieces.map((p) => (p.italic && p.text.trim() ? `<em>${escape(p.text)}</em>` : escape(p.text))).join('')

/** A line that ends in a word broken by a hyphen (justified text can set a space before it). */
const HYPHEN_END = /\p{L} ?[-\u00AD\u2010]$/u

/** A paragraph being gathered from lines. */
interface Para {
  lines: Line[]
  kind: 'text' | 'heading' | 'centred'
  blanks: number
}

/**
 * Rebuild a PDF's paragraphs as HTML. `outline` holds the bookmark titles (normalised), which
 * mark a line of body size and weight as the heading it is.
 */
export function layoutHtml(pages: PdfPage[], outline: ReadonlySet<string> = new Set()): PdfLayout {
  const byPage = pages.map((p, i) => pageLines(p, i))
  let characters = 0
  let emptyPages = 0
  const sizes = new Map<number, number>()
  for (const lines of byPage) {
    if (lines.length === 0) emptyPages++
    for (const l of lines) {
      const n = l.text.replace(/\s/g, '').length
      characters += n
      sizes.set(l.size, (sizes.get(l.size) ?? 0) + n)
    }
  }
  let bodySize = 0
  let most = 0
  for (const [s, n] of sizes) if (n > most) [bodySize, most] = [s, n]
  const furniture = furnitureOf(byPage, bodySize)
  const body = byPage.map((lines) => lines.filter((l) => !furniture.has(l)))
  const isBody = (l: Line) => Math.abs(l.size - bodySize) <= bodySize * 0.06
  // Line spacing and the text block's edges.
  const steps: number[] = []
  for (const lines of body) for (let i = 1; i < lines.length; i++) if (isBody(lines[i]!) && isBody(lines[i - 1]!)) steps.push(round(lines[i - 1]!.y - lines[i]!.y, 0.5))
  const lineStep = mode(
    steps.filter((s) => s > bodySize * 0.8 && s < bodySize * 2.5),
    bodySize * 1.2,
  )
  const frame: Frame = { left: [0, 0], right: [0, 0], bottom: [0, 0], top: [0, 0] }
  for (const parity of [0, 1] as const) {
    const lines = body.filter((_, i) => i % 2 === parity).flat().filter(isBody)
    const all = lines.length > 0 ? lines : body.flat().filter(isBody)
    frame.left[parity] = mode(
      all.map((l) => round(l.x0, 1)),
      0,
    )
    frame.right[parity] = quantile(
      all.map((l) => l.x1),
      0.9,
      0,
    )
    const lows = body.filter((_, i) => i % 2 === parity && body[i]!.length > 0).map((ls) => ls[ls.length - 1]!.y)
    frame.bottom[parity] = quantile(lows, 0.1, 0)
    const highs = body.filter((ls, i) => i % 2 === parity && ls.length > 0 && isBody(ls[0]!)).map((ls) => ls[0]!.y)
    frame.top[parity] = quantile(highs, 0.9, 0)
  }
  // Paragraph spacing: the most frequent step that is more than a line's (block paragraphs).
  const gaps = steps.filter((s) => s > lineStep * 1.2 && s < lineStep * 4.5)
  const paraStep = gaps.length >= Math.max(3, steps.length / 6) ? mode(gaps, lineStep) : lineStep
  // Hyphenated words seen whole inside lines, so that a line-end hyphen of a compound is kept.
  const compounds = new Set<string>()
  for (const lines of body) for (const l of lines) for (const m of l.text.matchAll(/[\p{L}]+-[\p{L}]+/gu)) compounds.add(m[0].toLowerCase())

  const paras: Para[] = []
  let para: Para | null = null
  let pendingBlanks = 0
  const start = (kind: Para['kind'], line: Line) => {
    para = { lines: [line], kind, blanks: pendingBlanks }
    paras.push(para)
    pendingBlanks = 0
  }
  let prev: Line | null = null
  let prevInset = false
  for (let p = 0; p < body.length; p++) {
    const lines = body[p]!
    const parity = p % 2
    const left = frame.left[parity]!
    const right = frame.right[parity]!
    const centre = (left + right) / 2
    lines.forEach((line, i) => {
      const size = line.size
      // An indented block (a letter, a quotation): lines set between edges inside the text's,
      // the same for a line and its neighbour (one-line paragraphs share only their indent).
      const shares = (other: Line | undefined) => other !== undefined && Math.abs(other.x0 - line.x0) < 1 && Math.abs(other.x1 - line.x1) < 2 && Math.abs(other.size - size) < 0.5
      const inset = line.x0 > left + size && line.x1 < right - size && (shares(lines[i - 1]) || shares(lines[i + 1]))
      const blockLeft = inset ? line.x0 : left
      const centred = !inset && line.x0 > left + size * 1.5 && Math.abs((line.x0 + line.x1) / 2 - centre) < size * 1.5 && line.x1 < right - size
      const heading = size >= bodySize * 1.15 || (line.bold && line.text.length < 60 && !/[,;]$/.test(line.text)) || outline.has(normaliseTitle(line.text))
      const kind: Para['kind'] = heading ? 'heading' : centred ? 'centred' : 'text'
      if (!prev || !para) {
        start(kind, line)
        prev = line
        prevInset = inset
        return
      }
      const current: Para = para
      const samePage = prev.page === line.page
      // A line that starts a paragraph by its shape: indented, or after a last line with room
      // left for its first word.
      const word = /^\S+/.exec(line.text)?.[0] ?? ''
      const wordWidth = (word.length / Math.max(1, line.text.length)) * (line.x1 - line.x0)
      const opens = line.x0 > blockLeft + size * 0.6 || (inset !== prevInset && kind === 'text') || (!HYPHEN_END.test(prev.text) && prev.x1 + wordWidth + size * 0.3 < frame.right[prev.page % 2]! - size * 0.5)
      let fresh = kind !== current.kind || kind === 'centred' || size < prev.size * 0.9 || size > prev.size * 1.1 || (kind === 'heading' && !samePage)
      if (samePage) {
        const step = prev.y - line.y
        const extra = step - (kind === 'text' && current.kind === 'text' ? paraStep : lineStep)
        if (step > lineStep * 1.25 || step < 0) fresh = true
        // The spacing around an indented block is its own, no scene break.
        if (kind !== 'heading' && current.kind !== 'heading' && !inset && !prevInset && extra > lineStep * 0.7) pendingBlanks = Math.max(1, Math.round(extra / lineStep))
      } else if (kind !== 'heading' && current.kind !== 'heading') {
        // At a page's turn, a gap (blank lines, a rule) shows as text starting low on the next
        // page, or, between paragraphs, as a page ending short of its foot by more than widow
        // and orphan control leave (a line or two; more where paragraphs are spaced apart),
        // beyond the spacing any paragraph boundary has.
        const spacing = paraStep - lineStep
        const short = prev.y - frame.bottom[prev.page % 2]! - spacing
        const low = frame.top[line.page % 2]! - line.y - spacing
        if (low > lineStep * 0.7 || (opens && short > lineStep * (spacing > 0 ? 2.8 : 1.8))) {
          fresh = true
          pendingBlanks = 1
        }
      }
      if (kind === 'text' && opens) fresh = true
      if (fresh) start(kind, line)
      else current.lines.push(line)
      prev = line
      prevInset = inset
    })
  }
  return { html: parasHtml(paras, compounds, titlePage(paras, frame, lineStep)), furniture: furniture.size, emptyPages, characters }
}

/** An outline or heading title as compared: lower case, spaces collapsed, no end punctuation. */
export const normaliseTitle = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.:]+$/, '')
    .trim()

const wordsOf = (p: Para) => p.lines.reduce((n, l) => n + l.text.split(/\s+/).length, 0)

/**
 * How many paragraphs at the start are a title page: a first page of a few short lines (a title,
 * an author, a dedication) that ends well short of its foot, or before a heading, with the story
 * on the pages after it.
 */
function titlePage(paras: Para[], frame: Frame, lineStep: number): number {
  const first = paras[0]?.lines[0]?.page
  if (first === undefined) return 0
  let n = 0
  let words = 0
  while (n < paras.length && paras[n]!.lines[0]!.page === first) {
    const p = paras[n]!
    words += wordsOf(p)
    if (p.kind === 'text' && wordsOf(p) >= 30) return 0
    n++
  }
  const next = paras[n]
  if (!next || words > 80 || !paras.slice(0, n).some((p) => p.kind !== 'text')) return 0
  const last = paras[n - 1]!.lines[paras[n - 1]!.lines.length - 1]!
  const short = last.y - frame.bottom[first % 2]! > lineStep * 3.5
  return short || next.kind === 'heading' ? n : 0
}

function parasHtml(paras: Para[], compounds: ReadonlySet<string>, titleParas: number): string {
  // Heading levels by size, largest first.
  const headingSizes = [...new Set(paras.filter((p) => p.kind === 'heading').map((p) => round(p.lines[0]!.size, 1)))].sort((a, b) => b - a)
  const out: string[] = []
  // A title page is front matter, as an EPUB's is.
  if (titleParas > 0) out.push('<section epub:type="titlepage">')
  for (const [i, p] of paras.entries()) {
    if (i === titleParas && titleParas > 0) out.push('</section>')
    for (let i = 0; i < p.blanks; i++) out.push('<p></p>')
    const html = linesHtml(p.lines, compounds)
    if (p.kind === 'heading') {
      const level = Math.min(6, headingSizes.indexOf(round(p.lines[0]!.size, 1)) + 1)
      out.push(`<h${level}>${html}</h${level}>`)
    } else if (p.kind === 'centred') out.push(`<p class="${CENTRED_CLASS}">${html}</p>`)
    else out.push(`<p>${html}</p>`)
  }
  return out.join('\n')
}

/** A paragraph's lines joined: a space between lines, a word broken by a hyphen made whole. */
function linesHtml(lines: Line[], compounds: ReadonlySet<string>): string {
  const pieces: Piece[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const next = lines[i + 1]
    const own = line.pieces.map((p) => ({ ...p }))
    if (next && HYPHEN_END.test(line.text) && /^\p{Ll}/u.test(next.text)) {
      const last = own[own.length - 1]!
      const [, head = '', mark = ''] = /(\p{L}+) ?([-\u00AD\u2010])$/u.exec(line.text) ?? []
      const tail = /^\p{L}+/u.exec(next.text)?.[0] ?? ''
      const keep = mark !== '\u00AD' && compounds.has(`${head}-${tail}`.toLowerCase())
      last.text = last.text.replace(/ ?[-\u00AD\u2010]\s*$/u, keep ? '-' : '')
    } else if (next) own.push({ text: ' ', italic: false })
    for (const p of own) pieces.push(p)
  }
  return piecesHtml(pieces)
}
