import type { Comparison } from '../compare/index.js'
import type { Stage } from '../stages.js'
import type { Report } from '../report/types.js'

/** What the page asks of its analysis worker. */
export type Request =
  /** Analyse a file; `against`, when given, is the report of the draft to compare it with. */
  | { type: 'analyze'; id: number; name: string; bytes: ArrayBuffer; against?: { report: Report; older: boolean } }

/** What the worker answers: each stage as it begins and progress within it, then one result or one error. */
export type Reply =
  | { type: 'ready' }
  | { type: 'stage'; id: number; stage: Stage; done: number }
  | { type: 'report'; id: number; report: Report; json: string; html: string }
  | { type: 'comparison'; id: number; report: Report; comparison: Comparison; json: string; html: string }
  | { type: 'error'; id: number; message: string }
