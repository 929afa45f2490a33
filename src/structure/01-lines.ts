/** A line of the text: its span without the line feed, and its content trimmed of spaces. */
export interface Line {
  start: number
  end: number
  /** First and last+1 offsets of non-whitespace content; equal to `start` for a blank line. */
  contentStart: number
  contentEnd: number
  blank: boolean
}

const WS = /\s/

/** Split the text into lines, noting where each line's content begins and ends. */
export function splitLines(text: string): Line[] {
  return [...eachLine(text)]
}

/**
 * The lines of the text one at a time. Each pass over a text re-reads it rather than keeping
 * millions of line objects: a file of short lines costs a few bytes a line, not a hundred.
 */
export function* eachLine(text: string): Generator<Line> {
  let start = 0
  const n = text.length
  while (start <= n) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = n
    let cs = start
    while (cs < end && WS.test(text[cs]!)) cs++
    let ce = end
    while (ce > cs && WS.test(text[ce - 1]!)) ce--
    yield { start, end, contentStart: cs, contentEnd: ce, blank: cs === ce }
    if (end === n) break
    start = end + 1
  }
}

/** Content length of a line (without surrounding spaces). */
export const lineLength = (l: Line): number => l.contentEnd - l.contentStart
