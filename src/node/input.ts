import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import { MAX_FILE_BYTES, timedOut as timedOutFor, timeLimitSeconds, tooLarge as tooLargeFor } from '../ingest/limits.js'
import { packProject, projectOf, projectSize } from './project.js'
import { bookSize, hasManifest, packBook } from './book.js'
import { UnreadableInputError } from '../ingest/text.js'

/** Thrown for a path that cannot be analysed (missing, a directory, unreadable). */
export class InputError extends Error {
  override name = 'InputError'
}

export { MAX_FILE_BYTES, timeLimitSeconds }

/** The message for a file past the size limit, telling how to raise it. */
export const tooLarge = (path: string, size: number, maxBytes: number): string => tooLargeFor(path, size, maxBytes, 'raise it with --max-size')

/**
 * The bytes of a story file, refused with an `InputError` that says why: missing, a directory,
 * not a regular file (a device such as /dev/zero, a pipe, a socket, even behind a symbolic
 * link), or larger than `maxBytes`. At most `maxBytes` are ever read, even from a file that
 * grows while it is read.
 *
 * Synchronous: it runs in the analysis worker, where nothing else waits on the thread, and a
 * read straight from the thread costs less than handing it to libuv's pool and back.
 */
export function readInput(path: string, maxBytes = MAX_FILE_BYTES, book = false): Uint8Array {
  const size = checkInput(path, maxBytes, book)
  if (isBook(path, book)) return readingBook(path, packBook)
  const project = projectOf(path)
  if (project !== null) {
    try {
      return packProject(project)
    } catch (e) {
      return fail(path, e)
    }
  }
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (e) {
    return fail(path, e)
  }
  try {
    // Read what stat promised plus one byte, to notice a file that grew past the limit.
    // Never from the shared pool of small buffers: the bytes may be moved to a worker thread.
    let buffer = Buffer.allocUnsafeSlow(Math.min(maxBytes + 1, Math.max(size + 1, 64 * 1024)))
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > maxBytes) throw new InputError(tooLarge(path, length, maxBytes))
        const larger = Buffer.allocUnsafeSlow(Math.min(maxBytes + 1, buffer.length * 2))
        buffer.copy(larger, 0, 0, length)
        buffer = larger
      }
      let bytesRead: number
      try {
        bytesRead = readSync(fd, buffer, length, buffer.length - length, length)
      } catch (e) {
        return fail(path, e)
      }
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > maxBytes) throw new InputError(tooLarge(path, length, maxBytes))
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length)
  } finally {
    closeSync(fd)
  }
}

/**
 * The size of a story file, or an `InputError` that says why it cannot be read: missing, a
 * directory, not a regular file, or larger than `maxBytes`. A check without reading, so a
 * command can refuse such a file at once.
 */
export function checkInput(path: string, maxBytes = MAX_FILE_BYTES, book = false): number {
  let info: Stats
  try {
    info = statSync(path)
  } catch (e) {
    return fail(path, e)
  }
  if (book && !info.isDirectory()) throw new InputError(`${path}: --book takes a folder of chapter files, not a file`)
  if (info.isDirectory() && isBook(path, book)) {
    // A book is one work: its size is that of its chapter files.
    const size = readingBook(path, bookSize)
    if (size > maxBytes) throw new InputError(tooLarge(path, size, maxBytes))
    return size
  }
  const project = info.isDirectory() || info.isFile() ? projectOf(path, info.isDirectory()) : null
  if (project !== null) {
    // A writing app's project is one work: its size is that of the files it is read from.
    const size = projectSize(project)
    if (size > maxBytes) throw new InputError(tooLarge(path, size, maxBytes))
    return size
  }
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a file (nor a Scrivener or novelWriter project; to read a folder of chapter files as one book, give --book)`)
  if (!info.isFile()) throw new InputError(`${path}: not a regular file (a device, a pipe or a socket)`)
  if (info.size > maxBytes) throw new InputError(tooLarge(path, info.size, maxBytes))
  return info.size
}

/** A book folder's files looked at: a manifest that is not one, or a file that cannot be read, is an `InputError`. */
function readingBook<T>(path: string, read: (dir: string) => T): T {
  try {
    return read(path)
  } catch (e) {
    if (e instanceof UnreadableInputError) throw new InputError(e.message)
    return fail(path, e)
  }
}

/** Whether a path is read as a book: a folder named as one (`--book`), or one holding a book manifest. */
function isBook(path: string, forced: boolean): boolean {
  return forced || (statSync(path, { throwIfNoEntry: false })?.isDirectory() === true && hasManifest(path) && projectOf(path, true) === null)
}

/** What every command says of a path that is not there. */
export const noSuchFile = (path: string): string => `${path}: no such file`

function fail(path: string, e: unknown): never {
  const error = e as NodeJS.ErrnoException
  throw new InputError(error.code === 'ENOENT' ? noSuchFile(path) : `${path}: ${error.message}`)
}

/** Heap per megabyte of input an analysis may need: ordinary prose needs about 15. */
const HEAP_PER_MB = 16
const HEAP_BASE_MB = 96
const HEAP_MAX_MB = 16_384

/**
 * The heap (V8's old generation) a worker analysing inputs up to `bytes` long is allowed. Past
 * it the worker stops with an out-of-memory error that fails that input alone; and a heap kept
 * near what the input needs is collected early, so a 10 MB story peaks under 400 MB.
 */
export function heapLimitMb(bytes: number): number {
  return Math.min(HEAP_MAX_MB, Math.ceil(HEAP_BASE_MB + (HEAP_PER_MB * bytes) / 2 ** 20))
}

/** The message for an input whose analysis ran out of the memory allowed. */
export function outOfMemory(path: string, limitMb: number): string {
  return `${path}: the analysis ran out of memory (${limitMb} MB allowed for inputs of this size; raise it with --max-memory)`
}


/** The message for an input whose analysis ran past its time, telling how to raise the limit. */
export const timedOut = (path: string, seconds: number): string => timedOutFor(path, seconds, 'raise the limit with --timeout')

/** Whether an error is a worker stopped at its memory limit. */
export const isOutOfMemory = (e: unknown): boolean => (e as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'

/** The size of the largest regular file among these (0 when none can be read). */
export async function largestFile(files: string[]): Promise<number> {
  let largest = 0
  for (const f of files) {
    const info = await stat(f).catch(() => null)
    if (info?.isFile()) largest = Math.max(largest, info.size)
  }
  return largest
}
