import { page } from '../report/page.js'
import type { CorpusSummary } from './summary.js'

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
<p class="caption" id="works-caption">Sort by any column; a title opens the work's own report. The same table is in works.csv, and every scene in scenes.csv.</p>
<div class="filter"><label for="works-filter">Filter works</label> <input type="search" id="works-filter" autocomplete="off" spellcheck="false" placeholder="title, author, fandom or path" aria-describedby="works-count"> <output id="works-count" for="works-filter" aria-live="polite"></output></div>
<div class="scenes-wrap"><table class="scenes works" id="works-table"><caption class="sr-only">One row per work</caption></table></div>
</section>
<section aria-labelledby="duplicates-h">
<h2 id="duplicates-h">Duplicates</h2>
<p class="caption">Files with the same bytes (the same SHA-256): each text is counted once, as the first path of its group, in the totals and the charts.</p>
<ul class="diagnostics" id="duplicates"></ul>
</section>
<section aria-labelledby="failures-h">
<h2 id="failures-h">Failures</h2>
<ul class="diagnostics" id="failures"></ul>
</section>
</main>`
  return [...page({ title: `Corpus of ${summary.works} works — proselens`, body, data: summary, script: 'corpus.js' })].join('')
}
