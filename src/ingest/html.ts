import { Parser, type Handler } from 'htmlparser2'
import type { BlockRole, Meta } from '../types.js'
import { AO3_ARCHIVE, ao3Label, isAo3Boilerplate } from '../data/ao3.js'
import { isMatterType } from '../data/book-matter.js'
import { appendNote, NOTE_KEYS, recordField } from './ao3.js'
import { DocumentBuilder } from './markup.js'
import { CENTRED_STYLE, ITALIC_STYLE, learnClasses } from './css.js'
import { limitNesting } from './nesting.js'

/** Elements whose content is never text of the document. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'button', 'textarea', 'canvas', 'audio', 'video'])
/** Elements that open and close a block (a paragraph of the text). */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'pre', 'section', 'article',
  'header', 'footer', 'aside', 'main', 'nav', 'center', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'figure', 'figcaption',
  'address', 'body', 'html', 'hr', 'form', 'fieldset', 'details', 'summary', 'caption',
])
const ITALIC_TAGS = new Set(['em', 'i', 'cite', 'dfn'])
const HEADING = /^h([1-6])$/
/** Headings that open chapters; deeper ones are read as text. */
const CHAPTER_LEVELS = 3

/** The class the DOCX reader gives centred paragraphs. */
export const CENTRED_CLASS = 'proselens-centred'

/** Where in an AO3 download an element sits. */
type Region = 'preface' | 'chapters' | 'afterword' | null

interface Open {
  name: string
  italic: boolean
  centred: boolean
  skip: boolean
  /** A block element whose closing ends a paragraph. */
  block: boolean
  region: Region
  /** Inside an AO3 `meta` division: notes, summaries and headings around a chapter. */
  meta: boolean
  /** An AO3 `dd` whose field is being read. */
  field?: string
  /** Inside such a `dd` (kept on every element, so text need not search the stack). */
  inField: boolean
  heading?: number
  /** An element left out of the text (AO3's boilerplate messages, the table-of-contents heading). */
  drop?: boolean
  /** Inside matter marked by `epub:type` (a title page, a colophon): its role, front or end. */
  matter: 'front' | 'end' | null
}

/** Options and state carried across the documents of one book (an EPUB's spine). */
export interface HtmlReadState {
  builder: DocumentBuilder
  meta: Partial<Meta>
  /** Whether the document is an AO3 download (recognised by its preface, chapters or tags). */
  ao3: boolean
  /** Whether story text (outside marked matter) has been read: matter after it is end matter. */
  storySeen: boolean
  /** The role of the whole document being read, where its container says it is matter (an EPUB's guide). */
  documentMatter: 'front' | 'end' | null
  /**
   * A language the document carries without its writer stating it: the root element's lang (a
   * site's own language on a saved web page), a word processor's default language.
   */
  languageHint?: string
}

export function newHtmlState(): HtmlReadState {
  return { builder: new DocumentBuilder(), meta: {}, ao3: false, storySeen: false, documentMatter: null }
}

/**
 * Read an HTML (or XHTML) document into the builder: paragraphs, `<hr>` breaks, `h1`–`h3` as
 * chapter headings, italics from `<em>`/`<i>` and from CSS classes or styles that set
 * `font-style: italic` (as Google Docs exports them). Scripts, styles and comments are
 * dropped. AO3 downloads are recognised and their preface, chapter notes and afterword are read
 * as metadata and matter around the story.
 */
export function readHtml(html: string, state: HtmlReadState = newHtmlState()): HtmlReadState {
  const reader = new HtmlReader(state)
  const parser = new Parser(reader, { decodeEntities: true, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
  parser.write(limitNesting(html))
  parser.end()
  if (state.builder.pending) reader.flush()
  if (state.ao3) state.meta.archive = AO3_ARCHIVE
  return state
}

/**
 * The parser's handler for one document: a class, not closures made for each document (see
 * "Hot code" in docs/ARCHITECTURE.md).
 */
class HtmlReader implements Partial<Handler> {
  private readonly builder: DocumentBuilder
  private readonly meta: Partial<Meta>
  private readonly italicClasses = new Set<string>()
  private readonly centredClasses = new Set<string>([CENTRED_CLASS])
  private readonly stack: Open[] = []
  private css = ''
  private inStyle = false
  private dtLabel: string | null = null
  private pendingKey: string | null = null
  private fieldText = ''
  private chapters = 0

  constructor(private readonly state: HtmlReadState) {
    this.builder = state.builder
    this.meta = state.meta
  }

  private top(): Open | undefined {
    return this.stack[this.stack.length - 1]
  }

  /** The role a block gets from where it sits (an AO3 download's preface, notes or afterword). */
  private roleOf(open: Open | undefined): BlockRole {
    const matter = open ? open.matter : this.state.documentMatter
    if (matter) return matter
    if (!this.state.ao3 || !open) return 'text'
    if (open.region === 'preface') return 'front'
    if (open.region === 'afterword') return 'end'
    if (open.meta) return 'note'
    return 'text'
  }

  /** End the block being built as a paragraph of the role its place gives it. */
  flush(): void {
    const role = this.roleOf(this.top())
    if (role === 'text') this.endText(this.top()?.centred ?? false)
    else this.flushAs(role, this.pendingKey ?? undefined)
  }

  /** End the block being built as story text. */
  private endText(centred: boolean): void {
    if (this.builder.pending) this.state.storySeen = true
    this.builder.end('text', { centred })
  }

  private flushAs(role: BlockRole, key: string | undefined): void {
    this.builder.end(role, key === undefined ? {} : { key })
  }

  private closeHeading(level: number): void {
    const { builder } = this
    if (!builder.pending) {
      builder.discard()
      return
    }
    const role = this.roleOf(this.top())
    if (role === 'text') {
      this.state.storySeen = true
      // In an AO3 download the chapters are AO3's: a heading in a chapter's text is a section break.
      if (this.state.ao3 && this.top()?.region === 'chapters') builder.end('break')
      else if (level <= CHAPTER_LEVELS) builder.end('heading', { level })
      else builder.end('text')
    } else if (role === 'front' && level === 1 && !this.state.storySeen) {
      this.meta.title ??= builder.peek()
      this.flushAs('front', 'title')
    } else if (role === 'note' && level <= CHAPTER_LEVELS) {
      // A chapter's own heading in AO3's chapter preface (`h2.heading`).
      this.chapters++
      this.pendingKey = null
      builder.end('heading', { level })
    } else {
      this.flushAs(role, this.pendingKey ?? undefined)
    }
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    const { builder, state } = this
    const parent = this.top()
    const classes = classesOf(attribs)
    const style = attribs.style ?? ''
    if (name === 'meta' && attribs.name?.toLowerCase() === 'author' && attribs.content && this.meta.author == null) this.meta.author = attribs.content.trim()
    if (name === 'html') state.languageHint ??= (attribs.lang || attribs['xml:lang'] || '').trim() || undefined
    const id = attribs.id ?? ''
    // AO3's regions: its preface, chapters and afterword, and the meta divisions in them.
    let region: Region = parent?.region ?? null
    if (id === 'preface' || id === 'chapters' || id === 'afterword') {
      region = id
      state.ao3 = true
    }
    if (name === 'dl' && classes.includes('tags')) state.ao3 = true
    const inMeta = (parent?.meta ?? false) || (state.ao3 && classes.includes('meta'))
    const heading = HEADING.exec(name)
    const block = BLOCKS.has(name)
    const open: Open = {
      name,
      italic: (parent?.italic ?? false) || ITALIC_TAGS.has(name) || ITALIC_STYLE.test(style) || hasAny(classes, this.italicClasses),
      centred:
        name === 'center' ||
        (block && (attribs.align?.toLowerCase() === 'center' || CENTRED_STYLE.test(style) || hasAny(classes, this.centredClasses))) ||
        (!block && (parent?.centred ?? false)),
      skip: (parent?.skip ?? false) || SKIPPED.has(name),
      block,
      region,
      meta: inMeta,
      inField: parent?.inField ?? false,
      matter: parent ? parent.matter : state.documentMatter,
    }
    if (!open.matter && isMatterType(attribs['epub:type'])) open.matter = state.storySeen ? 'end' : 'front'
    if (name === 'style') this.inStyle = true
    if (!open.skip && state.ao3 && (classes.includes('toc-heading') || classes.includes('message') || classes.includes('endnote-link') || classes.includes('landmark'))) {
      open.skip = true
      open.drop = true
    }
    if (!open.skip && open.block) {
      if (builder.pending) this.flush()
      // A rule in the story is a scene break; one in the matter around it is decoration.
      if (name === 'hr' && this.roleOf(this.top()) === 'text') builder.end('break')
      if (heading) open.heading = Number(heading[1])
      if (name === 'dd' && this.dtLabel) {
        open.field = this.dtLabel
        open.inField = true
        this.fieldText = ''
        builder.text(`${this.dtLabel}: `)
      }
    }
    this.stack.push(open)
  }

  ontext(data: string): void {
    if (this.inStyle) this.css += data
    const t = this.top()
    if (!t || t.skip) return
    if (t.inField) this.fieldText += data
    this.builder.text(data, t.italic)
  }

  onclosetag(name: string): void {
    const { builder, stack, state, meta } = this
    // Close up to the matching element (the parser reports implied closes too).
    let i = stack.length - 1
    while (i >= 0 && stack[i]!.name !== name) i--
    if (i < 0) return
    while (stack.length > i + 1) stack.pop()
    const open = stack.pop()!
    if (name === 'style') {
      this.inStyle = false
      learnClasses(this.css, this.italicClasses, this.centredClasses)
    }
    if (open.skip) {
      if (open.drop) builder.discard()
      return
    }
    if (name === 'br') {
      // Two line breaks in a row end a paragraph (fan-fiction sites' `<br><br>`).
      if (builder.endsWithBreak) this.flush()
      else builder.lineBreak()
      return
    }
    if (!open.block || name === 'hr') return
    if (open.heading !== undefined) {
      this.closeHeading(open.heading)
      return
    }
    if (!state.ao3 && !open.matter) {
      if (builder.pending) this.endText(open.centred)
      else if (name === 'p') builder.blank()
      return
    }
    if (name === 'dt') {
      this.dtLabel = builder.peek().replace(/:$/, '')
      builder.discard()
      return
    }
    if (open.field !== undefined) {
      recordField(meta, ao3Label(open.field) ?? open.field.toLowerCase(), collapseText(this.fieldText))
      this.dtLabel = null
      this.flushAs('front', ao3Label(open.field) ?? undefined)
      return
    }
    if (!builder.pending) {
      if (name === 'p' && this.roleOf(open) === 'text') builder.blank()
      return
    }
    const role = this.roleOf(open)
    if (role === 'text') {
      this.endText(open.centred)
      return
    }
    if (open.matter) {
      this.flushAs(role, undefined)
      return
    }
    const text = builder.peek()
    // AO3 labels a note or summary with a paragraph of its own ("Summary", "Chapter Notes").
    const label = ao3Label(text)
    if (label && NOTE_KEYS.has(label)) {
      this.pendingKey = label
      // The label paragraph stays in the text as matter ("Summary", "Chapter Notes").
      this.flushAs(role, 'label')
      return
    }
    if (isAo3Boilerplate(text)) {
      builder.discard()
      return
    }
    if (open.region === 'preface' && /^by\s/i.test(text) && !this.pendingKey) {
      meta.author ??= text.replace(/^by\s+/i, '')
      this.flushAs('front', 'author')
      return
    }
    if (this.pendingKey) appendNote(meta, this.pendingKey, text, this.chapters)
    this.flushAs(role, this.pendingKey ?? undefined)
  }
}

const classesOf = (attribs: Record<string, string>): string[] => (attribs.class ?? '').split(/\s+/).filter(Boolean)

function hasAny(classes: string[], set: Set<string>): boolean {
  for (const c of classes) if (set.has(c)) return true
  return false
}

function collapseText(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
