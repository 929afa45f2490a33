import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import type { Diagnostic, Source } from '../types.js'
import { sniff } from './01-sniff.js'
import { decode } from './02-decode.js'
import { normalise } from './03-normalise.js'

/** Thrown when the input cannot be read as text at all (a PDF, an image, a zip). */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError'
}

export interface ReadTextOptions {
  /** Shown in messages and kept in the report. */
  path?: string
}

/**
 * The plain-text ingest: bytes in, normalised text out, with the encoding used and
 * diagnostics for anything repaired.
 */
export function readText(bytes: Uint8Array, options: ReadTextOptions = {}): Source {
  const name = options.path ?? 'input'
  const sniffed = sniff(bytes)
  if (sniffed.kind === 'binary') {
    throw new UnreadableInputError(`${name}: not a text file (looks like a ${sniffed.what}); proselens reads plain text`)
  }
  const decoded = decode(bytes, sniffed)
  const { text, removedControls } = normalise(decoded.text)
  const diagnostics: Diagnostic[] = []
  if (decoded.encoding === 'windows-1252') {
    diagnostics.push({
      severity: 'info',
      code: 'encoding-fallback',
      message: 'The file is not valid UTF-8; it was read as Windows-1252 (as Word saves plain text).',
    })
  } else if (decoded.encoding !== 'utf-8') {
    diagnostics.push({ severity: 'info', code: 'encoding-utf16', message: `The file was read as ${decoded.encoding.toUpperCase()}.` })
  }
  if (removedControls > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'control-characters',
      message: `${removedControls} control character${removedControls === 1 ? ' was' : 's were'} removed from the text.`,
    })
  }
  const source: Source = {
    text,
    format: 'text',
    encoding: decoded.encoding,
    bytes: bytes.length,
    sha256: bytesToHex(sha256(bytes)),
    diagnostics,
  }
  if (options.path !== undefined) source.path = options.path
  return source
}

/** Read a JavaScript string as if it were a UTF-8 file. */
export function textToBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
