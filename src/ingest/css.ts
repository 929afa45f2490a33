/** Inline styles and CSS rules that italicise or centre text (as Google Docs exports set them). */
export const ITALIC_STYLE = /font-style\s*:\s*(?:italic|oblique)/i
export const CENTRED_STYLE = /text-align\s*:\s*center/i
const CSS_RULE = /([^{}]+)\{([^{}]*)\}/g
const CSS_CLASS = /\.([\w-]+)\s*(?:,|$)/g

/** Collect the CSS classes that italicise or centre (Google Docs styles paragraphs by class). */
export function learnClasses(css: string, italic: Set<string>, centred: Set<string>): void {
  for (const m of css.matchAll(CSS_RULE)) {
    const selectors = m[1]!
    const body = m[2]!
    const isItalic = ITALIC_STYLE.test(body)
    const isCentred = CENTRED_STYLE.test(body)
    if (!isItalic && !isCentred) continue
    for (const c of selectors.matchAll(CSS_CLASS)) {
      if (isItalic) italic.add(c[1]!)
      if (isCentred) centred.add(c[1]!)
    }
  }
}
