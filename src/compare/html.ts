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
<section aria-labelledby="parts-h">
<h2 id="parts-h">The story in parts</h2>
<p class="caption" id="parts-caption">Each draft is cut into thirds by its own words, at the scene break nearest a third and two thirds of the way through, so a part is whole scenes (a story of fewer than three scenes leaves a part empty); then its chapters, matched by the scenes they share. Old → new, with the change in brackets; shorter sentences and more dialogue read faster.</p>
<div class="scenes-wrap"><table class="parts" id="parts"><caption class="sr-only">Beginning, middle, end and chapters of the story, old beside new</caption></table></div>
</section>
<section aria-labelledby="chart-h">
<h2 id="chart-h">Scene by scene</h2>
<p class="caption" id="chart-caption">Both versions along the story, from its first word (0%) to its last (100%): each scene's bar runs from the share of the words before it to its end, so a long scene takes its real width; its height is its length in words, and the line its mean sentence length. A gap in the new line is a scene cut there, in the old line a scene added. Shorter scenes and shorter sentences read faster.</p>
<div class="chart pacing"><canvas id="compare-chart" role="img" aria-label="Words and mean sentence length of each scene along the story, old and new" aria-describedby="chart-caption"></canvas></div>
</section>
<section aria-labelledby="pairs-h">
<h2 id="pairs-h">Matched scenes</h2>
<p class="caption" id="pairs-caption">Scenes are matched by the word pairs they share; a scene rewritten past recognition shows as cut and added. Scenes and chapters are numbered from 1.</p>
<div class="scenes-wrap"><table class="scenes" id="pairs"><caption class="sr-only">Each scene of the new version beside the old one</caption></table></div>
</section>
</main>`
  return [...page({ title: `${name} — revision compared — proselens`, body, data: comparison, script: 'compare.js' })].join('')
}
