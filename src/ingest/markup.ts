import type { Block, BlockRole, DocumentPlace, Markup, Meta, SceneMeta, Span } from '../types.js'
import { classify } from '../data/line-classes.js'
import { normalise } from './03-normalise.js'

/** A run of inline text as the markup gives it, before whitespace is collapsed. */
export interface Run {
  text: string
  italic: boolean
}

const SPACES = /[^\S\n]+/g

/** Spans cut to `[from, to)` and made relative to `from`. */
function clip(spans: Span[], from: number, to: number): Span[] {
  const out: Span[] = []
  for (const s of spans) {
    const start = Math.max(s.start, from)
    const end = Math.min(s.end, to)
    if (end > start) out.push({ start: start - from, end: end - from })
  }
  return out
}

/** Extra facts about a block from its markup. */
export interface BlockExtra {
  level?: number
  key?: string
  centred?: boolean
  /** A break that starts a project's document. */
  document?: boolean
}

/**
 * Builds the one normalised text of a marked-up document, block by block: every block becomes a
 * paragraph of its own (blocks are separated by a blank line), inline whitespace is collapsed
 * the way a browser collapses it, explicit line breaks are kept, and italic runs are recorded as
 * spans of the text. Every format adapter (Markdown, HTML, DOCX, EPUB) writes through it, so
 * offsets are computed in one place.
 */
export class DocumentBuilder {
  private readonly parts: string[] = []
  private length = 0
  protected runs: Run[] = []
  readonly blocks: Block[] = []
  readonly italics: Span[] = []
  removedControls = 0
  /** Empty paragraphs seen since the last block. */
  private blanks = 0
  /** A project's documents, where their text starts. */
  readonly documents: DocumentPlace[] = []
  private openDocument: SceneMeta | null = null

  /** The next text block is the first of a project's document (an empty document's place is taken by the next). */
  startDocument(meta: SceneMeta): void {
    this.openDocument = meta
  }

  /** Add inline text to the block being built. */
  text(text: string, italic = false): void {
    if (text.length > 0) this.runs.push({ text, italic })
  }

  /** An explicit line break inside the block (`<br>`, a Markdown hard break). */
  lineBreak(): void {
    this.runs.push({ text: '\n', italic: false })
  }

  /** Whether the block being built has any text yet. */
  get pending(): boolean {
    return this.runs.some((r) => r.text.trim().length > 0)
  }

  /** Whether the block being built ends with a line break (two in a row end a paragraph). */
  get endsWithBreak(): boolean {
    for (let i = this.runs.length - 1; i >= 0; i--) {
      const t = this.runs[i]!.text
      if (t === '\n') return true
      if (t.trim().length > 0) return false
    }
    return false
  }

  /** The text of the block being built, whitespace collapsed. */
  peek(): string {
    return this.runs
      .map((r) => r.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
  }

  /** Drop the block being built. */
  discard(): void {
    this.runs = []
  }

  /** An empty paragraph: no block, but counted on the next one (`Block.blanks`). */
  blank(): void {
    this.runs = []
    this.blanks++
  }

  /**
   * Close the block being built as a paragraph of the given role. An empty block is dropped,
   * except a break, which is kept at its place (an empty span, or its own words).
   */
  end(role: BlockRole, extra: BlockExtra = {}): void {
    const runs = this.runs
    this.runs = []
    if (role === 'break') {
      // A break keeps its own words, if it has any (a section heading inside an AO3 chapter).
      this.push(normalise(runs.map((r) => r.text).join('')).text.replace(/\s+/g, ' ').trim(), [], role, extra)
      return
    }
    // Collapse whitespace run by run, keeping line breaks, and note where italics fall.
    let out = ''
    const italic: Span[] = []
    for (const run of runs) {
      if (run.text === '\n') {
        out = out.replace(/ $/, '')
        if (out.length > 0 && !out.endsWith('\n')) out += '\n'
        continue
      }
      const n = normalise(run.text)
      this.removedControls += n.removedControls
      let t = n.text.replace(/\n/g, ' ').replace(SPACES, ' ')
      if (out.length === 0 || out.endsWith(' ') || out.endsWith('\n')) t = t.replace(/^ /, '')
      if (t.length === 0) continue
      if (run.italic) {
        const lead = t.length - t.trimStart().length
        const s = out.length + lead
        const e = out.length + t.trimEnd().length
        if (e > s) italic.push({ start: s, end: e })
      }
      out += t
    }
    const trimmed = out.replace(/\s+$/, '')
    if (trimmed.length === 0) return
    if (role !== 'text' || !trimmed.includes('\n')) {
      this.push(trimmed, italic, role, extra)
      return
    }
    // Lines of one block that are marker or heading lines (`text<br>xXx<br>text`) stand alone.
    let from = 0
    let at = 0
    for (const line of trimmed.split('\n')) {
      const lineEnd = at + line.length
      if (classify(line, 1).kind !== 'text') {
        if (at > from) this.push(trimmed.slice(from, at - 1), clip(italic, from, at - 1), role, extra)
        this.push(line.trim(), clip(italic, at, lineEnd), role, extra)
        from = lineEnd + 1
      }
      at = lineEnd + 1
    }
    if (from < trimmed.length) this.push(trimmed.slice(from), clip(italic, from, trimmed.length), role, extra)
  }

  private push(text: string, italic: Span[], role: BlockRole, extra: BlockExtra): void {
    if (this.blocks.length > 0) {
      this.parts.push('\n\n')
      this.length += 2
    }
    const start = this.length
    this.parts.push(text)
    this.length += text.length
    const block: Block = { start, end: this.length, role }
    if (extra.level !== undefined) block.level = extra.level
    if (extra.key !== undefined) block.key = extra.key
    if (extra.centred) block.centred = true
    if (extra.document) block.document = true
    if (this.openDocument && role === 'text') {
      this.documents.push({ start, meta: this.openDocument })
      this.openDocument = null
    }
    if (this.blanks > 0) block.blanks = this.blanks
    this.blanks = 0
    this.blocks.push(block)
    for (const s of italic) {
      const span = { start: start + s.start, end: start + Math.min(s.end, text.length) }
      if (span.end <= span.start) continue
      const last = this.italics[this.italics.length - 1]
      // Italic runs split only by a space or a tag join into one.
      if (last && span.start - last.end <= 1 && last.end >= start) last.end = span.end
      else this.italics.push(span)
    }
  }

  /** The text and the markup hints gathered. */
  finish(meta: Partial<Meta> = {}): { text: string; markup: Markup } {
    const markup: Markup = { blocks: this.blocks, italics: this.italics, meta }
    if (this.documents.length > 0) markup.documents = this.documents
    return { text: this.parts.join(''), markup }
  }
}
