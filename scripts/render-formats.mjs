#!/usr/bin/env node
/**
 * Render a story into every format proselens reads — Markdown, HTML, an AO3-shaped download,
 * DOCX, EPUB 3, EPUB 2, RTF, zipped Scrivener and novelWriter projects (render-projects.mjs) and a
 * typeset PDF (render-pdf.mjs) — from its structure as the plain-text analysis reads it, so that
 * the same story can be checked across formats. DOCX is written with the `docx` library and EPUB
 * with `jszip`; nothing is hand-made. RTF, a text format like Markdown and HTML, is written here
 * in the shape Word writes it (LibreOffice's own RTF is in test/fixtures/tools, by
 * scripts/render-tools.mjs). ODT is LibreOffice's own conversion of that DOCX
 * (`soffice --headless --convert-to odt`), so it needs LibreOffice; the tests read the ODT
 * renderings committed in test/fixtures/odt/, which `--odt-fixtures` writes again.
 *
 *   node scripts/render-formats.mjs STORY.txt OUT_DIR      every rendering, ODT too
 *   node scripts/render-formats.mjs --odt-fixtures         test/fixtures/odt/<story>.odt for corpus/*.txt
 *
 * Needs `npm run build` first (it reads the story with dist/).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'
import { readText, structure } from '../dist/index.js'
import { toNovelWriter, toScrivener, zipFolder } from './render-projects.mjs'
import { toPdf } from './render-pdf.mjs'

/** A story as formats need it: metadata, chapters with titles, scenes of paragraphs. */
export function storyModel(bytes, path) {
  const m = structure(readText(bytes, { path }))
  const para = (p) => m.text.slice(p.start, p.end).replace(/\s*\n\s*/g, ' ').trim()
  return {
    title: m.meta.title ?? basename(path, extname(path)),
    author: m.meta.author,
    rating: m.meta.rating ?? null,
    chapters: m.chapters.map((c) => ({ title: c.title, scenes: c.scenes.map((s) => s.paragraphs.map(para)) })),
  }
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
/** Escape what Markdown would read as markup, so the text comes back unchanged. */
const escapeMarkdown = (s) =>
  s
    .replace(/([\\`*_[\]<>#|~])/g, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1')

export function toMarkdown(story) {
  const out = ['---', `title: ${JSON.stringify(story.title)}`]
  if (story.author) out.push(`author: ${JSON.stringify(story.author)}`)
  if (story.rating) out.push(`rating: ${JSON.stringify(story.rating)}`)
  out.push('---', '')
  for (const [ci, chapter] of story.chapters.entries()) {
    if (chapter.title) out.push(`## ${escapeMarkdown(chapter.title)}`, '')
    for (const [si, scene] of chapter.scenes.entries()) {
      if (si > 0) out.push(ci % 2 === 0 ? '* * *' : '***', '')
      for (const p of scene) out.push(escapeMarkdown(p), '')
    }
  }
  return out.join('\n')
}

export function toHtml(story) {
  const out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">', `<title>${escapeHtml(story.title)}</title>`]
  out.push('<style>p.break{text-align:center}</style><script>document.title += "";</script></head><body>')
  out.push(`<h1>${escapeHtml(story.title)}</h1>`)
  if (story.author) out.push(`<p class="byline">by ${escapeHtml(story.author)}</p>`)
  for (const [ci, chapter] of story.chapters.entries()) {
    if (chapter.title) out.push(`<h2>${escapeHtml(chapter.title)}</h2>`)
    for (const [si, scene] of chapter.scenes.entries()) {
      if (si > 0) out.push(ci % 2 === 0 ? '<hr>' : '<p class="break">* * *</p>')
      out.push('<!-- scene -->')
      for (const p of scene) out.push(`<p>${escapeHtml(p)}</p>`)
    }
  }
  out.push('</body></html>')
  return out.join('\n')
}

/** The parts of an AO3-shaped download: preface with tags and stats, chapters with notes, afterword. */
function ao3Parts(story) {
  const words = story.chapters.flatMap((c) => c.scenes.flat()).join(' ').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
  const n = story.chapters.length
  const tag = (t) => `<a href="http://archiveofourown.org/tags/${encodeURIComponent(t)}">${escapeHtml(t)}</a>`
  const preface = [
    '<div id="preface">',
    '<h2 class="toc-heading">Preface</h2>',
    `<p class="message"><b>${escapeHtml(story.title)}</b><br/>Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at <a href="http://archiveofourown.org/works/1">http://archiveofourown.org/works/1</a>.</p>`,
    '<div class="meta"><dl class="tags">',
    `<dt>Rating:</dt><dd>${tag('General Audiences')}</dd>`,
    `<dt>Archive Warning:</dt><dd>${tag('No Archive Warnings Apply')}</dd>`,
    `<dt>Category:</dt><dd>${tag('Gen')}</dd>`,
    `<dt>Fandom:</dt><dd>${tag('Original Work')}</dd>`,
    `<dt>Character:</dt><dd>${tag('Original Characters')}</dd>`,
    `<dt>Additional Tags:</dt><dd>${tag('Rendered Fixture')}, ${tag('Slow Burn')}</dd>`,
    '<dt>Language:</dt><dd>English</dd>',
    `<dt>Stats:</dt><dd>\n  Published: 2024-01-02\n  Completed: 2024-02-03\n  Words: ${words.toLocaleString('en-US')}\n  Chapters: ${n}/${n}\n</dd>`,
    '</dl>',
    `<h1>${escapeHtml(story.title)}</h1>`,
    `<div class="byline">by <a rel="author" href="http://archiveofourown.org/users/x/pseuds/x">${escapeHtml(story.author ?? 'Anonymous')}</a></div>`,
    '<p>Summary</p><blockquote class="userstuff"><p>A story rendered as an archive download, to test reading one.</p></blockquote>',
    '<p>Notes</p><blockquote class="userstuff"><p>The notes of the work, which are not story.</p></blockquote>',
    '<div class="endnote-link">See the end of the work for more <a href="#endnotes">notes</a></div>',
    '</div></div>',
  ].join('\n')
  const chapters = story.chapters.map((chapter, ci) => {
    const out = []
    if (n > 1) {
      out.push('<div class="meta group">', `<h2 class="heading">${escapeHtml(chapter.title ?? `Chapter ${ci + 1}`)}</h2>`)
      if (ci === 0) out.push('<p>Chapter Notes</p><blockquote class="userstuff"><p>A note before the first chapter.</p></blockquote>')
      out.push('</div>')
    }
    out.push('<!--chapter content-->', '<div class="userstuff">')
    for (const [si, scene] of chapter.scenes.entries()) {
      if (si > 0) out.push(ci % 2 === 0 ? '<hr />' : '<p align="center">* * *</p>')
      for (const p of scene) out.push(`<p>\n  <span>${escapeHtml(p)}</span>\n</p>`)
    }
    out.push('</div>', '<!--/chapter content-->')
    if (n > 1 && ci === 1) out.push(`<div class="meta" id="endnotes${ci + 1}"><p>Chapter End Notes</p><blockquote class="userstuff"><p>A note after the second chapter.</p></blockquote></div>`)
    return out.join('\n')
  })
  const afterword = [
    '<div id="afterword"><h2 class="toc-heading">Afterword</h2>',
    '<div class="meta"><div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>Thank you for reading.</p></blockquote></div></div>',
    '<p class="message">Please <a href="http://archiveofourown.org/works/1/comments/new">drop by the archive and comment</a> to let the creator know if you enjoyed their work!</p>',
    '</div>',
  ].join('\n')
  return { preface, chapters, afterword }
}

/** An AO3-shaped HTML download. */
export function toAo3Html(story) {
  const { preface, chapters, afterword } = ao3Parts(story)
  return [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head><meta charset="utf-8"/>',
    `<title>${escapeHtml(story.title)} - ${escapeHtml(story.author ?? 'Anonymous')} - Original Work</title>`,
    '<style type="text/css">p.message{text-align:center}.toc-heading{display:none}</style></head><body>',
    preface,
    '<div id="chapters" class="userstuff">',
    ...chapters,
    '</div>',
    afterword,
    '</body></html>',
  ].join('\n')
}

/** An AO3-shaped EPUB: the preface, each chapter and the afterword in documents of their own. */
export async function toAo3Epub(story) {
  const { preface, chapters, afterword } = ao3Parts(story)
  const docs = [['preface', preface], ...chapters.map((c, i) => [`chapter${i + 1}`, c]), ['afterword', afterword]]
  return epubOf(story, docs.map(([id, body]) => ({ id, href: `${id}.xhtml`, title: null, body })), 3)
}

/** DOCX: Title style, Heading 1 chapters, scene breaks as a centred `* * *` or a page break. */
export async function toDocx(story) {
  const children = [new Paragraph({ text: story.title, heading: HeadingLevel.TITLE })]
  if (story.author) children.push(new Paragraph({ text: `by ${story.author}` }))
  for (const [ci, chapter] of story.chapters.entries()) {
    if (chapter.title) children.push(new Paragraph({ text: chapter.title, heading: HeadingLevel.HEADING_1, pageBreakBefore: ci > 0 }))
    for (const [si, scene] of chapter.scenes.entries()) {
      if (si > 0) {
        children.push(si % 2 === 1 ? new Paragraph({ text: '* * *', alignment: AlignmentType.CENTER }) : new Paragraph({ children: [new PageBreak()] }))
      }
      for (const p of scene) children.push(new Paragraph({ children: [new TextRun(p)] }))
    }
  }
  const doc = new Document({ creator: story.author ?? '', title: story.title, sections: [{ children }] })
  return Packer.toBuffer(doc)
}

const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
/** RTF text: `\`, `{`, `}` escaped; Windows-1252 characters as `\'hh`, others as `\uN?` (negative past 32767, as Word writes them). */
const escapeRtf = (s) =>
  s.replace(/[\\{}]|[^\x20-\x7e]/g, (ch) => {
    if (ch === '\\' || ch === '{' || ch === '}') return `\\${ch}`
    const code = ch.charCodeAt(0)
    const high = WINDOWS_1252_HIGH.indexOf(ch)
    if (high >= 0) return `\\'${(0x80 + high).toString(16)}`
    if (code >= 0xa0 && code <= 0xff) return `\\'${code.toString(16)}`
    return `\\u${code > 32767 ? code - 65536 : code}?`
  })

/**
 * RTF in Word's shape: a stylesheet with Title and "heading 1" (with its outline level), the
 * `\info` title and author, chapters in the heading style (`\pagebb` before every chapter but
 * the first), scene breaks as a centred `* * *` or a `\page`, alternately.
 */
export function toRtf(story) {
  const out = [
    '{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}',
    '{\\stylesheet{\\ql \\f0\\fs24 \\snext0 Normal;}{\\s1\\ql \\keepn\\outlinelevel0\\b\\fs32 \\sbasedon0 \\snext0 heading 1;}{\\s15\\qc \\b\\fs48 \\sbasedon0 \\snext0 Title;}{\\*\\cs10 \\additive Default Paragraph Font;}}',
    `{\\info{\\title ${escapeRtf(story.title)}}${story.author ? `{\\author ${escapeRtf(story.author)}}` : ''}{\\creatim\\yr2024\\mo1\\dy2\\hr10\\min0}}`,
    '\\paperw12240\\paperh15840\\margl1440\\margr1440\\sectd',
    `\\pard\\plain \\s15\\qc \\b\\fs48 ${escapeRtf(story.title)}\\par`,
  ]
  if (story.author) out.push(`\\pard\\plain \\qc \\f0\\fs24 by ${escapeRtf(story.author)}\\par`)
  for (const [ci, chapter] of story.chapters.entries()) {
    if (chapter.title) out.push(`\\pard\\plain \\s1\\ql \\keepn${ci > 0 ? '\\pagebb' : ''}\\outlinelevel0\\b\\fs32 ${escapeRtf(chapter.title)}\\par`)
    for (const [si, scene] of chapter.scenes.entries()) {
      if (si > 0) out.push(si % 2 === 1 ? '\\pard\\plain \\qc \\f0\\fs24 * * *\\par' : '\\pard\\plain \\f0\\fs24 {\\page }\\par')
      for (const p of scene) out.push(`\\pard\\plain \\ql \\fi360\\f0\\fs24 ${escapeRtf(p)}\\par`)
    }
  }
  out.push('}')
  return out.join('\r\n')
}

const xhtml = (title, body) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${escapeHtml(title)}</title></head><body>\n${body}\n</body></html>`

/**
 * EPUB: version 3 takes chapter titles from its navigation document only (the chapter files have
 * no headings); version 2 has an NCX and headings in the files.
 */
export async function toEpub(story, version = 3) {
  // Untitled chapters (a story without headings) have no entry in the navigation.
  const docs = story.chapters.map((chapter, i) => {
    const body = [version === 2 && chapter.title ? `<h2>${escapeHtml(chapter.title)}</h2>` : '']
    for (const [si, scene] of chapter.scenes.entries()) {
      if (si > 0) body.push('<hr/>')
      for (const p of scene) body.push(`<p>${escapeHtml(p)}</p>`)
    }
    return { id: `ch${i + 1}`, href: `text/chapter-${i + 1}.xhtml`, title: chapter.title, body: body.join('\n') }
  })
  const title = { id: 'title', href: 'title.xhtml', title: null, body: `<h1>${escapeHtml(story.title)}</h1>${story.author ? `\n<p>by ${escapeHtml(story.author)}</p>` : ''}` }
  return epubOf(story, [title, ...docs], version)
}

/** Package documents `{id, href, title, body}` as an EPUB of the given version. */
async function epubOf(story, docs, version) {
  const zip = new JSZip()
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' })
  zip.file('META-INF/container.xml', '<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
  for (const d of docs) zip.file(`OEBPS/${d.href}`, xhtml(d.title ?? story.title, d.body))
  const listed = docs.filter((d) => d.title)
  const items = docs.map((d) => `<item id="${d.id}" href="${d.href}" media-type="application/xhtml+xml"/>`)
  const nav = version === 3 ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
  zip.file(
    'OEBPS/content.opf',
    `<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="${version}.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier><dc:title>${escapeHtml(story.title)}</dc:title>${story.author ? `<dc:creator>${escapeHtml(story.author)}</dc:creator>` : ''}<dc:language>en</dc:language><dc:subject>Fiction</dc:subject><dc:subject>Test fixture</dc:subject></metadata><manifest>${nav}${items.join('')}</manifest><spine${version === 2 ? ' toc="ncx"' : ''}>${docs.map((d) => `<itemref idref="${d.id}"/>`).join('')}</spine></package>`,
  )
  if (version === 3) {
    zip.file('OEBPS/nav.xhtml', xhtml('Contents', `<nav epub:type="toc"><ol>${listed.map((d) => `<li><a href="${d.href}">${escapeHtml(d.title)}</a></li>`).join('')}</ol></nav>`))
  } else {
    const points = listed.map((d, i) => `<navPoint id="p${i + 1}" playOrder="${i + 1}"><navLabel><text>${escapeHtml(d.title)}</text></navLabel><content src="${d.href}"/></navPoint>`)
    zip.file('OEBPS/toc.ncx', `<?xml version="1.0"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>${escapeHtml(story.title)}</text></docTitle><navMap>${points.join('')}</navMap></ncx>`)
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/epub+zip' })
}

/** Every rendering of a story: file ending → contents. */
export async function renderAll(story) {
  return {
    '.md': toMarkdown(story),
    '.html': toHtml(story),
    '.ao3.html': toAo3Html(story),
    '.docx': await toDocx(story),
    '.epub': await toEpub(story, 3),
    '.epub2.epub': await toEpub(story, 2),
    '.ao3.epub': await toAo3Epub(story),
    '.rtf': toRtf(story),
    '.scriv.zip': zipFolder(`${story.title}.scriv`, toScrivener(story)),
    '.nw.zip': zipFolder('novel', toNovelWriter(story)),
    // A book's one convention for its scene breaks: markers or gaps, by story.
    '.pdf': await toPdf(story, { breaks: story.title.length % 2 === 0 ? 'marker' : 'gap' }),
  }
}

/**
 * ODT files made by LibreOffice from DOCX files (`{stem: docx bytes}`), written to `outDir` as
 * `<stem>.odt`. A private LibreOffice profile saves no thumbnail (some 30 KB an ODT) and dates
 * come from the DOCX; the zip's times and settings.xml's Rsid are LibreOffice's own.
 */
export function docxToOdt(docxByStem, outDir) {
  const work = mkdtempSync(join(tmpdir(), 'proselens-odt-'))
  try {
    mkdirSync(join(work, 'lo-profile', 'user'), { recursive: true })
    writeFileSync(
      join(work, 'lo-profile', 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
        '<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>\n</oor:items>\n',
    )
    const sources = Object.entries(docxByStem).map(([stem, data]) => {
      const path = join(work, `${stem}.docx`)
      writeFileSync(path, data)
      return path
    })
    mkdirSync(outDir, { recursive: true })
    execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'odt:writer8', '--outdir', outDir, ...sources], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    })
    return sources.map((s) => join(outDir, `${basename(s, '.docx')}.odt`))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--odt-fixtures') {
    const root = fileURLToPath(new URL('..', import.meta.url))
    const docx = {}
    for (const f of readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort()) {
      docx[basename(f, '.txt')] = await toDocx(storyModel(new Uint8Array(readFileSync(join(root, 'corpus', f))), `corpus/${f}`))
    }
    for (const path of docxToOdt(docx, join(root, 'test', 'fixtures', 'odt'))) console.log(path)
    process.exit(0)
  }
  const [input, outDir] = process.argv.slice(2)
  if (!input || !outDir) {
    console.error('usage: node scripts/render-formats.mjs STORY.txt OUT_DIR | --odt-fixtures')
    process.exit(2)
  }
  mkdirSync(outDir, { recursive: true })
  const stem = basename(input, extname(input))
  const story = storyModel(new Uint8Array(readFileSync(input)), input)
  const renders = await renderAll(story)
  for (const [ending, data] of Object.entries(renders)) {
    const path = join(outDir, stem + ending)
    writeFileSync(path, data)
    console.log(path)
  }
  for (const path of docxToOdt({ [stem]: renders['.docx'] }, outDir)) console.log(path)
}
