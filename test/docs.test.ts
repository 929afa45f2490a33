import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { reportSchema } from '../src/report/schema.js'
import { withMeasures } from '../src/report/docs.js'

it('schema/report.schema.json is the schema the code validates with (npm run docs)', () => {
  expect(JSON.parse(readFileSync('schema/report.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(reportSchema)))
})

it("README's table of measures is drawn from the measure registry (npm run docs)", () => {
  const readme = readFileSync('README.md', 'utf8')
  expect(withMeasures(readme)).toBe(readme)
})
