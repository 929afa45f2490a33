import { shownSlips } from '../measure/tense.js'
import type { Report, SceneReport } from './types.js'

/** A scene's figures, as both the corpus tables and a comparison of drafts show them. */
export interface SceneFigures {
  chapterTitle: string | null
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
  slips: number
  /** Point-of-view shifts (head-hops) found. */
  povShifts: number
}

/** The figures of one scene of a report. */
export function sceneFigures(r: Report, s: SceneReport): SceneFigures {
  return {
    chapterTitle: r.chapters[s.chapter]?.title ?? null,
    opening: s.opening,
    words: s.words,
    sentences: s.sentences,
    meanSentence: s.sentenceLength.mean,
    medianSentence: s.sentenceLength.median,
    dialogueShare: s.dialogue.share,
    thoughtShare: s.thought?.share ?? null,
    unmarkedThoughtShare: s.unmarkedThought.share,
    tense: s.tense.dominant,
    pov: s.pov.dominant,
    character: s.pov.character,
    slips: shownSlips(s.tense).length,
    povShifts: s.povShifts.length,
  }
}
