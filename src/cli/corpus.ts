import { createInterface } from 'node:readline'
import cliProgress from 'cli-progress'
import { MAX_FILE_BYTES, noSuchFile, tooLarge } from '../node/input.js'
import { AnalysisPool } from '../node/pool.js'
import { runCorpus, sceneRowsOf, type CorpusOptions, type Progress } from '../node/corpus/run.js'
import { writeSummary } from '../node/corpus/write-summary.js'
import type { WorkTask } from '../node/corpus/worker.js'
import type { Io } from './analyze.js'
import { ensureWritable, expandInputs } from './files.js'

export interface CorpusCommandOptions extends Omit<CorpusOptions, 'maxBytes'> {
  quiet: boolean
  jsonl: boolean
  maxBytes?: number
}

/** Progress for people: a bar on a terminal, one line per work elsewhere, nothing when quiet. */
function progressFor(io: Io, quiet: boolean): Progress {
  if (quiet) return { start() {}, tick() {}, stop() {} }
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{bar} {value}/{total} works | {rate} works/s | ETA {eta_formatted} | {failed} failed', hideCursor: true, etaBuffer: 50, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    )
    let failed = 0
    let startedAt = 0
    let done = 0
    return {
      start(total) {
        startedAt = performance.now()
        bar.start(total, 0, { rate: '0.0', failed: 0 })
      },
      tick(_path, outcome) {
        done++
        if (outcome === 'failed') failed++
        bar.update(done, { rate: (done / ((performance.now() - startedAt) / 1000)).toFixed(1), failed })
      },
      stop() {
        bar.stop()
      },
    }
  }
  let total = 0
  let done = 0
  let failed = 0
  return {
    start(n) {
      total = n
    },
    tick(path, outcome, detail) {
      done++
      if (outcome === 'failed') failed++
      io.err(`[${done}/${total}] ${outcome === 'failed' ? 'FAILED' : outcome} ${outcome === 'failed' ? detail : `${path} (${detail})`}${failed ? ` · ${failed} failed so far` : ''}`)
    },
    stop() {},
  }
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`

/**
 * What a run did, in words: `14 works analysed`, or on a rerun `14 works: 1 analysed, 13 from
 * the cache`; a work with no words is empty, not analysed (`14 works: 13 analysed, 1 empty`);
 * then the copies (`2 duplicates counted once`).
 */
export function doneLine(works: number, analysed: number, cached: number, empty: number, copies: number): string {
  const parts = [`${analysed} analysed`]
  if (cached > 0) parts.push(`${cached} from the cache`)
  if (empty > 0) parts.push(`${empty} empty (no words)`)
  const head = parts.length > 1 ? `${plural(works, 'work')}: ${parts.join(', ')}` : `${plural(works, 'work')} analysed`
  return copies > 0 ? `${head}; ${plural(copies, 'duplicate')} counted once` : head
}

/** `proselens corpus`: analyse every work under the inputs and write the corpus tables. */
export async function corpusCommand(inputs: string[], options: CorpusCommandOptions, io: Io): Promise<number> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES
  if (options.jsonl) return jsonlCommand(options, maxBytes, io)
  const { files: all, errors, missing } = await expandInputs(inputs, options.out)
  // A path that is nowhere is a mistyped command, not a failed work: say so and write nothing.
  if (missing.length > 0) {
    io.err(`proselens: ${missing.map(noSuchFile).join('; ')}`)
    return 2
  }
  for (const e of errors) io.err(`proselens: ${e}`)
  const files = options.shard ? all.filter((_, i) => i % options.shard![1] === options.shard![0]) : all
  if (files.length === 0) {
    io.err('proselens: no works to analyse')
    return errors.length > 0 ? 1 : 2
  }
  const unwritable = await ensureWritable(options.out)
  if (unwritable) {
    io.err(`proselens: ${unwritable}`)
    return 1
  }
  const started = performance.now()
  const { rows, failures, names, analysed: fresh, cached, empty } = await runCorpus(files, { ...options, maxBytes }, progressFor(io, options.quiet))
  const analysed = new Set(rows.map((r) => r.path))
  const okNames = names.filter((_, i) => analysed.has(files[i]!))
  let summary
  try {
    summary = writeSummary(options.out, rows, failures, sceneRowsOf(options.out, okNames), options.formats.includes('html'), { analysed: fresh, cached })
  } catch (e) {
    io.err(`proselens: the corpus tables were not written: ${(e as Error).message}`)
    return 1
  }
  const seconds = (performance.now() - started) / 1000
  if (!options.quiet) {
    io.out(`${doneLine(rows.length, fresh, cached, empty, rows.length - summary.works)} (${summary.totals.words.toLocaleString('en-US')} words) in ${seconds.toFixed(1)} s; summary.json, works.csv, scenes.csv, failures.csv and index.html in ${options.out}`)
  }
  const blank = rows.filter((r) => r.words === 0).map((r) => r.path)
  if (blank.length > 0) {
    const shown = blank.length > 3 ? `${blank.slice(0, 3).join(', ')} and ${blank.length - 3} more` : blank.join(', ')
    io.err(`proselens: warning: ${plural(blank.length, 'work')} ${blank.length === 1 ? 'has' : 'have'} no words to analyse (empty, or only markup, metadata or front matter): ${shown}`)
  }
  const failed = failures.length + errors.length
  if (failed > 0) io.err(`proselens: ${failed} work${failed === 1 ? '' : 's'} failed (see failures.csv)`)
  return failed > 0 ? 1 : 0
}

/**
 * `proselens corpus --jsonl`: read work paths, or JSON lines `{"id": …, "text": …}`, from
 * standard input and write one JSON line per work to standard output (`{id, report}` or
 * `{id, error}`), in input order: the map step of a distributed engine.
 */
async function jsonlCommand(options: CorpusCommandOptions, maxBytes: number, io: Io): Promise<number> {
  // One worker thread, with the same memory and time limits as any corpus run: one hostile
  // text is one error line, never the end of a map task.
  const pool = new AnalysisPool(1, { largestBytes: maxBytes, heapMb: options.maxMemoryMb, seconds: options.timeoutSeconds })
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  let index = -1
  let failed = 0
  try {
    for await (const raw of lines) {
      const line = raw.trim()
      if (!line) continue
      index++
      if (options.shard && index % options.shard[1] !== options.shard[0]) continue
      let id: string = line
      try {
        // A text comes as bytes; a path is read by the worker, within the same size limit.
        const task: WorkTask = { path: line, name: '', maxBytes, outDir: '', formats: [], includeText: options.includeText, prettyJson: false, returnReport: true, sidecar: options.sidecar !== false }
        if (line.startsWith('{')) {
          const item = JSON.parse(line) as { id?: unknown; text?: unknown; path?: unknown }
          id = String(item.id ?? index)
          if (typeof item.text === 'string') {
            // The same size limit as for files (a character is at least one byte).
            if (item.text.length > maxBytes) throw new Error(tooLarge(id, Buffer.byteLength(item.text), maxBytes))
            task.bytes = new TextEncoder().encode(item.text)
            task.path = id
            // A text has no file beside it: no corrections file to read.
            task.sidecar = false
          } else if (typeof item.path === 'string') {
            task.path = item.path
          } else throw new Error('a JSON line needs "text" or "path"')
        }
        const result = await pool.run(task)
        if (!result.ok) throw new Error(result.error)
        io.out(JSON.stringify({ id, report: result.report }))
      } catch (e) {
        failed++
        io.out(JSON.stringify({ id, error: (e as Error).message }))
      }
    }
  } finally {
    await pool.destroy()
  }
  if (failed > 0) io.err(`proselens: ${failed} work${failed === 1 ? '' : 's'} failed`)
  return failed > 0 ? 1 : 0
}
