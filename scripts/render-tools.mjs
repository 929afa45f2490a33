#!/usr/bin/env node
/**
 * Render labelled corpus stories with the real tools writers use — pandoc and LibreOffice —
 * in every scene-break convention, into committed fixtures with a gold file, so that tests can
 * check structure on files made by real tools without needing the tools.
 *
 *   npm run build && node scripts/render-tools.mjs [--keep]
 *
 * regenerates everything under test/fixtures/tools/: `<tool>/<story>.<convention>.<ext>` and
 * `gold.json` (the format of ../shared/eval/real/gold.json, with `openings` per chapter; score it
 * with `npm run eval -- test/fixtures/tools`). pandoc and soffice (LibreOffice Writer) are needed
 * only to regenerate; the tests read the committed files. `--keep` keeps the intermediate
 * Markdown and HTML (in a temporary folder, printed at the end).
 *
 * Each story is read through dist/ (readSource + structure, as scripts/render-formats.mjs's
 * storyModel does, but through readSource so that Markdown stories are read as Markdown) and must
 * reproduce its labels in corpus/labels exactly: chapters, scene openings and words per scene.
 *
 * Conventions (the scene break as a writer makes it):
 *   marker    a centred "* * *" or "#" paragraph between scenes
 *   blank     one empty paragraph between scenes (Enter pressed twice), paragraphs back to back
 *   spacing   hand spacing: an empty paragraph between every two paragraphs, two or three at a break
 *   hr        a horizontal rule between scenes (HTML <hr>, Markdown `* * *`)
 *   pagebreak a page break before every chapter but the first, marker paragraphs between scenes
 * Tools: pandoc-docx (pandoc -f markdown|html -t docx), libreoffice-docx and libreoffice-odt
 * (soffice --headless --infilter="HTML (StarWriter)" --convert-to docx|odt), libreoffice-rtf (the same,
 * --convert-to rtf: the RTF of Writer's own, with a stylesheet, \pagebb and bordered rules), pandoc-epub
 * (pandoc -t epub3) and pandoc-md (pandoc -f docx -t markdown of one of the DOCX files here).
 *
 * The gold follows what each file shows, found by reading the file itself (document.xml,
 * content.xml, the EPUB's XHTML, the Markdown); where that differs from the labels — a tool
 * dropped a break — `scenes` follows the file, `labelled_scenes` keeps the labels' count and
 * `notes` says so. The notes also say what pandoc's own reader sees (`pandoc FILE -t json`), which
 * is not always what the file shows: pandoc's DOCX reader drops empty paragraphs and rules.
 *
 * Deterministic where the tools allow: pandoc runs with SOURCE_DATE_EPOCH (DOCX dates and zip
 * times; the EPUB's metadata dates, though its zip times are the clock's) and a fixed EPUB
 * identifier; LibreOffice takes fixed created/changed dates from the HTML's <meta> (its zip
 * times are the clock's, and an ODT's settings.xml has a random Rsid). A private LibreOffice
 * profile turns off the ODT thumbnail. Every file is checked to be under 100 KB.
 *
 * `--only TOOL` (such as `--only libreoffice-odt`) makes only that tool's files again and keeps
 * the others as they are, so that their zip times do not change for nothing; gold.json is
 * always written again from every file.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { readSource, structure } from '../dist/index.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'test', 'fixtures', 'tools')
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu
const words = (s) => s.match(WORD) ?? []
const EPOCH = '1704189600' // 2024-01-02T10:00:00Z
const DATE = '2024-01-02T10:00:00'

// ---------------------------------------------------------------------------------------------
// Stories

/** A labelled corpus story as dist/ reads it, checked against its labels. */
function labelledStory(file) {
  const path = join(ROOT, 'corpus', file)
  const labels = JSON.parse(readFileSync(join(ROOT, 'corpus', 'labels', file.replace(/\.[^.]+$/, '.json')), 'utf8'))
  const m = structure(readSource(new Uint8Array(readFileSync(path)), { path: `corpus/${file}` }))
  const para = (p) => m.text.slice(p.start, p.end).replace(/\s*\n\s*/g, ' ').trim()
  const story = {
    file,
    slug: file.replace(/\.[^.]+$/, ''),
    title: m.meta.title,
    author: m.meta.author,
    chapters: m.chapters.map((c) => ({ title: c.title, scenes: c.scenes.map((s) => s.paragraphs.map(para).filter(Boolean)) })),
  }
  const problems = []
  if (story.chapters.length !== labels.chapters.length) problems.push(`${story.chapters.length} chapters, labels ${labels.chapters.length}`)
  for (const [ci, lc] of labels.chapters.entries()) {
    const c = story.chapters[ci]
    if (!c) continue
    if (c.title !== lc.title) problems.push(`chapter ${ci + 1} title ${c.title} / ${lc.title}`)
    if (c.scenes.length !== lc.scenes.length) problems.push(`chapter ${ci + 1}: ${c.scenes.length} scenes, labels ${lc.scenes.length}`)
    for (const [si, ls] of lc.scenes.entries()) {
      const s = c.scenes[si]
      if (!s) continue
      const w = words(s.join('\n'))
      if (w.length !== ls.words) problems.push(`chapter ${ci + 1} scene ${si + 1}: ${w.length} words, labels ${ls.words}`)
      if (w.slice(0, 8).join(' ') !== words(ls.opening).slice(0, 8).join(' ')) problems.push(`chapter ${ci + 1} scene ${si + 1} opens "${w.slice(0, 8).join(' ')}"`)
    }
  }
  if (!story.title || problems.length) throw new Error(`${file}: does not reproduce its labels: ${problems.join('; ') || 'no title'}`)
  // What the fixtures leave out: front matter beyond title and author, end matter.
  const front = new Set((m.frontMatter?.fields ?? []).map((f) => f.key).filter((k) => k !== 'title' && k !== 'author'))
  if (m.meta.rating) front.add('rating')
  story.omitted = [
    front.size ? `front matter (${[...front].join(', ')})` : null,
    m.endMatter ? `end matter ("${m.text.slice(m.endMatter.start, m.endMatter.end).split('\n')[0].trim()}" …)` : null,
  ].filter(Boolean)
  return story
}

// ---------------------------------------------------------------------------------------------
// Intermediate Markdown and HTML

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
/** Escape everything pandoc's Markdown would read as markup, so the words come back unchanged. */
const escapeMd = (s) =>
  s
    .replace(/([\\`*_{}[\]<>#|~^$@&])/g, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+:=%])/, '\\$1')

const PAGE_BREAK_OPENXML = '```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```'
const EPUB_ID = (slug) => `urn:uuid:00000000-0000-4000-8000-${Buffer.from(slug).toString('hex').slice(0, 12).padEnd(12, '0')}`

/**
 * Pandoc Markdown of a story in a convention: the title and author as metadata, chapters as `##`
 * headings. A marker is a "Scene Break" custom-style paragraph (centred by the reference DOCX);
 * an empty paragraph is `&nbsp;` (pandoc Markdown has no empty paragraph); a rule is `* * *`; a
 * page break is pandoc's raw OpenXML page break.
 */
function toMarkdown(story, conv, { marker = '* * *', epub = false } = {}) {
  const out = ['---', `title: ${JSON.stringify(story.title)}`]
  if (story.author) out.push(`author: ${JSON.stringify(story.author)}`)
  out.push('lang: en')
  if (epub) out.push(`identifier: ${JSON.stringify(EPUB_ID(story.slug))}`)
  out.push('---', '')
  const empty = (n) => {
    for (let i = 0; i < n; i++) out.push('&nbsp;', '')
  }
  let breaks = 0
  for (const [ci, chapter] of story.chapters.entries()) {
    if (ci > 0 && conv === 'pagebreak') out.push(PAGE_BREAK_OPENXML, '')
    if (ci > 0 && conv === 'spacing') empty(2)
    out.push(`## ${escapeMd(chapter.title)}`, '')
    if (conv === 'spacing') empty(1)
    for (const [si, scene] of chapter.scenes.entries()) {
      if (si > 0) {
        breaks++
        if (conv === 'marker' || conv === 'pagebreak') out.push('::: {custom-style="Scene Break"}', escapeMd(marker), ':::', '')
        else if (conv === 'blank') empty(1)
        else if (conv === 'spacing') empty(breaks % 2 ? 3 : 2)
        else if (conv === 'hr') out.push('* * *', '')
      }
      for (const [pi, p] of scene.entries()) {
        if (pi > 0 && conv === 'spacing') empty(1)
        out.push(escapeMd(p), '')
      }
    }
  }
  return out.join('\n')
}

/**
 * HTML of a story in a convention, for LibreOffice (`for: 'lo'`: an <h1> title and a byline, an
 * empty paragraph as <p><br></p>, which Writer keeps as an empty paragraph — it drops <p></p>) or
 * for pandoc (`for: 'pandoc'`: the title and author in <title> and <meta>, pandoc's Title and
 * Author paragraphs; an empty paragraph as <p>&nbsp;</p>, as Word and Google Docs write it).
 */
function toHtml(story, conv, { marker = '* * *', for: tool } = {}) {
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en"><head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `<title>${escapeHtml(story.title)}</title>`,
  ]
  if (story.author) out.push(`<meta name="author" content="${escapeHtml(story.author)}">`)
  out.push(`<meta name="created" content="${DATE}">`, `<meta name="changed" content="${DATE}">`, '</head><body>')
  if (tool === 'lo') {
    out.push(`<h1>${escapeHtml(story.title)}</h1>`)
    if (story.author) out.push(`<p>by ${escapeHtml(story.author)}</p>`)
  }
  const emptyP = tool === 'lo' ? '<p><br></p>' : '<p>&nbsp;</p>'
  const empty = (n) => {
    for (let i = 0; i < n; i++) out.push(emptyP)
  }
  let breaks = 0
  for (const [ci, chapter] of story.chapters.entries()) {
    if (ci > 0 && conv === 'spacing') empty(2)
    out.push(ci > 0 && conv === 'pagebreak' ? `<h2 style="page-break-before: always">${escapeHtml(chapter.title)}</h2>` : `<h2>${escapeHtml(chapter.title)}</h2>`)
    if (conv === 'spacing') empty(1)
    for (const [si, scene] of chapter.scenes.entries()) {
      if (si > 0) {
        breaks++
        if (conv === 'marker' || conv === 'pagebreak') out.push(`<p style="text-align: center">${escapeHtml(marker)}</p>`)
        else if (conv === 'blank') empty(1)
        else if (conv === 'spacing') empty(breaks % 2 ? 3 : 2)
        else if (conv === 'hr') out.push('<hr>')
      }
      for (const [pi, p] of scene.entries()) {
        if (pi > 0 && conv === 'spacing') empty(1)
        out.push(`<p>${escapeHtml(p)}</p>`)
      }
    }
  }
  out.push('</body></html>', '')
  return out.join('\n')
}

// ---------------------------------------------------------------------------------------------
// Tools

const toolEnv = { ...process.env, SOURCE_DATE_EPOCH: EPOCH, TZ: 'UTC', LC_ALL: 'C.UTF-8' }
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { env: toolEnv, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, ...opts })
const PANDOC = run('pandoc', ['--version']).toString().split('\n')[0].trim()
const SOFFICE = run('soffice', ['--version']).toString().trim().split('\n').pop().trim()

/** pandoc's default reference DOCX with a centred "Scene Break" paragraph style added. */
async function referenceDocx(path) {
  const zip = await JSZip.loadAsync(run('pandoc', ['--print-default-data-file', 'reference.docx']))
  const styles = await zip.file('word/styles.xml').async('string')
  const style =
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="SceneBreak"><w:name w:val="Scene Break" /><w:basedOn w:val="BodyText" />' +
    '<w:next w:val="FirstParagraph" /><w:qFormat /><w:pPr><w:spacing w:before="180" w:after="180" /><w:jc w:val="center" /></w:pPr></w:style>'
  zip.file('word/styles.xml', styles.replace('</w:styles>', `${style}</w:styles>`), { date: new Date(Number(EPOCH) * 1000) })
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
}

// ---------------------------------------------------------------------------------------------
// Reading the files back: a flat list of blocks
//   {t:'h', level, text} | {t:'p', text, center} | {t:'empty'} | {t:'rule'} | {t:'page'}

const decodeXml = (s) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
const isBlank = (s) => /^[\s\u00a0]*$/.test(s)
const textBlock = (text, center = false) => (isBlank(text) ? { t: 'empty' } : { t: 'p', text: text.replace(/[\s\u00a0]+/g, ' ').trim(), center })

/** DOCX: paragraphs of word/document.xml with their style, rules, borders and page breaks. */
async function docxBlocks(bytes) {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml').async('string')
  const blocks = []
  const evidence = { emptyParagraphs: 0, nbspParagraphs: 0, vmlRules: 0, borderRules: 0, pageBreaks: 0, pageBreakBefore: 0, centred: 0, styles: {} }
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const inner = m[1] ?? ''
    const style = /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? ''
    const text = decodeXml([...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab)\s*\/>/g)].map((t) => (t[2] ? '\t' : t[1])).join(''))
    const center = /<w:jc w:val="center"/.test(inner)
    const vml = /<v:rect[^>]*o:hr="t"/.test(inner)
    const border = /<w:pBdr>[\s\S]*?<w:bottom /.test(inner) && isBlank(text)
    const heading = /^Heading(\d)$/.exec(style)
    const pageBefore = /<w:pageBreakBefore(?: w:val="(?:true|1|on)")?\s*\/>/.test(inner)
    if (pageBefore) (evidence.pageBreakBefore++, blocks.push({ t: 'page' }))
    if (style) evidence.styles[style] = (evidence.styles[style] ?? 0) + 1
    if (heading) blocks.push({ t: 'h', level: Number(heading[1]), text: text.trim() })
    else if (style === 'Title' || style === 'Subtitle' || style === 'Author' || style === 'Date') blocks.push({ t: 'meta', text })
    else if (vml) (evidence.vmlRules++, blocks.push({ t: 'rule' }))
    else if (border) (evidence.borderRules++, blocks.push({ t: 'rule' }))
    else if (isBlank(text) && /<w:br w:type="page"/.test(inner)) {
      // a paragraph that only holds a page break is the break, not an empty paragraph
    } else {
      const b = textBlock(text, center)
      if (b.t === 'empty') (text ? evidence.nbspParagraphs++ : evidence.emptyParagraphs++)
      if (b.t === 'p' && center) evidence.centred++
      blocks.push(b)
    }
    const pages = inner.match(/<w:br w:type="page"\s*\/>/g)?.length ?? 0
    for (let i = 0; i < pages; i++) (evidence.pageBreaks++, blocks.push({ t: 'page' }))
  }
  return { blocks, evidence }
}

/** ODT: text:h and text:p of content.xml, with what their (automatic) styles say. */
async function odtBlocks(bytes) {
  const xml = await (await JSZip.loadAsync(bytes)).file('content.xml').async('string')
  const auto = new Map()
  for (const m of xml.matchAll(/<style:style style:name="([^"]+)"([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    auto.set(m[1], { parent: /style:parent-style-name="([^"]+)"/.exec(m[2])?.[1] ?? null, center: /fo:text-align="center"/.test(m[3]), page: /fo:break-before="page"/.test(m[3]) })
  }
  const evidence = { emptyParagraphs: 0, nbspParagraphs: 0, borderRules: 0, pageBreaks: 0, centred: 0, styles: {} }
  const blocks = []
  const body = xml.slice(xml.indexOf('<office:text'))
  const odfText = (s) =>
    decodeXml(
      s
        .replace(/<text:s(?: text:c="(\d+)")?\s*\/>/g, (_, n) => ' '.repeat(Number(n ?? 1)))
        .replace(/<text:tab\s*\/>/g, '\t')
        .replace(/<text:line-break\s*\/>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    )
  for (const m of body.matchAll(/<text:(h|p)\s([^>]*?)(?:\/>|>([\s\S]*?)<\/text:\1>)/g)) {
    const name = /text:style-name="([^"]+)"/.exec(m[2])?.[1] ?? ''
    const a = auto.get(name)
    const style = a?.parent ?? name
    evidence.styles[style] = (evidence.styles[style] ?? 0) + 1
    if (a?.page) (evidence.pageBreaks++, blocks.push({ t: 'page' }))
    const text = odfText(m[3] ?? '')
    if (m[1] === 'h') blocks.push({ t: 'h', level: Number(/text:outline-level="(\d+)"/.exec(m[2])?.[1] ?? 1), text: text.trim() })
    else if (style === 'Horizontal_20_Line' && isBlank(text)) (evidence.borderRules++, blocks.push({ t: 'rule' }))
    else {
      const b = textBlock(text, a?.center ?? false)
      if (b.t === 'empty') (text ? evidence.nbspParagraphs++ : evidence.emptyParagraphs++)
      if (b.t === 'p' && b.center) evidence.centred++
      blocks.push(b)
    }
  }
  return { blocks, evidence }
}

/**
 * RTF as LibreOffice writes it: one paragraph per `\par`, its style (`\sN`, named in the
 * stylesheet) after its `\pard`, `\qc` for centred, `\pagebb` for a page break before it; text
 * in `{\loch …}` groups, with `\'hh` (Windows-1252) and `\uN` escapes. Read with regular
 * expressions, apart from the proselens reader, so the gold does not follow it.
 */
function rtfBlocks(bytes) {
  const rtf = bytes.toString('latin1')
  const names = new Map([...rtf.matchAll(/\{\\s(\d+)\\[^;{}]*? ([^;{}\\]+);\}/g)].map((m) => [m[1], m[2].trim()]))
  const evidence = { emptyParagraphs: 0, borderRules: 0, pageBreaks: 0, centred: 0, styles: {} }
  const blocks = []
  const body = rtf.slice(rtf.search(/\\pard\\plain/))
  const cp1252 = new TextDecoder('windows-1252')
  const textOf = (s) =>
    s
      .replace(/\{\\\*[^{}]*\}/g, '')
      .replace(/\\u(-?\d+) ?(?:\\'[0-9a-f]{2}|[^\\{}])?/gi, (_, n) => String.fromCharCode(Number(n) < 0 ? Number(n) + 65536 : Number(n)))
      .replace(/\\'([0-9a-f]{2})/gi, (_, h) => cp1252.decode(new Uint8Array([parseInt(h, 16)])))
      .replace(/\\tab(?![a-z])/g, '\t')
      .replace(/\\~/g, '\u00a0')
      .replace(/\\([{}\\])/g, '\u0001$1')
      .replace(/\\[a-z]+-?\d* ?/gi, '')
      .replace(/[{}\r\n]/g, '')
      .replace(/\u0001/g, '')
  for (const chunk of body.split(/\\par(?![a-z])/)) {
    const props = chunk.slice(chunk.lastIndexOf('\\pard'))
    const style = names.get(/\\s(\d+)(?![a-z\d])/.exec(props)?.[1] ?? '') ?? ''
    const text = textOf(chunk)
    const center = /\\qc(?![a-z])/.test(props)
    if (style) evidence.styles[style] = (evidence.styles[style] ?? 0) + 1
    if (/\\pagebb(?![a-z])/.test(props) || /\\page(?![a-z])/.test(chunk)) (evidence.pageBreaks++, blocks.push({ t: 'page' }))
    const heading = /^Heading (\d)$/.exec(style)
    if (heading) blocks.push({ t: 'h', level: Number(heading[1]), text: text.trim() })
    else if (style === 'Horizontal Line' && isBlank(text)) (evidence.borderRules++, blocks.push({ t: 'rule' }))
    else {
      const b = textBlock(text, center)
      if (b.t === 'empty') evidence.emptyParagraphs++
      if (b.t === 'p' && center) evidence.centred++
      blocks.push(b)
    }
  }
  // The document's closing brace follows the last \par.
  if (blocks.at(-1)?.t === 'empty') (blocks.pop(), evidence.emptyParagraphs--)
  return { blocks, evidence }
}

/** EPUB: headings, paragraphs and rules of the spine's XHTML documents, in order. */
async function epubBlocks(bytes) {
  const zip = await JSZip.loadAsync(bytes)
  const container = await zip.file('META-INF/container.xml').async('string')
  const opfPath = /full-path="([^"]+)"/.exec(container)[1]
  const opf = await zip.file(opfPath).async('string')
  const hrefs = new Map([...opf.matchAll(/<item\s[^>]*?id="([^"]+)"[^>]*?href="([^"]+)"/g)].map((m) => [m[1], m[2]]))
  const spine = [...opf.matchAll(/<itemref\s[^>]*?idref="([^"]+)"/g)].map((m) => hrefs.get(m[1]))
  const evidence = { documents: [], rules: 0, emptyParagraphs: 0, nbspParagraphs: 0, markers: 0 }
  const blocks = []
  for (const href of spine) {
    const path = join(dirname(opfPath), href)
    const xhtml = await zip.file(path).async('string')
    evidence.documents.push(href)
    if (/title_page/.test(href)) {
      blocks.push({ t: 'meta', text: 'title page' })
      continue
    }
    const body = xhtml.slice(xhtml.indexOf('<body'))
    for (const m of body.matchAll(/<(h[1-6])(?:\s[^>]*)?>([\s\S]*?)<\/\1>|<p(?:\s[^>]*)?>([\s\S]*?)<\/p>|<hr(?:\s[^>]*)?\/?>/g)) {
      const inner = (s) => decodeXml(s.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, ''))
      if (m[1]) blocks.push({ t: 'h', level: Number(m[1][1]), text: inner(m[2]).trim() })
      else if (m[0].startsWith('<hr')) (evidence.rules++, blocks.push({ t: 'rule' }))
      else {
        const text = inner(m[3])
        const b = textBlock(text)
        if (b.t === 'empty') (text.includes('\u00a0') ? evidence.nbspParagraphs++ : evidence.emptyParagraphs++)
        blocks.push(b)
      }
    }
  }
  return { blocks, evidence }
}

/** pandoc Markdown: YAML metadata, ATX headings, rules, paragraphs (backslash escapes undone). */
function markdownBlocks(text) {
  let body = text
  const meta = {}
  const yaml = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(text)
  if (yaml) {
    body = text.slice(yaml[0].length)
    for (const m of yaml[1].matchAll(/^(\w+):\s*(.*)$/gm)) meta[m[1]] = m[2].replace(/^['"]|['"]$/g, '')
  }
  const evidence = { rules: 0, markers: 0, nbspParagraphs: 0, meta }
  const blocks = []
  for (const chunk of body.split(/\n[ \t]*\n/)) {
    const s = chunk.replace(/^\n+|\n+$/g, '')
    if (!s) continue
    const h = /^(#{1,6})\s+(.*)$/.exec(s)
    if (h) blocks.push({ t: 'h', level: h[1].length, text: unescapeMd(h[2].replace(/\s*\{[^}]*\}\s*$/, '')) })
    else if (/^ {0,3}([-*_])(?:\s*\1){2,}\s*$/.test(s)) (evidence.rules++, blocks.push({ t: 'rule' }))
    else if (/^:::/.test(s)) continue
    else {
      const b = textBlock(unescapeMd(s.replace(/^:::.*$/gm, '')))
      if (b.t === 'empty') evidence.nbspParagraphs++
      blocks.push(b)
    }
  }
  return { blocks, evidence }
}
const unescapeMd = (s) => s.replace(/\\\n/g, '\n').replace(/\\([!-/:-@[-`{-~ ])/g, (_, c) => (c === ' ' ? '\u00a0' : c)).replace(/[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}/g, '')

/** What pandoc's own reader sees (`pandoc FILE -t json`), as blocks. */
function pandocBlocks(path, from) {
  const ast = JSON.parse(run('pandoc', ['-f', from, '-t', 'json', path]).toString())
  const inl = (xs) =>
    xs
      .map((x) => {
        switch (x.t) {
          case 'Str':
            return x.c
          case 'Space':
          case 'SoftBreak':
            return ' '
          case 'LineBreak':
            return '\n'
          case 'Quoted':
            return x.c[0].t === 'DoubleQuote' ? `“${inl(x.c[1])}”` : `‘${inl(x.c[1])}’`
          case 'Code':
          case 'Math':
            return x.c[1]
          case 'Link':
          case 'Image':
            return inl(x.c[1])
          case 'Span':
          case 'Cite':
            return inl(x.c[1] ?? x.c[0])
          case 'Note':
            return ''
          default:
            return Array.isArray(x.c) ? inl(x.c.filter(Array.isArray).flat().filter((y) => y && y.t)) : ''
        }
      })
      .join('')
  const blocks = []
  const walk = (bs) => {
    for (const b of bs) {
      if (b.t === 'Header') blocks.push({ t: 'h', level: b.c[0], text: inl(b.c[2]).trim() })
      else if (b.t === 'HorizontalRule') blocks.push({ t: 'rule' })
      else if (b.t === 'Para' || b.t === 'Plain') blocks.push(textBlock(inl(b.c)))
      else if (b.t === 'Div') walk(b.c[1])
      else if (b.t === 'BlockQuote') walk(b.c)
      else if (b.t === 'RawBlock' && /w:type="page"/.test(b.c[1])) blocks.push({ t: 'page' })
    }
  }
  walk(ast.blocks)
  return blocks
}

// ---------------------------------------------------------------------------------------------
// Chapters and scenes from blocks

const MARKER = /^(?:\*\s*){3}$|^#$/
/**
 * Chapters at `level` headings, scenes split by rules and marker paragraphs, and by runs of
 * empty paragraphs of at least `gap` (1 for `blank`, 2 for `spacing`, none otherwise).
 */
function segment(blocks, conv, level) {
  const gap = conv === 'blank' ? 1 : conv === 'spacing' ? 2 : Infinity
  const chapters = []
  let cur = null
  let empties = 0
  let pagesBefore = 0
  const newScene = () => {
    if (cur.scenes.at(-1).length) cur.scenes.push([])
  }
  for (const b of blocks) {
    if (b.t === 'h' && b.level === level) {
      cur = { title: b.text, scenes: [[]], pageBreakBefore: pagesBefore > 0 }
      chapters.push(cur)
      empties = 0
      pagesBefore = 0
      continue
    }
    if (b.t === 'page') {
      pagesBefore++
      continue
    }
    if (!cur) continue
    if (b.t === 'empty') {
      empties++
      continue
    }
    if (b.t === 'rule' || (b.t === 'p' && MARKER.test(b.text))) {
      newScene()
      empties = 0
      continue
    }
    if (b.t !== 'p' && b.t !== 'h') continue
    if (empties >= gap) newScene()
    empties = 0
    pagesBefore = 0
    cur.scenes.at(-1).push(b.text)
  }
  for (const c of chapters) if (!c.scenes.at(-1).length && c.scenes.length > 1) c.scenes.pop()
  return chapters
}

const opening = (paras) => {
  const text = paras.join(' ')
  const ms = [...text.matchAll(WORD)]
  return ms.length ? text.slice(0, ms[Math.min(7, ms.length - 1)].index + ms[Math.min(7, ms.length - 1)][0].length) : ''
}

// ---------------------------------------------------------------------------------------------
// The plan: which story in which convention through which tool

const STORIES = ['the-salt-ledger.txt', 'the-glass-orchard.txt', 'kettle-bay-letters.txt', 'lantern-row.md']
const SALT = 'the-salt-ledger'
const GLASS = 'the-glass-orchard'
const KETTLE = 'kettle-bay-letters'
const LANTERN = 'lantern-row'

/** [tool, story, convention, options]; options.from: intermediate kind; options.of: the DOCX a pandoc-md comes from. */
const PLAN = [
  ['pandoc-docx', SALT, 'marker', { from: 'markdown', marker: '* * *' }],
  ['pandoc-docx', GLASS, 'blank', { from: 'html' }],
  ['pandoc-docx', KETTLE, 'spacing', { from: 'markdown' }],
  ['pandoc-docx', LANTERN, 'hr', { from: 'markdown' }],
  ['pandoc-docx', GLASS, 'pagebreak', { from: 'markdown', marker: '#' }],
  ['pandoc-docx', KETTLE, 'hr', { from: 'html' }],
  ['libreoffice-docx', GLASS, 'marker', { marker: '#' }],
  ['libreoffice-docx', LANTERN, 'marker', { marker: '* * *' }],
  ['libreoffice-docx', SALT, 'blank', {}],
  ['libreoffice-docx', LANTERN, 'spacing', {}],
  ['libreoffice-docx', SALT, 'hr', {}],
  ['libreoffice-docx', KETTLE, 'pagebreak', { marker: '* * *' }],
  ['libreoffice-rtf', SALT, 'marker', { marker: '* * *' }],
  ['libreoffice-rtf', GLASS, 'blank', {}],
  ['libreoffice-rtf', KETTLE, 'spacing', {}],
  ['libreoffice-rtf', LANTERN, 'hr', {}],
  ['libreoffice-rtf', GLASS, 'pagebreak', { marker: '#' }],
  ['libreoffice-odt', KETTLE, 'blank', {}],
  ['libreoffice-odt', LANTERN, 'hr', {}],
  ['libreoffice-odt', GLASS, 'marker', { marker: '#' }],
  ['libreoffice-odt', SALT, 'spacing', {}],
  ['libreoffice-odt', SALT, 'pagebreak', { marker: '* * *' }],
  ['pandoc-epub', LANTERN, 'marker', { marker: '* * *', shift: true }],
  ['pandoc-epub', KETTLE, 'hr', {}],
  ['pandoc-md', SALT, 'marker', { of: 'pandoc-docx/the-salt-ledger.marker.docx' }],
  ['pandoc-md', SALT, 'hr', { of: 'libreoffice-docx/the-salt-ledger.hr.docx' }],
]

const EXT = { 'pandoc-docx': 'docx', 'libreoffice-docx': 'docx', 'libreoffice-rtf': 'rtf', 'libreoffice-odt': 'odt', 'pandoc-epub': 'epub', 'pandoc-md': 'md' }

// ---------------------------------------------------------------------------------------------

/** How each tool wrote each kind of break, checked against the evidence counted in the file. */
function rendering(tool, conv, opts, ev, breaks) {
  const marker = opts.marker ?? '* * *'
  const n = breaks
  const check = (what, got) => (got === n ? '' : ` [expected ${n} ${what}, the file has ${got}]`)
  switch (`${tool}/${conv}`) {
    case 'pandoc-docx/marker':
    case 'pandoc-docx/pagebreak': {
      const s = `a paragraph "${marker}" in the custom paragraph style 'SceneBreak' ("Scene Break", centred by w:jc in the reference DOCX's styles.xml; the paragraph itself has no w:jc)${check('markers', ev.styles.SceneBreak ?? 0)}`
      return conv === 'marker' ? s : `${s}; between chapters an otherwise empty paragraph holding <w:br w:type="page"/> (pandoc raw OpenXML), before the Heading2`
    }
    case 'pandoc-docx/blank':
      return `an otherwise empty BodyText paragraph whose one run is a no-break space (U+00A0, from <p>&nbsp;</p>)${check('nbsp paragraphs', ev.nbspParagraphs)}; paragraphs back to back (spacing from the BodyText style)`
    case 'pandoc-docx/spacing':
      return `no-break-space paragraphs (a BodyText paragraph whose run is U+00A0, from &nbsp;): one between every two paragraphs and after each heading, three and two alternately at a scene break, two before each chapter heading (${ev.nbspParagraphs} in all)`
    case 'pandoc-docx/hr':
      return `pandoc HorizontalRule: an otherwise empty paragraph (no style) holding <w:pict><v:rect o:hr="t" o:hrstd="t" o:hralign="center"/></w:pict>; the next paragraph gets style FirstParagraph${check('VML rules', ev.vmlRules)}`
    case 'libreoffice-docx/marker':
      return `a TextBody paragraph "${marker}" with <w:jc w:val="center"/> (from <p style="text-align: center">)${check('centred paragraphs', ev.centred)}`
    case 'libreoffice-docx/pagebreak':
      return `a TextBody paragraph "${marker}" with <w:jc w:val="center"/>${check('centred paragraphs', ev.centred)}; between chapters <w:br w:type="page"/> as the last run of the chapter's last paragraph (from <h2 style="page-break-before: always">; no w:pageBreakBefore)`
    case 'libreoffice-docx/blank':
      return `a truly empty TextBody paragraph (one run with no w:t, from <p><br></p>)${check('empty paragraphs', ev.emptyParagraphs)}; paragraphs back to back with w:spacing after=140`
    case 'libreoffice-docx/spacing':
      return `truly empty TextBody paragraphs (a run with no w:t): one between every two paragraphs and after each heading, three and two alternately at a scene break, two before each chapter heading (${ev.emptyParagraphs} in all)`
    case 'libreoffice-docx/hr':
      return `an empty paragraph with style 'HorizontalLine' and a grey double bottom border (<w:pBdr><w:bottom w:val="double" w:sz="2" w:color="808080"/>)${check('bordered paragraphs', ev.borderRules)}`
    case 'libreoffice-rtf/marker':
      return `a Text Body paragraph (\\s16) "${marker}" with \\qc (from <p style="text-align: center">)${check('centred paragraphs', ev.centred)}`
    case 'libreoffice-rtf/pagebreak':
      return `a Text Body paragraph "${marker}" with \\qc${check('centred paragraphs', ev.centred)}; \\pagebb on the Heading 2 paragraph of every chapter but the first (from <h2 style="page-break-before: always">)`
    case 'libreoffice-rtf/blank':
      return `an empty Text Body paragraph (\\pard … \\par with no text, from <p><br></p>)${check('empty paragraphs', ev.emptyParagraphs)}`
    case 'libreoffice-rtf/spacing':
      return `empty Text Body paragraphs: one between every two paragraphs and after each heading, three and two alternately at a scene break, two before each chapter heading (${ev.emptyParagraphs} in all)`
    case 'libreoffice-rtf/hr':
      return `an empty paragraph in the style 'Horizontal Line' (\\s20), whose stylesheet entry and paragraph draw a double bottom border (\\brdrb\\brdrdb)${check('bordered paragraphs', ev.borderRules)}`
    case 'libreoffice-odt/blank':
      return `an empty <text:p text:style-name="Text_20_body"/>${check('empty paragraphs', ev.emptyParagraphs)}; paragraphs back to back`
    case 'libreoffice-odt/marker':
      return `a Text_20_body paragraph "${marker}" in an automatic paragraph style with fo:text-align="center" (from <p style="text-align: center">)${check('centred paragraphs', ev.centred)}`
    case 'libreoffice-odt/spacing':
      return `empty <text:p text:style-name="Text_20_body"/> paragraphs: one between every two paragraphs and after each heading, three and two alternately at a scene break, two before each chapter heading (${ev.emptyParagraphs} in all)`
    case 'libreoffice-odt/pagebreak':
      return `a Text_20_body paragraph "${marker}" centred by an automatic style${check('centred paragraphs', ev.centred)}; between chapters the heading's automatic style (parent Heading_20_2) has fo:break-before="page" (${ev.pageBreaks} in all)`
    case 'libreoffice-odt/hr':
      return `an empty <text:p text:style-name="Horizontal_20_Line"/> (the style draws a bottom border)${check('Horizontal Line paragraphs', ev.borderRules)}`
    case 'pandoc-epub/marker':
      return `<div data-custom-style="Scene Break"><p>${marker}</p></div> (pandoc keeps the DOCX custom style as a data attribute; no centring CSS)${check('markers', ev.markers)}`
    case 'pandoc-epub/hr':
      return `<hr /> between paragraphs${check('rules', ev.rules)}`
    case 'pandoc-md/marker':
      return `a paragraph "\\* \\* \\*" (escaped, so Markdown reads it as text, not a rule)${check('markers', ev.markers)}`
    case 'pandoc-md/hr':
      return `LOST: pandoc's DOCX reader drops LibreOffice's empty bordered 'HorizontalLine' paragraphs, so the Markdown has no break at all (${ev.rules} rules)`
    default:
      throw new Error(`no description of ${tool}/${conv}`)
  }
}

async function main() {
  const keep = process.argv.includes('--keep')
  const onlyAt = process.argv.indexOf('--only')
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : null
  if (only !== null && !PLAN.some((p) => p[0] === only)) throw new Error(`--only: no tool ${only} (tools: ${[...new Set(PLAN.map((p) => p[0]))].join(', ')})`)
  const made = (tool) => only === null || tool === only
  const work = mkdtempSync(join(tmpdir(), 'proselens-render-tools-'))
  const stories = new Map(STORIES.map((f) => [f.replace(/\.[^.]+$/, ''), labelledStory(f)]))
  for (const tool of new Set(PLAN.map((p) => p[0]).filter(made))) {
    rmSync(join(OUT, tool), { recursive: true, force: true })
    mkdirSync(join(OUT, tool), { recursive: true })
  }
  const ref = join(work, 'reference.docx')
  await referenceDocx(ref)

  // Intermediates
  const loJobs = { docx: [], odt: [], rtf: [] }
  for (const [tool, slug, conv, opts] of PLAN) {
    if (!made(tool)) continue
    const story = stories.get(slug)
    const stem = `${slug}.${conv}`
    const out = join(OUT, tool, `${stem}.${EXT[tool]}`)
    if (tool === 'pandoc-docx') {
      const src = join(work, tool, `${stem}.${opts.from === 'html' ? 'html' : 'md'}`)
      mkdirSync(dirname(src), { recursive: true })
      writeFileSync(src, opts.from === 'html' ? toHtml(story, conv, { ...opts, for: 'pandoc' }) : toMarkdown(story, conv, opts))
      run('pandoc', ['-f', opts.from, '-t', 'docx', '--reference-doc', ref, '-o', out, src])
    } else if (tool === 'pandoc-epub') {
      const src = join(work, tool, `${stem}.md`)
      mkdirSync(dirname(src), { recursive: true })
      writeFileSync(src, toMarkdown(story, conv, { ...opts, epub: true }))
      run('pandoc', ['-f', 'markdown', '-t', 'epub3', ...(opts.shift ? ['--shift-heading-level-by=-1'] : []), '-o', out, src])
    } else if (tool.startsWith('libreoffice')) {
      const kind = EXT[tool]
      const src = join(work, tool, `${stem}.html`)
      mkdirSync(dirname(src), { recursive: true })
      writeFileSync(src, toHtml(story, conv, { ...opts, for: 'lo' }))
      loJobs[kind].push(src)
    }
  }
  // A private LibreOffice profile that saves no thumbnail (it would add ~30 KB to every ODT).
  const profile = `file://${join(work, 'lo-profile')}`
  mkdirSync(join(work, 'lo-profile', 'user'), { recursive: true })
  writeFileSync(
    join(work, 'lo-profile', 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>\n</oor:items>\n',
  )
  for (const [kind, srcs] of Object.entries(loJobs)) {
    if (!srcs.length) continue
    const filter = { docx: 'docx:MS Word 2007 XML', odt: 'odt:writer8', rtf: 'rtf:Rich Text Format' }[kind]
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', filter, '--outdir', join(OUT, `libreoffice-${kind}`), ...srcs])
  }
  for (const [tool, slug, conv, opts] of PLAN) {
    if (tool !== 'pandoc-md' || !made(tool)) continue
    const md = run('pandoc', ['-f', 'docx', '-t', 'markdown', '-s', join(OUT, opts.of)]).toString()
    writeFileSync(join(OUT, tool, `${slug}.${conv}.md`), md)
  }

  // Gold: what each file shows
  const gold = []
  for (const [tool, slug, conv, opts] of PLAN) {
    const story = stories.get(slug)
    const ext = EXT[tool]
    const file = `${tool}/${slug}.${conv}.${ext}`
    const path = join(OUT, file)
    const bytes = readFileSync(path)
    const { blocks, evidence } = ext === 'docx' ? await docxBlocks(bytes) : ext === 'odt' ? await odtBlocks(bytes) : ext === 'rtf' ? rtfBlocks(bytes) : ext === 'epub' ? await epubBlocks(bytes) : markdownBlocks(bytes.toString('utf8'))
    const level = tool === 'pandoc-epub' && opts.shift ? 1 : 2
    const chapters = segment(blocks, conv, level)
    if (evidence.markers !== undefined) evidence.markers = blocks.filter((b) => b.t === 'p' && MARKER.test(b.text)).length
    const labelledBreaks = story.chapters.reduce((a, c) => a + c.scenes.length - 1, 0)
    const notes = []
    if (chapters.length !== story.chapters.length) throw new Error(`${file}: ${chapters.length} chapters, the story has ${story.chapters.length}`)
    const goldChapters = chapters.map((c, i) => {
      const labelled = story.chapters[i]
      const w = words(c.scenes.flat().join('\n')).length
      const lw = words(labelled.scenes.flat().join('\n')).length
      if (w !== lw) notes.push(`chapter ${i + 1}: ${w} words in the file, ${lw} in the labels`)
      const entry = { title: c.title, scenes: c.scenes.length, words: w, openings: c.scenes.map(opening) }
      if (c.scenes.length !== labelled.scenes.length) entry.labelled_scenes = labelled.scenes.length
      return entry
    })
    const shown = goldChapters.reduce((a, c) => a + c.scenes - 1, 0)
    const lost = labelledBreaks - shown
    notes.push(lost ? `Breaks in this file: ${shown} of the story's ${labelledBreaks}; 'scenes' is what the file shows, 'labelled_scenes' the story's.` : `All ${labelledBreaks} scene breaks survive in the file.`)
    if (conv === 'pagebreak') {
      const withBreak = chapters.filter((c, i) => i > 0 && c.pageBreakBefore).length
      notes.push(`Page breaks before ${withBreak} of the ${chapters.length - 1} later chapters.`)
      if (withBreak !== chapters.length - 1) throw new Error(`${file}: page breaks before ${withBreak} chapters`)
    }
    // What pandoc's reader sees of the file
    const from = { docx: 'docx', odt: 'odt', rtf: 'rtf', epub: 'epub', md: 'markdown' }[ext]
    const seen = segment(pandocBlocks(path, from), conv, level)
    const seenBreaks = seen.reduce((a, c) => a + c.scenes.length - 1, 0)
    if (seen.length !== chapters.length || seenBreaks !== shown)
      notes.push(`pandoc's ${from} reader (pandoc ${basename(file)} -t plain) sees ${seen.length} chapters and ${seenBreaks} of these ${shown} breaks${ext === 'docx' || ext === 'odt' || ext === 'rtf' ? ': it drops empty paragraphs and rules' : ''}; the file itself shows them.`)
    if (story.omitted.length) notes.push(`Only the title, the author and the chapters are rendered: the corpus file's ${story.omitted.join(' and ')} is left out.`)
    const first = chapters[0].scenes[0][0]
    const lastScene = chapters.at(-1).scenes.at(-1)
    const last = lastScene.at(-1)
    const producer = {
      'pandoc-docx': `${PANDOC} docx (pandoc -f ${opts.from} -t docx --reference-doc, the default reference with a centred 'Scene Break' style)`,
      'libreoffice-docx': `${SOFFICE} docx (soffice --headless --infilter="HTML (StarWriter)" --convert-to docx)`,
      'libreoffice-rtf': `${SOFFICE} rtf (soffice --headless --infilter="HTML (StarWriter)" --convert-to rtf)`,
      'libreoffice-odt': `${SOFFICE} odt (soffice --headless --infilter="HTML (StarWriter)" --convert-to odt)`,
      'pandoc-epub': `${PANDOC} epub3 (pandoc -f markdown -t epub3${opts.shift ? ' --shift-heading-level-by=-1' : ''})`,
      'pandoc-md': `${PANDOC} markdown (pandoc -f docx -t markdown -s of ${opts.of})`,
    }[tool]
    const titleBlock = {
      'pandoc-docx': "pandoc's Title and Author paragraphs (and dc:title, dc:creator)",
      'libreoffice-docx': 'a Heading1 title and a "by" paragraph (and dc:title, dc:creator from the HTML <title> and <meta name="author">)',
      'libreoffice-rtf': 'a Heading 1 (\\s1) title and a "by" paragraph (and {\\info{\\title}{\\author}} from the HTML <title> and <meta name="author">)',
      'libreoffice-odt': 'a level-1 heading title and a "by" paragraph (and dc:title, meta:initial-creator)',
      'pandoc-epub': opts.shift
        ? "pandoc's title page document (title, author); chapters are <h1> in a document each"
        : "pandoc's title page document, then one document holding everything: pandoc adds an <h1> with the story title (there is no level-1 heading) and the chapters are <h2> sections inside it",
      'pandoc-md': opts.of?.startsWith('pandoc') ? 'YAML title and author (from the DOCX Title and Author paragraphs)' : 'a "# " title heading and a "by" paragraph (from the Heading1 and body paragraph)',
    }[tool]
    notes.push(`Title block: ${titleBlock}. Chapters are level-${level} headings.`)
    gold.push({
      file,
      format: ext,
      source: `corpus/${story.file} (labels corpus/labels/${slug}.json), via intermediate ${tool === 'pandoc-md' ? 'DOCX ' + opts.of : opts.from === 'markdown' || tool === 'pandoc-epub' ? 'pandoc Markdown' : 'HTML'}`,
      producer,
      convention: conv,
      title: story.title,
      author: story.author,
      words: goldChapters.reduce((a, c) => a + c.words, 0),
      parts: [],
      front_matter: [],
      back_matter: [],
      first_body_text: first.slice(0, 100),
      last_body_text: last.slice(-100),
      scene_break_rendering: rendering(tool, conv, opts, evidence, shown),
      notes: notes.join(' '),
      chapters: goldChapters,
    })
    const size = statSync(path).size
    if (size > 100_000) throw new Error(`${file}: ${size} bytes`)
    console.log(`${relative(ROOT, path)}  ${(size / 1024).toFixed(1)} KB  ${conv}: ${goldChapters.map((c) => c.scenes).join('+')} scenes${lost ? ` (${lost} breaks lost)` : ''}`)
  }
  writeFileSync(join(OUT, 'gold.json'), JSON.stringify(gold, null, 1) + '\n')
  console.log(`${relative(ROOT, join(OUT, 'gold.json'))}  ${gold.length} files`)
  if (keep) console.log(`intermediates kept in ${work}`)
  else rmSync(work, { recursive: true, force: true })
}

await main()
