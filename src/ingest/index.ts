import type { Diagnostic, Format, Meta, Source } from '../types.js'
import { readDocx } from './docx.js'
import { readEpub } from './epub.js'
import { ODT_MEDIA_TYPES, PASSWORD_PROTECTED, passwordProtected, readOdt } from './odt.js'
import { readHtml, type HtmlReadState } from './html.js'
import { readMarkdown } from './markdown.js'
import { extensionOf, FORMAT_EXTENSIONS, formatOfName } from './formats.js'
import type { DocumentBuilder } from './markup.js'
import { controlDiagnostics, decodeText, readText, sourceOf, UnreadableInputError } from './text.js'
import { utf8Text } from './bytes.js'
import { sniff } from './01-sniff.js'
import { readZip, ZipError, type ZipArchive } from './zip.js'
import { isRtf, readRtf } from './rtf.js'
import { CODE_PAGE_LABELS } from '../data/rtf.js'
import { filesDigest, filesUnder, findProject, type ProjectFiles, type ProjectRead } from './project.js'
import { readScrivener } from './scrivener.js'
import { readNovelWriter } from './novelwriter.js'
import { isPdf, readPdf } from './pdf.js'

const FORMAT_NAMES: Record<Format, string> = { text: 'plain text', markdown: 'Markdown', html: 'HTML', docx: 'DOCX', odt: 'ODT', epub: 'EPUB', rtf: 'RTF', scrivener: 'a Scrivener project', novelwriter: 'a novelWriter project', pdf: 'PDF', book: 'a book of chapter files' }

const ZIP = [0x50, 0x4b]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i
const HTML_TAGS = /<(?:p|div|br|h[1-6]|em|i|span|hr)\b[^>]*>/gi
const YAML_FRONT = /^---[ \t]*\n(?:[\s\S]*?\n)?(?:title|author)\s*:/i
const ATX_HEADING = /^#{1,6}[ \t]+\S/gm

export { FORMAT_EXTENSIONS, formatOfName }

export interface ReadOptions {
  /** The file's path: shown in messages, kept in the report, its ending a hint to the format. */
  path?: string
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b)

/** Which text format decoded text is in: HTML by its opening, Markdown by its name or its marks. */
function textFormat(text: string, hint: Format | null): Format {
  const head = text.slice(0, 4096)
  if (HTML_START.test(head)) return 'html'
  if (hint === 'html' && (head.match(HTML_TAGS)?.length ?? 0) >= 1) return 'html'
  if (hint === 'markdown') return 'markdown'
  // Plain text is Markdown only on strong evidence: YAML front matter, or ATX headings over
  // paragraphs separated by blank lines (Markdown joins lines that are not).
  if (YAML_FRONT.test(head)) return 'markdown'
  const headings = text.slice(0, 200_000).match(ATX_HEADING)?.length ?? 0
  if (headings >= 2 && /\n[ \t]*\n/.test(head)) return 'markdown'
  return 'text'
}

function mismatch(path: string | undefined, hint: Format | null, format: Format): Diagnostic[] {
  if (!path || hint === null || hint === format) return []
  return [
    {
      severity: 'warning',
      code: 'format-mismatch',
      message: `The file is named as ${FORMAT_NAMES[hint]} (${extensionOf(path)}) but its content is ${FORMAT_NAMES[format]}; it was read as ${FORMAT_NAMES[format]}.`,
    },
  ]
}

/** Whether the bytes are a zip archive (DOCX, ODT, EPUB), which only `readSourceAsync` reads. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) && bytes.length >= 4 && (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07)
}

/**
 * Read a text-based document (plain text, Markdown, HTML, RTF) into a source. The format is
 * detected from the bytes, with the file's ending as a hint. Throws `UnreadableInputError` for
 * binary data, including DOCX, ODT and EPUB, which need `readSourceAsync`.
 */
export function readSource(bytes: Uint8Array, options: ReadOptions = {}): Source {
  const name = options.path ?? 'input'
  const hint = formatOfName(options.path)
  if (isZip(bytes)) {
    throw new UnreadableInputError(`${name}: a zip archive (DOCX, ODT or EPUB); read it with analyzeFile() or analyzeBytes(), which unpack archives`)
  }
  if (isPdf(bytes)) throw new UnreadableInputError(`${name}: a PDF document; read it with analyzeFile() or analyzeBytes(), which read PDFs`)
  if (startsWith(bytes, OLE2) && hint === 'docx') {
    throw new UnreadableInputError(`${name}: an encrypted (password-protected) Word document, or an old .doc saved as .docx; save it as an unprotected .docx`)
  }
  if (isRtf(bytes)) return rtfSource(bytes, options.path, hint)
  if (hint === 'rtf' && sniff(bytes).kind === 'binary') {
    throw new UnreadableInputError(`${name} is not a readable .rtf: the file is damaged or is not an RTF document (it does not start with {\\rtf)`)
  }
  if (hint === 'docx' || hint === 'odt' || hint === 'epub') {
    // Binary bytes named as an archive: a damaged document, or another kind of file renamed.
    const sniffed = sniff(bytes)
    if (sniffed.kind === 'binary') throw new UnreadableInputError(unreadableArchive(name, hint) + (sniffed.what.startsWith('binary data') ? '' : ` (it looks like ${sniffed.what})`))
  }
  const decoded = decodeText(bytes, name)
  const format = textFormat(decoded.text, hint)
  const formatNotes = mismatch(options.path, hint, format)
  if (format === 'text') {
    const source = readText(bytes, options)
    for (const d of formatNotes) source.diagnostics.push(d)
    return source
  }
  if (format === 'markdown') {
    const read = readMarkdown(decoded.text)
    return markupSource(bytes, read.builder, 'markdown', decoded.encoding, read.meta, undefined, [...decoded.diagnostics, ...read.diagnostics, ...formatNotes], options.path)
  }
  const state = readHtml(decoded.text)
  return markupSource(bytes, state.builder, 'html', decoded.encoding, state.meta, undefined, [...decoded.diagnostics, ...formatNotes], options.path, state.languageHint)
}

/**
 * Read any supported document: DOCX, ODT and EPUB are unpacked in memory within the zip limits;
 * everything else goes through `readSource`.
 */
export async function readSourceAsync(bytes: Uint8Array, options: ReadOptions = {}): Promise<Source> {
  if (isPdf(bytes)) return pdfSource(bytes, options.path, formatOfName(options.path))
  if (!isZip(bytes)) return readSource(bytes, options)
  const name = options.path ?? 'input'
  const hint = formatOfName(options.path)
  // What the archive was taken for: its content once known, else its name.
  let format: Format | undefined
  try {
    const zip = await readZip(bytes)
    const project = findProject(zip.names)
    if (project) {
      format = project.kind
      return projectSource(zip, project, options.path, hint)
    }
    let state: HtmlReadState
    let fallback: Partial<Meta> | undefined
    const diagnostics: Diagnostic[] = [...zip.diagnostics]
    if (zip.read('word/document.xml')) {
      format = 'docx'
      const read = await readDocx(zip)
      state = read.state
      fallback = read.fallback
      for (const d of read.diagnostics) diagnostics.push(d)
    } else if (isOdt(zip)) {
      format = 'odt'
      const read = readOdt(zip)
      state = read.state
      fallback = read.fallback
      for (const d of read.diagnostics) diagnostics.push(d)
    } else if (zip.read('META-INF/container.xml') || mimetype(zip) === 'application/epub+zip') {
      format = 'epub'
      const read = readEpub(zip)
      state = read.state
      for (const d of read.diagnostics) diagnostics.push(d)
    } else {
      throw new UnreadableInputError(unreadableArchive(name, hint))
    }
    for (const d of mismatch(options.path, hint, format)) diagnostics.push(d)
    return markupSource(bytes, state.builder, format, 'utf-8', state.meta, fallback, diagnostics, options.path, state.languageHint)
  } catch (e) {
    if (e instanceof UnreadableInputError) throw e
    // A refusal for safety (a zip bomb, encryption) says why; anything else is a damaged file,
    // said in plain words, the parser's own words kept as the cause.
    if (e instanceof ZipError && !e.damaged) throw new UnreadableInputError(`${name}: ${e.message}`)
    // A password-protected ODT's parts do not unpack: its manifest alone says why.
    if (e instanceof ZipError && passwordProtected(bytes)) throw new UnreadableInputError(`${name}: ${PASSWORD_PROTECTED}`, { cause: e })
    throw new UnreadableInputError(unreadableArchive(name, format ?? hint), { cause: e })
  }
}

/**
 * A writing app's project (a zipped `.scriv` folder, a novelWriter project, or a folder the Node
 * layer packed) read into a source: its outline gives the structure; its size is that of the
 * files read and its SHA-256 that of their paths and contents (`filesDigest`).
 */
function projectSource(zip: ZipArchive, project: NonNullable<ReturnType<typeof findProject>>, path: string | undefined, hint: Format | null): Source {
  const files: ProjectFiles = filesUnder(zip, project.root)
  const binder = project.binder.slice(project.root.length)
  const read: ProjectRead = project.kind === 'scrivener' ? readScrivener(files, binder) : readNovelWriter(files, binder)
  const { text, markup } = read.builder.finish(read.meta)
  markup.project = true
  let size = 0
  for (const b of read.files.values()) size += b.length
  const diagnostics = [...zip.diagnostics, ...read.diagnostics, ...controlDiagnostics(read.builder.removedControls)]
  // A project's archive is no DOCX or EPUB misnamed: only a name of another format is a mismatch.
  if (hint !== null && hint !== 'docx' && hint !== 'odt' && hint !== 'epub') for (const d of mismatch(path, hint, project.kind)) diagnostics.push(d)
  const source: Source = { text, format: project.kind, encoding: read.encoding ?? 'utf-8', bytes: size, sha256: filesDigest(read.files), diagnostics, markup }
  if (path !== undefined) source.path = path
  return source
}

/** A PDF's text layer read into a source; its document title and author are used where the text has none. */
async function pdfSource(bytes: Uint8Array, path: string | undefined, hint: Format | null): Promise<Source> {
  const read = await readPdf(bytes, path ?? 'input', path && hint !== null && hint !== 'pdf' ? extensionOf(path) : null)
  const source = markupSource(bytes, read.state.builder, 'pdf', 'utf-8', read.state.meta, read.fallback, [...read.diagnostics, ...mismatch(path, hint, 'pdf')], path)
  source.markup!.typeset = true
  return source
}

/** An RTF document read into a source; its `\\info` title and author are used where the text has none. */
function rtfSource(bytes: Uint8Array, path: string | undefined, hint: Format | null): Source {
  const read = readRtf(bytes)
  const label = (CODE_PAGE_LABELS as Record<number, Source['encoding']>)[read.codePage] ?? 'windows-1252'
  return markupSource(bytes, read.builder, 'rtf', label, {}, read.fallback, [...read.diagnostics, ...mismatch(path, hint, 'rtf')], path)
}

/** The documents a zip can be, as a reader names them. */
const ARCHIVE_KINDS: Partial<Record<Format, string>> = { docx: 'a Word document', odt: 'an OpenDocument text', epub: 'an EPUB book' }

/** A damaged archive, or one that is not the document it is named as, in plain words. */
export function unreadableArchive(name: string, kind: Format | null | undefined): string {
  const what = kind && ARCHIVE_KINDS[kind]
  return what ? `${name} is not a readable .${kind}: the file is damaged or is not ${what}` : `${name} is not a readable document: the file is a damaged zip archive, or one that is not a Word document (.docx), an OpenDocument text (.odt) or an EPUB book (.epub)`
}

/**
 * Whether the archive is an OpenDocument text, by what it says of itself: its `mimetype` entry,
 * or (where a tool left that out) the media type its manifest gives the whole package.
 */
function isOdt(zip: ZipArchive): boolean {
  const type = mimetype(zip)
  if (type !== undefined && ODT_MEDIA_TYPES.has(type)) return true
  const manifest = zip.read('META-INF/manifest.xml')
  const root = manifest && /<(?:[\w-]+:)?file-entry\b(?=[^>]*full-path="\/")[^>]*media-type="([^"]*)"/.exec(utf8Text(manifest))
  return !!root && ODT_MEDIA_TYPES.has(root[1]!)
}

/** The media type an EPUB or ODT states in its `mimetype` entry, if it has one. */
function mimetype(zip: ZipArchive): string | undefined {
  const data = zip.read('mimetype')
  return data && utf8Text(data).trim()
}

function markupSource(
  bytes: Uint8Array,
  builder: DocumentBuilder,
  format: Format,
  encoding: Source['encoding'],
  meta: Partial<Meta>,
  fallback: Partial<Meta> | undefined,
  diagnostics: Diagnostic[],
  path: string | undefined,
  languageHint?: string,
): Source {
  const { text, markup } = builder.finish(meta)
  if (fallback) markup.fallback = fallback
  if (languageHint) markup.languageHint = languageHint
  return sourceOf(bytes, { text, format, encoding, diagnostics: [...diagnostics, ...controlDiagnostics(builder.removedControls)], markup }, path)
}

