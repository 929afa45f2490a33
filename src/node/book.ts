import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import { BOOK_MANIFEST, isChapterFile, parseManifest } from '../book.js'

/** Whether a folder is a book by its manifest (`proselens-book.yaml`). */
export function hasManifest(dir: string): boolean {
  return statSync(join(dir, BOOK_MANIFEST), { throwIfNoEntry: false })?.isFile() === true
}

/**
 * A book folder's files, relative paths to absolute ones: the manifest, the chapter files it
 * lists and every chapter file directly in the folder.
 */
function bookFiles(dir: string): [string, string][] {
  const out: [string, string][] = []
  const manifestPath = join(dir, BOOK_MANIFEST)
  let listed: string[] | undefined
  if (statSync(manifestPath, { throwIfNoEntry: false })?.isFile()) {
    out.push([BOOK_MANIFEST, manifestPath])
    listed = parseManifest(readFileSync(manifestPath, 'utf8'), dir).chapters
  }
  // The listed files, and every chapter file beside them (the reader says which the list leaves out).
  const names = new Set([...(listed ?? []), ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && isChapterFile(e.name)).map((e) => e.name)])
  for (const name of names) {
    const abs = join(dir, name)
    // A listed file that is missing is left to the reader, which says so.
    if (statSync(abs, { throwIfNoEntry: false })?.isFile()) out.push([name, abs])
  }
  return out
}

/** The size of a book's files together, as `checkInput` gives a file's. */
export function bookSize(dir: string): number {
  let size = 0
  for (const [, abs] of bookFiles(dir)) size += statSync(abs).size
  return size
}

/** One fixed time for every entry, so that the same files always pack to the same bytes. */
const EPOCH = new Date(Date.UTC(1980, 0, 1))

/**
 * A book folder packed into one stored zip of its manifest and chapter files (nothing else of
 * the folder), which the core reads as a book (`readBookZip`): the same bytes for the same files.
 */
export function packBook(dir: string): Uint8Array {
  const entries: Zippable = {}
  for (const [rel, abs] of bookFiles(dir)) entries[rel] = [new Uint8Array(readFileSync(abs)), { level: 0, mtime: EPOCH }]
  return zipSync(entries, { level: 0, mtime: EPOCH })
}
