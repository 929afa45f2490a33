import { firstOffsetFrom } from '../annotate/spans.js'
import { wordStarts } from '../annotate/words.js'
import { tagAfter, tagBefore } from '../annotate/tags.js'
import type { Report } from '../report/types.js'

/** A LitBank excerpt's quotations and their gold speakers (`../shared/eval/dialogue/gold.json`). */
export interface SpeakerGold {
  id: string
  quotes: [number, number][]
  speakers?: { name: string; entity: number }[]
}

export interface SpeakerScore {
  id: string
  /** Gold quotations; those whose speaker we name and map to the gold entity. */
  quotes: number
  right: number
  /** Of them, those with a speech tag naming the speaker, read from the text around the gold quotation. */
  explicit: number
  explicitRight: number
  unknown: number
  /** Quotations we attribute to a wrong entity: text, ours, gold. */
  wrong: { quote: string; ours: string | null; gold: string; explicit: boolean }[]
}

/**
 * Score speaker attribution on gold quotations. Each gold quotation is matched, by its first
 * word, to the span of ours that holds it; each of our characters maps to the one gold entity
 * it is most often given to; a quotation is right when our speaker maps to its gold entity
 * (unknown is wrong). A quotation is explicit where the text just after it or just before it
 * holds a speech tag with a name ("said Emma", "Emma said").
 */
export function scoreSpeakers(original: string, report: Report, gold: SpeakerGold): SpeakerScore {
  const goldWords = wordStarts(original)
  const ourText = report.text ?? original
  const ourWords = wordStarts(ourText)
  const spans: { start: number; end: number; name: string | null }[] = []
  for (const s of report.scenes) s.dialogue.spans.forEach(([start, end], i) => spans.push({ start, end, name: (s.dialogue.speakers ?? [])[i]?.name ?? null }))
  const speakers = gold.speakers ?? []
  const ours: (string | null)[] = []
  for (const [start] of gold.quotes) {
    const at = ourWords[firstOffsetFrom(goldWords, start)]
    const span = at === undefined ? undefined : spans.find((s) => s.start <= at && at < s.end)
    ours.push(span?.name ?? null)
  }
  // Each of our names maps to the gold entity it is most often given to.
  const votes = new Map<string, Map<number, number>>()
  ours.forEach((name, i) => {
    if (name === null || !speakers[i]) return
    const m = votes.get(name) ?? new Map<number, number>()
    m.set(speakers[i]!.entity, (m.get(speakers[i]!.entity) ?? 0) + 1)
    votes.set(name, m)
  })
  const entityOf = new Map<string, number>()
  for (const [name, m] of votes) entityOf.set(name, [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0])
  const score: SpeakerScore = { id: gold.id, quotes: 0, right: 0, explicit: 0, explicitRight: 0, unknown: 0, wrong: [] }
  gold.quotes.forEach(([start, end], i) => {
    const g = speakers[i]
    if (!g) return
    const explicit = isExplicit(original, start, end)
    const name = ours[i]!
    const right = name !== null && entityOf.get(name) === g.entity
    score.quotes++
    if (right) score.right++
    if (name === null) score.unknown++
    if (explicit) {
      score.explicit++
      if (right) score.explicitRight++
    }
    if (!right) score.wrong.push({ quote: original.slice(start, Math.min(end, start + 60)).replace(/\s+/g, ' '), ours: name, gold: g.name, explicit })
  })
  return score
}

/** A speech tag with a name just after the quotation or just before it. */
function isExplicit(text: string, start: number, end: number): boolean {
  // The gold span may stop before the closing mark.
  let e = end
  while (e < text.length && /[”"’'’]/.test(text[e]!)) e++
  const after = tagAfter(text.slice(e, e + 120).split(/[“"]/)[0]!)
  if (after && 'form' in after) return true
  let s = start
  while (s > 0 && /[“"‘']/.test(text[s - 1]!)) s--
  const paragraphStart = Math.max(text.lastIndexOf('\n\n', s), s - 200)
  const before = tagBefore(text.slice(paragraphStart, s).split(/[”"]/).pop()!)
  return before !== null && 'form' in before
}
