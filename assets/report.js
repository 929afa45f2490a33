/* proselens report viewer. It draws the report embedded in the page (JSON in
 * <script id="proselens-data">) and computes nothing of its own: every figure comes from the
 * report. All story text and metadata reach the page through textContent, never as markup. */
;(function () {
  'use strict'
  var LONG_SENTENCE = 40
  var SHORT = { first: '1st', second: '2nd', third: '3rd', present: 'pres.', mixed: 'mixed', past: 'past' }
  var el = proselens.el, $ = proselens.$, color = proselens.color, fmt = proselens.fmt, pct = proselens.pct
  /* The slips shown by default (the rest of the list is in the JSON, judged less likely). */
  var shownSlips = function (t) { return t.slips.filter(function (x) { return x.shown }) }
  var chartsOk = proselens.chartDefaults()

  /* Measures made by English rules are null where a span is not in English: the page draws them
   * as not measured (the stand-ins below show nothing), and says why in one line. */
  var NOT_MEASURED = { tense: { dominant: null, slips: [] }, pov: { dominant: null, character: null }, unmarkedThought: { share: null, words: 0, spans: [] }, povShifts: [], embedded: [], characters: [] }
  function viewOf(m) {
    var out = Object.assign({}, m)
    Object.keys(NOT_MEASURED).forEach(function (k) { if (out[k] === null) { out[k] = NOT_MEASURED[k]; out.notMeasured = true } })
    if (out.dialogue && out.dialogue.speakers === null) out.dialogue = Object.assign({}, out.dialogue, { speakers: [] })
    return out
  }
  var isEnglish = function (code) { return code === null || code === undefined || /^en(-|$)/.test(code) }
  function languageName(code) {
    try { return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) || code } catch (e) { return code }
  }

  /* Listeners on elements that outlive one drawing (the window, the canvases, the data tables'
   * <details>), taken off before the next drawing so a redrawn page reacts once, to new data. */
  var held = []
  function on(target, type, fn) {
    target.addEventListener(type, fn)
    held.push([target, type, fn])
  }
  function release() {
    held.forEach(function (h) { h[0].removeEventListener(h[1], h[2]) })
    held = []
  }
  /* The canvas's chart from an earlier drawing, destroyed so a new one can take its place. */
  function freshCanvas(id) {
    var canvas = $(id)
    var old = window.Chart.getChart(canvas)
    if (old) old.destroy()
    return canvas
  }

  /* ------------------------------------------------------------ navigation */
  function goToScene(i) {
    var target = $('scene-' + i)
    if (!target) return
    target.scrollIntoView({ block: 'start' })
    target.classList.remove('flash')
    void target.offsetWidth
    target.classList.add('flash')
    var link = target.querySelector('.scene-head a')
    if (link) link.focus({ preventScroll: true })
    if (history.replaceState) history.replaceState(null, '', '#scene-' + i)
  }

  /**
   * Draw a report into the page: every container it fills is emptied first and every chart
   * replaced, so it can run again on new data (the live view of `proselens watch`).
   */
  function draw(report) {
    release()
    window.proselensReport = report
    var scenes = report.scenes.map(viewOf)
    var chapters = report.chapters.map(viewOf)
    var totals = viewOf(report.totals)
    var text = typeof report.text === 'string' ? report.text : null
    var chapterOf = function (s) { return chapters[s.chapter] }
    var chapterName = function (c) { return c.title || (chapters.length > 1 ? 'Chapter ' + (c.index + 1) : '') }
    var sceneLabel = function (s) { return 'Scene ' + (s.number || s.index + 1) }
    var sidecar = (report.source.path ? report.source.path.split(/[\\/]/).pop().replace(/\.[^.]+$/, '') : 'story') + '.proselens.yaml'
    var weakNote = function (s) { return 'Possible break (confidence ' + Math.round(s.break.confidence * 100) + '%): to confirm it, list “' + s.opening.split(' ').slice(0, 4).join(' ') + '” under breaks: in ' + sidecar + '; to undo it, under notBreaks:.' }
    var position = function (s) { return typeof s.position === 'number' ? s.position : 0 }
    var xMode = (document.querySelector('input[name="x-mode"]:checked') || { value: 'scene' }).value

    /* An empty story: one message, not a dashboard of zeros. */
    var empty = report.totals.words === 0
    document.body.classList.toggle('empty-story', empty)
    var emptyNote = $('empty-note')
    if (emptyNote) {
      emptyNote.hidden = !empty
      emptyNote.textContent = empty ? 'This file has no words to analyse: it is empty, or holds only markup, metadata or front matter. There is nothing to chart.' : ''
    }

    /* ---------------------------------------------------------------- header */
    var meta = report.meta || {}
    var title = meta.title || (report.source.path ? report.source.path.split(/[\\/]/).pop() : 'Untitled')
    document.title = title + ' — proselens report'
    $('title').textContent = title
    $('byline').textContent = meta.author ? 'by ' + meta.author : ''
    var metaBox = $('meta')
    var notesOpen = !!metaBox.querySelector('details.notes[open]')
    metaBox.textContent = ''
    function metaLine(label, value) {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return
      var v = Array.isArray(value) ? value.join(', ') : String(value)
      metaBox.appendChild(el('p', { class: 'meta-line' }, [el('b', { text: label + ': ' }), document.createTextNode(v)]))
    }
    metaLine('Rating', meta.rating)
    metaLine('Fandom', meta.fandom)
    metaLine('Warnings', meta.warnings)
    metaLine('Relationships', meta.relationships)
    metaLine('Characters', meta.characters)
    metaLine('Tags', meta.tags)
    metaLine('Summary', meta.summary)
    if (meta.languageCode) metaLine('Language', languageName(meta.languageCode) + (meta.languageSource === 'detected' ? ' (found from the text)' : ''))
    metaLine('Source', (report.source.path || 'text') + ' (' + report.source.format + ', ' + report.source.encoding + ')')
    if (meta.notes && meta.notes.length) {
      var notes = el('details', { class: 'notes' }, [el('summary', { text: "Author's notes (" + meta.notes.length + ')' })])
      notes.open = notesOpen
      meta.notes.forEach(function (n) { notes.appendChild(el('p', { text: n })) })
      metaBox.appendChild(notes)
    }
    var t = totals
    var figures = [
      [fmt(t.words, 0), 'words'],
      [fmt(scenes.length, 0), scenes.length === 1 ? 'scene' : 'scenes'],
      [fmt(chapters.length, 0), chapters.length === 1 ? 'chapter' : 'chapters'],
      [t.readingMinutes === null ? null : t.readingMinutes >= 60 ? Math.floor(t.readingMinutes / 60) + ' h ' + Math.round(t.readingMinutes % 60) + ' min' : Math.round(t.readingMinutes) + ' min', 'reading time'],
      [pct(t.dialogue.share), 'dialogue'],
      [t.thought ? pct(t.thought.share) : t.notMeasured ? null : '–', 'thought (italics)'],
      [t.notMeasured ? null : pct(t.unmarkedThought.share), 'unmarked thought'],
      [fmt(t.sentenceLength.mean), 'mean sentence (words)'],
      [t.notMeasured ? null : t.tense.dominant || '–', 'dominant tense'],
      [t.notMeasured ? null : t.pov.dominant ? t.pov.dominant + ' person' : '–', 'point of view'],
      [t.notMeasured ? null : fmt(shownSlips(t.tense).length, 0), 'tense slips'],
    ]
    var figList = $('figures')
    figList.textContent = ''
    figures.forEach(function (f) { if (f[0] !== null) figList.appendChild(el('li', null, [el('span', { class: 'v', text: f[0] }), el('span', { class: 'k', text: f[1] })])) })
    /* One line on what is not measured, and why: a work, or chapters, not in English. */
    var note = $('language-note')
    if (!note) {
      note = el('p', { id: 'language-note', class: 'language-note' })
      figList.parentNode.insertBefore(note, figList.nextSibling)
    }
    var others = chapters.filter(function (c) { return !isEnglish(c.language) })
    note.textContent = t.notMeasured
      ? 'Tense and point of view are measured for English only; this work is in ' + languageName(meta.languageCode || (others[0] && others[0].language)) + '.'
      : others.length
        ? 'Tense and point of view are measured for English only; ' + (others.length === 1 ? 'chapter ' + (others[0].index + 1) + ' is in ' + languageName(others[0].language) + ', so its scenes are' : others.length + ' chapters are in other languages (' + others.map(function (c) { return c.index + 1 + ': ' + languageName(c.language) }).join(', ') + '), so their scenes are') + ' not measured.'
        : ''
    note.hidden = note.textContent === ''
    // The tense and POV colours' key, where the band has them.
    Array.prototype.forEach.call(document.querySelectorAll('.narration-key'), function (li) { li.hidden = !!t.notMeasured })

    /* ---------------------------------------------------------------- charts */
    var sceneLabels = scenes.map(function (s) { return String(s.index + 1) })
    var chapterStarts = chapters.map(function (c) { return c.scenes[0] }).filter(function (i) { return i !== undefined && i > 0 })
    var weakStarts = scenes.filter(function (s) { return s.break.weak }).map(function (s) { return s.index })
    /* The x pixel where scene i starts: between two bars by scene, at its position by story position. */
    function startPixel(chart, i) {
      var x = chart.scales.x
      if (xMode === 'position') return x.getPixelForValue(position(scenes[i]) * 100)
      return (x.getPixelForValue(i - 1) + x.getPixelForValue(i)) / 2
    }
    var chapterLines = {
      id: 'chapterLines',
      afterDatasetsDraw: function (chart) {
        var area = chart.chartArea
        var ctx = chart.ctx
        ctx.save()
        ctx.lineWidth = 1
        ctx.strokeStyle = color('muted')
        ctx.setLineDash([4, 3])
        chapterStarts.forEach(function (i) { line(startPixel(chart, i)) })
        // A possible break: dotted, with a question mark over it.
        ctx.strokeStyle = color('slip')
        ctx.fillStyle = color('slip')
        ctx.setLineDash([1, 3])
        ctx.font = '600 11px system-ui, sans-serif'
        ctx.textAlign = 'center'
        weakStarts.forEach(function (i) {
          var px = startPixel(chart, i)
          line(px)
          ctx.fillText('?', px, area.top + 10)
        })
        ctx.restore()
        function line(px) {
          ctx.beginPath()
          ctx.moveTo(px, area.top)
          ctx.lineTo(px, area.bottom)
          ctx.stroke()
        }
      },
    }
    var baseOptions = function () {
      return {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { display: false } },
        scales: {},
      }
    }

    /* The pacing chart drawn last (it is drawn again when the reader changes the x axis). */
    var pacing = null
    function pacingChart() {
      var canvas = freshCanvas('pacing-chart')
      var byPosition = xMode === 'position'
      var opts = baseOptions()
      // The axes are named in the page's text above the chart (so they print and read as text).
      opts.scales = {
        x: byPosition
          ? { type: 'linear', min: 0, max: 100, ticks: { callback: function (v) { return v + '%' } }, grid: { display: false } }
          : { grid: { display: false } },
        words: { position: 'left', beginAtZero: true },
        sentence: { position: 'right', beginAtZero: true, grid: { display: false } },
        share: { position: 'right', min: 0, max: 100, grid: { display: false } },
      }
      var sceneAt = function (items) {
        var item = items[0]
        return byPosition ? scenes[item.raw.scene] : scenes[item.dataIndex]
      }
      opts.plugins.tooltip = {
        callbacks: {
          title: function (items) {
            var s = sceneAt(items)
            var c = chapterOf(s)
            return sceneLabel(s) + (c && chapterName(c) ? ' · ' + chapterName(c) : '') + (byPosition ? ' · starts at ' + pct(position(s)) : '')
          },
          label: function (item) { return item.dataset.label + ': ' + (item.dataset.yAxisID === 'share' ? item.raw.y !== undefined ? item.raw.y : item.raw : fmt(item.raw.y !== undefined ? item.raw.y : item.raw)) },
          afterBody: function (items) {
            var s = sceneAt(items)
            return ['tense: ' + (s.tense.dominant || '–') + ', POV: ' + (s.pov.dominant || '–') + (s.pov.character ? ' (' + s.pov.character + ')' : ''), '“' + s.opening + '…”'].concat(s.break.weak ? ['possible break'] : [])
          },
        },
      }
      var words = color('words')
      // A scene after a possible break is drawn lighter.
      var wordColors = scenes.map(function (s) { return s.break.weak ? proselens.fade(words) : words })
      var total = report.totals.words || 1
      var middle = function (s) { return (position(s) + s.words / total / 2) * 100 }
      var datasets
      if (byPosition) {
        opts.interaction = { mode: 'nearest', axis: 'x', intersect: false }
        // Each scene a step as wide as its words: a point at its start, held to the next one.
        var steps = scenes.map(function (s) { return { x: position(s) * 100, y: s.words, scene: s.index } })
        if (scenes.length) steps.push({ x: 100, y: scenes[scenes.length - 1].words, scene: scenes.length - 1 })
        datasets = [
          { type: 'line', label: 'words', yAxisID: 'words', data: steps, stepped: 'before', fill: 'origin', borderColor: words, backgroundColor: proselens.fade(words), pointRadius: 0, borderWidth: 1, order: 3 },
          { type: 'line', label: 'mean sentence length', yAxisID: 'sentence', data: scenes.map(function (s) { return { x: middle(s), y: s.sentenceLength.mean, scene: s.index } }), borderColor: color('sentence'), backgroundColor: color('sentence'), pointRadius: 3, tension: 0.2, order: 1 },
          { type: 'line', label: 'dialogue %', yAxisID: 'share', data: scenes.map(function (s) { return { x: middle(s), y: s.dialogue.share === null ? null : Math.round(s.dialogue.share * 100), scene: s.index } }), borderColor: color('dialogue'), backgroundColor: color('dialogue'), borderDash: [5, 3], pointRadius: 3, tension: 0.2, order: 2 },
        ]
      } else {
        datasets = [
          { type: 'bar', label: 'words', yAxisID: 'words', data: scenes.map(function (s) { return s.words }), backgroundColor: wordColors, order: 3 },
          { type: 'line', label: 'mean sentence length', yAxisID: 'sentence', data: scenes.map(function (s) { return s.sentenceLength.mean }), borderColor: color('sentence'), backgroundColor: color('sentence'), pointRadius: 3, tension: 0.2, order: 1 },
          { type: 'line', label: 'dialogue %', yAxisID: 'share', data: scenes.map(function (s) { return s.dialogue.share === null ? null : Math.round(s.dialogue.share * 100) }), borderColor: color('dialogue'), backgroundColor: color('dialogue'), borderDash: [5, 3], pointRadius: 3, tension: 0.2, order: 2 },
        ]
      }
      // The band is placed again whenever the chart lays itself out (a resize, print).
      var bandPlacer = { id: 'bandPlacer', afterLayout: function (c) { alignBand(c) } }
      var chart = new window.Chart(canvas, { type: byPosition ? 'line' : 'bar', data: { labels: byPosition ? undefined : sceneLabels, datasets: datasets }, options: opts, plugins: [chapterLines, bandPlacer] })
      $('x-axis-name').textContent = byPosition ? 'story position (share of words before)' : 'scene'
      canvas.setAttribute('aria-describedby', 'pacing-caption')
      pacing = chart
      alignBand(chart)
      return chart
    }

    function band() {
      var box = $('band')
      box.textContent = ''
      // Not drawn for a work not in English, where neither is measured.
      var rows = totals.notMeasured ? [] : [['tense', function (s) { return s.tense.dominant }], ['POV', function (s) { return s.pov.dominant }]]
      rows.forEach(function (row) {
        var r = el('div', { class: 'row', role: 'list', 'aria-label': row[0] + ' by scene' }, [el('span', { class: 'label', text: row[0], 'aria-hidden': 'true' })])
        var prev = null
        scenes.forEach(function (s, i) {
          var v = row[1](s)
          var cell = el('div', { class: 'cell ' + (v || 'none') + (prev !== null && v !== prev ? ' shift' : '') + (s.break.weak ? ' weak' : ''), role: 'listitem', title: sceneLabel(s) + ': ' + (v || 'unknown') + (prev !== null && v !== prev ? ' (shift)' : '') + (s.break.weak ? ' · possible break' : ''), text: scenes.length <= 40 && v && xMode === 'scene' ? (SHORT[v] || v) : '' })
          // By story position a scene's cell is as wide as its words.
          if (xMode === 'position') cell.style.flex = Math.max(s.words, 1) + ' 1 0'
          cell.addEventListener('click', function () { goToScene(i) })
          r.appendChild(cell)
          prev = v
        })
        box.appendChild(r)
      })
    }
    function alignBand(chart) {
      var box = $('band')
      var area = chart.chartArea
      if (!area || !chart.width) return
      // In shares of the chart's width, so the band stays under the bars when the chart is scaled (in print).
      box.style.marginLeft = (100 * area.left) / chart.width + '%'
      box.style.width = (100 * (area.right - area.left)) / chart.width + '%'
    }

    function rhythmChart() {
      var canvas = freshCanvas('rhythm-chart')
      var data = []
      var colors = []
      var sceneOfBar = []
      var dialogueColor = color('dialogue')
      var narrationColor = color('narration')
      scenes.forEach(function (s, si) {
        s.sentenceSpans.forEach(function (span) {
          data.push(span[2])
          colors.push(span[3] * 2 > span[2] ? dialogueColor : narrationColor)
          sceneOfBar.push(si)
        })
      })
      var sceneStarts = []
      scenes.forEach(function (s, si) { if (si > 0) sceneStarts.push(sceneOfBar.indexOf(si)) })
      var opts = baseOptions()
      opts.interaction = { mode: 'index', intersect: false }
      opts.scales = {
        x: { display: false },
        y: { beginAtZero: true, title: { display: true, text: 'words' } },
      }
      opts.plugins.tooltip = {
        callbacks: {
          title: function (items) { var s = scenes[sceneOfBar[items[0].dataIndex]]; return 'Sentence ' + (items[0].dataIndex + 1) + ' · ' + sceneLabel(s) },
          label: function (item) { return item.raw + ' words' + (colors[item.dataIndex] === dialogueColor ? ' (mostly dialogue)' : '') },
        },
      }
      var sceneLines = {
        id: 'sceneLines',
        afterDatasetsDraw: function (chart) {
          var x = chart.scales.x
          var ctx = chart.ctx
          ctx.save()
          ctx.strokeStyle = color('line')
          sceneStarts.forEach(function (i) {
            var px = x.getPixelForValue(i) - (x.getPixelForValue(1) - x.getPixelForValue(0)) / 2
            ctx.beginPath()
            ctx.moveTo(px, chart.chartArea.top)
            ctx.lineTo(px, chart.chartArea.bottom)
            ctx.stroke()
          })
          ctx.restore()
        },
      }
      var chart = new window.Chart(canvas, {
        type: 'bar',
        data: { labels: data.map(function (_, i) { return i + 1 }), datasets: [{ label: 'sentence length', data: data, backgroundColor: colors, categoryPercentage: 1, barPercentage: data.length > 400 ? 1 : 0.85 }] },
        options: opts,
        plugins: [sceneLines],
      })
      onPick(chart, canvas, function (i) { goToScene(sceneOfBar[i]) })
      on(window, 'beforeprint', function () { chart.resize() })
      return chart
    }

    /* Clicks are read at once from the native event (Chart.js's own handler waits for a frame). */
    function onPick(chart, canvas, go) {
      on(canvas, 'click', function (evt) {
        var found = chart.getElementsAtEventForMode(evt, 'index', { intersect: false }, false)
        if (found.length) go(found[0].index)
      })
    }

    /* ----------------------------------------------- data tables for charts */
    function dataTable(detailsId, head, rows) {
      var details = $(detailsId)
      var filled = false
      details.querySelector('.scroll').textContent = ''
      on(details, 'toggle', fill)
      if (details.open) fill()
      function fill() {
        if (filled || !details.open) return
        filled = true
        var table = el('table', null, [el('thead', null, [el('tr', null, head.map(function (h, i) { return el('th', { scope: 'col', class: i === 0 ? 'text' : null, text: h }) }))])])
        var body = el('tbody')
        rows().forEach(function (r) { body.appendChild(el('tr', null, r.map(function (v, i) { return el(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: i === 0 ? 'text' : null, text: v }) }))) })
        table.appendChild(body)
        details.querySelector('.scroll').appendChild(table)
      }
    }
    dataTable('pacing-data', ['scene', 'chapter', 'starts at', 'words', 'mean sentence', 'dialogue', 'tense', 'POV'], function () {
      return scenes.map(function (s) { return [String(s.index + 1) + (s.break.weak ? ' (possible break)' : ''), chapterName(chapterOf(s)) || '–', pct(position(s)), fmt(s.words, 0), fmt(s.sentenceLength.mean), pct(s.dialogue.share), s.tense.dominant || '–', s.pov.dominant || '–'] })
    })
    dataTable('rhythm-data', ['sentence', 'scene', 'words', 'mostly'], function () {
      var rows = []
      scenes.forEach(function (s) { s.sentenceSpans.forEach(function (span) { rows.push([String(rows.length + 1), String(s.index + 1), String(span[2]), span[3] * 2 > span[2] ? 'dialogue' : 'narration']) }) })
      return rows
    })

    /* ----------------------------------------------------------- scene table */
    var columns = [
      { key: 'n', label: '#', ascendingFirst: true, value: function (s) { return s.index + 1 } },
      { key: 'chapter', label: 'Chapter', text: true, value: function (s) { return chapterName(chapterOf(s)) || '' }, sortValue: function (s) { return s.chapter } },
      { key: 'opening', label: 'Opening', text: true, value: function (s) { return s.opening } },
      { key: 'starts', label: 'Starts at', value: function (s) { return position(s) }, show: pct },
      { key: 'words', label: 'Words', value: function (s) { return s.words } },
      { key: 'sentences', label: 'Sentences', value: function (s) { return s.sentences } },
      { key: 'mean', label: 'Mean sent.', value: function (s) { return s.sentenceLength.mean }, show: fmt },
      { key: 'median', label: 'Median sent.', value: function (s) { return s.sentenceLength.median }, show: fmt },
      { key: 'dialogue', label: 'Dialogue', value: function (s) { return s.dialogue.share }, show: pct },
      { key: 'tense', label: 'Tense', text: true, value: function (s) { return s.tense.dominant || '' } },
      { key: 'pov', label: 'POV', text: true, value: function (s) { return s.pov.dominant || '' } },
      { key: 'character', label: 'POV character', text: true, value: function (s) { return s.pov.character || '' } },
      { key: 'characters', label: 'Characters', text: true, value: function (s) { return s.characters.filter(function (c) { return c.present }).slice(0, 4).map(function (c) { return c.name }).join(', ') } },
      { key: 'slips', label: 'Slips', value: function (s) { return shownSlips(s.tense).length } },
    ]
    // A writing app's project names its scenes, and its writer may have tagged whose scene it is:
    // the writer's words stand beside what proselens measured.
    function stated(key) { return scenes.some(function (s) { return s.meta && s.meta[key] }) }
    if (stated('title')) columns.splice(2, 0, { key: 'title', label: 'Scene', text: true, value: function (s) { return (s.meta && s.meta.title) || '' } })
    if (stated('pov')) columns.splice(columns.findIndex(function (c) { return c.key === 'character' }) + 1, 0, { key: 'writerPov', label: 'Writer\u2019s POV', text: true, value: function (s) { return (s.meta && s.meta.pov) || '' } })
    function sceneTable() {
      // Drawn again, the table keeps the reader's sort.
      var table = $('scene-table')
      var sorted = table.querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]')
      Array.prototype.slice.call(table.children).forEach(function (c) { if (c.tagName !== 'CAPTION') table.removeChild(c) })
      proselens.sortableTable(table, columns, scenes, {
        sortKey: sorted ? sorted.getAttribute('data-key') : 'n',
        ascending: sorted ? sorted.getAttribute('aria-sort') === 'ascending' : true,
        row: function (s) {
          var tr = el('tr', { tabindex: '0', 'data-scene': String(s.index), class: s.break.weak ? 'weak' : null, 'aria-label': sceneLabel(s) + (s.break.weak ? ' (possible break)' : '') + ': go to its text' })
          columns.forEach(function (c) {
            var v = c.value(s)
            var shown = proselens.display(c, v)
            var td = el('td', { class: (c.text ? 'text' : '') + (c.key === 'opening' ? ' opening' : '') })
            if (c.key === 'tense' || c.key === 'pov') td.appendChild(el('span', { class: 'tag ' + (v || 'none'), text: shown }))
            else if (c.key === 'slips' && v > 0) td.appendChild(el('span', { class: 'slipcount', text: shown }))
            else if (c.key === 'opening' && s.break.weak) {
              td.appendChild(el('span', { class: 'weak-tag', title: weakNote(s), text: 'possible break' }))
              td.appendChild(document.createTextNode(' ' + shown))
            } else td.textContent = shown
            tr.appendChild(td)
          })
          tr.addEventListener('click', function () { goToScene(s.index) })
          tr.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); goToScene(s.index) } })
          return tr
        },
      })
    }

    /* ------------------------------------------------------------ the cast */
    var castColumns = [
      { key: 'name', label: 'Character', text: true, value: function (c) { return c.name + (c.aliases.length ? ' (' + c.aliases.join(', ') + ')' : '') } },
      { key: 'scenes', label: 'Scenes', value: function (c) { return c.scenes } },
      { key: 'first', label: 'First–last scene', text: true, value: function (c) { return c.firstScene === null ? '' : (c.firstScene + 1) + '–' + (c.lastScene + 1) }, sortValue: function (c) { return c.firstScene === null ? Infinity : c.firstScene } },
      { key: 'mentions', label: 'Mentions', value: function (c) { return c.mentions } },
      { key: 'speeches', label: 'Speeches', value: function (c) { return c.speeches } },
      { key: 'share', label: 'Share of dialogue', value: function (c) { return c.dialogueShare }, show: pct },
    ]
    function castTable() {
      var table = $('cast-table')
      Array.prototype.slice.call(table.children).forEach(function (c) { if (c.tagName !== 'CAPTION') table.removeChild(c) })
      var cast = totals.characters.filter(function (c) { return c.present || c.speeches > 0 })
      proselens.sortableTable(table, castColumns, cast, {
        sortKey: 'speeches',
        ascending: false,
        row: function (c) {
          return el('tr', null, castColumns.map(function (col) { return el('td', { class: col.text ? 'text' : '', text: proselens.display(col, col.value(c)) }) }))
        },
      })
    }

    /* ------------------------------------------------------- annotated text */
    function storyText() {
      var box = $('story')
      box.textContent = ''
      if (text === null) {
        box.appendChild(el('p', { class: 'notext', text: 'This report was written without the story text (--no-text), so the annotated text cannot be shown.' }))
        return
      }
      var lastChapter = -1
      scenes.forEach(function (s) {
        if (s.chapter !== lastChapter) {
          lastChapter = s.chapter
          var c = chapters[s.chapter]
          if (c.title) box.appendChild(el('h3', { class: 'chapter-title', text: c.title + (c.subtitle ? ' — ' + c.subtitle : '') }))
        }
        var head = el('div', { class: 'scene-head' }, [
          el('a', { href: '#scene-' + s.index, text: sceneLabel(s) }),
          el('span', { text: fmt(s.words, 0) + ' words' }),
          el('span', { text: 'mean sentence ' + fmt(s.sentenceLength.mean) }),
          el('span', { text: 'dialogue ' + pct(s.dialogue.share) }),
          s.unmarkedThought.words ? el('span', { text: 'unmarked thought ' + pct(s.unmarkedThought.share) }) : null,
          s.notMeasured
            ? el('span', { text: 'tense and point of view not measured (' + languageName(chapterOf(s).language) + ')' })
            : el('span', { text: (s.tense.dominant || '–') + ' tense, ' + (s.pov.dominant || '–') + ' person' + (s.pov.character ? ' (' + s.pov.character + ')' : '') }),
          s.meta && s.meta.pov ? el('span', { text: 'writer\u2019s POV: ' + s.meta.pov }) : null,
          s.meta && s.meta.title ? el('span', { text: '\u201c' + s.meta.title + '\u201d' + [s.meta.label, s.meta.status].filter(Boolean).map(function (v) { return ', ' + v }).join('') }) : null,
          shownSlips(s.tense).length ? el('span', { class: 'slipcount', text: shownSlips(s.tense).length + (shownSlips(s.tense).length === 1 ? ' slip' : ' slips') }) : null,
          s.povShifts.length ? el('span', { class: 'slipcount', text: s.povShifts.length + (s.povShifts.length === 1 ? ' point-of-view shift' : ' point-of-view shifts') }) : null,
          s.embedded.length ? el('span', { text: s.embedded.map(function (e) { return 'told by ' + (e.speaker || 'a character') + ' (' + (e.pov || '–') + ' person, ' + (e.tense || '–') + ')' }).join('; ') }) : null,
        ])
        var section = el('section', { id: 'scene-' + s.index, class: 'scene' + (s.break.weak ? ' weak' : ''), 'aria-label': sceneLabel(s) + (s.break.weak ? ' (possible break)' : '') }, [head])
        if (s.break.weak) section.appendChild(el('p', { class: 'weak-note', text: weakNote(s) }))
        if (s.meta && s.meta.synopsis) section.appendChild(el('p', { class: 'synopsis', text: 'Synopsis: ' + s.meta.synopsis }))
        var marks = []
        s.dialogue.spans.forEach(function (d, i) {
          var who = s.dialogue.speakers[i]
          marks.push({ start: d[0], end: d[1], cls: 'dlg', tip: who && who.name ? 'Said by ' + who.name + (who.kind === 'explicit' ? '' : ' (' + Math.round(who.confidence * 100) + '% sure)') : 'Speaker unknown', speaker: who && who.name ? who.name : '?' })
        })
        if (s.thought) s.thought.spans.forEach(function (d) { marks.push({ start: d[0], end: d[1], cls: 'th' }) })
        s.unmarkedThought.spans.forEach(function (d) { marks.push({ start: d[0], end: d[1], cls: 'ut', tip: 'Unmarked thought: not counted toward point of view or tense' }) })
        s.sentenceSpans.forEach(function (d) { if (d[2] >= LONG_SENTENCE) marks.push({ start: d[0], end: d[1], cls: 'long', tip: d[2] + ' words' }) })
        shownSlips(s.tense).forEach(function (d) {
          marks.push({ start: d.start, end: d.end, cls: 'slip', tip: 'Tense slip: ' + d.message + ' (confidence ' + Math.round(d.confidence * 100) + '%)' })
        })
        s.povShifts.forEach(function (d) {
          marks.push({ start: d.start, end: d.end, cls: 'hop', tip: 'Point-of-view shift: ' + d.message + ' (confidence ' + Math.round(d.confidence * 100) + '%)' })
        })
        s.paragraphSpans.forEach(function (p) { section.appendChild(paragraph(p[0], p[1], marks)) })
        box.appendChild(section)
      })
    }
    function paragraph(start, end, marks) {
      var p = el('p')
      var inside = marks.filter(function (m) { return m.end > start && m.start < end })
      var cuts = [start, end]
      inside.forEach(function (m) { cuts.push(Math.max(start, m.start), Math.min(end, m.end)) })
      cuts = cuts.filter(function (c, i, a) { return a.indexOf(c) === i }).sort(function (a, b) { return a - b })
      var openedSlip = {}
      for (var i = 0; i + 1 < cuts.length; i++) {
        var a = cuts[i], b = cuts[i + 1]
        var on = inside.filter(function (m) { return m.start <= a && m.end >= b })
        if (on.length === 0) { p.appendChild(document.createTextNode(text.slice(a, b))); continue }
        var span = el('span', { class: on.map(function (m) { return m.cls }).join(' ') })
        span.appendChild(document.createTextNode(text.slice(a, b)))
        on.forEach(function (m) {
          if ((m.cls === 'slip' || m.cls === 'hop') && !openedSlip[m.cls + m.start]) {
            openedSlip[m.cls + m.start] = true
            span.setAttribute('tabindex', '0')
            span.setAttribute('aria-label', m.tip)
            span.appendChild(el('span', { class: 'tip', role: 'tooltip', text: m.tip }))
          } else if (m.cls === 'long' && !span.title) span.title = 'Very long sentence: ' + m.tip
          else if ((m.cls === 'ut' || m.cls === 'dlg') && !span.title) {
            span.title = m.tip
            // The speech's first piece carries its speaker, shown in the text when the reader asks.
            if (m.cls === 'dlg' && !openedSlip['dlg' + m.start]) {
              openedSlip['dlg' + m.start] = true
              span.setAttribute('data-speaker', m.speaker)
            }
          }
        })
        p.appendChild(span)
      }
      return p
    }

    /* ------------------------------------------- slips and shifts, listed */
    function findings() {
      var list = $('findings')
      list.textContent = ''
      scenes.forEach(function (s) {
        var found = shownSlips(s.tense).map(function (d) { return { start: d.start, end: d.end, kind: 'Tense slip', message: d.message, confidence: d.confidence } })
          .concat(s.povShifts.map(function (d) { return { start: d.start, end: d.end, kind: 'Point-of-view shift', message: d.message, confidence: d.confidence } }))
          .sort(function (a, b) { return a.start - b.start })
        found.forEach(function (f) {
          var quoted = text === null ? null : text.slice(f.start, f.end).replace(/\s+/g, ' ')
          if (quoted && quoted.length > 300) quoted = quoted.slice(0, 300) + '…'
          list.appendChild(el('li', null, [
            el('a', { href: '#scene-' + s.index, text: sceneLabel(s) }),
            document.createTextNode(' · ' + f.kind + ' (confidence ' + Math.round(f.confidence * 100) + '%): '),
            quoted ? el('q', { text: quoted }) : null,
            el('span', { class: 'why', text: ' ' + f.message }),
          ]))
        })
      })
      if (!list.children.length) list.appendChild(el('li', { class: 'none-found', text: 'No tense slip or point-of-view shift was found.' }))
    }

    /* ---------------------------------------------------------- diagnostics */
    function diagnostics() {
      var list = $('diagnostics')
      list.textContent = ''
      var shown = report.diagnostics.filter(function (d) { return d.code !== 'layout' })
      var layout = report.diagnostics.filter(function (d) { return d.code === 'layout' })
      shown.concat(layout).forEach(function (d) { list.appendChild(el('li', { class: d.severity, text: d.message })) })
      if (!list.children.length) list.appendChild(el('li', { text: 'Nothing to report: the file read cleanly.' }))
    }

    var speakersBox = $('show-speakers')
    if (speakersBox) {
      $('story').classList.toggle('speakers', speakersBox.checked)
      on(speakersBox, 'change', function () { $('story').classList.toggle('speakers', speakersBox.checked) })
    }
    var printText = $('print-text')
    if (printText) {
      document.body.classList.toggle('no-print-text', !printText.checked)
      on(printText, 'change', function () { document.body.classList.toggle('no-print-text', !printText.checked) })
    }
    document.querySelectorAll('input[name="x-mode"]').forEach(function (radio) {
      on(radio, 'change', function () {
        xMode = radio.value
        band()
        if (chartsOk && !empty) pacingChart()
      })
    })
    band()
    findings()
    sceneTable()
    castTable()
    storyText()
    diagnostics()
    if (empty) {
      // Nothing to chart.
    } else if (chartsOk) {
      pacingChart()
      // Listeners for the chart whichever drawing of it is current.
      on($('pacing-chart'), 'click', function (evt) {
        var chart = pacing
        if (xMode !== 'position') {
          var found = chart.getElementsAtEventForMode(evt, 'index', { intersect: false }, false)
          if (found.length) goToScene(found[0].index)
          return
        }
        var at = chart.scales.x.getValueForPixel(evt.offsetX) / 100
        var hit = 0
        scenes.forEach(function (s, i) { if (position(s) <= at) hit = i })
        goToScene(hit)
      })
      on(window, 'resize', function () { alignBand(pacing) })
      on(window, 'beforeprint', function () { pacing.resize(); alignBand(pacing) })
      rhythmChart()
    } else if (!$('charts-missing')) {
      $('pacing').appendChild(el('p', { id: 'charts-missing', class: 'notext', text: 'The charts could not be drawn in this browser; their data is in the tables below.' }))
    }
  }

  draw(proselens.data())
  if (location.hash && /^#scene-\d+$/.test(location.hash)) goToScene(Number(location.hash.slice(7)))
  // Ready once the charts have settled at their laid-out size (Chart.js resizes on a frame).
  requestAnimationFrame(function () { requestAnimationFrame(function () { document.documentElement.setAttribute('data-ready', 'true') }) })

  /**
   * Draw another report in place of the one shown, the reader staying where they were: the same
   * scroll position (the page is held at its height while it is redrawn, so nothing is clamped),
   * the same sort of the scene table, the same open panels.
   */
  proselens.drawReport = function (report) {
    var root = document.documentElement
    var x = window.scrollX, y = window.scrollY
    // The browser's scroll anchoring would move the view when the text it anchors to is replaced.
    root.style.overflowAnchor = 'none'
    document.body.style.minHeight = root.scrollHeight + 'px'
    draw(report)
    window.scrollTo(x, y)
    document.body.style.minHeight = ''
    window.scrollTo(x, y)
  }
})()
