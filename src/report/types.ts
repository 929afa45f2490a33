import type { BreakKind, Diagnostic, Encoding, Format, Layout, MatterField, Meta, SceneMeta } from '../types.js'
import type { Measures } from '../measure/registry.js'
import type { QuoteConvention } from '../annotate/dialogue.js'

export const SCHEMA_VERSION = 4

export interface MatterReport {
  start: number
  end: number
  text: string
  fields: MatterField[]
}

/** A scene's measures and where it lies. */
export interface SceneReport extends Measures {
  index: number
  /** 1-based, as the page and the CSV number scenes. */
  number: number
  chapter: number
  /** The share of the story's words before the scene, 0..1. */
  position: number
  start: number
  end: number
  break: { kind: BreakKind; marker: string | null; confidence: number; weak: boolean }
  opening: string
  /** What a writing app's project says of the scene's document, or null. */
  meta: SceneMeta | null
  /** `[start, end)` of each paragraph. */
  paragraphSpans: [number, number][]
  /** `[start, end, words, dialogueWords]` of each sentence. */
  sentenceSpans: [number, number, number, number][]
}

export interface ChapterReport extends Measures {
  index: number
  /** 1-based, as the page and the CSV number chapters. */
  number: number
  title: string | null
  part: string | null
  subtitle: string | null
  start: number
  end: number
  heading: { start: number; end: number } | null
  /** The chapter's language (BCP 47): the work's, or another its text plainly shows; null where none could be told. */
  language: string | null
  /** Indexes of the chapter's scenes in `scenes`. */
  scenes: number[]
}

/** The JSON report: the product's contract (see `schema/report.schema.json`). */
export interface Report {
  schemaVersion: typeof SCHEMA_VERSION
  tool: { name: string; version: string }
  source: { path: string | null; format: Format; encoding: Encoding; bytes: number; sha256: string }
  meta: Meta
  frontMatter: MatterReport | null
  endMatter: MatterReport | null
  layout: Layout
  totals: Measures
  chapters: ChapterReport[]
  scenes: SceneReport[]
  /** The dialogue convention detected for the whole document. */
  quoteConvention: QuoteConvention
  diagnostics: Diagnostic[]
  /** The normalised text every offset refers to (left out with `includeText: false`). */
  text?: string
}
