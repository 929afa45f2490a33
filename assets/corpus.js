/* proselens corpus index: every work of a run in one sortable table, with the corpus-wide
 * distributions as charts and a link to each work's own report. Draws the summary embedded in
 * the page and computes nothing; all text goes through textContent. */
;(function () {
  'use strict'
  var el = proselens.el, $ = proselens.$, color = proselens.color, fmt = proselens.fmt, pct = proselens.pct
  var data = proselens.data()
  var rows = data.rows
  var duplicates = data.duplicates || []
  var copies = 0
  // Each path of a duplicate group, with the other paths of its group.
  var groupOf = {}
  duplicates.forEach(function (g) {
    copies += g.length - 1
    g.forEach(function (p) { groupOf[p] = g })
  })
  var root = data.root || ''
  var shortPath = function (p) { return root && p.indexOf(root) === 0 ? p.slice(root.length) : p }
  $('title').textContent = 'Corpus: ' + fmt(data.works, 0) + ' works'
  var figures = [
    [fmt(data.works, 0), 'works'],
    [fmt(data.failed, 0), 'failed'],
    [fmt(data.totals.words, 0), 'words'],
    [fmt(data.totals.scenes, 0), 'scenes'],
    [fmt(data.distributions.meanSentence.median), 'median of mean sentence'],
    [data.distributions.dialoguePercent.median === null ? '–' : fmt(data.distributions.dialoguePercent.median) + '%', 'median dialogue share'],
  ]
  if (copies) figures.splice(2, 0, [fmt(copies, 0), copies === 1 ? 'duplicate file, not counted again' : 'duplicate files, not counted again'])
  // A work with no words is read but not analysed: counted apart, in no chart.
  if (data.empty) figures.splice(1, 0, [fmt(data.empty, 0), 'empty (no words)'])
  figures.forEach(function (f) { $('figures').appendChild(el('li', null, [el('span', { class: 'v', text: f[0] }), el('span', { class: 'k', text: f[1] })])) })

  function histogram(id, dist, label) {
    var labels = dist.histogram.map(function (b) { return b.label })
    var table = el('table', null, [el('thead', null, [el('tr', null, [el('th', { class: 'text', scope: 'col', text: label }), el('th', { scope: 'col', text: 'works' })])])])
    var body = el('tbody')
    dist.histogram.forEach(function (b, i) { body.appendChild(el('tr', null, [el('th', { class: 'text', scope: 'row', text: labels[i] }), el('td', { text: String(b.count) })])) })
    table.appendChild(body)
    $(id + '-data').querySelector('.scroll').appendChild(table)
    if (!proselens.chartDefaults()) return
    new window.Chart($(id), {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'works', data: dist.histogram.map(function (b) { return b.count }), backgroundColor: color('words'), categoryPercentage: 0.95, barPercentage: 0.95 }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { title: { display: true, text: label } }, y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'works' } } } },
    })
  }
  histogram('words-chart', data.distributions.words, 'words per work')
  histogram('sentence-chart', data.distributions.meanSentence, 'mean sentence length (words)')
  histogram('dialogue-chart', data.distributions.dialoguePercent, 'dialogue share')

  var columns = [
    { key: 'title', label: 'Title', text: true, value: function (r) { return r.title || shortPath(r.path) } },
    { key: 'path', label: 'Path', text: true, value: function (r) { return shortPath(r.path) } },
    { key: 'author', label: 'Author', text: true, value: function (r) { return r.author || '' } },
    { key: 'fandom', label: 'Fandom', text: true, value: function (r) { return r.fandom || '' } },
    { key: 'rating', label: 'Rating', text: true, value: function (r) { return r.rating || '' } },
    { key: 'language', label: 'Language', text: true, value: function (r) { return r.language || '' } },
    { key: 'words', label: 'Words', value: function (r) { return r.words }, show: function (v) { return fmt(v, 0) } },
    { key: 'scenes', label: 'Scenes', value: function (r) { return r.scenes } },
    { key: 'chapters', label: 'Chapters', value: function (r) { return r.chapters } },
    { key: 'dialogue', label: 'Dialogue', value: function (r) { return r.dialogueShare }, show: pct },
    { key: 'mean', label: 'Mean sent.', value: function (r) { return r.meanSentence }, show: function (v) { return v === null ? '–' : v.toFixed(1) } },
    { key: 'median', label: 'Median sent.', value: function (r) { return r.medianSentence }, show: fmt },
    { key: 'tense', label: 'Tense', text: true, value: function (r) { return r.tense || '' } },
    { key: 'pov', label: 'POV', text: true, value: function (r) { return r.pov || '' } },
    { key: 'slips', label: 'Slips', value: function (r) { return r.slips } },
  ]
  // A path that wraps only after a slash, never inside a folder's or file's name.
  function pathText(p) {
    var span = el('span')
    p.split(/(?<=[\/\\])/).forEach(function (part, i) {
      if (i) span.appendChild(el('wbr'))
      span.appendChild(el('span', { class: 'seg', text: part }))
    })
    return span
  }
  function pathCell(r) {
    var td = el('td', { class: 'text path', title: r.path }, [pathText(shortPath(r.path))])
    if (r.words === 0) td.appendChild(el('span', { class: 'flag empty', text: 'empty', title: 'No words: the file is empty, or holds only markup, metadata or front matter' }))
    var group = groupOf[r.path]
    if (group) {
      var others = group.filter(function (p) { return p !== r.path }).map(shortPath)
      var counted = group[0] === r.path
      td.appendChild(el('span', {
        class: 'flag duplicate',
        text: counted ? 'duplicate · counted' : 'duplicate · not counted',
        title: (counted ? 'Counted; the same text as ' : 'Not counted again; the same text as ') + others.join(', '),
      }))
    }
    return td
  }
  var table = proselens.sortableTable($('works-table'), columns, rows, {
    sortKey: null,
    row: function (r) {
      var tr = el('tr', { class: groupOf[r.path] ? 'dup' : null })
      columns.forEach(function (c, k) {
        if (c.key === 'path') return tr.appendChild(pathCell(r))
        var v = c.value(r)
        var shown = proselens.display(c, v)
        var td = el('td', { class: (c.text ? 'text ' : '') + 'c-' + c.key })
        if (k === 0 && data.html) td.appendChild(el('a', { href: encodeURI(r.report) + '.html', text: shown }))
        else td.textContent = shown
        tr.appendChild(td)
      })
      return tr
    },
  })

  // The filter: every word typed must be in the title, author, fandom or path (any case).
  var filter = $('works-filter')
  var countOut = $('works-count')
  var haystack = function (r) { return [r.title, r.author, r.fandom, r.path].filter(Boolean).join('\n').toLowerCase() }
  var showCount = function (shown) { countOut.textContent = shown === rows.length ? 'all ' + fmt(rows.length, 0) + ' works shown' : fmt(shown, 0) + ' of ' + fmt(rows.length, 0) + ' works shown' }
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean)
    showCount(table.filter(words.length ? function (r) { var h = haystack(r); return words.every(function (w) { return h.indexOf(w) >= 0 }) } : null))
  }
  filter.addEventListener('input', applyFilter)
  filter.addEventListener('keydown', function (e) { if (e.key === 'Escape' && filter.value) { filter.value = ''; applyFilter() } })
  showCount(rows.length)
  if (copies) $('works-caption').appendChild(document.createTextNode(' One row per file: ' + fmt(rows.length, 0) + ' files hold ' + fmt(data.works, 0) + ' works, duplicates counted once.'))

  var dupList = $('duplicates')
  duplicates.forEach(function (g) {
    var li = el('li', null, [el('span', { class: 'path', text: shortPath(g[0]) }), document.createTextNode(' (counted)')])
    g.slice(1).forEach(function (p) {
      li.appendChild(document.createTextNode(' = '))
      li.appendChild(el('span', { class: 'path', text: shortPath(p) }))
    })
    dupList.appendChild(li)
  })
  if (!duplicates.length) dupList.appendChild(el('li', { text: 'None: every file holds a text of its own.' }))

  var failures = $('failures')
  data.failures.forEach(function (f) { failures.appendChild(el('li', { class: 'error', text: f.error })) })
  if (!data.failures.length) failures.appendChild(el('li', { text: 'None: every work was read.' }))
  requestAnimationFrame(function () { requestAnimationFrame(function () { document.documentElement.setAttribute('data-ready', 'true') }) })
})()
