import { stringify } from 'csv-stringify/sync'
import { distribution, type Distribution } from '../measure/stats.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { isEnglish } from '../language/names.js'
import type { FailureRow, WorkRow } from './rows.js'
import { niceHistogram, PERCENT_SCALE, SENTENCE_SCALE, WORD_SCALE, type BinScale, type CorpusBin } from './bins.js'

/** A distribution over works, binned on round edges from the data's range (see `bins.ts`). */
export type CorpusDistribution = Omit<Distribution, 'histogram'> & { histogram: CorpusBin[] }

/** The corpus-wide summary (`summary.json`); the same data drives `index.html`. */
export interface CorpusSummary {
  kind: 'proselens-corpus'
  tool: { name: string; version: string }
  /** Works read, each text once: a file with the same bytes as another (same SHA-256) is not counted again. */
  works: number
  /** Of those works, the ones with no words (empty, or only markup, metadata or front matter): read, but not analysed, and in no distribution. */
  empty: number
  failed: number
  /** Works analysed in this run, and works whose rows came from the cache of an earlier one (failures and empty works are in neither). */
  run?: { analysed: number; cached: number }
  totals: { words: number; scenes: number; chapters: number; slips: number }
  /** Distributions over works (duplicates once, empty works left out): words, mean sentence length, dialogue share (in %). */
  distributions: { words: CorpusDistribution; meanSentence: CorpusDistribution; dialoguePercent: CorpusDistribution }
  /** Works by dominant tense and POV (duplicates once, empty works and works not in English left out). */
  tense: Record<string, number>
  pov: Record<string, number>
  /** Works by language (BCP 47 code; unknown where none could be told). */
  languages: Record<string, number>
  /** The folder every work's path starts with (`/data/fics/`; empty when none is shared): the page shows each path below it. */
  root: string
  /** Paths of files with the same bytes, each group sorted, the groups by their first path; the first of each is the one counted. */
  duplicates: string[][]
  /** Every file read, duplicates included. */
  rows: WorkRow[]
  failures: FailureRow[]
}

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

/** Groups of two or more paths whose works have the same SHA-256, each sorted, the groups by their first path. */
export function duplicateGroups(rows: readonly WorkRow[]): string[][] {
  const bySha = new Map<string, string[]>()
  for (const r of rows) {
    const group = bySha.get(r.sha256)
    if (group) group.push(r.path)
    else bySha.set(r.sha256, [r.path])
  }
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const groups = [...bySha.values()].filter((g) => g.length > 1).map((g) => g.sort(byCode))
  return groups.sort((a, b) => byCode(a[0]!, b[0]!))
}

/** The longest folder prefix (ending in `/` or `\\`) that every path starts with; '' when none. */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return ''
  let prefix = paths[0]!
  for (const p of paths) {
    let n = 0
    while (n < prefix.length && n < p.length && prefix[n] === p[n]) n++
    prefix = prefix.slice(0, n)
  }
  // Back to the last separator: a shared start of two names ('shelf-1', 'shelf-2') is no folder.
  const cut = Math.max(prefix.lastIndexOf('/'), prefix.lastIndexOf('\\'))
  return prefix.slice(0, cut + 1)
}

function binned(values: number[], scale: BinScale): CorpusDistribution {
  return { ...distribution(values, [0]), histogram: niceHistogram(values, scale) }
}

/**
 * Build the summary from the compact rows. A work whose bytes another row has too is counted
 * once (its first path in sort order) in the totals, distributions and tense and POV counts; a
 * work with no words is counted as empty and left out of the distributions and the counts.
 */
export function summarise(rows: WorkRow[], failures: FailureRow[], run?: { analysed: number; cached: number }): CorpusSummary {
  const duplicates = duplicateGroups(rows)
  const copies = new Set(duplicates.flatMap((g) => g.slice(1)))
  const counted = copies.size ? rows.filter((r) => !copies.has(r.path)) : rows
  const measured = counted.filter((r) => r.words > 0)
  const english = measured.filter((r) => isEnglish(r.language) || r.tense !== null)
  const sum = (f: (r: WorkRow) => number) => counted.reduce((n, r) => n + f(r), 0)
  const values = (f: (r: WorkRow) => number | null) => measured.map(f).filter((x): x is number => x !== null)
  return {
    kind: 'proselens-corpus',
    tool: { name: TOOL_NAME, version: VERSION },
    works: counted.length,
    empty: counted.length - measured.length,
    failed: failures.length,
    ...(run ? { run } : {}),
    totals: { words: sum((r) => r.words), scenes: sum((r) => r.scenes), chapters: sum((r) => r.chapters), slips: sum((r) => r.slips ?? 0) },
    distributions: {
      words: binned(values((r) => r.words), WORD_SCALE),
      meanSentence: binned(values((r) => r.meanSentence), SENTENCE_SCALE),
      dialoguePercent: binned(values((r) => (r.dialogueShare === null ? null : Math.round(r.dialogueShare * 1000) / 10)), PERCENT_SCALE),
    },
    // Tense and point of view are measured in English only: works in other languages are counted under languages.
    tense: count(english.map((r) => r.tense)),
    pov: count(english.map((r) => r.pov)),
    languages: count(measured.map((r) => r.language)),
    root: commonFolder(rows.map((r) => r.path)),
    duplicates,
    rows,
    failures,
  }
}
