import type { Para } from './paragraph.js'
import { collapse, titleLike } from './05-front-matter.js'

/** A chapter before its scenes are found: its heading and its body paragraphs. */
export interface RawChapter {
  title: string | null
  /** A heading that directly preceded this chapter's own ("Part One" before "Chapter 1"). */
  part: string | null
  /** A subtitle line under the heading ("CHAPTER II." then "THE MILL"). */
  subtitle: string | null
  heading: { start: number; end: number } | null
  body: Para[]
}

/** A heading word without its number, written on the line above it ("CHAPTER", then "1"). */
export const BARE_LABEL = /^(?:chapter|part|book|volume|act)\.?$/i
const NOTE = /^(?:a\/n|a\.n\.|author'?s?'?\s*notes?)\b/i
const CAPITALISED_WORDS = /^(?:[\p{Lu}\d][\p{L}\p{N}'’\-]*[,:]?\s*|(?:of|the|a|an|and|in|on|at|to|for|with|by|from|or)\s+)+$/u

/** A title-case or capitals line of a few words under a heading is the chapter's subtitle. */
function isSubtitle(line: string): boolean {
  return titleLike(line, 8) && !/[.!?"“”]$/.test(line) && CAPITALISED_WORDS.test(line + ' ')
}

/**
 * Split the story's paragraphs into chapters at heading lines. Text before the first heading
 * is a chapter of its own without a title; a heading straight after another one (no text
 * between) names the part the chapter belongs to. An author's note paragraph is marked as a
 * note, not story. `subtitles`: whether a title-like line under a heading may be its subtitle
 * (not in a project, whose documents hold story only).
 */
export function splitChapters(text: string, paras: Para[], subtitles = true): RawChapter[] {
  const chapters: RawChapter[] = []
  let current: RawChapter = { title: null, part: null, subtitle: null, heading: null, body: [] }
  const lineOf = (p: Para) => collapse(text.slice(p.start, p.end))
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!
    if (p.kind === 'heading') {
      const title = lineOf(p)
      const hasText = current.body.some((b) => b.kind === 'text')
      if (current.heading && !hasText && BARE_LABEL.test(current.title ?? '')) {
        // "CHAPTER" over "1": one heading on two lines.
        current.title = `${current.title} ${title}`
        current.heading.end = p.end
        current.body = []
      } else if (current.heading && !hasText) {
        current.part = current.part ? `${current.part} / ${current.title}` : current.title
        current.title = title
        current.heading.end = p.end
        current.body = []
      } else {
        if (current.heading || hasText) chapters.push(current)
        current = { title, part: null, subtitle: null, heading: { start: p.start, end: p.end }, body: [] }
      }
      const next = paras[i + 1]
      const after = paras[i + 2]
      if (subtitles && next && next.kind === 'text' && after && after.kind !== 'heading' && isSubtitle(lineOf(next))) {
        current.subtitle = lineOf(next)
        current.heading!.end = next.end
        i++
      }
      continue
    }
    if (p.kind === 'text' && NOTE.test(text.slice(p.start, Math.min(p.end, p.start + 20)))) {
      current.body.push({ ...p, kind: 'note' })
      continue
    }
    current.body.push(p)
  }
  if (current.heading || current.body.length > 0 || chapters.length === 0) chapters.push(current)
  return chapters
}

/**
 * Settle the headings the document as a whole shows, which a line alone cannot: Roman numeral
 * marker lines among numeral headings, and a bare "CHAPTER" over its number.
 */
export function settleHeadings(text: string, paras: Para[]): void {
  romanHeadings(text, paras)
  bareLabels(text, paras)
}

/** "CHAPTER" alone on its line above a number heading is the first line of that heading. */
function bareLabels(text: string, paras: Para[]): void {
  for (let i = 0; i + 1 < paras.length; i++) {
    const p = paras[i]!
    if (p.kind === 'text' && p.lineCount === 1 && p.end - p.start <= 8 && paras[i + 1]!.kind === 'heading' && BARE_LABEL.test(text.slice(p.start, p.end).trim())) {
      p.kind = 'heading'
      p.confidence = 0.95
    }
  }
}

const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\.?$/

/**
 * "XXX" is a marker in fan fiction and chapter thirty in a book whose chapters are headed by
 * Roman numerals: where other lone numerals head chapters, a numeral marker line is a heading.
 */
function romanHeadings(text: string, paras: Para[]): void {
  let headings = 0
  for (const p of paras) if (p.kind === 'heading' && p.end - p.start <= 8 && ROMAN.test(text.slice(p.start, p.end).trim())) headings++
  if (headings < 2) return
  for (const p of paras) {
    if (p.kind === 'marker' && p.end - p.start <= 8 && ROMAN.test(text.slice(p.start, p.end).trim())) {
      p.kind = 'heading'
      p.confidence = 0.95
    }
  }
}
