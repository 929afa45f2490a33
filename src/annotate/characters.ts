// The story's characters: person names found on the tokens wink-nlp has already tagged (no
// second parse), told from places and things by how the text uses them, and grouped by alias
// ("Mr Darcy", "Darcy"; "Elizabeth Bennet", "Elizabeth").
import { notNames } from '../data/pronouns.js'
import { speechVerbs } from '../data/quotes.js'
import { familyNames, groupForms, groupGender, type FormStats } from './aliases.js'
import { MONTH_NAMES, TITLE, type Gender } from './genders.js'
import type { TokenTable } from './index.js'
import { POS } from './nlp.js'

const { PROPN, VERB, AUX, ADP, DET, PUNCT, INTJ, NOUN } = POS

/** A word of a person's name: a capital and lower case ("Nell", "McChesney", "O’Brien"). */
const NAME_WORD = /^\p{Lu}(?:\p{Ll}+|['’]\p{Lu})(?:\p{Lu}?\p{Ll}+)*$/u
const isCharacterNameWord = (w: string) => NAME_WORD.test(w) && (!notNames.has(w) || MONTH_NAMES.has(w))

/**
 * Prepositions after which a capitalised word is a place until the text shows otherwise ("in
 * Harwich", "to Netherfield"); "of" is left out, as people follow it as often ("the wife of Tom").
 */
const PLACE_BEFORE = new Set(['in', 'at', 'to', 'from', 'into', 'onto', 'toward', 'towards', 'near', 'across', 'through', 'outside', 'inside', 'around', 'past', 'beyond', 'via', 'within', 'throughout'])
const SPEAKING = new RegExp(`^(?:${speechVerbs})$`, 'i')
/** Nouns of places whose names follow "of" ("the church of San Vidal", "the town of Ely"). */
const PLACE_OF = new Set(['church', 'chapel', 'cathedral', 'abbey', 'basilica', 'town', 'city', 'village', 'hamlet', 'island', 'isle', 'port', 'county', 'parish', 'kingdom', 'province', 'state', 'republic', 'duchy', 'coast', 'shores', 'streets', 'outskirts', 'suburbs', 'bay', 'gulf', 'lake', 'river', 'valley', 'mount', 'straits', 'harbour', 'harbor', 'district', 'region', 'capital', 'centre', 'center', 'heart', 'edge', 'north', 'south', 'east', 'west'])

/**
 * The narrator names themself: "My name is Corin Ashby", "She called me Juno", "people call me
 * Dot" (in narration; in a speech the name would be the speaker's), unless it is denied ("Nobody
 * had called me Ottilie in years").
 */
const SELF_NAMED = /\b(?:my name(?:'s|’s| is| was)|(?:called|call|calls|named|name) me)\s+$/i
const DENIED = /\b(?:nobody|no one|never|not|n't|n’t)\b[^.!?]*$/i
export const selfNamed = (text: string, at: number): boolean => {
  const before = text.slice(Math.max(0, at - 60), at)
  return SELF_NAMED.test(before) && !DENIED.test(before)
}

/** The last word of a place's name: "Bracken Hill Farm", "Mercy Lane", "the Crown Inn". */
const PLACE_HEAD = /^(?:Farm|Hill|Hills|Street|St|Road|Rd|Lane|House|Hall|Park|Bridge|Station|Church|Chapel|Inn|Arms|Theatre|Theater|Hospital|School|College|University|Castle|Abbey|Court|Green|Wood|Woods|Forest|Valley|River|Bay|Harbour|Harbor|Island|Isle|Mountain|Mount|Lake|Moor|Fell|Square|Avenue|Row|Close|Gardens|Garden|Manor|Cottage|Cottages|Mill|Market|Club|Hotel|Tavern|Pub|Bar|Cafe|Café|Shop|Stores|Works|Yard|Quay|Pier|Point|Head|Cross|Gate|End|Way|Place|Terrace|Crescent|Drive|Field|Fields|Common|Heath|Downs|Dale|Ridge|Cliff|Cliffs|Beach|Sands|Port|Haven|Ford|Hollow|Spring|Springs|Falls|Creek|Canyon|Desert|Ocean|Sea|Street|Plaza|Center|Centre|Library|Museum|Cathedral|Palace|Tower|Towers|Barracks|Prison|Academy|Institute|Estate|Grange|Lodge|Priory|County|Shire|City|Town|Village)$/
/**
 * A speech broken by its tag right after a name that the speech goes on to be about: "“Corwen,”
 * he said slowly, “is still on.”" (not "“Nell,” he said, “come here.”").
 */
const CONTINUED_AS_SUBJECT = /^,[”"’']\s+[^“"‘\n]{1,80}?,\s*[“"‘](?:is|was|has|had|does|did|will|would|can|could|should|might|must|isn['’]t|wasn['’]t|hasn['’]t|won['’]t|can['’]t|doesn['’]t|didn['’]t)\b/

/** Words said with a name to someone ("Oh, Tom!", "Thanks, Nell."). */
const BEFORE_VOCATIVE = /^(?:oh|o|dear|dearest|my|hey|hello|hi|thanks|thank|sorry|yes|no|well|look|listen|please|come|goodbye|goodnight|morning|evening)$/i

/** One mention of a name in the text: its span and first token, and how the text uses it there. */
export interface Mention {
  start: number
  end: number
  /** The token of its first name word (after any title). */
  token: number
  /** The form as written, title included, full stops dropped ("Mrs Bennet"). */
  form: string
  /** 1 where it lies inside direct speech. */
  dialogue: boolean
  /** The subject of the verb after it, in narration ("Nell said", "Tom Fisk walked"). */
  subject: boolean
  /** Said to someone inside speech ("Nell, wait."). */
  vocative: boolean
  /** Said to someone after a comma, the surest vocative ("You came, Pip."). */
  addressing: boolean
  /** The subject of a verb of speech: a speech tag ("Jean said"). */
  speaking: boolean
  /** It opens its sentence. */
  initial: boolean
  /**
   * Said to someone in narration, at the end of a command ("Think, Win.", "Don't you dare stop,
   * Cassie."): in first-person narration, the narrator speaking to themself.
   */
  selfAddressed: boolean
  /** The narrator's own name ("My name is Teodora Lisk"): see selfNamed. */
  selfNamed: boolean
  /** The character it names (an index into the cast), or -1 where it names no character. */
  character: number
}

export interface Character {
  /** The form the story uses most. */
  name: string
  /** Its other forms, most used first. */
  aliases: string[]
  gender: Gender | null
  /** The first-person narrator (named "narrator" until the story gives their name). */
  narrator?: boolean
  /** Known only by how speech tags describe them ("the old man", "his mother"). */
  described?: boolean
}

export interface Cast {
  characters: Character[]
  /** Every mention of a name, in text order, with the character it names (-1: none). */
  mentions: Mention[]
  /** Each form's character. */
  byForm: Map<string, number>
}

const word = (t: TokenTable & { text: string }, i: number) => t.text.slice(t.start[i]!, t.end[i]!)

/**
 * Every mention of a name: a run of one to three proper-noun name words, with the title before
 * it if any. `ranges` are the token ranges to read (the scenes' sentences).
 */
export function findMentions(text: string, table: TokenTable, ranges: readonly { firstToken: number; endToken: number }[], tagged: ReadonlyMap<string, number> = new Map()): Mention[] {
  const t = { ...table, text }
  // A word that is mostly no name ("Good", "Will") is one where speech tags name it twice ("said Good").
  const isName = (w: string) => isCharacterNameWord(w) || (NAME_WORD.test(w) && (tagged.get(w) ?? 0) >= 2)
  const out: Mention[] = []
  for (const r of ranges) {
    for (let i = r.firstToken; i < r.endToken; i++) {
      if (t.pos[i] !== PROPN) continue
      const w = word(t, i)
      if (!isName(w)) continue
      const first = i
      // A title before the name, however tagged ("Miss" is often a noun).
      const title = i > r.firstToken && TITLE.test(word(t, i - 1)) ? word(t, i - 1).replace(/\.$/, '') : null
      let last = i
      while (last + 1 < r.endToken && last - first < 2 && t.pos[last + 1] === PROPN && isName(word(t, last + 1))) last++
      const names: string[] = []
      for (let k = first; k <= last; k++) names.push(word(t, k))
      const titleToken = title ? first - 1 : first
      const dialogue = t.dialogue[first] === 1
      const before = titleToken > r.firstToken ? titleToken - 1 : -1
      const after = last + 1 < r.endToken ? last + 1 : -1
      const subject = !dialogue && after >= 0 && (t.pos[after] === VERB || t.pos[after] === AUX) && !(before >= 0 && (t.pos[before] === ADP || t.pos[before] === DET))
      // Said to someone: between punctuation ("Nell, wait."), but not before another name ("Tea, Tom?": Tom is said to).
      const nameNext = after >= 0 && after + 1 < r.endToken && t.pos[after + 1] === PROPN && isName(word(t, after + 1))
      const vocative =
        dialogue &&
        !nameNext &&
        after >= 0 &&
        t.pos[after] === PUNCT &&
        /^[,.!?—…]/.test(word(t, after)) &&
        (before < 0 || t.pos[before] === PUNCT || t.pos[before] === INTJ || BEFORE_VOCATIVE.test(word(t, before))) &&
        !CONTINUED_AS_SUBJECT.test(text.slice(t.end[last]!, t.end[last]! + 120))
      const speaking = subject && SPEAKING.test(word(t, after))
      const addressing = vocative && before >= 0 && t.dialogue[before] === 1 && word(t, before) === ','
      let initial = true
      let opening = r.firstToken
      for (let k = r.firstToken; k < titleToken && initial; k++) if (t.pos[k] !== PUNCT) initial = false
      while (opening < titleToken && t.pos[opening] === PUNCT) opening++
      const selfAddressed =
        !dialogue && before >= 0 && word(t, before) === ',' && after >= 0 && /^[.!?]/.test(word(t, after)) && (t.pos[opening] === VERB || t.pos[opening] === AUX) && opening < before
      const start = t.start[titleToken]!
      out.push({ start, end: t.end[last]!, token: first, form: (title ? title + ' ' : '') + names.join(' '), dialogue, subject, vocative, addressing, speaking, initial, selfAddressed, selfNamed: !dialogue && selfNamed(text, start), character: -1 })
      i = last
    }
  }
  return out
}

/**
 * The cast: the names the text uses as people's. A name is a person's where the story shows it:
 * a title, the subject of a verb in narration, said to someone, or named in a speech tag
 * (`tagged`: each form's count). A name mostly after a determiner ("the Crown") is a thing's; one
 * after prepositions of place ("in Harwich", "to Netherfield") is a place's unless it is a
 * person's at least half as often. Forms are grouped by alias: a bare given name or surname
 * joins the one fuller name that holds it ("Darcy" → "Mr Darcy", "Elizabeth" → "Elizabeth
 * Bennet"), a titled name its untitled form ("Mr Sherlock Holmes" → "Sherlock Holmes"); two
 * titles of one surname are two people ("Mr Bennet", "Mrs Bennet"). `genders`: the story's
 * genders of names by first word (see namedGenders).
 */
export function findCast(text: string, table: TokenTable, mentions: Mention[], tagged: ReadonlyMap<string, number>, genders: ReadonlyMap<string, Gender>, firstPerson = false): Cast {
  const t = { ...table, text }
  const stats = new Map<string, FormStats>()
  for (const m of mentions) {
    let s = stats.get(m.form)
    if (!s) {
      const parts = m.form.split(' ')
      const title = TITLE.test(parts[0]!) && parts.length > 1 ? parts.shift()! : null
      s = { form: m.form, title, words: parts, mentions: 0, subjects: 0, vocatives: 0, places: 0, determined: 0, tags: 0, initial: 0, narrated: 0, addressings: 0, spoken: 0 }
      stats.set(m.form, s)
    }
    s.mentions++
    if (m.subject) s.subjects++
    if (m.vocative) s.vocatives++
    if (m.initial) s.initial++
    if (m.selfAddressed || m.selfNamed) s.narrated++
    if (m.addressing) s.addressings++
    if (m.dialogue) s.spoken++
    const first = s.title ? m.token - 1 : m.token
    if (first > 0) {
      const before = t.text.slice(t.start[first - 1]!, t.end[first - 1]!).toLowerCase()
      // "the Crown", "the Kellsport lifeboat": a thing's name, or a place's used as an adjective.
      if ((t.pos[first - 1] === DET && before !== 'my' && before !== 'our') || t.pos[m.token + s.words.length] === NOUN) s.determined++
      else if (!s.title && (PLACE_BEFORE.has(before) || (before === 'of' && first > 1 && PLACE_OF.has(word(t, first - 2).toLowerCase())))) s.places++
    }
  }
  for (const [form, n] of tagged) {
    const s = stats.get(form)
    if (s) s.tags += n
  }
  const common = lowerCaseUses(t, stats)
  // A capitalised word the story also writes in lower case is a word ("Nonsense!", "Design"), unless the story acts or tags with it twice.
  const forms = [...stats.values()].filter((s) => !common.has(s.words[0]!.toLowerCase()) || s.title !== null || s.words.length > 1 || s.tags > 0)
  for (const s of forms) if (!s.title && s.words.length === 1 && common.has(s.words[0]!.toLowerCase())) s.vocatives = 0
  const groups = groupForms(forms, genders)
  const families = familyNames(forms)
  const characters: Character[] = []
  const byForm = new Map<string, number>()
  for (const g of groups) {
    const sum = (k: 'mentions' | 'subjects' | 'vocatives' | 'places' | 'determined' | 'tags' | 'initial' | 'narrated' | 'addressings') => g.reduce((n, s) => n + s[k], 0)
    // A saint's name is a place's or a church's as often as a person's ("St Ives").
    const titled = g.some((s) => s.title !== null && !/^(?:St|Saint)$/.test(s.title))
    const strong = sum('vocatives') + sum('tags') + sum('narrated') + (titled ? 1 : 0)
    const person = sum('subjects') + strong
    // Said to someone once and nothing more ("‘Ditto,’ remarked Good") is too little, except where
    // a first-person narrator is spoken to after a comma: "“You came, Pip,” she says" may be the
    // only time the story gives the narrator's name ("“Wasser,” he says" is no name).
    if (person === 0 || (person === sum('vocatives') && sum('mentions') < 2 && !(firstPerson && sum('addressings') > 0))) continue
    // "In June", "June was hot": a month, unless someone is said to or tagged by it.
    if (g.every((s) => s.words.every((w) => MONTH_NAMES.has(w))) && sum('vocatives') + sum('tags') === 0) continue
    if (sum('determined') * 2 > sum('mentions')) continue
    const gender = groupGender(g, genders, families)
    // Only ever said to, and also used as a place or a thing ("Kellsport, Tidewater." over the radio, "the Kellsport lifeboat"): a station, not a person.
    if (sum('subjects') + sum('tags') + sum('narrated') === 0 && !titled && sum('determined') + sum('places') > 0) continue
    // A plural capitalised only where a sentence starts, with no gender and nothing but a verb after it ("Shards lay everywhere"): a word.
    if (strong === 0 && gender === null && sum('initial') === sum('mentions') && g.every((f) => f.words.length === 1 && /[^s]s$/.test(f.words[0]!))) continue
    const places = sum('places')
    // A place until the text shows otherwise: a person is said to, tagged, titled or given a
    // gender, and is one at least half as often; one only ever a subject is one more often than
    // a place ("between here and Venice was the dining car", "a church in Venice").
    if (places > 0 && (person * 2 < places || (strong === 0 && (gender === null || sum('subjects') <= places)))) continue
    // "Bracken Hill Farm", "the Fellgate Arms": a place's name by its last word.
    // A title makes a person ("Mrs Hall"), and a surname alone may be one ("Ford").
    if (g.every((s) => s.title === null) && g.some((s) => s.words.length > 1 && PLACE_HEAD.test(s.words[s.words.length - 1]!))) continue
    // The form used most, an untitled fuller form's uses counting as its first name's too ("Hollis
    // Pryor" is a use of "Hollis"), unless its last word is a form of its own ("Warden Greave", "Greave").
    const alone = new Set(g.filter((o) => o.title === null && o.words.length === 1).map((o) => o.words[0]))
    const fuller = (o: FormStats, first: string) => o.title === null && o.words.length > 1 && o.words[0] === first && !alone.has(o.words[o.words.length - 1]!)
    const uses = (f: FormStats) => f.mentions + (f.title === null && f.words.length === 1 ? g.reduce((n, o) => n + (fuller(o, f.words[0]!) ? o.mentions : 0), 0) : 0)
    const sorted = [...g].sort((a, b) => uses(b) - uses(a) || b.form.length - a.form.length || (a.form < b.form ? -1 : 1))
    const index = characters.length
    characters.push({ name: sorted[0]!.form, aliases: sorted.slice(1).map((s) => s.form), gender })
    for (const s of g) byForm.set(s.form, index)
  }
  for (const m of mentions) m.character = byForm.get(m.form) ?? -1
  return { characters, mentions, byForm }
}

/** The single-word forms' words that the text also writes in lower case (one pass over the tokens). */
function lowerCaseUses(t: TokenTable & { text: string }, stats: ReadonlyMap<string, FormStats>): Set<string> {
  const wanted = new Set<string>()
  let longest = 0
  for (const s of stats.values()) {
    if (s.title || s.words.length > 1) continue
    const w = s.words[0]!.toLowerCase()
    wanted.add(w)
    // "Heifers" at a sentence's start is the plural of a word the story writes in lower case.
    if (w.length > 3 && w.endsWith('s')) wanted.add(w.slice(0, -1))
    longest = Math.max(longest, s.words[0]!.length)
  }
  const found = new Set<string>()
  if (wanted.size === 0) return found
  for (let i = 0; i < t.start.length; i++) {
    const n = t.end[i]! - t.start[i]!
    const c = t.text.charCodeAt(t.start[i]!)
    if (n > longest || c < 97 || c > 122) continue
    const w = t.text.slice(t.start[i]!, t.end[i]!)
    if (wanted.has(w)) {
      found.add(w)
      found.add(w + 's')
    }
  }
  return found
}
