import { expect, it } from 'vitest'
import { baseForms, participleForms, pastForms, presentForms } from '../src/data/verb-forms.generated.js'
// @ts-expect-error: a plain ES module of the repository's scripts
import { verbFormTable } from '../scripts/verb-forms-from-compromise.mjs'

it('src/data/verb-forms.generated.ts is what compromise says (node scripts/gen-verb-forms.mjs)', () => {
  const t = verbFormTable()
  expect(pastForms).toEqual([...t.past].sort())
  expect(presentForms).toEqual([...t.present].sort())
  expect(baseForms).toEqual([...t.base].sort())
  expect(participleForms).toEqual([...t.participle].sort())
  expect(pastForms).toContain('went')
  expect(presentForms).toContain('goes')
})
