// The story's cast and who says each speech, over the whole story once every scene is
// tokenised: speech tags first (names a tag gives count as people), then the cast, then each
// scene's speakers, then the first-person narrator's name.
import { findCast, findMentions, type Cast } from './characters.js'
import { ADDRESS, genderedPronouns, KINSHIP, openingOf, knownGivenName, namedGenders, TITLE, type Gender } from './genders.js'
import type { AnnotatedScene, TokenTable } from './index.js'
import { addPersons, dominantPerson } from './persons.js'
import { firstFrom } from './spans.js'
import { attributeSpeakers, NARRATOR } from './speakers.js'
import { sceneTags, turnsOf } from './tags.js'

/**
 * The cast, from the names on the tagged tokens and the speech tags, and each speech's speaker.
 * The first-person narrator joins the cast where a speech is theirs ("I said").
 */
export function attributeAll(text: string, tokens: TokenTable, scenes: AnnotatedScene[]): { cast: Cast; genders: Map<string, Gender> } {
  const sentences = scenes.flatMap((s) => s.sentences)
  const genders = namedGenders(text, tokens, sentences)
  const speechOf = (s: AnnotatedScene) => s.quotes.filter((q) => q.kind === 'speech')
  const tagged = new Map<string, number>()
  const speech = scenes.map(speechOf)
  const turns = scenes.map((s, i) => turnsOf(text, s.scene.paragraphs, speech[i]!))
  for (const t of turns) for (const tag of sceneTags(t)) tagged.set(tag.form, (tagged.get(tag.form) ?? 0) + 1)
  // Told by "I", or to "you": the one others call by name is the narrator, or the "you" addressed.
  const person = toldIn(scenes)
  const firstPerson = person === 'first' || person === 'second'
  const cast = findCast(text, tokens, findMentions(text, tokens, sentences, tagged), tagged, genders, firstPerson)
  let narrator = -1
  const narratorIndex = () => {
    if (narrator < 0) {
      narrator = cast.characters.length
      cast.characters.push({ name: NARRATOR, aliases: [], gender: null, narrator: true })
    }
    return narrator
  }
  const narratorVotes = scenes.map(() => new Map<number, number>())
  // Where others call the narrator by name, and where the narrator never acts by name: the
  // scenes not told in the third person (a detective's chapters between a pharmacist's
  // first-person ones name her and her speeches as anyone's).
  const third = scenes.map((s) => dominantPerson(s.pronouns, narrationWordsOf(s)) === 'third')
  for (const [i, s] of scenes.entries()) {
    const from = firstFrom(cast.mentions, s.scene.start)
    const mentions = cast.mentions.slice(from, firstFrom(cast.mentions, s.scene.end))
    const votes = third[i] ? new Map<number, number>() : narratorVotes[i]!
    s.speakers = attributeSpeakers({ text, tokens, paragraphs: s.scene.paragraphs, speech: speech[i]!, turns: turns[i]!, sentences: s.sentences, cast, mentions, narrator: narratorIndex, knownNarrator: () => narrator, narratorVotes: votes })
    const gendered = genderedPronouns(text, tokens, s.sentences)
    s.he = gendered.he
    s.she = gendered.she
    s.opening = openingOf(text, tokens, s.sentences)
  }
  if (narrator >= 0 || firstPerson) nameNarrator(cast, scenes, third, narrator, narratorVotes, person === 'second')
  return { cast, genders }
}

/**
 * In a story told in the first person (or to "you" in the second), the narrator (the "you") takes the name others call them by most (2
 * votes at least, or 1 with no other name), if that character never acts by name in narration
 * (the narrator is "I" there) and no tag names them as speaking (that is someone the narrator
 * speaks with: "‘eh, Good?’ … said Good"). The narrator's own name in narration ("My name is
 * Teodora Lisk") counts 5, their speaking to themself ("Think, Win.") 2. Their speeches become
 * that character's.
 */
function toldIn(scenes: readonly AnnotatedScene[]): ReturnType<typeof dominantPerson> {
  const pronouns = { first: 0, firstPlural: 0, second: 0, third: 0 }
  let narrationWords = 0
  for (const s of scenes) {
    addPersons(pronouns, s.pronouns)
    narrationWords += narrationWordsOf(s)
  }
  return dominantPerson(pronouns, narrationWords)
}

function narrationWordsOf(s: AnnotatedScene): number {
  let n = 0
  for (const x of s.sentences) n += x.narrationWords
  return n
}

/** A name known as a given name, given a gender by the story, said in full ("Joss Lennie") or said to someone after a comma ("Sit down, Hesper."). */
function personLike(cast: Cast, c: number): boolean {
  const ch = cast.characters[c]!
  return ch.gender !== null || knownGivenName(ch.name) || [ch.name, ...ch.aliases].some((f) => f.includes(' ')) || cast.mentions.some((m) => m.character === c && m.addressing)
}

/**
 * `third`: each scene is told in the third person, where the narrator is not "I" (its names and
 * tags do not count). `votes`: each scene's calls of the narrator by name. One narrator for the
 * work where its first-person scenes together name one; else, where scenes name different ones
 * (two narrators taking turns, each acting by name in the other's chapters), each scene its own.
 */
function nameNarrator(cast: Cast, scenes: AnnotatedScene[], third: readonly boolean[], narrator: number, votes: readonly ReadonlyMap<number, number>[], toYou: boolean): void {
  const told = scenes.map((_s, i) => i).filter((i) => !third[i])
  // Several narrators: two names at least, each the narrator of two scenes at least by those scenes' own evidence.
  const each = told.map((i) => narratorOf(cast, [scenes[i]!], [votes[i]!]).character)
  const scenesOf = new Map<number, number>()
  for (const k of each) if (k >= 0) scenesOf.set(k, (scenesOf.get(k) ?? 0) + 1)
  const several = new Set([...scenesOf].filter(([, n]) => n >= 2).map(([k]) => k))
  // One of them at least named in the narration of another's scene ("Isla is at the stop" in
  // Marcus's): two names of one narrator ("Hesper", "Miss Vane") are never told of by the other.
  const toldOf = (k: number) =>
    told.some((i, j) => each[j] !== k && each[j]! >= 0 && cast.mentions.slice(firstFrom(cast.mentions, scenes[i]!.scene.start), firstFrom(cast.mentions, scenes[i]!.scene.end)).some((m) => m.character === k && !m.dialogue))
  if (several.size >= 2 && [...several].some(toldOf)) {
    told.forEach((i, j) => {
      const k = each[j]!
      if (!several.has(k)) return
      scenes[i]!.narrator = k
      giveSpeeches(scenes[i]!, narrator, k)
    })
    return
  }
  const { character: work, alias } = narratorOf(cast, told.map((i) => scenes[i]!), told.map((i) => votes[i]!))
  if (work < 0) return
  if (alias >= 0) mergeInto(cast, scenes, alias, work)
  cast.characters[work]!.narrator = true
  // The "you" a story is told to is named so, but an "I" telling it is someone else.
  if (toYou) return
  for (const s of scenes) giveSpeeches(s, narrator, work)
}

/** The scene's speeches of the unnamed narrator become the named character's. */
function giveSpeeches(s: AnnotatedScene, narrator: number, character: number): void {
  for (const a of s.speakers) if (a.character === narrator) a.character = character
}

/**
 * The character the scenes' narrator is, by the votes of others' calls and their own naming (see
 * toldIn); -1 where none is plain. `alias`: another character who is the narrator too (-1 for none).
 */
function narratorOf(cast: Cast, told: readonly AnnotatedScene[], votes: readonly ReadonlyMap<number, number>[]): { character: number; alias: number } {
  const mentions = told.flatMap((s) => cast.mentions.slice(firstFrom(cast.mentions, s.scene.start), firstFrom(cast.mentions, s.scene.end)))
  const all = new Map<number, number>()
  for (const v of votes) for (const [c, n] of v) all.set(c, (all.get(c) ?? 0) + n)
  // The narrator names themself: "My name is Corin Ashby", "She called me Juno" (in narration; in a speech the name would be the speaker's).
  for (const m of mentions) {
    if (m.dialogue || m.character < 0) continue
    if (m.selfNamed || m.selfAddressed) all.set(m.character, (all.get(m.character) ?? 0) + (m.selfNamed ? 5 : 2))
  }
  const excluded = new Set<number>()
  for (const s of told) for (const a of s.speakers) if (a.kind === 'explicit' && a.character !== null) excluded.add(a.character)
  // Acting by name in narration as often as others call them by it: someone the narrator tells of
  // (a written entry read out, "Claire got her promotion", does not outweigh three people calling her Claire).
  // Named in narration more than once is someone the narrator tells of, too.
  const acts = new Map<number, number>()
  const named = new Map<number, number>()
  for (const m of mentions) {
    if (m.dialogue || m.character < 0 || m.selfNamed) continue
    named.set(m.character, (named.get(m.character) ?? 0) + 1)
    if (m.subject) acts.set(m.character, (acts.get(m.character) ?? 0) + 1)
  }
  for (const [c, n] of acts) if (n >= (all.get(c) ?? 0) / 2) excluded.add(c)
  for (const [c, n] of named) if (n >= 2) excluded.add(c)
  // A relation ("Tata, it's me", said to a father at a bedside) is no name the narrator is given.
  // Nor is a name said with a relation's title ("that's creepy, Aunt Carol"): the speaker's aunt, whom the narrator calls otherwise.
  const kin = (c: number) => {
    const { name } = cast.characters[c]!
    const first = name.split(' ')[0]!
    return KINSHIP.has(name) || (TITLE.test(first) && KINSHIP.has(first))
  }
  const ranked = [...all].filter(([c]) => !cast.characters[c]!.described && !excluded.has(c) && !kin(c) && !ADDRESS.has(cast.characters[c]!.name)).sort((a, b) => b[1] - a[1] || a[0] - b[0])
  const [best, n] = ranked[0] ?? [-1, 0]
  // One vote only for the one name left, and one plainly a person's ("Jo", "Joss" of "Joss Lennie"; not a speech of one word, "Breakfast?").
  if (best < 0 || (n < 2 && (ranked.length > 1 || !personLike(cast, best)))) return { character: -1, alias: -1 }
  // Called as often by two names: by their given name and their surname ("Nell", and "Harker" by a
  // supervisor), the narrator is the given name; two given names tied name no one.
  const tied = ranked.filter(([, v]) => v === n).map(([c]) => c)
  if (tied.length > 1) {
    const given = tied.filter((c) => knownGivenName(cast.characters[c]!.name))
    return { character: given.length === 1 ? given[0]! : -1, alias: -1 }
  }
  // Called most by a title and surname ("Miss Vance", by the Inspector and the sexton) and by one
  // given name too ("Well, Nora," said her brother): the narrator is the given name, as those
  // close to them call them.
  const titled = cast.characters[best]!
  const parts = titled.name.split(' ')
  if (parts.length === 2 && TITLE.test(parts[0]!)) {
    const given = ranked.filter(([c]) => c !== best && !cast.characters[c]!.name.includes(' ') && knownGivenName(cast.characters[c]!.name) && (cast.characters[c]!.gender ?? titled.gender) === titled.gender)
    if (given.length === 1) return { character: given[0]![0], alias: best }
  }
  return { character: best, alias: -1 }
}

/** The character `from` is another name of `to` ("Miss Vance" of the narrator Nora): its mentions, forms and speeches become theirs. */
function mergeInto(cast: Cast, scenes: readonly AnnotatedScene[], from: number, to: number): void {
  const source = cast.characters[from]!
  const target = cast.characters[to]!
  target.aliases.push(source.name, ...source.aliases)
  target.gender ??= source.gender
  source.aliases = []
  for (const m of cast.mentions) if (m.character === from) m.character = to
  for (const [form, k] of cast.byForm) if (k === from) cast.byForm.set(form, to)
  for (const s of scenes) giveSpeeches(s, from, to)
}
