import type { Diagnostic, Encoding, Meta, SceneMeta } from '../types.js'
import { CODE_PAGE_LABELS } from '../data/rtf.js'
import { utf8Text } from './bytes.js'
import { excludedDiagnostic, missingDiagnostic, ProjectBuilder, sceneMeta, type ProjectFiles, type ProjectRead } from './project.js'
import { readRtf } from './rtf.js'
import { UnreadableInputError } from './text.js'
import { child, xmlTree, type XmlNode } from './xml.js'

/** A binder item as the reader needs it. */
interface Item {
  id: string
  type: string
  title: string
  include: boolean
  label: string | null
  status: string | null
  children: Item[]
}

/** Binder item types that hold other items (a text document may hold some too). */
const FOLDERS = new Set(['DraftFolder', 'Folder'])
/** The deepest a part may nest in the Draft folder before what is under it is read as chapters. */
const MAX_PART_DEPTH = 2

/** Metadata values read from an item's `MetaData` (Scrivener 3) or the item itself (Scrivener 2). */
function metaValue(node: XmlNode, name: string): string | undefined {
  return child(child(node, 'MetaData'), name)?.text ?? child(node, name)?.text
}

/** The names a project gives its label or status IDs (`LabelSettings > Labels > Label ID="3"`). */
function names(settings: XmlNode | undefined, list: string, entry: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of child(settings, list)?.children ?? []) if (e.name === entry && e.attribs.ID !== undefined) out.set(e.attribs.ID, e.text)
  return out
}

function itemOf(node: XmlNode, labels: Map<string, string>, statuses: Map<string, string>): Item {
  const include = (metaValue(node, 'IncludeInCompile') ?? 'Yes').trim().toLowerCase() !== 'no'
  const named = (map: Map<string, string>, id: string | undefined) => {
    if (id === undefined || id.trim() === '' || id.trim() === '-1') return null
    return map.get(id.trim()) ?? null
  }
  const children: Item[] = []
  for (const c of child(node, 'Children')?.children ?? []) if (c.name === 'BinderItem') children.push(itemOf(c, labels, statuses))
  return {
    id: node.attribs.UUID ?? node.attribs.ID ?? '',
    type: node.attribs.Type ?? 'Text',
    title: child(node, 'Title')?.text ?? '',
    include,
    label: named(labels, metaValue(node, 'LabelID')),
    status: named(statuses, metaValue(node, 'StatusID')),
    children,
  }
}

const isContainer = (item: Item) => FOLDERS.has(item.type) || item.children.some((c) => c.include)
const isPart = (item: Item) => isContainer(item) && item.children.some((c) => c.include && FOLDERS.has(c.type) && isContainer(c))

/**
 * Read a Scrivener project (3, or 2 and Scrivener 1 for Windows) from its files: the binder's
 * Draft folder gives the manuscript in order. Folders are chapters, a folder of folders a part;
 * text documents are scenes (a folder's own text opens its chapter), each starting a scene of
 * its own with its binder title, synopsis, label and status. A text document outside any chapter
 * folder is a scene too, as Scrivener's novel formats compile it: with no heading, it goes on the
 * chapter before it (a Draft of texts alone is one untitled chapter); a text document holding
 * others is a chapter, as a folder is. Items whose "Include in Compile" is off are left out with everything
 * under them, and listed in a diagnostic. Research, Trash and the rest of the binder are never read.
 */
export function readScrivener(files: ProjectFiles, binderPath: string): ProjectRead {
  const binderBytes = files.read(binderPath)!
  const root = xmlTree(utf8Text(binderBytes))
  if (!root || root.name !== 'ScrivenerProject') {
    throw new UnreadableInputError(`${binderPath} is not a readable Scrivener binder: the file is damaged or cut short`)
  }
  const labels = names(child(root, 'LabelSettings'), 'Labels', 'Label')
  const statuses = names(child(root, 'StatusSettings'), 'StatusItems', 'Status')
  const top = (child(root, 'Binder')?.children ?? []).filter((c) => c.name === 'BinderItem')
  const draftNode = top.find((c) => c.attribs.Type === 'DraftFolder')
  if (!draftNode) throw new UnreadableInputError(`${binderPath}: the Scrivener binder has no Draft (manuscript) folder, so there is no manuscript to read`)
  const draft = itemOf(draftNode, labels, statuses)
  const scrivener3 = files.names.some((n) => n.startsWith('Files/Data/'))
  const read = new Map<string, Uint8Array>([[binderPath, binderBytes]])
  const builder = new ProjectBuilder()
  const diagnostics: Diagnostic[] = []
  const excluded: string[] = []
  const missing: string[] = []
  let encoding: Encoding | undefined

  const fetch = (path: string): Uint8Array | undefined => {
    const bytes = files.read(path)
    if (bytes) read.set(path, bytes)
    return bytes
  }
  /** A document's text into the builder: its content file, if it has one. */
  const document = (item: Item, own: boolean) => {
    const meta: SceneMeta = sceneMeta(item.title)
    meta.label = item.label
    meta.status = item.status
    const base = scrivener3 ? `Files/Data/${item.id}/` : `Files/Docs/${item.id}`
    const synopsis = fetch(scrivener3 ? `${base}synopsis.txt` : `${base}_synopsis.txt`)
    if (synopsis) meta.synopsis = utf8Text(synopsis).replace(/^\uFEFF/, '').trim() || null
    const content = scrivener3 ? (fetch(`${base}content.rtf`) ?? fetch(`${base}content.rtfd/TXT.rtf`)) : (fetch(`${base}.rtf`) ?? fetch(`${base}.rtfd/TXT.rtf`))
    if (!content) {
      // A folder holds no text of its own unless the writer typed some.
      if (!own && item.type === 'Text') missing.push(item.title || item.id)
      return
    }
    builder.document(meta)
    const rtf = readRtf(content, builder)
    encoding ??= (CODE_PAGE_LABELS as Record<number, Encoding>)[rtf.codePage] ?? 'windows-1252'
    builder.discard()
    for (const d of rtf.diagnostics) diagnostics.push({ ...d, message: `${item.title || item.id}: ${d.message}` })
  }
  /** Every included document under an item, in binder order, as scenes of the chapter. */
  const scenes = (item: Item) => {
    for (const c of item.children) {
      if (!c.include) {
        excluded.push(c.title || c.id)
        continue
      }
      document(c, FOLDERS.has(c.type))
      scenes(c)
    }
  }
  const chapter = (item: Item, level: number) => {
    builder.heading(item.title, level)
    document(item, FOLDERS.has(item.type))
    scenes(item)
  }
  const place = (item: Item, depth: number) => {
    if (!item.include) {
      excluded.push(item.title || item.id)
      return
    }
    if (!isContainer(item)) {
      // A text among chapters is a scene, as Scrivener compiles one: no heading of its own, the
      // scene after the chapter before it (or the opening of an untitled first chapter).
      document(item, false)
    } else if (depth < MAX_PART_DEPTH && isPart(item)) {
      builder.heading(item.title, depth + 1)
      // A part's own text, if any, is its first chapter's opening.
      document(item, true)
      for (const c of item.children) place(c, depth + 1)
    } else chapter(item, depth + 1)
  }
  for (const c of draft.children) place(c, 0)
  for (const d of excludedDiagnostic(excluded, 'compile')) diagnostics.push(d)
  for (const d of missingDiagnostic(missing)) diagnostics.push(d)

  const meta: Partial<Meta> = {}
  const properties = child(root, 'ProjectProperties')
  const title = child(properties, 'ProjectTitle')?.text
  const author = child(properties, 'FullName')?.text ?? child(properties, 'AuthorName')?.text
  meta.title = title || binderPath.replace(/^.*\//, '').replace(/\.scrivx$/i, '') || null
  if (author) meta.author = author
  const out: ProjectRead = { builder, meta, diagnostics, files: read }
  if (encoding) out.encoding = encoding
  return out
}
