import { canonicalMarkers, MAX_MARKER_LENGTH, notMarker } from './scene-markers.js'
import { chapterHeadings, MAX_HEADING_LENGTH } from './chapter-headings.js'

export type ParagraphClass = 'marker' | 'heading' | 'text'

export interface Classified {
  kind: ParagraphClass
  /** For markers: how sure we are it marks a scene break. */
  confidence: number
}

/** Letters or digits anywhere: such a line is not a generic symbol marker. */
const WORDISH = /[\p{L}\p{N}]/u

/** Whether a single line is a scene-break marker, and how sure we are. */
export function markerConfidence(line: string): number {
  const t = line.trim()
  // A long line of one repeated symbol ("-" 72 times, as Project Gutenberg draws a break).
  if (t.length > MAX_MARKER_LENGTH && t.length <= 200 && /^([-=_*~#.•·])(?:\s*\1)*$/.test(t)) return 0.95
  if (t.length === 0 || t.length > MAX_MARKER_LENGTH || notMarker.test(t)) return 0
  if (canonicalMarkers.some((re) => re.test(t))) return 0.95
  // Any other line made only of symbols and punctuation: a glyph line of the writer's own.
  if (!WORDISH.test(t) && !/["“”]/.test(t)) return 0.8
  return 0
}

/** Whether a single line is a chapter heading. */
export function isHeading(line: string): boolean {
  const t = line.trim()
  if (t.length === 0 || t.length > MAX_HEADING_LENGTH) return false
  if (/^["“‘'(]/.test(t)) return false
  return chapterHeadings.some((re) => re.test(t))
}

/** Classify a paragraph's text; only one-line paragraphs can be markers or headings. */
export function classify(text: string, lineCount: number): Classified {
  if (lineCount !== 1) return { kind: 'text', confidence: 0 }
  const m = markerConfidence(text)
  if (m > 0) return { kind: 'marker', confidence: m }
  if (isHeading(text)) return { kind: 'heading', confidence: 0.95 }
  return { kind: 'text', confidence: 0 }
}
