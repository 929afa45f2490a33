/**
 * proselens: prose stylistics per scene. The public API: everything other programs import. The
 * analysis core (`./core.js`) runs in browsers too; reading files and sidecars needs Node.
 * @packageDocumentation
 */
export * from './core.js'
export { analyzeFile, InputError, type AnalyzeFileOptions } from './node/analyze-file.js'
export { readSidecar, type Sidecar } from './node/sidecar.js'
