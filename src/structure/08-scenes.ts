import type { SceneBreak } from '../types.js'
import type { LearntLayout } from './02-layout.js'
import { ENDS_SENTENCE } from './03-paragraphs.js'
import type { Para } from './paragraph.js'

export interface RawScene {
  breakBefore: SceneBreak
  paragraphs: Para[]
}

const STARTS_PARAGRAPH = /^[\p{Lu}\p{N}"“‘'(\-–—*_]/u

/**
 * Whether a gap before `p` deviates from the document's usual paragraph separator, and how
 * sure that makes us of a scene break: a blank line where paragraphs are separated by single
 * newlines; two or more blank lines where they are separated by one; and two paragraphs glued
 * together (a horizontal rule stripped in copying) where they are otherwise separated by a
 * blank line.
 */
export function gapBreak(text: string, prev: Para, p: Para, layout: LearntLayout): number {
  const g = p.gapBefore
  switch (layout.separator) {
    case 'newline':
      return g >= 2 ? 0.9 : g === 1 ? 0.85 : 0
    case 'blank-line': {
      if (g > layout.usualGap) {
        const base = layout.hardWrapped ? 0.6 : 0.8
        return g >= layout.usualGap + 2 ? base + 0.1 : base
      }
      if (g < layout.usualGap && layout.gluedIsBreak) {
        const prevText = text.slice(prev.start, prev.end)
        const pText = text.slice(p.start, p.end)
        if (ENDS_SENTENCE.test(prevText) && STARTS_PARAGRAPH.test(pText)) return 0.7
      }
      return 0
    }
    case 'markup':
      if (!layout.blankGaps || g <= layout.usualGap) return 0
      return g >= layout.usualGap + 2 ? 0.9 : 0.85
    case 'none':
      return 0
  }
}

/**
 * Split a chapter's body into scenes at marker lines and at gaps that deviate from the usual
 * paragraph separator. A marker before any text of the chapter does not open an empty scene.
 */
export function splitScenes(text: string, body: Para[], first: SceneBreak, layout: LearntLayout): RawScene[] {
  const scenes: RawScene[] = []
  let pending: SceneBreak = first
  let current: Para[] = []
  let prev: Para | null = null
  const close = () => {
    if (current.length > 0) scenes.push({ breakBefore: pending, paragraphs: current })
    current = []
  }
  for (const p of body) {
    if (p.kind === 'marker' || p.kind === 'rule' || p.kind === 'document') {
      if (current.length > 0) {
        close()
        pending =
          p.kind === 'document'
            ? { kind: 'document', marker: null, confidence: 1 }
            : p.kind === 'rule'
              ? { kind: 'rule', marker: null, confidence: p.confidence }
              : { kind: 'marker', marker: text.slice(p.start, p.end).trim(), confidence: p.confidence }
      } else if (p.kind === 'document' && pending.kind !== 'start' && pending.kind !== 'chapter') {
        // A document after an empty one, or after a marker closing the last: the document is the break.
        pending = { kind: 'document', marker: null, confidence: 1 }
      }
      prev = null
      continue
    }
    if (p.kind !== 'text') continue
    if (current.length > 0 && prev) {
      const confidence = gapBreak(text, prev, p, layout)
      if (confidence > 0) {
        close()
        pending = { kind: 'gap', marker: null, confidence }
      }
    }
    current.push(p)
    prev = p
  }
  close()
  return scenes
}

/** Breaks below this confidence are weak: possible breaks, which the page draws apart. */
export const WEAK_BELOW = 0.5
/** How much a break of a kind the document does not otherwise use keeps of its confidence. */
const OTHER_CONVENTION = 0.6
/** How much a break between two lines of one conversation keeps. */
const IN_CONVERSATION = 0.5
const SPEECH = /^[\s]*["“”‘'«—–-]/u

/** A break's convention: its kind, and for markers the marker, for gaps what kind of gap. */
function conventionOf(b: SceneBreak, gapKind: string): string {
  if (b.kind === 'marker') return `marker:${b.marker}`
  if (b.kind === 'gap') return `gap:${gapKind}`
  return b.kind
}

/**
 * Make confidence mean something across a document: where most of its breaks (at least three,
 * and 70%) follow one convention, a break of another kind is less sure (unless it is an explicit
 * marker or rule of its own, such as `* * *`); a break whose scenes meet inside one conversation
 * (a speech before it and a speech after it) is less sure still. Then every break below
 * `WEAK_BELOW` is marked weak.
 */
export function calibrateBreaks(text: string, scenes: { breakBefore: SceneBreak; paragraphs: { start: number; end: number; gapBefore: number }[] }[]): void {
  const conventions = new Map<string, number>()
  const keys: string[] = []
  for (const s of scenes) {
    const b = s.breakBefore
    if (b.kind === 'start' || b.kind === 'chapter' || b.kind === 'writer' || b.kind === 'document') {
      keys.push('')
      continue
    }
    const first = s.paragraphs[0]!
    const key = conventionOf(b, first.gapBefore === 0 ? 'glued' : 'wide')
    keys.push(key)
    conventions.set(key, (conventions.get(key) ?? 0) + 1)
  }
  let total = 0
  let top = ''
  let topCount = 0
  for (const [k, n] of conventions) {
    total += n
    if (n > topCount) [top, topCount] = [k, n]
  }
  const established = topCount >= 3 && topCount >= total * 0.7
  for (let i = 0; i < scenes.length; i++) {
    const b = scenes[i]!.breakBefore
    const key = keys[i]!
    if (key === '') continue
    const explicit = (b.kind === 'marker' || b.kind === 'rule') && b.confidence >= 0.95
    let c = b.confidence
    if (established && key !== top && !explicit) c *= OTHER_CONVENTION
    const prev = scenes[i - 1]?.paragraphs
    const before = prev?.[prev.length - 1]
    const after = scenes[i]!.paragraphs[0]
    if (!explicit && before && after && SPEECH.test(text.slice(before.start, before.start + 4)) && SPEECH.test(text.slice(after.start, after.start + 4))) c *= IN_CONVERSATION
    b.confidence = Math.round(c * 100) / 100
    if (b.confidence < WEAK_BELOW) b.weak = true
  }
}
