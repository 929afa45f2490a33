import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { TOOL_NAME, VERSION } from '../version.js'
import type { Comparison } from '../compare/index.js'
import type { CorpusSummary } from '../corpus/summary.js'
import { jsonPieces } from './json.js'
import type { Report } from './types.js'

const require = createRequire(import.meta.url)
const assets = new URL('../../assets/', import.meta.url)

/** The pages' own scripts and style, and Chart.js, each read once and inlined into every page. */
const cache = new Map<string, string>()
function asset(name: 'chart' | 'report.css' | 'common.js' | 'report.js' | 'compare.js' | 'corpus.js'): string {
  let text = cache.get(name)
  if (text === undefined) {
    // Chart.js's UMD build lies beside the entry point its package exports.
    text = readFileSync(name === 'chart' ? join(dirname(require.resolve('chart.js')), 'chart.umd.min.js') : new URL(name, assets), 'utf8')
    cache.set(name, text)
  }
  return text
}

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
const inlineScript = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')

/** Content-Security-Policy of every page: nothing loads from anywhere, inline code only. */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"

interface PageParts {
  title: string
  body: string
  data: unknown
  script: 'report.js' | 'compare.js' | 'corpus.js'
}

/** A page in pieces, its data written piece by piece (see `jsonPieces`). */
function* page({ title, body, data, script }: PageParts): Generator<string> {
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

/**
 * One self-contained HTML page for a report: header, pacing chart with a tense/POV band,
 * sentence rhythm, the sortable scene table, the annotated text and the diagnostics. Every
 * script, style and datum is inline; the page is a view of the report embedded in it.
 */
export function renderReportHtml(report: Report): string {
  return [...reportHtmlPieces(report)].join('')
}

/** The report page in pieces, to write a large one without holding it whole. */
export function reportHtmlPieces(report: Report): Generator<string> {
  const title = report.meta.title ?? report.source.path ?? 'Untitled'
  const body = `<a class="skip" href="#scenes">Skip to the scene table</a>
<header>
<h1 id="title"></h1>
<p class="byline" id="byline"></p>
<div id="meta"></div>
<ul class="figures" id="figures" aria-label="Totals"></ul>
<nav class="toc" aria-label="Sections"><a href="#pacing">Pacing</a><a href="#rhythm">Sentence rhythm</a><a href="#scenes">Scenes</a><a href="#text">Annotated text</a><a href="#diagnostics-h">Diagnostics</a></nav>
</header>
<main>
<section id="pacing" aria-labelledby="pacing-h">
<h2 id="pacing-h">Pacing across the story</h2>
<p class="caption" id="pacing-caption">One mark per scene in story order: its length in words (bars), its mean sentence length and its share of dialogue (lines). Dashed lines are chapter boundaries; the band below shows each scene's tense and point of view, with a dark edge where it shifts. Click a scene to read it.</p>
<ul class="legend" aria-hidden="true"><li><i style="background:var(--words)"></i>words</li><li><i style="background:var(--sentence)"></i>mean sentence length</li><li><i style="background:var(--dialogue)"></i>dialogue %</li><li><i class="past"></i>past</li><li><i class="present"></i>present</li><li><i class="mixed"></i>mixed</li><li><i class="first"></i>first person</li><li><i class="second"></i>second</li><li><i class="third"></i>third</li></ul>
<div class="chart pacing"><canvas id="pacing-chart" role="img" aria-label="Pacing chart: words, mean sentence length and dialogue share per scene"></canvas></div>
<div class="band" id="band"></div>
<details class="data" id="pacing-data"><summary>The pacing chart's data as a table</summary><div class="scroll"></div></details>
</section>
<section id="rhythm" aria-labelledby="rhythm-h">
<h2 id="rhythm-h">Sentence rhythm</h2>
<p class="caption" id="rhythm-caption">Every sentence's length in words, in order; thin lines separate scenes. Runs of tall bars are long, winding passages; runs of short ones are choppy.</p>
<ul class="legend" aria-hidden="true"><li><i style="background:var(--narration)"></i>narration</li><li><i style="background:var(--dialogue)"></i>mostly dialogue</li></ul>
<div class="chart rhythm"><canvas id="rhythm-chart" role="img" aria-label="Sentence rhythm chart: the length of every sentence in order" aria-describedby="rhythm-caption"></canvas></div>
<details class="data" id="rhythm-data"><summary>The rhythm chart's data as a table</summary><div class="scroll"></div></details>
</section>
<section id="scenes" aria-labelledby="scenes-h">
<h2 id="scenes-h">Scenes</h2>
<p class="caption">Sort by any column; select a row to read the scene.</p>
<div class="scenes-wrap"><table class="scenes" id="scene-table"><caption class="sr-only">One row per scene</caption></table></div>
</section>
<section id="text" aria-labelledby="text-h">
<h2 id="text-h">Annotated text</h2>
<ul class="legend" aria-hidden="true"><li><i style="background:var(--dialogue-bg)"></i>dialogue</li><li><i style="background:var(--thought-bg)"></i>thought (italics)</li><li><i style="background:var(--long-bg)"></i>sentence of 40 words or more</li><li><i style="border-bottom:2px solid var(--slip);border-radius:0"></i>tense slip (hover or focus for why)</li></ul>
<div class="story" id="story"></div>
</section>
<section aria-labelledby="diagnostics-h">
<h2 id="diagnostics-h">Diagnostics</h2>
<ul class="diagnostics" id="diagnostics"></ul>
</section>
</main>
<noscript><p>This report needs JavaScript to draw its charts and text; the data is in the JSON report beside it.</p></noscript>`
  return page({ title: `${title} — proselens report`, body, data: report, script: 'report.js' })
}

/** The page setting two versions of a story side by side. */
export function renderCompareHtml(comparison: Comparison): string {
  const name = comparison.new.title ?? comparison.new.path ?? 'Untitled'
  const body = `<header>
<h1 id="title"></h1>
<p class="byline" id="paths"></p>
</header>
<main>
<section aria-labelledby="totals-h">
<h2 id="totals-h">The whole story</h2>
<table class="totals"><thead><tr><th class="text" scope="col"></th><th scope="col">old</th><th scope="col">new</th><th scope="col">change</th></tr></thead><tbody id="totals"></tbody></table>
<p class="caption" id="summary"></p>
</section>
<section aria-labelledby="chart-h">
<h2 id="chart-h">Scene by scene</h2>
<p class="caption" id="chart-caption">Scenes in the new version's order, each beside its earlier self (cut scenes where they stood): length in words and mean sentence length, old and new. Shorter scenes and shorter sentences read faster.</p>
<div class="chart pacing"><canvas id="compare-chart" role="img" aria-label="Words and mean sentence length of each scene, old and new" aria-describedby="chart-caption"></canvas></div>
</section>
<section aria-labelledby="pairs-h">
<h2 id="pairs-h">Matched scenes</h2>
<p class="caption">Scenes are matched by the word pairs they share; a scene rewritten past recognition shows as cut and added.</p>
<div class="scenes-wrap"><table class="scenes" id="pairs"><caption class="sr-only">Each scene of the new version beside the old one</caption></table></div>
</section>
</main>`
  return [...page({ title: `${name} — revision compared — proselens`, body, data: comparison, script: 'compare.js' })].join('')
}

/** The index of a corpus run: every work in a sortable table, distributions, links to reports. */
export function renderCorpusHtml(summary: CorpusSummary & { html?: boolean }): string {
  const histogram = (id: string, title: string) => `<figure class="chart-box"><figcaption class="caption">${title}</figcaption><div class="chart rhythm"><canvas id="${id}" role="img" aria-label="${title}"></canvas></div><details class="data" id="${id}-data"><summary>As a table</summary><div class="scroll"></div></details></figure>`
  const body = `<header>
<h1 id="title"></h1>
<ul class="figures" id="figures" aria-label="Totals"></ul>
</header>
<main>
<section aria-labelledby="dist-h">
<h2 id="dist-h">Across the corpus</h2>
${histogram('words-chart', 'Words per work')}
${histogram('sentence-chart', 'Mean sentence length per work (words)')}
${histogram('dialogue-chart', 'Dialogue share per work (%)')}
</section>
<section aria-labelledby="works-h">
<h2 id="works-h">Works</h2>
<p class="caption">Sort by any column; a title opens the work's own report. The same table is in works.csv, and every scene in scenes.csv.</p>
<div class="scenes-wrap"><table class="scenes" id="works-table"><caption class="sr-only">One row per work</caption></table></div>
</section>
<section aria-labelledby="failures-h">
<h2 id="failures-h">Failures</h2>
<ul class="diagnostics" id="failures"></ul>
</section>
</main>`
  return [...page({ title: `Corpus of ${summary.works} works — proselens`, body, data: summary, script: 'corpus.js' })].join('')
}
