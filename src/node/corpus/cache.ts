import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { writeAtomic } from '../write.js'
import type { SceneRow, WorkRow } from '../../corpus/rows.js'

/** Where a run keeps what it knows about each work, inside the output folder. */
export const CACHE_DIR = '.proselens-cache'

/** What the cache holds for a work: the key it was made under and its rows, or its failure. */
export interface CacheEntry {
  key: string
  path: string
  result: { ok: true; work: WorkRow; scenes: SceneRow[] } | { ok: false; error: string }
}

const cachePath = (out: string, name: string): string => join(out, CACHE_DIR, `${name}.json`)

/**
 * A work's cache key: SHA-256 of its bytes, the run's options (`optionKey`) and, when the work
 * has one, the text of its corrections file (a changed file analyses the work again).
 */
export function cacheKey(bytes: Uint8Array, optionKey: string, sidecar?: string): string {
  const hash = createHash('sha256').update(bytes).update('\0' + optionKey)
  if (sidecar !== undefined) hash.update('\0sidecar\0').update(sidecar)
  return hash.digest('hex')
}

export function readCache(out: string, name: string): CacheEntry | null {
  try {
    return JSON.parse(readFileSync(cachePath(out, name), 'utf8')) as CacheEntry
  } catch {
    return null
  }
}

/** Written last, once the work's reports are whole: only then does the work count as done. */
export function writeCache(out: string, name: string, entry: CacheEntry): void {
  writeAtomic(cachePath(out, name), JSON.stringify(entry))
}

export function outputsExist(out: string, name: string, formats: readonly string[]): boolean {
  for (const f of formats) if (!statSync(join(out, `${name}.${f}`), { throwIfNoEntry: false })) return false
  return true
}
