import { unzipSync } from 'fflate'
import { Parser, type Handler } from 'htmlparser2'
import type { Diagnostic, Meta } from '../types.js'
import { utf8Text } from './bytes.js'
import { CENTRED_CLASS, newHtmlState, readHtml, type HtmlReadState } from './html.js'
import { OdtStyles } from './odt-styles.js'
import { localName, xmlElements } from './xml.js'
import { ZipError, type ZipArchive } from './zip.js'

/** The media types of the OpenDocument texts proselens reads (a document and a template). */
export const ODT_MEDIA_TYPES: ReadonlySet<string> = new Set(['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text-template'])

/**
 * Elements whose content is never story: notes and comments, tracked deletions, frames (text
 * boxes, pictures and their captions), indexes (a table of contents is the headings again) and
 * the declarations a document starts with.
 */
const SKIPPED = new Set([
  'text:note', 'office:annotation', 'text:tracked-changes', 'draw:frame', 'draw:custom-shape', 'draw:rect', 'draw:line', 'draw:g',
  'text:table-of-content', 'text:alphabetical-index', 'text:illustration-index', 'text:table-index', 'text:object-index',
  'text:user-index', 'text:bibliography', 'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls',
  'text:dde-connection-decls', 'office:forms', 'text:ruby-text',
])
/** The most spaces one `text:s` may stand for: spaces collapse anyway, and a hostile count must not. */
const MAX_SPACES = 64
/** Lengths in points, for the height of a drawn shape. */
const POINTS: Record<string, number> = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pc: 12, px: 0.75 }
/** A drawn rectangle no taller than this is a line (LibreOffice draws Word's VML rule as a 0.02-inch one). */
const LINE_POINTS = 3

/**
 * Whether a drawn shape is a horizontal line: a `draw:line`, or a `draw:rect` a few points high
 * (LibreOffice's form of pandoc's and Word's VML horizontal rule).
 */
function drawsLine(name: string, a: Record<string, string>): boolean {
  if (name === 'draw:line') return true
  if (name !== 'draw:rect') return false
  const m = /^([\d.]+)(pt|in|cm|mm|pc|px)$/.exec(a['svg:height'] ?? '')
  return m !== null && Number(m[1]) * POINTS[m[2]!]! <= LINE_POINTS
}

interface Paragraph {
  /** The HTML element the paragraph becomes: `p`, or `h1`–`h6`. */
  tag: string
  centred: boolean
  border: boolean
  /** Holds a drawn horizontal line (see `drawsLine`). */
  line: boolean
  breakBefore: boolean
  breakAfter: boolean
  italic: boolean
  html: string[]
  text: string
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * Turns the body of content.xml into the HTML the HTML reader reads, as mammoth does for a DOCX:
 * headings (`text:h`, and paragraphs in a Heading style) one level below the Title style, so
 * that `Title` over `Heading 1` holds as `# Title` over `## Chapter` does; a page break set on a
 * body paragraph, and an empty paragraph whose style draws a border or that holds a drawn line,
 * are rules; centred body paragraphs keep a class saying so; empty paragraphs stay, so the HTML
 * reader learns where a writer leaves a blank line. A class, not closures (see "Hot code" in
 * docs/ARCHITECTURE.md).
 */
class OdtBody implements Partial<Handler> {
  readonly out: string[] = []
  notes = 0
  private inText = 0
  private skip = 0
  private readonly paragraphs: Paragraph[] = []
  /** The italic state of every open `text:span`, innermost last. */
  private readonly spans: boolean[] = []

  constructor(private readonly styles: OdtStyles) {}

  private get paragraph(): Paragraph | undefined {
    return this.paragraphs[this.paragraphs.length - 1]
  }

  private italic(): boolean {
    const span = this.spans[this.spans.length - 1]
    return span ?? this.paragraph?.italic ?? false
  }

  private add(text: string): void {
    const p = this.paragraph
    if (!p || text.length === 0) return
    p.text += text
    p.html.push(this.italic() ? `<em>${escape(text)}</em>` : escape(text))
  }

  onopentag(name: string, a: Record<string, string>): void {
    if (this.skip === 0 && this.paragraph && drawsLine(name, a)) this.paragraph.line = true
    if (this.skip > 0 || SKIPPED.has(name)) {
      if (this.skip === 0 && name === 'text:note') this.notes++
      this.skip++
      return
    }
    if (name === 'office:text') this.inText++
    if (this.inText === 0) return
    if (name === 'text:p' || name === 'text:h') {
      const style = this.styles.resolve('paragraph', a['text:style-name'])
      let level = name === 'text:h' ? Math.max(1, Number(a['text:outline-level']) || 1) : style.heading
      if (style.heading === 0) level = 0
      const tag = level === undefined ? 'p' : `h${Math.min(6, level + 1)}`
      this.paragraphs.push({ tag, centred: style.centred, border: style.border, line: false, breakBefore: style.breakBefore, breakAfter: style.breakAfter, italic: style.italic ?? false, html: [], text: '' })
      return
    }
    if (!this.paragraph) return
    if (name === 'text:span') this.spans.push(this.styles.resolve('text', a['text:style-name']).italic ?? this.italic())
    else if (name === 'text:s') this.add(' '.repeat(Math.min(MAX_SPACES, Math.max(1, Number(a['text:c']) || 1))))
    else if (name === 'text:tab') this.add('\t')
    else if (name === 'text:line-break') this.paragraph.html.push('<br>')
  }

  ontext(data: string): void {
    if (this.skip === 0) this.add(data)
  }

  onclosetag(name: string): void {
    if (this.skip > 0) {
      this.skip--
      return
    }
    if (name === 'office:text') this.inText--
    // A span outside any paragraph pushed no state, so it pops none.
    else if (name === 'text:span' && this.paragraph) this.spans.pop()
    else if ((name === 'text:p' || name === 'text:h') && this.paragraph) this.close(this.paragraphs.pop()!)
  }

  /** Write a finished paragraph as HTML: a heading, a rule, an empty or a text paragraph. */
  private close(p: Paragraph): void {
    const { out } = this
    const heading = p.tag !== 'p'
    if (p.breakBefore && !heading) out.push('<hr>')
    if (heading) out.push(`<${p.tag}>${p.html.join('')}</${p.tag}>`)
    else if (p.text.trim().length === 0) out.push(p.border || p.line ? '<hr>' : '<p></p>')
    else out.push(p.centred ? `<p class="${CENTRED_CLASS}">${p.html.join('')}</p>` : `<p>${p.html.join('')}</p>`)
    if (p.breakAfter && !heading) out.push('<hr>')
  }
}

/** The body of an ODT's content.xml as HTML, and how many notes it left out. */
export function odtHtml(contentXml: string, stylesXml: string | undefined): { html: string; notes: number } {
  const styles = new OdtStyles()
  if (stylesXml) styles.learn(stylesXml, 'office:styles')
  const bodyAt = contentXml.indexOf('<office:body')
  styles.learn(bodyAt < 0 ? contentXml : contentXml.slice(0, bodyAt), 'office:automatic-styles')
  const body = new OdtBody(styles)
  const parser = new Parser(body, { xmlMode: true, decodeEntities: true })
  parser.write(bodyAt < 0 ? contentXml : contentXml.slice(bodyAt))
  parser.end()
  return { html: body.out.join('\n'), notes: body.notes }
}

const ENCRYPTION_DATA = /<(?:[\w-]+:)?encryption-data\b/
/** Why a password-protected ODT is refused. */
export const PASSWORD_PROTECTED = 'the document is password-protected (encrypted); proselens cannot read password-protected files: save a copy without a password'

/** Whether the manifest says the document's parts are encrypted (a password-protected ODT). */
function encrypted(zip: ZipArchive): boolean {
  const manifest = zip.read('META-INF/manifest.xml')
  return manifest !== undefined && ENCRYPTION_DATA.test(utf8Text(manifest))
}

/** The most a manifest read alone may take packed: a manifest of thousands of entries, and at most some 64 MB unpacked. */
const MAX_MANIFEST_PACKED = 64 * 1024

/**
 * Whether an archive that would not unpack is a password-protected ODT: its encrypted parts
 * are not deflate data to the zip reader, so only the manifest, read alone (and only when it
 * is small), can say so.
 */
export function passwordProtected(bytes: Uint8Array): boolean {
  try {
    const name = 'META-INF/manifest.xml'
    const files = unzipSync(bytes, { filter: (f) => f.name === name && f.size <= MAX_MANIFEST_PACKED && f.originalSize <= 1032 * MAX_MANIFEST_PACKED })
    const manifest = files[name]
    return manifest !== undefined && ENCRYPTION_DATA.test(utf8Text(manifest))
  } catch {
    return false
  }
}

/**
 * Read an ODT (already unpacked and checked within the zip limits): content.xml's body through
 * the HTML path, its styles from styles.xml and content.xml; the title and author from meta.xml
 * where the text has none, as a DOCX's core properties are used.
 */
export function readOdt(zip: ZipArchive): { state: HtmlReadState; fallback: Partial<Meta>; diagnostics: Diagnostic[] } {
  if (encrypted(zip)) throw new ZipError(PASSWORD_PROTECTED)
  const content = zip.read('content.xml')
  if (!content) throw new ZipError('the ODT has no content.xml: it is damaged or not an OpenDocument text', true)
  const styles = zip.read('styles.xml')
  const { html, notes } = odtHtml(utf8Text(content), styles && utf8Text(styles))
  const diagnostics: Diagnostic[] = []
  if (notes > 0) diagnostics.push({ severity: 'info', code: 'odt-notes', message: `The document holds ${notes} footnote${notes === 1 ? '' : 's'} or endnote${notes === 1 ? '' : 's'}; notes are not story and were left out of every measure.` })
  const state = readHtml(html, newHtmlState())
  const language = styles && defaultLanguage(utf8Text(styles))
  if (language) state.languageHint = language
  const meta = zip.read('meta.xml')
  return { state, fallback: meta ? metaProperties(utf8Text(meta)) : {}, diagnostics }
}

/**
 * The default paragraph style's language (`fo:language`, `fo:country`), as the word processor
 * sets it from the writer's locale: a hint.
 */
export function defaultLanguage(styles: string): string | null {
  const style = /<style:default-style\b[^>]*style:family="paragraph"[\s\S]*?<\/style:default-style>/.exec(styles)?.[0]
  const language = style && /\bfo:language="([a-zA-Z]{2,3})"/.exec(style)?.[1]
  if (!language || language === 'zxx') return null
  const country = /\bfo:country="([a-zA-Z]{2})"/.exec(style!)?.[1]
  return country ? `${language}-${country}` : language
}

/**
 * Title, author, subject and keywords from an ODT's meta.xml. The author is the document's
 * first author (`meta:initial-creator`), as a DOCX's `dc:creator` is; an ODT's `dc:creator` is
 * whoever saved it last, used only where no first author is named.
 */
export function metaProperties(xml: string): Partial<Meta> {
  const meta: Partial<Meta> = {}
  let lastSaved: string | undefined
  const keywords: string[] = []
  for (const el of xmlElements(xml)) {
    if (!el.text) continue
    const name = el.name.toLowerCase()
    if (name === 'dc:title') meta.title = el.text
    else if (name === 'meta:initial-creator') meta.author = el.text
    else if (name === 'dc:creator') lastSaved = el.text
    else if (name === 'dc:subject') meta.subject = el.text
    else if (localName(name) === 'keyword') keywords.push(el.text)
  }
  if (meta.author === undefined && lastSaved !== undefined) meta.author = lastSaved
  if (keywords.length > 0) meta.keywords = keywords.join(', ')
  return meta
}
