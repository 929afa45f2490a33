import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { zipSync, type Zippable } from 'fflate'

/** A writing app's project folder, by what it holds. */
export type ProjectKind = 'scrivener' | 'novelwriter'

/** The binder file names that make a folder a project. */
const NOVELWRITER_BINDER = 'nwProject.nwx'
const SCRIVENER_BINDER = /\.scrivx$/i

/**
 * The files of a project the readers may need, by path relative to the project's folder:
 * the binder, Scrivener's documents and synopses (`Files/Data/<UUID>/…`, Scrivener 2's
 * `Files/Docs/<id>…`) and novelWriter's `content/*.nwd`. Snapshots, backups, search indexes,
 * settings and research files (pictures, PDFs) are never read.
 */
const PROJECT_FILE = /^(?:[^/]+\.scrivx|nwProject\.nwx|Files\/Data\/[^/]+\/(?:content\.rtf|synopsis\.txt|content\.rtfd\/TXT\.rtf)|Files\/Docs\/[^/]+\.rtf|Files\/Docs\/[^/]+_synopsis\.txt|Files\/Docs\/[^/]+\.rtfd\/TXT\.rtf|content\/[^/]+\.nwd)$/

/** The folders of a project walked for its files (`Files/Data/<UUID>`, `content`); nothing deeper than three. */
const MAX_DEPTH = 3

/** Whether a folder is a writing app's project: it holds a Scrivener binder or novelWriter's project file. */
export function projectKind(dir: string): ProjectKind | null {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return null
  }
  if (names.includes(NOVELWRITER_BINDER)) return 'novelwriter'
  if (names.some((n) => SCRIVENER_BINDER.test(n) && !n.startsWith('.'))) return 'scrivener'
  return null
}

/**
 * The project folder an input names: a Scrivener or novelWriter project folder, or the folder of
 * its binder file (`Novel.scrivx`, `nwProject.nwx`); null for anything else.
 */
export function projectOf(path: string, directory?: boolean): string | null {
  if (directory ?? statSync(path, { throwIfNoEntry: false })?.isDirectory()) return projectKind(path) ? path : null
  const name = basename(path)
  return name === NOVELWRITER_BINDER || SCRIVENER_BINDER.test(name) ? dirname(path) : null
}

/** The project's files, relative paths to absolute ones, in sorted order. */
function projectFiles(dir: string): [string, string][] {
  const out: [string, string][] = []
  const visit = (rel: string, depth: number) => {
    let entries
    try {
      entries = readdirSync(join(dir, rel), { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue
      const path = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH) visit(path, depth + 1)
      } else if (e.isFile() && PROJECT_FILE.test(path)) out.push([path, join(dir, path)])
    }
  }
  visit('', 0)
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

/** The size of a project's files together, as `checkInput` gives a file's. */
export function projectSize(dir: string): number {
  let size = 0
  for (const [, abs] of projectFiles(dir)) size += statSync(abs, { throwIfNoEntry: false })?.size ?? 0
  return size
}

/** One fixed time for every entry, so that the same files always pack to the same bytes. */
const EPOCH = new Date(Date.UTC(1980, 0, 1))

/**
 * A project folder packed into one stored (uncompressed) zip, as a writer could zip it by hand:
 * the same bytes for the same files, so the corpus cache knows an unchanged project, and the
 * analysis core reads it as it reads a zipped `.scriv`. Throws (with the file's name) when one
 * cannot be read.
 */
export function packProject(dir: string): Uint8Array {
  const zippable: Zippable = {}
  for (const [rel, abs] of projectFiles(dir)) zippable[rel] = [readFileSync(abs), { level: 0, mtime: EPOCH }]
  return zipSync(zippable, { level: 0, mtime: EPOCH })
}
