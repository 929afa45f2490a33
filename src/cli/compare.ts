import { basename, extname, join, relative, resolve } from 'node:path'
import { compareReports } from '../compare/index.js'
import { renderCompareHtml } from '../compare/html.js'
import { count as counted } from '../compare/plural.js'
import { jsonPieces } from '../report/json.js'
import type { Io } from './analyze.js'
import { writeAtomic } from '../node/write.js'

export interface CompareCommandOptions {
  out: string
  quiet: boolean
  maxBytes?: number
}

/** `proselens compare OLD NEW`: one HTML page and its JSON setting two versions side by side. */
export async function compareCommand(oldPath: string, newPath: string, options: CompareCommandOptions, io: Io): Promise<number> {
  // The pipeline and its models load only when this command runs.
  const { analyzeFile } = await import('../node/analyze-file.js')
  const read = (path: string) => analyzeFile(path, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes })
  let comparison
  try {
    const [a, b] = await Promise.all([read(oldPath), read(newPath)])
    comparison = compareReports(a, b)
  } catch (e) {
    io.err(`proselens: ${(e as Error).message}`)
    return 1
  }
  const stem = (p: string) => basename(p, extname(p)) || 'story'
  const name = stem(oldPath) === stem(newPath) ? `${stem(newPath)}-compared` : `${stem(oldPath)}-vs-${stem(newPath)}`
  const json = join(options.out, `${name}.json`)
  const html = join(options.out, `${name}.html`)
  writeAtomic(json, jsonPieces(comparison))
  writeAtomic(html, renderCompareHtml(comparison))
  if (!options.quiet) {
    const count = (s: string) => comparison.pairs.filter((p) => p.status === s).length
    const show = (p: string) => relative(process.cwd(), resolve(p)) || p
    io.out(`${oldPath} → ${newPath}: ${counted(count('kept'), 'scene')} kept, ${count('moved')} moved, ${count('added')} added, ${count('cut')} cut; words ${comparison.old.words.toLocaleString('en-US')} → ${comparison.new.words.toLocaleString('en-US')}`)
    io.out(`wrote ${show(html)} and ${show(json)}`)
  }
  return 0
}
