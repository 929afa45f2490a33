import MarkdownIt from 'markdown-it'
import type { StateCore, Token } from 'markdown-it'
import attributes from 'markdown-it-attrs'
import spans from 'markdown-it-bracketed-spans'
import container from 'markdown-it-container'
import { parse as parseYaml } from 'yaml'
import type { BlockRole, Diagnostic, Meta } from '../types.js'
import { isMatterType } from '../data/book-matter.js'
import { DocumentBuilder } from './markup.js'

/**
 * CommonMark, with raw HTML left as text (never interpreted) and no typographic rewriting, plus
 * what pandoc's Markdown writes around it: fenced divs (`::: {.section .colophon}`), attributes
 * (`{#id .class}`), bracketed spans and raw passages (`` `<abbr>`{=html} ``), which are markup,
 * not text.
 */
const md = new MarkdownIt('commonmark', { html: false })
  .use(container, 'div', { validate: () => true })
  .use(spans as unknown as Parameters<InstanceType<typeof MarkdownIt>['use']>[0])
  .use(attributes)
  .use(markRaw)

/** A raw passage for another format (pandoc's `{=html}`): markup, never text. */
const RAW = /^\{=[\w-]+\}/

/** Before the attribute plugin reads `{=html}` away, mark the raw passages it belongs to. */
function markRaw(m: InstanceType<typeof MarkdownIt>): void {
  m.core.ruler.before('curly_attributes', 'proselens_raw', (state: StateCore) => {
    for (const t of state.tokens) {
      if (t.type === 'fence' && RAW.test(t.info.trim())) t.meta = { raw: true }
      const kids = t.children ?? []
      for (let i = 0; i + 1 < kids.length; i++) if (kids[i]!.type === 'code_inline' && RAW.test(kids[i + 1]!.content)) kids[i]!.meta = { raw: true }
    }
    return true
  })
}

/** A paragraph that is a lone HTML tag (`<div>`, as pandoc writes around blocks): markup, not text. */
const LONE_TAG = /^<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?>$/i

/** A YAML front-matter block at the very top: `---`, YAML, then `---` or `...`. */
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/

export interface MarkdownRead {
  builder: DocumentBuilder
  meta: Partial<Meta>
  diagnostics: Diagnostic[]
}

/**
 * Read Markdown: headings are chapter headings, thematic breaks (`***`, `---`, `* * *`) are
 * scene breaks, emphasis is italic, and a YAML front-matter block fills `meta`.
 */
export function readMarkdown(source: string): MarkdownRead {
  const builder = new DocumentBuilder()
  const diagnostics: Diagnostic[] = []
  let meta: Partial<Meta> = {}
  let body = source
  const fm = FRONT_MATTER.exec(source)
  if (fm) {
    const read = readFrontMatter(fm[1]!)
    if (read.meta) {
      meta = read.meta
      // Keep offsets honest: the YAML block is replaced by nothing but the text after it.
      body = source.slice(fm[0].length)
    } else if (read.error) {
      diagnostics.push({ severity: 'warning', code: 'front-matter-unreadable', message: `The YAML front matter could not be read (${read.error}); it was left as text.` })
    }
  }
  new MarkdownBlocks(builder).read(md.parse(body, {}))
  return { builder, meta, diagnostics }
}

/**
 * Markdown tokens into the builder's blocks. A class, not closures made for each document (see
 * "Hot code" in docs/ARCHITECTURE.md).
 */
class MarkdownBlocks {
  /** Fenced divs of matter (pandoc's `::: {.section .colophon}` from an EPUB): a role per level. */
  private readonly matter: (BlockRole | null)[] = []
  private storySeen = false

  constructor(private readonly builder: DocumentBuilder) {}

  private role(): BlockRole | null {
    return this.matter[this.matter.length - 1] ?? null
  }

  private endText(): void {
    const { builder } = this
    const role = this.role()
    if (role) builder.end(role)
    else if (LONE_TAG.test(builder.peek())) builder.discard()
    else {
      if (builder.pending) this.storySeen = true
      builder.end('text')
    }
  }

  read(tokens: Token[]): void {
    const { builder } = this
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      switch (t.type) {
        case 'container_div_open':
          this.matter.push(this.role() ?? (isMatterType(String(t.attrGet('class') ?? '')) ? (this.storySeen ? 'end' : 'front') : null))
          break
        case 'container_div_close':
          this.endText()
          this.matter.pop()
          break
        case 'heading_open': {
          const inline = tokens[i + 1]
          if (inline?.type === 'inline') inlineText(builder, inline.children ?? [])
          const role = this.role()
          // `#` alone is an empty heading: writers use it as a scene break.
          if (role) builder.end(role)
          else if (builder.pending) {
            this.storySeen = true
            builder.end('heading', { level: Number(t.tag.slice(1)) })
          } else builder.end('break')
          i += 2
          break
        }
        case 'hr':
          if (this.role()) builder.discard()
          else builder.end('break')
          break
        case 'inline':
          inlineText(builder, t.children ?? [])
          break
        case 'paragraph_close':
          this.endText()
          break
        case 'code_block':
        case 'fence':
        case 'html_block':
          if (t.meta?.raw) break
          builder.text(t.content)
          this.endText()
          break
        default:
          break
      }
    }
    this.endText()
  }
}

function inlineText(builder: DocumentBuilder, children: Token[]): void {
  let italic = 0
  for (const c of children) {
    switch (c.type) {
      case 'em_open':
        italic++
        break
      case 'em_close':
        italic = Math.max(0, italic - 1)
        break
      case 'code_inline':
        if (!c.meta?.raw) builder.text(c.content, italic > 0)
        break
      case 'text':
      case 'html_inline':
        builder.text(c.content, italic > 0)
        break
      case 'softbreak':
        builder.text(' ', italic > 0)
        break
      case 'hardbreak':
        builder.lineBreak()
        break
      case 'image':
        // A picture's description is not story.
        break
      default:
        break
    }
  }
}

/** Scalar fields of YAML front matter as strings, lists of scalars as lists. */
function readFrontMatter(yaml: string): { meta?: Partial<Meta>; error?: string } {
  let data: unknown
  try {
    // Aliases are capped by the library (no billion-laughs expansion); no custom tags run.
    data = parseYaml(yaml, { maxAliasCount: 50 })
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { error: 'not a mapping of fields' }
  const meta: Partial<Meta> = {}
  for (const [rawKey, value] of Object.entries(data as Record<string, unknown>)) {
    const key = FIELD_KEYS[rawKey.toLowerCase()] ?? rawKey.toLowerCase()
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') meta[key] = String(value).trim()
    else if (value instanceof Date) meta[key] = value.toISOString().slice(0, 10)
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      if (key === 'author' || key === 'title' || key === 'fandom' || key === 'rating') meta[key] = value.join(', ')
      else meta[key] = value.map(String)
    }
  }
  if (typeof meta.notes === 'string') meta.notes = [meta.notes]
  return { meta }
}

/** YAML keys writers use, mapped to the report's `meta` keys. */
const FIELD_KEYS: Record<string, string> = {
  authors: 'author',
  creator: 'author',
  writer: 'author',
  fandoms: 'fandom',
  rated: 'rating',
  warning: 'warnings',
  tag: 'tags',
  keywords: 'tags',
  note: 'notes',
  description: 'summary',
  blurb: 'summary',
  'word count': 'claimedWords',
  wordcount: 'claimedWords',
  words: 'claimedWords',
}
