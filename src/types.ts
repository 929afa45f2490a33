/**
 * Central types of proselens. Every span is a half-open `[start, end)` pair of UTF-16 offsets
 * into the one normalised text of the manuscript.
 */

/** A half-open `[start, end)` range of UTF-16 offsets into `Manuscript.text`. */
export interface Span {
  start: number
  end: number
}

/** Input formats proselens reads. */
export type Format = 'text' | 'markdown' | 'html' | 'docx' | 'odt' | 'epub' | 'rtf' | 'scrivener' | 'novelwriter' | 'pdf' | 'book'

/** Encodings the ingest can decode (the Windows, Mac and Asian code pages for RTF's `\ansicpg`). */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | RtfEncoding

/** The code pages an RTF document may be written in, by their WHATWG decoder labels. */
export type RtfEncoding =
  | 'windows-874' | 'shift_jis' | 'gbk' | 'euc-kr' | 'big5' | 'windows-1250' | 'windows-1251' | 'windows-1253' | 'windows-1254'
  | 'windows-1255' | 'windows-1256' | 'windows-1257' | 'windows-1258' | 'ibm866' | 'macintosh'

export type Severity = 'info' | 'warning' | 'error'

/** A problem or observation about the input; the analysis goes on. */
export interface Diagnostic {
  severity: Severity
  code: string
  message: string
  start?: number
  end?: number
}

/** What a block of marked-up text is: story text, a heading, a scene break, or matter around the story. */
export type BlockRole = 'text' | 'heading' | 'break' | 'front' | 'note' | 'end'

/** A paragraph-level block of a marked-up document, as its markup defines it. */
export interface Block extends Span {
  role: BlockRole
  /** For headings: 1 for `h1` / `#`, 2 for `h2` / `##`, and so on. */
  level?: number
  /** For front and end matter: the `meta` field it holds (`summary`, `notes`). */
  key?: string
  /** Centred in the document (a centred paragraph, `<center>`). */
  centred?: boolean
  /** Empty paragraphs just before this block (a writer's blank lines in a word processor). */
  blanks?: number
  /** For breaks: the start of a document of a writing app's project (a Scrivener binder item). */
  document?: true
}

/**
 * What a writing app's project says of one of its documents (a scene): its title in the binder or
 * heading, the writer's synopsis, label and status, and the tags the writer set (novelWriter's
 * `@pov`, `@char`, `@location`).
 */
export interface SceneMeta {
  title: string | null
  synopsis: string | null
  label: string | null
  status: string | null
  pov: string | null
  characters: string[]
  locations: string[]
}

/** Where a project's document starts in the text (its first block), and what the project says of it. */
export interface DocumentPlace {
  start: number
  meta: SceneMeta
}

/** What a marked-up format tells beyond its text: its blocks, italics and metadata. */
export interface Markup {
  /** The document's blocks in order; each one a paragraph of the text, separated by a blank line. */
  blocks: Block[]
  /** Italic (emphasised) runs of the text. */
  italics: Span[]
  /** Metadata the markup states (YAML front matter, an AO3 preface, an EPUB package). */
  meta: Partial<Meta>
  /** Metadata used only where the text states none (a DOCX's often stale core properties). */
  fallback?: Partial<Meta>
  /**
   * Set for a writing app's project (Scrivener, novelWriter): its outline gives chapters and
   * scenes, so nothing is guessed from the text (no title line, headings or front matter read
   * from paragraphs).
   */
  project?: true
  /**
   * Set for a typeset document (a PDF) and a book of chapter files: its blank lines are as meant
   * (measured on the page, or written for a gap break), so a wider gap between paragraphs is a
   * scene break even where the document also sets markers.
   */
  typeset?: true
  /** Set for a book read from chapter files: how many, and whether a manifest gave their order. */
  book?: { files: number; manifest: boolean }
  /** A project's documents, in order, with what the project says of each. */
  documents?: DocumentPlace[]
  /**
   * A language the format carries without the writer stating it (an HTML page's lang, a word
   * processor's default language): used where the text agrees with it.
   */
  languageHint?: string
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
  /** Hints from markup; absent for plain text, whose structure is learnt from its layout. */
  markup?: Markup
}

/** How a scene was separated from what came before it. */
export type BreakKind = 'start' | 'chapter' | 'marker' | 'rule' | 'gap' | 'writer' | 'document'

export interface SceneBreak {
  kind: BreakKind
  /** The marker line as written (`* * *`, `#`), or null where no marker was seen. */
  marker: string | null
  /** 0..1: how sure the detector is that a scene starts here. */
  confidence: number
  /** Below the documented threshold (`WEAK_BELOW`): a possible break, drawn apart on the page. */
  weak?: boolean
}

/** A paragraph: its span and, for hard-wrapped text, still containing the line breaks. */
export type Paragraph = Span

export interface Scene extends Span {
  index: number
  chapter: number
  breakBefore: SceneBreak
  paragraphs: Paragraph[]
  /** What a writing app's project says of the document this scene is (absent for other formats). */
  meta?: SceneMeta
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
  /**
   * The chapter's language (BCP 47), set by the language stage after structure: the work's, or
   * another its own text plainly shows; null where neither could be told.
   */
  language?: string | null
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
  /** The work's language as a BCP 47 code (`en`, `zh`, `fr-CA`), set by the language stage; null where it could not be told. */
  languageCode?: string | null
  /** Where `languageCode` comes from: the document's metadata, or the text (detected). */
  languageSource?: 'metadata' | 'detected' | null
  [key: string]: string | string[] | number | null | undefined
}

/** The story's structure over the normalised text. */
export interface Manuscript {
  text: string
  source: Omit<Source, 'text' | 'diagnostics' | 'markup'>
  meta: Meta
  /** Italic runs from the markup, or null where the format has no italics (plain text). */
  italics: Span[] | null
  frontMatter: Matter | null
  endMatter: Matter | null
  chapters: Chapter[]
  /** Layout facts learnt from the document (paragraph separator, hard wrapping). */
  layout: Layout
  diagnostics: Diagnostic[]
  /** The markup's `languageHint`, if any. */
  languageHint?: string
}

/** What separates paragraphs: learnt from plain text's layout, or given by `markup`. */
export type ParagraphSeparator = 'blank-line' | 'newline' | 'none' | 'markup'

export interface Layout {
  separator: ParagraphSeparator
  hardWrapped: boolean
  /** Usual number of blank lines between paragraphs. */
  usualGap: number
}
