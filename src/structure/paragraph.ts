import type { ParagraphClass } from './04-classify.js'
import type { RawParagraph } from './03-paragraphs.js'

/** A paragraph with its class (text, marker line, heading line, or a note). */
export interface Para extends RawParagraph {
  kind: ParagraphClass | 'note'
  /** For markers: the detector's confidence. */
  confidence: number
}
