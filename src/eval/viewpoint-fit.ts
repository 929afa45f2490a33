// Fitting the viewpoint scorer (src/measure/viewpoint-model.ts) to labelled stories: a
// conditional logit over each third-person scene's candidates, the labelled viewpoint character
// the one to choose. scripts/train-viewpoint.mjs runs it over the labelled sets and writes the
// weights; test/viewpoint-model.test.ts checks the committed weights are the ones it fits.
import { annotate } from '../annotate/index.js'
import { assignLanguages } from '../language/index.js'
import { candidates, nextTurns, NO_TURNS, score, storyEvidence, VIEWPOINT_FEATURES } from '../measure/viewpoint-model.js'
import { measureScenes } from '../report/build.js'
import { structure } from '../structure/index.js'
import type { Source } from '../types.js'
import { sameName } from './slips-eval.js'

/** One scene to learn from: its candidates' features and whether each is the labelled character. */
export interface ViewpointExample {
  candidates: { features: number[]; right: boolean }[]
}

/** A scene's labels as the sets give them (labels.json, the corpus's labels). */
export interface SceneLabel {
  pov?: string
  character?: string | null
}

/**
 * The third-person scenes of a story labelled with a character, as examples. Each scene's
 * "carried" candidates are the labelled characters of the scenes before it (the scorer carries
 * its own choices on when it runs). A story whose scenes we split otherwise than its labels gives none.
 */
export function viewpointExamples(source: Source, labels: readonly SceneLabel[]): ViewpointExample[] {
  const m = structure(source)
  assignLanguages(m)
  const annotated = annotate(m)
  const { counts, scenes } = measureScenes(annotated)
  if (scenes.length !== labels.length) return []
  const third = scenes.map((s) => s.pov?.dominant === 'third')
  const evidence = storyEvidence(counts.filter((_c, i) => third[i]))
  const cast = annotated.cast.characters
  const carried: Record<'he' | 'she', number | null> = { he: null, she: null }
  let turns = NO_TURNS
  const out: ViewpointExample[] = []
  scenes.forEach((_s, i) => {
    const gold = labels[i]!
    const name = gold.character ?? null
    if (third[i] && gold.pov === 'third' && name !== null) {
      out.push({ candidates: candidates(counts[i]!, evidence, carried, turns).map((x) => ({ features: x.features, right: sameName(cast[x.character]!.name, name) })) })
    }
    const k = name === null ? -1 : cast.findIndex((ch) => !ch.narrator && sameName(ch.name, name))
    if (third[i]) turns = nextTurns(turns, k >= 0 ? k : null)
    const g = k >= 0 ? cast[k]!.gender : null
    if (g) carried[g] = k
  })
  return out
}

/** Fitting: L2 weight, step and rounds of gradient descent from zero (deterministic). */
const L2 = 0.01
const RATE = 0.1
const ROUNDS = 600

/** Weights maximising the likelihood of the right candidates (with a little L2), rounded to three places. */
export function fitViewpoint(examples: readonly ViewpointExample[]): number[] {
  const n = VIEWPOINT_FEATURES.length
  const w: number[] = new Array<number>(n).fill(0)
  const usable = examples.filter((d) => d.candidates.some((c) => c.right))
  for (let round = 0; round < ROUNDS; round++) {
    const grad: number[] = new Array<number>(n).fill(0)
    for (const d of usable) {
      const s = d.candidates.map((c) => score(c.features, w))
      const top = Math.max(...s)
      const e = s.map((x) => Math.exp(x - top))
      let z = 0
      for (const x of e) z += x
      d.candidates.forEach((c, j) => {
        const p = e[j]! / z - (c.right ? 1 : 0)
        for (let i = 0; i < n; i++) grad[i]! += p * c.features[i]!
      })
    }
    for (let i = 0; i < n; i++) w[i]! -= RATE * (grad[i]! / usable.length + L2 * w[i]!)
  }
  return w.map((x) => Math.round(x * 1000) / 1000)
}

/** The examples whose best-scored candidate is the right one. */
export function viewpointRight(examples: readonly ViewpointExample[], weights: readonly number[]): number {
  let n = 0
  for (const d of examples) {
    let best: { right: boolean } | null = null
    let top = -Infinity
    for (const c of d.candidates) {
      const s = score(c.features, weights)
      if (s > top) [best, top] = [c, s]
    }
    if (best?.right) n++
  }
  return n
}
