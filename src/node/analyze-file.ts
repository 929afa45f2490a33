import { analyzeBytes, type AnalyzeOptions } from '../pipeline.js'
import type { Report } from '../report/types.js'
import { MAX_FILE_BYTES, readInput } from './input.js'

export { InputError, MAX_FILE_BYTES, readInput, tooLarge } from './input.js'

export interface AnalyzeFileOptions extends Omit<AnalyzeOptions, 'path'> {
  /** Refuse files larger than this many bytes (default `MAX_FILE_BYTES`). */
  maxBytes?: number
}

/**
 * Read a file of any supported format (text, Markdown, HTML, DOCX, EPUB) and analyse it. The
 * file is only read, never modified; one larger than `maxBytes` is refused.
 */
export async function analyzeFile(path: string, options: AnalyzeFileOptions = {}): Promise<Report> {
  const { maxBytes = MAX_FILE_BYTES, ...rest } = options
  return analyzeBytes(readInput(path, maxBytes), { ...rest, path })
}
