import { describe, expect, it } from 'vitest'
import { VIEWPOINT_WEIGHTS } from '../src/data/viewpoint-weights.generated.js'
import { fitViewpoint, viewpointRight, type ViewpointExample } from '../src/eval/viewpoint-fit.js'
import { VIEWPOINT_FEATURES } from '../src/measure/viewpoint-model.js'
import { fitSets, setExamples } from '../src/node/viewpoint-sets.js'

// The sets scripts/train-viewpoint.mjs fits on, in its order.
const examples: ViewpointExample[] = []
for (const dir of fitSets()) examples.push(...(await setExamples(dir)))

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
