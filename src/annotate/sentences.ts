import { nlp, POS_CODE } from './nlp.js'

/** Tokens and sentences of one stretch of text, with offsets relative to its start. */
export interface SegmentResult {
  tokenStarts: number[]
  tokenEnds: number[]
  tokenPos: number[]
  /** Sentence spans as [start, end) pairs in character offsets. */
  sentenceStarts: number[]
  sentenceEnds: number[]
  /** Each sentence's first token and one past its last token. */
  sentenceFirstToken: number[]
  sentenceEndToken: number[]
}

/**
 * Run wink-nlp (sentence boundaries and POS) on a paragraph and rebuild character offsets,
 * which wink-nlp does not give, from each token's value and the spaces before it. Line breaks
 * (hard-wrapped text) are given to wink-nlp as spaces, so offsets stay aligned.
 */
export function segment(paragraph: string): SegmentResult {
  const input = paragraph.replace(/\n/g, ' ')
  const doc = nlp().readDoc(input)
  const its = nlp().its
  const tokens = doc.tokens()
  const values = tokens.out() as string[]
  const spaces = tokens.out(its.precedingSpaces) as string[]
  const pos = tokens.out(its.pos) as string[]
  const tokenStarts: number[] = []
  const tokenEnds: number[] = []
  const tokenPos: number[] = []
  let at = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    at += spaces[i]!.length
    let start = at
    if (!input.startsWith(value, at)) {
      // wink-nlp altered the token or the spacing: find it close by, else give it no width.
      const found = input.indexOf(value, at)
      start = found >= 0 && found - at < 64 ? found : at
    }
    const end = input.startsWith(value, start) ? start + value.length : start
    tokenStarts.push(start)
    tokenEnds.push(end)
    tokenPos.push(POS_CODE[pos[i]!] ?? POS_CODE.X!)
    at = end
  }
  const sentenceStarts: number[] = []
  const sentenceEnds: number[] = []
  const sentenceFirstToken: number[] = []
  const sentenceEndToken: number[] = []
  for (const span of doc.sentences().out(its.span) as unknown as [number, number][]) {
    const [first, last] = span
    if (first > last || tokenStarts[first] === undefined) continue
    sentenceStarts.push(tokenStarts[first]!)
    sentenceEnds.push(tokenEnds[last]!)
    sentenceFirstToken.push(first)
    sentenceEndToken.push(last + 1)
  }
  return { tokenStarts, tokenEnds, tokenPos, sentenceStarts, sentenceEnds, sentenceFirstToken, sentenceEndToken }
}
