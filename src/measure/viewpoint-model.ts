// Whom each third-person scene follows, chosen over the whole story: every character the scene
// mentions (and the one of each gender the story followed last) is scored on what the scene and
// the story show of them, and the best-scored is the scene's viewpoint character. The score is a
// weighted sum whose weights scripts/train-viewpoint.mjs fits (a conditional logit) to the
// helper-written labelled stories in test/fixtures/viewpoints and the corpus's labels.
import { firstNameWord, type Gender } from '../annotate/genders.js'
import { VIEWPOINT_WEIGHTS } from '../data/viewpoint-weights.generated.js'
import { followedGender, viewpointCharacter } from './characters.js'
import type { Counts } from './counts.js'

/** The features, in the order of the weights: what each says of one candidate in one scene. */
export const VIEWPOINT_FEATURES = [
  // The paragraphs they think, feel or perceive in (the head-hop reading), and their share of the scene's.
  'logParagraphs',
  'paragraphShare',
  // They are the scene's viewpoint in the head-hop reading.
  'viewpoint',
  // Their gender against the gender whose thinking and perceiving is plain (+1, -1; 0 unknown).
  'viewpointGender',
  // Their gender against the scene's he/she majority.
  'pronounGender',
  // Named in narration, as a verb's subject there, anywhere (log counts); named against the most-named.
  'logNarration',
  'logSubjects',
  'logMentions',
  'narrationShare',
  'mostNamed',
  // Over the story's third-person scenes: their share of its thinking and perceiving paragraphs, of its naming.
  'storyParagraphShare',
  'storyNamingShare',
  // The one of their gender the story followed last.
  'carried',
  'logSpeeches',
  // Not named in the scene at all (a candidate only as the one carried on).
  'unnamed',
  'noGender',
  // The first character the scene mentions.
  'firstMentioned',
  // Their paragraphs where their gender is the plain viewpoint gender.
  'paragraphsOfGender',
  // Their gender against the he or she the scene opens with before naming anyone; the scene opens on them as a subject.
  'openingGender',
  'openingName',
  // The paragraphs they think or feel in, not only perceive (log count).
  'logInner',
  // The viewpoint of the third-person scene before last, where the last was someone else's (turns
  // taken), named in this scene (a wrong choice two scenes back is not carried into a scene without them).
  'turn',
] as const

export type ViewpointFeature = (typeof VIEWPOINT_FEATURES)[number]

/** One candidate for a scene's viewpoint and its features. */
export interface Candidate {
  character: number
  features: number[]
}

/** What the story as a whole shows of each character: see storyEvidence. */
export interface StoryEvidence {
  paragraphs: ReadonlyMap<string, number>
  paragraphTotal: number
  naming: ReadonlyMap<number, number>
  namingMost: number
}

/** The thinking and perceiving paragraphs and the naming of the story's third-person scenes, summed. */
export function storyEvidence(third: readonly Counts[]): StoryEvidence {
  const paragraphs = new Map<string, number>()
  const naming = new Map<number, number>()
  for (const c of third) {
    for (const [k, v] of c.viewpointParagraphs) paragraphs.set(k, (paragraphs.get(k) ?? 0) + v)
    for (const [k, t] of c.characters) naming.set(k, (naming.get(k) ?? 0) + t.narration + t.subjects)
  }
  let paragraphTotal = 0
  for (const v of paragraphs.values()) paragraphTotal += v
  return { paragraphs, paragraphTotal, naming, namingMost: Math.max(0, ...naming.values()) }
}

/** The paragraphs a count gives a character, under any of their names or their name's first word (as the head-hop reading names people). */
function byForms(m: ReadonlyMap<string, number>, forms: readonly string[]): number {
  let n = 0
  for (const f of forms) n = Math.max(n, m.get(f) ?? 0)
  return n
}

/** Each candidate for the scene's viewpoint: everyone it mentions, and whom each gender's he or she went on with; only those of the scene's plain viewpoint gender, where it has one. */
export function candidates(c: Counts, story: StoryEvidence, carried: Readonly<Record<Gender, number | null>>, turns: Turns = NO_TURNS): Candidate[] {
  const seen = viewpointCharacter(c)
  const vpGender = c.viewpointGender
  const pronounGender = followedGender(c)
  let sceneParagraphs = 0
  for (const v of c.viewpointParagraphs.values()) sceneParagraphs += v
  let narrationMost = 0
  let mostNamed = -1
  for (const [k, t] of c.characters) if (t.narration > narrationMost) [narrationMost, mostNamed] = [t.narration, k]
  const first = c.characters.keys().next().value
  const pool = new Set(c.characters.keys())
  for (const k of [carried.he, carried.she]) if (k !== null) pool.add(k)
  const out: Candidate[] = []
  for (const k of pool) {
    const ch = c.cast[k]
    if (!ch || ch.narrator || ch.described) continue
    // Thinking and perceiving plainly a she's or a he's: someone of that gender ("she" among named men is none of them).
    if (vpGender !== null && ch.gender !== vpGender) continue
    const t = c.characters.get(k)
    const forms = [ch.name, ...ch.aliases].flatMap((f) => [f, firstNameWord(f)])
    const paragraphs = byForms(c.viewpointParagraphs, forms)
    const fits = (g: Gender | null) => (g === null || ch.gender === null ? 0 : ch.gender === g ? 1 : -1)
    const narration = t?.narration ?? 0
    out.push({
      character: k,
      features: [
        Math.log1p(paragraphs),
        sceneParagraphs ? paragraphs / sceneParagraphs : 0,
        seen === ch.name ? 1 : 0,
        fits(vpGender),
        fits(pronounGender),
        Math.log1p(narration),
        Math.log1p(t?.subjects ?? 0),
        Math.log1p(t?.mentions ?? 0),
        narrationMost ? narration / narrationMost : 0,
        mostNamed === k ? 1 : 0,
        story.paragraphTotal ? byForms(story.paragraphs, forms) / story.paragraphTotal : 0,
        story.namingMost ? (story.naming.get(k) ?? 0) / story.namingMost : 0,
        ch.gender !== null && carried[ch.gender] === k ? 1 : 0,
        Math.log1p(t?.speeches ?? 0),
        (t?.mentions ?? 0) === 0 ? 1 : 0,
        ch.gender === null ? 1 : 0,
        first === k ? 1 : 0,
        fits(vpGender) === 1 ? Math.log1p(paragraphs) : 0,
        fits(c.opening.gender),
        c.opening.name !== null && forms.includes(c.opening.name) ? 1 : 0,
        Math.log1p(byForms(c.innerParagraphs, forms)),
        turns.before === k && turns.last !== null && turns.last !== k && (t?.mentions ?? 0) > 0 ? 1 : 0,
      ],
    })
  }
  return out
}

/** The viewpoints of the last two third-person scenes before this one (null for none or unknown). */
export interface Turns {
  last: number | null
  before: number | null
}
export const NO_TURNS: Turns = { last: null, before: null }
/** The turns after a scene whose viewpoint was `k`. */
export const nextTurns = (t: Turns, k: number | null): Turns => ({ last: k, before: t.last })

/** A candidate's score under the weights. */
export const score = (features: readonly number[], weights: readonly number[] = VIEWPOINT_WEIGHTS): number => {
  let s = 0
  for (let i = 0; i < features.length; i++) s += features[i]! * (weights[i] ?? 0)
  return s
}

/**
 * Each third-person scene's viewpoint character (the index into the cast; null for other scenes
 * and scenes with no candidate), in story order: the best-scored candidate, the one chosen for
 * their gender becoming the next scenes' "carried". A scene left with no one (a she thinks, only a man is named, and no
 * she came before: "The piano at the back of the bar is out of tune. She hears it…") follows the
 * one of that gender the story follows next.
 */
export function chooseViewpoints(counts: readonly Counts[], third: readonly boolean[]): (number | null)[] {
  const story = storyEvidence(counts.filter((_c, i) => third[i]))
  const carried: Record<Gender, number | null> = { he: null, she: null }
  let turns = NO_TURNS
  const chosen = counts.map((c, i) => {
    if (!third[i]) return null
    let best: Candidate | null = null
    let bestScore = -Infinity
    for (const x of candidates(c, story, carried, turns)) {
      const s = score(x.features)
      if (s > bestScore) [best, bestScore] = [x, s]
    }
    turns = nextTurns(turns, best?.character ?? null)
    if (best === null) return null
    const g = c.cast[best.character]?.gender
    if (g) carried[g] = best.character
    return best.character
  })
  const next: Record<Gender, number | null> = { he: null, she: null }
  for (let i = counts.length - 1; i >= 0; i--) {
    const c = counts[i]!
    const k = chosen[i]
    if (k !== null && k !== undefined) {
      const g = c.cast[k]?.gender
      if (g) next[g] = k
    } else if (third[i]) {
      const want = c.viewpointGender ?? followedGender(c)
      if (want !== null) chosen[i] = next[want]
    }
  }
  return chosen
}
