/* proselens corpus index: every work of a run in one sortable table, with the corpus-wide
 * distributions as charts and a link to each work's own report. Draws the summary embedded in
 * the page and computes nothing; all text goes through textContent. */
;(function () {
  'use strict'
  var el = proselens.el, $ = proselens.$, color = proselens.color, fmt = proselens.fmt, pct = proselens.pct
  var data = proselens.data()
  var rows = data.rows
  $('title').textContent = 'Corpus: ' + fmt(data.works, 0) + ' works'
  var figures = [
    [fmt(data.works, 0), 'works analysed'],
    [fmt(data.failed, 0), 'failed'],
    [fmt(data.totals.words, 0), 'words'],
    [fmt(data.totals.scenes, 0), 'scenes'],
    [fmt(data.distributions.meanSentence.median), 'median of mean sentence'],
    [data.distributions.dialoguePercent.median === null ? '–' : fmt(data.distributions.dialoguePercent.median) + '%', 'median dialogue share'],
  ]
  figures.forEach(function (f) { $('figures').appendChild(el('li', null, [el('span', { class: 'v', text: f[0] }), el('span', { class: 'k', text: f[1] })])) })

  function histogram(id, dist, label) {
    var labels = dist.histogram.map(function (b, i) {
      var next = dist.histogram[i + 1]
      return next ? fmt(b.from, 0) + '–' + fmt(next.from, 0) : fmt(b.from, 0) + '+'
    })
    var table = el('table', null, [el('thead', null, [el('tr', null, [el('th', { class: 'text', scope: 'col', text: label }), el('th', { scope: 'col', text: 'works' })])])])
    var body = el('tbody')
    dist.histogram.forEach(function (b, i) { body.appendChild(el('tr', null, [el('th', { class: 'text', scope: 'row', text: labels[i] }), el('td', { text: String(b.count) })])) })
    table.appendChild(body)
    $(id + '-data').querySelector('.scroll').appendChild(table)
    if (!proselens.chartDefaults()) return
    new window.Chart($(id), {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'works', data: dist.histogram.map(function (b) { return b.count }), backgroundColor: color('words') }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { title: { display: true, text: label } }, y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'works' } } } },
    })
  }
  histogram('words-chart', data.distributions.words, 'words per work')
  histogram('sentence-chart', data.distributions.meanSentence, 'mean sentence length')
  histogram('dialogue-chart', data.distributions.dialoguePercent, 'dialogue %')

  var columns = [
    { key: 'title', label: 'Title', text: true, value: function (r) { return r.title || r.path } },
    { key: 'author', label: 'Author', text: true, value: function (r) { return r.author || '' } },
    { key: 'rating', label: 'Rating', text: true, value: function (r) { return r.rating || '' } },
    { key: 'words', label: 'Words', value: function (r) { return r.words }, show: function (v) { return fmt(v, 0) } },
    { key: 'scenes', label: 'Scenes', value: function (r) { return r.scenes } },
    { key: 'chapters', label: 'Chapters', value: function (r) { return r.chapters } },
    { key: 'dialogue', label: 'Dialogue', value: function (r) { return r.dialogueShare }, show: pct },
    { key: 'mean', label: 'Mean sent.', value: function (r) { return r.meanSentence }, show: fmt },
    { key: 'median', label: 'Median sent.', value: function (r) { return r.medianSentence }, show: fmt },
    { key: 'tense', label: 'Tense', text: true, value: function (r) { return r.tense || '' } },
    { key: 'pov', label: 'POV', text: true, value: function (r) { return r.pov || '' } },
    { key: 'slips', label: 'Slips', value: function (r) { return r.slips } },
  ]
  proselens.sortableTable($('works-table'), columns, rows, {
    sortKey: null,
    row: function (r) {
      var tr = el('tr')
      columns.forEach(function (c, k) {
        var v = c.value(r)
        var shown = proselens.display(c, v)
        var td = el('td', { class: c.text ? 'text' : null })
        if (k === 0 && data.html) td.appendChild(el('a', { href: encodeURI(r.report) + '.html', text: shown }))
        else td.textContent = shown
        tr.appendChild(td)
      })
      return tr
    },
  })
  var failures = $('failures')
  data.failures.forEach(function (f) { failures.appendChild(el('li', { class: 'error', text: f.error })) })
  if (!data.failures.length) failures.appendChild(el('li', { text: 'None: every work was read.' }))
  requestAnimationFrame(function () { requestAnimationFrame(function () { document.documentElement.setAttribute('data-ready', 'true') }) })
})()
