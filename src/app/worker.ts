/**
 * The app page's analysis worker: the whole core, run off the page's thread so that it stays
 * responsive. It takes a file's bytes and answers with the report, its JSON (as `analyze`
 * writes it) and its HTML page (the one renderer every report page comes from).
 */
import { compareReports } from '../compare/index.js'
import { renderCompareHtml } from '../compare/html.js'
import { MAX_FILE_BYTES, tooLarge } from '../ingest/limits.js'
import { analyzeBytes } from '../pipeline.js'
import type { Stage } from '../stages.js'
import { renderReportHtml } from '../report/html.js'
import { toJson } from '../report/json.js'
import type { Reply, Request } from './protocol.js'

/** The worker's global scope, typed without the DOM's WebWorker library. */
interface WorkerScope {
  postMessage(message: Reply): void
  onmessage: ((event: { data: Request }) => void) | null
}
const scope = globalThis as unknown as WorkerScope

async function handle(request: Request): Promise<Reply> {
  const { id, name, bytes, against } = request
  if (bytes.byteLength > MAX_FILE_BYTES) return { type: 'error', id, message: tooLarge(name, bytes.byteLength, MAX_FILE_BYTES) }
  let report
  // Each stage as it begins, and progress within one at most every 50 ms.
  let last = 0
  const onStage = (stage: Stage, done: number) => {
    const now = Date.now()
    if (done > 0 && now - last < 50) return
    last = now
    scope.postMessage({ type: 'stage', id, stage, done })
  }
  try {
    report = await analyzeBytes(new Uint8Array(bytes), { path: name, onStage })
  } catch (e) {
    // The command line's wording: the file's name, then what is wrong with it.
    const message = (e as Error).message
    return { type: 'error', id, message: message.startsWith(name) ? message : `${name}: ${message}` }
  }
  if (!against) return { type: 'report', id, report, json: toJson(report), html: renderReportHtml(report) }
  // The older file is the earlier draft; a comparison reads from old to new.
  const comparison = against.older ? compareReports(against.report, report) : compareReports(report, against.report)
  return { type: 'comparison', id, report, comparison, json: toJson(comparison), html: renderCompareHtml(comparison) }
}

scope.onmessage = (event) => {
  void handle(event.data).then(
    (reply) => scope.postMessage(reply),
    (e: unknown) => scope.postMessage({ type: 'error', id: event.data.id, message: `${event.data.name}: ${(e as Error).message}` }),
  )
}
scope.postMessage({ type: 'ready' })
