import { annotate } from './annotate/index.js'
import { assignLanguages } from './language/index.js'
import { isZip, readSource, readSourceAsync } from './ingest/index.js'
import { readBookZip } from './book.js'
import { buildReport, type ReportOptions } from './report/build.js'
import type { Report } from './report/types.js'
import { structure } from './structure/index.js'
import { applyCorrections, hasCorrections, type Corrections } from './structure/corrections.js'
import type { Stage } from './stages.js'
import type { Source } from './types.js'

export interface AnalyzeOptions extends ReportOptions {
  /** The file's path, kept in the report, used in messages, and its ending a hint to the format. */
  path?: string
  /** The writer's corrections to the structure found (breaks, story bounds, headings), applied right after it. */
  corrections?: Corrections
  /**
   * Told as each stage begins (`done` 0), and within the longest one, annotation, as each scene is
   * read (`done` the share of scenes read): for a progress display. `STAGES` gives the share of
   * the time each stage takes on a typical novel.
   */
  onStage?: (stage: Stage, done: number) => void
}

export { STAGES, type Stage } from './stages.js'

function toBytes(input: string | Uint8Array, caller: string): Uint8Array {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(`${caller}: expected a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`)
  }
  return typeof input === 'string' ? new TextEncoder().encode(input) : input
}

/** Structure (with the writer's corrections, if any), annotate, measure and report a source. */
export function analyzeSource(source: Source, options: ReportOptions & Pick<AnalyzeOptions, 'corrections' | 'onStage'> = {}): Report {
  const { onStage, corrections, ...reportOptions } = options
  onStage?.('structure', 0)
  const found = structure(source)
  const manuscript = hasCorrections(corrections) ? applyCorrections(found, corrections!) : found
  assignLanguages(manuscript)
  onStage?.('annotate', 0)
  const annotated = annotate(manuscript, onStage && ((done, total) => onStage('annotate', done / total)))
  onStage?.('report', 0)
  return buildReport(annotated, reportOptions)
}

/**
 * Analyse a story: ingest, structure, annotate, measure, report. Takes the text as a string or
 * the file's bytes, in plain text, Markdown or HTML (detected from the content, the path's ending
 * a hint). Throws `UnreadableInputError` for bytes that cannot be read, including DOCX, ODT and EPUB
 * archives, which `analyzeBytes` reads; problems inside the text become diagnostics.
 */
export function analyze(input: string | Uint8Array, options: AnalyzeOptions = {}): Report {
  const bytes = toBytes(input, 'analyze')
  options.onStage?.('read', 0)
  return analyzeSource(readSource(bytes, options.path === undefined ? {} : { path: options.path }), options)
}

/** Analyse a document of any supported format, DOCX, ODT and EPUB included. */
export async function analyzeBytes(input: string | Uint8Array, options: AnalyzeOptions = {}): Promise<Report> {
  const bytes = toBytes(input, 'analyzeBytes')
  options.onStage?.('read', 0)
  // A zip of chapter files (a book) is read file by file; any other goes to the format readers.
  const book = isZip(bytes) ? await readBookZip(bytes, options.path ?? 'input') : null
  return analyzeSource(book ?? (await readSourceAsync(bytes, options.path === undefined ? {} : { path: options.path })), options)
}
