import { WORD } from '../annotate/words.js'

/** A corpus story's labels file (`corpus/labels/<stem>.json`): the truth a report is scored against. */
export interface StoryLabels {
  file: string
  convention?: string
  encoding?: string
  lineEndings?: string
  pov?: string
  tense?: string
  quotes?: string
  frontMatter: { title: string | null; author: string | null; rating: string | null; fandom: string | null; firstStoryLine?: string } | null
  endMatter: string | null
  chapters: { title: string | null; scenes: SceneLabel[] }[]
  sceneCount: number
}

export interface SceneLabel {
  opening: string
  pov?: string
  tense?: string
  character?: string | null
  words?: number
  dialogueWords?: number
  /** Words of interior thought (italic sentences of narration), for formats with italics. */
  thoughtWords?: number
}


/** A scene's identity for matching: its first six words, lower-cased. */
export function openingKey(opening: string): string {
  return (opening.match(WORD) ?? []).slice(0, 6).join(' ').toLowerCase()
}
