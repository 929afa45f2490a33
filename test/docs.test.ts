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

/** The first cells of the table that follows a line of README.md starting with `lead`. */
function columnTable(readme: string, lead: string): string[] {
  const lines = readme.split('\n')
  const at = lines.findIndex((l) => l.startsWith(lead))
  expect(at, `README.md has no line starting ${lead}`).toBeGreaterThanOrEqual(0)
  let i = at + 1
  while (lines[i] === '') i++
  const names: string[] = []
  for (; lines[i]?.startsWith('|'); i++) {
    const cell = lines[i]!.split('|')[1]!.trim()
    if (cell === 'column' || /^-+$/.test(cell)) continue
    names.push(/^`([^`]+)`$/.exec(cell)?.[1] ?? `not a column name: ${cell}`)
  }
  return names
}

it("README's columns of works.csv and scenes.csv are the CSV headers, in order", async () => {
  const readme = readFileSync('README.md', 'utf8')
  const { csv } = await import('../src/corpus/summary.js')
  const { FAILURE_COLUMNS, SCENE_COLUMNS, WORK_COLUMNS } = await import('../src/corpus/rows.js')
  const header = (columns: readonly string[]) => csv([], columns as never[]).trimEnd().split(',')
  expect(columnTable(readme, '`works.csv` columns')).toEqual(header(WORK_COLUMNS))
  expect(columnTable(readme, '`scenes.csv` columns')).toEqual(header(SCENE_COLUMNS))
  expect(readme).toContain(`one row per work that could not be read: ${FAILURE_COLUMNS.map((c) => `\`${c}\``).join(', ')}`)
})
