import type { Block, Chapter, Diagnostic, Manuscript, Markup, Matter, MatterField, Meta, Scene, Source, Span } from '../types.js'
import { noteKeys } from '../data/front-matter.js'
import { ao3Label, ao3Stats } from '../data/ao3.js'
import { eachLine } from './01-lines.js'
import { learnLayout, type LearntLayout } from './02-layout.js'
import { buildParagraphs, type RawParagraph } from './03-paragraphs.js'
import { classify, isHeading } from './04-classify.js'
import { collapse, findFrontMatter, matchField } from './05-front-matter.js'
import { findEndMatter } from './06-end-matter.js'
import { BARE_LABEL, splitChapters } from './07-chapters.js'
import { calibrateBreaks, splitScenes, type RawScene } from './08-scenes.js'
import { matterSections, type MatterSections } from './matter-sections.js'
import type { Para } from './paragraph.js'

export { markerConfidence, isHeading } from './04-classify.js'
export { matchField } from './05-front-matter.js'

/**
 * Find the story's structure in a normalised source: front and end matter, chapters, scenes
 * and paragraphs. Pure: works on the text alone.
 */
export function structure(source: Source): Manuscript {
  const { text, diagnostics: sourceDiagnostics, ...rest } = source
  const { markup, ...sourceInfo } = rest
  const diagnostics: Diagnostic[] = [...sourceDiagnostics]
  let layout: LearntLayout
  let paras: Para[]
  if (markup) {
    paras = parasFromBlocks(text, markup.blocks)
    layout = learnMarkupLayout(paras)
  } else {
    layout = learnLayout(eachLine(text))
    paras = []
    for (const p of buildParagraphs(text, eachLine(text), layout)) paras.push(classified(text, p))
  }

  romanHeadings(text, paras)
  bareLabels(text, paras)
  const markedFront = markedMatter(text, markup, 'front')
  const sections = matterSections(text, paras)
  const front = markedFront ?? frontOf(text, paras, sections)
  if (sections.front > front.end) front.end = sections.front
  const markedEnd = markedMatter(text, markup, 'end')
  const endAt = markedEnd
    ? Math.min(paras.length - markedEnd.end, Math.max(sections.end, front.end))
    : findEndMatter(text, paras.slice(0, Math.max(sections.end, front.end)), front.end)
  const frontMatter = matterOf(paras.slice(0, front.end), front.fields)
  const endParas = paras.slice(endAt)
  const endMatter = matterOf(endParas, markedEnd?.fields ?? endParas.map((p) => ({ key: 'end', value: text.slice(p.start, p.end).trim(), start: p.start, end: p.end })))
  const story = paras.slice(front.end, endAt)

  const chapters: Chapter[] = []
  let sceneIndex = 0
  const rawChapters = splitChapters(text, story)
  const rawScenes: RawScene[][] = []
  for (const raw of rawChapters) {
    const first = rawScenes.every((r) => r.length === 0) ? { kind: 'start' as const, marker: null, confidence: 1 } : { kind: 'chapter' as const, marker: raw.title, confidence: 1 }
    rawScenes.push(splitScenes(text, raw.body, first, layout))
  }
  calibrateBreaks(text, rawScenes.flat())
  for (const [ci, raw] of rawChapters.entries()) {
    const index = chapters.length
    const scenes: Scene[] = []
    for (const s of rawScenes[ci]!) scenes.push(sceneOf(s, sceneIndex++, index))
    const start = raw.heading?.start ?? scenes[0]?.start ?? raw.body[0]?.start ?? 0
    const end = scenes[scenes.length - 1]?.end ?? raw.heading?.end ?? start
    chapters.push({ index, title: raw.title, part: raw.part, subtitle: raw.subtitle, start, end, heading: raw.heading, scenes })
  }

  if (sceneIndex === 0) {
    diagnostics.push({
      severity: 'warning',
      code: text.trim().length === 0 ? 'empty-text' : 'no-story-text',
      message: text.trim().length === 0 ? 'The file is empty or holds only whitespace: nothing to measure.' : 'No story text was found outside the front and end matter.',
    })
  }
  diagnostics.push(layoutDiagnostic(layout))
  return {
    text,
    source: sourceInfo,
    meta: mergeMeta(metaOf(markedFront ? [] : front.fields), markup?.meta, markup?.fallback),
    italics: markup ? markup.italics : null,
    frontMatter,
    endMatter,
    chapters,
    layout: { separator: layout.separator, hardWrapped: layout.hardWrapped, usualGap: layout.usualGap },
    diagnostics,
  }
}

/** "CHAPTER" alone on its line above a number heading is the first line of that heading. */
function bareLabels(text: string, paras: Para[]): void {
  for (let i = 0; i + 1 < paras.length; i++) {
    const p = paras[i]!
    if (p.kind === 'text' && p.lineCount === 1 && p.end - p.start <= 8 && paras[i + 1]!.kind === 'heading' && BARE_LABEL.test(text.slice(p.start, p.end).trim())) {
      p.kind = 'heading'
      p.confidence = 0.95
    }
  }
}

const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\.?$/

/**
 * "XXX" is a marker in fan fiction and chapter thirty in a book whose chapters are headed by
 * Roman numerals: where other lone numerals head chapters, a numeral marker line is a heading.
 */
function romanHeadings(text: string, paras: Para[]): void {
  let headings = 0
  for (const p of paras) if (p.kind === 'heading' && p.end - p.start <= 8 && ROMAN.test(text.slice(p.start, p.end).trim())) headings++
  if (headings < 2) return
  for (const p of paras) {
    if (p.kind === 'marker' && p.end - p.start <= 8 && ROMAN.test(text.slice(p.start, p.end).trim())) {
      p.kind = 'heading'
      p.confidence = 0.95
    }
  }
}

/**
 * The header's fields: at the top, and after Project Gutenberg's START line (where a book's own
 * title and author stand), those first.
 */
function frontOf(text: string, paras: Para[], sections: MatterSections): { end: number; fields: MatterField[] } {
  if (sections.ao3 !== null) return { end: sections.ao3 + 1, fields: ao3TextFields(text, paras.slice(0, sections.ao3)) }
  const top = findFrontMatter(text, paras)
  if (sections.gutenberg === null) return top
  const after = findFrontMatter(text, paras.slice(sections.gutenberg))
  return { end: Math.max(top.end, sections.gutenberg + after.end), fields: [...after.fields, ...top.fields] }
}

/**
 * The fields of an AO3 work's page copied to text: its labels ("Rating:", "Fandom:",
 * "Summary:") each with the value after it, on its line or on the lines below; the title and
 * the author are the first two unlabelled lines after the tags.
 */
function ao3TextFields(text: string, paras: Para[]): MatterField[] {
  const fields: MatterField[] = []
  let key: string | null = null
  const loose: MatterField[] = []
  for (const p of paras) {
    let at = p.start
    for (const raw of text.slice(p.start, p.end).split('\n')) {
      const line = collapse(raw)
      const start = at + raw.length - raw.trimStart().length
      const end = at + raw.trimEnd().length
      at += raw.length + 1
      if (!line) continue
      const colon = line.indexOf(':')
      const label = colon > 0 ? ao3Label(line.slice(0, colon)) : null
      if (label) {
        key = label
        const value = line.slice(colon + 1).trim()
        if (value) fields.push({ key: label, value, start, end })
        else fields.push({ key: label, value: '', start, end })
        continue
      }
      const last = fields[fields.length - 1]
      if (key && last && last.key === key && (last.value === '' || /^\s/.test(raw) || NOTE_LIKE.has(key))) {
        last.value = last.value ? `${last.value} ${line}` : line
        last.end = end
        continue
      }
      key = null
      loose.push({ key: 'line', value: line, start, end })
    }
  }
  const out: MatterField[] = []
  for (const f of fields) {
    if (f.key === 'stats') {
      const stats = ao3Stats(f.value)
      if (typeof stats.claimedWords === 'number') out.push({ key: 'claimedWords', value: String(stats.claimedWords), start: f.start, end: f.end })
    } else if (f.value) out.push({ key: NOTE_LIKE.has(f.key) && f.key !== 'summary' ? 'notes' : f.key, value: f.value, start: f.start, end: f.end })
  }
  if (loose[0]) out.unshift({ ...loose[0], key: 'title' })
  if (loose[1]) out.splice(1, 0, { ...loose[1], key: 'author' })
  return out
}

/** AO3 fields whose value runs over paragraphs. */
const NOTE_LIKE: ReadonlySet<string> = new Set(['summary', 'notes', 'chapterNotes', 'chapterSummary'])

/** Markup gives paragraphs directly: nothing is learnt from line breaks. */
const MARKUP_LAYOUT: LearntLayout = { separator: 'markup', hardWrapped: false, usualGap: 1, wrapWidth: 0, gluedIsBreak: false }

/**
 * Where a document has empty paragraphs (a word processor's blank lines), learn the writer's
 * habit as in plain text: the usual number of empty paragraphs between two text paragraphs
 * (none, or one for a writer who spaces paragraphs by hand), so that more than that is a break.
 */
/** The fewest pairs of adjacent text paragraphs from which a habit of blank paragraphs is learnt. */
const MIN_PAIRS = 8

function learnMarkupLayout(paras: Para[]): LearntLayout {
  const histogram = new Map<number, number>()
  let pairs = 0
  // Where a document marks its breaks (markers, rules), extra empty paragraphs are spacing.
  let explicit = 0
  for (const p of paras) if (p.kind === 'marker' || p.kind === 'rule') explicit++
  if (explicit >= 2) return MARKUP_LAYOUT
  for (let i = 1; i < paras.length; i++) {
    if (paras[i]!.kind !== 'text' || paras[i - 1]!.kind !== 'text') continue
    const g = paras[i]!.gapBefore
    histogram.set(g, (histogram.get(g) ?? 0) + 1)
    pairs++
  }
  let usual = 0
  let best = -1
  for (const [g, n] of histogram) if (n > best || (n === best && g < usual)) [usual, best] = [g, n]
  const wider = [...histogram].some(([g]) => g > usual)
  if (pairs < MIN_PAIRS || !wider) return MARKUP_LAYOUT
  return { separator: 'markup', hardWrapped: false, usualGap: usual, wrapWidth: 0, gluedIsBreak: false, blankGaps: true }
}

const ROLE_KIND = { note: 'note', front: 'note', end: 'note', break: 'rule', heading: 'heading' } as const

/**
 * Paragraphs from markup blocks. Headings and breaks are what the markup says they are; a text
 * block is still classified, since writers type `* * *` or `Chapter 2` into ordinary paragraphs.
 * A first heading above all the others (a Markdown `# Title` over `## Chapter` headings, or the
 * only heading at the top) is the title, read as front matter rather than as a chapter.
 */
function parasFromBlocks(text: string, blocks: Block[]): Para[] {
  const headings = blocks.filter((b) => b.role === 'heading')
  const first = blocks.find((b) => b.role !== 'front')
  const titleBlock =
    first?.role === 'heading' &&
    headings.every((h) => h === first || h.level! > first.level!) &&
    !isHeading(text.slice(first.start, first.end))
      ? first
      : null
  // Only the first blocks, before any heading or break, can hold a header.
  const top = blocks.findIndex((b) => b.role !== 'text' && b.role !== 'front')
  const headerEnd = Math.min(HEADER_BLOCKS, top === -1 ? blocks.length : top)
  const paras: Para[] = []
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    if (i < headerEnd) for (const part of splitHeader(text, b)) paras.push(paraOfBlock(text, part, titleBlock))
    else paras.push(paraOfBlock(text, b, titleBlock))
  }
  return paras
}

// Module functions, not per-work closures: see "Hot code" in docs/ARCHITECTURE.md.

/** A paragraph with its kind (text, heading, rule…) found from its text. */
function classified(text: string, p: RawParagraph): Para {
  // Objects are built field by field: a spread makes each several times larger.
  const c = classify(text.slice(p.start, p.end), p.lineCount)
  return { start: p.start, end: p.end, gapBefore: p.gapBefore, lineCount: p.lineCount, kind: c.kind, confidence: c.confidence }
}

function sceneOf(s: RawScene, index: number, chapter: number): Scene {
  const paragraphs: Span[] = []
  for (const p of s.paragraphs) paragraphs.push({ start: p.start, end: p.end })
  return { index, chapter, start: paragraphs[0]!.start, end: paragraphs[paragraphs.length - 1]!.end, breakBefore: s.breakBefore, paragraphs }
}

/** A markup block as a paragraph: its kind is what the markup says, or, for text, what it reads as. */
function paraOfBlock(text: string, b: Block, titleBlock: Block | null): Para {
  const body = text.slice(b.start, b.end)
  let lineCount = 1
  for (let at = body.indexOf('\n'); at !== -1; at = body.indexOf('\n', at + 1)) lineCount++
  let kind: Para['kind']
  let confidence: number
  if (b === titleBlock) {
    kind = 'text'
    confidence = 0
  } else if (b.role === 'text') {
    const c = classify(body, lineCount)
    kind = c.kind
    confidence = c.confidence
  } else if (b.role === 'heading' && body.trim().length === 0) {
    // An empty heading (`#` alone in Markdown) is a scene break, not a chapter.
    kind = 'rule'
    confidence = 0.9
  } else {
    kind = ROLE_KIND[b.role]
    confidence = b.role === 'break' ? 0.95 : 1
  }
  return { start: b.start, end: b.end, gapBefore: 1 + (b.blanks ?? 0), lineCount, kind, confidence }
}

/** How many blocks at the top of a document may be a header. */
const HEADER_BLOCKS = 3
/** The longest line of a header block that is split into one paragraph per line. */
const HEADER_LINE = 100

/**
 * A block of short lines with a labelled field among them (a title, `by …`, `Rated: T`, set with
 * `<br>` in one paragraph, as old fan-fiction pages do) is a header: one paragraph per line, as
 * in plain text, so that front matter is found in it.
 */
function splitHeader(text: string, b: Block): Block[] {
  if (b.role !== 'text') return [b]
  const body = text.slice(b.start, b.end)
  if (!body.includes('\n')) return [b]
  const lines = body.split('\n')
  if (lines.some((l) => l.length > HEADER_LINE) || !lines.some((l) => matchField(l.trim()))) return [b]
  const out: Block[] = []
  let at = b.start
  for (const line of lines) {
    if (line.trim()) out.push({ ...b, start: at, end: at + line.length })
    at += line.length + 1
  }
  return out
}

/** Front or end matter the markup marks as such (an AO3 preface, its end notes), or null. */
function markedMatter(text: string, markup: Markup | undefined, role: 'front' | 'end'): { end: number; fields: MatterField[] } | null {
  if (!markup) return null
  const blocks = role === 'front' ? markup.blocks : [...markup.blocks].reverse()
  let n = 0
  while (n < blocks.length && blocks[n]!.role === role) n++
  if (n === 0) return null
  const own = blocks.slice(0, n)
  if (role === 'end') own.reverse()
  // A field's value is what the markup states for its key ("Teen And Up Audiences"), else its text.
  const valueOf = (b: Block) => {
    const stated = b.key ? markup.meta[b.key] : undefined
    if (typeof stated === 'string') return stated
    if (Array.isArray(stated)) return stated.join(', ')
    return collapse(text.slice(b.start, b.end))
  }
  return { end: n, fields: own.map((b) => ({ key: b.key ?? role, value: valueOf(b), start: b.start, end: b.end })) }
}

/** Metadata stated by markup wins over what was read from the text; notes are joined. */
function mergeMeta(meta: Meta, stated: Partial<Meta> | undefined, fallback: Partial<Meta> | undefined): Meta {
  for (const [key, value] of Object.entries(stated ?? {})) {
    if (value === undefined || value === null) continue
    if (key === 'notes' && Array.isArray(value)) meta.notes = [...value, ...meta.notes]
    else meta[key] = value
  }
  for (const [key, value] of Object.entries(fallback ?? {})) {
    if (value !== undefined && value !== null && (meta[key] === null || meta[key] === undefined)) meta[key] = value
  }
  return meta
}

function matterOf(paras: Para[], fields: MatterField[]): Matter | null {
  if (paras.length === 0) return null
  return { start: paras[0]!.start, end: paras[paras.length - 1]!.end, fields }
}

function metaOf(fields: MatterField[]): Meta {
  const meta: Meta = { title: null, author: null, rating: null, fandom: null, summary: null, warnings: null, notes: [] }
  for (const { key, value } of fields) {
    if (noteKeys.has(key)) {
      if (value) meta.notes.push(value)
    } else if (key === 'claimedWords') {
      const n = Number(value.replace(/[^\d]/g, ''))
      if (Number.isFinite(n) && n > 0) meta.claimedWords = n
    } else if (meta[key] === null || meta[key] === undefined) {
      meta[key] = value
    }
  }
  return meta
}

function layoutDiagnostic(layout: LearntLayout): Diagnostic {
  const how =
    layout.separator === 'markup'
      ? 'Paragraphs, headings and scene breaks were taken from the document\'s markup.'
      : layout.separator === 'newline'
      ? 'Paragraphs are separated by single line breaks; a blank line is read as a scene break.'
      : layout.separator === 'blank-line'
        ? `Paragraphs are separated by ${layout.usualGap === 1 ? 'a blank line' : `${layout.usualGap} blank lines`}${layout.hardWrapped ? ` and hard-wrapped at about ${layout.wrapWidth} characters` : ''}; ${layout.gluedIsBreak ? 'two paragraphs with no blank line between them, or ' : ''}a wider gap is read as a scene break.`
        : 'The text has no blank lines or line breaks between paragraphs.'
  return { severity: 'info', code: 'layout', message: how }
}
