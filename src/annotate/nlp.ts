import winkNLP, { type WinkMethods } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

let instance: WinkMethods | null = null

/** The one wink-nlp instance (sentence boundaries and POS only), loaded on first use. */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos'])
  return instance
}

/** Universal POS tags as wink-nlp names them; a token's POS is stored as its index here. */
export const POS_TAGS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE',
] as const
export type PosTag = (typeof POS_TAGS)[number]
export const POS_CODE: Readonly<Record<string, number>> = Object.fromEntries(POS_TAGS.map((t, i) => [t, i]))

/** POS codes by tag name: `POS.VERB`, `POS.PRON`. */
export const POS = Object.fromEntries(POS_TAGS.map((t, i) => [t, i])) as Readonly<Record<PosTag, number>>
