import type { Report } from '../report/types.js'
import { openingKey, type StoryLabels } from './labels.js'

export interface StructureScore {
  file: string
  goldScenes: number
  foundScenes: number
  truePositives: number
  precision: number
  recall: number
  f1: number
  chaptersRight: boolean
  frontMatterRight: boolean
  endMatterRight: boolean
  /** Scene openings found but not labelled (false breaks) and labelled but not found (missed). */
  falseBreaks: string[]
  missedBreaks: string[]
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r))

/**
 * Score a report's structure against a story's labels: scene boundaries (a scene start is
 * matched by its opening words), chapter titles, and front/end matter fields.
 */
export function scoreStructure(report: Report, labels: StoryLabels): StructureScore {
  const gold = labels.chapters.flatMap((c) => c.scenes.map((s) => openingKey(s.opening)))
  const found = report.scenes.map((s) => openingKey(s.opening))
  const goldSet = new Set(gold)
  const foundSet = new Set(found)
  const tp = found.filter((k) => goldSet.has(k)).length
  const precision = found.length ? tp / found.length : gold.length ? 0 : 1
  const recall = gold.length ? tp / gold.length : 1
  const fm = labels.frontMatter
  const frontMatterRight = fm
    ? (['title', 'author', 'rating', 'fandom'] as const).every((k) => (fm[k] ?? null) === (report.meta[k] ?? null))
    : report.frontMatter === null
  const endText = report.endMatter?.text.split('\n')[0]?.trim() ?? null
  return {
    file: labels.file,
    goldScenes: gold.length,
    foundScenes: found.length,
    truePositives: tp,
    precision,
    recall,
    f1: f1(precision, recall),
    chaptersRight: JSON.stringify(report.chapters.map((c) => c.title)) === JSON.stringify(labels.chapters.map((c) => c.title)),
    frontMatterRight,
    endMatterRight: (labels.endMatter ?? null) === endText,
    falseBreaks: report.scenes.filter((s) => !goldSet.has(openingKey(s.opening))).map((s) => s.opening),
    missedBreaks: labels.chapters.flatMap((c) => c.scenes.map((s) => s.opening)).filter((o) => !foundSet.has(openingKey(o))),
  }
}

/** Micro-averaged boundary precision, recall and F1 over several stories. */
export function totalScore(scores: StructureScore[]): { precision: number; recall: number; f1: number; stories: number } {
  const tp = scores.reduce((a, s) => a + s.truePositives, 0)
  const found = scores.reduce((a, s) => a + s.foundScenes, 0)
  const gold = scores.reduce((a, s) => a + s.goldScenes, 0)
  const precision = found ? tp / found : 1
  const recall = gold ? tp / gold : 1
  return { precision, recall, f1: f1(precision, recall), stories: scores.length }
}
