export interface JsonOptions {
  /** Indented, with arrays of numbers (spans) kept on one line. Default true. */
  pretty?: boolean
}

/** An array of numbers (or null or booleans) as JSON.stringify indents it, one value a line. */
const SCALAR = String.raw`(?:-?\d[\d.eE+-]*|null|true|false)`
const SCALAR_ARRAY = new RegExp(String.raw`\[\n\s*(${SCALAR}(?:,\n\s*${SCALAR})*)\n\s*\]`, 'g')

/** An object of scalars and strings as JSON.stringify indents it: `{"name": "Nell", "kind": "explicit", "confidence": 0.95}`. */
const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`
const FIELD = String.raw`${STRING}: (?:${SCALAR}|${STRING})`
const FLAT_OBJECT = new RegExp(String.raw`\{\n\s*(${FIELD}(?:,\n\s*${FIELD})*)\n\s*\}`, 'g')
/** Flat objects up to this long go on one line. */
const FLAT_MAX = 100

/** Indented JSON with arrays of numbers and short flat objects on one line: `[120, 180, 12, 0]`, not six lines. */
function pretty(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2)
    .replace(SCALAR_ARRAY, (_, inner: string) => `[${inner.replace(/,\n\s*/g, ', ')}]`)
    .replace(FLAT_OBJECT, (whole: string, inner: string) => {
      const line = `{${inner.replace(/,\n\s*/g, ', ')}}`
      return line.length <= FLAT_MAX ? line : whole
    })
    .replace(/\n/g, `\n${indent}`)
}

const format = (v: unknown, indent: string, indented: boolean): string => (indented ? pretty(v, indent) : JSON.stringify(v))
const isRecord = (item: unknown): boolean => item !== null && typeof item === 'object' && !Array.isArray(item)

/**
 * A JSON document in pieces, in order: each top-level entry, and each item of a top-level array
 * of objects (a report's scenes and chapters) on its own. Joined, the pieces are the document;
 * written one by one, a report of any size is never held as one string (a 10 MB story's report
 * runs to tens of megabytes).
 */
export function* jsonPieces(value: object, options: JsonOptions = {}): Generator<string> {
  const indented = options.pretty ?? true
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function')
  const nl = indented ? '\n' : ''
  yield `{${nl}`
  for (const [i, [key, v]] of entries.entries()) {
    const name = `${indented ? '  ' : ''}${JSON.stringify(key)}:${indented ? ' ' : ''}`
    const comma = i + 1 < entries.length ? ',' : ''
    if (Array.isArray(v) && v.length > 0 && v.every(isRecord)) {
      yield `${name}[${nl}`
      for (const [j, item] of v.entries()) yield `${indented ? '    ' : ''}${format(item, '    ', indented)}${j + 1 < v.length ? ',' : ''}${nl}`
      yield `${indented ? '  ' : ''}]${comma}${nl}`
    } else {
      yield `${name}${format(v, '  ', indented)}${comma}${nl}`
    }
  }
  yield `}${nl}`
}

/** The whole JSON document as one string (small documents; see `jsonPieces`). */
export const toJson = (value: object, options: JsonOptions = {}): string => [...jsonPieces(value, options)].join('')
