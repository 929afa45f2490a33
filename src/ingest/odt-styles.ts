import { Parser, type Handler } from 'htmlparser2'

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
    const parser = new Parser(new StyleReader(this.styles, section), { xmlMode: true, decodeEntities: true })
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

/** The parser's handler for one XML part's styles: a class, not closures made for each document. */
class StyleReader implements Partial<Handler> {
  private current: OdtStyle | null = null
  private inside = false

  constructor(
    private readonly styles: Map<string, OdtStyle>,
    private readonly section: string,
  ) {}

  onopentag(name: string, a: Record<string, string>): void {
    if (name === this.section) this.inside = true
    if (!this.inside) return
    if (name === 'style:style') {
      const style: OdtStyle = { family: a['style:family'] ?? '' }
      if (a['style:parent-style-name']) style.parent = a['style:parent-style-name']
      if (a['style:display-name']) style.displayName = a['style:display-name']
      const level = Number(a['style:default-outline-level'])
      if (level >= 1) style.outlineLevel = level
      if (a['style:name']) this.styles.set(`${style.family}:${a['style:name']}`, style)
      this.current = style
      return
    }
    const style = this.current
    if (!style) return
    if (name === 'style:text-properties' && a['fo:font-style']) style.italic = a['fo:font-style'] !== 'normal'
    if (name === 'style:paragraph-properties') {
      if (a['fo:text-align']) style.centred = a['fo:text-align'] === 'center'
      if (BORDERED(a['fo:border-bottom']) || BORDERED(a['fo:border-top']) || BORDERED(a['fo:border'])) style.border = true
      if (a['fo:break-before']) style.breakBefore = a['fo:break-before'] === 'page'
      if (a['fo:break-after']) style.breakAfter = a['fo:break-after'] === 'page'
    }
  }

  onclosetag(name: string): void {
    if (name === 'style:style') this.current = null
    else if (name === this.section) this.inside = false
  }
}
