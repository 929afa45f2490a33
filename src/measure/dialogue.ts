import { speakerList } from './characters.js'
import type { Counts } from './counts.js'

export interface DialogueMeasure {
  share: number | null
  words: number
  speeches: number
  meanSpeechWords: number | null
  scareQuotes: number
  spans: [number, number][]
  /**
   * Who said each span of `spans`: the character's name (null when unknown), how it was found, and
   * how sure; null where none of the span is in English (speakers are found by English rules).
   */
  speakers: { name: string | null; kind: string | null; confidence: number }[] | null
}

const round = (x: number) => Math.round(x * 10_000) / 10_000

/** The span's words in English (all of them, unless some scenes are in another language): what thought is a share of. */
const englishWords = (c: Counts): number => c.paragraphWords.reduce((a, b) => a + b, 0) - c.otherWords

/** Direct speech: its share of the words, its speeches and their mean length. */
export function dialogue(c: Counts): DialogueMeasure {
  const words = c.paragraphWords.reduce((a, b) => a + b, 0)
  const speeches = c.speechIds.length
  return {
    share: words ? round(c.dialogueWords / words) : null,
    words: c.dialogueWords,
    speeches,
    meanSpeechWords: speeches ? round(c.dialogueWords / speeches) : null,
    scareQuotes: c.scareQuotes,
    spans: c.speechSpans,
    speakers: c.english ? speakerList(c) : null,
  }
}

export interface ThoughtMeasure {
  share: number | null
  words: number
  spans: [number, number][]
}

/** Interior thought: italic sentences of narration; null where the format has no italics. */
export function thought(c: Counts): ThoughtMeasure | null {
  if (c.thought === null) return null
  const words = englishWords(c)
  return { share: words ? round(c.thought.words / words) : null, words: c.thought.words, spans: c.thought.spans }
}

/** Unmarked thought: sentences of plain narration that are a character's direct thought; known in every format. */
export function unmarkedThought(c: Counts): ThoughtMeasure {
  const words = englishWords(c)
  return { share: words ? round(c.unmarkedThought.words / words) : null, words: c.unmarkedThought.words, spans: c.unmarkedThought.spans }
}
