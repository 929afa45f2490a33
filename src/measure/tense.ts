import type { Counts } from './counts.js'
import { narrationOf } from './embedded.js'
import { SLIP_SHOWN_FROM, type SlipReason, type SlipVerb, type TenseSentence } from './slips.js'

export type Dominant = 'past' | 'present' | 'mixed'

export interface Slip {
  start: number
  end: number
  /** The tense the sentence slips from (the scene's). */
  against: 'past' | 'present'
  confidence: number
  /** Shown by default: the page lists it and the counts count it (confidence 0.5 or more). */
  shown: boolean
  /** Why it reads as a slip (`past-in-present`, `present-in-past`), or why it is judged less likely one. */
  reason: SlipReason
  /** The verbs that read against the scene's tense. */
  verbs: SlipVerb[]
  /** The same in a sentence a person reads. */
  message: string
}

const quoted = (verbs: SlipVerb[]) => {
  const names = verbs.map((v) => `‘${v.text}’`)
  return names.length <= 1 ? (names[0] ?? 'its verb') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** Why a slip was judged less likely, as the message says it. */
const LOWERED: Partial<Record<SlipReason, string>> = {
  'look-back': 'but the sentence looks back (a time anchor, a past perfect, a future beside it, or verbs that report what was said or thought), so it is likely back-story',
  'back-story': 'but it follows a look back, so it is likely back-story',
  fragment: 'but it opens on its verb with no subject, as back-story thoughts do',
  'narrator-present': "but it reads as the narrator's present or a general truth",
  thought: "but it reads as a character's unmarked thought",
  question: "but it is a question, perhaps a character's thought",
}

/** What a slip says to the writer: "‘turned’ and ‘walked’ are past; this scene is in the present." */
export function slipMessage(s: Pick<TenseSentence, 'verbs' | 'reason'> & { against: 'past' | 'present' }): string {
  const verbTense = s.against === 'present' ? 'past' : 'present'
  const head = `${quoted(s.verbs)} ${s.verbs.length > 1 ? 'are' : 'is'} ${verbTense}; this scene is in the ${s.against}`
  const lowered = s.reason ? LOWERED[s.reason] : undefined
  return lowered ? `${head}, ${lowered}.` : `${head}.`
}

/** The slips shown by default, those the page lists and the counts count. */
export const shownSlips = (t: { slips: readonly Slip[] }): Slip[] => t.slips.filter((s) => s.shown)

export interface TenseMeasure {
  dominant: Dominant | null
  past: number
  present: number
  pastShare: number | null
  slips: Slip[]
  /** The figure comes from a character's told story that makes up most of the span. */
  embedded: boolean
}

/**
 * pastShare at or above PAST_FROM is past narration; at or below PRESENT_UP_TO, present; between,
 * mixed. Present narration refers back to earlier events far more than past narration looks
 * forward, so the bands are not symmetric. Calibrated on ../shared/eval's narration labels:
 * present-tense texts reached pastShare 0.34 at most, past-tense texts 0.69 at least.
 */
export const PAST_FROM = 0.6
export const PRESENT_UP_TO = 0.45
/** Most slips listed per scene, shown and not shown each: the surest ones. */
export const MAX_SLIPS_PER_SCENE = 10

/**
 * The tense of narration's sentences: as `dominantTense`, and where that is mixed, the tense
 * that holds once the sentences that step out of it are set aside (a present story's look
 * backs, a past story's general truths), if only one does.
 */
export function dominantOf(sentences: readonly Pick<TenseSentence, 'past' | 'present' | 'aside'>[]): Dominant | null {
  let past = 0
  let present = 0
  let backPast = 0
  let asidePresent = 0
  for (const s of sentences) {
    past += s.past
    present += s.present
    if (s.aside) {
      if (s.present === 0) backPast += s.past
      else asidePresent += s.present
    }
  }
  const plain = dominantTense(past, present)
  if (plain !== 'mixed' || backPast + asidePresent === 0) return plain
  const inPresent = dominantTense(past - backPast, present) === 'present'
  const inPast = dominantTense(past, present - asidePresent) === 'past'
  return inPresent === inPast ? 'mixed' : inPresent ? 'present' : 'past'
}

export function dominantTense(past: number, present: number): Dominant | null {
  if (past + present === 0) return null
  const share = past / (past + present)
  return share >= PAST_FROM ? 'past' : share <= PRESENT_UP_TO ? 'present' : 'mixed'
}

const round = (x: number) => Math.round(x * 10_000) / 10_000

/** Tense of narration: finite verbs outside dialogue, past against present; slips per scene. */
export function tense(c: Counts): TenseMeasure {
  let past = 0
  let present = 0
  const n = narrationOf(c)
  for (const s of n.sentences) {
    past += s.past
    present += s.present
  }
  const slips: Slip[] = []
  for (const s of n.sentences) {
    if (s.slip <= 0) continue
    const against = s.against!
    slips.push({ start: s.start, end: s.end, against, confidence: round(s.slip), shown: s.slip >= SLIP_SHOWN_FROM, reason: s.reason!, verbs: s.verbs, message: slipMessage({ verbs: s.verbs, reason: s.reason, against }) })
  }
  return { dominant: dominantOf(n.sentences), past, present, pastShare: past + present ? round(past / (past + present)) : null, slips, embedded: n.embedded }
}
