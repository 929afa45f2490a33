import type { Chapter, Diagnostic, Manuscript, Matter, MatterField, Meta, Scene, Source } from '../types.js'
import { noteKeys } from '../data/front-matter.js'
import { splitLines } from './01-lines.js'
import { learnLayout, type LearntLayout } from './02-layout.js'
import { buildParagraphs } from './03-paragraphs.js'
import { classify } from './04-classify.js'
import { findFrontMatter } from './05-front-matter.js'
import { findEndMatter } from './06-end-matter.js'
import { splitChapters } from './07-chapters.js'
import { splitScenes } from './08-scenes.js'
import type { Para } from './paragraph.js'

export { markerConfidence, isHeading } from './04-classify.js'
export { matchField } from './05-front-matter.js'

/**
 * Find the story's structure in a normalised source: front and end matter, chapters, scenes
 * and paragraphs. Pure: works on the text alone.
 */
export function structure(source: Source): Manuscript {
  const { text, diagnostics: sourceDiagnostics, ...sourceInfo } = source
  const diagnostics: Diagnostic[] = [...sourceDiagnostics]
  const lines = splitLines(text)
  const layout = learnLayout(lines)
  const paras: Para[] = buildParagraphs(text, lines, layout).map((p) => {
    const c = classify(text.slice(p.start, p.end), p.lineCount)
    return { ...p, kind: c.kind, confidence: c.confidence }
  })

  const front = findFrontMatter(text, paras)
  const endAt = findEndMatter(text, paras, front.end)
  const frontMatter = matterOf(paras.slice(0, front.end), front.fields)
  const endParas = paras.slice(endAt)
  const endMatter = matterOf(endParas, endParas.map((p) => ({ key: 'end', value: text.slice(p.start, p.end).trim(), start: p.start, end: p.end })))
  const story = paras.slice(front.end, endAt)

  const chapters: Chapter[] = []
  let sceneIndex = 0
  for (const raw of splitChapters(text, story)) {
    const index = chapters.length
    const first = sceneIndex === 0 ? { kind: 'start' as const, marker: null, confidence: 1 } : { kind: 'chapter' as const, marker: raw.title, confidence: 1 }
    const scenes: Scene[] = splitScenes(text, raw.body, first, layout).map((s) => ({
      index: sceneIndex++,
      chapter: index,
      start: s.paragraphs[0]!.start,
      end: s.paragraphs[s.paragraphs.length - 1]!.end,
      breakBefore: s.breakBefore,
      paragraphs: s.paragraphs.map(({ start, end }) => ({ start, end })),
    }))
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
    meta: metaOf(front.fields),
    frontMatter,
    endMatter,
    chapters,
    layout: { separator: layout.separator, hardWrapped: layout.hardWrapped, usualGap: layout.usualGap },
    diagnostics,
  }
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
    layout.separator === 'newline'
      ? 'Paragraphs are separated by single line breaks; a blank line is read as a scene break.'
      : layout.separator === 'blank-line'
        ? `Paragraphs are separated by ${layout.usualGap === 1 ? 'a blank line' : `${layout.usualGap} blank lines`}${layout.hardWrapped ? ` and hard-wrapped at about ${layout.wrapWidth} characters` : ''}; ${layout.gluedIsBreak ? 'two paragraphs with no blank line between them, or ' : ''}a wider gap is read as a scene break.`
        : 'The text has no blank lines or line breaks between paragraphs.'
  return { severity: 'info', code: 'layout', message: how }
}
