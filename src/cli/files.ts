import { randomBytes } from 'node:crypto'
import { mkdir, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises'
import { basename, extname, join, relative, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import { FORMAT_EXTENSIONS } from '../ingest/formats.js'
import { projectKind } from '../node/project.js'
import { hasManifest } from '../node/book.js'

/**
 * File endings read when a directory is given: every format proselens reads, but a project's
 * binder file (`.scrivx`, `.nwx`), whose folder the walk takes as one work.
 */
export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(FORMAT_EXTENSIONS).filter((e) => e !== '.scrivx' && e !== '.nwx'))

const GLOB = /[*?[\]{}]/

/**
 * Expand the inputs: files stay as given (whatever their ending); a directory gives the files
 * of every supported format, recursively, in a stable order, skipping hidden folders and the
 * output folder, following symbolic links but never round a loop, and taking a writing app's
 * project folder (Scrivener, novelWriter), or a book folder (`books`, or one holding a
 * `proselens-book.yaml`), as one work, never walked into; a glob pattern (`drafts/**\/*.md`)
 * gives the files it matches. `missing`: the inputs that are no file, folder or pattern (they
 * stay in `files` too, for a command that reports each input's failure itself).
 */
export async function expandInputs(inputs: string[], outDir: string, books = false): Promise<{ files: string[]; errors: string[]; missing: string[] }> {
  const files: string[] = []
  const errors: string[] = []
  const missing: string[] = []
  const out = resolve(outDir)
  for (const input of inputs) {
    const info = await stat(input).catch(() => null)
    if (info?.isDirectory() && (books || projectKind(input) || hasManifest(input))) {
      // A Scrivener or novelWriter project folder is one work, as is a book (`--book`, or a folder with a book manifest).
      files.push(input)
    } else if (info?.isDirectory()) {
      const found = await walk(input, out, new Set())
      if (found.length === 0) errors.push(`${input}: a directory with no ${[...TEXT_EXTENSIONS].join(', ')} files in it`)
      for (const f of found) files.push(f)
    } else if (!info && GLOB.test(input)) {
      const found = (await glob(input, { onlyFiles: true, dot: false, followSymbolicLinks: true, ignore: [`${relative(process.cwd(), out) || '.'}/**`] })).sort()
      if (found.length === 0) errors.push(`${input}: no file matches this pattern`)
      for (const f of found) files.push(f)
    } else {
      if (!info) missing.push(input)
      files.push(input)
    }
  }
  return { files, errors, missing }
}

async function walk(dir: string, skip: string, seen: Set<string>, out: string[] = []): Promise<string[]> {
  const real = await realpath(dir).catch(() => null)
  if (real === null || real === skip || seen.has(real)) return out
  seen.add(real)
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const e of entries) {
    if (e.name.startsWith('.')) continue
    const path = join(dir, e.name)
    // A symbolic link counts as what it points to; a broken one is passed over.
    const kind = e.isSymbolicLink() ? await stat(path).catch(() => null) : e
    if (!kind) continue
    if (kind.isDirectory() && (projectKind(path) || hasManifest(path))) out.push(path)
    else if (kind.isDirectory()) await walk(path, skip, seen, out)
    else if (kind.isFile() && TEXT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(path)
  }
  return out
}

/** A report name per input: the file's name without its ending, made unique within the run. */
export function reportNames(files: string[]): string[] {
  const used = new Map<string, number>()
  return files.map((f) => {
    const stem = basename(f, extname(f)) || 'report'
    const n = (used.get(stem) ?? 0) + 1
    used.set(stem, n)
    return n === 1 ? stem : `${stem}-${n}`
  })
}

/**
 * Make the output folder and check that a file can be written in it, before any work starts:
 * a read-only folder, a full disk or a path through a file is one clear message, not one a work.
 */
export async function ensureWritable(dir: string): Promise<string | null> {
  const probe = join(dir, `.proselens-write-test.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await mkdir(dir, { recursive: true })
    await writeFile(probe, 'proselens')
    return null
  } catch (e) {
    return `cannot write to the output folder ${dir}: ${(e as Error).message}`
  } finally {
    await rm(probe, { force: true }).catch(() => {})
  }
}
