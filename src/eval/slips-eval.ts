import type { Report } from '../report/types.js'
import { NARRATOR } from '../annotate/speakers.js'

/**
 * A story labelled for narration (the format of the helper-written narration sets): its tense
 * slips, sentence by sentence, and each scene's point of view and tense.
 */
export interface NarrationLabels {
  file: string
  /** `character`: null where the story never names its first-person narrator. */
  scenes: { opening: string; pov: string; tense: string; character?: string | null }[]
  /** Every quoted speech in order: its first words inside the marks and its speaker. */
  quotes?: { opening: string; speaker: string | null; tag?: string }[]
  slips: { sentence: string; tense?: string }[]
  /** Sentences of unmarked direct thought (no italics, no quotes). */
  unmarkedThoughts?: string[]
  /** Characters' told stories: in which chapter or scene (from 1), told by whom, in what person and tense. */
  embedded?: { chapter?: number; scene?: number; speaker: string; pov: string; tense: string }[]
  /** Paragraphs that hop into another character's head: their opening words. */
  headHops?: { paragraphOpening: string; from: string; to: string }[]
}

export interface SlipScore {
  file: string
  words: number
  /** Slips shown that are labelled slips, shown that are not, labelled but not shown. */
  truePositives: number
  falsePositives: string[]
  missed: string[]
  scenes: number
  povRight: number
  tenseRight: number
  /** Unmarked thought found that is labelled, found that is not, labelled but not found. */
  thoughtRight: number
  thoughtFalse: string[]
  thoughtMissed: string[]
  /** Told stories labelled; found in their chapter or scene with the labelled person and tense; with the labelled teller. */
  embedded: number
  embeddedFound: number
  embeddedSpeaker: number
  /** Point-of-view shifts found that are labelled head-hops, found that are not, labelled but not found. */
  hopsRight: number
  hopsFalse: string[]
  hopsMissed: string[]
  /** Scenes labelled with a viewpoint character, and those whose pov.character is them. */
  characterScenes: number
  characterRight: number
  /** The scenes whose pov.character is not the labelled one: their opening, the label, ours. */
  characterMissed: { opening: string; gold: string | null; ours: string | null }[]
  /** Quotes labelled with a speaker; those whose speaker we name rightly; of them tagged with a name, and right. */
  quotes: number
  quotesRight: number
  quotesExplicit: number
  quotesExplicitRight: number
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim()
/** A slip shown matches a labelled one when either sentence holds the other (splits differ). */
const same = (a: string, b: string) => a.includes(b) || b.includes(a)

/** Score one report's shown slips, and its scenes' point of view and tense, against the labels. */
export function scoreSlips(report: Report, labels: NarrationLabels): SlipScore {
  const text = report.text ?? ''
  const shown = report.scenes.flatMap((s) => (s.tense?.slips ?? []).filter((x) => x.shown).map((x) => normal(text.slice(x.start, x.end))))
  const gold = labels.slips.map((x) => normal(x.sentence))
  const scenes = Math.min(report.scenes.length, labels.scenes.length)
  let povRight = 0
  let tenseRight = 0
  let characterScenes = 0
  let characterRight = 0
  const characterMissed: SlipScore['characterMissed'] = []
  for (let i = 0; i < scenes; i++) {
    // A scene labelled as holding a told story may take the teller's person and tense (as the
    // report's definition says it does when the story outweighs the frame), or keep the frame's.
    const r = report.scenes[i]!
    const told = (labels.embedded ?? []).find((e) => (e.scene !== undefined ? e.scene - 1 === i : (e.chapter ?? 0) - 1 === r.chapter))
    const expected = told && r.pov?.embedded ? told : labels.scenes[i]!
    if (r.pov?.dominant === expected.pov) povRight++
    if (r.tense?.dominant === expected.tense) tenseRight++
    const character = labels.scenes[i]!.character
    if (character !== undefined) {
      characterScenes++
      const ours = r.pov?.character ?? null
      if (character === null ? ours === null : sameName(ours, character)) characterRight++
      else characterMissed.push({ opening: labels.scenes[i]!.opening, gold: character, ours })
    }
  }
  const found = report.scenes.flatMap((s) => (s.unmarkedThought?.spans ?? []).map(([a, b]) => normal(text.slice(a, b))))
  const thoughts = (labels.unmarkedThoughts ?? []).map(normal)
  return {
    file: labels.file,
    words: report.totals.words,
    truePositives: shown.filter((f) => gold.some((g) => same(f, g))).length,
    falsePositives: shown.filter((f) => !gold.some((g) => same(f, g))),
    missed: gold.filter((g) => !shown.some((f) => same(f, g))),
    scenes,
    povRight,
    tenseRight,
    thoughtRight: found.filter((f) => thoughts.some((g) => same(f, g))).length,
    thoughtFalse: found.filter((f) => !thoughts.some((g) => same(f, g))),
    thoughtMissed: thoughts.filter((g) => !found.some((f) => same(f, g))),
    ...scoreEmbedded(report, labels),
    ...scoreHops(report, labels),
    characterScenes,
    characterRight,
    characterMissed,
    ...scoreQuotes(report, labels),
  }
}

/** A name matches where they share a word ("Nell" and "Nell Harper"). */
export const sameName = (ours: string | null, gold: string) => ours !== null && ours.toLowerCase().split(/\s+/).some((w) => gold.toLowerCase().split(/\s+/).includes(w))

/** Each labelled quote, found in order by its first words, against the speaker of the span holding them. */
function scoreQuotes(report: Report, labels: NarrationLabels) {
  const text = report.text ?? ''
  const spans = report.scenes.flatMap((s) => s.dialogue.spans.map(([start, end], i) => ({ start, end, name: (s.dialogue.speakers ?? [])[i]?.name ?? null })))
  let at = 0
  let right = 0
  let explicit = 0
  let explicitRight = 0
  const quotes = labels.quotes ?? []
  for (const q of quotes) {
    const found = text.indexOf(q.opening, at)
    if (found < 0) continue
    at = found + 1
    const span = spans.find((x) => x.start <= found && found < x.end)
    // A speaker labelled null is the unnamed first-person narrator.
    const ok = q.speaker === null ? span?.name === NARRATOR : sameName(span?.name ?? null, q.speaker)
    if (ok) right++
    if (q.tag === 'explicit') {
      explicit++
      if (ok) explicitRight++
    }
  }
  return { quotes: quotes.length, quotesRight: right, quotesExplicit: explicit, quotesExplicitRight: explicitRight }
}

function scoreHops(report: Report, labels: NarrationLabels) {
  const text = report.text ?? ''
  const found = report.scenes.flatMap((s) => (s.povShifts ?? []).map((x) => normal(text.slice(x.start, x.end))))
  const gold = (labels.headHops ?? []).map((h) => normal(h.paragraphOpening))
  return {
    hopsRight: found.filter((f) => gold.some((g) => f.startsWith(g))).length,
    hopsFalse: found.filter((f) => !gold.some((g) => f.startsWith(g))),
    hopsMissed: gold.filter((g) => !found.some((f) => f.startsWith(g))),
  }
}

function scoreEmbedded(report: Report, labels: NarrationLabels) {
  let found = 0
  let speaker = 0
  for (const e of labels.embedded ?? []) {
    const scenes = e.scene !== undefined ? [report.scenes[e.scene - 1]] : report.scenes.filter((s) => s.chapter === (e.chapter ?? 0) - 1)
    const told = scenes.flatMap((s) => s?.embedded ?? []).find((x) => x.pov === e.pov && x.tense === e.tense)
    if (!told) continue
    found++
    if (told.speaker && told.speaker.toLowerCase() === e.speaker.toLowerCase()) speaker++
  }
  return { embedded: labels.embedded?.length ?? 0, embeddedFound: found, embeddedSpeaker: speaker }
}

/** Precision and recall of slips over all stories, and false slips per 5,000 words in stories labelled with none. */
export function totalSlips(scores: SlipScore[]) {
  const tp = scores.reduce((n, s) => n + s.truePositives, 0)
  const fp = scores.reduce((n, s) => n + s.falsePositives.length, 0)
  const fn = scores.reduce((n, s) => n + s.missed.length, 0)
  const clean = scores.filter((s) => s.truePositives + s.missed.length === 0)
  const cleanWords = clean.reduce((n, s) => n + s.words, 0)
  const cleanFalse = clean.reduce((n, s) => n + s.falsePositives.length, 0)
  return {
    precision: tp + fp ? tp / (tp + fp) : null,
    recall: tp + fn ? tp / (tp + fn) : null,
    truePositives: tp,
    falsePositives: fp,
    missed: fn,
    falsePer5000: cleanWords ? (cleanFalse / cleanWords) * 5000 : null,
    scenes: scores.reduce((n, s) => n + s.scenes, 0),
    povRight: scores.reduce((n, s) => n + s.povRight, 0),
    tenseRight: scores.reduce((n, s) => n + s.tenseRight, 0),
    ...thoughtTotals(scores),
    embedded: scores.reduce((n, s) => n + s.embedded, 0),
    embeddedFound: scores.reduce((n, s) => n + s.embeddedFound, 0),
    embeddedSpeaker: scores.reduce((n, s) => n + s.embeddedSpeaker, 0),
    ...hopTotals(scores),
    characterScenes: scores.reduce((n, s) => n + s.characterScenes, 0),
    characterRight: scores.reduce((n, s) => n + s.characterRight, 0),
    quotes: scores.reduce((n, s) => n + s.quotes, 0),
    quotesRight: scores.reduce((n, s) => n + s.quotesRight, 0),
    quotesExplicit: scores.reduce((n, s) => n + s.quotesExplicit, 0),
    quotesExplicitRight: scores.reduce((n, s) => n + s.quotesExplicitRight, 0),
  }
}

function hopTotals(scores: SlipScore[]) {
  const right = scores.reduce((n, s) => n + s.hopsRight, 0)
  const wrong = scores.reduce((n, s) => n + s.hopsFalse.length, 0)
  const missed = scores.reduce((n, s) => n + s.hopsMissed.length, 0)
  return { hopPrecision: right + wrong ? right / (right + wrong) : null, hopRecall: right + missed ? right / (right + missed) : null, hopsRight: right, hopsFalse: wrong, hopsMissed: missed }
}

function thoughtTotals(scores: SlipScore[]) {
  const right = scores.reduce((n, s) => n + s.thoughtRight, 0)
  const wrong = scores.reduce((n, s) => n + s.thoughtFalse.length, 0)
  const missed = scores.reduce((n, s) => n + s.thoughtMissed.length, 0)
  return { thoughtPrecision: right + wrong ? right / (right + wrong) : null, thoughtRecall: right + missed ? right / (right + missed) : null, thoughtRight: right, thoughtFalse: wrong, thoughtMissed: missed }
}
