import { readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { writeAtomic } from '../node/write.js'
import type { Io } from './analyze.js'

/** The built app page, shipped with the package (rebuilt by `npm run app`). */
export const APP_PAGE = new URL('../../app/proselens.html', import.meta.url)

export interface AppCommandOptions {
  out: string
  quiet: boolean
}

/**
 * `proselens app`: write the app page, `DIR/proselens.html`, a self-contained file that analyses
 * a dropped manuscript in the browser, offline, on the writer's own machine.
 */
export function appCommand(options: AppCommandOptions, io: Io): number {
  let page: string
  try {
    page = readFileSync(APP_PAGE, 'utf8')
  } catch {
    io.err('proselens: the app page is missing from this installation (build it with npm run app)')
    return 1
  }
  const out = join(options.out, 'proselens.html')
  writeAtomic(out, page)
  if (!options.quiet) {
    io.out(`wrote ${relative(process.cwd(), resolve(out)) || out} (${(Buffer.byteLength(page) / 2 ** 20).toFixed(1)} MB)`)
    io.out('Open it in a browser and drop a manuscript on it: it works offline, and the file never leaves this computer.')
  }
  return 0
}
