import type { Counts } from './counts.js'

export type Dominant = 'past' | 'present' | 'mixed'

export interface Slip {
  start: number
  end: number
  /** The tense the sentence slips from (the scene's). */
  against: 'past' | 'present'
  confidence: number
}

export interface TenseMeasure {
  dominant: Dominant | null
  past: number
  present: number
  pastShare: number | null
  slips: Slip[]
}

/**
 * pastShare at or above PAST_FROM is past narration; at or below PRESENT_UP_TO, present; between,
 * mixed. Present narration refers back to earlier events far more than past narration looks
 * forward, so the bands are not symmetric. Calibrated on ../shared/eval's narration labels:
 * present-tense texts reached pastShare 0.34 at most, past-tense texts 0.69 at least.
 */
export const PAST_FROM = 0.6
export const PRESENT_UP_TO = 0.45
/** Most slips listed per scene: the surest ones. */
export const MAX_SLIPS_PER_SCENE = 10

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
  for (const s of c.sentences) {
    past += s.past
    present += s.present
  }
  const slips = c.sentences.filter((s) => s.slip > 0).map((s) => ({ start: s.start, end: s.end, against: s.against!, confidence: round(s.slip) }))
  return { dominant: dominantTense(past, present), past, present, pastShare: past + present ? round(past / (past + present)) : null, slips }
}
