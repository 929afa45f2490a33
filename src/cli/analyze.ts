import { join, relative, resolve } from 'node:path'
import { checkInput, InputError, largestFile, MAX_FILE_BYTES } from '../node/input.js'
import { AnalysisPool } from '../node/pool.js'
import { toJson } from '../report/json.js'
import { removeTemporaries } from '../node/write.js'
import type { Corrections } from '../structure/corrections.js'
import { ensureWritable, expandInputs, reportNames } from './files.js'

export interface AnalyzeCommandOptions {
  out: string
  stdout: boolean
  text: boolean
  quiet: boolean
  /** Largest file read, in bytes. */
  maxBytes?: number
  /** Heap the analysis may use, in MB (default: enough for the largest input, see `heapLimitMb`). */
  maxMemoryMb?: number
  /** Time one input may take, in seconds (default by its size, see `timeLimitSeconds`). */
  timeoutSeconds?: number
  /** Which files to write per input (default both). */
  formats?: OutputFormat[]
  /** Corrections to the structure, added to each input's corrections file. */
  corrections?: Corrections
  /** Read each input's corrections file (`draft.proselens.yaml`) next to it (default true). */
  sidecar?: boolean
  /** Each folder given is one book of chapter files (`--book`). */
  book?: boolean
}

export type OutputFormat = 'json' | 'html'
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'html']

export interface Io {
  out: (s: string) => void
  err: (s: string) => void
}

/** `proselens analyze`: one JSON report per input. Returns the exit code. */
export async function analyzeCommand(inputs: string[], options: AnalyzeCommandOptions, io: Io): Promise<number> {
  const { files, errors } = await expandInputs(inputs, options.out, options.book === true)
  for (const e of errors) io.err(`proselens: ${e}`)
  if (options.stdout) {
    if (files.length !== 1) {
      io.err('proselens: --stdout prints one report: give exactly one file')
      return 2
    }
    try {
      // The pipeline (and its models) loads here only: written reports are made in a worker.
      const { analyzeFile } = await import('../node/analyze-file.js')
      const report = await analyzeFile(files[0]!, fileOptions(options))
      if (!options.quiet) for (const d of report.diagnostics) if (d.code === 'correction-unmatched') io.err(`proselens: ${files[0]}: ${d.message}`)
      io.out(toJson(report).trimEnd())
      return 0
    } catch (e) {
      io.err(`proselens: ${(e as Error).message}`)
      return 1
    }
  }
  if (files.length > 0) {
    const unwritable = await ensureWritable(options.out)
    if (unwritable) {
      io.err(`proselens: ${unwritable}`)
      return 1
    }
  }
  let failed = errors.length
  let written = 0
  const names = reportNames(files)
  const formats = options.formats ?? OUTPUT_FORMATS
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES
  // The analysis runs in a worker thread whose heap fits the largest input: memory stays near
  // what the input needs, and an input that needs more fails alone with a clear message.
  const pool = new AnalysisPool(1, { largestBytes: Math.min(maxBytes, await largestFile(files)), heapMb: options.maxMemoryMb, seconds: options.timeoutSeconds })
  try {
    for (const [i, file] of files.entries()) {
      const paths = formats.map((f) => join(options.out, `${names[i]}.${f}`))
      try {
        // A missing, special or oversized file is refused here at once; the worker reads it.
        checkInput(file, maxBytes, options.book === true)
        const result = await pool.run({ path: file, name: names[i]!, maxBytes, book: options.book === true, outDir: options.out, formats, includeText: options.text, prettyJson: true, sidecar: options.sidecar !== false, ...(options.corrections ? { corrections: options.corrections } : {}) })
        if (!result.ok) {
          for (const p of paths) await removeTemporaries(p)
          throw new InputError(result.error)
        }
        written++
        if (result.work.words === 0) io.err(`proselens: warning: ${file} has no words to analyse (it is empty, or holds only markup, metadata or front matter); its report says so`)
        if (!options.quiet) {
          const w = result.work
          const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`
          const from = result.corrected ? `; corrections${result.corrected.sidecar ? ` from ${result.corrected.sidecar}` : ''}` : ''
          io.out(`${file} → ${paths.map((p) => relative(process.cwd(), resolve(p)) || p).join(', ')}  (${n(w.words, 'word')}, ${n(w.scenes, 'scene')}, ${n(w.chapters, 'chapter')}${from})`)
          for (const message of result.corrected?.unmatched ?? []) io.err(`proselens: ${file}: ${message}`)
        }
      } catch (e) {
        failed++
        io.err(`proselens: ${(e as Error).message}`)
      }
    }
  } finally {
    await pool.destroy()
  }
  if (!options.quiet && written > 0) io.out(`${written} report${written === 1 ? '' : 's'} written to ${resolve(options.out)}`)
  if (failed > 0) io.err(`proselens: ${failed} input${failed === 1 ? '' : 's'} failed`)
  return failed > 0 ? 1 : 0
}

function fileOptions(options: AnalyzeCommandOptions): { includeText: boolean; maxBytes?: number; sidecar: boolean; book: boolean; corrections?: Corrections } {
  return {
    includeText: options.text,
    sidecar: options.sidecar !== false,
    book: options.book === true,
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.corrections ? { corrections: options.corrections } : {}),
  }
}
