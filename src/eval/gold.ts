import { wordStarts } from '../annotate/words.js'
import type { Report } from '../report/types.js'

const inside = (at: number, spans: readonly (readonly [number, number])[]) => spans.some(([a, b]) => at >= a && at < b)

/** One excerpt of `dialogue/gold.json`. */
export interface DialogueGold {
  id: string
  file: string
  quoteConvention: 'double' | 'single' | 'none_annotated'
  dialogueShare: number
  quotes: [number, number][]
}

export interface DialogueScore {
  id: string
  convention: string
  gold: number
  ours: number
  error: number
  /** Word-level counts: our dialogue words that are gold dialogue, ours not gold, gold not ours. */
  tp: number
  fp: number
  fn: number
}

/**
 * Score a report's speech spans against gold quotations, word by word: a word is dialogue when
 * its first character lies inside a span. The share is over every word of the excerpt, as the
 * gold's is. Offsets are compared by word index, so normalisation cannot shift them.
 */
export function scoreDialogue(original: string, report: Report, gold: DialogueGold): DialogueScore {
  const goldWords = wordStarts(original)
  const ourText = report.text ?? original
  const ourWords = wordStarts(ourText)
  const spans = report.scenes.flatMap((s) => s.dialogue.spans)
  let tp = 0
  let fp = 0
  let fn = 0
  let ours = 0
  for (let i = 0; i < goldWords.length; i++) {
    const g = inside(goldWords[i]!, gold.quotes)
    const o = i < ourWords.length && inside(ourWords[i]!, spans)
    if (o) ours++
    if (g && o) tp++
    else if (o) fp++
    else if (g) fn++
  }
  const share = goldWords.length ? ours / goldWords.length : 0
  return { id: gold.id, convention: gold.quoteConvention, gold: gold.dialogueShare, ours: share, error: Math.abs(share - gold.dialogueShare), tp, fp, fn }
}

/** One text of `narration/labels.json`. */
export interface NarrationGold {
  id: string
  file: string
  pov: string
  tense: string
}

export interface NarrationScore {
  id: string
  goldPov: string
  pov: string | null
  goldTense: string
  tense: string | null
}

export function scoreNarration(report: Report, gold: NarrationGold): NarrationScore {
  return { id: gold.id, goldPov: gold.pov, pov: report.totals.pov?.dominant ?? null, goldTense: gold.tense, tense: report.totals.tense?.dominant ?? null }
}

/** A confusion table: rows gold, columns predicted. */
export function confusion(pairs: [string, string][]): { labels: string[]; rows: Record<string, Record<string, number>> } {
  const labels = [...new Set(pairs.flatMap(([g, p]) => [g, p]))].sort()
  const rows: Record<string, Record<string, number>> = {}
  for (const g of labels) rows[g] = Object.fromEntries(labels.map((p) => [p, 0]))
  for (const [g, p] of pairs) rows[g]![p]!++
  return { labels, rows }
}
