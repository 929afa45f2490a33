/**
 * proselens's analysis core: everything that runs in a browser as in Node (ingest, structure,
 * annotate, measure, report, compare). Nothing reachable from here imports a Node built-in; the
 * app page bundles this, and a test fails on any Node import it finds.
 * @packageDocumentation
 */
export { analyze, analyzeBytes, analyzeSource, STAGES, type AnalyzeOptions, type Stage } from './pipeline.js'
export { readSource, readSourceAsync, formatOfName, FORMAT_EXTENSIONS, type ReadOptions } from './ingest/index.js'
export { MAX_FILE_BYTES, tooLarge } from './ingest/limits.js'
export { readText, UnreadableInputError } from './ingest/text.js'
export { structure } from './structure/index.js'
export { applyCorrections, parseCorrections, mergeCorrections, CorrectionsError, type Corrections } from './structure/corrections.js'
export { annotate, type Annotated, type AnnotatedScene, type Sentence } from './annotate/index.js'
export { measures, measureAll, type MeasureName, type Measures } from './measure/registry.js'
export type { Distribution, Bin } from './measure/stats.js'
export { buildReport, type ReportOptions } from './report/build.js'
export { reportSchema } from './report/schema.js'
export { validateReport } from './report/validate.js'
export { toJson, jsonPieces } from './report/json.js'
export { renderReportHtml, reportHtmlPieces } from './report/html.js'
export { compareReports, type Comparison } from './compare/index.js'
export { renderCompareHtml } from './compare/html.js'
export { SCHEMA_VERSION, type Report, type SceneReport, type ChapterReport, type MatterReport } from './report/types.js'
export { VERSION } from './version.js'
export type * from './types.js'
