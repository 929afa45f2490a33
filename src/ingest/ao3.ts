/** How an AO3 download's preface fields and notes go into `meta`. */
import type { Meta } from '../types.js'
import { ao3ListKeys, ao3Stats } from '../data/ao3.js'

/** Keep an AO3 preface field in `meta`: tag lists as lists, stats as numbers and dates. */
export function recordField(meta: Partial<Meta>, key: string, value: string): void {
  if (key === 'stats') {
    Object.assign(meta, ao3Stats(value))
    return
  }
  if (ao3ListKeys.has(key)) {
    meta[key] = value.split(/\s*,\s*/).filter(Boolean)
    return
  }
  meta[key] = value
}

/** AO3's labels of notes and summaries, as keys. */
export const NOTE_KEYS: ReadonlySet<string> = new Set(['summary', 'notes', 'chapterNotes', 'chapterSummary', 'endNotes', 'chapterEndNotes'])

const NOTE_PREFIX: Record<string, string> = {
  chapterNotes: 'Chapter notes',
  chapterSummary: 'Chapter summary',
  chapterEndNotes: 'Chapter end notes',
  endNotes: 'End notes',
}

/** Gather the work's summary and its notes (work, chapter and end notes) into `meta`. */
export function appendNote(meta: Partial<Meta>, key: string, text: string, chapter: number): void {
  if (key === 'summary') {
    meta.summary = meta.summary ? `${meta.summary}\n${text}` : text
    return
  }
  const prefix = NOTE_PREFIX[key]
  const label = prefix ? `${prefix}${chapter > 0 && key !== 'endNotes' ? ` (chapter ${chapter})` : ''}: ` : ''
  const notes = (meta.notes ??= [])
  notes.push(label + text)
}
