import { availableParallelism } from 'node:os'
import { readdir, rm } from 'node:fs/promises'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { TEMPORARY } from '../write.js'
import { largestFile } from '../input.js'
import { AnalysisPool } from '../pool.js'
import { VERSION } from '../../version.js'
import { readCache } from './cache.js'
import type { FailureRow, SceneRow, WorkRow } from '../../corpus/rows.js'

export interface CorpusOptions {
  out: string
  jobs: number
  force: boolean
  formats: readonly ('json' | 'html')[]
  includeText: boolean
  maxBytes: number
  /** Heap each worker may use, in MB (default: enough for the largest work, see `heapLimitMb`). */
  maxMemoryMb?: number
  /** Time one work may take, in seconds (default by its size, see `timeLimitSeconds`). */
  timeoutSeconds?: number
  /** Take only every n-th work: `[i, n]` keeps works whose index mod n is i. */
  shard?: [number, number]
  /** Read each work's corrections file next to it (default true); its text is part of the cache key. */
  sidecar?: boolean
}

export interface Progress {
  start(total: number): void
  /** One work finished: analysed now (`done`), its rows from the cache, read but with no words (`empty`), or failed (now or, unchanged, on an earlier run). */
  tick(path: string, outcome: 'done' | 'cached' | 'empty' | 'failed', detail: string): void
  stop(): void
}

/**
 * A corpus run's outcome: every work's row or failure, the works' names, how many were analysed
 * now or taken from the cache, and how many were read but hold no words (in neither count).
 */
export interface CorpusRun {
  rows: WorkRow[]
  failures: FailureRow[]
  names: string[]
  analysed: number
  cached: number
  empty: number
}

/** Said after a failure the cache remembers: the same file failed the same way before. */
export const CACHED_FAILURE = 'unchanged since the last run'

/** Said of a work with no words: empty, or only markup, metadata or front matter. */
export const EMPTY_WORK = 'no words: empty, or only markup, metadata or front matter'

export const defaultJobs = (): number => Math.max(1, availableParallelism())

/**
 * Stable names for works, from their paths relative to the folder they share: `a/b/story.txt`
 * is `a/b/story`; two files that differ only by ending keep it (`story.md` → `story-md`).
 */
export function workNames(files: string[]): string[] {
  const abs = files.map((f) => resolve(f))
  const root = abs.length === 1 ? dirname(abs[0]!) : commonDir(abs)
  const stems = abs.map((f) => {
    const rel = relative(root, f).split(sep).map((part) => (part === '..' ? '_up' : part)).join('/')
    return rel.slice(0, rel.length - extname(rel).length) || 'work'
  })
  const seen = new Map<string, number>()
  for (const s of stems) seen.set(s, (seen.get(s) ?? 0) + 1)
  return stems.map((s, i) => (seen.get(s)! > 1 ? `${s}-${extname(abs[i]!).slice(1).toLowerCase() || i}` : s))
}

function commonDir(paths: string[]): string {
  let common = dirname(paths[0]!)
  for (const p of paths) {
    while (!(p === common || p.startsWith(common.endsWith(sep) ? common : common + sep))) common = dirname(common)
  }
  return common
}

const optionsKey = (o: CorpusOptions) => JSON.stringify({ v: VERSION, formats: [...o.formats].sort(), text: o.includeText, ...(o.sidecar === false ? { sidecar: false } : {}) })

/**
 * Analyse many works on a pool of worker threads and write each work's reports, then the
 * corpus summary from every work's rows. A work whose bytes and options are unchanged since a
 * previous run is not analysed again (unless `force`); a run killed at any moment leaves only
 * whole files, and running it again completes it. One bad work is a failure row, never the end.
 */
export async function runCorpus(files: string[], o: CorpusOptions, progress: Progress): Promise<CorpusRun> {
  await removeStaleTemporaries(o.out)
  const names = workNames(files)
  const optionKey = optionsKey(o)
  const pool = new AnalysisPool(Math.max(1, Math.min(o.jobs, files.length)), {
    largestBytes: Math.min(o.maxBytes, await largestFile(files)),
    heapMb: o.maxMemoryMb,
    seconds: o.timeoutSeconds,
  })
  progress.start(files.length)
  // Only the compact work row stays in memory; scene rows live in the cache files.
  const entries: { path: string; work: WorkRow | null; error: string | null }[] = new Array(files.length)
  let analysed = 0
  let cached = 0
  let empty = 0
  const one = async (i: number) => {
    const path = files[i]!
    const result = await pool.run({
      path,
      name: names[i]!,
      maxBytes: o.maxBytes,
      outDir: o.out,
      formats: o.formats,
      includeText: o.includeText,
      prettyJson: false,
      cache: { optionKey, force: o.force },
      sidecar: o.sidecar !== false,
    })
    entries[i] = result.ok ? { path, work: result.work, error: null } : { path, work: null, error: result.error }
    // A failure remembered from an earlier run is a failure still: the file has not changed.
    if (!result.ok) progress.tick(path, 'failed', result.cached ? `${result.error} (${CACHED_FAILURE})` : result.error)
    else if (result.work.words === 0) {
      // Read, but nothing to measure: not an analysed work, whether from the cache or not.
      empty++
      progress.tick(path, 'empty', EMPTY_WORK)
    } else if (result.cached) {
      cached++
      progress.tick(path, 'cached', `${result.work.words} words`)
    } else {
      analysed++
      progress.tick(path, 'done', `${result.work.words} words`)
    }
  }
  try {
    // A work waits for each thread, ready the moment it is free; never the whole corpus at once.
    let next = 0
    const lanes = Array.from({ length: Math.min(files.length, o.jobs * 2) }, async () => {
      while (next < files.length) await one(next++)
    })
    await Promise.all(lanes)
  } finally {
    progress.stop()
    await pool.destroy()
  }
  const rows: WorkRow[] = []
  const failures: FailureRow[] = []
  for (const e of entries) {
    if (e.work) rows.push(e.work)
    else failures.push({ path: e.path, error: e.error ?? 'unknown error' })
  }
  return { rows, failures, names, analysed, cached, empty }
}

/** Temporary files a killed run left behind (`*.tmp`, never a finished report) are removed. */
async function removeStaleTemporaries(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  for (const e of entries) {
    // (`<path>.<pid>.tmp` is how earlier versions named them.)
    if (e.isFile() && (TEMPORARY.test(e.name) || /\.\d+\.tmp$/.test(e.name))) await rm(join(e.parentPath, e.name), { force: true })
  }
}

/** The scene rows of each work, one work at a time, from the cache (memory stays bounded). */
export function* sceneRowsOf(out: string, names: string[]): Iterable<SceneRow[]> {
  for (const name of names) {
    const entry = readCache(out, name)
    if (entry?.result.ok) yield entry.result.scenes
  }
}
