export interface Normalised {
  text: string
  /** How many control characters were removed. */
  removedControls: number
}

/** C0 and C1 controls except tab and line feed, and the Unicode non-characters U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g
/** Line-breaking characters that become a line feed: CRLF, lone CR, vertical tab (Word's manual
 * line break), form feed (page break), NEL, line and paragraph separators. */
const BREAKS = /\r\n|[\r\u000b\u000c\u0085\u2028\u2029]/g

/**
 * Normalise decoded text: every line break becomes `\n`, NFC composition, control characters
 * removed. Offsets in every report refer to the text this returns.
 */
export function normalise(text: string): Normalised {
  let removedControls = 0
  const out = text
    .replace(BREAKS, '\n')
    .normalize('NFC')
    .replace(CONTROLS, () => {
      removedControls++
      return ''
    })
  return { text: out, removedControls }
}
