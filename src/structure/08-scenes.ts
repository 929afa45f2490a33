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
    if (p.kind === 'marker' || p.kind === 'rule') {
      if (current.length > 0) {
        close()
        pending =
          p.kind === 'rule'
            ? { kind: 'rule', marker: null, confidence: p.confidence }
            : { kind: 'marker', marker: text.slice(p.start, p.end).trim(), confidence: p.confidence }
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
