import { join } from 'node:path'
import { writeAtomic } from '../write.js'
import { readInput } from '../input.js'
import { readSidecar, type Sidecar } from '../sidecar.js'
import { mergeCorrections, type Corrections } from '../../structure/corrections.js'
import { analyzeBytes } from '../../pipeline.js'
import { reportHtmlPieces } from '../../report/html.js'
import { jsonPieces } from '../../report/json.js'
import type { Report } from '../../report/types.js'
import { cacheKey, outputsExist, readCache, writeCache, type CacheEntry } from './cache.js'
import { rowsOf, type WorkRow } from '../../corpus/rows.js'

/** One work for a worker, and where its reports go. */
export interface WorkTask {
  path: string
  /** The report files' path under the output folder, without ending. */
  name: string
  /** The work's bytes (moved, not copied); without them the worker reads `path`, at most `maxBytes`. */
  bytes?: Uint8Array
  maxBytes?: number
  outDir: string
  formats: readonly ('json' | 'html')[]
  includeText: boolean
  /** Indented JSON for reading (a writer's reports); compact for a corpus run's thousands. */
  prettyJson: boolean
  /**
   * A corpus run's cache in the output folder: a work whose bytes and options (`optionKey`) are
   * unchanged is not analysed again unless `force`, and each outcome is written to it.
   */
  cache?: { optionKey: string; force: boolean }
  /**
   * Shared with the pool: when this worker started on the work (`Date.now()`) and the input's
   * size in bytes, for its time limit.
   */
  started?: Float64Array
  /** Send the report back (for `--jsonl`) rather than only its row. */
  returnReport?: boolean
  /** The path is a folder of chapter files read as one book (`--book`). */
  book?: boolean
  /** Read the work's corrections file next to it (`draft.proselens.yaml`), if it has one. */
  sidecar?: boolean
  /** Corrections given on the command line, added to the corrections file's. */
  corrections?: Corrections
}

/**
 * A work's outcome; `cached`: taken from an earlier run. A work stopped past its memory or time
 * never reaches its cache entry, so a run allowed more tries it again.
 */
export type WorkResult = { ok: true; work: WorkRow; report?: Report; cached?: boolean; corrected?: Corrected } | { ok: false; error: string; cached?: boolean }

/** What the writer's corrections did: the file they came from, and those that matched nothing. */
export interface Corrected {
  sidecar: string | null
  unmatched: string[]
}

/**
 * Read, analyse and write one work (each report whole or not at all), all on this thread with
 * synchronous file calls: nothing else waits on a worker, and the main thread only hands out
 * paths and gathers rows. Runs in a worker thread; the NLP models load once per worker, when
 * this module is first imported.
 */
export default async function analyzeWork(task: WorkTask): Promise<WorkResult> {
  if (task.started) task.started[0] = Date.now()
  let bytes: Uint8Array
  try {
    bytes = task.bytes ?? readInput(task.path, task.maxBytes, task.book === true)
  } catch (e) {
    // Not cached: the file may be there, or smaller, next time.
    return { ok: false, error: (e as Error).message }
  }
  if (task.started) task.started[1] = bytes.byteLength
  let sidecar: Sidecar | null = null
  try {
    sidecar = task.sidecar ? readSidecar(task.path) : null
  } catch (e) {
    // Not cached: the writer fixes the file and runs again.
    return { ok: false, error: (e as Error).message }
  }
  const key = task.cache ? cacheKey(bytes, task.cache.optionKey, sidecar?.text) : ''
  if (task.cache && !task.cache.force) {
    const cached = readCache(task.outDir, task.name)
    if (cached && cached.key === key && cached.path === task.path && (!cached.result.ok || outputsExist(task.outDir, task.name, task.formats))) {
      return cached.result.ok ? { ok: true, work: cached.result.work, cached: true } : { ok: false, error: cached.result.error, cached: true }
    }
  }
  let report: Report
  try {
    report = await analyzeBytes(bytes, { path: task.path, corrections: mergeCorrections(sidecar?.corrections, task.corrections) })
  } catch (e) {
    // The analysis fails the same way for the same bytes: that outcome is cached.
    const message = (e as Error).message
    return remember(task, key, { ok: false, error: message.startsWith(task.path) ? message : `${task.path}: ${message}` })
  }
  const kept = task.includeText ? report : { ...report, text: undefined }
  try {
    for (const f of task.formats) {
      const file = join(task.outDir, `${task.name}.${f}`)
      writeAtomic(file, f === 'html' ? reportHtmlPieces(report) : jsonPieces(kept, { pretty: task.prettyJson }))
    }
  } catch (e) {
    // A full disk or a locked folder is no verdict on the work: not cached.
    return { ok: false, error: `${task.path}: ${(e as Error).message}` }
  }
  const { work, scenes } = rowsOf(report, task.path, task.name)
  const outcome = remember(task, key, { ok: true, work, scenes })
  if (!outcome.ok) return outcome
  const corrected = correctedOf(report, sidecar)
  return { ...outcome, ...(task.returnReport ? { report: kept } : {}), ...(corrected ? { corrected } : {}) }
}

/** What the corrections did, for the command to tell the writer; null when there were none. */
function correctedOf(report: Report, sidecar: Sidecar | null): Corrected | null {
  const unmatched: string[] = []
  let any = sidecar !== null
  for (const d of report.diagnostics) {
    if (d.code === 'correction-unmatched') unmatched.push(d.message)
    if (d.code === 'correction-unmatched' || d.code === 'correction-applied') any = true
  }
  return any ? { sidecar: sidecar?.path ?? null, unmatched } : null
}

/** Write the outcome to the cache, if the run keeps one; a failed cache write fails the work. */
function remember(task: WorkTask, key: string, result: CacheEntry['result']): WorkResult {
  if (task.cache) {
    try {
      writeCache(task.outDir, task.name, { key, path: task.path, result })
    } catch (e) {
      return { ok: false, error: `${task.path}: ${(e as Error).message}` }
    }
  }
  return result.ok ? { ok: true, work: result.work } : result
}
