import type { Diagnostic, Meta } from '../types.js'
import { base64, utf8Text } from './bytes.js'
import { CENTRED_CLASS, newHtmlState, readHtml, type HtmlReadState } from './html.js'
import { localName, xmlElements } from './xml.js'
import type { ZipArchive } from './zip.js'

/** The style id given to paragraphs that draw a horizontal rule, so that they become `<hr>`. */
const RULE_STYLE = 'ProselensRule'

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
  `p.${RULE_STYLE} => hr:fresh`,
  "br[type='page'] => hr",
]

interface MammothParagraph {
  type: string
  alignment: string | null
  styleName: string | null
  styleId: string | null
}

interface MammothRun {
  type: string
  children: { type: string }[]
}

/** Mark centred body paragraphs (not titles or headings) so the HTML keeps the alignment. */
const centred = (p: MammothParagraph): MammothParagraph =>
  p.alignment === 'center' && p.styleId !== RULE_STYLE && !/^(?:title|subtitle|heading)/i.test(p.styleName ?? '') ? { ...p, styleName: CENTRED_CLASS, styleId: CENTRED_CLASS } : p

/** Footnote, endnote and comment references leave the text: notes are not story. */
const NOTE_REFERENCES = new Set(['noteReference', 'commentReference'])
const withoutNotes = (r: MammothRun): MammothRun =>
  r.children.some((c) => NOTE_REFERENCES.has(c.type)) ? { ...r, children: r.children.filter((c) => !NOTE_REFERENCES.has(c.type)) } : r

const PARAGRAPH = /<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g
const TEXT_RUN = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g
const STYLE_REF = /<w:pStyle\s+w:val="([^"]*)"\s*\/>/
/** A horizontal rule drawn in a paragraph: VML (`o:hr`, as pandoc and Word's "Horizontal Line" write it). */
const DRAWN_RULE = /\bo:hr="t"/
const BORDER = /<w:pBdr>[\s\S]*?<w:(?:bottom|top)\b(?![^>]*w:val="(?:nil|none)")/
const PAGE_BREAK_BEFORE = /<w:pageBreakBefore(?:\s+w:val="(?:1|true|on)")?\s*\/>/

/** Paragraph styles whose own properties draw a border (LibreOffice's "Horizontal Line"). */
function borderStyles(stylesXml: string | undefined): Set<string> {
  const out = new Set<string>()
  if (!stylesXml) return out
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*w:type="paragraph"[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    if (BORDER.test(m[2]!)) out.add(m[1]!)
  }
  return out
}

const withStyle = (paragraph: string, style: string): string => {
  const props = `<w:pStyle w:val="${style}"/>`
  if (/<w:pPr>/.test(paragraph)) return paragraph.replace(STYLE_REF, '').replace('<w:pPr>', `<w:pPr>${props}`)
  if (/<w:pPr\/>/.test(paragraph)) return paragraph.replace('<w:pPr/>', `<w:pPr>${props}</w:pPr>`)
  return paragraph.replace(/^<w:p\b[^>]*?>/, (open) => `${open}<w:pPr>${props}</w:pPr>`).replace(/^<w:p\b([^>]*?)\/>$/, `<w:p$1><w:pPr>${props}</w:pPr></w:p>`)
}

/**
 * The habits of the tools writers use, made visible to mammoth, which keeps only text: a
 * paragraph without text that draws a rule (a VML horizontal line, a bottom or top border of its
 * own or of its style) becomes a rule paragraph, and a page break set on a body paragraph
 * (`w:pageBreakBefore`) a rule before it. Empty paragraphs stay (mammoth is told to keep them),
 * so the HTML reader can learn where a writer leaves a blank line.
 */
export function markRules(documentXml: string, stylesXml: string | undefined): string {
  const bordered = borderStyles(stylesXml)
  return documentXml.replace(PARAGRAPH, (p) => {
    // Most paragraphs draw nothing and break no page: they are left as they are, unread.
    const style = STYLE_REF.exec(p)?.[1]
    const draws = BORDER.test(p) || DRAWN_RULE.test(p) || (style !== undefined && bordered.has(style))
    const pageBreak = PAGE_BREAK_BEFORE.test(p)
    if (!draws && !pageBreak) return p
    let text = ''
    for (const m of p.matchAll(TEXT_RUN)) text += m[1]
    if (text.trim().length === 0) {
      if (!draws) return p
      return withStyle(p, RULE_STYLE)
    }
    if (pageBreak && !/^(?:title|heading)/i.test(style ?? '')) {
      return `<w:p><w:pPr><w:pStyle w:val="${RULE_STYLE}"/></w:pPr></w:p>${p}`
    }
    return p
  })
}

/** The unpacked archive as mammoth reads a DOCX, with the document's rules marked. */
function mammothFile(zip: ZipArchive, documentXml: string) {
  return {
    exists: (name: string) => zip.read(name) !== undefined,
    read: (name: string, encoding?: string) => {
      if (name === 'word/document.xml') return Promise.resolve(encoding ? documentXml : new TextEncoder().encode(documentXml))
      const data = zip.read(name)
      if (!data) return Promise.reject(new Error(`the DOCX has no ${name}`))
      if (encoding === 'base64') return Promise.resolve(base64(data))
      return Promise.resolve(encoding ? new TextDecoder(encoding).decode(data) : data)
    },
  }
}

/** How many footnotes and endnotes a DOCX holds (Word's separators left out). */
function countNotes(zip: ZipArchive): number {
  let n = 0
  for (const name of ['word/footnotes.xml', 'word/endnotes.xml']) {
    const data = zip.read(name)
    const xml = data && utf8Text(data)
    if (xml) n += [...xml.matchAll(/<w:(?:footnote|endnote)\b(?![^>]*w:type="(?:separator|continuationSeparator|continuationNotice)")/g)].length
  }
  return n
}

/**
 * Read a DOCX (already unpacked and checked within the zip limits) through mammoth and then the
 * HTML path; the title and author come from the document's core properties when it has them.
 */
export async function readDocx(zip: ZipArchive): Promise<{ state: HtmlReadState; fallback: Partial<Meta>; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = []
  if (!zip.read('word/document.xml')) throw new Error('the DOCX has no word/document.xml: it is damaged or not a Word document')
  // Loaded with the first DOCX: mammoth and what it needs are a megabyte of code to compile,
  // which every worker of a corpus run of plain text or HTML would otherwise pay for nothing.
  const { default: mammoth } = await import('mammoth')
  const styles = zip.read('word/styles.xml')
  const marked = markRules(utf8Text(zip.read('word/document.xml')!), styles && utf8Text(styles))
  const transforms = (mammoth as unknown as { transforms: { paragraph(f: typeof centred): (e: unknown) => unknown; run(f: typeof withoutNotes): (e: unknown) => unknown } }).transforms
  const paragraphs = transforms.paragraph(centred)
  const runs = transforms.run(withoutNotes)
  const result = await mammoth.convertToHtml(
    // mammoth reads an already opened archive given as `file` (its unzip step), a form its types omit.
    { file: mammothFile(zip, marked) } as unknown as { arrayBuffer: ArrayBuffer },
    {
      styleMap: STYLE_MAP,
      transformDocument: (doc: unknown) => runs(paragraphs(doc)),
      ignoreEmptyParagraphs: false,
      externalFileAccess: false,
      // Pictures are never read: mammoth would inline each one as base64 for nothing.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  )
  for (const m of result.messages) {
    if (m.type === 'error') diagnostics.push({ severity: 'warning', code: 'docx-conversion', message: `Word conversion: ${m.message}` })
  }
  const notes = countNotes(zip)
  if (notes > 0) diagnostics.push({ severity: 'info', code: 'docx-notes', message: `The document holds ${notes} footnote${notes === 1 ? '' : 's'} or endnote${notes === 1 ? '' : 's'}; notes are not story and were left out of every measure.` })
  const state = newHtmlState()
  const core = zip.read('docProps/core.xml')
  readHtml(result.value, state)
  const language = styles && defaultLanguage(utf8Text(styles))
  if (language) state.languageHint = language
  return { state, fallback: core ? coreProperties(utf8Text(core)) : {}, diagnostics }
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

/**
 * The document's default language (`w:docDefaults`' `w:lang w:val`, as Word sets it from the
 * writer's proofing language): a hint, often left at the installation's language.
 */
export function defaultLanguage(styles: string): string | null {
  const defaults = /<w:docDefaults\b[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0]
  return (defaults && /<w:lang\b[^>]*\bw:val="([^"]+)"/.exec(defaults)?.[1]) || null
}
