import { join } from 'node:path'
import { writeAtomic } from '../cli/files.js'
import { analyzeBytes } from '../pipeline.js'
import { reportHtmlPieces } from '../report/html.js'
import { jsonPieces } from '../report/json.js'
import type { Report } from '../report/types.js'
import { rowsOf, type SceneRow, type WorkRow } from './rows.js'

/** One work for a worker: its bytes (moved, not copied) and where its reports go. */
export interface WorkTask {
  path: string
  /** The report files' path under the output folder, without ending. */
  name: string
  bytes: Uint8Array
  outDir: string
  formats: readonly ('json' | 'html')[]
  includeText: boolean
  /** Indented JSON for reading (a writer's reports); compact for a corpus run's thousands. */
  prettyJson: boolean
  /** Shared with the pool: when this worker started on the work (`Date.now()`), for its time limit. */
  started?: Float64Array
  /** Send the report back (for `--jsonl`) rather than only its rows. */
  returnReport?: boolean
}

/** A failure is `transient` when another run may succeed (more memory): it is not cached. */
export type WorkResult = { ok: true; work: WorkRow; scenes: SceneRow[]; report?: Report } | { ok: false; error: string; transient?: boolean }

/**
 * Analyse one work and write its reports (each whole or not at all). Runs in a worker thread;
 * the NLP models load once per worker, when this module is first imported.
 */
export default async function analyzeWork(task: WorkTask): Promise<WorkResult> {
  if (task.started) task.started[0] = Date.now()
  try {
    const report = await analyzeBytes(task.bytes, { path: task.path })
    const kept = task.includeText ? report : { ...report, text: undefined }
    for (const f of task.formats) {
      const file = join(task.outDir, `${task.name}.${f}`)
      if (f === 'html') await writeAtomic(file, reportHtmlPieces(report))
      else await writeAtomic(file, jsonPieces(kept, { pretty: task.prettyJson }))
    }
    const { work, scenes } = rowsOf(report, task.path, task.name)
    return task.returnReport ? { ok: true, work, scenes, report: kept } : { ok: true, work, scenes }
  } catch (e) {
    const message = (e as Error).message
    return { ok: false, error: message.startsWith(task.path) ? message : `${task.path}: ${message}` }
  }
}
