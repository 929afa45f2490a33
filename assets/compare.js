/* proselens comparison viewer: two versions of a story side by side, scene by scene. It draws
 * the comparison embedded in the page and computes nothing; all text goes through textContent. */
;(function () {
  'use strict'
  var el = proselens.el, $ = proselens.$, color = proselens.color, fmt = proselens.fmt, pct = proselens.pct
  var data = proselens.data()
  var pairs = data.pairs
  var signed = function (n, unit) { return n === null || n === undefined ? '–' : (n > 0 ? '+' : n < 0 ? '−' : '±') + fmt(Math.abs(n)) + (unit || '') }
  var nameOf = function (v) { return v.title || (v.path ? v.path.split(/[\\/]/).pop() : 'text') }

  document.title = nameOf(data.new) + ' — revision compared — proselens'
  $('title').textContent = 'Revision: ' + nameOf(data.old) + ' → ' + nameOf(data.new)
  $('paths').textContent = (data.old.path || 'old') + ' → ' + (data.new.path || 'new')

  var rows = [
    ['words', 'words', fmt],
    ['scenes', 'scenes', fmt],
    ['chapters', 'chapters', fmt],
    ['mean sentence (words)', 'meanSentence', fmt],
    ['dialogue', 'dialogueShare', pct],
    ['tense', 'tense', String],
    ['point of view', 'pov', String],
    ['tense slips', 'slips', fmt],
  ]
  var totals = $('totals')
  rows.forEach(function (r) {
    var o = data.old[r[1]], n = data.new[r[1]]
    totals.appendChild(el('tr', null, [el('th', { scope: 'row', class: 'text', text: r[0] }), el('td', { text: r[2](o) }), el('td', { text: r[2](n) }), el('td', { text: typeof o === 'number' && typeof n === 'number' ? (r[1] === 'dialogueShare' ? signed(Math.round((n - o) * 100), ' pts') : signed(n - o)) : o === n ? 'same' : 'changed' })]))
  })
  var counts = { kept: 0, moved: 0, added: 0, cut: 0 }
  pairs.forEach(function (p) { counts[p.status]++ })
  $('summary').textContent = counts.kept + ' scenes kept, ' + counts.moved + ' moved, ' + counts.added + ' added, ' + counts.cut + ' cut.'

  var labels = pairs.map(function (p, i) { return p.new ? 'new ' + (p.new.index + 1) : 'cut (old ' + (p.old.index + 1) + ')' })
  if (proselens.chartDefaults()) {
    new window.Chart($('compare-chart'), {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          { label: 'old words', yAxisID: 'words', data: pairs.map(function (p) { return p.old ? p.old.words : null }), backgroundColor: color('mixed') },
          { label: 'new words', yAxisID: 'words', data: pairs.map(function (p) { return p.new ? p.new.words : null }), backgroundColor: color('words') },
          { type: 'line', label: 'old mean sentence', yAxisID: 'sentence', data: pairs.map(function (p) { return p.old ? p.old.meanSentence : null }), borderColor: color('muted'), borderDash: [4, 3], pointRadius: 3, spanGaps: true },
          { type: 'line', label: 'new mean sentence', yAxisID: 'sentence', data: pairs.map(function (p) { return p.new ? p.new.meanSentence : null }), borderColor: color('sentence'), backgroundColor: color('sentence'), pointRadius: 3, spanGaps: true },
        ],
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom' } },
        scales: {
          words: { position: 'left', beginAtZero: true, title: { display: true, text: 'words' } },
          sentence: { position: 'right', beginAtZero: true, title: { display: true, text: 'mean sentence (words)' }, grid: { display: false } },
        },
      },
    })
  }

  var table = $('pairs')
  var head = ['', 'old scene', 'new scene', 'opening (new, else old)', 'words', 'mean sentence', 'dialogue', 'tense', 'POV', 'slips']
  table.appendChild(el('thead', null, [el('tr', null, head.map(function (h, i) { return el('th', { scope: 'col', class: i < 4 ? 'text' : null, text: h }) }))]))
  var body = el('tbody')
  pairs.forEach(function (p) {
    var c = p.change
    var o = p.old, n = p.new
    var both = function (f, show) { return (o ? show(o[f]) : '–') + ' → ' + (n ? show(n[f]) : '–') }
    var cells = [
      el('td', { class: 'text' }, [el('span', { class: 'tag status-' + p.status, text: p.status })]),
      el('td', { class: 'text', text: o ? String(o.index + 1) + (o.chapterTitle ? ' · ' + o.chapterTitle : '') : '–' }),
      el('td', { class: 'text', text: n ? String(n.index + 1) + (n.chapterTitle ? ' · ' + n.chapterTitle : '') : '–' }),
      el('td', { class: 'text opening', text: (n || o).opening }),
      el('td', { text: both('words', fmt) + (c ? ' (' + signed(c.words) + ')' : '') }),
      el('td', { text: both('meanSentence', fmt) + (c && c.meanSentence !== null ? ' (' + signed(c.meanSentence) + ')' : '') }),
      el('td', { text: both('dialogueShare', pct) }),
      el('td', { class: c && c.tense ? 'changed' : null, text: both('tense', String) }),
      el('td', { class: c && c.pov ? 'changed' : null, text: both('pov', String) }),
      el('td', { text: both('slips', fmt) }),
    ]
    body.appendChild(el('tr', null, cells))
  })
  table.appendChild(body)
  document.documentElement.setAttribute('data-ready', 'true')
})()
