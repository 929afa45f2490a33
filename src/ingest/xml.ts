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

/** An XML element with its children, for readers that need a document's nesting (a binder). */
export interface XmlNode extends XmlElement {
  children: XmlNode[]
}

/**
 * Read an XML document into a tree of elements (names as written, attributes, the element's own
 * text, children in order), under the same rules as `xmlElements`. Null when the document is not
 * well-formed enough to close its root (cut short).
 */
export function xmlTree(xml: string): XmlNode | null {
  const root: XmlNode = { name: '', attribs: {}, text: '', children: [] }
  const open: XmlNode[] = [root]
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el: XmlNode = { name, attribs, text: '', children: [] }
        open[open.length - 1]!.children.push(el)
        open.push(el)
      },
      ontext(data) {
        if (open.length > 1) open[open.length - 1]!.text += data
      },
      onclosetag() {
        if (open.length === 1) return
        const el = open.pop()!
        el.text = el.text.trim()
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  // Elements still open when the text ran out: the file is cut short.
  const whole = open.length === 1
  parser.end()
  return whole ? (root.children[0] ?? null) : null
}

/** The first child element of this name. */
export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children.find((c) => c.name === name)
