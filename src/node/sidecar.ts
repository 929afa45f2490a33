import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { CorrectionsError, parseCorrections, type Corrections } from '../structure/corrections.js'
import { InputError } from './input.js'

/** Endings of a story's corrections file, next to it: `draft.docx` → `draft.proselens.yaml`. */
export const SIDECAR_ENDINGS = ['.proselens.yaml', '.proselens.yml', '.proselens.json'] as const

/** The largest corrections file read: a list of corrections is a few hundred bytes. */
export const MAX_SIDECAR_BYTES = 1024 * 1024

/** A story's corrections file: where it is, its text (part of a corpus run's cache key) and what it says. */
export interface Sidecar {
  path: string
  text: string
  corrections: Corrections
}

/** Where a story's corrections file would be, in the order they are looked for. */
export function sidecarPaths(input: string): string[] {
  const name = basename(input)
  const stem = name.slice(0, name.length - extname(name).length) || name
  return SIDECAR_ENDINGS.map((ending) => join(dirname(input), stem + ending))
}

/**
 * The corrections file next to a story, read and checked, or null when there is none. One that
 * cannot be read or used (not a file, too large, not valid YAML or JSON, an unknown key, a value
 * of the wrong type), or two of them for one story, is an `InputError` naming the file.
 */
export function readSidecar(input: string): Sidecar | null {
  const found = sidecarPaths(input).filter(present)
  if (found.length === 0) return null
  if (found.length > 1) throw new InputError(`${found.join(' and ')}: two corrections files for ${input}; keep one`)
  const path = found[0]!
  const text = readSmall(path)
  try {
    return { path, text, corrections: parseCorrections(text, path.endsWith('.json') ? 'json' : 'yaml') }
  } catch (e) {
    if (e instanceof CorrectionsError) throw new InputError(`${path}: ${e.message}`)
    throw e
  }
}

/** Whether something is at this path (one that cannot even be looked at counts: reading it says why). */
function present(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined
  } catch {
    return true
  }
}

function readSmall(path: string): string {
  let bytes: Buffer
  try {
    const info = statSync(path)
    if (!info.isFile()) throw new InputError(`${path}: the corrections file is not a regular file`)
    if (info.size > MAX_SIDECAR_BYTES) throw new InputError(`${path}: the corrections file is larger than ${MAX_SIDECAR_BYTES / 1024} KB`)
    bytes = readFileSync(path)
  } catch (e) {
    if (e instanceof InputError) throw e
    throw new InputError(`${path}: cannot read the corrections file: ${(e as Error).message}`)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new InputError(`${path}: the corrections file is not UTF-8 text`)
  }
}
