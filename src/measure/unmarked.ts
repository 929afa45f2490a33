// Unmarked thought: a character's direct thought written as plain narration, without italics or
// quotes ("Go away.", "Can I just get some rest?"). Annotation marks the sentences that could be
// one (annotate/thought.ts); the scene around them decides, so that a third-person scene full of
// thought stays third person and a first-person narrator's short sentences stay narration.
import type { AnnotatedScene, Sentence } from '../annotate/index.js'
import { addPersons, type PersonCounts } from '../annotate/persons.js'
import { dominantPerson } from './pov.js'
import { dominantTense } from './tense.js'

/** A scene's narration once its unmarked thought is set apart. */
export interface Narration {
  /** The sentences that are narration (thought left out), in order. */
  sentences: Sentence[]
  /** Their pronouns and words. */
  pronouns: PersonCounts
  narrationWords: number
  /** The sentences of unmarked thought: their words and spans. */
  thought: { words: number; spans: [number, number][] }
}

/** A present sentence in past narration this short stands out as thought ("Of course it is."); a longer one is more often a general truth. */
const PRESENT_ASIDE_MAX_WORDS = 7

/** A sentence that may be thought on its own (a companion needs thought beside it). */
const primary = (s: Sentence) => s.thought !== null && s.thought.kind !== 'companion'


/**
 * Set a scene's unmarked thought apart from its narration. The rest of the narration (every
 * sentence that could not be thought) gives the scene's person and tense; then
 * - a first- or second-person sentence is thought in a third-person scene only;
 * - a command or a verbless exclamation is thought in a first- or third-person scene;
 * - a question in the present is thought where the rest is told in the past.
 */
export function setThoughtApart(a: AnnotatedScene): Narration {
  const rest: PersonCounts = { first: 0, firstPlural: 0, second: 0, third: 0 }
  let restWords = 0
  let past = 0
  let present = 0
  let candidates = 0
  for (const s of a.sentences) {
    if (primary(s)) {
      candidates++
      continue
    }
    restWords += s.narrationWords
    past += s.past
    present += s.present
  }
  const thought = { words: 0, spans: [] as [number, number][] }
  if (candidates === 0 && !a.sentences.some((s) => s.thought)) return { sentences: a.sentences, pronouns: a.pronouns, narrationWords: restWords, thought }
  addPersons(rest, a.pronouns, 1)
  for (const s of a.sentences) if (primary(s)) addPersons(rest, s.thought!.pronouns, -1)
  const person = dominantPerson(rest, restWords)
  const toldInPast = dominantTense(past, present) === 'past'
  const narrator = person === 'first' || person === 'third'
  const isThought = a.sentences.map((s) => {
    const k = s.thought?.kind
    if (k === 'person') return person === 'third'
    if (k === 'command' || k === 'exclamation') return narrator
    // In past narration a short sentence in the present stands out of it: "Of course it is.", "They always do."
    return ((k === 'question' && narrator) || (k === 'companion' && s.present > 0 && s.words <= PRESENT_ASIDE_MAX_WORDS && person === 'third')) && toldInPast
  })
  // A paragraph of short sentences with thought among them is all thought ("Stop it. Not now."),
  // but a first-person narrator's own "I" stays narration.
  let k = 0
  for (const p of a.scene.paragraphs) {
    const from = k
    while (k < a.sentences.length && a.sentences[k]!.start < p.end) k++
    let any = false
    let all = true
    for (let i = from; i < k; i++) {
      any ||= isThought[i]!
      all &&= isThought[i]! || a.sentences[i]!.thought?.kind === 'companion'
    }
    if (!any || !all || !narrator) continue
    for (let i = from; i < k; i++) {
      const c = a.sentences[i]!.thought!
      if (c.kind === 'companion' && !(person === 'first' && c.pronouns.first + c.pronouns.firstPlural > 0)) isThought[i] = true
    }
  }
  const sentences: Sentence[] = []
  const pronouns = { ...a.pronouns }
  let narrationWords = restWords
  for (let i = 0; i < a.sentences.length; i++) {
    const s = a.sentences[i]!
    if (!isThought[i]) {
      sentences.push(s)
      if (primary(s)) narrationWords += s.narrationWords
      continue
    }
    if (!primary(s)) narrationWords -= s.narrationWords
    addPersons(pronouns, s.thought!.pronouns, -1)
    thought.words += s.words
    thought.spans.push([s.start, s.end])
  }
  return { sentences, pronouns, narrationWords, thought }
}
