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
  return {
    el: el,
    $: function (id) { return document.getElementById(id) },
    color: function (name) { return css.getPropertyValue('--' + name).trim() },
    fmt: function (n, digits) {
      if (n === null || n === undefined) return '–'
      return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 1 : digits })
    },
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
