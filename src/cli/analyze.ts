import { join, relative, resolve } from 'node:path'
import { analyzeFile } from '../node/analyze-file.js'
import { reportHtmlPieces } from '../report/html.js'
import { jsonPieces, toJson } from '../report/json.js'
import { expandInputs, reportNames, writeAtomic } from './files.js'

export interface AnalyzeCommandOptions {
  out: string
  stdout: boolean
  text: boolean
  quiet: boolean
  /** Largest file read, in bytes. */
  maxBytes?: number
  /** Which files to write per input (default both). */
  formats?: OutputFormat[]
}

export type OutputFormat = 'json' | 'html'
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'html']

export interface Io {
  out: (s: string) => void
  err: (s: string) => void
}

/** `proselens analyze`: one JSON report per input. Returns the exit code. */
export async function analyzeCommand(inputs: string[], options: AnalyzeCommandOptions, io: Io): Promise<number> {
  const { files, errors } = await expandInputs(inputs, options.out)
  for (const e of errors) io.err(`proselens: ${e}`)
  if (options.stdout) {
    if (files.length !== 1) {
      io.err('proselens: --stdout prints one report: give exactly one file')
      return 2
    }
    try {
      const report = await analyzeFile(files[0]!, fileOptions(options))
      io.out(toJson(report).trimEnd())
      return 0
    } catch (e) {
      io.err(`proselens: ${(e as Error).message}`)
      return 1
    }
  }
  let failed = errors.length
  let written = 0
  const names = reportNames(files)
  for (const [i, file] of files.entries()) {
    try {
      const report = await analyzeFile(file, fileOptions(options))
      const formats = options.formats ?? OUTPUT_FORMATS
      const paths = formats.map((f) => join(options.out, `${names[i]}.${f}`))
      for (const [k, f] of formats.entries()) {
        await writeAtomic(paths[k]!, f === 'json' ? jsonPieces(report) : reportHtmlPieces(report))
      }
      written++
      if (!options.quiet) {
        const t = report.totals
        const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`
        io.out(`${file} → ${paths.map((p) => relative(process.cwd(), resolve(p)) || p).join(', ')}  (${n(t.words, 'word')}, ${n(report.scenes.length, 'scene')}, ${n(report.chapters.length, 'chapter')})`)
      }
    } catch (e) {
      failed++
      io.err(`proselens: ${(e as Error).message}`)
    }
  }
  if (!options.quiet && written > 0) io.out(`${written} report${written === 1 ? '' : 's'} written to ${resolve(options.out)}`)
  if (failed > 0) io.err(`proselens: ${failed} input${failed === 1 ? '' : 's'} failed`)
  return failed > 0 ? 1 : 0
}

function fileOptions(options: AnalyzeCommandOptions): { includeText: boolean; maxBytes?: number } {
  return options.maxBytes === undefined ? { includeText: options.text } : { includeText: options.text, maxBytes: options.maxBytes }
}
