import { Parser } from 'htmlparser2'

/** What a paragraph or text style of an OpenDocument says, as the ODT reader needs it. */
export interface OdtStyle {
  family: string
  parent?: string
  displayName?: string
  /** `fo:font-style`: true for italic (or oblique), false for normal, undefined where unset. */
  italic?: boolean
  centred?: boolean
  /** A bottom or top border (LibreOffice's "Horizontal Line" style draws a rule so). */
  border?: boolean
  breakBefore?: boolean
  breakAfter?: boolean
  /** `style:default-outline-level`: the heading level a paragraph style gives. */
  outlineLevel?: number
}

/** A style's facts resolved through its `style:parent-style-name` chain. */
export interface ResolvedStyle {
  /** undefined where no style of the chain sets the font style (a span then keeps its parent's). */
  italic?: boolean
  centred: boolean
  border: boolean
  breakBefore: boolean
  breakAfter: boolean
  /** 0 for the Title style, n for a Heading n style, undefined for body text. */
  heading?: number
  subtitle: boolean
}

/** Parent chains longer than this are a loop or a hostile file: resolution stops there. */
const MAX_DEPTH = 32
const BORDERED = (v: string | undefined) => v !== undefined && v !== 'none' && !/^0+(?:\.0+)?(?:pt|in|cm|mm|px)?(?:\s|$)/.test(v)
const HEADING_NAME = /^heading(?:_20_|\s)?([1-9])$/i

/**
 * The styles an ODT defines, named (styles.xml's `office:styles`) and automatic (content.xml's
 * `office:automatic-styles`), keyed by family and name, read with htmlparser2 in XML mode (a
 * DOCTYPE's entities are never expanded).
 */
export class OdtStyles {
  private readonly styles = new Map<string, OdtStyle>()
  private readonly resolved = new Map<string, ResolvedStyle>()

  /**
   * Read the `style:style` elements inside `section` of one XML part: styles.xml's named
   * `office:styles`, content.xml's `office:automatic-styles` (styles.xml's own automatic styles
   * serve its headers and footers and may reuse content.xml's names, so they are not read).
   */
  learn(xml: string, section: 'office:styles' | 'office:automatic-styles'): void {
    let current: OdtStyle | null = null
    let inside = false
    const parser = new Parser(
      {
        onopentag: (name, a) => {
          if (name === section) inside = true
          if (!inside) return
          if (name === 'style:style') {
            const key = a['style:name']
            current = { family: a['style:family'] ?? '' }
            if (a['style:parent-style-name']) current.parent = a['style:parent-style-name']
            if (a['style:display-name']) current.displayName = a['style:display-name']
            const level = Number(a['style:default-outline-level'])
            if (level >= 1) current.outlineLevel = level
            if (key) this.styles.set(`${current.family}:${key}`, current)
            return
          }
          if (!current) return
          if (name === 'style:text-properties' && a['fo:font-style']) current.italic = a['fo:font-style'] !== 'normal'
          if (name === 'style:paragraph-properties') {
            if (a['fo:text-align']) current.centred = a['fo:text-align'] === 'center'
            if (BORDERED(a['fo:border-bottom']) || BORDERED(a['fo:border-top']) || BORDERED(a['fo:border'])) current.border = true
            if (a['fo:break-before']) current.breakBefore = a['fo:break-before'] === 'page'
            if (a['fo:break-after']) current.breakAfter = a['fo:break-after'] === 'page'
          }
        },
        onclosetag: (name) => {
          if (name === 'style:style') current = null
          else if (name === section) inside = false
        },
      },
      { xmlMode: true, decodeEntities: true },
    )
    parser.write(xml)
    parser.end()
  }

  /** A style of a family (`paragraph`, `text`) with everything it inherits. */
  resolve(family: string, name: string | undefined): ResolvedStyle {
    const key = `${family}:${name ?? ''}`
    let out = this.resolved.get(key)
    if (out) return out
    out = { centred: false, border: false, breakBefore: false, breakAfter: false, subtitle: false }
    // Nearest first: the first style in the chain that sets a property decides it.
    const seen: Partial<Record<'italic' | 'centred' | 'border' | 'breakBefore' | 'breakAfter' | 'heading', true>> = {}
    let style = name ? this.styles.get(key) : undefined
    let styleName = name
    for (let depth = 0; style && depth < MAX_DEPTH; depth++) {
      for (const p of ['italic', 'centred', 'border', 'breakBefore', 'breakAfter'] as const) {
        if (style[p] !== undefined && !seen[p]) {
          out[p] = style[p]!
          seen[p] = true
        }
      }
      if (!seen.heading) {
        const level = headingOf(styleName!, style)
        if (level !== undefined) {
          seen.heading = true
          if (level >= 0) out.heading = level
          else out.subtitle = true
        }
      }
      styleName = style.parent
      style = styleName ? this.styles.get(`${family}:${styleName}`) : undefined
    }
    this.resolved.set(key, out)
    return out
  }
}

/** 0 for a Title style, n for Heading n, -1 for a Subtitle; undefined for any other style. */
function headingOf(name: string, style: OdtStyle): number | undefined {
  for (const n of [name, style.displayName]) {
    if (!n) continue
    if (/^title$/i.test(n)) return 0
    if (/^subtitle$/i.test(n)) return -1
    const m = HEADING_NAME.exec(n)
    if (m) return Number(m[1])
  }
  return style.outlineLevel
}
