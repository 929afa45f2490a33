import type { Format } from '../types.js'

/** File endings and the format each one suggests. */
export const FORMAT_EXTENSIONS: Readonly<Record<string, Format>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.odt': 'odt',
  '.epub': 'epub',
  '.rtf': 'rtf',
  '.pdf': 'pdf',
  '.scrivx': 'scrivener',
  '.nwx': 'novelwriter',
}

/**
 * A path's ending from its last dot, as Node's `path.extname` gives it ('' for none, for a name
 * that starts with its only dot, or for a dot in a folder's name), for slash and backslash paths alike.
 */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot)
}

/** The format the file's name suggests, or null. */
export function formatOfName(path: string | undefined): Format | null {
  return path ? (FORMAT_EXTENSIONS[extensionOf(path).toLowerCase()] ?? null) : null
}
