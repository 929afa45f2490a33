import type { Chapter, Diagnostic, Manuscript, Matter, MatterField, Meta, ParagraphSeparator, Scene, SceneBreak, Span } from '../types.js'
import { markerConfidence } from '../data/line-classes.js'
import { hasCorrections, type Corrections } from './corrections-file.js'

// What a corrections file says is read and checked in ./corrections-file.ts; here it is applied.
export { checkCorrections, CorrectionsError, hasCorrections, mergeCorrections, parseCorrections, type Corrections } from './corrections-file.js'

// ---------------------------------------------------------------------------------------------
// Matching

const QUOTE_MAP: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"', '…': '...' }
const QUOTES = /[‘’‚‛′“”„‟″«»…]/g
const LEADING_QUOTES = /^['"]+\s*/
const WORDISH = /[\p{L}\p{N}]/u

/**
 * Text as matched: NFC, curly quotes and guillemets as straight ones, an ellipsis as three
 * dots, whitespace collapsed, lower case, and opening quote marks dropped (a writer naming
 * `Get out` means the paragraph `“Get out,” she said`).
 */
export function normaliseWords(s: string): string {
  return s.normalize('NFC').replace(QUOTES, (c) => QUOTE_MAP[c]!).replace(/\s+/g, ' ').trim().toLowerCase().replace(LEADING_QUOTES, '')
}

/** Whether `head` (normalised) starts with `words` (normalised), ending on a word boundary. */
function startsWithWords(head: string, words: string): boolean {
  if (words === '' || !head.startsWith(words)) return false
  const next = head.charAt(words.length)
  return next === '' || !WORDISH.test(next) || !WORDISH.test(words.charAt(words.length - 1))
}

/** Whether the paragraph's text starts with these (normalised) words, as whole words. */
function opensWith(text: string, p: Span, words: string): boolean {
  // Only the paragraph's opening is normalised: a paragraph may be megabytes long.
  return startsWithWords(normaliseWords(text.slice(p.start, Math.min(p.end, p.start + words.length * 4 + 256))), words)
}

/** Whether the paragraph's whole text is this (normalised) marker. */
function isWholly(text: string, p: Span, marker: string): boolean {
  if (p.end - p.start > marker.length * 4 + 64) return false
  return normaliseWords(text.slice(p.start, p.end)) === marker
}

/** Whether a chapter's heading (any of its lines, or its title) is this (normalised) text. */
function headingIs(text: string, c: WChapter, heading: string): boolean {
  if (!c.heading) return false
  const lines = text.slice(c.heading.start, c.heading.end).split('\n')
  if (c.title) lines.push(c.title)
  for (const line of lines) {
    const t = normaliseWords(line)
    if (t !== '' && startsWithWords(t, heading)) return true
  }
  return false
}

// ---------------------------------------------------------------------------------------------
// Applying

interface WScene {
  breakBefore: SceneBreak
  paragraphs: Span[]
}

interface WChapter {
  title: string | null
  part: string | null
  subtitle: string | null
  heading: Span | null
  scenes: WScene[]
}

interface Work {
  text: string
  separator: ParagraphSeparator
  chapters: WChapter[]
  front: Matter | null
  end: Matter | null
  meta: Meta
  diagnostics: Diagnostic[]
}

const START: SceneBreak = { kind: 'start', marker: null, confidence: 1 }
const writerBreak = (marker: string | null): SceneBreak => ({ kind: 'writer', marker, confidence: 1 })

/**
 * Apply the writer's corrections to a finished manuscript; pure, the input is left as it was.
 * In this order: where the story starts and ends, headings that are not headings, the writer's
 * break markers, missed breaks, false breaks. Each correction that applies adds an `info`
 * diagnostic (`correction-applied`); one that matches nothing, or cannot apply, a `warning`
 * (`correction-unmatched`) naming it. Scene and chapter indexes and spans are rebuilt.
 */
export function applyCorrections(m: Manuscript, c: Corrections): Manuscript {
  if (!hasCorrections(c)) return m
  const w: Work = {
    text: m.text,
    separator: m.layout.separator,
    chapters: m.chapters.map((ch) => ({
      title: ch.title,
      part: ch.part,
      subtitle: ch.subtitle,
      heading: ch.heading ? { start: ch.heading.start, end: ch.heading.end } : null,
      scenes: ch.scenes.map((s) => ({ breakBefore: { ...s.breakBefore }, paragraphs: s.paragraphs.map((p) => ({ start: p.start, end: p.end })) })),
    })),
    front: copyMatter(m.frontMatter),
    end: copyMatter(m.endMatter),
    meta: { ...m.meta, notes: [...m.meta.notes] },
    diagnostics: [],
  }
  if (c.storyStarts !== undefined) storyStarts(w, c.storyStarts)
  if (c.storyEnds !== undefined) storyEnds(w, c.storyEnds)
  for (const h of c.ignoreHeadings ?? []) ignoreHeading(w, h)
  for (const marker of c.breakMarker ?? []) breakMarker(w, marker)
  for (const words of c.breaks ?? []) addBreak(w, words)
  for (const words of c.notBreaks ?? []) removeBreak(w, words)
  return finish(m, w)
}

function copyMatter(x: Matter | null): Matter | null {
  return x ? { start: x.start, end: x.end, fields: x.fields.map((f) => ({ ...f })) } : null
}

const quoted = (s: string) => JSON.stringify(s)

function applied(w: Work, what: string, message: string, at?: Span): void {
  w.diagnostics.push({ severity: 'info', code: 'correction-applied', message: `${what}: ${message}`, ...(at ? { start: at.start, end: at.end } : {}) })
}

function unmatched(w: Work, what: string, message: string, at?: Span): void {
  w.diagnostics.push({ severity: 'warning', code: 'correction-unmatched', message: `${what}: ${message}`, ...(at ? { start: at.start, end: at.end } : {}) })
}

/** Where a paragraph sits: chapter, scene in the chapter, paragraph in the scene. */
interface At {
  ci: number
  si: number
  pi: number
  p: Span
}

/** Every story paragraph opening with these words, in text order. */
function findOpening(w: Work, words: string): At[] {
  const found: At[] = []
  for (const [ci, ch] of w.chapters.entries()) {
    for (const [si, s] of ch.scenes.entries()) {
      for (const [pi, p] of s.paragraphs.entries()) if (opensWith(w.text, p, words)) found.push({ ci, si, pi, p })
    }
  }
  return found
}

const countOf = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
const isAre = (n: number) => (n === 1 ? 'is' : 'are')

/**
 * The paragraphs of a stretch of matter, which the manuscript keeps as one span: blocks of
 * lines between blank lines, or single lines where the document separates paragraphs so.
 */
function paragraphsOf(text: string, region: Span, separator: ParagraphSeparator): Span[] {
  const out: Span[] = []
  const body = text.slice(region.start, region.end)
  const splitter = separator === 'newline' ? /\n/g : separator === 'none' ? null : /\n[ \t\u00a0]*\n\s*/g
  const push = (a: number, b: number) => {
    const piece = body.slice(a, b)
    const lead = piece.length - piece.trimStart().length
    const trimmed = piece.trim()
    if (trimmed) out.push({ start: region.start + a + lead, end: region.start + a + lead + trimmed.length })
  }
  let at = 0
  if (splitter) {
    for (const m of body.matchAll(splitter)) {
      push(at, m.index)
      at = m.index + m[0].length
    }
  }
  push(at, body.length)
  return out
}

/** A field of matter for a paragraph moved into it. */
function fieldOf(text: string, key: string, p: Span): MatterField {
  return { key, value: text.slice(p.start, p.end).replace(/\s+/g, ' ').trim(), start: p.start, end: p.end }
}

/** Paragraphs (from matter) as scenes: a marker line among them is a scene break. */
function scenesOf(text: string, paras: Span[]): { scenes: WScene[]; trailingBreak: SceneBreak | null } {
  const scenes: WScene[] = []
  let pending: SceneBreak | null = null
  let current: WScene | null = null
  for (const p of paras) {
    const line = text.slice(p.start, p.end)
    const confidence = line.includes('\n') ? 0 : markerConfidence(line)
    if (confidence > 0) {
      if (current) scenes.push(current)
      current = null
      pending = { kind: 'marker', marker: line.trim(), confidence }
      continue
    }
    if (!current) {
      current = { breakBefore: pending ?? START, paragraphs: [] }
      pending = null
    }
    current.paragraphs.push(p)
  }
  if (current) scenes.push(current)
  return { scenes, trailingBreak: pending }
}

/** The metadata every manuscript has (null when unknown). */
const BASE_META = new Set(['title', 'author', 'rating', 'fandom', 'summary', 'warnings'])

/** The writer's word on a field moved out of the front matter: the metadata it gave is withdrawn. */
function withdrawField(meta: Meta, f: MatterField): void {
  const i = meta.notes.indexOf(f.value)
  if (i !== -1) meta.notes.splice(i, 1)
  if (f.key === 'claimedWords') delete meta.claimedWords
  else if (f.key !== 'notes' && meta[f.key] === f.value) {
    if (BASE_META.has(f.key)) meta[f.key] = null
    else delete meta[f.key]
  }
}

function storyStarts(w: Work, entry: string): void {
  const what = `storyStarts ${quoted(entry)}`
  const words = normaliseWords(entry)
  if (words === '') return unmatched(w, what, 'these words are empty once quotes and spaces are set aside')
  // The story may start inside what was read as front matter: it gives its paragraphs back.
  const from = w.front ? lineOpening(w.text, w.front, words, 'first') : -1
  if (from !== -1 && w.front) {
    const back = paragraphsOf(w.text, { start: from, end: w.front.end }, w.separator)
    const { scenes, trailingBreak } = scenesOf(w.text, back)
    const first = w.chapters[0]
    if (scenes.length > 0 && first && !first.heading && first.scenes.length > 0) {
      const opening = first.scenes[0]!
      if (trailingBreak) opening.breakBefore = trailingBreak
      else {
        // The last given-back paragraphs run on into the story's first scene.
        scenes[scenes.length - 1]!.paragraphs.push(...opening.paragraphs)
        first.scenes.shift()
      }
      first.scenes.unshift(...scenes)
    } else if (scenes.length > 0) {
      // Before a chapter heading (or no story at all): a chapter of its own, without a heading.
      w.chapters.unshift({ title: null, part: null, subtitle: null, heading: null, scenes })
    }
    const keptEnd = trimmedEnd(w.text, w.front.start, from)
    for (const f of w.front.fields) if (f.end > keptEnd) withdrawField(w.meta, f)
    w.front = keptEnd > w.front.start ? { start: w.front.start, end: keptEnd, fields: w.front.fields.filter((f) => f.end <= keptEnd) } : null
    applied(w, what, `the story starts at this paragraph; ${countOf(back.length, 'paragraph')} of the front matter ${isAre(back.length)} story`, back[0])
    return
  }
  const at = findOpening(w, words)[0]
  if (!at) return unmatched(w, what, 'no paragraph of the story or its front matter starts with these words')
  const moved: Span[] = []
  for (let ci = 0; ci < at.ci; ci++) pushChapter(moved, w.chapters[ci]!)
  const ch = w.chapters[at.ci]!
  const opensChapter = at.si === 0 && at.pi === 0
  if (!opensChapter) {
    if (ch.heading) moved.push(ch.heading)
    for (let si = 0; si < at.si; si++) moved.push(...ch.scenes[si]!.paragraphs)
    moved.push(...ch.scenes[at.si]!.paragraphs.slice(0, at.pi))
  }
  if (moved.length === 0) return applied(w, what, 'the story already starts at this paragraph', at.p)
  const scene = ch.scenes[at.si]!
  scene.paragraphs = scene.paragraphs.slice(at.pi)
  if (!opensChapter) {
    ch.scenes = ch.scenes.slice(at.si)
    ch.title = ch.part = ch.subtitle = null
    ch.heading = null
  }
  w.chapters = w.chapters.slice(at.ci)
  w.front = {
    start: w.front?.start ?? moved[0]!.start,
    end: moved[moved.length - 1]!.end,
    fields: [...(w.front?.fields ?? []), ...moved.map((p) => fieldOf(w.text, 'front', p))],
  }
  applied(w, what, `the story starts at this paragraph; ${countOf(moved.length, 'paragraph')} before it ${isAre(moved.length)} front matter`, at.p)
}

/**
 * Where, in a stretch of matter, a line opens with these words: the first such line or the
 * last; -1 when none does. Lines, not paragraphs: a header's lines are often one block.
 */
function lineOpening(text: string, region: Span, words: string, which: 'first' | 'last'): number {
  let found = -1
  let at = region.start
  while (at < region.end) {
    let nl = text.indexOf('\n', at)
    if (nl === -1 || nl > region.end) nl = region.end
    let s = at
    while (s < nl && /\s/.test(text[s]!)) s++
    if (s < nl && opensWith(text, { start: s, end: region.end }, words)) {
      found = s
      if (which === 'first') return found
    }
    at = nl + 1
  }
  return found
}

/** The end of the text before `end`, trailing whitespace left out (never before `start`). */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end
  while (e > start && /\s/.test(text[e - 1]!)) e--
  return e
}

/** A chapter's heading and paragraphs, in order. */
function pushChapter(out: Span[], ch: WChapter): void {
  if (ch.heading) out.push(ch.heading)
  for (const s of ch.scenes) out.push(...s.paragraphs)
}

function storyEnds(w: Work, entry: string): void {
  const what = `storyEnds ${quoted(entry)}`
  const words = normaliseWords(entry)
  if (words === '') return unmatched(w, what, 'these words are empty once quotes and spaces are set aside')
  // The story may end inside what was read as end matter: the paragraphs up to it are story.
  const from = w.end ? lineOpening(w.text, w.end, words, 'last') : -1
  if (from !== -1 && w.end) {
    const closingParagraph = paragraphsOf(w.text, { start: from, end: w.end.end }, w.separator)[0]!
    const back = paragraphsOf(w.text, { start: w.end.start, end: closingParagraph.end }, w.separator)
    const { scenes } = scenesOf(w.text, back)
    const last = w.chapters[w.chapters.length - 1]!
    const closing = last.scenes[last.scenes.length - 1]
    const runOn = scenes[0]
    if (closing && runOn && runOn.breakBefore.kind === 'start') {
      // The first given-back paragraphs run on from the story's last scene.
      closing.paragraphs.push(...runOn.paragraphs)
      scenes.shift()
    }
    last.scenes.push(...scenes)
    const rest = paragraphsOf(w.text, { start: closingParagraph.end, end: w.end.end }, w.separator)
    const restStart = rest[0]?.start ?? w.end.end
    w.end = rest.length > 0 ? { start: restStart, end: w.end.end, fields: w.end.fields.filter((f) => f.start >= restStart) } : null
    applied(w, what, `the story ends with this paragraph; ${countOf(back.length, 'paragraph')} of the end matter ${isAre(back.length)} story`, closingParagraph)
    return
  }
  const found = findOpening(w, words)
  const at = found[found.length - 1]
  if (!at) return unmatched(w, what, 'no paragraph of the story or its end matter starts with these words')
  const ch = w.chapters[at.ci]!
  const moved: Span[] = []
  moved.push(...ch.scenes[at.si]!.paragraphs.slice(at.pi + 1))
  for (let si = at.si + 1; si < ch.scenes.length; si++) moved.push(...ch.scenes[si]!.paragraphs)
  for (let ci = at.ci + 1; ci < w.chapters.length; ci++) pushChapter(moved, w.chapters[ci]!)
  if (moved.length === 0) return applied(w, what, 'the story already ends with this paragraph', at.p)
  const scene = ch.scenes[at.si]!
  scene.paragraphs = scene.paragraphs.slice(0, at.pi + 1)
  ch.scenes = ch.scenes.slice(0, at.si + 1)
  w.chapters = w.chapters.slice(0, at.ci + 1)
  w.end = {
    start: moved[0]!.start,
    end: w.end?.end ?? moved[moved.length - 1]!.end,
    fields: [...moved.map((p) => fieldOf(w.text, 'end', p)), ...(w.end?.fields ?? [])],
  }
  applied(w, what, `the story ends with this paragraph; ${countOf(moved.length, 'paragraph')} after it ${isAre(moved.length)} end matter`, at.p)
}

function ignoreHeading(w: Work, entry: string): void {
  const what = `ignoreHeadings ${quoted(entry)}`
  const heading = normaliseWords(entry)
  if (heading === '') return unmatched(w, what, 'this heading is empty once quotes and spaces are set aside')
  const out: WChapter[] = []
  let n = 0
  let first: Span | null = null
  for (const ch of w.chapters) {
    if (!headingIs(w.text, ch, heading)) {
      out.push(ch)
      continue
    }
    n++
    first ??= ch.heading
    const prev = out[out.length - 1]
    if (!prev) {
      // The first chapter: it keeps its scenes, without a heading.
      out.push({ ...ch, title: null, part: null, subtitle: null, heading: null })
      continue
    }
    // The chapter joins the one before it, its first scene running on from that one's last.
    const closing = prev.scenes[prev.scenes.length - 1]
    const [opening, ...others] = ch.scenes
    if (closing && opening) closing.paragraphs.push(...opening.paragraphs)
    else if (opening) prev.scenes.push(opening)
    prev.scenes.push(...others)
  }
  if (n === 0) return unmatched(w, what, 'no chapter heading of the story is this text')
  w.chapters = out
  applied(w, what, `${n === 1 ? 'this heading is' : `${n} headings are`} not a chapter heading: the line is left out, the chapter joined to the one before`, first ?? undefined)
}

function breakMarker(w: Work, entry: string): void {
  const what = `breakMarker ${quoted(entry)}`
  const marker = normaliseWords(entry)
  if (marker === '') return unmatched(w, what, 'this marker is empty once quotes and spaces are set aside')
  let n = 0
  let first: Span | null = null
  for (const ch of w.chapters) {
    const scenes: WScene[] = []
    // A marker line closing a scene is the writer's break before the next one.
    let pending: string | null = null
    for (const s of ch.scenes) {
      let current: WScene = { breakBefore: pending !== null && isBetween(s.breakBefore) ? writerBreak(pending) : s.breakBefore, paragraphs: [] }
      pending = null
      for (const p of s.paragraphs) {
        if (!isWholly(w.text, p, marker)) {
          current.paragraphs.push(p)
          pending = null
          continue
        }
        n++
        first ??= p
        const line = w.text.slice(p.start, p.end).trim()
        // The marker line leaves the scene; what follows it is a new one.
        if (current.paragraphs.length > 0) {
          scenes.push(current)
          current = { breakBefore: writerBreak(line), paragraphs: [] }
        } else if (isBetween(current.breakBefore)) current.breakBefore = writerBreak(line)
        pending = line
      }
      if (current.paragraphs.length > 0) scenes.push(current)
    }
    ch.scenes = scenes
  }
  if (n === 0) return unmatched(w, what, 'no paragraph of the story is this marker alone')
  applied(w, what, n === 1 ? 'this paragraph is a scene break' : `these ${n} paragraphs are scene breaks`, first ?? undefined)
}

/** A break inside a chapter (not the story's start nor a chapter's). */
const isBetween = (b: SceneBreak) => b.kind !== 'start' && b.kind !== 'chapter'

function addBreak(w: Work, entry: string): void {
  const what = `breaks ${quoted(entry)}`
  const words = normaliseWords(entry)
  if (words === '') return unmatched(w, what, 'these words are empty once quotes and spaces are set aside')
  const found = findOpening(w, words)
  if (found.length === 0) return unmatched(w, what, 'no paragraph of the story starts with these words')
  let done = 0
  for (const ch of w.chapters) {
    const scenes: WScene[] = []
    for (const s of ch.scenes) {
      let current: WScene = { breakBefore: s.breakBefore, paragraphs: [] }
      for (const p of s.paragraphs) {
        if (opensWith(w.text, p, words)) {
          if (current.paragraphs.length > 0) {
            scenes.push(current)
            current = { breakBefore: writerBreak(null), paragraphs: [] }
            done++
            applied(w, what, 'a scene starts at this paragraph', p)
          } else if (isBetween(current.breakBefore)) {
            // A break found already, perhaps a weak one: the writer confirms it.
            const was = current.breakBefore
            current.breakBefore = writerBreak(was.marker)
            done++
            applied(w, what, `the break before this paragraph is confirmed (it was ${was.kind}, confidence ${was.confidence})`, p)
          }
        }
        current.paragraphs.push(p)
      }
      scenes.push(current)
    }
    ch.scenes = scenes
  }
  if (done === 0) applied(w, what, 'a scene already starts at this paragraph', found[0]!.p)
}

function removeBreak(w: Work, entry: string): void {
  const what = `notBreaks ${quoted(entry)}`
  const words = normaliseWords(entry)
  if (words === '') return unmatched(w, what, 'these words are empty once quotes and spaces are set aside')
  let removed = 0
  let chapterStart: Span | null = null
  for (const ch of w.chapters) {
    const scenes: WScene[] = []
    for (const s of ch.scenes) {
      const opening = s.paragraphs[0]
      if (opening && opensWith(w.text, opening, words)) {
        const before = scenes[scenes.length - 1]
        if (before) {
          before.paragraphs.push(...s.paragraphs)
          removed++
          const was = `${s.breakBefore.kind}${s.breakBefore.marker ? ` ${quoted(s.breakBefore.marker)}` : ''}`
          applied(w, what, `no scene break before this paragraph (the ${was} break is removed): the scene joins the one before`, opening)
          continue
        }
        chapterStart ??= opening
      }
      scenes.push(s)
    }
    ch.scenes = scenes
  }
  if (removed > 0) return
  if (chapterStart) {
    const opensStory = w.chapters[0]?.scenes[0]?.paragraphs[0] === chapterStart
    return unmatched(w, what, opensStory ? 'this paragraph opens the story: there is no break before it' : 'this paragraph opens a chapter: to join the chapters, name its heading in ignoreHeadings', chapterStart)
  }
  const inside = findOpening(w, words)[0]
  if (inside) return unmatched(w, what, 'there is no scene break before this paragraph', inside.p)
  unmatched(w, what, 'no paragraph of the story starts with these words')
}

/** The corrected manuscript: chapters and scenes numbered again, their spans and first breaks set. */
function finish(m: Manuscript, w: Work): Manuscript {
  const kept = w.chapters.filter((ch) => ch.heading || ch.scenes.length > 0)
  const chapters: Chapter[] = []
  let sceneIndex = 0
  for (const ch of kept) {
    const index = chapters.length
    const scenes: Scene[] = []
    for (const s of ch.scenes) {
      if (s.paragraphs.length === 0) continue
      let breakBefore = s.breakBefore
      if (sceneIndex === 0) breakBefore = START
      else if (scenes.length === 0 && breakBefore.kind !== 'chapter') breakBefore = { kind: 'chapter', marker: ch.title, confidence: 1 }
      else if (scenes.length > 0 && (breakBefore.kind === 'start' || breakBefore.kind === 'chapter')) breakBefore = writerBreak(null)
      const paragraphs = s.paragraphs
      scenes.push({ index: sceneIndex++, chapter: index, start: paragraphs[0]!.start, end: paragraphs[paragraphs.length - 1]!.end, breakBefore, paragraphs })
    }
    const start = ch.heading?.start ?? scenes[0]?.start ?? 0
    const end = scenes[scenes.length - 1]?.end ?? ch.heading?.end ?? start
    chapters.push({ index, title: ch.title, part: ch.part, subtitle: ch.subtitle, start, end, heading: ch.heading, scenes })
  }
  if (chapters.length === 0) {
    const at = w.front?.end ?? 0
    chapters.push({ index: 0, title: null, part: null, subtitle: null, start: at, end: at, heading: null, scenes: [] })
  }
  // The note that no story was found follows the corrected story, not the detected one.
  const diagnostics = m.diagnostics.filter((d) => d.code !== 'no-story-text')
  const layoutAt = diagnostics.findIndex((d) => d.code === 'layout')
  const ours = [...w.diagnostics]
  if (sceneIndex === 0 && m.text.trim().length > 0 && !diagnostics.some((d) => d.code === 'empty-text')) {
    ours.unshift({ severity: 'warning', code: 'no-story-text', message: 'No story text was found outside the front and end matter.' })
  }
  if (layoutAt === -1) diagnostics.push(...ours)
  else diagnostics.splice(layoutAt + 1, 0, ...ours)
  return { ...m, meta: w.meta, frontMatter: w.front, endMatter: w.end, chapters, diagnostics }
}
