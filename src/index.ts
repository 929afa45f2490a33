/**
 * proselens: prose stylistics per scene. The public API: everything other programs import.
 * @packageDocumentation
 */
export { analyze, analyzeBytes, analyzeSource, type AnalyzeOptions } from './pipeline.js'
export { analyzeFile, InputError, MAX_FILE_BYTES, type AnalyzeFileOptions } from './node/analyze-file.js'
export { readSource, readSourceAsync, formatOfName, FORMAT_EXTENSIONS, type ReadOptions } from './ingest/index.js'
export { readText, UnreadableInputError } from './ingest/text.js'
export { structure } from './structure/index.js'
export { applyCorrections, parseCorrections, mergeCorrections, CorrectionsError, type Corrections } from './structure/corrections.js'
export { readSidecar, type Sidecar } from './node/sidecar.js'
export { annotate, type Annotated, type AnnotatedScene, type Sentence } from './annotate/index.js'
export { measures, measureAll, type MeasureName, type Measures } from './measure/registry.js'
export type { Distribution, Bin } from './measure/stats.js'
export { buildReport, type ReportOptions } from './report/build.js'
export { reportSchema } from './report/schema.js'
export { validateReport } from './report/validate.js'
export { SCHEMA_VERSION, type Report, type SceneReport, type ChapterReport, type MatterReport } from './report/types.js'
export { VERSION } from './version.js'
export type * from './types.js'
