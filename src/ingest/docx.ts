import type { Diagnostic, Meta } from '../types.js'
import { CENTRED_CLASS, newHtmlState, readHtml, type HtmlReadState } from './html.js'
import { localName, xmlElements } from './xml.js'
import type { ZipArchive } from './zip.js'

/**
 * How Word's styles become HTML: the Title style is the top heading and every Heading style one
 * level below it, so `# Title` over `## Chapter` holds in a DOCX as in Markdown; a page break is
 * a rule (a scene or chapter break); centred body paragraphs keep a class saying so.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...[1, 2, 3, 4, 5].flatMap((n) => [`p[style-name='Heading ${n}'] => h${n + 1}:fresh`, `p[style-name='heading ${n}'] => h${n + 1}:fresh`, `p.Heading${n} => h${n + 1}:fresh`]),
  `p[style-name='${CENTRED_CLASS}'] => p.${CENTRED_CLASS}:fresh`,
  "br[type='page'] => hr",
]

interface MammothParagraph {
  type: string
  alignment: string | null
  styleName: string | null
  styleId: string | null
}

/** Mark centred body paragraphs (not titles or headings) so the HTML keeps the alignment. */
const centred = (p: MammothParagraph): MammothParagraph =>
  p.alignment === 'center' && !/^(?:title|subtitle|heading)/i.test(p.styleName ?? '') ? { ...p, styleName: CENTRED_CLASS, styleId: CENTRED_CLASS } : p

/**
 * Read a DOCX (already unpacked and checked within the zip limits) through mammoth and then the
 * HTML path; the title and author come from the document's core properties when it has them.
 */
export async function readDocx(zip: ZipArchive, bytes: Uint8Array): Promise<{ state: HtmlReadState; fallback: Partial<Meta>; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = []
  if (!zip.read('word/document.xml')) throw new Error('the DOCX has no word/document.xml: it is damaged or not a Word document')
  // Loaded with the first DOCX: mammoth and what it needs are a megabyte of code to compile,
  // which every worker of a corpus run of plain text or HTML would otherwise pay for nothing.
  const { default: mammoth } = await import('mammoth')
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      styleMap: STYLE_MAP,
      transformDocument: (mammoth as unknown as { transforms: { paragraph(f: typeof centred): unknown } }).transforms.paragraph(centred) as (e: unknown) => unknown,
      externalFileAccess: false,
      // Pictures are never read: mammoth would inline each one as base64 for nothing.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  )
  for (const m of result.messages) {
    if (m.type === 'error') diagnostics.push({ severity: 'warning', code: 'docx-conversion', message: `Word conversion: ${m.message}` })
  }
  const state = newHtmlState()
  const core = zip.read('docProps/core.xml')
  readHtml(result.value, state)
  return { state, fallback: core ? coreProperties(core.toString('utf8')) : {}, diagnostics }
}

/** Title, author and subject from a DOCX's `docProps/core.xml`. */
function coreProperties(xml: string): Partial<Meta> {
  const meta: Partial<Meta> = {}
  for (const el of xmlElements(xml)) {
    const name = localName(el.name)
    if (!el.text) continue
    if (name === 'title') meta.title = el.text
    else if (name === 'creator') meta.author = el.text
    else if (name === 'subject' || name === 'keywords') meta[name] = el.text
  }
  return meta
}
