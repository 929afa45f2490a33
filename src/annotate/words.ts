/**
 * A word, as `../shared/eval/README.md` defines it for every count: letters or digits, with
 * contractions and hyphenated compounds kept as one word; punctuation is not a word.
 */
export const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu

/** ASCII letters and digits, by character code: the fast path of `wordCharWidth`. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0))
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u

/** How many UTF-16 units the letter or digit at `i` takes (1 or 2), or 0 for any other character. */
function wordCharWidth(s: string, i: number): number {
  const c = s.charCodeAt(i)
  if (c < 128) return ASCII_WORD[c]!
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(s.slice(i, i + 2)) ? 2 : 0
  return LETTER_OR_DIGIT.test(s[i]!) ? 1 : 0
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
    let w = wordCharWidth(s, i)
    if (w === 0) {
      i++
      continue
    }
    const start = i
    i += w
    for (;;) {
      while (i < n && (w = wordCharWidth(s, i)) > 0) i += w
      if (i + 1 < n && isJoiner(s.charCodeAt(i)) && (w = wordCharWidth(s, i + 1)) > 0) {
        i += 1 + w
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
