// The story in parts, old beside new: its beginning, middle and end thirds, then its chapters, so
// "did the middle get faster?" is one row of a comparison.
import { READING_WPM } from '../measure/registry.js'
import type { Report, SceneReport } from '../report/types.js'
import type { ScenePair } from './index.js'

/** A part of one version: whole scenes, and their figures taken together. */
export interface PartSide {
  words: number
  /** At the report's own reading speed (`READING_WPM`), to one decimal. */
  readingMinutes: number
  scenes: number
  /** The part's words ÷ its sentences; null when it has no sentence. */
  meanSentenceLength: number | null
  /** Words in dialogue ÷ the part's words; null when it has no words. */
  dialogueShare: number | null
  /** Indexes (from 0) of the part's first and last scenes; null when it holds none. */
  firstScene: number | null
  lastScene: number | null
}

/** new − old of each figure of a part (null where a side's figure is). */
export interface PartChange {
  words: number
  readingMinutes: number
  scenes: number
  meanSentenceLength: number | null
  dialogueShare: number | null
}

/** One part of the story in both versions: `beginning`, `middle`, `end`, or a chapter. */
export interface Part {
  name: string
  /** null when the version has no such part (a chapter only the other version has). */
  old: PartSide | null
  new: PartSide | null
  change: PartChange | null
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits
const sub = (a: number | null, b: number | null) => (a === null || b === null ? null : round(b - a))

/** The figures of scenes taken together (not a mean of their means). */
export function partSide(scenes: readonly SceneReport[]): PartSide {
  let words = 0
  let sentences = 0
  let dialogue = 0
  for (const s of scenes) {
    words += s.words
    sentences += s.sentences
    dialogue += s.dialogue.words
  }
  return {
    words,
    readingMinutes: Math.round((words / READING_WPM) * 10) / 10,
    scenes: scenes.length,
    meanSentenceLength: sentences === 0 ? null : round(words / sentences),
    dialogueShare: words === 0 ? null : round(dialogue / words),
    firstScene: scenes.length ? scenes[0]!.index : null,
    lastScene: scenes.length ? scenes[scenes.length - 1]!.index : null,
  }
}

function change(o: PartSide | null, n: PartSide | null): PartChange | null {
  if (o === null || n === null) return null
  return {
    words: n.words - o.words,
    readingMinutes: round(n.readingMinutes - o.readingMinutes, 1),
    scenes: n.scenes - o.scenes,
    meanSentenceLength: sub(o.meanSentenceLength, n.meanSentenceLength),
    dialogueShare: sub(o.dialogueShare, n.dialogueShare),
  }
}

/** The boundary (0..n, before scene k) whose share of the words lies nearest `target`, within [from, to]. */
function nearestBoundary(before: readonly number[], target: number, from: number, to: number): number {
  let best = from
  for (let k = from + 1; k <= to; k++) if (Math.abs(before[k]! - target) < Math.abs(before[best]! - target)) best = k
  return best
}

/**
 * Where a version's middle and end start: the scene boundaries nearest a third and two thirds of
 * its words, so each part is whole scenes. With three scenes or more every part holds at least
 * one; with fewer, the cuts fall at the nearest boundaries all the same, so a part may be empty
 * (one scene is all middle; two of like length are a beginning and an end).
 */
export function thirdsOf(scenes: readonly { words: number }[]): [middle: number, end: number] {
  const n = scenes.length
  const before = [0]
  for (const s of scenes) before.push(before[before.length - 1]! + s.words)
  const total = before[n]!
  if (n < 3) {
    const middle = nearestBoundary(before, total / 3, 0, n)
    return [middle, nearestBoundary(before, (2 * total) / 3, middle, n)]
  }
  const middle = nearestBoundary(before, total / 3, 1, n - 2)
  return [middle, nearestBoundary(before, (2 * total) / 3, middle + 1, n - 1)]
}

function thirds(r: Report): [PartSide, PartSide, PartSide] {
  const [middle, end] = thirdsOf(r.scenes)
  return [partSide(r.scenes.slice(0, middle)), partSide(r.scenes.slice(middle, end)), partSide(r.scenes.slice(end))]
}

const titleKey = (t: string | null) => (t === null ? null : t.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase() || null)

/**
 * The chapters of two versions matched in story order: `[old, new]` indexes, null on the side
 * that lacks the chapter. Two chapters match by the words of the matched scenes they share, a
 * same title tipping a tie (and matching chapters whose scenes were all rewritten); chapters left
 * between two matches are paired in order, the rest stand alone.
 */
export function matchChapters(oldReport: Report, newReport: Report, pairs: readonly ScenePair[]): [number | null, number | null][] {
  const n = oldReport.chapters.length
  const m = newReport.chapters.length
  const score: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(0))
  for (const p of pairs) if (p.old && p.new) score[p.old.chapter]![p.new.chapter]! += Math.min(p.old.words, p.new.words)
  for (let i = 0; i < n; i++) {
    const a = titleKey(oldReport.chapters[i]!.title)
    for (let j = 0; j < m; j++) if (a !== null && a === titleKey(newReport.chapters[j]!.title)) score[i]![j]! += 1
  }
  // best[i][j]: the most score an in-order matching of old[i..] with new[j..] can gather.
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score[i]![j]!
      best[i]![j] = Math.max(s > 0 ? s + best[i + 1]![j + 1]! : 0, best[i + 1]![j]!, best[i]![j + 1]!)
    }
  }
  const anchors: [number, number][] = []
  for (let i = 0, j = 0; i < n && j < m; ) {
    const s = score[i]![j]!
    if (s > 0 && best[i]![j] === s + best[i + 1]![j + 1]!) anchors.push([i++, j++])
    else if (best[i]![j] === best[i + 1]![j]) i++
    else j++
  }
  anchors.push([n, m])
  const out: [number | null, number | null][] = []
  let i = 0
  let j = 0
  for (const [x, y] of anchors) {
    // The chapters between the last match and this one: paired in order, the rest alone.
    while (i < x && j < y) out.push([i++, j++])
    while (i < x) out.push([i++, null])
    while (j < y) out.push([null, j++])
    if (x < n) out.push([i++, j++])
  }
  return out
}

/** A chapter's name in one version: its title, else "Chapter N". */
const nameIn = (r: Report, c: number) => r.chapters[c]!.title ?? `Chapter ${c + 1}`

/** A matched chapter's name: the new version's, with the old one's after it where it differs ("Chapter 2 (was Chapter 3)"). */
function chapterName(oldReport: Report, newReport: Report, [o, w]: [number | null, number | null]): string {
  const before = o === null ? null : nameIn(oldReport, o)
  if (w === null) return before!
  const now = nameIn(newReport, w)
  return before === null || before === now ? now : `${now} (was ${before})`
}

/**
 * The story in parts, old beside new: `beginning`, `middle` and `end` (each version cut into
 * thirds by its own words, at scene boundaries: see `thirdsOf`), then, where either version has
 * more than one chapter, its chapters matched across versions (see `matchChapters`), named by
 * title or "Chapter N" (see `chapterName`).
 */
export function partsOf(oldReport: Report, newReport: Report, pairs: readonly ScenePair[]): Part[] {
  const o = thirds(oldReport)
  const w = thirds(newReport)
  const parts: Part[] = (['beginning', 'middle', 'end'] as const).map((name, k) => ({ name, old: o[k]!, new: w[k]!, change: change(o[k]!, w[k]!) }))
  if (oldReport.chapters.length < 2 && newReport.chapters.length < 2) return parts
  const sideOf = (r: Report, c: number | null) => (c === null ? null : partSide(r.chapters[c]!.scenes.map((s) => r.scenes[s]!)))
  for (const match of matchChapters(oldReport, newReport, pairs)) {
    const a = sideOf(oldReport, match[0])
    const b = sideOf(newReport, match[1])
    parts.push({ name: chapterName(oldReport, newReport, match), old: a, new: b, change: change(a, b) })
  }
  return parts
}
