import type { Block, Chapter, Diagnostic, DocumentPlace, Manuscript, Markup, Matter, MatterField, Meta, Scene, Source, Span } from '../types.js'
import { noteKeys } from '../data/front-matter.js'
import { AO3_ARCHIVE } from '../data/ao3.js'
import { eachLine } from './01-lines.js'
import { learnLayout, learnMarkupLayout, type LearntLayout } from './02-layout.js'
import { buildParagraphs, type RawParagraph } from './03-paragraphs.js'
import { classify, isHeading } from '../data/line-classes.js'
import { ao3TextFields, collapse, findFrontMatter, matchField } from './05-front-matter.js'
import { findEndMatter } from './06-end-matter.js'
import { settleHeadings, splitChapters } from './07-chapters.js'
import { calibrateBreaks, splitScenes, type RawScene } from './08-scenes.js'
import { matterSections, type MatterSections } from './matter-sections.js'
import type { Para } from './paragraph.js'

export { markerConfidence, isHeading } from '../data/line-classes.js'
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
    paras = markup.project ? parasFromProject(text, markup.blocks) : parasFromBlocks(text, markup.blocks, markup.meta.archive === AO3_ARCHIVE)
    layout = learnMarkupLayout(paras, markup.typeset === true)
  } else {
    layout = learnLayout(eachLine(text))
    paras = []
    for (const p of buildParagraphs(text, eachLine(text), layout)) paras.push(classified(text, p))
  }

  const project = markup?.project === true
  if (!project) settleHeadings(text, paras)
  const markedFront = markedMatter(text, markup, 'front')
  // A project's outline says where the story is: no front or end matter is guessed from its text.
  const sections = project ? { front: 0, end: paras.length, ao3: null, gutenberg: null } : matterSections(text, paras, statedTitle(markup))
  const front = markedFront ?? (project ? { end: 0, fields: [] } : frontOf(text, paras, sections))
  if (sections.front > front.end) front.end = sections.front
  const markedEnd = markedMatter(text, markup, 'end')
  const endAt = markedEnd
    ? Math.min(paras.length - markedEnd.end, Math.max(sections.end, front.end))
    : project
      ? paras.length
      : findEndMatter(text, paras, front.end, Math.max(sections.end, front.end))
  const frontMatter = matterOf(paras.slice(0, front.end), front.fields)
  const endParas = paras.slice(endAt)
  const endMatter = matterOf(endParas, markedEnd?.fields ?? endParas.map((p) => ({ key: 'end', value: text.slice(p.start, p.end).trim(), start: p.start, end: p.end })))
  const story = paras.slice(front.end, endAt)

  const chapters: Chapter[] = []
  let sceneIndex = 0
  const rawChapters = splitChapters(text, story, !project)
  const rawScenes: RawScene[][] = []
  let started = false
  for (const raw of rawChapters) {
    const first = started ? { kind: 'chapter' as const, marker: raw.title, confidence: 1 } : { kind: 'start' as const, marker: null, confidence: 1 }
    const scenes = splitScenes(text, raw.body, first, layout)
    if (scenes.length > 0) started = true
    rawScenes.push(scenes)
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

  if (markup?.documents) attachDocuments(chapters, markup.documents)
  if (sceneIndex === 0) {
    diagnostics.push({
      severity: 'warning',
      code: text.trim().length === 0 ? 'empty-text' : 'no-story-text',
      message: text.trim().length === 0 ? 'The file is empty or holds only whitespace: nothing to measure.' : 'No story text was found outside the front and end matter.',
    })
  }
  diagnostics.push(layoutDiagnostic(layout, project, markup?.book))
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
    ...(markup?.languageHint ? { languageHint: markup.languageHint } : {}),
  }
}

/** The title the markup states (an EPUB package, YAML, a DOCX's properties), or null. */
function statedTitle(markup: Markup | undefined): string | null {
  const t = markup?.meta.title ?? markup?.fallback?.title
  return typeof t === 'string' && t.trim() ? t : null
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

const ROLE_KIND = { note: 'note', front: 'note', end: 'note', break: 'rule', heading: 'heading' } as const

/**
 * Paragraphs from markup blocks. Headings and breaks are what the markup says they are; a text
 * block is still classified, since writers type `* * *` or `Chapter 2` into ordinary paragraphs.
 * A first heading above all the others (a Markdown `# Title` over `## Chapter` headings, or the
 * only heading at the top) is the title, read as front matter rather than as a chapter.
 */
function parasFromBlocks(text: string, blocks: Block[], ao3: boolean): Para[] {
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
    if (i < headerEnd) for (const part of splitHeader(text, b)) paras.push(paraOfBlock(text, part, titleBlock, ao3))
    else paras.push(paraOfBlock(text, b, titleBlock, ao3))
  }
  return paras
}

/**
 * Paragraphs of a writing app's project: headings and breaks are the outline's, and a text block
 * is a marker only where a writer typed one (`* * *`) into a document; a line that reads as a
 * heading stays text, since the outline already heads every chapter.
 */
function parasFromProject(text: string, blocks: Block[]): Para[] {
  const paras: Para[] = []
  for (const b of blocks) {
    const p = paraOfBlock(text, b, null, false)
    if (b.document) {
      p.kind = 'document'
      p.confidence = 1
    } else if (b.role === 'text' && p.kind === 'heading') {
      p.kind = 'text'
      p.confidence = 0
    }
    paras.push(p)
  }
  return paras
}

/** Each project document's meta on the scene its text opens (a document that opens none, being empty or marker only, has no scene). */
function attachDocuments(chapters: Chapter[], documents: DocumentPlace[]): void {
  let d = 0
  for (const chapter of chapters) {
    for (const scene of chapter.scenes) {
      while (d < documents.length && documents[d]!.start < scene.start) d++
      const doc = documents[d]
      if (doc && doc.start <= scene.end) {
        scene.meta = doc.meta
        d++
      }
    }
  }
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
function paraOfBlock(text: string, b: Block, titleBlock: Block | null, ao3: boolean): Para {
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
    // In an AO3 download the chapters are AO3's: a heading line in a chapter's text ("II") is a
    // section break within it.
    kind = ao3 && c.kind === 'heading' ? 'marker' : c.kind
    confidence = c.confidence
  } else if (b.role === 'heading' && body.trim().length === 0) {
    // An empty heading (`#` alone in Markdown) is a scene break, not a chapter.
    kind = 'rule'
    confidence = 0.9
  } else if (b.role === 'break' && body.length > 0) {
    // A break with words of its own (a section heading inside an AO3 chapter) is a marker.
    kind = 'marker'
    confidence = 0.95
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

function layoutDiagnostic(layout: LearntLayout, project: boolean, book?: Markup['book']): Diagnostic {
  const how = book
    ? `Chapters were read from the book's ${book.files} chapter file${book.files === 1 ? '' : 's'}, ${book.manifest ? 'in the order its manifest lists them' : 'in the natural order of their names (2 before 10)'}, each read as a work of its own; scenes and paragraphs are each file's.`
    : project
    ? "Chapters and scenes were taken from the project's outline (its binder or headings), paragraphs from its documents."
    : layout.separator === 'markup'
      ? 'Paragraphs, headings and scene breaks were taken from the document\'s markup.'
      : layout.separator === 'newline'
      ? 'Paragraphs are separated by single line breaks; a blank line is read as a scene break.'
      : layout.separator === 'blank-line'
        ? `Paragraphs are separated by ${layout.usualGap === 1 ? 'a blank line' : `${layout.usualGap} blank lines`}${layout.hardWrapped ? ` and hard-wrapped at about ${layout.wrapWidth} characters` : ''}; ${layout.gluedIsBreak ? 'two paragraphs with no blank line between them, or ' : ''}a wider gap is read as a scene break.`
        : 'The text has no blank lines or line breaks between paragraphs.'
  return { severity: 'info', code: 'layout', message: how }
}
