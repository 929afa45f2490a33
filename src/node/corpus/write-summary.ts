import { join } from 'node:path'
import { csv, summarise, type CorpusSummary } from '../../corpus/summary.js'
import { renderCorpusHtml } from '../../corpus/html.js'
import { FAILURE_COLUMNS, SCENE_COLUMNS, WORK_COLUMNS, type FailureRow, type SceneRow, type WorkRow } from '../../corpus/rows.js'
import { writeAtomic } from '../write.js'

/**
 * Write the corpus outputs: `summary.json`, `works.csv`, `failures.csv`, `index.html`, and
 * `scenes.csv` from the per-work scene rows (read one work at a time, written a megabyte at a
 * time), each file whole or not at all.
 */
export function writeSummary(outDir: string, rows: WorkRow[], failures: FailureRow[], sceneRows: Iterable<SceneRow[]>, linkReports: boolean, run?: CorpusSummary['run']): CorpusSummary {
  const summary = summarise(rows, failures, run)
  writeAtomic(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n')
  writeAtomic(join(outDir, 'works.csv'), csv(rows, WORK_COLUMNS))
  writeAtomic(join(outDir, 'failures.csv'), csv(failures, FAILURE_COLUMNS))
  // The page shows the corpus, not the run that made it: a rerun draws the same page.
  const { run: _run, ...corpus } = summary
  writeAtomic(join(outDir, 'index.html'), renderCorpusHtml({ ...corpus, html: linkReports }))
  writeAtomic(join(outDir, 'scenes.csv'), sceneLines(sceneRows))
  return summary
}

function* sceneLines(sceneRows: Iterable<SceneRow[]>): Iterable<string> {
  yield csv([], SCENE_COLUMNS)
  for (const scenes of sceneRows) if (scenes.length) yield csv(scenes, SCENE_COLUMNS, false)
}
