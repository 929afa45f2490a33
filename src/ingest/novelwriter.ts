import type { Diagnostic, Meta, SceneMeta } from '../types.js'
import { utf8Text } from './bytes.js'
import { excludedDiagnostic, missingDiagnostic, ProjectBuilder, sceneMeta, type ProjectFiles, type ProjectRead } from './project.js'
import { UnreadableInputError } from './text.js'
import { child, xmlTree, type XmlNode } from './xml.js'

interface NwItem {
  handle: string
  parent: string | null
  order: number
  /** Where the item stands in the file: the tie-break for equal orders. */
  seen: number
  type: string
  cls: string
  layout: string
  title: string
  active: boolean
  status: string | null
  children: NwItem[]
}

/** `# Title`, `##! Chapter`, `### Scene`, `#### Section`: level, modifier and text. */
const HEADING = /^(#{1,4})([!*]?)[ \t]+(.*)$/
/** `@pov: Name`, `@char: A, B`: a tag and its values. */
const TAG = /^@([a-z]+)[ \t]*:[ \t]*(.*)$/i
/** `%Synopsis: …` and `%Short: …`: the writer's synopsis of the section. */
const SYNOPSIS = /^%[ \t]*(?:synopsis|short)[ \t]*:[ \t]*(.*)$/i
/** Shortcodes and marks that change a run's looks but not its words. */
const FORMAT_CODES = /\[\/?(?:b|s|u|m|sup|sub)\]|\*\*|~~|==/g
/** Codes with no words: footnote places, page breaks, vertical space. */
const VOID_CODES = /\[(?:footnote|field):[^\]]*\]/gi
const LAYOUT_LINE = /^\[(?:new ?page|vspace(?::\d+)?)\]$/i
/** The novel's title heading, which makes its document the title page. */
const TITLE_LINE = /^#![ \t]+\S/m
/** Italics as novelWriter marks them: `_text_` at word edges, or `[i]…[/i]`. */
const ITALIC = /\[i\]([\s\S]*?)\[\/i\]|(?<![\p{L}\p{N}_\\])_(?!\s)((?:[^_\n]|_(?=[\p{L}\p{N}]))+?)(?<!\s)_(?![\p{L}\p{N}_])/gu

/** novelWriter's tags that name characters (`@focus` is the scene's focus character). */
const CHARACTER_TAGS = new Set(['char', 'focus'])

function itemsOf(root: XmlNode): NwItem[] {
  const content = child(root, 'content')
  const out: NwItem[] = []
  for (const node of content?.children ?? []) {
    if (node.name !== 'item') continue
    const a = node.attribs
    const name = child(node, 'name')
    // novelWriter 2 keeps status and "include" on the name; 1.x in elements of their own.
    const active = (name?.attribs.active ?? child(node, 'exported')?.text ?? 'yes').trim().toLowerCase()
    out.push({
      handle: a.handle ?? '',
      parent: a.parent && a.parent !== 'None' ? a.parent : null,
      order: Number(a.order ?? 0),
      seen: out.length,
      type: (a.type ?? child(node, 'type')?.text ?? '').toUpperCase(),
      cls: (a.class ?? child(node, 'class')?.text ?? '').toUpperCase(),
      layout: (a.layout ?? child(node, 'layout')?.text ?? '').toUpperCase(),
      title: name?.text ?? '',
      active: active !== 'no' && active !== 'false',
      status: name?.attribs.status ?? child(node, 'status')?.text ?? null,
      children: [],
    })
  }
  return out
}

/** The names a project gives its status keys (`settings > status > entry key="s…"`). */
function statusNames(root: XmlNode): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of child(child(root, 'settings'), 'status')?.children ?? []) if (e.attribs.key) out.set(e.attribs.key, e.text)
  return out
}

/** A paragraph's lines into the builder, novelWriter's marks read: italics kept, other formatting dropped. */
function writeParagraph(builder: ProjectBuilder, lines: string[]): void {
  let centred = false
  for (const [i, raw] of lines.entries()) {
    let line = raw.replace(VOID_CODES, '').replace(/\[br\]$/i, '')
    // `> indented <` from both margins: the marks are not text.
    line = line.replace(/^>(?!>)\s*/, '').replace(/\s*(?<!<)<$/, '')
    // `>> text <<` is centred, `>> text` right-aligned, `text <<` left-aligned: the marks are not text.
    const m = /^>>\s*(.*?)\s*<<$/.exec(line)
    if (m) {
      line = m[1]!
      centred = true
    } else line = line.replace(/^>>\s*/, '').replace(/\s*<<$/, '')
    if (i > 0) builder.lineBreak()
    let at = 0
    for (const it of line.matchAll(ITALIC)) {
      if (it.index > at) builder.text(line.slice(at, it.index).replace(FORMAT_CODES, ''))
      builder.text((it[1] ?? it[2]!).replace(FORMAT_CODES, ''), true)
      at = it.index + it[0].length
    }
    if (at < line.length) builder.text(line.slice(at).replace(FORMAT_CODES, '').replace(/\\([*_~\\[])/g, '$1'))
  }
  builder.end('text', { centred })
}

/**
 * Read a novelWriter project (2.x, and 1.x where its files differ) from `nwProject.nwx` and
 * `content/<handle>.nwd`: the documents of its novel folders in project order, those not
 * "included in build" left out and listed. In the text, headings give the outline (`#` a part,
 * `#!` the title, `##` a chapter, `###` a scene, `####` a section within it); comments (`%`)
 * are left out, a synopsis comment and the tags under a heading (`@pov`, `@char`, `@focus`,
 * `@location`) kept as the scene's meta; notes (character and world files) are never read.
 */
export function readNovelWriter(files: ProjectFiles, binderPath: string): ProjectRead {
  const binderBytes = files.read(binderPath)!
  const root = xmlTree(utf8Text(binderBytes))
  if (!root || root.name !== 'novelWriterXML') {
    throw new UnreadableInputError(`${binderPath} is not a readable novelWriter project: the file is damaged or cut short`)
  }
  const items = itemsOf(root)
  const byHandle = new Map(items.map((i) => [i.handle, i]))
  const roots: NwItem[] = []
  for (const item of items) {
    const parent = item.parent ? byHandle.get(item.parent) : undefined
    if (parent) parent.children.push(item)
    else roots.push(item)
  }
  const byOrder = (a: NwItem, b: NwItem) => a.order - b.order || a.seen - b.seen
  for (const item of items) item.children.sort(byOrder)
  const statuses = statusNames(root)
  const read = new Map<string, Uint8Array>([[binderPath, binderBytes]])
  const builder = new ProjectBuilder()
  const diagnostics: Diagnostic[] = []
  const excluded: string[] = []
  const missing: string[] = []
  const meta: Partial<Meta> = {}
  const project = child(root, 'project')
  const name = child(project, 'title')?.text || child(project, 'name')?.text
  const author = child(project, 'author')?.text
  if (name) meta.title = name
  if (author) meta.author = author
  let storyStarted = false
  let titled = false

  const readDocument = (item: NwItem) => {
    const path = `content/${item.handle}.nwd`
    const bytes = files.read(path)
    if (!bytes) {
      missing.push(item.title || item.handle)
      return
    }
    read.set(path, bytes)
    const status = item.status ? (statuses.get(item.status) ?? null) : null
    const body = utf8Text(bytes).replace(/^\uFEFF/, '')
    let current: SceneMeta | null = null
    /**
     * A title page (a document holding the novel's `#!` title, before any story) is front
     * matter, not story: the title, and the writer's address and byline around it.
     */
    let titlePage = !storyStarted && TITLE_LINE.test(body)
    let lines: string[] = []
    const flush = () => {
      if (lines.length === 0) return
      if (titlePage) {
        for (const [i, l] of lines.entries()) {
          if (i > 0) builder.lineBreak()
          builder.text(l.replace(VOID_CODES, '').replace(/\[br\]$/i, '').replace(/^>>\s*|\s*<<$/g, '').replace(FORMAT_CODES, '').replace(/\[\/?i\]/g, ''))
        }
        builder.end('front', { key: 'front' })
      } else {
        if (!current) {
          // Text before any heading in a document continues the scene, or opens one of its own.
          current = sceneMeta(item.title)
          current.status = status
          builder.document(current)
        }
        storyStarted = true
        writeParagraph(builder, lines)
      }
      lines = []
    }
    for (const raw of body.split(/\r\n?|\n/)) {
      const line = raw.trim()
      if (line === '') {
        flush()
        continue
      }
      if (line.startsWith('%')) {
        const s = SYNOPSIS.exec(line)
        if (s && current && !current.synopsis) current.synopsis = s[1]!.trim() || null
        continue
      }
      if (LAYOUT_LINE.test(line)) {
        flush()
        continue
      }
      const tag = TAG.exec(line)
      if (tag && lines.length === 0) {
        if (!current) continue
        const key = tag[1]!.toLowerCase()
        const values = tag[2]!.split(',').map((v) => v.trim()).filter(Boolean)
        if (key === 'pov' && values[0]) current.pov = values[0]
        if (CHARACTER_TAGS.has(key) || key === 'pov') for (const v of values) if (!current.characters.includes(v)) current.characters.push(v)
        if (key === 'location') for (const v of values) if (!current.locations.includes(v)) current.locations.push(v)
        continue
      }
      const h = HEADING.exec(line)
      if (h) {
        flush()
        const level = h[1]!.length
        const title = h[3]!.trim()
        if (level === 1 && h[2] === '!' && !storyStarted) {
          // The novel's title: its page is front matter.
          // The title the writer set on the page is the book's, over the project's name.
          if (title && !titled) {
            meta.title = title
            titled = true
          }
          titlePage = true
          current = null
        } else if (level <= 2) {
          titlePage = false
          builder.heading(title, level)
          current = sceneMeta(level === 2 ? title : null)
          current.status = status
          builder.document(current)
        } else if (level === 3) {
          titlePage = false
          current = sceneMeta(title)
          current.status = status
          builder.document(current)
        }
        // A section heading (`####`) divides a scene but does not end it.
        continue
      }
      lines.push(line)
    }
    flush()
  }
  const walk = (item: NwItem) => {
    if (item.type === 'FILE') {
      if (item.layout === 'NOTE') return
      if (!item.active) {
        excluded.push(item.title || item.handle)
        return
      }
      readDocument(item)
    }
    for (const c of item.children) walk(c)
  }
  for (const r of roots) if (r.cls === 'NOVEL' && r.type === 'ROOT') walk(r)
  if (!roots.some((r) => r.cls === 'NOVEL')) {
    throw new UnreadableInputError(`${binderPath}: the novelWriter project has no Novel folder, so there is no manuscript to read`)
  }
  for (const d of excludedDiagnostic(excluded, 'build')) diagnostics.push(d)
  for (const d of missingDiagnostic(missing)) diagnostics.push(d)
  return { builder, meta, diagnostics, files: read }
}
