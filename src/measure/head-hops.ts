// Head-hopping: a third-person limited scene that moves, for a paragraph, into another character's
// thoughts or feelings. Narration's verbs of thinking and feeling ("wondered", "felt", "knew")
// are given to whoever is their subject (a name, or he/she resolved by the genders narration
// gives its names); the scene's viewpoint is whoever thinks and feels in most paragraphs, and a paragraph whose
// thinking and feeling is all another character's is a shift.
import type { AnnotatedScene, TokenTable } from '../annotate/index.js'
import { POS } from '../annotate/nlp.js'
import { isNameWord, nameAt, type Gender } from '../annotate/genders.js'
import { isSpeechVerb } from '../annotate/tags.js'
import { experiencer, hasVerb, sentencePeople } from './subjects.js'

const { PROPN, VERB, AUX, PUNCT } = POS

/** A third-person scene's reading of who thinks and perceives: see povShifts. */
export interface Viewpoint {
  shifts: PovShift[]
  viewpoint: string | null
  viewpointGender: Gender | null
  /** The paragraphs each name thinks, feels or perceives in; of them, those they think or feel in (not only perceive). */
  paragraphs: ReadonlyMap<string, number>
  innerParagraphs: ReadonlyMap<string, number>
}

/** A paragraph that tells another character's thoughts or feelings than the scene's viewpoint character's. */
export interface PovShift {
  start: number
  end: number
  /** The scene's viewpoint character, and the one whose head the paragraph enters. */
  from: string
  to: string
  confidence: number
  /** The verbs of thinking or feeling that are the other character's. */
  verbs: string[]
  message: string
}

/** Verbs of thought and feeling: only the viewpoint character's can be told from inside. */
const INNER_VERBS = new Set(
  [
    'wonder', 'think', 'feel', 'know', 'realise', 'realize', 'hope', 'fear', 'wish', 'want', 'decide', 'suspect', 'worry', 'regret', 'long', 'believe', 'remember', 'understand', 'sense', 'imagine', 'doubt', 'dread', 'resent', 'envy', 'recall', 'forget', 'notice', 'love', 'hate', 'like', 'ache', 'yearn', 'crave', 'suppose', 'guess', 'pray', 'mean', 'need', 'assume', 'reckon',
  ].flatMap((v) => [
    v,
    v.endsWith('e') ? v + 's' : v.endsWith('y') && !/[aeiou]y$/.test(v) ? v.slice(0, -1) + 'ies' : v + 's',
    v.endsWith('e') ? v + 'd' : v.endsWith('y') && !/[aeiou]y$/.test(v) ? v.slice(0, -1) + 'ied' : v + 'ed',
    // "is wondering", "was feeling"
    (v.endsWith('e') && !v.endsWith('ee') ? v.slice(0, -1) : v) + 'ing',
  ]),
)
for (const irregular of ['thought', 'felt', 'knew', 'understood', 'meant', 'forgot', 'forgotten', 'known', 'dreamed', 'dreamt']) INNER_VERBS.add(irregular)
/**
 * Of those, the ones that tell a passing thought or feeling from inside ("wondered", "felt", "hoped");
 * knowing, wanting, liking and needing are as often a trait the viewpoint character knows of
 * another ("Sol hates that", "Poppy wanted to know everything") and are no shift.
 */
const MOMENTARY = /^(?:wonder|think|thought|feel|felt|realis|realiz|hope|fear|wish|decid|suspect|worr|regret|long|dread|resent|sens|imagin|doubt|recall|notic|yearn|ache|ach|pray|panick|guess)/i

/** What someone seems to think, read from outside: "as if", "as though", "seemed to", "looked like". */
const SEEN_FROM_OUTSIDE = /\b(?:as if|as though|seem(?:s|ed)?|appear(?:s|ed)? to|look(?:s|ed)? like)\b/i


/** Feelings told with was or is: "Brannock was frightened", "she is furious". */
const FEELINGS = /^(?:frightened|terrified|afraid|scared|ashamed|relieved|glad|furious|jealous|nervous|embarrassed|mortified|guilty|lonely|miserable|heartbroken|grateful|thrilled|elated|devastated|humiliated|panicked|petrified|desperate|bewildered|stunned|appalled|horrified|overjoyed|giddy|livid|anxious|worried)$/i

/** Verbs of perceiving: the viewpoint character's mostly; they help find who that is, and are no shift. */
const PERCEPTION_VERBS = new Set(['see', 'sees', 'saw', 'seen', 'listen', 'listens', 'listened', 'listening', 'watch', 'watches', 'watched', 'watching', 'hear', 'hears', 'heard', 'look', 'looks', 'looked', 'glance', 'glances', 'glanced', 'stare', 'stares', 'stared', 'smell', 'smells', 'smelled', 'smelt', 'taste', 'tastes', 'tasted', 'catch', 'catches', 'caught', 'study', 'studies', 'studied'])

/**
 * One count of paragraphs plainly outweighs another: twice the other's and two more ("he looks
 * tired" is no perception, and one such slip must not decide).
 */
export const plain = (n: number, other: number) => n >= MIN_VIEWPOINT_VERBS && n >= 2 * other && n >= other + 2

/** A shift is reported only in a scene whose viewpoint character thinks or feels in at least this many paragraphs. */
export const MIN_VIEWPOINT_VERBS = 2

const word = (t: TokenTable & { text: string }, i: number) => t.text.slice(t.start[i]!, t.end[i]!)

/** "as if" or "as though" goes with the verb at i: it follows with no other verb between ("looked at it, as if checking", not "knows it's Callum, because nobody knocks as if…"). */
function asIfFollows(t: TokenTable & { text: string }, i: number, end: number): boolean {
  for (let j = i + 1; j + 1 < end; j++) {
    if (word(t, j).toLowerCase() === 'as' && /^(?:if|though)$/i.test(word(t, j + 1))) return true
    if (t.pos[j] === VERB || t.pos[j] === AUX) return false
  }
  return false
}

export type { Gender }

/**
 * A scene's point-of-view shifts, for third-person scenes (`focal`: the name narration follows
 * most): paragraphs whose verbs of thought and feeling are all another character's than the
 * viewpoint's, who thinks and feels in most paragraphs (the focal character on a tie). He or she
 * is the last name of that gender before it (`gender`: the story's genders of names).
 */
export function povShifts(a: AnnotatedScene, text: string, table: TokenTable, focal: string | null, gender: ReadonlyMap<string, Gender>, carried?: Readonly<Record<Gender, string | null>>): Viewpoint {
  const t = { ...table, text }
  // Each paragraph's inner verbs and their subjects: a name, or he/she with the last name of
  // that gender that was a subject before it.
  const paragraphs: { start: number; end: number; owners: Owner[]; verbs: string[] }[] = []
  // A name that was a subject earlier in the same paragraph is whom its he or she follow ("Helen
  // feels the forecourt tilt. She thinks of the bypass…"), even where the viewpoint is a she too.
  const here: Record<Gender, string | null> = { he: null, she: null }
  // Every name of each gender that was a subject, the latest first; before any, the one the story
  // followed last (a scene opening on "He started the next morning" goes on with him).
  const before: Record<Gender, string[]> = { he: carried?.he ? [carried.he] : [], she: carried?.she ? [carried.she] : [] }
  const remember = (g: Gender, name: string) => {
    here[g] = name
    const list = before[g]
    const at = list.indexOf(name)
    if (at !== 0) {
      if (at > 0) list.splice(at, 1)
      list.unshift(name)
    }
  }
  // Each gender's names in the scene, the most named first: a he or she who is plainly none of
  // the names beside it and follows no one named before is the other of that gender the scene
  // names ("He could feel Theo looking" in a scene that names Cal once, later). Counted only for
  // such a he or she.
  let named: Record<Gender, string[]> | null = null
  let k = 0
  for (const p of a.scene.paragraphs) {
    const owners: Owner[] = []
    const verbs: string[] = []
    here.he = here.she = null
    for (; k < a.sentences.length && a.sentences[k]!.start < p.end; k++) {
      const s = a.sentences[k]!
      // He or she is none of the names of their gender the sentence also holds ("She followed Noor
      // in", "she watched Noor"), except one that opens it as its subject ("Noor said she…").
      const { opener, others } = sentencePeople(t, s.firstToken, s.endToken, gender)
      // Whom a he or she of the sentence may be: the name of that gender that was a subject earlier
      // in the paragraph, and the latest before, of those it is not named beside.
      const referents = (g: Gender) => {
        const not = others[g]
        const h = here[g]
        const recent = before[g].find((n) => !not.has(n)) ?? (not.size > 0 ? (named ??= sceneNames(t, a, gender))[g].find((n) => !not.has(n)) : undefined) ?? null
        return { here: h !== null && !not.has(h) ? h : null, recent, not }
      }
      // A sentence whose first person is he or she keeps one referent for them, to its end and on
      // into the next: "She stood in the doorway while Mrs Aubert tapped the oven, and she watched…
      // She felt sorry for her."
      if (opener) {
        const r = referents(opener)
        const ref = r.here ?? r.recent
        if (ref) remember(opener, ref)
      }
      for (let i = s.firstToken; i < s.endToken; i++) {
        const pos = t.pos[i]
        if (t.skip[i] === 1 || (pos !== PROPN && pos !== VERB && pos !== AUX)) continue
        const w = word(t, i)
        // A name as a subject ("Helen feels"), not after a preposition or article ("years of Lantern
        // Nights wearing…"); or opening the sentence, however it goes on ("Harold, for his part,
        // had…", "Tom’s heart was going"): whom its he or she are.
        const opens = i === s.firstToken || (i > s.firstToken && t.pos[i - 1] === PUNCT && i - s.firstToken <= 2)
        // A name alone ("Gerald Prager. 04:10. Digoxin.", a note read out) is no one's subject. A
        // possessor is whom a he or she after goes on with too: "Eddie's hand is on the towel. He
        // doesn't remember putting it there."
        if (t.pos[i] === PROPN && isNameWord(w) && i + 1 < s.endToken) {
          const subject = t.pos[i + 1] === VERB || t.pos[i + 1] === AUX || (opens && hasVerb(t, i + 1, s.endToken))
          // A speech tag's speaker after its verb ("“Nothing’s happening,” said Delia."): the subject of the line.
          const tagged = i > s.firstToken && t.pos[i - 1] === VERB && isSpeechVerb(word(t, i - 1).toLowerCase()) && t.pos[i + 1] === PUNCT
          if (!subject && !tagged && !/^['’]s$/.test(word(t, i + 1))) continue
          const b = i > s.firstToken ? t.pos[i - 1] : -1
          if (b === POS.ADP || b === POS.DET) continue
          const name = nameAt(t, i)
          const g = gender.get(name)
          if (g && g !== opener) remember(g, name)
          continue
        }
        if (t.pos[i] !== VERB && t.pos[i] !== AUX) continue
        const lower = w.toLowerCase()
        // "Brannock was frightened": a feeling told with was/is and its adjective.
        const feeling = (lower === 'was' || lower === 'is' || lower === 'were') && i + 1 < s.endToken && FEELINGS.test(word(t, i + 1))
        const inner = feeling || INNER_VERBS.has(lower)
        if (!inner && !PERCEPTION_VERBS.has(lower)) continue
        const who = experiencer(t, i, s.firstToken)
        if (!who) continue
        // "he looks as if he is deciding": the viewpoint's reading of another's face, from outside.
        if (inner && SEEN_FROM_OUTSIDE.test(text.slice(t.start[s.firstToken]!, t.start[i]!))) continue
        // "she looked at it for a long time, as if checking it for errors": someone watched, read from outside.
        if (asIfFollows(t, i, s.endToken)) continue
        const passing = feeling || (inner && MOMENTARY.test(w))
        if ('name' in who) owners.push({ name: who.name, inner, passing })
        else {
          owners.push({ pronoun: who.pronoun, ...referents(who.pronoun), inner, passing })
        }
        verbs.push(feeling ? `${w} ${word(t, i + 1)}` : w)
        // The sentence's thinker is the first: what follows is what they think ("Theo wondered
        // whether she had noticed").
        if (inner) break
      }
    }
    paragraphs.push({ start: p.start, end: p.end, owners, verbs })
  }
  // Whose a verb is. He or she with a name before it in the paragraph follows that name; else it
  // is the viewpoint character where the gender is theirs (or not known): in a limited scene that
  // is whom the pronouns follow. Loosely (for finding the viewpoint), else the last subject of
  // that gender; strictly (for a shift), no one.
  const resolve = (o: Owner, viewpoint: string | null, loose: boolean): string | null => {
    if ('name' in o) return o.name
    const g = viewpoint ? gender.get(viewpoint) : undefined
    if (viewpoint && (g === undefined || g === o.pronoun) && !o.not.has(viewpoint)) {
      // The viewpoint's gender, with another name of it in the paragraph: it could be either.
      if (!loose && o.here && o.here !== viewpoint) return null
      return loose ? (o.here ?? o.recent ?? viewpoint) : viewpoint
    }
    return o.here ?? o.recent
  }
  // The viewpoint thinks, feels and perceives all through the scene, and narration follows them
  // most (the focal character starts one ahead); a hop is a paragraph or two, however full of the
  // other's thoughts: paragraphs are counted, not verbs.
  const count = new Map<string, number>()
  if (focal) count.set(focal, 1)
  const inner = new Map<string, number>()
  for (const p of paragraphs) {
    for (const n of new Set(p.owners.map((o) => resolve(o, focal, true)))) if (n) count.set(n, (count.get(n) ?? 0) + 1)
    for (const n of new Set(p.owners.filter((o) => o.inner).map((o) => resolve(o, focal, true)))) if (n) inner.set(n, (inner.get(n) ?? 0) + 1)
  }
  let viewpoint = focal
  let most = viewpoint ? (count.get(viewpoint) ?? 0) : 0
  for (const [n, c] of count) if (c > most) [viewpoint, most] = [n, c]
  // Whose gender thinks and perceives: a name's, or the he or she itself, whoever it stands for.
  // A focal "she" whom the text seldom names still shows here, against a much-named man.
  const byGender: Record<Gender, number> = { he: 0, she: 0 }
  for (const p of paragraphs) {
    const genders = new Set(p.owners.map((o) => ('name' in o ? gender.get(o.name) : o.pronoun)))
    for (const g of genders) if (g) byGender[g]++
  }
  const viewpointGender: Gender | null = plain(byGender.she, byGender.he) ? 'she' : plain(byGender.he, byGender.she) ? 'he' : null
  // Each one's paragraphs, the focal character's head start left out.
  const paragraphsOf = new Map(count)
  if (focal) paragraphsOf.set(focal, count.get(focal)! - 1)
  if (!viewpoint || most < MIN_VIEWPOINT_VERBS) return { shifts: [], viewpoint: null, viewpointGender, paragraphs: paragraphsOf, innerParagraphs: inner }
  const from: string = viewpoint
  const out: PovShift[] = []
  for (const p of paragraphs) {
    const whose = p.owners.map((o) => (o.passing ? resolve(o, from, false) : undefined))
    if (whose.includes(from)) continue
    const other = whose.find((n) => n !== null && n !== undefined)
    if (!other || (count.get(other) ?? 0) >= most) continue
    const verbs = p.verbs.filter((_v, i) => whose[i] === other)
    // Named outright it is surest; through a pronoun less so; each further verb adds.
    const named = p.owners.some((o) => 'name' in o && o.name === other)
    const confidence = Math.min(0.95, (named ? 0.7 : 0.55) + 0.1 * (verbs.length - 1))
    out.push({
      start: p.start,
      end: p.end,
      from,
      to: other,
      confidence: Math.round(confidence * 100) / 100,
      verbs,
      message: `This paragraph tells what ${other} ${verbs.length > 1 ? 'thinks and feels' : 'thinks or feels'} (${verbs.map((v) => `‘${v}’`).join(', ')}); the rest of the scene is told from ${from}'s point of view.`,
    })
  }
  return { shifts: out, viewpoint: from, viewpointGender, paragraphs: paragraphsOf, innerParagraphs: inner }
}

/** The subject of a verb of thought or feeling: a name, or he/she with the last subject of that gender before it. */
/** `inner`: a verb of thought or feeling (else of perceiving); `passing`: a passing thought or feeling, which can make a shift. */
type Owner = ({ name: string } | { pronoun: Gender; recent: string | null; here: string | null; not: ReadonlySet<string> }) & { inner: boolean; passing: boolean }

/** The names of each gender the scene holds (narration and speech), the most named first. */
function sceneNames(t: TokenTable & { text: string }, a: AnnotatedScene, gender: ReadonlyMap<string, Gender>): Record<Gender, string[]> {
  const count = new Map<string, number>()
  const from = a.sentences[0]?.firstToken ?? 0
  const end = a.sentences[a.sentences.length - 1]?.endToken ?? 0
  for (let i = from; i < end; i++) {
    if (t.pos[i] !== PROPN || (i > from && t.pos[i - 1] === PROPN && isNameWord(word(t, i - 1)))) continue
    const name = word(t, i)
    if (isNameWord(name) && gender.has(name)) count.set(name, (count.get(name) ?? 0) + 1)
  }
  const ranked = [...count].sort((x, y) => y[1] - x[1]).map(([n]) => n)
  return { he: ranked.filter((n) => gender.get(n) === 'he'), she: ranked.filter((n) => gender.get(n) === 'she') }
}
