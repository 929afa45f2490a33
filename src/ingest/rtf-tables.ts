import { windows1252High } from '../data/windows-1252.js'
import { CODE_PAGE_LABELS, RTF_CHARSET_CODE_PAGES } from '../data/rtf.js'

/** A style of an RTF stylesheet, as far as the text needs it. */
export interface RtfStyle {
  name: string
  italic: boolean
  centred: boolean
  /** `\outlinelevelN` (0 for Heading 1), or -1. */
  outline: number
  /** Draws a top or bottom border (LibreOffice's Horizontal Line). */
  border: boolean
  /** A character style (`\*\csN`) rather than a paragraph style (`\sN`). */
  character: boolean
}

export const newStyle = (character: boolean): RtfStyle => ({ name: '', italic: false, centred: false, outline: -1, border: false, character })

const HEADING_NAME = /^heading\s*([1-9])$/i
const TITLE_NAME = /^title$/i

/**
 * The heading level a paragraph style gives, as the DOCX reader gives Word's styles: Title is
 * level 1 and "heading N" level N + 1 (so `# Title` over `## Chapter` holds as in Markdown); a
 * style or paragraph with an outline level L (0 for Heading 1) is level L + 2. 0 for body text.
 */
export function headingLevel(style: RtfStyle | undefined, outline: number): number {
  const name = style?.name.trim() ?? ''
  if (TITLE_NAME.test(name)) return 1
  const heading = HEADING_NAME.exec(name)
  if (heading) return Number(heading[1]) + 1
  const level = outline >= 0 ? outline : (style?.outline ?? -1)
  return level >= 0 && level < 9 ? level + 2 : 0
}

export type CodePage = keyof typeof CODE_PAGE_LABELS

/** Whether a browser's `TextDecoder` reads the code page. */
export const isCodePage = (cp: number): cp is CodePage => Object.hasOwn(CODE_PAGE_LABELS, cp)

const decoders = new Map<number, InstanceType<typeof TextDecoder> | null>()

/**
 * Decode bytes in a code page: Windows-1252 by the WHATWG table (Node's decoder maps 0x80–0x9F
 * to C1 controls), every other code page by `TextDecoder`. Returns null where this runtime has
 * no decoder for it.
 */
export function decodeCodePage(bytes: readonly number[], cp: number): string | null {
  if (cp === 1252 || !isCodePage(cp)) {
    if (cp !== 1252) return null
    let out = ''
    for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? windows1252High[b - 0x80]! : b)
    return out
  }
  let decoder = decoders.get(cp)
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(CODE_PAGE_LABELS[cp])
    } catch {
      decoder = null
    }
    decoders.set(cp, decoder)
  }
  return decoder ? decoder.decode(new Uint8Array(bytes)) : null
}

/** The code page of a font's `\fcharset` (0 and 1, and unknown values, follow the document's). */
export const charsetCodePage = (charset: number, documentCp: number): number => RTF_CHARSET_CODE_PAGES[charset] ?? documentCp
