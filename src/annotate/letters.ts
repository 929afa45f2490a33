import { MAX_LETTER_PARAGRAPHS, SALUTATION, SIGN_OFF } from '../data/quotes.js'
import type { Span } from '../types.js'

const SIGNATURE = /^[\p{Lu}][\p{L}.'’\- ]{0,40}[.]?['’"”]?$/u

/**
 * Letters quoted in narration, as spans: from a salutation line to the complimentary close and
 * the signature after it (or, without a close, to the end of the scene, at most 60 paragraphs).
 * A letter is written in its writer's voice, so its pronouns and verbs are not narration's.
 */
export function findLetters(text: string, scenes: readonly Span[][]): Span[] {
  const letters: Span[] = []
  for (const paragraphs of scenes) {
    for (let k = 0; k < paragraphs.length; k++) {
      const first = paragraphs[k]!
      const firstLine = text.slice(first.start, first.end).split('\n')[0]!.trim()
      if (!SALUTATION.test(firstLine)) continue
      let end = Math.min(paragraphs.length - 1, k + MAX_LETTER_PARAGRAPHS)
      for (let j = k + 1; j <= end; j++) {
        if (SIGN_OFF.test(text.slice(paragraphs[j]!.start, paragraphs[j]!.end).trim())) {
          const sig = paragraphs[j + 1]
          end = sig && SIGNATURE.test(text.slice(sig.start, sig.end).trim()) ? j + 1 : j
          break
        }
      }
      letters.push({ start: first.start, end: paragraphs[end]!.end })
      k = end
    }
  }
  return letters
}
