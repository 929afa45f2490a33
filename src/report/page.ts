import { TOOL_NAME, VERSION } from '../version.js'
import { ASSETS, CHART_JS } from './assets.generated.js'
import { jsonPieces } from './json.js'

/** The pages' own scripts and style (assets/), and Chart.js, inlined into every page. */
function asset(name: 'chart' | 'report.css' | 'common.js' | PageScript): string {
  const text = name === 'chart' ? CHART_JS : ASSETS[name]
  if (text === undefined) throw new Error(`no page asset ${name}: run node scripts/gen-assets.mjs`)
  return text
}

/** The script that draws a page from its data. */
export type PageScript = 'report.js' | 'compare.js' | 'corpus.js'

/** Escape text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/**
 * JSON safe inside a `<script type="application/json">` element: `<` (and so `</script>` and
 * `<!--`), `>`, `&` and the line separators are written as `\u` escapes, which JSON.parse reads
 * back unchanged.
 */
export function scriptJson(data: unknown): string {
  return escapeScriptJson(JSON.stringify(data))
}

const escapeScriptJson = (json: string) =>
  json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

/** Inline script text that cannot close its element early. */
export const inlineScript = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')

/** Content-Security-Policy of every page: nothing loads from anywhere, inline code only. */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"

export interface PageParts {
  title: string
  body: string
  data: unknown
  script: PageScript
}

/** A page in pieces, its data written piece by piece (see `jsonPieces`). */
export function* page({ title, body, data, script }: PageParts): Generator<string> {
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${TOOL_NAME} ${VERSION}">
<title>${escapeHtml(title)}</title>
<style>${asset('report.css').replace(/<\/(style)/gi, '<\\/$1')}</style>
</head>
<body>
${body}
<footer>Made by ${TOOL_NAME} ${VERSION}. This page works offline and sends nothing anywhere. Charts drawn with Chart.js (MIT licence).</footer>
<script type="application/json" id="proselens-data">`
  for (const piece of jsonPieces(data as object, { pretty: false })) yield escapeScriptJson(piece)
  yield `</script>
<script>${inlineScript(asset('chart'))}</script>
<script>${inlineScript(asset('common.js'))}
${inlineScript(asset(script))}</script>
</body>
</html>
`
}

