import type { ParagraphClass } from '../data/line-classes.js'
import type { RawParagraph } from './03-paragraphs.js'

/** A paragraph with its class (text, marker line, heading line, a note, or a rule from markup). */
export interface Para extends RawParagraph {
  kind: ParagraphClass | 'note' | 'rule'
  /** For markers: the detector's confidence. */
  confidence: number
}
