import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import type { Diagnostic, Encoding, Markup, Source } from '../types.js'
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

/** Text bytes decoded, with notes on how. */
export interface DecodedText {
  text: string
  encoding: Encoding
  diagnostics: Diagnostic[]
}

/**
 * Decode the bytes of a text file (plain text, Markdown, HTML): refuse binary data, honour a
 * byte-order mark, read strict UTF-8 and fall back to Windows-1252.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  const sniffed = sniff(bytes)
  if (sniffed.kind === 'binary') {
    throw new UnreadableInputError(`${name}: not a text file (it looks like ${sniffed.what}); proselens reads text, Markdown, HTML, RTF, DOCX, ODT and EPUB`)
  }
  const decoded = decode(bytes, sniffed)
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
  return { text: decoded.text, encoding: decoded.encoding, diagnostics }
}

/** A note that control characters were removed, or nothing. */
export function controlDiagnostics(removed: number): Diagnostic[] {
  if (removed === 0) return []
  return [
    {
      severity: 'warning',
      code: 'control-characters',
      message: `${removed} control character${removed === 1 ? ' was' : 's were'} removed from the text.`,
    },
  ]
}

/** The source record shared by every format: its size, hash and path. */
export function sourceOf(bytes: Uint8Array, fields: Pick<Source, 'text' | 'format' | 'encoding' | 'diagnostics'> & { markup?: Markup }, path: string | undefined): Source {
  const source: Source = { ...fields, bytes: bytes.length, sha256: bytesToHex(sha256(bytes)) }
  if (path !== undefined) source.path = path
  return source
}

/**
 * The plain-text ingest: bytes in, normalised text out, with the encoding used and
 * diagnostics for anything repaired.
 */
export function readText(bytes: Uint8Array, options: ReadTextOptions = {}): Source {
  const decoded = decodeText(bytes, options.path ?? 'input')
  const { text, removedControls } = normalise(decoded.text)
  return sourceOf(bytes, { text, format: 'text', encoding: decoded.encoding, diagnostics: [...decoded.diagnostics, ...controlDiagnostics(removedControls)] }, options.path)
}

/** Read a JavaScript string as if it were a UTF-8 file. */
export function textToBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
