/** Byte-level helpers of the RTF reader: what a byte is, where a group ends, what a shape draws. */

export const BRACE_OPEN = 0x7b
export const BRACE_CLOSE = 0x7d
export const BACKSLASH = 0x5c

export const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)
export const isDigit = (c: number) => c >= 0x30 && c <= 0x39
export const hexValue = (c: number) => (isDigit(c) ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1)

const SHAPE_NUMBER = /\\shp(left|top|right|bottom)(-?\d+)/g
const SHAPE_PROPERTY = /\{\\sn (\w+)\}\s*\{\\sv (-?\d+)\}/g
/** The largest shape looked into: a rule's shape is a few hundred bytes, a picture's far more. */
const SHAPE_LOOK = 16_384

/**
 * Whether a shape (`\shp`) is a horizontal line: Word's (`fHorizRule`), or a line or rectangle
 * far wider than it is high (a rule as LibreOffice writes pandoc's and Word's VML `o:hr`).
 */
export function isRuleShape(bytes: Uint8Array, from: number, to: number): boolean {
  if (to - from > SHAPE_LOOK) return false
  const text = String.fromCharCode(...bytes.subarray(from, to))
  const props: Record<string, number> = {}
  for (const m of text.matchAll(SHAPE_PROPERTY)) props[m[1]!] = Number(m[2])
  if (props.fHorizRule === 1) return true
  if (props.shapeType !== 1 && props.shapeType !== 20) return false
  const box: Record<string, number> = {}
  for (const m of text.matchAll(SHAPE_NUMBER)) box[m[1]!] = Number(m[2])
  const width = (box.right ?? 0) - (box.left ?? 0)
  const height = Math.abs((box.bottom ?? 0) - (box.top ?? 0))
  return width > 0 && height <= 72 && width >= 20 * Math.max(height, 1)
}

/** Whether the bytes are an RTF document (`{\rtf`, after a byte order mark or white space). */
export function isRtf(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++
  return bytes[i] === BRACE_OPEN && bytes[i + 1] === BACKSLASH && bytes[i + 2] === 0x72 && bytes[i + 3] === 0x74 && bytes[i + 4] === 0x66
}


/**
 * Where the group the reader is inside ends: the index of its closing brace (or the end of the
 * bytes, for a group left open), found by counting braces and stepping over escapes and `\binN`
 * data, which may hold braces. Nothing is decoded or kept.
 */
export function groupEnd(bytes: Uint8Array, from: number): number {
  const n = bytes.length
  let depth = 0
  let i = from
  while (i < n) {
    const c = bytes[i]!
    if (c === BACKSLASH) {
      if (bytes[i + 1] === 0x62 && bytes[i + 2] === 0x69 && bytes[i + 3] === 0x6e && isDigit(bytes[i + 4] ?? 0)) {
        // \binN: N raw bytes that may hold braces
        let j = i + 4
        let len = 0
        while (j < n && isDigit(bytes[j]!)) len = Math.min(n, len * 10 + (bytes[j++]! - 0x30))
        if (bytes[j] === 0x20) j++
        i = j + len
        continue
      }
      i += 2
      continue
    }
    if (c === BRACE_OPEN) depth++
    else if (c === BRACE_CLOSE && depth-- === 0) break
    i++
  }
  return Math.min(i, n)
}
