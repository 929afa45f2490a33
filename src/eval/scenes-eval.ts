import type { Report } from '../report/types.js'
import { openingKey, type StoryLabels } from './labels.js'

export interface SceneScore {
  file: string
  opening: string
  matched: boolean
  share: number | null
  gold_share: number | null
  /** Thought share, ours and labelled (null where unknown). */
  thought: number | null
  gold_thought: number | null
  pov: string | null
  gold_pov: string | null
  tense: string | null
  gold_tense: string | null
  character: string | null
  gold_character: string | null
  characterRight: boolean
}

/** A name matches when they share a word ("Wren" and "Wren Halloran"); null matches null. */
export function sameCharacter(ours: string | null, gold: string | null): boolean {
  if (ours === null || gold === null) return ours === gold
  const a = new Set(ours.toLowerCase().split(/\s+/))
  return gold.toLowerCase().split(/\s+/).some((w) => a.has(w))
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
        thought: s?.thought?.share ?? null,
        gold_thought: g.words && g.thoughtWords !== undefined ? g.thoughtWords / g.words : null,
        pov: s?.pov?.dominant ?? null,
        gold_pov: g.pov ?? null,
        tense: s?.tense?.dominant ?? null,
        gold_tense: g.tense ?? null,
        character: s?.pov?.character ?? null,
        characterRight: s !== undefined && sameCharacter(s.pov?.character ?? null, g.character ?? null),
        gold_character: g.character ?? null,
      }
    }),
  )
}
