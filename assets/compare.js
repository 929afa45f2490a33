/* proselens comparison viewer: two versions of a story side by side, in parts and scene by scene.
 * It draws the comparison embedded in the page and computes nothing; all text (the story's own
 * included) goes through textContent, never as markup. */
;(function () {
  'use strict'
  var el = proselens.el, $ = proselens.$, color = proselens.color, fmt = proselens.fmt, pct = proselens.pct, count = proselens.count
  var data = proselens.data()
  var pairs = data.pairs
  var parts = data.parts || []
  var hasText = typeof data.old.text === 'string' && typeof data.new.text === 'string'
  var signed = function (n, unit) { return n === null || n === undefined ? '–' : (n > 0 ? '+' : n < 0 ? '−' : '±') + fmt(Math.abs(n)) + (unit || '') }
  var tenths = function (n) { return n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }
  var signedTenths = function (n) { return n === null || n === undefined ? '–' : (n > 0 ? '+' : n < 0 ? '−' : '±') + tenths(Math.abs(n)) }
  var shownChange = function (units, show, per) { return units === 0 ? '' : show(units / per) }
  var points = function (share) { return share === null || share === undefined ? null : Math.round(share * 100) }
  var nameOf = function (v) { return v.title || (v.path ? v.path.split(/[\\/]/).pop() : 'text') }
  /* A scene's place, numbered from 1, with its chapter where the version has chapters. */
  var chapters = { old: data.old.chapters, new: data.new.chapters }
  var chapterOf = function (s, version) { return s.chapterTitle || (chapters[version] > 1 ? 'Chapter ' + (s.chapter + 1) : '') }
  var place = function (s, version) { return String(s.index + 1) + (chapterOf(s, version) ? ' · ' + chapterOf(s, version) : '') }

  document.title = nameOf(data.new) + ' — revision compared — proselens'
  $('title').textContent = 'Revision: ' + (nameOf(data.old) === nameOf(data.new) ? nameOf(data.new) : nameOf(data.old) + ' → ' + nameOf(data.new))
  $('paths').textContent = (data.old.path || 'old') + ' → ' + (data.new.path || 'new')

  /* ------------------------------------------------------------ the whole story */
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
  $('summary').textContent = count(counts.kept, 'scene') + ' kept, ' + counts.moved + ' moved, ' + counts.added + ' added, ' + counts.cut + ' cut.'

  /* --------------------------------------------------------------- the parts */
  var partColumns = [
    { label: 'scenes', cell: function (s) { return fmt(s.scenes, 0) }, change: function (c) { return c.scenes ? signed(c.scenes) : '' } },
    { label: 'which scenes', cell: function (s) { return s.firstScene === null ? 'none' : s.firstScene === s.lastScene ? String(s.firstScene + 1) : (s.firstScene + 1) + '–' + (s.lastScene + 1) } },
    { label: 'words', cell: function (s) { return fmt(s.words, 0) }, change: function (c) { return c.words ? signed(c.words) : '' } },
    { label: 'reading (min)', cell: function (s) { return tenths(s.readingMinutes) }, change: function (c) { return c.readingMinutes ? signedTenths(c.readingMinutes) : '' } },
    // The change as the figures shown differ (8.9 → 7.9 is −1.0), rounded as they are.
    { label: 'mean sentence (words)', cell: function (s) { return tenths(s.meanSentenceLength) }, change: function (c, o, n) { return c.meanSentenceLength === null ? '' : shownChange(Math.round(n.meanSentenceLength * 10) - Math.round(o.meanSentenceLength * 10), signedTenths, 10) } },
    { label: 'dialogue', cell: function (s) { return pct(s.dialogueShare) }, change: function (c, o, n) { return c.dialogueShare === null ? '' : shownChange(points(n.dialogueShare) - points(o.dialogueShare), function (d) { return signed(d, ' pts') }, 1) } },
  ]
  var partsTable = $('parts')
  partsTable.appendChild(el('thead', null, [el('tr', null, [el('th', { scope: 'col', class: 'text', text: 'part' })].concat(partColumns.map(function (c) { return el('th', { scope: 'col', text: c.label }) })))]))
  var partsBody = el('tbody')
  parts.forEach(function (p, i) {
    if (i === 3) partsBody.appendChild(el('tr', { class: 'group' }, [el('th', { scope: 'rowgroup', class: 'text', colspan: String(partColumns.length + 1), text: 'By chapter' })]))
    var tr = el('tr', { 'data-part': p.name }, [el('th', { scope: 'row', class: 'text', text: p.name })])
    partColumns.forEach(function (c) {
      var text = (p.old ? c.cell(p.old) : '–') + ' → ' + (p.new ? c.cell(p.new) : '–')
      var td = el('td', { text: text })
      // Only what moved: an unchanged figure has no bracket.
      var moved = c.change && p.change ? c.change(p.change, p.old, p.new) : ''
      if (moved && moved !== '–') td.appendChild(el('span', { class: 'delta', text: ' (' + moved + ')' }))
      tr.appendChild(td)
    })
    partsBody.appendChild(tr)
  })
  partsTable.appendChild(partsBody)

  /* ---------------------------------------------------------------- the chart */
  /* Each version along its own story, x in % of its words: a scene's bar runs from its `from` to
   * its `to`, its mean sentence is a point at its middle. The new line breaks where a scene was
   * cut, the old line where one was added (a null point, and spanGaps off). */
  var pc = function (x) { return Math.round(x * 10000) / 100 }
  function sides(version) {
    var out = []
    pairs.forEach(function (p, i) { if (p[version]) out.push({ side: p[version], pair: i }) })
    if (version === 'old') out.sort(function (a, b) { return a.side.index - b.side.index })
    return out
  }
  function barPoints(version) {
    var pts = []
    sides(version).forEach(function (s) {
      pts.push({ x: pc(s.side.from), y: s.side.words, pair: s.pair, version: version })
      pts.push({ x: pc(s.side.to), y: s.side.words, pair: s.pair, version: version })
    })
    return pts
  }
  /* Is there a pair of the other kind (cut for the new line, added for the old) between pairs i and j? */
  var missing = { new: 'cut', old: 'added' }
  function gapBetween(version, i, j) {
    var lo = Math.min(i, j), hi = Math.max(i, j)
    for (var k = lo + 1; k < hi; k++) if (pairs[k].status === missing[version]) return true
    return false
  }
  function linePoints(version) {
    var pts = []
    var list = sides(version)
    list.forEach(function (s, k) {
      var before = list[k - 1]
      // A scene cut (or added) between two scenes: a null point at their boundary breaks the line.
      if (before ? gapBetween(version, before.pair, s.pair) : pairs.slice(0, s.pair).some(function (p) { return p.status === missing[version] })) pts.push({ x: pc(s.side.from), y: null })
      pts.push({ x: pc((s.side.from + s.side.to) / 2), y: s.side.meanSentence, pair: s.pair, version: version })
    })
    var last = list[list.length - 1]
    if (last && pairs.slice(last.pair + 1).some(function (p) { return p.status === missing[version] })) pts.push({ x: pc(last.side.to), y: null })
    return pts
  }
  var translucent = function (name, alpha) {
    var c = color(name)
    var m = /^#([0-9a-f]{6})$/i.exec(c)
    if (!m) return c
    var v = parseInt(m[1], 16)
    return 'rgba(' + (v >> 16) + ',' + ((v >> 8) & 255) + ',' + (v & 255) + ',' + alpha + ')'
  }
  /* Where each version's middle and end start: the thirds of the parts table, drawn over the chart. */
  var sceneAt = { old: {}, new: {} }
  pairs.forEach(function (p) { ['old', 'new'].forEach(function (v) { if (p[v]) sceneAt[v][p[v].index] = p[v] }) })
  var cuts = []
  parts.slice(1, 3).forEach(function (part) {
    ['old', 'new'].forEach(function (v) {
      var first = part[v] && part[v].firstScene
      if (first !== null && first !== undefined && sceneAt[v][first]) cuts.push({ version: v, name: part.name, x: pc(sceneAt[v][first].from) })
    })
  })
  var partLines = {
    id: 'partLines',
    afterDatasetsDraw: function (chart) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx
      ctx.save()
      ctx.font = '11px system-ui, sans-serif'
      ctx.lineWidth = 1
      cuts.forEach(function (c) {
        var px = x.getPixelForValue(c.x)
        ctx.strokeStyle = ctx.fillStyle = c.version === 'new' ? color('accent') : color('muted')
        ctx.setLineDash(c.version === 'new' ? [] : [4, 3])
        ctx.beginPath()
        ctx.moveTo(px, area.top)
        ctx.lineTo(px, area.bottom)
        ctx.stroke()
        ctx.textAlign = 'left'
        ctx.fillText(c.version + ' ' + c.name, px + 3, c.version === 'new' ? area.top + 10 : area.top + 22)
      })
      ctx.restore()
    },
  }
  if (proselens.chartDefaults()) {
    var lineOf = function (label, version, colour, dash) {
      return { label: label, yAxisID: 'sentence', data: linePoints(version), borderColor: colour, backgroundColor: colour, borderDash: dash, borderWidth: 2, pointRadius: 3, spanGaps: false, order: version === 'new' ? 0 : 1 }
    }
    new window.Chart($('compare-chart'), {
      type: 'line',
      data: {
        datasets: [
          lineOf('new mean sentence', 'new', color('sentence'), []),
          lineOf('old mean sentence', 'old', color('muted'), [4, 3]),
          { label: 'new words', yAxisID: 'words', data: barPoints('new'), borderColor: color('words'), backgroundColor: translucent('words', 0.6), borderWidth: 1, fill: 'origin', pointRadius: 0, pointHitRadius: 4, spanGaps: false, order: 2 },
          { label: 'old words', yAxisID: 'words', data: barPoints('old'), borderColor: color('muted'), backgroundColor: translucent('mixed', 0.3), borderWidth: 1.5, borderDash: [5, 3], fill: 'origin', pointRadius: 0, pointHitRadius: 4, spanGaps: false, order: 3 },
        ],
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              title: function (items) {
                var raw = items[0].raw
                if (!raw || raw.pair === undefined) return ''
                var s = pairs[raw.pair][raw.version]
                return raw.version + ' scene ' + place(s, raw.version) + (pairs[raw.pair].status === 'kept' ? '' : ' (' + pairs[raw.pair].status + ')')
              },
              label: function (item) {
                var raw = item.raw
                var s = pairs[raw.pair][raw.version]
                return item.dataset.yAxisID === 'words' ? count(s.words, 'word') + ', from ' + fmt(pc(s.from)) + '% to ' + fmt(pc(s.to)) + '% of the story' : 'mean sentence ' + fmt(s.meanSentence) + ' words'
              },
            },
          },
        },
        scales: {
          x: { type: 'linear', min: 0, max: 100, title: { display: true, text: 'place in the story (% of its words before)' }, ticks: { stepSize: 10, callback: function (v) { return v + '%' } }, grid: { display: false } },
          words: { position: 'left', beginAtZero: true, title: { display: true, text: 'words' } },
          sentence: { position: 'right', beginAtZero: true, title: { display: true, text: 'mean sentence (words)' }, grid: { display: false } },
        },
      },
      plugins: [partLines],
    })
  }

  /* --------------------------------------------------------- matched scenes */
  var table = $('pairs')
  var head = ['', 'old scene', 'new scene', 'opening (new, else old)', 'words', 'mean sentence', 'dialogue', 'tense', 'POV', 'slips']
  if (hasText) head.push('text')
  table.appendChild(el('thead', null, [el('tr', null, head.map(function (h, i) { return el('th', { scope: 'col', class: h === 'text' ? 'text read-col' : i < 4 ? 'text' : null, text: h }) }))]))
  var body = el('tbody')
  /* The text of a scene of one version, as paragraphs of plain text. */
  function sceneText(version, s) {
    var box = el('section', { class: 'read-side', 'aria-label': version + ' version' })
    box.appendChild(el('h3', { text: s ? version + ' · scene ' + place(s, version) + ' · ' + count(s.words, 'word') : version + ' · not in this version' }))
    if (s) data[version].text.slice(s.start, s.end).split(/\n\s*\n/).forEach(function (para) { box.appendChild(el('p', { text: para })) })
    return box
  }
  pairs.forEach(function (p, i) {
    var c = p.change
    var o = p.old, n = p.new
    var both = function (f, show) { return (o ? show(o[f]) : '–') + ' → ' + (n ? show(n[f]) : '–') }
    var cells = [
      el('td', { class: 'text' }, [el('span', { class: 'tag status-' + p.status, text: p.status })]),
      el('td', { class: 'text', text: o ? place(o, 'old') : '–' }),
      el('td', { class: 'text', text: n ? place(n, 'new') : '–' }),
      el('td', { class: 'text opening', text: (n || o).opening }),
      el('td', { text: both('words', fmt) + (c ? ' (' + signed(c.words) + ')' : '') }),
      el('td', { text: both('meanSentence', fmt) + (c && c.meanSentence !== null ? ' (' + signed(c.meanSentence) + ')' : '') }),
      el('td', { text: both('dialogueShare', pct) }),
      el('td', { class: c && c.tense ? 'changed' : null, text: both('tense', String) }),
      el('td', { class: c && c.pov ? 'changed' : null, text: both('pov', String) }),
      el('td', { text: both('slips', fmt) }),
    ]
    var readRow = null
    if (hasText) {
      var id = 'read-' + i
      var button = el('button', { type: 'button', class: 'read', 'aria-expanded': 'false', 'aria-controls': id, text: 'Read' })
      readRow = el('tr', { id: id, class: 'read-row', hidden: '' })
      var filled = false
      button.addEventListener('click', function () {
        var open = readRow.hidden
        if (open && !filled) {
          filled = true
          readRow.appendChild(el('td', { colspan: String(head.length), class: 'text' }, [el('div', { class: 'read-pair' }, [sceneText('old', o), sceneText('new', n)])]))
        }
        readRow.hidden = !open
        button.setAttribute('aria-expanded', String(open))
        button.textContent = open ? 'Hide' : 'Read'
      })
      cells.push(el('td', { class: 'text read-col' }, [button]))
    }
    body.appendChild(el('tr', { 'data-pair': String(i) }, cells))
    if (readRow) body.appendChild(readRow)
  })
  table.appendChild(body)
  // Ready once the chart has settled at its laid-out size (Chart.js resizes on a frame).
  requestAnimationFrame(function () { requestAnimationFrame(function () { document.documentElement.setAttribute('data-ready', 'true') }) })
})()
