import { Parser } from 'htmlparser2'

/** An XML element as the small package-file readers need it: name, attributes, text. */
export interface XmlElement {
  name: string
  attribs: Record<string, string>
  text: string
}

/**
 * Read the elements of an XML document (an EPUB container or package, a DOCX's core
 * properties) in document order, with their attributes and text. Tag names keep their prefix
 * (`dc:title`). Only the five predefined entities and character references are decoded; a
 * DOCTYPE's own entities are never expanded, so an entity bomb stays inert text.
 */
export function xmlElements(xml: string): XmlElement[] {
  const out: XmlElement[] = []
  const open: XmlElement[] = []
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el = { name, attribs, text: '' }
        out.push(el)
        open.push(el)
      },
      ontext(data) {
        const el = open[open.length - 1]
        if (el) el.text += data
      },
      onclosetag() {
        const el = open.pop()
        if (el) el.text = el.text.trim()
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  parser.end()
  return out
}

/** The local name of a prefixed tag or attribute (`dc:title` → `title`). */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase()
