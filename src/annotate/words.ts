/**
 * Characters of scripts written without spaces between words (Han, Hiragana, Katakana, Thai):
 * each one is a word, as readers of those scripts and AO3's counter count them. Their marks of
 * iteration and length (々, ー) count too; their punctuation (、。「」) does not.
 */
const SPACELESS = String.raw`[[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}]&&[\p{L}\p{N}]]`
/** Letters and digits of every other script: words are runs of them, as in English. */
const SPACED = String.raw`[[\p{L}\p{N}]--[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}]]`

/**
 * A word, as `../shared/eval/README.md` defines it for every count: letters or digits, with
 * contractions and hyphenated compounds kept as one word (combining marks belong to the letter
 * before them); punctuation is not a word. A Han, kana or Thai character is a word by itself.
 */
export const WORD = new RegExp(String.raw`${SPACELESS}\p{M}*|${SPACED}[${SPACED}\p{M}]*(?:['’\-]${SPACED}[${SPACED}\p{M}]*)*`, 'gv')

const SPACELESS_ONE = new RegExp(SPACELESS, 'v')

/** What a character is to the word scanner. */
const NONE = 0
const LETTER = 1
const ALONE = 2
const MARK = 3

/** ASCII letters and digits, by character code: the fast path of `classOf`. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? LETTER : NONE))
const SPACED_ONE = new RegExp(`^${SPACED}`, 'v')
const MARK_ONE = /^\p{M}/u

/** What the character at `i` is (`NONE`, `LETTER`, `ALONE` or `MARK`) and how many UTF-16 units it takes. */
let width = 1
function classOf(s: string, i: number): number {
  const c = s.charCodeAt(i)
  width = 1
  if (c < 128) return ASCII_WORD[c]!
  // Dashes, curly quotes and the other general punctuation English prose is full of: no letter.
  if (c >= 0x2000 && c <= 0x206f) return NONE
  let ch = s[i]!
  if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    ch = s.slice(i, i + 2)
    width = 2
  }
  if (SPACED_ONE.test(ch)) return LETTER
  if (SPACELESS_ONE.test(ch)) return ALONE
  if (MARK_ONE.test(ch)) return MARK
  width = 1
  return NONE
}

/** Whether the code is an apostrophe or hyphen that can join two parts of a word. */
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2d

/**
 * Call `found` with the start and end of every word of `s` (as `WORD` matches them), scanning
 * character codes rather than running the Unicode regex: three times as fast on prose.
 */
function scanWords(s: string, found: (start: number, end: number) => void): void {
  const n = s.length
  let i = 0
  while (i < n) {
    const k = classOf(s, i)
    if (k === NONE || k === MARK) {
      i += width
      continue
    }
    const start = i
    i += width
    if (k === ALONE) {
      while (i < n && classOf(s, i) === MARK) i += width
      found(start, i)
      continue
    }
    for (;;) {
      let c: number
      while (i < n && ((c = classOf(s, i)) === LETTER || c === MARK)) i += width
      if (i + 1 < n && isJoiner(s.charCodeAt(i)) && classOf(s, i + 1) === LETTER) {
        i += 1 + width
        continue
      }
      break
    }
    found(start, i)
  }
}

/** Count the words of a string. */
export function countWords(s: string): number {
  let n = 0
  scanWords(s, () => n++)
  return n
}

/** Start offsets (relative to `s`, shifted by `offset`) of every word of `s`. */
export function wordStarts(s: string, offset = 0, out: number[] = []): number[] {
  scanWords(s, (start) => out.push(start + offset))
  return out
}

/** Start and end offsets (shifted by `offset`) of every word of `s`. */
export function wordSpans(s: string, offset: number, starts: number[], ends: number[]): void {
  scanWords(s, (start, end) => {
    starts.push(start + offset)
    ends.push(end + offset)
  })
}

/** The first `n` words of a span of text, as written (punctuation kept), whitespace collapsed. */
export function openingWords(text: string, start: number, end: number, n = 12): string {
  WORD.lastIndex = 0
  const s = text.slice(start, end)
  let last = 0
  let count = 0
  let m: RegExpExecArray | null
  while (count < n && (m = WORD.exec(s)) !== null) {
    count++
    last = m.index + m[0].length
  }
  // Keep punctuation that closes the last word ("said," "“Go!”").
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(s.slice(last))?.[0] ?? ''
  return s.slice(0, last + tail.length).replace(/\s+/g, ' ').trim()
}
