import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises'
import { basename, extname, join, relative, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import { FORMAT_EXTENSIONS } from '../ingest/formats.js'

/** File endings read when a directory is given: every format proselens reads. */
export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(FORMAT_EXTENSIONS))

const GLOB = /[*?[\]{}]/

/**
 * Expand the inputs: files stay as given (whatever their ending); a directory gives the files
 * of every supported format, recursively, in a stable order, skipping hidden folders and the
 * output folder, following symbolic links but never round a loop; a glob pattern (`drafts/**\/*.md`)
 * gives the files it matches.
 */
export async function expandInputs(inputs: string[], outDir: string): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = []
  const errors: string[] = []
  const out = resolve(outDir)
  for (const input of inputs) {
    const info = await stat(input).catch(() => null)
    if (info?.isDirectory()) {
      const found = await walk(input, out, new Set())
      if (found.length === 0) errors.push(`${input}: a directory with no ${[...TEXT_EXTENSIONS].join(', ')} files in it`)
      for (const f of found) files.push(f)
    } else if (!info && GLOB.test(input)) {
      const found = (await glob(input, { onlyFiles: true, dot: false, followSymbolicLinks: true, ignore: [`${relative(process.cwd(), out) || '.'}/**`] })).sort()
      if (found.length === 0) errors.push(`${input}: no file matches this pattern`)
      for (const f of found) files.push(f)
    } else {
      files.push(input)
    }
  }
  return { files, errors }
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
    if (kind.isDirectory()) await walk(path, skip, seen, out)
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

const WRITE_CHUNK = 1 << 20

/** How `writeAtomic` names its temporary files: `<path>.<pid>.<random hex>.tmp`. */
export const TEMPORARY = /\.\d+\.[0-9a-f]+\.tmp$/

/** Remove what an interrupted `writeAtomic` of this path left behind (its temporary files). */
export async function removeTemporaries(path: string): Promise<void> {
  const dir = resolve(path, '..')
  const prefix = `${basename(path)}.`
  for (const name of await readdir(dir).catch(() => [])) {
    if (name.startsWith(prefix) && TEMPORARY.test(name)) await rm(join(dir, name), { force: true })
  }
}

/** Write a file whole or not at all: into a temporary file beside it, then rename. */
export async function writeAtomic(path: string, data: string | Iterable<string>): Promise<void> {
  await mkdir(resolve(path, '..'), { recursive: true })
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    if (typeof data === 'string') await writeFile(tmp, data)
    else {
      // Written a megabyte or so at a time, so a large report is never one string in memory.
      const file = await open(tmp, 'w')
      try {
        let buffered = ''
        for (const piece of data) {
          buffered += piece
          if (buffered.length >= WRITE_CHUNK) {
            await writeAll(file, buffered)
            buffered = ''
          }
        }
        await writeAll(file, buffered)
      } finally {
        await file.close()
      }
    }
    await rename(tmp, path)
  } catch (e) {
    await rm(tmp, { force: true })
    throw writeError(path, e)
  }
}

/**
 * Write all of `text`: a write may take only part of it (a disk filling up takes what fits and
 * says nothing), so go on until every byte is written or the write fails.
 */
async function writeAll(file: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text)
  let at = 0
  while (at < bytes.length) {
    const { bytesWritten } = await file.write(bytes, at, bytes.length - at)
    if (bytesWritten === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    at += bytesWritten
  }
}

/** An error writing `path`, saying so: a full disk, a read-only folder, a permission. */
function writeError(path: string, e: unknown): Error {
  const cause = e as NodeJS.ErrnoException
  return Object.assign(new Error(`cannot write ${path}: ${cause.message}`, { cause }), { code: cause.code })
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
