/**
 * Central types of proselens. Every span is a half-open `[start, end)` pair of UTF-16 offsets
 * into the one normalised text of the manuscript.
 */

/** A half-open `[start, end)` range of UTF-16 offsets into `Manuscript.text`. */
export interface Span {
  start: number
  end: number
}

/** Input formats proselens knows. Only `text` is read in this version. */
export type Format = 'text'

/** Encodings the text ingest can decode. */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be'

export type Severity = 'info' | 'warning' | 'error'

/** A problem or observation about the input; the analysis goes on. */
export interface Diagnostic {
  severity: Severity
  code: string
  message: string
  start?: number
  end?: number
}

/** Bytes decoded and normalised into one text, plus what the format told us. */
export interface Source {
  text: string
  path?: string
  format: Format
  encoding: Encoding
  bytes: number
  sha256: string
  diagnostics: Diagnostic[]
}

/** How a scene was separated from what came before it. */
export type BreakKind = 'start' | 'chapter' | 'marker' | 'rule' | 'gap'

export interface SceneBreak {
  kind: BreakKind
  /** The marker line as written (`* * *`, `#`), or null where no marker was seen. */
  marker: string | null
  /** 0..1: how sure the detector is that a scene starts here. */
  confidence: number
}

/** A paragraph: its span and, for hard-wrapped text, still containing the line breaks. */
export type Paragraph = Span

export interface Scene extends Span {
  index: number
  chapter: number
  breakBefore: SceneBreak
  paragraphs: Paragraph[]
}

export interface Chapter extends Span {
  index: number
  title: string | null
  /** A heading that stood directly before this chapter's own ("Part One" before "Chapter 1"). */
  part: string | null
  /** A subtitle line under the heading. */
  subtitle: string | null
  /** The heading line(s), if the chapter was opened by one. */
  heading: Span | null
  scenes: Scene[]
}

/** A labelled field of front or end matter ("Rating: M", "by Ann Lee", a title line). */
export interface MatterField extends Span {
  key: string
  value: string
}

export interface Matter extends Span {
  fields: MatterField[]
}

/** Metadata gathered from front matter (and, later, from markup). */
export interface Meta {
  title: string | null
  author: string | null
  rating: string | null
  fandom: string | null
  summary: string | null
  warnings: string | null
  notes: string[]
  [key: string]: string | string[] | number | null
}

/** The story's structure over the normalised text. */
export interface Manuscript {
  text: string
  source: Omit<Source, 'text' | 'diagnostics'>
  meta: Meta
  frontMatter: Matter | null
  endMatter: Matter | null
  chapters: Chapter[]
  /** Layout facts learnt from the document (paragraph separator, hard wrapping). */
  layout: Layout
  diagnostics: Diagnostic[]
}

export type ParagraphSeparator = 'blank-line' | 'newline' | 'none'

export interface Layout {
  separator: ParagraphSeparator
  hardWrapped: boolean
  /** Usual number of blank lines between paragraphs. */
  usualGap: number
}
