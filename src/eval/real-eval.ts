import { WORD } from '../annotate/words.js'
import type { Report } from '../report/types.js'

/**
 * One entry of a `gold.json` in the format of `../shared/eval/real` (published works as real
 * tools write them): chapters with their titles, scene counts and body words, and where the body
 * starts and ends. `openings` (the first words of each scene of a chapter) is optional: where a
 * gold file gives it, breaks are scored by place, not only by count.
 */
export interface RealGold {
  file: string
  format?: string
  title?: string | null
  author?: string | null
  words: number
  chapters: { title: string | null; scenes: number; words?: number; openings?: string[] }[]
  front_matter?: unknown[] | null
  back_matter?: unknown[] | null
  first_body_text?: string
  last_body_text?: string
}

/** A scene break we found, with whether the gold puts a break there. */
export interface ScoredBreak {
  confidence: number
  weak: boolean
  kind: string
  right: boolean
  opening: string
}

export interface RealScore {
  file: string
  chaptersFound: number
  chaptersGold: number
  /** Chapters whose title matches the gold's, in order. */
  titlesMatched: number
  /** Count and every title right. */
  chaptersRight: boolean
  /** Every matched chapter has the gold's number of scenes. */
  scenesPerChapterRight: boolean
  scenesFound: number
  scenesGold: number
  scenesRight: number
  precision: number
  recall: number
  f1: number
  words: number
  goldWords: number
  wordsWithin1: boolean
  /** The story's first and last words are the gold body's (no matter read as story, no story read as matter). */
  startRight: boolean
  endRight: boolean
  frontMatterFound: boolean
  backMatterFound: boolean
  /** Every scene break found between scenes of a chapter (chapter starts left out). */
  breaks: ScoredBreak[]
  /** Breaks the gold has inside chapters. */
  goldBreaks: number
  problems: string[]
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r))

/** A title for comparison: case, quotes, dashes, spacing and closing punctuation set aside. */
export function titleKey(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\s.:;,—–-]+$/u, '')
    .trim()
}

/** The first six words of a text, lower-cased, for matching scene openings across renderings. */
export function openingOf(text: string, n = 6): string {
  return (text.replace(/[’‘]/g, "'").match(WORD) ?? []).slice(0, n).join(' ').toLowerCase()
}

const lastWords = (text: string, n = 6) => (text.replace(/[’‘]/g, "'").match(WORD) ?? []).slice(-n).join(' ').toLowerCase()

function titleMatches(ours: { title: string | null; subtitle: string | null }, gold: string | null): boolean {
  const g = titleKey(gold)
  const t = titleKey(ours.title)
  if (t === g) return true
  // A heading over its subtitle may be given as one title, joined by a colon or a space.
  if (ours.subtitle && (titleKey(`${ours.title}: ${ours.subtitle}`) === g || titleKey(`${ours.title} ${ours.subtitle}`) === g || titleKey(ours.subtitle) === g)) return true
  return false
}

/** Longest common subsequence of our chapters and the gold's by title: pairs of indexes. */
function alignChapters(ours: Report['chapters'], gold: RealGold['chapters']): [number, number][] {
  const n = ours.length
  const m = gold.length
  if (n === m) return ours.map((_, i) => [i, i])
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = titleMatches(ours[i]!, gold[j]!.title) ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!)
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (titleMatches(ours[i]!, gold[j]!.title)) pairs.push([i++, j++])
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++
    else j++
  }
  return pairs
}

/**
 * Score a report's structure against a real-document gold entry. Scenes are matched within
 * aligned chapters: a chapter's first scene by the chapter, each later one by its opening words
 * where the gold (or `breakOpenings`, the break openings of the same book's source edition) says
 * where breaks fall, else by count. `weakBelow` is the confidence under which a break is weak.
 */
export function scoreReal(report: Report, gold: RealGold, breakOpenings: ReadonlySet<string> | null = null): RealScore {
  const text = report.text ?? ''
  const problems: string[] = []
  const pairs = alignChapters(report.chapters, gold.chapters)
  const titlesMatched = pairs.filter(([i, j]) => titleMatches(report.chapters[i]!, gold.chapters[j]!.title)).length
  const chaptersRight = report.chapters.length === gold.chapters.length && titlesMatched === gold.chapters.length
  if (report.chapters.length !== gold.chapters.length) problems.push(`chapters: ${report.chapters.length} found, ${gold.chapters.length} in the gold`)
  for (const [i, j] of pairs) {
    if (!titleMatches(report.chapters[i]!, gold.chapters[j]!.title)) problems.push(`chapter ${j + 1}: title "${report.chapters[i]!.title}" for "${gold.chapters[j]!.title}"`)
  }
  const matchedOurs = new Set(pairs.map(([i]) => i))
  const matchedGold = new Set(pairs.map(([, j]) => j))
  for (const [i, c] of report.chapters.entries()) if (!matchedOurs.has(i)) problems.push(`extra chapter "${c.title}" (${c.scenes.length} scenes, ${c.words} words)`)
  for (const [j, c] of gold.chapters.entries()) if (!matchedGold.has(j)) problems.push(`missed chapter "${c.title}"`)

  const breaks: ScoredBreak[] = []
  let scenesRight = 0
  let perChapterRight = true
  for (const [i, c] of report.chapters.entries()) {
    const j = pairs.find(([a]) => a === i)?.[1]
    const g = j === undefined ? null : gold.chapters[j]!
    const goldOpenings = g?.openings ? new Set(g.openings.slice(1).map((o) => openingOf(o))) : null
    let right = 0
    for (const [k, si] of c.scenes.entries()) {
      const s = report.scenes[si]!
      if (k === 0) {
        if (g) right++
        continue
      }
      const opening = openingOf(text.slice(s.start, Math.min(s.end, s.start + 400)))
      let ok: boolean
      if (!g) ok = false
      else if (goldOpenings) ok = goldOpenings.has(opening)
      else if (breakOpenings && g.scenes > 1) ok = breakOpenings.has(opening)
      else if (breakOpenings) ok = false
      else ok = k < g.scenes
      breaks.push({ confidence: s.break.confidence, weak: s.break.weak ?? false, kind: s.break.kind, right: ok, opening })
      if (ok) right++
    }
    if (g) {
      scenesRight += Math.min(right, g.scenes)
      if (c.scenes.length !== g.scenes) {
        perChapterRight = false
        problems.push(`chapter "${c.title}": ${c.scenes.length} scenes, ${g.scenes} in the gold`)
      }
    }
  }
  const scenesFound = report.scenes.length
  const scenesGold = gold.chapters.reduce((a, c) => a + c.scenes, 0)
  const precision = scenesFound ? scenesRight / scenesFound : 0
  const recall = scenesGold ? scenesRight / scenesGold : 1
  const words = report.totals.words
  const wordsWithin1 = Math.abs(words - gold.words) <= gold.words * 0.01
  if (!wordsWithin1) problems.push(`words: ${words} against ${gold.words} (${(((words - gold.words) / gold.words) * 100).toFixed(1)}%)`)
  const first = report.scenes[0]
  const last = report.scenes[report.scenes.length - 1]
  const startRight = !gold.first_body_text || (first !== undefined && openingOf(text.slice(first.start, first.start + 300), 5) === openingOf(gold.first_body_text, 5))
  const endRight = !gold.last_body_text || (last !== undefined && lastWords(text.slice(Math.max(last.start, last.end - 300), last.end), 5) === lastWords(gold.last_body_text, 5))
  if (!startRight) problems.push(`story starts at "${first ? text.slice(first.start, first.start + 60).replace(/\s+/g, ' ') : ''}"`)
  if (!endRight) problems.push(`story ends at "${last ? text.slice(Math.max(last.start, last.end - 60), last.end).replace(/\s+/g, ' ') : ''}"`)
  return {
    file: gold.file,
    chaptersFound: report.chapters.length,
    chaptersGold: gold.chapters.length,
    titlesMatched,
    chaptersRight,
    scenesPerChapterRight: perChapterRight && chaptersRight,
    scenesFound,
    scenesGold,
    scenesRight,
    precision,
    recall,
    f1: f1(precision, recall),
    words,
    goldWords: gold.words,
    wordsWithin1,
    startRight,
    endRight,
    frontMatterFound: !(gold.front_matter?.length) || report.frontMatter !== null,
    backMatterFound: !(gold.back_matter?.length) || report.endMatter !== null,
    breaks,
    goldBreaks: gold.chapters.reduce((a, c) => a + Math.max(0, c.scenes - 1), 0),
    problems,
  }
}

export interface Calibration {
  bands: { band: string; breaks: number; right: number; precision: number }[]
  /** Right breaks at confidence ≥ 0.8 over all gold breaks inside chapters. */
  recallAt08: number
  goldBreaks: number
}

/** How often breaks are right per confidence band (≥ 0.8, 0.5–0.8, < 0.5), and the recall at ≥ 0.8. */
export function calibrate(scores: RealScore[]): Calibration {
  const all = scores.flatMap((s) => s.breaks)
  const band = (lo: number, hi: number, name: string) => {
    const in_ = all.filter((b) => b.confidence >= lo && b.confidence < hi)
    const right = in_.filter((b) => b.right).length
    return { band: name, breaks: in_.length, right, precision: in_.length ? right / in_.length : NaN }
  }
  const goldBreaks = scores.reduce((a, s) => a + s.goldBreaks, 0)
  const strongRight = all.filter((b) => b.confidence >= 0.8 && b.right).length
  return {
    bands: [band(0.8, Infinity, '≥ 0.8'), band(0.5, 0.8, '0.5–0.8'), band(-Infinity, 0.5, '< 0.5')],
    recallAt08: goldBreaks ? strongRight / goldBreaks : NaN,
    goldBreaks,
  }
}

/** Micro-averaged scene scores and the file-level rates over a gold set. */
export function totalReal(scores: RealScore[]) {
  const tp = scores.reduce((a, s) => a + s.scenesRight, 0)
  const found = scores.reduce((a, s) => a + s.scenesFound, 0)
  const gold = scores.reduce((a, s) => a + s.scenesGold, 0)
  const precision = found ? tp / found : 0
  const recall = gold ? tp / gold : 1
  return {
    files: scores.length,
    precision,
    recall,
    f1: f1(precision, recall),
    chaptersRight: scores.filter((s) => s.chaptersRight).length,
    scenesPerChapterRight: scores.filter((s) => s.scenesPerChapterRight).length,
    wordsWithin1: scores.filter((s) => s.wordsWithin1).length,
    startRight: scores.filter((s) => s.startRight).length,
    endRight: scores.filter((s) => s.endRight).length,
    calibration: calibrate(scores),
  }
}
