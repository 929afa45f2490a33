/**
 * A word, as `../shared/eval/README.md` defines it for every count: letters or digits, with
 * contractions and hyphenated compounds kept as one word; punctuation is not a word.
 */
export const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu

/** Count the words of a string. */
export function countWords(s: string): number {
  WORD.lastIndex = 0
  let n = 0
  while (WORD.exec(s) !== null) n++
  return n
}

/** Start offsets (relative to `s`, shifted by `offset`) of every word of `s`. */
export function wordStarts(s: string, offset = 0, out: number[] = []): number[] {
  WORD.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = WORD.exec(s)) !== null) out.push(m.index + offset)
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
