import { parse as parseYaml } from 'yaml'

/**
 * What the writer says about their story's structure, to overrule the detection. Breaks are
 * named by the opening words of the paragraph after them, the story's bounds by the opening
 * words of its first and last paragraphs, headings by their text. Browser-safe: no Node
 * built-ins (the sidecar file is read in `src/node/sidecar.ts`).
 */
export interface Corrections {
  /** Lines the writer uses as scene breaks (`o~o`): a paragraph that is only this is a break. */
  breakMarker?: string[]
  /** Breaks that are not: the scene opening with these words joins the scene before it. */
  notBreaks?: string[]
  /** Breaks that were missed: a scene starts at the paragraph opening with these words. */
  breaks?: string[]
  /** The story's first paragraph: everything before it is front matter. */
  storyStarts?: string
  /** The story's last paragraph: everything after it is end matter. */
  storyEnds?: string
  /** Headings that are not chapter headings: the chapter joins the one before, the line left out. */
  ignoreHeadings?: string[]
}

/** A corrections file that cannot be used: the message says which key and why. */
export class CorrectionsError extends Error {
  override name = 'CorrectionsError'
}

const LIST_KEYS = ['breakMarker', 'notBreaks', 'breaks', 'ignoreHeadings'] as const
const TEXT_KEYS = ['storyStarts', 'storyEnds'] as const
type ListKey = (typeof LIST_KEYS)[number]
type TextKey = (typeof TEXT_KEYS)[number]
const KEYS: readonly string[] = [...LIST_KEYS, ...TEXT_KEYS]

/**
 * Read corrections from the text of a YAML or JSON file and check them: an unknown key, a value
 * of the wrong type or an empty text is a `CorrectionsError` naming it. A single text where a
 * list is expected is a list of one; a number is read as its text (YAML's `- 12` is the heading
 * `12`); an empty file, or a key with no value, says nothing.
 */
export function parseCorrections(text: string, kind: 'yaml' | 'json'): Corrections {
  if (text.trim() === '') return {}
  let data: unknown
  try {
    // Aliases are capped by the library (no billion-laughs expansion); no custom tags run.
    data = kind === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 50 })
  } catch (e) {
    throw new CorrectionsError(`not valid ${kind === 'json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`)
  }
  return checkCorrections(data)
}

/** Check a parsed value (from YAML, JSON or a program) and return it as `Corrections`. */
export function checkCorrections(data: unknown): Corrections {
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new CorrectionsError(`expected a mapping of ${KEYS.join(', ')}, not ${typeName(data)}`)
  }
  const out: Corrections = {}
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!KEYS.includes(key)) {
      const near = KEYS.find((k) => distance(simple(k), simple(key)) <= 2)
      throw new CorrectionsError(`unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}; the keys are ${KEYS.join(', ')}`)
    }
    if (value === null || value === undefined) continue
    if ((TEXT_KEYS as readonly string[]).includes(key)) {
      if (Array.isArray(value)) throw new CorrectionsError(`${key} must be one text (the opening words of a paragraph), not a list`)
      out[key as TextKey] = textOf(value, key)
    } else {
      const list = Array.isArray(value) ? value : [value]
      out[key as ListKey] = list.map((v, i) => textOf(v, Array.isArray(value) ? `${key}[${i}]` : key))
    }
  }
  return out
}

const simple = (k: string) => k.toLowerCase().replace(/[-_\s]/g, '')

/** Edit distance of two short texts (a key misspelt). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    row = next
  }
  return row[b.length]!
}

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  if (typeof v === 'string') return 'a text'
  return `a ${typeof v}`
}

function textOf(v: unknown, where: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (typeof v !== 'string') throw new CorrectionsError(`${where} must be a text, not ${typeName(v)}`)
  if (v.trim() === '') throw new CorrectionsError(`${where} is empty`)
  return v.trim()
}

/**
 * Corrections from two places as one: lists are joined (each entry once), and a single text of
 * `b` (the command line) wins over `a`'s (the sidecar file).
 */
export function mergeCorrections(a: Corrections | undefined, b: Corrections | undefined): Corrections {
  const out: Corrections = {}
  for (const key of LIST_KEYS) {
    const list = [...new Set([...(a?.[key] ?? []), ...(b?.[key] ?? [])])]
    if (list.length > 0) out[key] = list
  }
  for (const key of TEXT_KEYS) {
    const value = b?.[key] ?? a?.[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/** Whether the corrections say anything at all. */
export function hasCorrections(c: Corrections | undefined): boolean {
  if (!c) return false
  return LIST_KEYS.some((k) => (c[k]?.length ?? 0) > 0) || TEXT_KEYS.some((k) => c[k] !== undefined)
}
