// Names wink-nlp takes for words. Its tagger reads a name that is also an English word ("Hatch
// had the engine in pieces", "Dash grinned", "Cass considered this") as a verb or a noun wherever
// it stands, and then nothing downstream sees a person (nor should a tense count "Hatch" as a
// present-tense verb). A capitalised word the story writes as a name is retagged a proper noun.
import { KINSHIP, TITLE, isNameWord } from './genders.js'
import { POS } from './nlp.js'

const { PROPN, VERB, AUX, NOUN, PUNCT, DET } = POS

/** A word the story uses as a name: capitalised inside its sentences and as a verb's subject this many times at least. */
const MIN_USES = 2

/** A word that may open with a capital (A–Z, or a letter past Latin-1's symbols): the rest are passed over unread. */
const capital = (c: number) => (c >= 65 && c <= 90) || c >= 192

interface Uses {
  /** Tokens of the word capitalised after a sentence's first word; followed by a verb; after a determiner. */
  inside: number
  subject: number
  determined: number
}

/**
 * Retag as proper nouns (in place) the tokens of each capitalised word that wink-nlp tagged a verb
 * or a noun but the story uses as a name: never written in lower case nor after a determiner, capitalised inside a
 * sentence (after a word or a comma, not opening a speech) and followed by a verb twice or more
 * each ("Cass decided that Hatch was not unfriendly"). Titles, kin ("Mum") and the words that are
 * mostly no name ("Good", "Heaven") are left as they are. `sentences`: every sentence's token range.
 */
export function retagNames(text: string, table: { start: Int32Array; end: Int32Array; pos: Uint8Array }, sentences: readonly { firstToken: number; endToken: number }[]): void {
  const uses = new Map<string, Uses>()
  const word = (i: number) => text.slice(table.start[i]!, table.end[i]!)
  for (const s of sentences) {
    for (let i = s.firstToken; i < s.endToken; i++) {
      const pos = table.pos[i]
      if (pos !== VERB && pos !== NOUN) continue
      // Only a capital opens a name: the rest is passed over without reading the word.
      if (!capital(text.charCodeAt(table.start[i]!))) continue
      const w = word(i)
      if (!isNameWord(w) || TITLE.test(w) || KINSHIP.has(w)) continue
      let u = uses.get(w)
      if (!u) uses.set(w, (u = { inside: 0, subject: 0, determined: 0 }))
      const before = i > s.firstToken ? i - 1 : -1
      // A word after a determiner is a thing or a place ("everyone in the Reach knew", "every Sunday").
      if (before >= 0 && table.pos[before] === DET) u.determined++
      else if (before >= 0 && (table.pos[before] !== PUNCT || word(before) === ',')) u.inside++
      const after = i + 1 < s.endToken ? table.pos[i + 1] : -1
      if (after === VERB || after === AUX) u.subject++
    }
  }
  const names = new Set<string>()
  for (const [w, u] of uses) {
    // Never written in lower case anywhere in the text ("The hatch would not close").
    if (u.inside >= MIN_USES && u.subject >= MIN_USES && u.determined === 0 && !new RegExp(`(?<!\\p{L})${w.toLowerCase()}(?!\\p{L})`, 'u').test(text)) names.add(w)
  }
  if (names.size === 0) return
  for (const s of sentences) {
    for (let i = s.firstToken; i < s.endToken; i++) {
      if (table.pos[i] !== PROPN && capital(text.charCodeAt(table.start[i]!)) && names.has(word(i))) table.pos[i] = PROPN
    }
  }
}
