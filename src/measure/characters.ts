// Who is in each span of story and who speaks how much: the cast's mentions and speeches
// counted per scene, summed for chapters and the work.
import type { Cast, Character } from '../annotate/characters.js'
import type { AnnotatedScene } from '../annotate/index.js'
import { NARRATOR } from '../annotate/speakers.js'
import { firstFrom } from '../annotate/spans.js'
import { firstNameWord, type Gender } from '../annotate/genders.js'
import type { Counts } from './counts.js'

/** One character's counts over a span. */
export interface Tally {
  /** Mentions of their names anywhere (narration and speech); in narration, and as a verb's subject there, speech tags left out. */
  mentions: number
  narration: number
  subjects: number
  /** The subject of a verb in narration at least once, a speech tag included. */
  acts?: boolean
  speeches: number
  dialogueWords: number
  /** Scenes they are present in (speak, or act in narration), the first and the last. */
  scenes: number
  firstScene: number
  lastScene: number
}

/** The counts of the cast in one scene. */
export function tallyScene(a: AnnotatedScene, cast: Cast): Map<number, Tally> {
  const out = new Map<number, Tally>()
  const get = (c: number) => {
    let x = out.get(c)
    if (!x) out.set(c, (x = { mentions: 0, narration: 0, subjects: 0, speeches: 0, dialogueWords: 0, scenes: 0, firstScene: a.scene.index, lastScene: a.scene.index }))
    return x
  }
  const end = firstFrom(cast.mentions, a.scene.end)
  for (let k = firstFrom(cast.mentions, a.scene.start); k < end; k++) {
    const m = cast.mentions[k]!
    if (m.character < 0) continue
    const x = get(m.character)
    x.mentions++
    // A speech tag ("Jean said") tells who speaks, not whom narration follows.
    if (!m.dialogue && !m.speaking) x.narration++
    if (m.subject && !m.speaking) x.subjects++
    if (m.subject) x.acts = true
  }
  const speech = a.quotes.filter((q) => q.kind === 'speech')
  const counted = new Set<string>()
  for (let k = 0; k < speech.length; k++) {
    const c = a.speakers[k]?.character
    if (c === null || c === undefined) continue
    const x = get(c)
    x.dialogueWords += a.speechWords[k] ?? 0
    const key = `${c}:${speech[k]!.speech}`
    if (!counted.has(key)) x.speeches++
    counted.add(key)
  }
  for (const x of out.values()) x.scenes = x.speeches > 0 || x.acts ? 1 : 0
  return out
}

/** Add one span's tallies to another's. */
export function combineTallies(out: Map<number, Tally>, part: ReadonlyMap<number, Tally>): void {
  for (const [c, t] of part) {
    const x = out.get(c)
    if (!x) {
      out.set(c, { ...t })
      continue
    }
    x.mentions += t.mentions
    x.narration += t.narration
    x.subjects += t.subjects
    x.speeches += t.speeches
    x.dialogueWords += t.dialogueWords
    if (t.scenes > 0) {
      x.firstScene = x.scenes > 0 ? Math.min(x.firstScene, t.firstScene) : t.firstScene
      x.lastScene = x.scenes > 0 ? Math.max(x.lastScene, t.lastScene) : t.lastScene
    }
    x.scenes += t.scenes
  }
}

export interface CharacterEntry {
  name: string
  aliases: string[]
  gender: Gender | null
  mentions: number
  speeches: number
  dialogueWords: number
  /** Their share of the span's dialogue words (null without dialogue). */
  dialogueShare: number | null
  present: boolean
  scenes: number
  firstScene: number | null
  lastScene: number | null
}

const round = (x: number) => Math.round(x * 10_000) / 10_000

/** The span's characters, those present first, then by speeches and mentions. */
export function characters(c: Counts): CharacterEntry[] {
  const out: CharacterEntry[] = []
  for (const [index, t] of c.characters) {
    const ch: Character | undefined = c.cast[index]
    if (!ch) continue
    out.push({
      name: ch.name,
      aliases: ch.aliases,
      gender: ch.gender,
      mentions: t.mentions,
      speeches: t.speeches,
      dialogueWords: t.dialogueWords,
      // A share of the dialogue speakers were looked for in: the span's English scenes'.
      dialogueShare: c.dialogueWords - c.otherDialogueWords ? round(t.dialogueWords / (c.dialogueWords - c.otherDialogueWords)) : null,
      present: t.scenes > 0,
      scenes: t.scenes,
      firstScene: t.scenes > 0 ? t.firstScene : null,
      lastScene: t.scenes > 0 ? t.lastScene : null,
    })
  }
  return out.sort((a, b) => Number(b.present) - Number(a.present) || b.speeches + b.mentions - (a.speeches + a.mentions) || (a.name < b.name ? -1 : 1))
}

/** Who said each speech span, parallel to `dialogue.spans`. */
export function speakerList(c: Counts): { name: string | null; kind: string | null; confidence: number }[] {
  return c.speakers.map((s) => ({ name: s.character === null ? null : (c.cast[s.character]?.name ?? null), kind: s.kind, confidence: s.confidence }))
}

/**
 * The character third-person narration follows: the span's viewpoint where it is one of the
 * cast (see viewpointCharacter); else, of the characters present, the one narration names most
 * (twice as the subject of a verb), of the gender of the span's he or she where one outnumbers
 * the other one and a half times (the focal character is mostly "she" or "he", the people around
 * them named). Null where no one is present, or only people of the other gender.
 */
export function followed(c: Counts): string | null {
  const seen = viewpointCharacter(c)
  const seenGender = seen === null ? null : genderOf(c, seen)
  // The thinking and perceiving is plainly a she's (or a he's): a viewpoint of the other gender is
  // the pronouns' last antecedent, not whom the scene follows.
  if (seen !== null && (c.viewpointGender === null || seenGender === c.viewpointGender)) return seen
  const want = c.viewpointGender ?? followedGender(c)
  // The best of that gender; else of no known gender; else anyone present.
  const best: (string | null)[] = [null, null, null]
  const bestScore = [0, 0, 0]
  for (const [index, t] of c.characters) {
    const ch = c.cast[index]
    if (!ch || ch.narrator || ch.described || t.scenes === 0) continue
    // Narration that names them outside speech tags first; where no one has that, any mention (a tag included).
    const score = 10 * (t.narration + t.subjects) + t.mentions
    const rank = want === null || ch.gender === want ? 0 : ch.gender === null ? 1 : 2
    if (score > bestScore[rank]!) [best[rank], bestScore[rank]] = [ch.name, score]
  }
  // Thinking and perceiving plainly a she's or a he's: someone of that gender, else no one (a
  // "she" among named men is not one of them).
  if (c.viewpointGender !== null) return best[0] ?? null
  // Where the span's he or she is plain and no one present is of that gender, the one followed
  // is not named here: no one of the other gender stands in for them.
  return best[0] ?? best[1] ?? (want === null ? best[2] : null) ?? null
}

/**
 * The span's viewpoint (who thinks, feels and perceives most, from the head-hop reading) where
 * it names one character of the cast: it outranks the he or she count, which the people around
 * the focal character swell as often as the focal character does.
 */
export function viewpointCharacter(c: Counts): string | null {
  if (c.viewpoint === null) return null
  // The viewpoint is a name's first word after any title ("Nell", "Varga" of "Inspector Varga"): the one character it names, if only one.
  const fits = c.cast.filter((ch) => !ch.described && !ch.narrator && (ch.name === c.viewpoint || ch.aliases.includes(c.viewpoint!) || firstNameWord(ch.name) === c.viewpoint))
  return fits.length === 1 ? fits[0]!.name : null
}

/** The gender the story gives the character of that name; null where it gives none or there is no such character. */
export const genderOf = (c: Counts, name: string): Gender | null => c.cast.find((ch) => ch.name === name)?.gender ?? null

/** The gender the span's narration follows: he or she where one outnumbers the other 1.5 times. */
export const followedGender = (c: Counts) => (c.he > 1.5 * c.she ? 'he' : c.she > 1.5 * c.he ? 'she' : null)

/** The first-person narrator's name, where the story gives it; else null. */
export function narratorName(c: Counts): string | null {
  if (c.sceneNarrator !== null) return c.sceneNarrator
  for (const ch of c.cast) if (ch.narrator && ch.name !== NARRATOR) return ch.name
  return null
}
