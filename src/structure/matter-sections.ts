import { ao3WorkText, backSectionHeading, contentsHeading, frontSectionHeading, gutenbergEnd, gutenbergStart } from '../data/book-matter.js'
import { isHeading } from '../data/line-classes.js'
import { shortLine } from './05-front-matter.js'
import type { Para } from './paragraph.js'

export interface MatterSections {
  /** Index of the first paragraph of the story as far as the book's sections tell (0: nothing before it). */
  front: number
  /** Index of the first paragraph after the story (`paras.length`: nothing after it). */
  end: number
  /** Index of the paragraph after Project Gutenberg's START line, or null. */
  gutenberg: number | null
  /** Index of AO3's "Work Text:" label (a work's page copied to text), or null. */
  ao3: number | null
}

/** The longest contents entry, in characters. */
const MAX_ENTRY = 80
/** The most words of matter that may stand before a book's first chapter heading. */
const MAX_PREAMBLE_WORDS = 700
const WORDS = /[\p{L}\p{N}]+/gu
const FIRST = /^(?:(?:chapter|chap\.?|part|book|volume|act)\s+)?(?:1|one|i|first)\b|^(?:prologue|preface|foreword|introduction|overture)\b/i

/** A contents entry misspelt by one letter ("Couterparts") still names its chapter. */
function nearEntry(key: string, entries: string[]): boolean {
  if (key.length < 8) return false
  return entries.some((e) => Math.abs(e.length - key.length) <= 1 && editDistanceAtMostOne(e, key))
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1)
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

const keyOf = (line: string) => line.toLowerCase().replace(/[\s.:]+$/u, '').replace(/\s+/g, ' ')

/**
 * The sections of a book around its story, from what books share: Project Gutenberg's START and
 * END lines, a table of contents (whose entries, met again later, are the chapter headings),
 * headings that name matter (Imprint, Dedication, Colophon, Afterword), and the short matter
 * (a dedication, an epigraph) before a book's first chapter heading or under a heading that is
 * the book's own `title` (where the markup states one). Contents entries met again
 * are marked as headings in `paras`.
 */
export function matterSections(text: string, paras: Para[], title: string | null = null): MatterSections {
  let front = 0
  let end = paras.length
  let gutenberg: number | null = null
  let ao3: number | null = null
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!
    // Every paragraph passes here: test a slice of its head, never a collapsed copy of it.
    if (p.lineCount > 2 || p.end - p.start > 200) continue
    const line = text.slice(p.start, p.end)
    if (gutenbergStart.test(line) && i < paras.length / 2) front = gutenberg = i + 1
    else if (ao3 === null && ao3WorkText.test(line) && i < Math.max(60, paras.length / 2) && i < paras.length - 1) {
      ao3 = i
      front = i + 1
    }
    else if (gutenbergEnd.test(line) && i > paras.length / 2 && i < end) {
      end = i
      break
    }
  }
  // A table of contents: its entries are the chapter headings when they come again.
  for (let i = front; i < Math.min(end, front + 200); i++) {
    const p = paras[i]!
    const line = p.lineCount === 1 ? shortLine(text, p, 60) : null
    if (line === null || !contentsHeading.test(line)) continue
    const entries: string[] = []
    let j = i + 1
    for (; j < end && entries.length < 400; j++) {
      const e = paras[j]!.lineCount === 1 ? shortLine(text, paras[j]!, MAX_ENTRY) : null
      if (e === null || e.length === 0 || /[.!?]["”’]?$/.test(e) && !isHeading(e)) break
      const key = keyOf(e)
      if (entries.length > 0 && key === entries[0]) break
      entries.push(key)
    }
    const wanted = new Set(entries)
    const found: Para[] = []
    for (let k = j; k < end; k++) {
      const q = paras[k]!
      if (q.lineCount !== 1 || q.kind === 'marker' || q.kind === 'rule') continue
      const l = shortLine(text, q, MAX_ENTRY)
      if (l !== null && (wanted.has(keyOf(l)) || nearEntry(keyOf(l), entries))) found.push(q)
    }
    // Headings stand apart: where most entries come again after a wider gap than a paragraph's,
    // one met without it is a line of the story (a newspaper headline that repeats a title).
    const apart = found.filter((q) => q.gapBefore >= 2)
    const marks = apart.length >= found.length * 0.6 ? apart : found
    for (const q of marks) {
      q.kind = 'heading'
      q.confidence = 0.95
    }
    const marked = marks.length
    if (entries.length >= 2 && marked >= Math.ceil(entries.length / 2)) front = Math.max(front, j)
    break
  }
  const headings: number[] = []
  for (let i = front; i < end; i++) if (paras[i]!.kind === 'heading') headings.push(i)
  const lineOf = (i: number) => shortLine(text, paras[i]!, 200) ?? ''
  // Headings that name front matter, before the story's first chapter: all of it is matter.
  let h = 0
  while (h < headings.length && frontSectionHeading.test(lineOf(headings[h]!))) h++
  if (h > 0 && h < headings.length) front = Math.max(front, headings[h]!)
  const wordsBetween = (from: number, to: number) => {
    let words = 0
    for (let i = from; i < to; i++) words += (text.slice(paras[i]!.start, paras[i]!.end).match(WORDS) ?? []).length
    return words
  }
  // A short first section headed by the book's own title (where pandoc's EPUB puts a
  // dedication) is matter, when chapters follow it.
  if (title && h + 1 < headings.length && keyOf(lineOf(headings[h]!)) === keyOf(title) && wordsBetween(headings[h]!, headings[h + 1]!) <= MAX_PREAMBLE_WORDS) {
    h++
    front = Math.max(front, headings[h]!)
  }
  // Short matter (a dedication, an epigraph) before a book's first chapter heading.
  const first = headings[h]
  if (first !== undefined && first > front && FIRST.test(lineOf(first)) && headings.length >= 2 && wordsBetween(front, first) <= MAX_PREAMBLE_WORDS) front = first
  // Headings that name back matter after the story, with no chapter heading after them.
  for (let k = h; k < headings.length; k++) {
    if (!backSectionHeading.test(lineOf(headings[k]!))) continue
    let story = false
    for (let i = front; i < headings[k]! && !story; i++) story = paras[i]!.kind === 'text'
    if (!story) continue
    const later = headings.slice(k + 1).some((i) => isHeading(lineOf(i)) && !backSectionHeading.test(lineOf(i)))
    if (!later) {
      end = Math.min(end, headings[k]!)
      break
    }
  }
  return { front, end, gutenberg, ao3 }
}
