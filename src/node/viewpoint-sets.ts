// The labelled sets the viewpoint scorer is fitted on (test/fixtures/viewpoints/* and corpus/),
// read from disk: scripts/train-viewpoint.mjs fits and scores on them, test/viewpoint-model.test.ts
// checks the committed weights against them.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readSourceAsync } from '../ingest/index.js'
import { viewpointExamples, type SceneLabel, type ViewpointExample } from '../eval/viewpoint-fit.js'

/** The sets fitted on, in order: each helper-written set of test/fixtures/viewpoints, then the corpus (paths from the repository's root). */
export function fitSets(root = '.'): string[] {
  const base = join(root, 'test/fixtures/viewpoints')
  return [
    ...readdirSync(base)
      .filter((d) => existsSync(join(base, d, 'labels.json')))
      .sort()
      .map((d) => join(base, d)),
    join(root, 'corpus'),
  ]
}

/** Each labelled story of a set: its path and its scenes' labels (labels.json, or the corpus's labels/, one file a story). */
export function labelledStories(dir: string): { path: string; scenes: SceneLabel[] }[] {
  if (existsSync(join(dir, 'labels.json'))) {
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { file: string; scenes: SceneLabel[] }[]
    return labels.map((l) => ({ path: join(dir, l.file), scenes: l.scenes }))
  }
  return readdirSync(join(dir, 'labels'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, 'labels', f), 'utf8')) as { file: string; chapters?: { scenes?: SceneLabel[] }[] })
    .map((l) => ({ path: join(dir, l.file), scenes: (l.chapters ?? []).flatMap((c) => c.scenes ?? []) }))
}

/** A set's examples for the scorer, story by story in order. */
export async function setExamples(dir: string): Promise<ViewpointExample[]> {
  const out: ViewpointExample[] = []
  for (const story of labelledStories(dir)) out.push(...viewpointExamples(await readSourceAsync(readFileSync(story.path), { path: story.path }), story.scenes))
  return out
}
