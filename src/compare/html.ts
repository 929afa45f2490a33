import { page } from '../report/page.js'
import type { Comparison } from './index.js'

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
