// The given names compromise's lexicon tags FemaleName or MaleName (used by gen-given-names.mjs and its sync test).
import nlp from 'compromise'

export function givenNames() {
  const lexicon = nlp.model().one.lexicon
  const female = []
  const male = []
  for (const [word, tag] of Object.entries(lexicon)) {
    if (!/^\p{Ll}+$/u.test(word)) continue
    if (tag === 'FemaleName') female.push(word)
    else if (tag === 'MaleName') male.push(word)
  }
  return { version: nlp.version, female: female.sort(), male: male.sort() }
}
