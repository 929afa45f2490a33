import { readFile, stat } from 'node:fs/promises'
import { analyze, type AnalyzeOptions } from '../pipeline.js'
import type { Report } from '../report/types.js'

/** Thrown for a path that cannot be analysed (missing, a directory, unreadable). */
export class InputError extends Error {
  override name = 'InputError'
}

/** Read a file and analyse it. The file is only read, never modified. */
export async function analyzeFile(path: string, options: Omit<AnalyzeOptions, 'path'> = {}): Promise<Report> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(e.code === 'ENOENT' ? `${path}: no such file` : `${path}: ${e.message}`)
  })
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a file`)
  if (!info.isFile()) throw new InputError(`${path}: not a regular file`)
  const bytes = await readFile(path)
  return analyze(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...options, path })
}
