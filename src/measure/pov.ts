import { dominantPerson, FIRST_PER_1000, SECOND_PER_1000, type Person, type PersonCounts } from '../annotate/persons.js'
import type { Counts } from './counts.js'
import { followed, narratorName } from './characters.js'
import { narrationOf } from './embedded.js'

export type { Person }
export { dominantPerson, FIRST_PER_1000, SECOND_PER_1000 }

export interface PovMeasure {
  dominant: Person | null
  first: number
  firstPlural: number
  second: number
  third: number
  character: string | null
  /** The figure comes from a character's told story that makes up most of the span. */
  embedded: boolean
}


/**
 * Point of view of narration from its personal pronouns. A first-person narrator speaks of
 * others constantly, so "most pronouns win" is wrong: the narration is first person as soon as
 * I/me/my are frequent at all (third-person narration has almost none outside dialogue).
 */
export function pov(c: Counts): PovMeasure {
  const n = narrationOf(c)
  const { first, firstPlural, second, third } = n.pronouns
  const dominant = dominantPerson(n.pronouns, n.narrationWords)
  return { dominant, first, firstPlural, second, third, character: n.embedded ? n.speaker : character(c, dominant), embedded: n.embedded }
}


/** The most frequent key (ties: the first in order). */
export const top = (m: Map<string, number>): string | null => {
  let best: string | null = null
  let n = 0
  for (const [k, v] of m) if (v > n || (v === n && best !== null && k < best)) [best, n] = [k, v]
  return best
}

/** The focal character: in third person the character narration follows (see `followed`); in
 * first person the narrator's name where the story gives it, in second person the name of the
 * "you" it is told to. */
function character(c: Counts, dominant: Person | null): string | null {
  if (dominant === 'third') return followed(c)
  if (dominant === 'first' || dominant === 'second') return narratorName(c)
  return null
}
