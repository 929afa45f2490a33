import { binarySignatures } from '../data/binary-signatures.js'

export type Sniffed =
  | { kind: 'text'; bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null }
  | { kind: 'binary'; what: string }

const SAMPLE = 8192

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false
  return prefix.every((b, i) => bytes[i] === b)
}

/**
 * Decide from the bytes whether this is text we can decode, and which byte-order mark it has.
 * Binary formats are recognised by their signature, then by NUL bytes or a high share of
 * control bytes in the first 8 KiB (text never has them; UTF-16 without a BOM is recognised by
 * its alternating NULs).
 */
export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { kind: 'text', bom: 'utf-8' }
  if (startsWith(bytes, [0xff, 0xfe])) return { kind: 'text', bom: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { kind: 'text', bom: 'utf-16be' }
  for (const sig of binarySignatures) {
    if (startsWith(bytes, sig.bytes)) return { kind: 'binary', what: sig.name }
  }
  const n = Math.min(bytes.length, SAMPLE)
  let nul = 0
  let nulEven = 0
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) {
      nul++
      if (i % 2 === 0) nulEven++
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) {
      control++
    }
  }
  if (nul > 0) {
    // UTF-16 text without a BOM: every other byte is NUL for Latin text.
    const half = n / 2
    if (nul >= half * 0.8 && nul <= half * 1.05) {
      return { kind: 'text', bom: nulEven > nul / 2 ? 'utf-16be' : 'utf-16le' }
    }
    return { kind: 'binary', what: 'binary data (NUL bytes)' }
  }
  if (n > 0 && control / n > 0.1) return { kind: 'binary', what: 'binary data (control bytes)' }
  return { kind: 'text', bom: null }
}
