import { stringify } from 'csv-stringify/sync'
import { distribution, type Distribution } from '../measure/stats.js'
import { TOOL_NAME, VERSION } from '../version.js'
import type { FailureRow, WorkRow } from './rows.js'

/** The corpus-wide summary (`summary.json`); the same data drives `index.html`. */
export interface CorpusSummary {
  kind: 'proselens-corpus'
  tool: { name: string; version: string }
  works: number
  failed: number
  totals: { words: number; scenes: number; chapters: number; slips: number }
  /** Distributions over works: words, mean sentence length, dialogue share (in %). */
  distributions: { words: Distribution; meanSentence: Distribution; dialoguePercent: Distribution }
  /** Works by dominant tense and POV. */
  tense: Record<string, number>
  pov: Record<string, number>
  rows: WorkRow[]
  failures: FailureRow[]
}

/** Histogram bins over works (each bin's lower bound). */
const WORD_BINS = [0, 1001, 5001, 10001, 20001, 50001, 100001]
const SENTENCE_BINS = [0, 8, 10, 12, 14, 16, 18, 20, 25]
const PERCENT_BINS = [0, 10, 20, 30, 40, 50, 60]

const count = (xs: (string | null)[]) => {
  const out: Record<string, number> = {}
  for (const x of xs) out[x ?? 'unknown'] = (out[x ?? 'unknown'] ?? 0) + 1
  return out
}

/** RFC 4180 CSV: a header, CRLF line ends, quotes where a field needs them; null is empty. */
export function csv<T extends object>(rows: T[], columns: readonly (keyof T)[], header = true): string {
  return stringify(
    rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : (r[c] as unknown)))),
    { header, columns: columns.map(String), record_delimiter: 'windows', cast: { number: (n) => String(n), boolean: (b) => (b ? 'true' : 'false') } },
  )
}

/** Build the summary from the compact rows. */
export function summarise(rows: WorkRow[], failures: FailureRow[]): CorpusSummary {
  const sum = (f: (r: WorkRow) => number) => rows.reduce((n, r) => n + f(r), 0)
  const values = (f: (r: WorkRow) => number | null) => rows.map(f).filter((x): x is number => x !== null)
  return {
    kind: 'proselens-corpus',
    tool: { name: TOOL_NAME, version: VERSION },
    works: rows.length,
    failed: failures.length,
    totals: { words: sum((r) => r.words), scenes: sum((r) => r.scenes), chapters: sum((r) => r.chapters), slips: sum((r) => r.slips) },
    distributions: {
      words: distribution(values((r) => r.words), WORD_BINS),
      meanSentence: distribution(values((r) => r.meanSentence), SENTENCE_BINS),
      dialoguePercent: distribution(values((r) => (r.dialogueShare === null ? null : Math.round(r.dialogueShare * 1000) / 10)), PERCENT_BINS),
    },
    tense: count(rows.map((r) => r.tense)),
    pov: count(rows.map((r) => r.pov)),
    rows,
    failures,
  }
}
