import type { Diagnostic, Meta } from '../types.js'
import { GUIDE_MATTER, isMatterType } from '../data/book-matter.js'
import { utf8Text } from './bytes.js'
import { newHtmlState, readHtml, type HtmlReadState } from './html.js'
import { localName, xmlElements, type XmlElement } from './xml.js'
import type { ZipArchive } from './zip.js'
import { zipDirname, zipJoin, zipNormalize } from './zip-path.js'

interface ManifestItem {
  id: string
  href: string
  mediaType: string
  properties: string
}

/** Thrown for an EPUB whose container or package cannot be read. */
export class EpubError extends Error {
  override name = 'EpubError'
}

const HEADING_TAG = /<h[1-3][\s>/]/i
/** The `epub:type` of a document's body and its first section. */
const DOCUMENT_TYPE = /<(?:body|section)\b[^>]*\bepub:type\s*=\s*["']([^"']*)["']/gi
const LINK_TEXT = /<a\b[^>]*>([\s\S]*?)<\/a>/gi
const TAGS = /<[^>]*>/g

/**
 * Read an EPUB 2 or 3: the container names the package; the package gives the metadata
 * (title, creator, subjects, language, date, description) and the spine; the spine's XHTML
 * documents are read in order through the HTML path, into one text. A document without a heading
 * of its own takes its title from the navigation document (EPUB 3 nav or EPUB 2 NCX). A spine
 * entry naming a missing file is skipped with a diagnostic; tables of contents are skipped.
 */
export function readEpub(zip: ZipArchive): { state: HtmlReadState; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const container = zip.read('META-INF/container.xml')
  if (!container) throw new EpubError('not an EPUB: META-INF/container.xml is missing')
  const rootfile = xmlElements(utf8Text(container)).find((e) => localName(e.name) === 'rootfile')?.attribs['full-path']
  if (!rootfile) throw new EpubError('the EPUB container names no package file')
  const opf = zip.read(rootfile)
  if (!opf) throw new EpubError(`the EPUB package ${rootfile} named by its container is missing`)
  // Hrefs in the package are relative to the package file; each resolves to an entry name.
  const base = zipDirname(rootfile)
  const resolve = (href: string) => zipNormalize(zipJoin(base === '.' ? '' : base, decodeURIComponent(href.split('#')[0]!)))

  const elements = xmlElements(utf8Text(opf))
  const meta = packageMeta(elements)
  const manifest = new Map<string, ManifestItem>()
  for (const e of elements) {
    if (localName(e.name) !== 'item') continue
    const { id, href } = e.attribs
    if (id && href) manifest.set(id, { id, href, mediaType: e.attribs['media-type'] ?? '', properties: e.attribs.properties ?? '' })
  }
  const spineEl = elements.find((e) => localName(e.name) === 'spine')
  const spine = elements.filter((e) => localName(e.name) === 'itemref' && e.attribs.linear !== 'no').map((e) => e.attribs.idref ?? '')
  if (spine.length === 0) throw new EpubError('the EPUB spine lists no documents')

  const navItem = [...manifest.values()].find((m) => m.properties.split(/\s+/).includes('nav'))
  const ncxItem = spineEl?.attribs.toc ? manifest.get(spineEl.attribs.toc) : [...manifest.values()].find((m) => m.mediaType === 'application/x-dtbncx+xml')
  const titles = navTitles(zip, navItem, ncxItem, resolve)
  const matterDocs = guideMatter(elements, resolve)

  const state = newHtmlState()
  Object.assign(state.meta, meta)
  let read = 0
  for (const idref of spine) {
    const item = manifest.get(idref)
    if (!item) {
      diagnostics.push({ severity: 'warning', code: 'epub-missing-file', message: `The EPUB spine names "${idref}", which its manifest does not list; it was skipped.` })
      continue
    }
    if (item === navItem || item === ncxItem) continue
    const path = resolve(item.href)
    const doc = zip.read(path)
    if (!doc) {
      diagnostics.push({ severity: 'warning', code: 'epub-missing-file', message: `The EPUB spine names ${path}, which is not in the archive; it was skipped.` })
      continue
    }
    const xhtml = utf8Text(doc)
    if (isTableOfContents(xhtml)) continue
    const title = titles.get(path)
    const matter = matterDocs.has(path) || documentIsMatter(xhtml)
    if (title && !matter && !HEADING_TAG.test(xhtml) && hasText(xhtml)) {
      state.builder.text(title)
      state.builder.end('heading', { level: 2 })
    }
    state.documentMatter = matterDocs.has(path) ? (state.storySeen ? 'end' : 'front') : null
    readHtml(xhtml, state)
    state.documentMatter = null
    read++
  }
  if (read === 0) throw new EpubError('none of the documents in the EPUB spine could be read')
  return { state, diagnostics }
}

/** Documents the package's EPUB 2 guide names as matter (a title page, a colophon). */
function guideMatter(elements: XmlElement[], resolve: (href: string) => string): Set<string> {
  const out = new Set<string>()
  for (const e of elements) {
    if (localName(e.name) !== 'reference' || !e.attribs.href) continue
    if (GUIDE_MATTER.has((e.attribs.type ?? '').toLowerCase())) out.add(resolve(e.attribs.href))
  }
  return out
}

/** Whether a document's body or first section is marked as matter by its `epub:type`. */
function documentIsMatter(xhtml: string): boolean {
  const head = xhtml.slice(0, 8192)
  for (const m of head.matchAll(DOCUMENT_TYPE)) if (isMatterType(m[1])) return true
  return false
}

/** Dublin Core metadata of the package. */
function packageMeta(elements: XmlElement[]): Partial<Meta> {
  const meta: Partial<Meta> = {}
  const subjects: string[] = []
  for (const e of elements) {
    if (!e.name.toLowerCase().startsWith('dc:') || !e.text) continue
    const name = localName(e.name)
    if (name === 'title') meta.title ??= e.text
    else if (name === 'creator') meta.author = meta.author ? `${meta.author}, ${e.text}` : e.text
    else if (name === 'subject') subjects.push(e.text)
    else if (name === 'language') meta.language ??= e.text
    else if (name === 'date') meta.published ??= e.text.slice(0, 10)
    else if (name === 'description') meta.summary ??= e.text.replace(TAGS, ' ').replace(/\s+/g, ' ').trim()
    else if (name === 'publisher') meta.publisher ??= e.text
  }
  if (subjects.length > 0) meta.subjects = subjects
  return meta
}

/** Titles of the spine documents from the navigation document (EPUB 3) or the NCX (EPUB 2). */
function navTitles(zip: ZipArchive, nav: ManifestItem | undefined, ncx: ManifestItem | undefined, resolve: (href: string) => string): Map<string, string> {
  const titles = new Map<string, string>()
  const add = (href: string | undefined, label: string, from: string) => {
    if (!href || !label) return
    const path = resolve(zipJoin(zipDirname(from), href))
    if (!titles.has(path)) titles.set(path, label.replace(/\s+/g, ' ').trim())
  }
  if (nav) {
    const navPath = nav.href
    const doc = zip.read(resolve(navPath))
    if (doc) {
      for (const e of xmlElements(utf8Text(doc))) if (localName(e.name) === 'a') add(e.attribs.href, e.text.replace(TAGS, ''), navPath)
    }
  }
  if (titles.size === 0 && ncx) {
    const doc = zip.read(resolve(ncx.href))
    if (doc) {
      let label = ''
      for (const e of xmlElements(utf8Text(doc))) {
        const name = localName(e.name)
        if (name === 'text') label = e.text
        else if (name === 'content') add(e.attribs.src, label, ncx.href)
      }
    }
  }
  return titles
}

/** A document that is mostly links: a table of contents, not story. */
function isTableOfContents(xhtml: string): boolean {
  const body = xhtml.replace(/^[\s\S]*?<body[^>]*>/i, '')
  const all = body.replace(TAGS, '').replace(/\s+/g, '').length
  if (all === 0) return false
  let links = 0
  for (const m of body.matchAll(LINK_TEXT)) links += m[1]!.replace(TAGS, '').replace(/\s+/g, '').length
  return links / all > 0.6
}

function hasText(xhtml: string): boolean {
  return xhtml.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(TAGS, '').trim().length > 0
}
