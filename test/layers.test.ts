// The layers' arrows run one way: each part of src/ imports only from the layers below it (and
// from itself), so that the core can be taken without what sits above it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

/** Each part of src/ (a folder, or a file at the top) and its layer, lowest first. */
const LAYER: Record<string, number> = {
  data: 0, types: 0, version: 0, stages: 0,
  ingest: 1,
  structure: 2,
  language: 2.5,
  annotate: 3,
  measure: 4,
  report: 5,
  book: 5.5, pipeline: 6, compare: 6, corpus: 6,
  eval: 7, core: 7,
  node: 8,
  cli: 9, app: 9, index: 9,
}

const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : /\.ts$/.test(e.name) ? [join(d, e.name)] : []))
const partOf = (path: string) => path.split(/[\\/]/)[1]!.replace(/\.ts$/, '').replace(/\.generated$/, '')

it('every import in src/ goes to its own part or a lower layer', () => {
  const wrong: string[] = []
  for (const file of files('src')) {
    const from = partOf(file)
    expect(LAYER[from], `${file}: a part of src/ with no layer`).toBeDefined()
    // Static imports and re-exports, side-effect imports and dynamic imports alike.
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:^(?:import|export)[^'"]*from |^import |\bimport\()'(\.[^']+)'/gm)) {
      const target = join(file, '..', m[1]!.replace(/\.js$/, '.ts'))
      const to = partOf(target)
      if (to !== from && !(LAYER[to]! < LAYER[from]!)) wrong.push(`${file} → ${target}`)
    }
  }
  expect(wrong).toEqual([])
})
