// The promises every report keeps, whatever its input: checked by the property tests on
// generated stories, and by other tests on the reports they make.
import { expect } from 'vitest'
import { countWords } from '../src/annotate/words.js'
import { isEnglish } from '../src/language/names.js'
import { validateReport } from '../src/index.js'
import type { Report } from '../src/report/types.js'

const inside = (r: Report, a: number, b: number) => Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= r.text!.length
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** Every number under a key named `share` or `…Share` lies in [0, 1]. */
function sharesOf(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) sharesOf(v, out)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'share' || k.endsWith('Share')) && v !== null) out.push(v as number)
      else sharesOf(v, out)
    }
  }
  return out
}

/** The promises a report keeps, whatever the input. Throws (an `expect`) on the first broken one. */
export function checkReport(r: Report): void {
  expect(validateReport(r)).toEqual([])
  const text = r.text!
  // Every span slices back inside the text.
  for (const m of [r.frontMatter, r.endMatter]) if (m) expect(inside(r, m.start, m.end) && text.slice(m.start, m.end) === m.text).toBe(true)
  for (const d of r.diagnostics) if (d.start !== undefined) expect(inside(r, d.start, d.end ?? d.start)).toBe(true)
  for (const c of r.chapters) {
    expect(inside(r, c.start, c.end)).toBe(true)
    if (c.heading) expect(inside(r, c.heading.start, c.heading.end)).toBe(true)
  }
  // Scenes tile the story in order, without overlap, inside their chapters, after the front
  // matter and before the end matter; paragraphs and sentences tile each scene the same way.
  let last = r.frontMatter?.end ?? 0
  for (const s of r.scenes) {
    expect(inside(r, s.start, s.end)).toBe(true)
    expect(s.start).toBeGreaterThanOrEqual(last)
    last = s.end
    const chapter = r.chapters[s.chapter]!
    expect(chapter.scenes).toContain(s.index)
    expect(s.start >= chapter.start && s.end <= chapter.end).toBe(true)
    let at = s.start
    for (const [a, b] of s.paragraphSpans) {
      expect(a >= at && a < b && b <= s.end).toBe(true)
      at = b
    }
    expect(s.paragraphSpans[0]![0]).toBe(s.start)
    expect(s.paragraphSpans[s.paragraphSpans.length - 1]![1]).toBe(s.end)
    at = s.start
    for (const [a, b, w, d] of s.sentenceSpans) {
      expect(a >= at && a <= b && b <= s.end).toBe(true)
      expect(w >= 1 && d >= 0 && d <= w).toBe(true)
      at = b
    }
    for (const [a, b] of [...s.dialogue.spans, ...(s.thought?.spans ?? [])]) expect(inside(r, a, b)).toBe(true)
    // Measures made by English rules are null exactly where the scene is in another language.
    expect(s.tense === null).toBe(!isEnglish(chapter.language))
    for (const name of ['tense', 'pov', 'unmarkedThought', 'characters', 'povShifts', 'embedded'] as const) expect(s[name] === null).toBe(s.tense === null)
    expect(s.dialogue.speakers === null).toBe(s.tense === null)
    for (const slip of s.tense?.slips ?? []) expect(slip.start >= s.start && slip.end <= s.end && slip.start < slip.end).toBe(true)
    // Counts add up inside the scene: its words are its paragraphs' words, each in one sentence.
    expect(s.words).toBe(sum(s.paragraphSpans.map(([a, b]) => countWords(text.slice(a, b)))))
    expect(s.paragraphs).toBe(s.paragraphSpans.length)
    expect(s.sentences).toBe(s.sentenceSpans.length)
    expect(sum(s.sentenceSpans.map((x) => x[2]))).toBe(s.words)
    expect(s.dialogue.words).toBe(sum(s.sentenceSpans.map((x) => x[3])))
    expect(s.sentenceLength.count).toBe(s.sentences)
    expect(s.paragraphLength.count).toBe(s.paragraphs)
  }
  if (r.endMatter) expect(r.endMatter.start).toBeGreaterThanOrEqual(last)
  for (let i = 1; i < r.chapters.length; i++) expect(r.chapters[i]!.start).toBeGreaterThanOrEqual(r.chapters[i - 1]!.end)
  expect(r.chapters.flatMap((c) => c.scenes)).toEqual(r.scenes.map((s) => s.index))
  // Counts add up from scenes to chapters to the work.
  const keys = [(m: Report['totals']) => m.words, (m) => m.sentences, (m) => m.paragraphs, (m) => m.dialogue.words, (m) => m.dialogue.scareQuotes, (m) => m.tense?.past ?? 0, (m) => m.tense?.present ?? 0, (m) => m.pov?.first ?? 0, (m) => m.pov?.third ?? 0] satisfies ((m: Report['totals']) => number)[]
  // A scene whose figures are a character's told story (embedded) gives its own counts; the
  // chapter around it keeps the frame's, so person and tense counts add up only without one.
  const told = r.scenes.some((s) => s.pov?.embedded || s.tense?.embedded)
  for (const [k, key] of keys.entries()) {
    if (told && k >= 5) continue
    for (const c of r.chapters) expect(key(c)).toBe(sum(c.scenes.map((i) => key(r.scenes[i]!))))
    expect(key(r.totals)).toBe(sum(r.chapters.map(key)))
  }
  // Shares lie in [0, 1].
  for (const share of sharesOf(r)) expect(share >= 0 && share <= 1).toBe(true)
  // Every span's speakers are parallel to its speech spans, and name characters of its cast.
  for (const m of [...r.scenes, ...r.chapters, r.totals]) {
    if (m.dialogue.speakers === null) continue
    expect(m.dialogue.speakers.length).toBe(m.dialogue.spans.length)
    const names = new Set((m.characters ?? []).map((c) => c.name))
    for (const sp of m.dialogue.speakers) if (sp.name !== null) expect(names.has(sp.name)).toBe(true)
    expect(sum((m.characters ?? []).map((c) => c.dialogueWords))).toBeLessThanOrEqual(m.dialogue.words)
  }
  for (const c of r.totals.characters ?? []) if (c.firstScene !== null) expect(c.firstScene <= c.lastScene! && c.lastScene! < r.scenes.length).toBe(true)
}

