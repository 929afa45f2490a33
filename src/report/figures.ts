import { shownSlips } from '../measure/tense.js'
import type { Measures } from '../measure/registry.js'
import type { Report, SceneReport } from './types.js'

/** A scene's figures, as both the corpus tables and a comparison of drafts show them. */
export interface SceneFigures {
  chapterTitle: string | null
  /** The scene's title in a writing app's project (its binder title, its scene heading), else null. */
  sceneTitle: string | null
  opening: string
  words: number
  sentences: number
  meanSentence: number | null
  medianSentence: number | null
  dialogueShare: number | null
  thoughtShare: number | null
  unmarkedThoughtShare: number | null
  tense: string | null
  pov: string | null
  character: string | null
  /** The point-of-view character the writer tagged (novelWriter's `@pov`), else null. */
  writerPov: string | null
  /** The characters present, by name, joined with "; " (null where not measured: a scene not in English). */
  characters: string | null
  /** The three who speak most, with their share of the dialogue ("Nell 62%; Tom 38%"). */
  topSpeakers: string | null
  slips: number | null
  /** Point-of-view shifts (head-hops) found. */
  povShifts: number | null
  /** The language of the scene's chapter (BCP 47), or null where none could be told. */
  language: string | null
}

/** The figures of one scene of a report. */
export function sceneFigures(r: Report, s: SceneReport): SceneFigures {
  return {
    chapterTitle: r.chapters[s.chapter]?.title ?? null,
    sceneTitle: s.meta?.title ?? null,
    opening: s.opening,
    words: s.words,
    sentences: s.sentences,
    meanSentence: s.sentenceLength.mean,
    medianSentence: s.sentenceLength.median,
    dialogueShare: s.dialogue.share,
    thoughtShare: s.thought?.share ?? null,
    ...narrationFigures(s),
    writerPov: s.meta?.pov ?? null,
    characters: s.characters?.filter((c) => c.present).map((c) => c.name).join('; ') ?? null,
    language: r.chapters[s.chapter]?.language ?? null,
  }
}

/** The figures English rules make, null where the span is not in English. */
export function narrationFigures(m: Measures): Pick<SceneFigures, 'unmarkedThoughtShare' | 'tense' | 'pov' | 'character' | 'topSpeakers' | 'slips' | 'povShifts'> {
  return {
    unmarkedThoughtShare: m.unmarkedThought?.share ?? null,
    tense: m.tense?.dominant ?? null,
    pov: m.pov?.dominant ?? null,
    character: m.pov?.character ?? null,
    topSpeakers: m.characters ? topSpeakers(m.characters) : null,
    slips: m.tense ? shownSlips(m.tense).length : null,
    povShifts: m.povShifts?.length ?? null,
  }
}

/** The three characters who speak most, with their share of the span's dialogue: "Nell 62%; Tom 38%". */
export function topSpeakers(characters: readonly { name: string; dialogueShare: number | null; dialogueWords: number }[]): string {
  return [...characters]
    .filter((c) => c.dialogueWords > 0)
    .sort((a, b) => b.dialogueWords - a.dialogueWords || (a.name < b.name ? -1 : 1))
    .slice(0, 3)
    .map((c) => `${c.name} ${Math.round((c.dialogueShare ?? 0) * 100)}%`)
    .join('; ')
}
