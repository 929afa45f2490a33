import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'

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

/**
 * Write a file whole or not at all: into a temporary file beside it, then rename. Synchronous:
 * reports are written by the analysis workers, where a write straight from the thread costs
 * less than a round trip through libuv's pool for every open, write, close and rename.
 */
export function writeAtomic(path: string, data: string | Iterable<string>): void {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  let fd = -1
  try {
    mkdirSync(resolve(path, '..'), { recursive: true })
    fd = openSync(tmp, 'w')
    if (typeof data === 'string') writeAll(fd, data)
    else {
      // Written a megabyte or so at a time, so a large report is never one string in memory.
      let buffered = ''
      for (const piece of data) {
        buffered += piece
        if (buffered.length >= WRITE_CHUNK) {
          writeAll(fd, buffered)
          buffered = ''
        }
      }
      writeAll(fd, buffered)
    }
    const file = fd
    fd = -1
    closeSync(file)
    renameSync(tmp, path)
  } catch (e) {
    if (fd !== -1) {
      try {
        closeSync(fd)
      } catch {
        // The write's own error is the one to report.
      }
    }
    rmSync(tmp, { force: true })
    throw writeError(path, e)
  }
}

/**
 * Write all of `text`: a write may take only part of it (a disk filling up takes what fits and
 * says nothing), so go on until every byte is written or the write fails.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text)
  let at = 0
  while (at < bytes.length) {
    const written = writeSync(fd, bytes, at, bytes.length - at)
    if (written === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    at += written
  }
}

/** An error writing `path`, saying so: a full disk, a read-only folder, a permission. */
function writeError(path: string, e: unknown): Error {
  const cause = e as NodeJS.ErrnoException
  return Object.assign(new Error(`cannot write ${path}: ${cause.message}`, { cause }), { code: cause.code })
}

