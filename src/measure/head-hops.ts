// Head-hopping: a third-person limited scene that moves, for a paragraph, into another character's
// thoughts or feelings. Narration's verbs of thinking and feeling ("wondered", "felt", "knew")
// are given to whoever is their subject (a name, or he/she resolved by the genders narration
// gives its names); the scene's viewpoint is whoever thinks and feels most, and a paragraph whose
// thinking and feeling is all another character's is a shift.
import type { AnnotatedScene, TokenTable } from '../annotate/index.js'
import { POS } from '../annotate/nlp.js'
import { notNames } from '../data/pronouns.js'

const { PROPN, PRON, VERB, AUX, ADV, PART, PUNCT } = POS

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
    'wonder', 'think', 'feel', 'know', 'realise', 'realize', 'hope', 'fear', 'wish', 'want', 'decide', 'suspect', 'worry', 'regret', 'long', 'believe', 'remember', 'understand', 'sense', 'imagine', 'doubt', 'dread', 'resent', 'envy', 'recall', 'forget', 'notice', 'love', 'hate', 'like', 'ache', 'yearn', 'crave', 'suppose', 'guess', 'pray', 'mean', 'need',
  ].flatMap((v) => [v, v.endsWith('e') ? v + 's' : v.endsWith('y') && !/[aeiou]y$/.test(v) ? v.slice(0, -1) + 'ies' : v + 's', v.endsWith('e') ? v + 'd' : v.endsWith('y') && !/[aeiou]y$/.test(v) ? v.slice(0, -1) + 'ied' : v + 'ed']),
)
for (const irregular of ['thought', 'felt', 'knew', 'understood', 'meant', 'forgot', 'forgotten', 'known', 'dreamed', 'dreamt']) INNER_VERBS.add(irregular)
/** "he thought" can be a noun ("the thought"); these only count as verbs when tagged so. */
const MODAL = /^(?:must|might|may|could|would|should|can|will)$/i

/** A shift is reported only in a scene whose viewpoint character thinks or feels at least this often. */
export const MIN_VIEWPOINT_VERBS = 2

const word = (t: TokenTable & { text: string }, i: number) => t.text.slice(t.start[i]!, t.end[i]!)

type Gender = 'he' | 'she'
const GENDER: Readonly<Record<string, Gender>> = { he: 'he', him: 'he', his: 'he', himself: 'he', she: 'she', her: 'she', hers: 'she', herself: 'she' }

/**
 * Who is the subject of the verb at `i`: a name, or he/she, looking back over adverbs, negation
 * and auxiliaries ("Theo had never wondered"); null for anything else, or where a modal makes it
 * a guess from outside ("he must have known").
 */
function experiencer(t: TokenTable & { text: string }, i: number, from: number): { name: string } | { pronoun: Gender } | null {
  let j = i - 1
  while (j >= from && (t.pos[j] === ADV || t.pos[j] === PART || t.pos[j] === AUX)) {
    if (MODAL.test(word(t, j))) return null
    j--
  }
  if (j < from) return null
  const w = word(t, j)
  if (t.pos[j] === PRON) {
    const g = w.toLowerCase()
    return g === 'he' || g === 'she' ? { pronoun: g } : null
  }
  if (t.pos[j] !== PROPN || !/^\p{Lu}\p{Ll}+$/u.test(w) || notNames.has(w)) return null
  return { name: w }
}

/**
 * The gender narration gives each name: the he/she forms that follow a name in its sentence
 * ("Hana wiped her hands") vote for it, where only one gender follows.
 */
function genders(t: TokenTable & { text: string }, a: AnnotatedScene): Map<string, Gender> {
  const votes = new Map<string, { he: number; she: number }>()
  for (const s of a.sentences) {
    let name: string | null = null
    let he = 0
    let she = 0
    for (let i = s.firstToken; i < s.endToken; i++) {
      if (t.skip[i] === 1) continue
      const w = word(t, i)
      if (name === null && t.pos[i] === PROPN && /^\p{Lu}\p{Ll}+$/u.test(w) && !notNames.has(w)) name = w
      else if (name !== null && (t.pos[i] === PRON || t.pos[i] === POS.DET)) {
        const g = GENDER[w.toLowerCase()]
        if (g === 'he') he++
        else if (g === 'she') she++
      }
    }
    if (name === null || (he > 0) === (she > 0)) continue
    const v = votes.get(name) ?? { he: 0, she: 0 }
    if (he) v.he++
    else v.she++
    votes.set(name, v)
  }
  const out = new Map<string, Gender>()
  for (const [name, v] of votes) if (v.he !== v.she) out.set(name, v.he > v.she ? 'he' : 'she')
  return out
}

/**
 * A scene's point-of-view shifts, for third-person scenes (`focal`: the name narration follows
 * most, the fallback viewpoint): paragraphs whose verbs of thought and feeling are all another
 * character's than the viewpoint's (the one who thinks and feels most in the scene).
 */
export function povShifts(a: AnnotatedScene, text: string, table: TokenTable, focal: string | null): PovShift[] {
  const t = { ...table, text }
  const gender = genders(t, a)
  // Each paragraph's inner verbs and whose they are (a name, or a gender to resolve).
  const paragraphs: { start: number; end: number; owners: (string | Gender)[]; verbs: string[] }[] = []
  let k = 0
  for (const p of a.scene.paragraphs) {
    const owners: (string | Gender)[] = []
    const verbs: string[] = []
    for (; k < a.sentences.length && a.sentences[k]!.start < p.end; k++) {
      const s = a.sentences[k]!
      for (let i = s.firstToken; i < s.endToken; i++) {
        if (t.skip[i] === 1 || (t.pos[i] !== VERB && t.pos[i] !== AUX)) continue
        const v = word(t, i).toLowerCase()
        if (!INNER_VERBS.has(v)) continue
        // "as she knew", "what he wanted": still the subject's; a verb right after punctuation has none.
        if (i > s.firstToken && t.pos[i - 1] === PUNCT) continue
        const who = experiencer(t, i, s.firstToken)
        if (!who) continue
        owners.push('name' in who ? who.name : who.pronoun)
        verbs.push(word(t, i))
      }
    }
    paragraphs.push({ start: p.start, end: p.end, owners, verbs })
  }
  // A pronoun is the viewpoint's when its gender is theirs, else the one other name of that gender in the scene.
  const names = [...new Set(paragraphs.flatMap((p) => p.owners.filter((o) => o !== 'he' && o !== 'she')).concat(focal ? [focal] : []))]
  const count = new Map<string, number>()
  const resolve = (o: string | Gender, viewpoint: string | null): string | null => {
    if (o !== 'he' && o !== 'she') return o
    if (viewpoint && gender.get(viewpoint) === o) return viewpoint
    const others = names.filter((n) => n !== viewpoint && gender.get(n) === o)
    return others.length === 1 ? others[0]! : null
  }
  for (const p of paragraphs) for (const o of p.owners) {
    const n = resolve(o, focal)
    if (n) count.set(n, (count.get(n) ?? 0) + 1)
  }
  let viewpoint = focal
  let most = viewpoint ? (count.get(viewpoint) ?? 0) : 0
  for (const [n, c] of count) if (c > most) [viewpoint, most] = [n, c]
  if (!viewpoint || most < MIN_VIEWPOINT_VERBS) return []
  const from: string = viewpoint
  const out: PovShift[] = []
  for (const p of paragraphs) {
    if (p.owners.length === 0) continue
    const whose: (string | null)[] = p.owners.map((o) => resolve(o, from))
    if (whose.includes(from)) continue
    const other = whose.find((n) => n !== null)
    if (!other) continue
    // Named outright it is surest; through a pronoun less so.
    const named = p.owners.some((o) => o === other)
    const confidence = Math.min(0.95, (named ? 0.7 : 0.55) + 0.1 * (whose.filter((n) => n === other).length - 1))
    const verbs = p.verbs.filter((_v, i) => whose[i] === other)
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
  return out
}
