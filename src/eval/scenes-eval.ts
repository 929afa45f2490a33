import type { Report } from '../report/types.js'
import { openingKey, type StoryLabels } from './labels.js'

export interface SceneScore {
  file: string
  opening: string
  matched: boolean
  share: number | null
  gold_share: number | null
  pov: string | null
  gold_pov: string | null
  tense: string | null
  gold_tense: string | null
  character: string | null
  gold_character: string | null
}

/** Per labelled scene: our dialogue share, POV, tense and character against the labels. */
export function scoreScenes(report: Report, labels: StoryLabels): SceneScore[] {
  const byKey = new Map(report.scenes.map((s) => [openingKey(s.opening), s]))
  return labels.chapters.flatMap((c) =>
    c.scenes.map((g) => {
      const s = byKey.get(openingKey(g.opening))
      return {
        file: labels.file,
        opening: g.opening,
        matched: s !== undefined,
        share: s?.dialogue.share ?? null,
        gold_share: g.words && g.dialogueWords !== undefined ? g.dialogueWords / g.words : null,
        pov: s?.pov.dominant ?? null,
        gold_pov: g.pov ?? null,
        tense: s?.tense.dominant ?? null,
        gold_tense: g.tense ?? null,
        character: s?.pov.character ?? null,
        gold_character: g.character ?? null,
      }
    }),
  )
}
