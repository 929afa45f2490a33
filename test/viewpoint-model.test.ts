import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VIEWPOINT_WEIGHTS } from '../src/data/viewpoint-weights.generated.js'
import { fitViewpoint, viewpointExamples, viewpointRight, type SceneLabel } from '../src/eval/viewpoint-fit.js'
import { readSource } from '../src/ingest/index.js'
import { VIEWPOINT_FEATURES } from '../src/measure/viewpoint-model.js'

// The sets scripts/train-viewpoint.mjs fits on, in its order.
const base = 'test/fixtures/viewpoints'
const sets = [...readdirSync(base).filter((d) => existsSync(join(base, d, 'labels.json'))).sort().map((d) => join(base, d)), 'corpus']

function stories(dir: string): { path: string; scenes: SceneLabel[] }[] {
  if (existsSync(join(dir, 'labels.json'))) return (JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { file: string; scenes: SceneLabel[] }[]).map((l) => ({ path: join(dir, l.file), scenes: l.scenes }))
  return readdirSync(join(dir, 'labels'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, 'labels', f), 'utf8')) as { file: string; chapters?: { scenes?: SceneLabel[] }[] })
    .map((l) => ({ path: join(dir, l.file), scenes: (l.chapters ?? []).flatMap((c) => c.scenes ?? []) }))
}

const examples = sets.flatMap((dir) => stories(dir).flatMap((s) => viewpointExamples(readSource(readFileSync(s.path), { path: s.path }), s.scenes)))

describe('the viewpoint scorer', () => {
  it('has one weight per feature', () => {
    expect(VIEWPOINT_WEIGHTS.length).toBe(VIEWPOINT_FEATURES.length)
  })

  it('has the weights scripts/train-viewpoint.mjs fits on the labelled sets (run it after changing a feature or a set)', () => {
    expect(examples.length).toBeGreaterThan(200)
    expect(fitViewpoint(examples)).toEqual([...VIEWPOINT_WEIGHTS])
  })

  it('chooses the labelled character in at least 78% of the scenes it was fitted on, and more than with no weights', () => {
    const right = viewpointRight(examples, VIEWPOINT_WEIGHTS)
    expect(right / examples.length).toBeGreaterThanOrEqual(0.78)
    expect(right).toBeGreaterThan(viewpointRight(examples, VIEWPOINT_FEATURES.map(() => 0)) + 40)
  })
})
