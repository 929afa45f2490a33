import { nlp, POS_CODE } from './nlp.js'

/** A growing table of tokens in flat typed arrays: offsets and POS codes. */
export class TokenSink {
  start = new Int32Array(1024)
  end = new Int32Array(1024)
  pos = new Uint8Array(1024)
  length = 0

  push(start: number, end: number, pos: number): void {
    if (this.length === this.start.length) this.grow()
    this.start[this.length] = start
    this.end[this.length] = end
    this.pos[this.length] = pos
    this.length++
  }

  private grow(): void {
    const size = this.start.length * 2
    const start = new Int32Array(size)
    const end = new Int32Array(size)
    const pos = new Uint8Array(size)
    start.set(this.start)
    end.set(this.end)
    pos.set(this.pos)
    this.start = start
    this.end = end
    this.pos = pos
  }

  /** The filled part of the arrays (views, no copy). */
  done(): { start: Int32Array; end: Int32Array; pos: Uint8Array } {
    return { start: this.start.subarray(0, this.length), end: this.end.subarray(0, this.length), pos: this.pos.subarray(0, this.length) }
  }
}

/** A sentence as wink-nlp bounds it: character span and token range (one past its last token). */
export interface SentenceSpan {
  start: number
  end: number
  firstToken: number
  endToken: number
}

/**
 * The longest run without whitespace wink-nlp is given. Its tokeniser is quadratic in the length
 * of such a run (a 20,000-character run costs about 50× prose per megabyte; "a.b.c…" far more),
 * while words, URLs and e-mail addresses in prose stay well under this.
 */
export const MAX_RUN = 64
// The lookbehind makes the scan linear: a run is only tried where it starts.
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${MAX_RUN + 1},}`, 'g')

/**
 * The text wink-nlp reads for a paragraph: the same length, so offsets carry over unchanged,
 * with line breaks as spaces and a space put in place of every `MAX_RUN + 1`th character of a
 * long run without whitespace (never between the two halves of a surrogate pair).
 */
export function winkInput(paragraph: string): string {
  const input = paragraph.replace(/\n/g, ' ')
  LONG_RUN.lastIndex = 0
  if (!LONG_RUN.test(input)) return input
  return input.replace(LONG_RUN, (run) => {
    let out = ''
    let from = 0
    while (run.length - from > MAX_RUN) {
      let cut = from + MAX_RUN
      if (isLowSurrogate(run.charCodeAt(cut))) cut-- // keep a surrogate pair whole: blank both halves
      const width = isHighSurrogate(run.charCodeAt(cut)) && isLowSurrogate(run.charCodeAt(cut + 1)) ? 2 : 1
      out += run.slice(from, cut) + ' '.repeat(width)
      from = cut + width
    }
    return out + run.slice(from)
  })
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

/**
 * Run wink-nlp (sentence boundaries and POS) on a paragraph and rebuild character offsets,
 * which wink-nlp does not give, from each token's value and the spaces before it. Line breaks
 * (hard-wrapped text) are given to wink-nlp as spaces, and long runs without whitespace are
 * cut (see `winkInput`), so offsets stay aligned.
 */
export function segment(paragraph: string, base: number, tokens: TokenSink, sentences: SentenceSpan[]): void {
  const input = winkInput(paragraph)
  const doc = nlp().readDoc(input)
  const its = nlp().its
  const winkTokens = doc.tokens()
  const values = winkTokens.out() as string[]
  const spaces = winkTokens.out(its.precedingSpaces) as string[]
  const pos = winkTokens.out(its.pos) as string[]
  const first = tokens.length
  let at = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    at += spaces[i]!.length
    let start = at
    if (!input.startsWith(value, at)) {
      // wink-nlp altered the token or the spacing: find it close by, else give it no width.
      const found = input.slice(at, at + NEAR + value.length).indexOf(value)
      if (found >= 0) start = at + found
    }
    const end = input.startsWith(value, start) ? start + value.length : start
    tokens.push(base + start, base + end, POS_CODE[pos[i]!] ?? POS_CODE.X!)
    at = end
  }
  const count = tokens.length - first
  for (const span of doc.sentences().out(its.span) as unknown as [number, number][]) {
    const [from, last] = span
    if (from > last || from >= count || last >= count) continue
    sentences.push({ start: tokens.start[first + from]!, end: tokens.end[first + last]!, firstToken: first + from, endToken: first + last + 1 })
  }
}

/** How far ahead a token wink-nlp altered is looked for. */
const NEAR = 64
