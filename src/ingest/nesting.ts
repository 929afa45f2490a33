/**
 * htmlparser2 keeps its stack of open elements with `unshift` and `shift`, so each element costs
 * time in proportion to how deep it is opened: 100,000 nested `<div>`s take seconds, a 32 MB
 * file of them hours. No story nests that deep. This pass, linear in the document, leaves out
 * the tags that would open elements past `MAX_DEPTH` (and their closing tags), so the parser's
 * stack stays short; the text between them is kept.
 */
export const MAX_DEPTH = 256

/** Elements that never hold others, and those closed by a sibling of their own kind (`<p><p>`). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
const SIBLING_CLOSED = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'rtc'])
/** Elements whose content is raw text: no tag inside them counts. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])
/** How far down the stack a closing tag is matched; a stray one further down is ignored. */
const MATCH_WINDOW = 64

// A tag's unquoted part stops at the next `<`, so a text of `<a <a <a …` without `>` is read in
// one pass, not once per `<`.
const TAG = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<(\/?)([a-zA-Z][^\s/><]*)(?:[^<>"']|"[^"]*"|'[^']*')*>/g

export function limitNesting(html: string, maxDepth = MAX_DEPTH): string {
  // Fewer tags than the limit cannot nest past it.
  let tags = 0
  for (let i = html.indexOf('<'); i !== -1 && tags <= maxDepth; i = html.indexOf('<', i + 1)) tags++
  if (tags <= maxDepth) return html
  const stack: string[] = []
  const out: string[] = []
  let at = 0
  let raw: string | null = null
  TAG.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TAG.exec(html)) !== null) {
    const [whole, slash, rawName] = m
    if (rawName === undefined) continue // a comment or CDATA: left as it is
    const name = rawName.toLowerCase()
    if (raw !== null) {
      if (slash && name === raw) raw = null
      continue
    }
    if (slash) {
      // Close the element if it is open near the top; drop the tag if it closes one left out.
      const from = Math.max(0, stack.length - MATCH_WINDOW)
      const k = stack.lastIndexOf(name)
      if (k >= from) stack.length = k
      else if (stack.length >= maxDepth) {
        out.push(html.slice(at, m.index))
        at = m.index + whole.length
      }
      continue
    }
    if (VOID.has(name) || whole.endsWith('/>')) continue
    if (RAW.has(name)) {
      // Kept at any depth: its content must stay out of the text. It holds no elements.
      raw = name
      continue
    }
    if (SIBLING_CLOSED.has(name) && stack[stack.length - 1] === name) continue
    if (stack.length >= maxDepth) {
      out.push(html.slice(at, m.index))
      at = m.index + whole.length
      continue
    }
    stack.push(name)
  }
  if (out.length === 0) return html
  out.push(html.slice(at))
  return out.join('')
}
