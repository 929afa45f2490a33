import type { Layout } from '../types.js'
import { lineLength, type Line } from './01-lines.js'
import type { Para } from './paragraph.js'

/** The widest line length seen in hard-wrapped text (Gutenberg wraps at 70-75; email at 72-80). */
const MAX_WRAP_WIDTH = 100

export interface LearntLayout extends Layout {
  /** The wrap width for hard-wrapped text, else 0. */
  wrapWidth: number
  /** Whether glued paragraphs (no blank line between) are rare enough to be scene breaks. */
  gluedIsBreak: boolean
  /** In markup: whether more empty paragraphs than usual between two paragraphs are a break. */
  blankGaps?: boolean
}

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!
}

/**
 * Learn how the document lays out its paragraphs: whether it is hard-wrapped, which gap
 * usually separates paragraphs (a blank line, or none), and so which gaps deviate.
 */
export function learnLayout(lines: Iterable<Line>): LearntLayout {
  // One pass, keeping numbers rather than lines: a text of millions of short lines stays small.
  const lengths: number[] = []
  // Gaps between consecutive content lines: 0 = adjacent lines, k = k blank lines between.
  const gaps: number[] = []
  let blanks = -1
  // Lengths of lines inside a block of adjacent lines that another line of the block follows.
  const innerLengths: number[] = []
  // Sizes of blocks of adjacent lines, the first block (often a header) left out.
  const blockSizes: number[] = []
  let block = 0
  let firstBlock = true
  let previous: Line | null = null
  for (const l of lines) {
    if (previous && !previous.blank && !l.blank) innerLengths.push(lineLength(previous))
    previous = l
    if (l.blank) {
      if (blanks >= 0) blanks++
      if (block > 0) {
        if (!firstBlock) blockSizes.push(block)
        firstBlock = false
        block = 0
      }
      continue
    }
    lengths.push(lineLength(l))
    if (blanks >= 0 && !(firstBlock && blanks === 0)) gaps.push(blanks)
    blanks = 0
    block++
  }
  const width = percentile(Float64Array.from(lengths).sort(), 0.95)
  const inner = innerLengths.length
  let innerWide = 0
  for (const n of innerLengths) if (n >= width * 0.7) innerWide++
  const hardWrapped =
    width > 0 && width <= MAX_WRAP_WIDTH && inner >= 8 && innerWide / inner >= 0.7 && lengths.length >= 10

  const histogram = new Map<number, number>()
  for (const g of gaps) histogram.set(g, (histogram.get(g) ?? 0) + 1)
  const glued = histogram.get(0) ?? 0
  const spaced = gaps.length - glued

  if (hardWrapped) {
    // Paragraphs are blocks of lines; the usual gap among blocks is the mode of positive gaps.
    return { separator: 'blank-line', hardWrapped, usualGap: modeOfPositive(histogram), wrapWidth: width, gluedIsBreak: false }
  }
  if (gaps.length === 0) {
    return { separator: 'none', hardWrapped: false, usualGap: 1, wrapWidth: 0, gluedIsBreak: false }
  }
  if (glued > spaced) {
    return { separator: 'newline', hardWrapped: false, usualGap: 0, wrapWidth: 0, gluedIsBreak: false }
  }
  // Blank-line paragraphs: glued pairs are stripped rules when they are a minority and stand
  // as pairs (the last paragraph of a scene against the first of the next), not as runs of
  // soft-broken lines (verse, letters, a writer's line breaks).
  if (block > 0 && !firstBlock) blockSizes.push(block)
  const multi = blockSizes.filter((n) => n > 1)
  const pairs = multi.filter((n) => n === 2).length
  return {
    separator: 'blank-line',
    hardWrapped: false,
    usualGap: modeOfPositive(histogram),
    wrapWidth: 0,
    gluedIsBreak: glued <= gaps.length * 0.4 && (multi.length <= 2 || pairs >= multi.length * 0.6),
  }
}

function modeOfPositive(histogram: Map<number, number>): number {
  let best = 1
  let bestCount = -1
  for (const [gap, count] of histogram) {
    if (gap > 0 && count > bestCount) {
      best = gap
      bestCount = count
    }
  }
  return best
}

/** Markup gives paragraphs directly: nothing is learnt from line breaks. */
export const MARKUP_LAYOUT: LearntLayout = { separator: 'markup', hardWrapped: false, usualGap: 1, wrapWidth: 0, gluedIsBreak: false }

/** The fewest pairs of adjacent text paragraphs from which a habit of blank paragraphs is learnt. */
const MIN_PAIRS = 8

/**
 * Where a marked-up document has empty paragraphs (a word processor's blank lines), learn the
 * writer's habit as in plain text: the usual number of empty paragraphs between two text
 * paragraphs (none, or one for a writer who spaces paragraphs by hand), so that more than that
 * is a break. Where the document marks its breaks (markers, rules), extra empty paragraphs are
 * spacing, unless the document is typeset (a PDF), whose gaps were measured, not typed.
 */
export function learnMarkupLayout(paras: Para[], typeset = false): LearntLayout {
  const histogram = new Map<number, number>()
  let pairs = 0
  let explicit = 0
  for (const p of paras) if (p.kind === 'marker' || p.kind === 'rule') explicit++
  if (explicit >= 2 && !typeset) return MARKUP_LAYOUT
  for (let i = 1; i < paras.length; i++) {
    if (paras[i]!.kind !== 'text' || paras[i - 1]!.kind !== 'text') continue
    const g = paras[i]!.gapBefore
    histogram.set(g, (histogram.get(g) ?? 0) + 1)
    pairs++
  }
  let usual = 0
  let best = -1
  for (const [g, n] of histogram) if (n > best || (n === best && g < usual)) [usual, best] = [g, n]
  const wider = [...histogram].some(([g]) => g > usual)
  if (pairs < MIN_PAIRS || !wider) return MARKUP_LAYOUT
  return { separator: 'markup', hardWrapped: false, usualGap: usual, wrapWidth: 0, gluedIsBreak: false, blankGaps: true }
}
