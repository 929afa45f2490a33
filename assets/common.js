/* proselens pages: small DOM helpers shared by the report and comparison viewers. Everything
 * given as text goes through textContent, never as markup. */
var proselens = (function () {
  'use strict'
  var css = getComputedStyle(document.documentElement)
  function el(tag, attrs, children) {
    var node = document.createElement(tag)
    if (attrs) for (var k in attrs) {
      if (attrs[k] === null || attrs[k] === undefined) continue
      if (k === 'text') node.textContent = attrs[k]
      else if (k === 'class') node.className = attrs[k]
      else node.setAttribute(k, attrs[k])
    }
    if (children) for (var i = 0; i < children.length; i++) if (children[i]) node.appendChild(children[i])
    return node
  }
  /**
   * A table sortable by any column through buttons in its header (so by keyboard too), with
   * aria-sort kept up to date. Columns: {key, label, text, value(item), sortValue(item)?,
   * ascendingFirst?}; text columns sort A–Z first, numbers largest first. Blanks always go last,
   * ties keep the items' own order. options: {sortKey: initial key or null, ascending: its
   * direction (default true), row(item, cells)}. Returns {filter(keep)}: show only the items
   * `keep(item)` is true of (null: all), in the same order; it returns how many are shown.
   */
  function sortableTable(table, columns, items, options) {
    var headRow = el('tr')
    var body = el('tbody')
    var sortKey = options.sortKey || null
    var ascending = options.ascending === undefined ? true : !!options.ascending
    columns.forEach(function (c) {
      var btn = el('button', { type: 'button', text: c.label, 'aria-label': 'Sort by ' + c.label })
      var th = el('th', { scope: 'col', class: c.text ? 'text' : null, 'data-key': c.key, 'aria-sort': c.key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none' }, [btn, el('span', { class: 'print-label', text: c.label })])
      btn.addEventListener('click', function () {
        if (sortKey === c.key) ascending = !ascending
        else { sortKey = c.key; ascending = c.ascendingFirst !== undefined ? c.ascendingFirst : !!c.text }
        headRow.querySelectorAll('th').forEach(function (h) { h.setAttribute('aria-sort', h.getAttribute('data-key') === sortKey ? (ascending ? 'ascending' : 'descending') : 'none') })
        render()
      })
      headRow.appendChild(th)
    })
    table.appendChild(el('thead', null, [headRow]))
    table.appendChild(body)
    var blank = function (v) { return v === null || v === undefined || v === '' }
    var keep = null
    function render() {
      var order = items.map(function (_, i) { return i })
      if (sortKey) {
        var col = columns.filter(function (c) { return c.key === sortKey })[0]
        var get = col.sortValue || col.value
        order.sort(function (a, b) {
          var x = get(items[a]), y = get(items[b])
          if (blank(x) || blank(y)) return blank(x) === blank(y) ? a - b : blank(x) ? 1 : -1
          var cmp = typeof x === 'string' ? x.localeCompare(y) : x - y
          return (ascending ? cmp : -cmp) || a - b
        })
      }
      body.textContent = ''
      var shown = 0
      order.forEach(function (i) {
        if (keep && !keep(items[i])) return
        shown++
        body.appendChild(options.row(items[i]))
      })
      return shown
    }
    render()
    return { filter: function (fn) { keep = fn || null; return render() } }
  }

  return {
    el: el,
    sortableTable: sortableTable,
    /** A table cell's text: the column's own formatting, else the value, '–' when blank. */
    display: function (column, v) { return column.show ? column.show(v) : v === null || v === undefined || v === '' ? '–' : String(v) },
    $: function (id) { return document.getElementById(id) },
    color: function (name) { return css.getPropertyValue('--' + name).trim() },
    /* A colour at under half strength: what is unsure (a possible break) or a filled area. */
    fade: function (c) { return /^#[0-9a-f]{6}$/i.test(c) ? c + '70' : c },
    fmt: function (n, digits) {
      if (n === null || n === undefined) return '–'
      return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 1 : digits })
    },
    /** The noun for n of it ("scene" for 1, else "scenes"): as src/compare/plural.ts. */
    plural: function (n, one, many) { return n === 1 ? one : many || one + 's' },
    /** n and its noun: "1 scene", "1,200 words". */
    count: function (n, one, many) { return Number(n).toLocaleString('en-US') + ' ' + (n === 1 ? one : many || one + 's') },
    pct: function (share) { return share === null || share === undefined ? '–' : Math.round(share * 100) + '%' },
    data: function () { return JSON.parse(document.getElementById('proselens-data').textContent) },
    chartDefaults: function () {
      if (typeof window.Chart !== 'function') return false
      window.Chart.defaults.color = this.color('muted')
      window.Chart.defaults.borderColor = this.color('line')
      window.Chart.defaults.font.family = 'system-ui, sans-serif'
      return true
    },
  }
})()

/* Shown in the app page's frame: a file dropped on this page goes to the app, which opens it
 * (or, with Shift held, compares it), instead of the browser opening the file in the frame. */
;(function () {
  'use strict'
  // Only inside the app's own frame (about:srcdoc): a saved report framed by another site must
  // never hand it a file.
  if (window.parent === window || location.href !== 'about:srcdoc') return
  document.addEventListener('dragover', function (e) { e.preventDefault() })
  document.addEventListener('drop', function (e) {
    e.preventDefault()
    var files = e.dataTransfer && e.dataTransfer.files
    if (files && files.length) window.parent.postMessage({ kind: 'proselens-drop', file: files[0], compare: e.shiftKey }, '*')
  })
})()
