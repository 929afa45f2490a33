import { analyzeBytes, type AnalyzeOptions } from '../pipeline.js'
import type { Report } from '../report/types.js'
import { mergeCorrections } from '../structure/corrections.js'
import { MAX_FILE_BYTES, readInput } from './input.js'
import { readSidecar } from './sidecar.js'

export { InputError, MAX_FILE_BYTES, readInput, tooLarge } from './input.js'

export interface AnalyzeFileOptions extends Omit<AnalyzeOptions, 'path'> {
  /** Refuse files larger than this many bytes (default `MAX_FILE_BYTES`). */
  maxBytes?: number
  /**
   * Read the writer's corrections file next to the story (`draft.docx` → `draft.proselens.yaml`,
   * `.yml` or `.json`), adding `corrections` to it (default true). One that cannot be used is an
   * `InputError` naming it.
   */
  sidecar?: boolean
  /** The path is a folder of chapter files read as one book, even without a manifest (`--book`). */
  book?: boolean
}

/**
 * Read a file of any supported format (text, Markdown, HTML, DOCX, ODT, EPUB) and analyse it, with
 * the writer's corrections file next to it, if any. The file is only read, never modified; one
 * larger than `maxBytes` is refused.
 */
export async function analyzeFile(path: string, options: AnalyzeFileOptions = {}): Promise<Report> {
  const { maxBytes = MAX_FILE_BYTES, sidecar = true, book = false, corrections, ...rest } = options
  const bytes = readInput(path, maxBytes, book)
  const found = sidecar ? readSidecar(path) : null
  return analyzeBytes(bytes, { ...rest, path, corrections: mergeCorrections(found?.corrections, corrections) })
}
