// A folder of chapter files as one work: each file read and structured as a work of its own,
// then written, chapter after chapter, into one document whose outline is theirs (a project's
// markup: nothing is guessed again). The files come from a zip the Node layer packs from the
// folder (src/node/book.ts), or that a writer makes, with a manifest at its root.
import { parse as parseYaml } from 'yaml'
import { readSourceAsync } from './ingest/index.js'
import { DocumentBuilder } from './ingest/markup.js'
import { extensionOf, FORMAT_EXTENSIONS } from './ingest/formats.js'
import { filesDigest, titleList } from './ingest/project.js'
import { UnreadableInputError } from './ingest/text.js'
import { readZip, ZIP_LIMITS, ZipError, zipNames } from './ingest/zip.js'
import { structure } from './structure/index.js'
import type { Diagnostic, Manuscript, Matter, MatterField, Meta, Source, Span } from './types.js'

/** The manifest that makes a folder (or a zip) a book: optional title and author, and the chapter files in order. */
export const BOOK_MANIFEST = 'proselens-book.yaml'

/** Endings of the files a book's chapters may be (a project or a binder is no chapter). */
const CHAPTER_FILE = new Set(Object.keys(FORMAT_EXTENSIONS).filter((e) => e !== '.scrivx' && e !== '.nwx'))

/** Whether a name is a chapter file a book reads: a story file's ending, not hidden, not the manifest. */
export const isChapterFile = (name: string): boolean => {
  const base = name.slice(name.lastIndexOf('/') + 1)
  return !base.startsWith('.') && base !== BOOK_MANIFEST && CHAPTER_FILE.has(extensionOf(base).toLowerCase())
}

/** Natural order: `2-…` before `10-…`, letters without regard to case. */
export const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare

/**
 * A chapter's title from its file's name, where the file gives none: the ending, a leading
 * number and separators dropped, dashes and underscores read as spaces ("03-the-ferry.md" → "The
 * ferry"; "chapter_12.txt" → "Chapter 12"); null where nothing is left but the number.
 */
export function titleFromName(name: string): string | null {
  const base = name.slice(name.lastIndexOf('/') + 1)
  const stem = base.slice(0, base.length - extensionOf(base).length)
  const words = stem.replace(/^\d+(?:[\s._-]+|$)/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim()
  if (!words) return null
  return words[0]!.toUpperCase() + words.slice(1)
}

export interface BookManifest {
  title?: string
  author?: string
  /** The chapter files, relative to the book's folder, in reading order. */
  chapters?: string[]
}

/** A manifest's text read; a wrong one is refused, saying what is wrong. */
export function parseManifest(text: string, name: string): BookManifest {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (e) {
    throw new UnreadableInputError(`${name}: ${BOOK_MANIFEST} is not valid YAML: ${(e as Error).message.split('\n')[0]}`, { cause: e })
  }
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) throw new UnreadableInputError(`${name}: ${BOOK_MANIFEST} must be a mapping (title:, author:, chapters:)`)
  const m = data as Record<string, unknown>
  const out: BookManifest = {}
  for (const key of ['title', 'author'] as const) {
    if (m[key] === undefined || m[key] === null) continue
    if (typeof m[key] !== 'string') throw new UnreadableInputError(`${name}: ${BOOK_MANIFEST}: ${key} must be text`)
    out[key] = m[key]
  }
  if (m.chapters !== undefined && m.chapters !== null) {
    if (!Array.isArray(m.chapters) || m.chapters.some((c) => typeof c !== 'string')) throw new UnreadableInputError(`${name}: ${BOOK_MANIFEST}: chapters must be a list of file names`)
    out.chapters = m.chapters as string[]
  }
  for (const key of Object.keys(m)) if (!['title', 'author', 'chapters'].includes(key)) throw new UnreadableInputError(`${name}: ${BOOK_MANIFEST}: unknown field ${key} (title, author and chapters are read)`)
  return out
}

/** The chapter files of a book in reading order: the manifest's list, else every chapter file in natural order. */
export function chapterOrder(names: readonly string[], manifest: BookManifest): { files: string[]; missing: string[]; unlisted: string[] } {
  const present = names.filter(isChapterFile)
  if (!manifest.chapters) return { files: [...present].sort(naturalOrder), missing: [], unlisted: [] }
  const have = new Set(names)
  const files = manifest.chapters.filter((c) => have.has(c))
  const listed = new Set(manifest.chapters)
  return { files, missing: manifest.chapters.filter((c) => !have.has(c)), unlisted: present.filter((n) => !listed.has(n)).sort(naturalOrder) }
}

/**
 * Where a zip holds a book: the folder of its manifest (`''` at the root), or, without one, the
 * folder (or root) all of whose files are chapter files (a writer's folder of chapters, zipped);
 * null for anything else (a DOCX, an EPUB, a project).
 */
export function bookRoot(names: readonly string[]): string | null {
  for (const n of names) {
    if (n === BOOK_MANIFEST) return ''
    const slash = n.indexOf('/')
    if (slash > 0 && n.slice(slash + 1) === BOOK_MANIFEST) return n.slice(0, slash + 1)
  }
  const files = names.filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/') && !n.slice(n.lastIndexOf('/') + 1).startsWith('.'))
  if (files.length === 0 || !files.every(isChapterFile)) return null
  const first = files[0]!
  const root = first.includes('/') ? first.slice(0, first.indexOf('/') + 1) : ''
  return files.every((f) => f.startsWith(root) && !f.slice(root.length).includes('/')) ? root : null
}

/** A zip that holds a book read as one (see `readBook`); null where the zip is no book. */
export async function readBookZip(bytes: Uint8Array, name: string): Promise<Source | null> {
  const names = zipNames(bytes)
  // A zip named as a document (a damaged DOCX, an EPUB without its container) is one only by its manifest.
  const named = /\.(?:docx|odt|epub)$/i.test(name)
  const root = names && (named ? (bookRoot(names.filter((n) => n.endsWith(BOOK_MANIFEST))) ?? null) : bookRoot(names))
  if (root === null || root === undefined || names === null) return null
  const inBook = (n: string) => n.startsWith(root)
  let zip
  try {
    zip = await readZip(bytes, ZIP_LIMITS, (n) => inBook(n) && (isChapterFile(n) || n === root + BOOK_MANIFEST))
  } catch (e) {
    if (e instanceof ZipError) throw new UnreadableInputError(`${name}: ${e.message}`, { cause: e })
    throw e
  }
  const rel = zip.names.filter(inBook).map((n) => n.slice(root.length))
  const source = await readBook({ names: rel, read: (n) => zip.read(root + n) }, name)
  for (const d of zip.diagnostics) source.diagnostics.push(d)
  return source
}

/** A paragraph's text written as runs, italic where the manuscript's italics fall. */
function writeRuns(builder: DocumentBuilder, m: Manuscript, p: Span): void {
  let at = p.start
  for (const i of m.italics ?? []) {
    if (i.end <= p.start || i.start >= p.end) continue
    const s = Math.max(i.start, p.start)
    const e = Math.min(i.end, p.end)
    if (s > at) builder.text(m.text.slice(at, s))
    builder.text(m.text.slice(s, e), true)
    at = e
  }
  if (at < p.end) builder.text(m.text.slice(at, p.end))
}

/** Matter's fields, or the matter whole where it has none. */
const fieldsOf = (matter: Matter): Span[] | MatterField[] => (matter.fields.length > 0 ? matter.fields : [matter])

/** Matter (front or end) written as blocks of the role given, each field its own. */
function writeMatter(builder: DocumentBuilder, m: Manuscript, spans: { start: number; end: number; key?: string }[], role: 'front' | 'end' | 'note'): void {
  for (const f of spans) {
    builder.text(m.text.slice(f.start, f.end))
    builder.end(role, role !== 'note' && f.key ? { key: f.key } : {})
  }
}

/**
 * Read a book: each chapter file through the format readers and the structure finder, then
 * written into one document. A file's chapters keep their headings; a file with no heading is
 * one chapter titled by its name. The first file's front matter and the last file's end matter
 * are the book's; the others' (a chapter file's own title line, its author's note) are notes,
 * not story. Scene breaks keep their kind: markers stay markers, gaps stay gaps (possible
 * breaks stay only possible: they are not written). `source.sha256` is the files' digest
 * (`filesDigest`: each path and its SHA-256), so any edit to any part reads it again.
 */
export async function readBook(files: { names: readonly string[]; read(name: string): Uint8Array | undefined }, name: string): Promise<Source> {
  const manifestBytes = files.read(BOOK_MANIFEST)
  const manifest = manifestBytes ? parseManifest(new TextDecoder().decode(manifestBytes), name) : {}
  const order = chapterOrder(files.names, manifest)
  if (order.files.length === 0) throw new UnreadableInputError(`${name}: a book with no chapter files (${[...CHAPTER_FILE].join(', ')})`)
  const builder = new DocumentBuilder()
  const diagnostics: Diagnostic[] = []
  const read = new Map<string, Uint8Array>()
  if (manifestBytes) read.set(BOOK_MANIFEST, manifestBytes)
  const leftOut: string[] = []
  let meta: Partial<Meta> = {}
  let bytes = 0
  for (const [i, file] of order.files.entries()) {
    const data = files.read(file)!
    read.set(file, data)
    bytes += data.length
    let m: Manuscript
    try {
      m = structure(await readSourceAsync(data, { path: file }))
    } catch (e) {
      if (e instanceof UnreadableInputError) throw new UnreadableInputError(`${name}: ${e.message}`, { cause: e })
      throw e
    }
    // A file's notes name it; their places are in its own text, not the book's.
    for (const { start: _s, end: _e, ...d } of m.diagnostics) {
      // A file of front matter alone (a title page) has no story of its own, as meant.
      if (d.code === 'layout' || (d.code === 'no-story-text' && m.frontMatter)) continue
      diagnostics.push({ ...d, message: `${file}: ${d.message}` })
    }
    const first = i === 0
    const last = i === order.files.length - 1
    if (first) meta = { ...m.meta }
    if (m.frontMatter) {
      if (first) {
        writeMatter(builder, m, fieldsOf(m.frontMatter), 'front')
      } else {
        leftOut.push(file)
        writeMatter(builder, m, [m.frontMatter], 'note')
      }
    }
    const named = titleFromName(file) ?? `Chapter ${i + 1}`
    m.chapters.forEach((c, ci) => {
      if (c.part) {
        builder.text(c.part)
        builder.end('heading', { level: 1 })
      }
      builder.text(c.title ?? (ci === 0 ? named : `${named} (${ci + 1})`))
      builder.end('heading', { level: 2 })
      c.scenes.forEach((s, si) => {
        const b = s.breakBefore
        if (si > 0 && !b.weak) {
          if (b.kind === 'marker' && b.marker) {
            builder.text(b.marker)
            builder.end('text', { centred: true })
          } else if (b.kind === 'gap') {
            builder.blank()
            builder.blank()
          } else builder.end('break')
        }
        for (const p of s.paragraphs) {
          writeRuns(builder, m, p)
          builder.end('text')
        }
      })
    })
    if (m.endMatter) {
      writeMatter(builder, m, last ? fieldsOf(m.endMatter) : [m.endMatter], last ? 'end' : 'note')
      if (!last) leftOut.push(file)
    }
  }
  if (manifest.title) meta.title = manifest.title
  if (manifest.author) meta.author = manifest.author
  if (order.missing.length > 0) diagnostics.push({ severity: 'warning', code: 'book-file-missing', message: `${order.missing.length === 1 ? 'A chapter file' : `${order.missing.length} chapter files`} the manifest lists ${order.missing.length === 1 ? 'is' : 'are'} not in the book: ${titleList(order.missing)}.` })
  if (order.unlisted.length > 0) diagnostics.push({ severity: 'info', code: 'book-file-unlisted', message: `${order.unlisted.length === 1 ? 'A file' : `${order.unlisted.length} files`} of the book's folder ${order.unlisted.length === 1 ? 'is' : 'are'} not in the manifest's chapters and ${order.unlisted.length === 1 ? 'was' : 'were'} not read: ${titleList(order.unlisted)}.` })
  if (leftOut.length > 0) diagnostics.push({ severity: 'info', code: 'book-matter-left-out', message: `The front or end matter of ${titleList([...new Set(leftOut)])} (a chapter file's own title lines or notes) was left out of the story.` })
  const { text, markup } = builder.finish(meta)
  markup.project = true
  markup.typeset = true
  markup.book = { files: order.files.length, manifest: manifestBytes !== undefined && manifest.chapters !== undefined }
  const source: Source = { text, format: 'book', encoding: 'utf-8', bytes, sha256: filesDigest(read), diagnostics, markup }
  source.path = name
  return source
}
