import { lineLength, type Line } from './01-lines.js'
import type { LearntLayout } from './02-layout.js'
import { classify, markerConfidence } from '../data/line-classes.js'
import { matchField } from './05-front-matter.js'

/** A paragraph as the layout defines it, before it is classified. */
export interface RawParagraph {
  start: number
  end: number
  /** Blank lines between this paragraph and the previous one (0: adjacent lines). */
  gapBefore: number
  lineCount: number
}

/** A line that ends a sentence or a speech: what a glued paragraph must end with. */
export const ENDS_SENTENCE = /[.!?…:;"”’'—–)\]*_~]\s*$/u
const STARTS_LOWER = /^[\p{Ll}]/u
const INDENTED = /^(?:\t| {2,})/
/** The shortest line that can run on into the next one in text that is not hard-wrapped. */
const MIN_SOFT_WRAP = 40

/**
 * Group lines into paragraphs according to the learnt layout: hard-wrapped text joins adjacent
 * lines (an indented line after a short one starts a new paragraph); otherwise each line is a
 * paragraph, but a line that clearly runs on (no final punctuation, next starts in lower case)
 * is joined to the next.
 */
export function buildParagraphs(text: string, lines: Iterable<Line>, layout: LearntLayout): RawParagraph[] {
  const paragraphs: RawParagraph[] = []
  let blanks = 0
  let prev: Line | null = null
  for (const line of lines) {
    if (line.blank) {
      blanks++
      continue
    }
    const last = paragraphs[paragraphs.length - 1]
    if (last && prev && blanks === 0 && continues(text, prev, line, layout)) {
      last.end = line.contentEnd
      last.lineCount++
    } else {
      paragraphs.push({ start: line.contentStart, end: line.contentEnd, gapBefore: last ? blanks : 0, lineCount: 1 })
    }
    blanks = 0
    prev = line
  }
  return paragraphs
}

function continues(text: string, prev: Line, line: Line, layout: LearntLayout): boolean {
  const lineText = text.slice(line.start, line.contentEnd)
  const prevText = text.slice(prev.contentStart, prev.contentEnd)
  // In hard-wrapped text a line after a full line that ends no sentence runs on, whatever it
  // looks like ("introduction, won't you?" is not a heading there).
  if (layout.hardWrapped && lineLength(prev) >= layout.wrapWidth * 0.8 && !ENDS_SENTENCE.test(prevText) && !INDENTED.test(lineText) && markerConfidence(lineText) === 0) return true
  // A heading or a marker line is a paragraph of its own, wherever it stands.
  if (classify(prevText, 1).kind !== 'text' || classify(lineText, 1).kind !== 'text') return false
  if (layout.hardWrapped) {
    const prevShort = lineLength(prev) < layout.wrapWidth * 0.8
    return !(INDENTED.test(lineText) && prevShort)
  }
  if (layout.separator === 'newline') return false
  // A labelled header line ("by Ann", "Rating: T") starts a line of its own.
  if (matchField(lineText.trim())) return false
  // A soft-wrapped line of prose runs long; a short line (a title above its by-line) stands alone.
  return prevText.length >= MIN_SOFT_WRAP && !ENDS_SENTENCE.test(prevText) && STARTS_LOWER.test(lineText.trimStart())
}
