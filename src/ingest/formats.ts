import { extname } from 'node:path'
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
  '.epub': 'epub',
}

/** The format the file's name suggests, or null. */
export function formatOfName(path: string | undefined): Format | null {
  return path ? (FORMAT_EXTENSIONS[extname(path).toLowerCase()] ?? null) : null
}
