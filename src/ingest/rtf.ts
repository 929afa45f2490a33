import type { Diagnostic, Meta } from '../types.js'
import { RTF_CHARSET_WORDS, RTF_INFO_FIELDS, RTF_NOTES, RTF_SKIPPED, RTF_SYMBOLS } from '../data/rtf.js'
import { DocumentBuilder, type Run } from './markup.js'
import { BACKSLASH, BRACE_CLOSE, BRACE_OPEN, groupEnd, hexValue, isDigit, isLetter, isRuleShape } from './rtf-bytes.js'
import { charsetCodePage, decodeCodePage, headingLevel, isCodePage, newStyle, type RtfStyle } from './rtf-tables.js'

/** Where the text of a group goes. */
type Dest = 'body' | 'fonttbl' | 'stylesheet' | 'info' | 'meta'

/** The state a group saves and restores: character and paragraph properties, destination. */
interface Group {
  dest: Dest
  italic: boolean
  hidden: boolean
  uc: number
  font: number
  centred: boolean
  style: number
  outline: number
  pagebb: boolean
  /** A top or bottom border drawn (`\brdrt` or `\brdrb` and a line style): an empty such paragraph is a rule. */
  border: boolean
  /** The border side being set is the top or bottom one. */
  side: boolean
  /** For `meta`: the `\info` field read. For `stylesheet`: the entry being read. */
  field?: string
  entry?: RtfStyle
}

/** Deeper groups are read as if flat: no writer nests this deep, and the stack stays small. */
const MAX_DEPTH = 1000
const SCRIVENER_TAG = /<!?\$Scr_[A-Za-z]+::\d*>/g

/** The longest run of ASCII decoded at once (`String.fromCharCode` takes its bytes as arguments). */
const ASCII_RUN = 8192
export { isRtf } from './rtf-bytes.js'

export interface RtfRead {
  builder: DocumentBuilder
  /** Title, author, subject and keywords of the `\info` group: used where the text states none. */
  fallback: Partial<Meta>
  /** The document's code page as a decoder label (`windows-1252` unless `\ansicpg` says otherwise). */
  codePage: number
  diagnostics: Diagnostic[]
}

/**
 * Read an RTF document into the builder, in one pass over its bytes: paragraphs (`\par`),
 * italics (`\i`, italic paragraph and character styles), centred paragraphs (`\qc`), page breaks
 * (`\page`, `\pagebb`) as breaks, heading styles ("heading N", Title, `\outlinelevel`) as headings,
 * text in the document's and fonts' code pages (`\ansicpg`, `\fcharset`, `\'hh`) and Unicode
 * (`\uN` with its `\ucN` fallback skipped). Destinations that are not text (tables, pictures,
 * notes, headers) are skipped by scanning to their closing brace, keeping nothing.
 */
export function readRtf(bytes: Uint8Array, builder: DocumentBuilder = new DocumentBuilder()): RtfRead {
  const reader = new RtfReader(bytes, builder)
  reader.read()
  return { builder: reader.builder, fallback: reader.fallback(), codePage: reader.codePage, diagnostics: reader.diagnostics }
}

class RtfReader {
  readonly diagnostics: Diagnostic[] = []
  codePage = 1252
  private pos = 0
  private g: Group = { dest: 'body', italic: false, hidden: false, uc: 1, font: -1, centred: false, style: 0, outline: -1, pagebb: false, border: false, side: false }
  private readonly stack: Group[] = []
  /** Groups opened past `MAX_DEPTH`, read as part of their parent. */
  private flat = 0
  private readonly fonts = new Map<number, number>()
  private readonly styles = new Map<number, RtfStyle>()
  private readonly info: Record<string, string> = {}
  private defaultFont = -1
  private fontEntry = -1
  /** Fallback characters still to skip after a `\uN`. */
  private skip = 0
  /** Bytes of text not yet decoded, in the code page of the font they were written in. */
  private pending: number[] = []
  private pendingCp = 1252
  private runs: Run[] = []
  /** A page break just written: the empty paragraph that carries it is not a blank line. */
  private broke = false
  private sectionEnded = false
  /** The paragraph holds a drawn horizontal line (a shape). */
  private drawsRule = false
  private notes = 0
  private extraCloses = 0
  private star = false
  private unknownCp = 0

  constructor(
    private readonly bytes: Uint8Array,
    readonly builder: DocumentBuilder,
  ) {}

  fallback(): Partial<Meta> {
    const meta: Partial<Meta> = {}
    for (const key of ['title', 'author', 'subject', 'keywords'] as const) {
      const value = this.info[key]?.replace(/\s+/g, ' ').trim()
      if (value) meta[key] = value
    }
    return meta
  }

  read(): void {
    const { bytes } = this
    const n = bytes.length
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3
    while (this.pos < n) {
      const c = bytes[this.pos]!
      if (c === BRACE_OPEN) {
        this.pos++
        this.open()
      } else if (c === BRACE_CLOSE) {
        this.pos++
        this.close()
      } else if (c === BACKSLASH) {
        this.control()
      } else if (c === 0x0a || c === 0x0d) {
        this.pos++
      } else if (this.skip > 0) {
        this.pos++
        this.skip--
      } else if (c >= 0x20 && c < 0x7f && this.g.dest === 'body') {
        this.asciiRun()
      } else {
        this.pos++
        this.byte(c)
      }
    }
    this.endParagraph()
    if (this.stack.length > 0) {
      this.diagnostics.push({ severity: 'warning', code: 'rtf-truncated', message: `The RTF document ends with ${this.stack.length} group${this.stack.length === 1 ? '' : 's'} still open: the file is cut short or damaged; the text up to its end was read.` })
    }
    if (this.extraCloses > 0) {
      this.diagnostics.push({ severity: 'warning', code: 'rtf-unbalanced', message: `The RTF document closes ${this.extraCloses} group${this.extraCloses === 1 ? '' : 's'} it never opened: the file is damaged; the text around ${this.extraCloses === 1 ? 'it' : 'them'} was read.` })
    }
    if (this.notes > 0) {
      this.diagnostics.push({ severity: 'info', code: 'rtf-notes', message: `The document holds ${this.notes} footnote${this.notes === 1 ? '' : 's'} or comment${this.notes === 1 ? '' : 's'}; notes are not story and were left out of every measure.` })
    }
    if (this.unknownCp > 0) {
      this.diagnostics.push({ severity: 'warning', code: 'rtf-code-page', message: `Code page ${this.unknownCp} cannot be decoded here; its bytes were read as Windows-1252.` })
    }
  }

  private open(): void {
    this.flush()
    this.skip = 0
    if (this.stack.length >= MAX_DEPTH) {
      this.flat++
      return
    }
    this.stack.push(this.g)
    const g = { ...this.g }
    // Each group in the stylesheet is one style.
    if (g.dest === 'stylesheet' && !g.entry) g.entry = newStyle(false)
    this.g = g
  }

  private close(): void {
    this.flush()
    this.skip = 0
    this.star = false
    if (this.flat > 0) {
      this.flat--
      return
    }
    const parent = this.stack.pop()
    if (!parent) {
      this.extraCloses++
      return
    }
    const entry = this.g.entry
    if (entry && !parent.entry) this.addStyle(entry)
    this.g = parent
  }

  private styleId = 0
  private addStyle(entry: RtfStyle): void {
    entry.name = entry.name.replace(/;\s*$/, '').trim()
    // A group with no name is none of the styles (a skipped table style, a stray group).
    if (entry.name === '') return
    this.styles.set(entry.character ? -1 - this.styleId : this.styleId, entry)
    this.styleId = 0
  }

  /** A run of printable ASCII, the most of any document's text, taken whole (at most `ASCII_RUN` bytes). */
  private asciiRun(): void {
    const { bytes } = this
    const from = this.pos
    const limit = Math.min(bytes.length, from + ASCII_RUN)
    let end = from + 1
    while (end < limit) {
      const d = bytes[end]!
      if (d < 0x20 || d > 0x7e || d === BACKSLASH || d === BRACE_OPEN || d === BRACE_CLOSE) break
      end++
    }
    this.pos = end
    if (this.g.hidden) return
    this.flush()
    this.emit(String.fromCharCode.apply(null, bytes.subarray(from, end) as unknown as number[]))
  }

  /** A byte of text in the current font's code page. */
  private byte(c: number): void {
    const { g } = this
    if (g.dest === 'body') {
      if (g.hidden) return
      const cp = this.fontCp()
      if (this.pending.length > 0 && cp !== this.pendingCp) this.flush()
      this.pendingCp = cp
      this.pending.push(c)
    } else if (g.dest === 'meta' || (g.dest === 'stylesheet' && g.entry)) {
      this.pending.push(c)
      this.pendingCp = this.codePage
    }
  }

  private fontCp(): number {
    const font = this.g.font >= 0 ? this.g.font : this.defaultFont
    const charset = this.fonts.get(font)
    return charset === undefined ? this.codePage : charsetCodePage(charset, this.codePage)
  }

  /** Decode the pending bytes into the group's destination. */
  private flush(): void {
    if (this.pending.length === 0) return
    let text = decodeCodePage(this.pending, this.pendingCp)
    if (text === null) {
      this.unknownCp ||= this.pendingCp
      text = decodeCodePage(this.pending, 1252)!
    }
    this.pending = []
    this.emit(text)
  }

  /** Decoded text into the group's destination. */
  private emit(text: string): void {
    const { g } = this
    if (g.dest === 'body') {
      if (g.hidden) return
      const last = this.runs[this.runs.length - 1]
      if (last && last.italic === g.italic && last.text !== '\n') last.text += text
      else this.runs.push({ text, italic: g.italic })
    } else if (g.dest === 'meta' && g.field) {
      this.info[g.field] = (this.info[g.field] ?? '') + text
    } else if (g.dest === 'stylesheet' && g.entry) {
      g.entry.name += text
    }
  }

  private control(): void {
    const { bytes } = this
    const n = bytes.length
    const c = bytes[this.pos + 1]
    if (c === undefined) {
      this.pos++
      return
    }
    if (!isLetter(c)) {
      this.pos += 2
      this.symbol(c)
      return
    }
    let end = this.pos + 1
    while (end < n && isLetter(bytes[end]!)) end++
    // A control word has at most 32 letters; a longer run is read as one unknown word.
    const word = String.fromCharCode(...bytes.subarray(this.pos + 1, Math.min(end, this.pos + 33)))
    let param: number | null = null
    let neg = false
    if (bytes[end] === 0x2d && isDigit(bytes[end + 1] ?? 0)) {
      neg = true
      end++
    }
    if (isDigit(bytes[end] ?? 0)) {
      param = 0
      const from = end
      while (end < n && isDigit(bytes[end]!)) {
        if (end - from < 10) param = param * 10 + (bytes[end]! - 0x30)
        end++
      }
      if (neg) param = -param
    }
    if (bytes[end] === 0x20) end++
    this.pos = end
    if (word === 'bin') {
      this.pos = Math.min(n, this.pos + Math.max(0, param ?? 0))
      if (this.skip > 0) this.skip--
      return
    }
    if (this.skip > 0) {
      this.skip--
      return
    }
    this.word(word, param)
  }

  private symbol(c: number): void {
    if (c === 0x27) {
      // \'hh: a byte in the code page
      const hi = hexValue(this.bytes[this.pos] ?? 0)
      const lo = hexValue(this.bytes[this.pos + 1] ?? 0)
      if (hi >= 0 && lo >= 0) this.pos += 2
      if (this.skip > 0) this.skip--
      else if (hi >= 0 && lo >= 0) this.byte(hi * 16 + lo)
      return
    }
    if (c === 0x2a) {
      this.star = true
      return
    }
    if (this.skip > 0) {
      this.skip--
      return
    }
    if (c === 0x0a || c === 0x0d) this.word('par', null)
    else if (c === BACKSLASH || c === BRACE_OPEN || c === BRACE_CLOSE) this.byte(c)
    else if (c === 0x7e) this.text('\u00a0')
    else if (c === 0x5f) this.text('-')
    else if (c === 0x09) this.text('\t')
  }

  private text(s: string): void {
    this.flush()
    this.emit(s)
  }

  private word(word: string, param: number | null): void {
    const { g } = this
    const star = this.star
    this.star = false
    if (word === 'shp' || word === 'shpinst') {
      const from = this.pos
      this.skipGroup(false)
      if (g.dest === 'body' && isRuleShape(this.bytes, from, this.pos)) this.drawsRule = true
      return
    }
    if (star && !(word === 'cs' && g.dest === 'stylesheet')) return this.skipGroup(RTF_NOTES.has(word))
    if (RTF_SKIPPED.has(word)) return this.skipGroup(RTF_NOTES.has(word))
    const on = param !== 0
    switch (word) {
      case 'i':
        this.flush()
        if (g.entry) g.entry.italic = on
        g.italic = on
        return
      case 'v':
        this.flush()
        g.hidden = on
        return
      case 'plain':
        this.flush()
        g.italic = false
        g.hidden = false
        g.font = this.defaultFont
        return
      case 'f':
        this.flush()
        if (g.dest === 'fonttbl') this.fontEntry = param ?? 0
        else g.font = param ?? 0
        return
      case 'fcharset':
        if (g.dest === 'fonttbl' && this.fontEntry >= 0) this.fonts.set(this.fontEntry, param ?? 0)
        return
      case 'deff':
        this.defaultFont = param ?? 0
        return
      case 'ansicpg':
        if (param !== null && param > 0) this.codePage = param
        if (!isCodePage(this.codePage) && this.codePage !== 1252) this.unknownCp ||= this.codePage
        return
      case 'uc':
        g.uc = Math.max(0, param ?? 1)
        return
      case 'u':
        if (param === null) return
        // A signed 16-bit value; anything outside that is no character.
        if (param >= -32768 && param <= 65535) this.text(String.fromCharCode(param < 0 ? param + 65536 : param))
        this.skip = g.uc
        return
      case 'fonttbl':
      case 'stylesheet':
      case 'info':
        this.flush()
        g.dest = word
        return
      case 's':
      case 'cs':
        return this.style(word === 'cs', param ?? 0)
      case 'qc':
        if (g.entry) g.entry.centred = true
        g.centred = true
        return
      case 'ql':
      case 'qr':
      case 'qj':
      case 'qd':
        if (g.entry) g.entry.centred = false
        g.centred = false
        return
      case 'outlinelevel':
        if (g.entry) g.entry.outline = param ?? -1
        g.outline = param ?? -1
        return
      case 'brdrt':
      case 'brdrb':
        g.side = true
        return
      case 'brdrl':
      case 'brdrr':
      case 'brdrnone':
      case 'box':
      case 'brdrbar':
      case 'brdrw':
      case 'brdrcf':
        if (word !== 'brdrw' && word !== 'brdrcf') g.side = false
        return
      case 'pard':
        g.border = false
        g.side = false
        g.centred = false
        g.style = 0
        g.outline = -1
        g.pagebb = false
        return
      case 'pagebb':
        g.pagebb = on
        return
      case 'page':
        return this.pageBreak()
      case 'sect':
        this.endParagraph()
        this.sectionEnded = true
        return
      case 'sbkpage':
        if (this.sectionEnded) this.pageBreak()
        this.sectionEnded = false
        return
      case 'par':
        return this.endParagraph()
      case 'cell':
      case 'nestcell':
      case 'row':
        // A table's cells are paragraphs; an empty cell or a row's end is no blank line.
        return this.endParagraph(false)
      case 'line':
        this.flush()
        if (g.dest === 'body' && !g.hidden) this.runs.push({ text: '\n', italic: false })
        return
    }
    if (g.dest === 'info' && RTF_INFO_FIELDS.has(word)) {
      g.dest = 'meta'
      g.field = word
      return
    }
    if (g.side && word.startsWith('brdr')) {
      // A line style for the top or bottom border.
      if (g.entry) g.entry.border = true
      g.border = true
      return
    }
    const cp = RTF_CHARSET_WORDS[word]
    if (cp !== undefined && this.codePage === 1252) this.codePage = cp
    const symbol = RTF_SYMBOLS[word]
    if (symbol !== undefined && g.dest === 'body') this.text(symbol)
  }

  /** `\sN` (a paragraph style) or `\csN` (a character style): in the stylesheet its number, in the text its use. */
  private style(character: boolean, id: number): void {
    const { g } = this
    if (g.entry) {
      g.entry.character = character
      this.styleId = id
      return
    }
    const style = this.styles.get(character ? -1 - id : id)
    if (!character) {
      g.style = id
      if (style?.centred) g.centred = true
      if (style?.border) g.border = true
    }
    if (style?.italic) {
      this.flush()
      g.italic = true
    }
  }

  /** Skip the rest of the current group, scanning bytes for its closing brace. */
  private skipGroup(note: boolean): void {
    if (note) this.notes++
    this.flush()
    this.pos = groupEnd(this.bytes, this.pos)
  }

  private pageBreak(): void {
    this.endParagraph()
    this.builder.end('break')
    this.broke = true
  }

  /** End the paragraph being read: a heading, a (centred) paragraph, or an empty paragraph (a blank line where `blank`). */
  private endParagraph(blank = true): void {
    this.flush()
    const { g, builder } = this
    if (g.dest !== 'body') return
    const runs = this.runs
    this.runs = []
    this.sectionEnded = false
    const style = this.styles.get(g.style)
    const drawsRule = this.drawsRule
    this.drawsRule = false
    if (!runs.some((r) => r.text.trim().length > 0)) {
      // An empty paragraph that draws a line (LibreOffice's Horizontal Line, a line shape) is a rule.
      if (g.border || style?.border || drawsRule) builder.end('break')
      else if (!this.broke && blank) builder.blank()
      this.broke = false
      return
    }
    this.broke = false
    const level = headingLevel(style, g.outline)
    if (g.pagebb && level === 0) builder.end('break')
    for (const r of runs) {
      if (r.text === '\n') builder.lineBreak()
      else builder.text(r.text.includes('$Scr_') ? r.text.replace(SCRIVENER_TAG, '') : r.text, r.italic)
    }
    if (level > 0 && level <= 3) builder.end('heading', { level })
    else builder.end('text', { centred: g.centred })
  }
}
