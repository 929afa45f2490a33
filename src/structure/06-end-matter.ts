import { CLOSING_WINDOW, closingLine, endNote } from '../data/end-matter.js'
import type { Para } from './paragraph.js'
import { shortLine } from './05-front-matter.js'

/**
 * Find where the end matter begins: at a closing line ("The End", "Fin", "To be continued")
 * among the last paragraphs, else at a run of closing notes (author's notes, thanks for
 * reading). Marker lines just before it go with it. Only paragraphs before `until` are read;
 * returns `until` when there is none.
 */
export function findEndMatter(text: string, paras: Para[], from: number, until = paras.length): number {
  const n = until
  let cut = n
  for (let j = n - 1; j >= Math.max(from, n - CLOSING_WINDOW); j--) {
    const p = paras[j]!
    if (p.lineCount === 1 && closingLine.test(shortLine(text, p) ?? '')) {
      cut = j
      break
    }
  }
  if (cut === n) {
    while (cut - 1 > from && endNote.test(shortLine(text, paras[cut - 1]!) ?? '')) cut--
  }
  if (cut === n) return n
  while (cut - 1 > from && (paras[cut - 1]!.kind === 'marker' || paras[cut - 1]!.kind === 'rule')) cut--
  return cut
}
