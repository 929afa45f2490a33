import type { Encoding } from '../types.js'
import type { Sniffed } from './01-sniff.js'
import { windows1252High } from '../data/windows-1252.js'

export interface Decoded {
  text: string
  encoding: Encoding
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Decode text bytes. A BOM decides the encoding; otherwise strict UTF-8, falling back to
 * Windows-1252 when the bytes are not valid UTF-8 (as many files saved by Word are).
 * The BOM itself is dropped.
 */
export function decode(bytes: Uint8Array, sniffed: Extract<Sniffed, { kind: 'text' }>): Decoded {
  if (sniffed.bom === 'utf-16le' || sniffed.bom === 'utf-16be') {
    const text = new TextDecoder(sniffed.bom).decode(bytes)
    return { text: stripBom(text), encoding: sniffed.bom }
  }
  try {
    return { text: stripBom(utf8.decode(bytes)), encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Decode Windows-1252 bytes by the WHATWG table (see `data/windows-1252.ts`). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192
  let out = ''
  const codes = new Array<number>(CHUNK)
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const n = Math.min(CHUNK, bytes.length - i)
    codes.length = n
    for (let k = 0; k < n; k++) {
      const b = bytes[i + k]!
      codes[k] = b >= 0x80 && b < 0xa0 ? windows1252High[b - 0x80]! : b
    }
    out += String.fromCharCode(...codes)
  }
  return out
}
