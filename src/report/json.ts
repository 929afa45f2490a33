import stringify from 'json-stringify-pretty-compact'

export interface JsonOptions {
  /** Indented, with short arrays and objects (spans, histograms) kept on one line. Default true. */
  pretty?: boolean
}

/**
 * A JSON document in pieces, in order: each top-level entry, and each item of a top-level array
 * of objects (a report's scenes and chapters) on its own. Joined, the pieces are the document;
 * written one by one, a report of any size is never held as one string (a 10 MB story's report
 * runs to tens of megabytes).
 */
export function* jsonPieces(value: object, options: JsonOptions = {}): Generator<string> {
  const pretty = options.pretty ?? true
  const format = (v: unknown, indent: string) => (pretty ? stringify(v, { maxLength: 100 }).replace(/\n/g, `\n${indent}`) : JSON.stringify(v))
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function')
  const nl = pretty ? '\n' : ''
  yield `{${nl}`
  for (const [i, [key, v]] of entries.entries()) {
    const name = `${pretty ? '  ' : ''}${JSON.stringify(key)}:${pretty ? ' ' : ''}`
    const comma = i + 1 < entries.length ? ',' : ''
    if (Array.isArray(v) && v.length > 0 && v.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      yield `${name}[${nl}`
      for (const [j, item] of v.entries()) yield `${pretty ? '    ' : ''}${format(item, '    ')}${j + 1 < v.length ? ',' : ''}${nl}`
      yield `${pretty ? '  ' : ''}]${comma}${nl}`
    } else {
      yield `${name}${format(v, '  ')}${comma}${nl}`
    }
  }
  yield `}${nl}`
}

/** The whole JSON document as one string (small documents; see `jsonPieces`). */
export const toJson = (value: object, options: JsonOptions = {}): string => [...jsonPieces(value, options)].join('')
