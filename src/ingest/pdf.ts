// PDF with a text layer, through pdf.js (pdfjs-dist), which runs in Node and in browsers alike.
// pdf.js gives each page's text as positioned runs with their fonts; pdf-layout.ts rebuilds the
// paragraphs from them. pdf.js is loaded only when a PDF is read, in this thread (its "fake
// worker"), so the same code serves the CLI, the corpus workers and the app's own worker.
import type { Diagnostic, Meta } from '../types.js'
import { newHtmlState, readHtml, type HtmlReadState } from './html.js'
import { layoutHtml, normaliseTitle, type PdfPage, type PdfRun } from './pdf-layout.js'
import { UnreadableInputError } from './text.js'

/** `%PDF-` within the first kilobyte, where readers look for it. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024)
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true
  }
  return false
}

/** The most pages read: a long novel set in large type has under 2,000. */
export const MAX_PDF_PAGES = 5000

/** Italic and bold from a font's name, as PDF producers name embedded fonts ("ABCDEF+Garamond-Italic"). */
const ITALIC_FONT = /italic|oblique|[-,]it$|[-,]ital|[-,](?:bold)?it(?:alic)?\b|slanted|kursiv/i
const BOLD_FONT = /bold|black|heavy|semibold|demi/i

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let pdfjs: Promise<PdfJs> | null = null

/** pdf.js and its worker code, loaded once; the worker runs in this thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown }
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return pdfjs
}

interface TextItem {
  str: string
  transform: number[]
  width: number
  fontName: string
  hasEOL: boolean
}

interface OutlineNode {
  title: string
  items: OutlineNode[]
}

export interface PdfRead {
  state: HtmlReadState
  fallback: Partial<Meta>
  diagnostics: Diagnostic[]
}

/** Read a PDF's text layer into the HTML reader's state; a PDF without one is refused. `named`: the file's ending where it names another format. */
export async function readPdf(bytes: Uint8Array, name: string, named: string | null = null): Promise<PdfRead> {
  const lib = await loadPdfJs()
  // pdf.js takes the buffer over: give it a copy, so the caller's bytes stay whole.
  const task = lib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 })
  let doc
  try {
    doc = await task.promise
  } catch (e) {
    const kind = (e as { name?: string }).name
    if (kind === 'PasswordException') throw new UnreadableInputError(`${name}: the PDF is password-protected; proselens cannot read password-protected files: save a copy without a password`, { cause: e })
    throw new UnreadableInputError(`${name} is not a readable PDF: the file is a damaged or cut-short PDF document${named ? ` (named as ${named})` : ''}`, { cause: e })
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new UnreadableInputError(`${name}: ${doc.numPages} pages is more than the ${MAX_PDF_PAGES}-page limit for a PDF`)
    const fonts = new Map<string, { italic: boolean; bold: boolean }>()
    const pages: PdfPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const [x0, y0, x1, y1] = page.view as [number, number, number, number]
      const content = await page.getTextContent()
      const items = content.items.filter((i) => 'str' in i) as unknown as TextItem[]
      // A font's real name is known once the page's drawing operations are read: only for a page
      // that brings a font not seen before (a book sets its text in a handful of fonts).
      if (items.some((i) => i.str.trim() && !fonts.has(i.fontName))) {
        await page.getOperatorList()
        for (const i of items) {
          if (fonts.has(i.fontName)) continue
          const font = page.commonObjs.has(i.fontName) ? (page.commonObjs.get(i.fontName) as { name?: string } | null) : null
          const fontName = font?.name ?? ''
          fonts.set(i.fontName, { italic: ITALIC_FONT.test(fontName), bold: BOLD_FONT.test(fontName) })
        }
      }
      const runs: PdfRun[] = []
      for (const i of items) {
        const [a, b, c, d, e, f] = i.transform as [number, number, number, number, number, number]
        // Upright text only (a rotated margin note or stamp is no story); a slant is a drawn italic.
        if (Math.abs(b) > Math.abs(a) * 0.05) continue
        const size = Math.hypot(c, d) || Math.abs(a)
        const font = fonts.get(i.fontName)
        runs.push({ text: i.str, x: e - x0, y: f - y0, width: i.width, size, italic: (font?.italic ?? false) || Math.abs(c) > Math.abs(d) * 0.1, bold: font?.bold ?? false, eol: i.hasEOL })
      }
      pages.push({ width: x1 - x0, height: y1 - y0, runs })
      page.cleanup()
    }
    const outline = new Set<string>()
    const walk = (nodes: OutlineNode[] | null) => {
      for (const n of nodes ?? []) {
        outline.add(normaliseTitle(n.title))
        walk(n.items)
      }
    }
    walk((await doc.getOutline()) as OutlineNode[] | null)
    const layout = layoutHtml(pages, outline)
    if (layout.characters < 20 * Math.max(1, pages.length - layout.emptyPages) && layout.emptyPages >= pages.length / 2) {
      throw new UnreadableInputError(`${name}: the PDF has no text layer (its pages are pictures, as a scan is); proselens reads a PDF's text, not its pictures: export the PDF again from the document, or run text recognition (OCR) on it first`)
    }
    const info = ((await doc.getMetadata()).info ?? {}) as { Title?: unknown; Author?: unknown }
    const fallback: Partial<Meta> = {}
    if (typeof info.Title === 'string' && info.Title.trim()) fallback.title = info.Title.trim()
    if (typeof info.Author === 'string' && info.Author.trim()) fallback.author = info.Author.trim()
    const diagnostics: Diagnostic[] = []
    if (layout.furniture > 0) diagnostics.push({ severity: 'info', code: 'pdf-furniture-removed', message: `${layout.furniture} running header, footer and page-number lines of the PDF were left out of the text.` })
    if (layout.emptyPages > 0) diagnostics.push({ severity: 'warning', code: 'pdf-pages-without-text', message: `${layout.emptyPages} of the PDF's ${pages.length} pages have no text layer (pictures only); their words, if any, were not read.` })
    const state = readHtml(layout.html, newHtmlState())
    return { state, fallback, diagnostics }
  } finally {
    await doc.destroy()
  }
}
