import type { Annotated, AnnotatedScene } from '../annotate/index.js'
import { openingWords } from '../annotate/words.js'
import { combine, countsOf, type Counts } from '../measure/counts.js'
import { measureAll } from '../measure/registry.js'
import { dominantPerson, pov, type PovMeasure } from '../measure/pov.js'
import { narrationOf } from '../measure/embedded.js'
import { genderOf } from '../measure/characters.js'
import { firstNameWord, type Gender } from '../annotate/genders.js'
import { chooseViewpoints } from '../measure/viewpoint-model.js'
import type { Chapter, Diagnostic, Matter } from '../types.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { SCHEMA_VERSION, type ChapterReport, type MatterReport, type Report, type SceneReport } from './types.js'

export interface ReportOptions {
  /** Embed the normalised text in the report (default true). */
  includeText?: boolean
}

// Module functions, not per-work closures: see "Hot code" in docs/ARCHITECTURE.md.

function sceneReport(text: string, { scene, sentences }: AnnotatedScene, counts: Counts): SceneReport {
  const paragraphSpans: [number, number][] = []
  for (const p of scene.paragraphs) paragraphSpans.push([p.start, p.end])
  const sentenceSpans: [number, number, number, number][] = []
  for (const s of sentences) sentenceSpans.push([s.start, s.end, s.words, s.words - s.narrationWords])
  return {
    index: scene.index,
    number: scene.index + 1,
    chapter: scene.chapter,
    position: 0,
    start: scene.start,
    end: scene.end,
    break: { kind: scene.breakBefore.kind, marker: scene.breakBefore.marker, confidence: scene.breakBefore.confidence, weak: scene.breakBefore.weak ?? false },
    opening: openingWords(text, scene.start, scene.end),
    meta: scene.meta ?? null,
    ...measureAll(counts),
    paragraphSpans,
    sentenceSpans,
  }
}

function chapterReport(c: Chapter, sceneCounts: Counts[]): ChapterReport {
  const scenes: number[] = []
  const counts: Counts[] = []
  for (const s of c.scenes) {
    scenes.push(s.index)
    counts.push(sceneCounts[s.index]!)
  }
  return {
    index: c.index,
    number: c.index + 1,
    title: c.title,
    part: c.part,
    subtitle: c.subtitle,
    start: c.start,
    end: c.end,
    heading: c.heading ? { start: c.heading.start, end: c.heading.end } : null,
    language: c.language ?? null,
    scenes,
    ...measureAll(combine(counts)),
  }
}

/** Measure every scene, chapter and the whole work, and assemble the JSON report. */
export function buildReport(annotated: Annotated, options: ReportOptions = {}): Report {
  const { manuscript: m } = annotated
  const { counts: sceneCounts, scenes } = measureScenes(annotated)
  const chapters: ChapterReport[] = []
  for (const c of m.chapters) chapters.push(chapterReport(c, sceneCounts))
  const totals = measureAll(combine(sceneCounts))
  placeScenes(scenes, totals.words)
  const claimed = claimedWordsDiagnostic(m.meta.claimedWords, totals.words)
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    source: { path: m.source.path ?? null, format: m.source.format, encoding: m.source.encoding, bytes: m.source.bytes, sha256: m.source.sha256 },
    meta: m.meta,
    frontMatter: matterReport(m.text, m.frontMatter),
    endMatter: matterReport(m.text, m.endMatter),
    layout: m.layout,
    totals,
    chapters,
    scenes,
    quoteConvention: annotated.quoteConvention,
    diagnostics: capDiagnostics(claimed ? [...m.diagnostics, claimed] : m.diagnostics),
  }
  if (options.includeText !== false) report.text = m.text
  return report
}

/**
 * Every scene's counts and report. Each scene's he or she before any name goes on with whom the
 * scene before followed (by the scene's own reading, see `followed`); once all are measured, the
 * viewpoint scorer (src/measure/viewpoint-model.ts) chooses whom each third-person scene follows,
 * over the whole story, and first-person scenes take the narrator's name the work gives.
 */
export function measureScenes(annotated: Annotated): { counts: Counts[]; scenes: SceneReport[] } {
  const { manuscript: m } = annotated
  const counts: Counts[] = []
  const carried: Record<Gender, string | null> = { he: null, she: null }
  const scenes: SceneReport[] = []
  for (const s of annotated.scenes) {
    const c = countsOf(s, m.text, annotated.tokens, annotated.genders, annotated.cast, carried)
    const r = sceneReport(m.text, s, c)
    counts.push(c)
    scenes.push(r)
    carryOn(r, c, carried)
  }
  keepNarratorsPerson(scenes, counts)
  nameNarrators(scenes, counts)
  const third = scenes.map((s) => s.pov?.dominant === 'third')
  const chosen = chooseViewpoints(counts, third)
  scenes.forEach((s, i) => {
    const k = chosen[i]
    if (s.pov && third[i] && !s.pov.embedded) s.pov.character = k === null || k === undefined ? null : (annotated.cast.characters[k]?.name ?? null)
  })
  return { counts, scenes }
}

/** At most this many diagnostics of one code are listed; the rest are counted in one more. */
export const MAX_DIAGNOSTICS_PER_CODE = 50

/** Keep a report readable (and small) when a hostile text raises the same note thousands of times. */
function capDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>()
  const out: Diagnostic[] = []
  for (const d of list) {
    const n = (seen.get(d.code) ?? 0) + 1
    seen.set(d.code, n)
    if (n <= MAX_DIAGNOSTICS_PER_CODE) out.push(d)
  }
  for (const [code, n] of seen) {
    if (n > MAX_DIAGNOSTICS_PER_CODE) out.push({ severity: 'info', code, message: `${(n - MAX_DIAGNOSTICS_PER_CODE).toLocaleString('en-US')} more notes like the ones above (${code}) are not listed.` })
  }
  return out
}

/** The work's own word count against ours: a note when they differ by more than this share. */
const CLAIMED_WORDS_TOLERANCE = 0.02

function claimedWordsDiagnostic(claimed: unknown, counted: number): Diagnostic | null {
  if (typeof claimed !== 'number' || claimed <= 0) return null
  const diff = (counted - claimed) / claimed
  if (Math.abs(diff) <= CLAIMED_WORDS_TOLERANCE) return null
  const f = (n: number) => n.toLocaleString('en-US')
  return {
    severity: 'info',
    code: 'word-count-differs',
    message: `The work states ${f(claimed)} words; proselens counts ${f(counted)} (${Math.abs(diff * 100).toFixed(1)}% ${diff < 0 ? 'fewer' : 'more'}). Archives count words their own way, and notes or headings may be counted there.`,
  }
}

/**
 * A scene read as second person in a story told mostly in the first, whose "I" is as frequent as
 * a first-person scene's, is the narrator's too: they tell that scene to a "you" beside them ("You
 * are asleep when I get up. I leave you a note…").
 */
function keepNarratorsPerson(scenes: SceneReport[], counts: Counts[]): void {
  const second = scenes.filter((s): s is SceneReport & { pov: PovMeasure } => s.pov?.dominant === 'second' && !s.pov.embedded)
  if (second.length === 0 || scenes.filter((s) => s.pov?.dominant === 'first').length <= second.length) return
  for (const s of second) {
    // Its person with "you" set aside.
    const { pronouns, narrationWords } = narrationOf(counts[s.index]!)
    if (dominantPerson({ ...pronouns, second: 0 }, narrationWords) === 'first') s.pov.dominant = 'first'
  }
}

/**
 * A first-person scene that never says the narrator's name takes the name others call the
 * narrator by elsewhere in the work.
 */
function nameNarrators(scenes: SceneReport[], counts: Counts[]): void {
  const own = scenes.filter((s): s is SceneReport & { pov: PovMeasure } => s.pov?.dominant === 'first')
  if (own.length === 0) return
  const work = pov(combine(own.map((s) => counts[s.index]!)))
  const name = work.dominant === 'first' ? work.character : null
  if (name !== null) for (const s of own) s.pov.character ??= name
}

/** Who a third-person scene follows becomes the one its gender's he or she goes on with, by the first word of their name (as the viewpoint reading names people). */
function carryOn({ pov }: SceneReport, c: Counts, carried: Record<Gender, string | null>): void {
  if (pov?.dominant !== 'third' || pov.character === null) return
  const g = genderOf(c, pov.character)
  if (g !== null) carried[g] = firstNameWord(pov.character)
}

/** Each scene's position: the share of the story's words before it (0 for a story with no words). */
function placeScenes(scenes: SceneReport[], words: number): void {
  let before = 0
  for (const s of scenes) {
    s.position = words > 0 ? Math.round((before / words) * 10_000) / 10_000 : 0
    before += s.words
  }
}

function matterReport(text: string, matter: Matter | null): MatterReport | null {
  if (!matter) return null
  return { start: matter.start, end: matter.end, text: text.slice(matter.start, matter.end), fields: matter.fields }
}
