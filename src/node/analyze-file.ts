import { readFile, stat } from 'node:fs/promises'
import { analyzeBytes, type AnalyzeOptions } from '../pipeline.js'
import type { Report } from '../report/types.js'

/** Thrown for a path that cannot be analysed (missing, a directory, unreadable). */
export class InputError extends Error {
  override name = 'InputError'
}

/** The largest file read by default: far beyond any novel, short of what exhausts memory. */
export const MAX_FILE_BYTES = 32 * 2 ** 20

/** The message for a file past the size limit. */
export function tooLarge(path: string, size: number, maxBytes: number): string {
  return `${path}: ${(size / 2 ** 20).toFixed(1)} MB is more than the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit (raise it with --max-size)`
}

export interface AnalyzeFileOptions extends Omit<AnalyzeOptions, 'path'> {
  /** Refuse files larger than this many bytes (default `MAX_FILE_BYTES`). */
  maxBytes?: number
}

/**
 * Read a file of any supported format (text, Markdown, HTML, DOCX, EPUB) and analyse it. The
 * file is only read, never modified; one larger than `maxBytes` is refused.
 */
export async function analyzeFile(path: string, options: AnalyzeFileOptions = {}): Promise<Report> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(e.code === 'ENOENT' ? `${path}: no such file` : `${path}: ${e.message}`)
  })
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a file`)
  if (!info.isFile()) throw new InputError(`${path}: not a regular file`)
  const { maxBytes = MAX_FILE_BYTES, ...rest } = options
  if (info.size > maxBytes) {
    throw new InputError(tooLarge(path, info.size, maxBytes))
  }
  const bytes = await readFile(path)
  return analyzeBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...rest, path })
}
