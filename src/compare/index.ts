import { WORD } from '../annotate/words.js'
import { sceneFigures, type SceneFigures } from '../report/figures.js'
import { shownSlips } from '../measure/tense.js'
import type { Report, SceneReport } from '../report/types.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { partsOf, type Part } from './parts.js'

export type { Part, PartChange, PartSide } from './parts.js'

/** Below this similarity two scenes are different scenes, not versions of one. */
export const MATCH_FROM = 0.2
/** A scene found out of order must be at least this similar to count as moved. */
export const MOVED_FROM = 0.35

/** One scene as a comparison shows it: its place (0-based), where its text lies, and its figures. */
export interface SceneSide extends SceneFigures {
  index: number
  chapter: number
  /** `[start, end)` of the scene in its version's `text`. */
  start: number
  end: number
  /** Where the scene lies in its version's story: the share (0..1) of the scenes' words before it, and up to its end. */
  from: number
  to: number
}

/** A scene of the old version matched with one of the new, or left alone (added, cut). */
export interface ScenePair {
  old: SceneSide | null
  new: SceneSide | null
  /** 0..1: how much of the text the two versions share (Dice over word pairs); null when unmatched. */
  similarity: number | null
  status: 'kept' | 'moved' | 'added' | 'cut'
  /** new minus old, for kept and moved scenes. */
  change: {
    words: number
    meanSentence: number | null
    dialogueShare: number | null
    slips: number
    tense: boolean
    pov: boolean
  } | null
}

export interface VersionSummary {
  path: string | null
  title: string | null
  sha256: string
  words: number
  scenes: number
  chapters: number
  meanSentence: number | null
  dialogueShare: number | null
  tense: string | null
  pov: string | null
  /** Tense slips shown; null for a work not in English, where tense is not measured. */
  slips: number | null
  /** The version's normalised text, which its scenes' offsets refer to (left out with `includeText: false`). */
  text?: string
}

/** Two versions of a story set side by side. */
export interface Comparison {
  kind: 'proselens-comparison'
  comparisonVersion: 1
  tool: { name: string; version: string }
  old: VersionSummary
  new: VersionSummary
  /** The story in parts, old beside new: `beginning`, `middle`, `end`, then its chapters. */
  parts: Part[]
  pairs: ScenePair[]
}

export interface CompareOptions {
  /** Keep each version's text in the comparison, so the page can show the scenes' text (default true). */
  includeText?: boolean
}

const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits)
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round(b - a))

/** Each scene's `[from, to]` share of its version's scene words (all 0 for a version with none). */
function positions(r: Report): [number, number][] {
  const total = r.scenes.reduce((n, s) => n + s.words, 0)
  let before = 0
  return r.scenes.map((s) => {
    const at: [number, number] = total === 0 ? [0, 0] : [round(before / total)!, round((before + s.words) / total)!]
    before += s.words
    return at
  })
}

function side(r: Report, s: SceneReport, at: readonly [number, number][]): SceneSide {
  return { index: s.index, chapter: s.chapter, start: s.start, end: s.end, from: at[s.index]![0], to: at[s.index]![1], ...sceneFigures(r, s) }
}

function summary(r: Report, includeText: boolean): VersionSummary {
  const out: VersionSummary = {
    path: r.source.path,
    title: r.meta.title,
    sha256: r.source.sha256,
    words: r.totals.words,
    scenes: r.scenes.length,
    chapters: r.chapters.length,
    meanSentence: r.totals.sentenceLength.mean,
    dialogueShare: r.totals.dialogue.share,
    tense: r.totals.tense?.dominant ?? null,
    pov: r.totals.pov?.dominant ?? null,
    slips: r.totals.tense ? shownSlips(r.totals.tense).length : null,
  }
  if (includeText) out.text = r.text!
  return out
}

/** The set of a scene's word pairs (lower case), its fingerprint for matching. */
function fingerprint(text: string, s: SceneReport): Set<string> {
  const words = text.slice(s.start, s.end).toLowerCase().match(new RegExp(WORD.source, 'gv')) ?? []
  const out = new Set<string>()
  if (words.length === 1) out.add(words[0]!)
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`)
  return out
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size < b.size ? [a, b] : [b, a]
  let shared = 0
  for (const x of small) if (large.has(x)) shared++
  return (2 * shared) / (a.size + b.size)
}

/**
 * Match the scenes of two versions of a story and measure how each changed. Scenes are matched
 * in story order by the word pairs they share (an alignment that maximises total similarity, so
 * a rewritten scene still finds its earlier self); a scene that moved is matched afterwards;
 * what is left was added or cut. Both reports must include their text. The story is also set
 * out in parts (`partsOf`): its thirds, and its chapters where it has more than one.
 */
export function compareReports(oldReport: Report, newReport: Report, options: CompareOptions = {}): Comparison {
  const includeText = options.includeText ?? true
  const oldAt = positions(oldReport)
  const newAt = positions(newReport)
  if (oldReport.text === undefined || newReport.text === undefined) throw new Error('compareReports needs reports with their text (includeText)')
  const a = oldReport.scenes.map((s) => fingerprint(oldReport.text!, s))
  const b = newReport.scenes.map((s) => fingerprint(newReport.text!, s))
  const n = a.length
  const m = b.length
  const sim: number[][] = a.map((x) => b.map((y) => dice(x, y)))
  // Alignment in order: best[i][j] = best total similarity of old[i..] against new[j..].
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim[i]![j]!
      const take = s >= MATCH_FROM ? s + best[i + 1]![j + 1]! : -Infinity
      best[i]![j] = Math.max(take, best[i + 1]![j]!, best[i]![j + 1]!)
    }
  }
  const matchOf = new Map<number, number>()
  let i = 0
  let j = 0
  while (i < n && j < m) {
    const s = sim[i]![j]!
    if (s >= MATCH_FROM && best[i]![j] === s + best[i + 1]![j + 1]!) {
      matchOf.set(i, j)
      i++
      j++
    } else if (best[i]![j] === best[i + 1]![j]) i++
    else j++
  }
  // Scenes that moved: the surest remaining pairs, out of order.
  const usedNew = new Set(matchOf.values())
  const moved = new Map<number, number>()
  const candidates: [number, number, number][] = []
  for (let x = 0; x < n; x++) {
    if (matchOf.has(x)) continue
    for (let y = 0; y < m; y++) if (!usedNew.has(y) && sim[x]![y]! >= MOVED_FROM) candidates.push([sim[x]![y]!, x, y])
  }
  candidates.sort((p, q) => q[0] - p[0])
  for (const [, x, y] of candidates) {
    if (moved.has(x) || usedNew.has(y)) continue
    moved.set(x, y)
    usedNew.add(y)
  }

  const pair = (x: number, y: number, status: 'kept' | 'moved'): ScenePair => {
    const o = side(oldReport, oldReport.scenes[x]!, oldAt)
    const w = side(newReport, newReport.scenes[y]!, newAt)
    return {
      old: o,
      new: w,
      similarity: round(sim[x]![y]!, 3),
      status,
      change: {
        words: w.words - o.words,
        meanSentence: diff(o.meanSentence, w.meanSentence),
        dialogueShare: diff(o.dialogueShare, w.dialogueShare),
        slips: (w.slips ?? 0) - (o.slips ?? 0),
        tense: o.tense !== w.tense,
        pov: o.pov !== w.pov,
      },
    }
  }
  // In the new version's order, cut scenes placed where they stood in the old one.
  const pairs: ScenePair[] = []
  const oldOfNew = new Map<number, [number, 'kept' | 'moved']>()
  for (const [x, y] of matchOf) oldOfNew.set(y, [x, 'kept'])
  for (const [x, y] of moved) oldOfNew.set(y, [x, 'moved'])
  let nextOld = 0
  const flushCut = (upTo: number) => {
    for (; nextOld < upTo; nextOld++) {
      if (!matchOf.has(nextOld) && !moved.has(nextOld)) pairs.push({ old: side(oldReport, oldReport.scenes[nextOld]!, oldAt), new: null, similarity: null, status: 'cut', change: null })
    }
  }
  for (let y = 0; y < m; y++) {
    const found = oldOfNew.get(y)
    if (found && found[1] === 'kept') flushCut(found[0] + 1)
    pairs.push(found ? pair(found[0], y, found[1]) : { old: null, new: side(newReport, newReport.scenes[y]!, newAt), similarity: null, status: 'added', change: null })
  }
  flushCut(n)
  return {
    kind: 'proselens-comparison',
    comparisonVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    old: summary(oldReport, includeText),
    new: summary(newReport, includeText),
    parts: partsOf(oldReport, newReport, pairs),
    pairs,
  }
}
