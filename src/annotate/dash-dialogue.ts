// Dash dialogue: speech paragraphs that open with a dash, and the narrator's words inside them
// (an English tag, "—Yes, he said."; the narrator between dashes in Spanish, Russian and French
// books; a French inversion).
import { speechVerbs } from '../data/quotes.js'
import type { Span } from '../types.js'

/** French inversion in a speech tag: "dit-elle", "répondit-il", "demanda-t-elle". */
const FRENCH_INCISE = /[,.!?…»]\s+(?<!\p{L})\p{Ll}+-(?:t-)?(?:il|elle|ils|elles|on|je|tu|nous|vous)(?!\p{L})[^,.!?—«»]*[,.]?/gu
export const DASH_START = /^[—―]|^--(?!-)/
/** An en dash and a space opening a paragraph: dash dialogue as Polish, Czech and German books set it. */
export const EN_DASH_START = /^–\s/
const TAG = new RegExp(
  `[,.!?]\\s+((?:(?:he|she|they|I|we|you|it|[A-Z][\\p{L}'’\\-]*(?:\\s+[A-Z][\\p{L}'’\\-]*)?)\\s+(?:${speechVerbs})|(?:${speechVerbs})\\s+(?:he|she|they|I|we|you|[A-Z][\\p{L}'’\\-]*(?:\\s+[A-Z][\\p{L}'’\\-]*)?))\\b[^,.!?—]*)(?:[,.]|$)`,
  'gu',
)

/** The speech of a dash-dialogue paragraph: all of it but the dialogue tags. */
export function dashSpeech(s: string): Span[] {
  const spans: Span[] = []
  let at = 0
  TAG.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TAG.exec(s)) !== null) {
    const tagStart = m.index + m[0].indexOf(m[1]!)
    spans.push({ start: at, end: tagStart })
    at = tagStart + m[1]!.length
    while (at < s.length && /[,.\s]/.test(s[at]!)) at++ // the tag's closing comma belongs to it
  }
  spans.push({ start: at, end: s.length })
  return withWords(s, spans)
}

/**
 * The speech of a dash-dialogue paragraph in the way of Spanish, Russian and French books: the
 * narrator's words stand between dashes ("—¿Vienes? —preguntó ella—. Ya es tarde.", "— Да, —
 * сказал он. — Пойдём."). A dash after a space, in speech, opens the narrator's words; the next
 * dash closes them. A dash inside a word ("I was—") is speech broken off. In French, an inversion
 * after the speech's punctuation ("— Oui, dit-elle.", "— Tu viens ? demanda-t-il.") is the
 * narrator's too. A paragraph opened by an en dash ("– Tak – powiedział.") turns on en dashes.
 */
export function dashSpeechAlternating(s: string, french: boolean): Span[] {
  const spans: Span[] = []
  // The speech opens with its dash, as in English dash dialogue.
  let at = s.search(/[—―–]|--/)
  const enDash = s[at] === '–'
  let speech = true
  for (let i = at + (s[at] === '-' ? 2 : 1); i < s.length; i++) {
    const c = s[i]!
    if (c !== '—' && c !== '―' && !(enDash && c === '–' && /\s/.test(s[i - 1] ?? '') && /\s/.test(s[i + 1] ?? ''))) continue
    if (speech && !/\s/.test(s[i - 1] ?? '')) continue // broken off, not a tag
    if (speech) spans.push({ start: at, end: i })
    at = speech ? i : i + 1
    speech = !speech
  }
  if (speech) spans.push({ start: at, end: s.length })
  if (!french) return withWords(s, spans)
  // French inversions inside the speech are the narrator's.
  const out: Span[] = []
  for (const span of spans) {
    let from = span.start
    FRENCH_INCISE.lastIndex = span.start
    let m: RegExpExecArray | null
    while ((m = FRENCH_INCISE.exec(s)) !== null && m.index < span.end) {
      const tagStart = m.index + (/^[,.!?…»]/.test(m[0]) ? 1 : 0)
      out.push({ start: from, end: tagStart })
      from = Math.min(span.end, m.index + m[0].length)
    }
    out.push({ start: from, end: span.end })
  }
  return withWords(s, out)
}

const LETTER = /[\p{L}\p{N}]/u

/** The spans that hold a letter or digit: a stray dash or comma is no speech. */
const withWords = (s: string, spans: Span[]): Span[] => spans.filter((x) => x.end > x.start && LETTER.test(s.slice(x.start, x.end)))
