import { frontMatterFields, MAX_FIELD_LENGTH, MAX_TITLE_LENGTH, multiParagraphKeys } from '../data/front-matter.js'
import type { MatterField } from '../types.js'
import { ao3Label, ao3Stats } from '../data/ao3.js'
import type { Para } from './paragraph.js'

export interface FrontMatterResult {
  /** Index of the first paragraph after the front matter (0: none). */
  end: number
  fields: MatterField[]
}

/** How far into the document a front-matter block may run, in paragraphs. */
const WINDOW = 16
const TERMINAL = /[.,;:]$/
const WORDS = /[\p{L}\p{N}]+/gu

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/**
 * A paragraph as one line of collapsed whitespace, or null when it is too long to be a header
 * line, a field or a closing line: collapsing a paragraph of megabytes costs hundreds of
 * megabytes of garbage for nothing.
 */
export function shortLine(text: string, p: { start: number; end: number }, max = 2 * MAX_FIELD_LENGTH): string | null {
  return p.end - p.start > max ? null : collapse(text.slice(p.start, p.end))
}

/** Match a labelled front-matter line ("Rating: M", "by Ann"), or null. */
export function matchField(line: string): { key: string; value: string } | null {
  if (line.length > MAX_FIELD_LENGTH) return null
  for (const [key, re] of frontMatterFields) {
    const m = re.exec(line)
    if (m) return { key, value: collapse(m[1] ?? '') }
  }
  return null
}

/** A short line with no closing punctuation and no opening quote: it can be a title. */
export function titleLike(line: string, maxWords = 14): boolean {
  if (line.length === 0 || line.length > MAX_TITLE_LENGTH) return false
  if (TERMINAL.test(line) || /^["“‘'(\-–—]/.test(line)) return false
  const words = line.match(WORDS)?.length ?? 0
  return words > 0 && words <= maxWords
}

/** A person's name alone: two to five capitalised words or initials ("M. E. Carrick", "Ann de Vries"). */
const PERSON_NAME = /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+|de|da|van|von|der|den|la|le|du|del|di|y)){1,4}$/u

/** The longest unlabelled paragraph read as part of a header between two of its fields. */
const SANDWICH = 600

/** Whether a paragraph is a header field (a labelled line, or glued lines of fields). */
function isField(text: string, p: Para | undefined): boolean {
  if (!p || p.kind !== 'text') return false
  const line = p.lineCount <= 3 ? shortLine(text, p) : null
  return (line !== null && matchField(line) !== null) || (p.lineCount > 1 && fieldLines(text, p) !== null)
}

/** An epigraph's attribution line: a dash and a source. */
const ATTRIBUTION = /^[—–―]\s*\S|^--\s*\S/

/** The most lines of a glued block of header fields. */
const MAX_FIELD_LINES = 8

/**
 * A block of glued lines each of which is a field ("Set after the finale", "Rated T", a line of
 * thanks to a beta reader), one field per line; null when any line is not one.
 */
function fieldLines(text: string, p: Para): MatterField[] | null {
  if (p.lineCount > MAX_FIELD_LINES || p.end - p.start > MAX_FIELD_LINES * 400) return null
  const out: MatterField[] = []
  let at = p.start
  for (const raw of text.slice(p.start, p.end).split('\n')) {
    const lead = raw.length - raw.trimStart().length
    const line = collapse(raw)
    const f = line ? matchField(line) : null
    if (line && !f) return null
    if (f) out.push({ ...f, start: at + lead, end: at + raw.trimEnd().length })
    at += raw.length + 1
  }
  return out.length > 0 ? out : null
}

/**
 * Find the front matter at the top of the document: an optional title line, then labelled
 * fields (by-line, rating, fandom, summary, warnings, disclaimers, author's notes, thanks to a
 * beta reader), ending before the first heading or story paragraph, or at a marker line that
 * separates the header from the story (the marker belongs to the front matter).
 */
export function findFrontMatter(text: string, paras: Para[]): FrontMatterResult {
  const fields: MatterField[] = []
  let j = 0
  const first = paras[0]
  const firstLine = first && first.kind === 'text' && first.lineCount <= 2 ? shortLine(text, first) : null
  let title: MatterField | null = null
  if (first && firstLine !== null && titleLike(firstLine) && !matchField(firstLine)) {
    title = { key: 'title', value: firstLine, start: first.start, end: first.end }
    j = 1
  }
  // A title over a line that is only a name is a title over its author ("M. E. Carrick").
  const byline = title ? paras[1] : undefined
  const bylineText = byline && byline.kind === 'text' && byline.lineCount === 1 ? shortLine(text, byline, 60) : null
  if (title && byline && bylineText !== null && PERSON_NAME.test(bylineText) && !matchField(bylineText)) {
    fields.push({ key: 'author', value: bylineText, start: byline.start, end: byline.end })
    j = 2
  }
  let sawSeparator = false
  while (j < paras.length && j < WINDOW) {
    const p = paras[j]!
    if (p.kind === 'heading') break
    if (p.kind === 'marker' || p.kind === 'rule') {
      if (fields.length > 0 || title) {
        sawSeparator = true
        j++
      }
      break
    }
    const lines = p.lineCount > 1 ? fieldLines(text, p) : null
    if (lines) {
      for (const l of lines) fields.push(l)
      j++
      continue
    }
    const line = p.lineCount <= 3 ? shortLine(text, p) : null
    const f = line === null ? null : matchField(line)
    if (!f) {
      // An unlabelled paragraph between two fields of the header is the header's too: the
      // title under a breadcrumb, or a summary under the by-line.
      if (line === null || line.length > SANDWICH || (fields.length === 0 && !title) || !isField(text, paras[j + 1])) break
      const key = !title && titleLike(line) ? 'title' : fields.some((x) => x.key === 'summary') ? 'notes' : 'summary'
      const field = { key, value: line, start: p.start, end: p.end }
      if (key === 'title') title = field
      else fields.push(field)
      j++
      continue
    }
    fields.push({ ...f, start: p.start, end: p.end })
    j++
    const next = paras[j]
    const nextLine = next && next.kind === 'text' ? shortLine(text, next) : null
    if (f.value === '' && multiParagraphKeys.has(f.key) && next && nextLine !== null && !matchField(nextLine)) {
      const field = fields[fields.length - 1]!
      field.value = nextLine
      field.end = next.end
      j++
    }
  }
  // The title said again where the story starts (as a page copied with its heading shows it).
  if (title && (fields.length > 0 || sawSeparator) && j < paras.length && paras[j]!.kind === 'text' && shortLine(text, paras[j]!, MAX_TITLE_LENGTH)?.toLowerCase() === title.value.toLowerCase()) j++
  // An epigraph under the header: a short passage and its attribution ("— A Handbook, 1962").
  if ((fields.length > 0 || title) && j + 1 < paras.length) {
    const quote = shortLine(text, paras[j]!, 600)
    const by = shortLine(text, paras[j + 1]!, 120)
    if (quote !== null && by !== null && paras[j]!.kind === 'text' && ATTRIBUTION.test(by)) {
      fields.push({ key: 'epigraph', value: `${quote} ${by}`, start: paras[j]!.start, end: paras[j + 1]!.end })
      j += 2
    }
  }
  if (fields.length === 0 && title) {
    // A title alone: keep it when a heading or a blank line follows it, never when it runs
    // straight into the story.
    const next = paras[1]
    const accept = next !== undefined && (next.kind === 'heading' || sawSeparator || (next.gapBefore >= 1 && titleLike(title.value, 10)))
    return accept ? { end: sawSeparator ? 2 : 1, fields: [title] } : { end: 0, fields: [] }
  }
  if (fields.length === 0) return { end: 0, fields: [] }
  if (!sawSeparator && !fields.some((f) => f.key === 'summary' || f.key === 'notes')) {
    // A header that closes with a marker line a few paragraphs on: whatever lies between the
    // fields and that marker (an unlabelled summary) is front matter too. Not after a labelled
    // summary or notes: what follows those is the story.
    for (let k = j; k < Math.min(paras.length, j + 3); k++) {
      const p = paras[k]!
      if (p.kind === 'heading') break
      if (p.kind === 'marker' || p.kind === 'rule') {
        j = k + 1
        break
      }
    }
  }
  return { end: j, fields: title ? [title, ...fields] : fields }
}

/**
 * The fields of an AO3 work's page copied to text: its labels ("Rating:", "Fandom:",
 * "Summary:") each with the value after it, on its line or on the lines below; the title and
 * the author are the first two unlabelled lines after the tags.
 */
export function ao3TextFields(text: string, paras: Para[]): MatterField[] {
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
        fields.push({ key: label, value, start, end })
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
