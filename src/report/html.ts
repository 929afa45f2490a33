import { page } from './page.js'
import type { Report } from './types.js'

export { escapeHtml, scriptJson } from './page.js'

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
<nav class="toc" aria-label="Sections"><a href="#pacing">Pacing</a><a href="#rhythm">Sentence rhythm</a><a href="#scenes">Scenes</a><a href="#slips">Slips and shifts</a><a href="#cast">Characters</a><a href="#text">Annotated text</a><a href="#diagnostics-h">Diagnostics</a></nav>
</header>
<main>
<p class="empty-note" id="empty-note" hidden></p>
<section id="pacing" aria-labelledby="pacing-h">
<h2 id="pacing-h">Pacing across the story</h2>
<p class="caption" id="pacing-caption">One mark per scene in story order: its length in words (bars), its mean sentence length and its share of dialogue (lines). Dashed lines are chapter boundaries, dotted ones possible scene breaks (the detector is unsure); the band below shows each scene's tense and point of view, with a dark edge where it shifts. By story position, each scene is as wide as its share of the words. Click a scene to read it.</p>
<fieldset class="x-mode no-print"><legend>Across the chart:</legend><label><input type="radio" name="x-mode" value="scene" checked> one step per scene</label><label><input type="radio" name="x-mode" value="position"> story position (width by words)</label></fieldset>
<ul class="legend" aria-hidden="true"><li><i style="background:var(--words)"></i>words</li><li><i style="background:var(--sentence)"></i>mean sentence length</li><li><i style="background:var(--dialogue)"></i>dialogue %</li><li><i class="weak-key"></i>possible break</li><li class="narration-key"><i class="past"></i>past</li><li class="narration-key"><i class="present"></i>present</li><li class="narration-key"><i class="mixed"></i>mixed</li><li class="narration-key"><i class="first"></i>first person</li><li class="narration-key"><i class="second"></i>second</li><li class="narration-key"><i class="third"></i>third</li></ul>
<div class="axes" aria-hidden="true"><span>words</span><span id="x-axis-name">scene</span><span>mean sentence (words) · dialogue %</span></div>
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
<p class="caption">Sort by any column; select a row to read the scene. “Starts at” is the share of the story's words before the scene.</p>
<div class="scenes-wrap"><table class="scenes" id="scene-table"><caption class="sr-only">One row per scene</caption></table></div>
</section>
<section id="slips" aria-labelledby="slips-h">
<h2 id="slips-h">Tense slips and point-of-view shifts</h2>
<p class="caption">Each sentence that leaves the scene's tense, and each paragraph that enters another character's head, with the reason. The same marks are in the annotated text.</p>
<ol class="findings" id="findings"></ol>
</section>
<section id="cast" aria-labelledby="cast-h">
<h2 id="cast-h">Characters</h2>
<p class="caption">The story's characters as proselens finds them: the scenes each is present in (speaks, or acts in the narration), their speeches and their share of the dialogue. Hover over a speech in the text to see who says it.</p>
<div class="scenes-wrap"><table class="scenes" id="cast-table"><caption class="sr-only">One row per character</caption></table></div>
</section>
<section id="text" aria-labelledby="text-h">
<h2 id="text-h">Annotated text</h2>
<ul class="legend" aria-hidden="true"><li><i style="background:var(--dialogue-bg)"></i>dialogue (hover for the speaker)</li><li><i style="background:var(--thought-bg)"></i>thought (italics)</li><li><i style="background:var(--thought-bg);border-bottom:1px dotted var(--thought)"></i>unmarked thought</li><li><i style="background:var(--long-bg)"></i>sentence of 40 words or more</li><li><i style="border-bottom:2px solid var(--slip);border-radius:0"></i>tense slip (hover or focus for why)</li><li><i style="border-left:3px solid var(--slip);border-radius:0"></i>point-of-view shift</li></ul>
<p class="caption no-print"><label><input type="checkbox" id="show-speakers"> Show who says each speech</label> <label><input type="checkbox" id="print-text" checked> Include the text when printing</label></p>
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
