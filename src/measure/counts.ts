import type { AnnotatedScene } from '../annotate/index.js'

/**
 * What a span of story (a scene, a chapter, the work) is measured from: counted once per scene,
 * combined by concatenation for chapters and the work. Every measure derives from these.
 */
export interface Counts {
  /** Words of each sentence, in order. */
  sentenceWords: number[]
  /** Words of each paragraph, in order. */
  paragraphWords: number[]
}

export function countsOf(scene: AnnotatedScene): Counts {
  return { sentenceWords: scene.sentences.map((s) => s.words), paragraphWords: scene.paragraphWords }
}

/** The counts of several spans taken together. */
export function combine(parts: readonly Counts[]): Counts {
  return {
    sentenceWords: parts.flatMap((c) => c.sentenceWords),
    paragraphWords: parts.flatMap((c) => c.paragraphWords),
  }
}
