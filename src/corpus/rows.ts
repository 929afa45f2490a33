import { narrationFigures, sceneFigures, type SceneFigures } from '../report/figures.js'
import type { Report } from '../report/types.js'

export { sceneFigures, type SceneFigures }

/** One work as the corpus tables hold it: compact, so thousands fit in memory. */
export interface WorkRow {
  path: string
  /** The work's report files, relative to the output folder, without their ending. */
  report: string
  format: string
  sha256: string
  title: string | null
  author: string | null
  rating: string | null
  fandom: string | null
  words: number
  scenes: number
  chapters: number
  dialogueShare: number | null
  thoughtShare: number | null
  unmarkedThoughtShare: number | null
  tense: string | null
  pov: string | null
  /** The character the work's narration follows, and the three who speak most. */
  character: string | null
  topSpeakers: string | null
  meanSentence: number | null
  medianSentence: number | null
  slips: number | null
  povShifts: number | null
  readingMinutes: number | null
  /** The work's language (BCP 47), and where it was learnt: its metadata, or its text. */
  language: string | null
  languageSource: string | null
  diagnostics: number
}

/** One scene of a work, for the corpus-wide scene table. */
export interface SceneRow extends SceneFigures {
  path: string
  scene: number
  chapter: number
}

/** A work that could not be analysed. */
export interface FailureRow {
  path: string
  error: string
}

export const WORK_COLUMNS: readonly (keyof WorkRow)[] = [
  'path', 'title', 'author', 'rating', 'fandom', 'format', 'language', 'languageSource', 'words', 'scenes', 'chapters', 'dialogueShare', 'thoughtShare', 'unmarkedThoughtShare', 'tense', 'pov', 'character', 'topSpeakers', 'meanSentence', 'medianSentence', 'slips', 'povShifts', 'readingMinutes', 'diagnostics', 'sha256', 'report',
]
export const SCENE_COLUMNS: readonly (keyof SceneRow)[] = [
  'path', 'scene', 'chapter', 'chapterTitle', 'language', 'sceneTitle', 'opening', 'words', 'sentences', 'meanSentence', 'medianSentence', 'dialogueShare', 'thoughtShare', 'unmarkedThoughtShare', 'tense', 'pov', 'character', 'writerPov', 'characters', 'topSpeakers', 'slips', 'povShifts',
]
export const FAILURE_COLUMNS: readonly (keyof FailureRow)[] = ['path', 'error']

const text = (v: unknown): string | null => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : null)

/** The rows of one report. */
export function rowsOf(r: Report, path: string, report: string): { work: WorkRow; scenes: SceneRow[] } {
  const t = r.totals
  return {
    work: {
      path,
      report,
      format: r.source.format,
      sha256: r.source.sha256,
      title: text(r.meta.title),
      author: text(r.meta.author),
      rating: text(r.meta.rating),
      fandom: text(r.meta.fandom),
      words: t.words,
      scenes: r.scenes.length,
      chapters: r.chapters.length,
      dialogueShare: t.dialogue.share,
      thoughtShare: t.thought?.share ?? null,
      ...narrationFigures(t),
      meanSentence: t.sentenceLength.mean,
      medianSentence: t.sentenceLength.median,
      readingMinutes: t.readingMinutes,
      language: r.meta.languageCode ?? null,
      languageSource: r.meta.languageSource ?? null,
      diagnostics: r.diagnostics.filter((d) => d.severity !== 'info').length,
    },
    scenes: sceneRows(r, path),
  }
}

function sceneRows(r: Report, path: string): SceneRow[] {
  const rows: SceneRow[] = []
  for (const s of r.scenes) rows.push({ path, scene: s.index + 1, chapter: s.chapter + 1, ...sceneFigures(r, s) })
  return rows
}
