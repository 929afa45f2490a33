/* proselens live view (`proselens watch`): the report page served from the writer's own machine,
 * kept up to date. The server says on /events (server-sent events) when the story was read
 * again; this script then fetches /report.json from the same server, the only place the page's
 * Content-Security-Policy lets it connect to, and draws it in place (proselens.drawReport keeps
 * the reader's scroll position). A save that could not be read leaves the last good report on
 * the page with a note saying why. All text reaches the page through textContent. */
;(function () {
  'use strict'
  var el = proselens.el, $ = proselens.$
  var state = JSON.parse($('proselens-live').textContent)
  var shown = state.version
  var wanted = state.version
  var session = state.session
  var fetching = false

  var css = '.live-bar{position:fixed;right:12px;bottom:12px;z-index:10;max-width:min(36rem,calc(100vw - 24px));font:13px/1.4 system-ui,sans-serif;' +
    'background:var(--panel);color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:6px 10px;box-shadow:0 2px 8px rgba(0,0,0,.15)}' +
    '.live-bar p{margin:0}.live-bar .live-note{margin-top:4px;color:var(--slip);font-weight:600}.live-bar .live-note:empty{display:none}' +
    '.live-bar .live-dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:var(--dialogue);margin-right:6px}' +
    '.live-bar.off .live-dot{background:var(--muted)}@media print{.live-bar{display:none}}'
  document.head.appendChild(el('style', { text: css }))
  var status = el('p', { id: 'live-status' })
  var note = el('p', { id: 'live-note', class: 'live-note', role: 'alert' })
  var bar = el('div', { id: 'live-bar', class: 'live-bar', role: 'status', 'aria-live': 'polite' }, [
    el('p', null, [el('span', { class: 'live-dot', 'aria-hidden': 'true' }), status]),
    note,
  ])
  document.body.appendChild(bar)

  var time = function () { return new Date().toLocaleTimeString() }
  function say(text) { status.textContent = text }
  say('Live: watching ' + state.file + '; the page follows each save.')
  showNote(state.note)

  function showNote(text) {
    note.textContent = text ? text + ' The report below is from the last save that could be read.' : ''
    document.documentElement.toggleAttribute('data-live-note', !!text)
  }

  /* Fetch and draw the current report; one fetch at a time, again if a newer one was announced. */
  function catchUp() {
    if (fetching || wanted === shown) return
    fetching = true
    var version
    fetch('/report.json', { cache: 'no-store', headers: { accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('the server answered ' + r.status)
        version = Number(r.headers.get('x-proselens-version'))
        return r.json()
      })
      .then(function (report) {
        proselens.drawReport(report)
        shown = version
        document.documentElement.setAttribute('data-live-version', String(version))
        say('Live: ' + state.file + ' read again at ' + time() + (state.line ? ': ' + state.line : '') + '.')
      })
      .catch(function (e) { say('Live: the new report could not be fetched (' + e.message + ').') })
      .then(function () {
        fetching = false
        if (wanted !== shown) catchUp()
      })
  }

  var events = new EventSource('/events')
  events.addEventListener('state', function (e) {
    var next = JSON.parse(e.data)
    state.line = next.line
    bar.classList.remove('off')
    showNote(next.note)
    if (next.note) say('Live: the save at ' + time() + ' could not be read.')
    // A restarted watcher counts its versions from 1 again: whatever it has is new to this page.
    if (next.session && next.session !== session) {
      session = next.session
      shown = -1
    }
    wanted = next.version
    catchUp()
  })
  events.addEventListener('bye', function () {
    events.close()
    bar.classList.add('off')
    say('Live view ended: the watcher was stopped. This page keeps the last report.')
  })
  events.addEventListener('error', function () {
    if (events.readyState === EventSource.CLOSED) return
    bar.classList.add('off')
    say('Live: lost the watcher; trying again…')
  })
  document.documentElement.setAttribute('data-live-version', String(shown))
})()
