// Build verb-form sets from compromise (used by gen-verb-forms.mjs and its sync test).
import nlp from 'compromise'

export function verbFormTable() {
  const model = nlp.model()
  const { conjugate } = nlp.methods().two.transform.verb
  const past = new Set(), present = new Set(), base = new Set(), participle = new Set()
  const ok = (w) => typeof w === 'string' && /^[a-z][a-z'-]*$/.test(w)
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag]
    if (!ok(word)) continue
    if (tags.includes('PastTense')) past.add(word)
    if (tags.includes('PresentTense')) present.add(word)
    if (!tags.includes('Infinitive')) continue
    const c = conjugate(word, model)
    base.add(word)
    if (ok(c.PastTense)) past.add(c.PastTense)
    if (ok(c.PresentTense)) present.add(c.PresentTense)
    if (ok(c.Participle) && c.Participle !== c.PastTense) participle.add(c.Participle)
  }
  // Forms of be, have and do, spelled out: the commonest finite verbs of all.
  for (const w of ['was', 'were', 'had', 'did']) past.add(w)
  for (const w of ['is', 'am', 'are', 'has', 'does']) present.add(w)
  for (const w of ['be', 'have', 'do']) base.add(w)
  for (const w of ['been', 'done', 'gone']) participle.add(w)
  for (const w of ['be', 'been', 'being']) { past.delete(w); present.delete(w) }
  return { version: nlp.version, past, present, base, participle }
}
