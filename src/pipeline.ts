import { annotate } from './annotate/index.js'
import { readText } from './ingest/text.js'
import { buildReport, type ReportOptions } from './report/build.js'
import type { Report } from './report/types.js'
import { structure } from './structure/index.js'

export interface AnalyzeOptions extends ReportOptions {
  /** The file's path, kept in the report and used in messages. */
  path?: string
}

/**
 * Analyse a story: ingest, structure, annotate, measure, report. Takes the text as a string or
 * the file's bytes (decoded as the plain-text ingest does). Throws `UnreadableInputError` for
 * bytes that are not text; problems inside the text become diagnostics.
 */
export function analyze(input: string | Uint8Array, options: AnalyzeOptions = {}): Report {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(`analyze: expected a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`)
  }
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  const source = readText(bytes, options.path === undefined ? {} : { path: options.path })
  return buildReport(annotate(structure(source)), options)
}
