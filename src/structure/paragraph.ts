import type { ParagraphClass } from '../data/line-classes.js'
import type { RawParagraph } from './03-paragraphs.js'

/** A paragraph with its class (text, marker line, heading line, a note, a rule from markup, or the start of a project's document). */
export interface Para extends RawParagraph {
  kind: ParagraphClass | 'note' | 'rule' | 'document'
  /** For markers: the detector's confidence. */
  confidence: number
}
