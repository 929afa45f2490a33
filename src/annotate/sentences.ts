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

export const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
export const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** A stretch of the text given to wink-nlp: its text and where it starts in the story. */
export interface Piece {
  text: string
  base: number
}

/** What wink-nlp reads between two pieces of one batch: a blank line, where it always ends a sentence. */
const SEPARATOR = '\n\n'

/**
 * Run wink-nlp (sentence boundaries and POS) on pieces of text (whole paragraphs, or chunks of
 * a long one) as one document, a blank line between pieces, so that a story of a hundred
 * thousand one-line paragraphs is not a hundred thousand calls. Character offsets, which
 * wink-nlp does not give, are rebuilt from each token's value and the spaces before it. Line
 * breaks inside a piece are read as spaces and long runs without whitespace are cut (see
 * `winkInput`), so offsets carry over unchanged. Tokens go to `tokens`; each piece's sentences
 * to `sentences[k]`: a sentence never crosses from one piece into the next.
 */
export function segment(pieces: readonly Piece[], tokens: TokenSink, sentences: SentenceSpan[][]): void {
  const starts: number[] = []
  let input = ''
  for (const p of pieces) {
    starts.push(input.length)
    input += winkInput(p.text) + SEPARATOR
  }
  const doc = nlp().readDoc(input)
  const its = nlp().its
  const winkTokens = doc.tokens()
  const values = winkTokens.out() as string[]
  const spaces = winkTokens.out(its.precedingSpaces) as string[]
  const pos = winkTokens.out(its.pos) as string[]
  // Each wink-nlp token's index in `tokens` and its piece, or -1 for the blank lines between.
  const index = new Int32Array(values.length).fill(-1)
  // And the index of its last token in `tokens` (a possessive split in two: see POSSESSIVE).
  const lastOf = new Int32Array(values.length).fill(-1)
  const pieceOf = new Int32Array(values.length).fill(-1)
  let k = 0
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
    at = end
    while (k + 1 < pieces.length && start >= starts[k + 1]!) k++
    const local = start - starts[k]!
    if (local >= pieces[k]!.text.length || value.trim() === '') continue // a separator
    index[i] = tokens.length
    pieceOf[i] = k
    const from = pieces[k]!.base + local
    const to = pieces[k]!.base + Math.min(end - starts[k]!, pieces[k]!.text.length)
    const possessive = POSSESSIVE.exec(value)
    if (possessive && to - from === value.length && !PRONOUN_BASE.test(possessive[1]!)) {
      // "Bingley’s" as one token: the name and its "’s", as wink-nlp splits them elsewhere.
      const base = possessive[1]!.length
      tokens.push(from, from + base, possessorPos(possessive[1]!))
      tokens.push(from + base, to, POS_CODE.PART!)
      lastOf[i] = tokens.length - 1
      continue
    }
    tokens.push(from, to, POS_CODE[pos[i]!] ?? POS_CODE.X!)
    lastOf[i] = tokens.length - 1
    // "Bingley" and "’s" as wink-nlp splits them: tagged as the whole form is, whatever it read before.
    const before = tokens.length - 2
    if (CLITIC.test(value) && before >= 0 && lastOf[i - 1] === before && tokens.end[before] === from) {
      const owner = input.slice(tokens.start[before]! - pieces[k]!.base + starts[k]!, from - pieces[k]!.base + starts[k]!)
      if (POSSESSOR.test(owner) && !PRONOUN_BASE.test(owner)) {
        tokens.pos[before] = possessorPos(owner)
        tokens.pos[before + 1] = POS_CODE.PART!
      }
    }
  }
  for (const [from, last] of doc.sentences().out(its.span) as unknown as [number, number][]) {
    // The sentence's tokens, split where they pass from one piece to the next.
    let first = -1
    let prev = -1
    for (let i = from; i <= last && i < values.length; i++) {
      if (index[i]! < 0) continue
      if (first >= 0 && pieceOf[i] !== pieceOf[prev]) {
        sentences[pieceOf[prev]!]!.push({ start: tokens.start[index[first]!]!, end: tokens.end[lastOf[prev]!]!, firstToken: index[first]!, endToken: lastOf[prev]! + 1 })
        first = -1
      }
      if (first < 0) first = i
      prev = i
    }
    if (first >= 0) sentences[pieceOf[prev]!]!.push({ start: tokens.start[index[first]!]!, end: tokens.end[lastOf[prev]!]!, firstToken: index[first]!, endToken: lastOf[prev]! + 1 })
  }
}

/**
 * A word and its possessive "’s" that wink-nlp gives as one token. It splits "Bingley’s" into
 * "Bingley" and "’s" the first time it meets it inside a sentence, but keeps it whole before a
 * comma or a full stop, and then everywhere after, in every text it reads later: its lexicon
 * learns the whole form. Split here, the tokens do not depend on what was read before.
 */
const POSSESSIVE = /^(\p{L}[\p{L}\p{M}'’\-]*?)(['’][sS])$/u
/** A possessive's owner and its "’s" as wink-nlp gives them apart. */
const POSSESSOR = /^\p{L}[\p{L}\p{M}'’\-]*$/u
const CLITIC = /^['’][sS]$/
/** Words whose "’s" is "is" or "has" ("it’s", "everybody’s here") or "us" ("let’s"): left as wink-nlp tags them. */
const PRONOUN_BASE = /^(?:it|that|this|there|here|what|who|where|when|why|how|he|she|let|everybody|everyone|somebody|someone|nobody|anybody|anyone|one|other|another|each)$/i
/** A possessive's owner: a name where it has a capital, else a noun. */
const possessorPos = (owner: string): number => (/^\p{Lu}/u.test(owner) ? POS_CODE.PROPN! : POS_CODE.NOUN!)

/** How far ahead a token wink-nlp altered is looked for. */
const NEAR = 64

const segmenters = new Map<string, Intl.Segmenter>()
/** Closing quotes and brackets (and the spaces after them) at a sentence's start. */
const CLOSING = /^[»”’」』）)\]】〕〉》]+\s*/u
/** Opening quotes and brackets after a space at a sentence's end. */
const OPENING = /\s+[«»“‘„‚「『（(\[【〔〈《]+$/u
/** A sentence that opens with a lower-case letter (after any quote marks): the end of the one before. */
const LOWER_START = /^[^\p{L}\p{N}]*\p{Ll}/u

/**
 * Sentences of a paragraph not in English, by the platform's Unicode sentence rules
 * (`Intl.Segmenter`, UAX #29; it knows no abbreviations, so "Dr." or "am 3. Mai" end one): ends
 * at `.!?` and at `。！？`. Closing quotes and brackets stay with their sentence, also where a space
 * stands before them ("« Oui ! »"). Each word (see `words.ts`) is a token,
 * with no part of speech: the English rules that read tokens find nothing in them. Leading and
 * trailing spaces are left out of each sentence.
 */
export function segmentOther(piece: Piece, language: string, words: readonly number[], wordEnds: readonly number[], tokens: TokenSink, out: SentenceSpan[], from = 0): void {
  let segmenter = segmenters.get(language)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })
    segmenters.set(language, segmenter)
  }
  const { text, base } = piece
  // The piece's words, by their start offsets (in the story), are its tokens.
  let w = from
  while (w < words.length && words[w]! < base) w++
  const first = out.length
  let carried = -1 // where an opening mark left at the end of the sentence before starts
  for (const { segment: s, index } of segmenter.segment(text)) {
    const lead = s.length - s.trimStart().length
    let body = s.trim()
    if (body === '') continue
    let start = base + index + lead
    if (carried >= 0) {
      body = text.slice(carried - base, start - base + body.length)
      start = carried
      carried = -1
    }
    // Closing marks the rules left at the next sentence's start belong to the one before.
    const closing = CLOSING.exec(body)?.[0] ?? ''
    if (closing && out.length > first) {
      out[out.length - 1]!.end = start + closing.trimEnd().length
      body = body.slice(closing.length)
      start += closing.length
      if (body === '') continue
    }
    // Opening marks it left at a sentence's end, after a space ("… reviendrait. « Oui"), open the next.
    const opening = OPENING.exec(body)
    if (opening && opening.index > 0) {
      carried = start + opening.index + opening[0].length - opening[0].trimStart().length
      body = body.slice(0, opening.index)
    }
    const end = start + body.length
    const firstToken = tokens.length
    for (; w < words.length && words[w]! < end; w++) tokens.push(words[w]!, wordEnds[w]!, POS_CODE.X!)
    // A sentence cannot open in lower case: "« Oui ! » dit-elle." is one sentence.
    const last = out[out.length - 1]
    if (out.length > first && last && LOWER_START.test(body)) {
      last.end = end
      last.endToken = tokens.length
      continue
    }
    out.push({ start, end, firstToken, endToken: tokens.length })
  }
  if (carried >= 0 && out.length > first) out[out.length - 1]!.end = base + text.trimEnd().length
}
