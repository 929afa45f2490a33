// A PDF's pages as lines: positioned runs joined along their baselines, and the lines that
// are no story (running headers, footers, page numbers) found by where and how often they
// recur. Pure: pdf.ts gets the runs from pdf.js; pdf-layout.ts builds paragraphs from the lines.

/** A run of text as the PDF places it: its baseline's start, its advance width, its type size. */
export interface PdfRun {
  text: string
  x: number
  y: number
  width: number
  size: number
  italic: boolean
  bold: boolean
  /** The run ends its line in the content (pdf.js's hasEOL). */
  eol: boolean
}

export interface PdfPage {
  width: number
  height: number
  runs: PdfRun[]
}


export interface Piece {
  text: string
  italic: boolean
}

export interface Line {
  page: number
  pieces: Piece[]
  text: string
  x0: number
  x1: number
  y: number
  size: number
  bold: boolean
}

export const round = (x: number, step: number) => Math.round(x / step) * step

/** The most frequent value (ties: the smaller), or the fallback for none. */
export function mode(values: Iterable<number>, fallback: number): number {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best = fallback
  let n = 0
  for (const [v, c] of counts) if (c > n || (c === n && v < best)) [best, n] = [v, c]
  return best
}

/** The value below which a share `q` of the values fall. */
export function quantile(values: number[], q: number, fallback: number): number {
  if (values.length === 0) return fallback
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

/**
 * A page's runs as lines: runs on one baseline (within a third of the type size; a raised
 * footnote mark within half) join in order, a space put between two that have a gap and none.
 */
export function pageLines(page: PdfPage, index: number): Line[] {
  const lines: Line[] = []
  let line: Line | null = null
  let ended = false
  let lastEnd = 0
  let chars = new Map<number, number>()
  const close = () => {
    if (!line) return
    line.text = line.pieces.map((p) => p.text).join('')
    const lead = line.text.length - line.text.trimStart().length
    if (line.text.trim().length > 0) {
      let most = -1
      for (const [size, n] of chars) if (n > most) [line.size, most] = [size, n]
      if (lead > 0) line.pieces[0]!.text = line.pieces[0]!.text.trimStart()
      line.text = line.text.trim()
      lines.push(line)
    }
    line = null
    chars = new Map()
  }
  for (const r of page.runs) {
    const blank = r.text.trim().length === 0
    if (line && !ended && Math.abs(r.y - line.y) <= r.size * (r.size < line.size ? 0.5 : 0.34) && r.x >= lastEnd - r.size) {
      const prev = line.pieces[line.pieces.length - 1]!
      if (r.x - lastEnd > r.size * 0.12 && !/\s$/.test(prev.text) && !/^\s/.test(r.text)) line.pieces.push({ text: ' ', italic: false })
    } else if (!blank || !line) {
      close()
      if (blank) {
        ended = r.eol
        continue
      }
      line = { page: index, pieces: [], text: '', x0: r.x, x1: r.x, y: r.y, size: r.size, bold: true }
    }
    if (!line) continue
    if (!blank) {
      line.x1 = Math.max(line.x1, r.x + r.width)
      if (r.x < line.x0 && line.pieces.length === 0) line.x0 = r.x
      const n = r.text.replace(/\s/g, '').length
      const size = round(r.size, 0.5)
      chars.set(size, (chars.get(size) ?? 0) + n)
      if (!r.bold) line.bold = false
    }
    const last = line.pieces[line.pieces.length - 1]
    if (last && last.italic === r.italic) last.text += r.text
    else line.pieces.push({ text: r.text, italic: r.italic })
    lastEnd = r.x + r.width
    ended = r.eol
  }
  close()
  return lines
}

/** A line of only a page number: "12", "- 12 -", "Page 12", "12 of 40", "xii". */
const PAGE_NUMBER = /^[\s\-–—.|[\](]*(?:page\s+)?(\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?[\s\-–—.|[\])]*$/i
/** Headings that start a page by themselves and are no running header. */
const HEADING_WORDS = /^(?:chapter|part|book|volume|prologue|epilogue|interlude|act)\b/i

const roman = (s: string): number => {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 }
  let n = 0
  const t = s.toLowerCase()
  for (let i = 0; i < t.length; i++) {
    const a = v[t[i]!]!
    const b = v[t[i + 1]!] ?? 0
    n += a < b ? -a : a
  }
  return n
}

/**
 * Running headers, footers and page numbers: among each page's first and last two lines, a page
 * number whose value keeps one step from the page's index (so a chapter's number heading is not
 * one), and a line that, digits aside, recurs near the same edge on a quarter of the pages or
 * more (two at least), in the body's size or smaller, and no chapter heading.
 */
export function furnitureOf(pages: Line[][], bodySize: number): Set<Line> {
  const out = new Set<Line>()
  const edges: { line: Line; top: boolean; page: number }[] = []
  pages.forEach((lines, page) => {
    const n = lines.length
    for (let i = 0; i < Math.min(2, n); i++) edges.push({ line: lines[i]!, top: true, page })
    for (let i = Math.max(2, n - 2); i < n; i++) edges.push({ line: lines[i]!, top: false, page })
  })
  // Page numbers: the most frequent offset of number to page index.
  const offsets = new Map<number, number>()
  const numbered: { line: Line; offset: number }[] = []
  for (const e of edges) {
    const m = PAGE_NUMBER.exec(e.line.text)
    if (!m || e.line.size > bodySize * 1.1) continue
    const value = /\d/.test(m[1]!) ? Number(m[1]) : roman(m[1]!)
    const offset = value - e.page
    numbered.push({ line: e.line, offset })
    offsets.set(offset, (offsets.get(offset) ?? 0) + 1)
  }
  for (const { line, offset } of numbered) if ((offsets.get(offset) ?? 0) >= 2 || pages.length === 1) out.add(line)
  // Recurring lines near the same edge: smaller than the body, or in its size and no heading.
  const maybeFurniture = (l: Line) => !out.has(l) && l.size <= bodySize * 1.05 && (l.size < bodySize * 0.95 || !HEADING_WORDS.test(l.text))
  const keyOf = (e: { line: Line; top: boolean }) => `${e.top ? 't' : 'b'}|${e.line.text.toLowerCase().replace(/\d+|\b[ivxlcdm]+\b/g, '#').replace(/\s+/g, ' ')}`
  const counts = new Map<string, Set<number>>()
  for (const e of edges) {
    if (!maybeFurniture(e.line)) continue
    const key = keyOf(e)
    let set = counts.get(key)
    if (!set) counts.set(key, (set = new Set()))
    set.add(e.page)
  }
  const needed = Math.max(2, Math.ceil(pages.length / 4))
  for (const e of edges) {
    if (!maybeFurniture(e.line)) continue
    if ((counts.get(keyOf(e))?.size ?? 0) >= needed) out.add(e.line)
  }
  // A header band: lines smaller than the body at one height above (or below) the text on many
  // pages, whatever they say (a chapter's title as its pages' running header).
  const bands = new Map<string, Line[]>()
  for (const e of edges) {
    if (!maybeFurniture(e.line) || e.line.size >= bodySize * 0.95 || !isOutermost(pages[e.page]!, e.line, e.top)) continue
    const key = `${e.top ? 't' : 'b'}|${Math.round(e.line.y)}|${e.line.size}`
    const band = bands.get(key)
    if (band) band.push(e.line)
    else bands.set(key, [e.line])
  }
  for (const band of bands.values()) if (new Set(band.map((l) => l.page)).size >= needed) for (const l of band) out.add(l)
  return out
}

/** Whether a line is its page's first (top) or last (bottom) by height. */
function isOutermost(lines: Line[], line: Line, top: boolean): boolean {
  for (const l of lines) if (l !== line && (top ? l.y > line.y + 1 : l.y < line.y - 1)) return false
  return true
}
