import type { Annotated, AnnotatedScene } from '../annotate/index.js'
import { openingWords } from '../annotate/words.js'
import { combine, countsOf, type Counts } from '../measure/counts.js'
import { measureAll } from '../measure/registry.js'
import { pov, type PovMeasure } from '../measure/pov.js'
import { plain } from '../measure/head-hops.js'
import { followedGender, genderOf, viewpointCharacter } from '../measure/characters.js'
import { firstNameWord, type Gender } from '../annotate/genders.js'
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
  const sceneCounts: Counts[] = []
  // The genders narration gives its names, over the whole story: head-hopping reads he and she by them.
  const genders = annotated.genders
  // Each scene's he or she before any name goes on with whom the story followed last.
  const carried: Record<Gender, string | null> = { he: null, she: null }
  const scenes: SceneReport[] = []
  for (const s of annotated.scenes) {
    const c = countsOf(s, m.text, annotated.tokens, genders, annotated.cast, carried)
    const r = sceneReport(m.text, s, c)
    sceneCounts.push(c)
    scenes.push(r)
    carryOn(r, c, carried)
  }
  const chapters: ChapterReport[] = []
  for (const c of m.chapters) chapters.push(chapterReport(c, sceneCounts))
  resolveCharacters(scenes, sceneCounts)
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
 * Who a scene follows is partly the work's, not only the scene's. A first-person scene that
 * never says the narrator's name takes the name others call the narrator by elsewhere in the
 * work. A third-person scene in which the work's protagonist (the name third-person narration
 * follows most over the work) appears follows the protagonist: the focal character is mostly
 * "she" or "he", while the people around them are named.
 */
function resolveCharacters(scenes: SceneReport[], counts: Counts[]): void {
  for (const person of ['first', 'third'] as const) {
    const own = scenes.filter((s): s is SceneReport & { pov: PovMeasure } => s.pov?.dominant === person)
    if (own.length === 0) continue
    const work = pov(combine(own.map((s) => counts[s.index]!)))
    const name = work.dominant === person ? work.character : null
    if (name === null) continue
    for (const s of own) {
      if (person === 'first') s.pov.character ??= name
      else if (mentioned(counts[s.index]!, name) && genderFits(counts[s.index]!, name) && !followsAnother(counts[s.index]!, name)) s.pov.character = name
    }
  }
  // A third-person scene that names no one of its he's or she's gender ("She didn't sleep. The
  // bed in her old room…"; a she among named men) follows that he or she: the character of that
  // gender the story followed last, else (before the story names them: "The piano at the back of
  // the Linden is out of tune. She…") the one it follows next.
  followOn(scenes, counts)
  followOn([...scenes].reverse(), counts)
}

/** The scene's thinking and perceiving is plainly another's than the protagonist's (see plain). */
function followsAnother(c: Counts, name: string): boolean {
  const seen = viewpointCharacter(c)
  if (seen === null || seen === name) return false
  const paragraphs = (n: string) => {
    const ch = c.cast.find((x) => x.name === n)
    // The reading names people by their name's first word after any title ("Leonie" for "Leonie Marsh", "Farrant" for "Mrs Farrant").
    const forms = new Set([n, ...(ch?.aliases ?? [])].flatMap((f) => [f, firstNameWord(f)]))
    return Math.max(0, ...[...forms].map((f) => c.viewpointParagraphs.get(f) ?? 0))
  }
  return genderOf(c, seen) === genderOf(c, name) ? paragraphs(seen) > paragraphs(name) : plain(paragraphs(seen), paragraphs(name))
}

/** Who a third-person scene follows becomes the one its gender's he or she goes on with, by the first word of their name (as the viewpoint reading names people). */
function carryOn({ pov }: SceneReport, c: Counts, carried: Record<Gender, string | null>): void {
  if (pov?.dominant !== 'third' || pov.character === null) return
  const g = genderOf(c, pov.character)
  if (g !== null) carried[g] = firstNameWord(pov.character)
}

/** Give each third-person scene that names no one of its he's or she's gender the character of that gender met last in this order. */
function followOn(order: readonly SceneReport[], counts: Counts[]): void {
  const held: Record<Gender, string | null> = { he: null, she: null }
  for (const s of order) {
    const c = counts[s.index]!
    if (s.pov?.dominant !== 'third') continue
    const want = c.viewpointGender ?? followedGender(c)
    if (s.pov.character === null && want !== null && held[want] !== null && !namesAnyoneOf(c, want)) s.pov.character = held[want]
    const g = s.pov.character === null ? null : genderOf(c, s.pov.character)
    if (g !== null) held[g] = s.pov.character
  }
}

/** Anyone of the cast of that gender is mentioned in the span. */
const namesAnyoneOf = (c: Counts, gender: Gender): boolean => [...c.characters].some(([i, t]) => t.mentions > 0 && c.cast[i]?.gender === gender)

/** Each scene's position: the share of the story's words before it (0 for a story with no words). */
function placeScenes(scenes: SceneReport[], words: number): void {
  let before = 0
  for (const s of scenes) {
    s.position = words > 0 ? Math.round((before / words) * 10_000) / 10_000 : 0
    before += s.words
  }
}

/** The character of that name is mentioned in the span (by any of their names). */
function mentioned(c: Counts, name: string): boolean {
  const index = c.cast.findIndex((x) => x.name === name)
  return index >= 0 ? (c.characters.get(index)?.mentions ?? 0) > 0 : (c.names.get(name) ?? 0) > 0
}

/** The work's protagonist follows a scene only where the scene's he or she is theirs (or unknown). */
function genderFits(c: Counts, name: string): boolean {
  const g = genderOf(c, name)
  // Thinking and perceiving plainly a she's or a he's: only a protagonist known to be one.
  if (c.viewpointGender !== null) return g === c.viewpointGender
  const want = followedGender(c)
  return want === null || g === null || g === want
}

function matterReport(text: string, matter: Matter | null): MatterReport | null {
  if (!matter) return null
  return { start: matter.start, end: matter.end, text: text.slice(matter.start, matter.end), fields: matter.fields }
}
