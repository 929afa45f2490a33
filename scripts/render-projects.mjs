#!/usr/bin/env node
/**
 * Render a story (as `storyModel` in render-formats.mjs gives it) as the projects of two writing
 * apps, following their published file formats, so that the same story can be checked across
 * formats:
 *
 * - Scrivener 3: `<Title>.scriv/<Title>.scrivx` (the binder: a Draft folder of chapter folders
 *   holding scene documents; labels and statuses; project properties), each document's text in
 *   `Files/Data/<UUID>/content.rtf` as Scrivener's Cocoa RTF writes it (paragraphs ended by `\`
 *   and a newline, curly quotes as `\uc0\uN `), a synopsis in `synopsis.txt`; plus what a real
 *   project holds beside: a scene left out of the compile, a Research folder, the Trash.
 * - novelWriter 2: `nwProject.nwx` (items with handles, parents, order, class and layout) and
 *   `content/<handle>.nwd` per document: a title page (`#!`), a document per chapter (`##`) and
 *   per scene (`###`) with `@pov`/`@char` tags and a `%Synopsis:` comment, a character note, and a
 *   scene left out of the build.
 *
 * Each as `{relative path: bytes}`, and zipped in one folder as a writer would send it.
 *   node scripts/render-projects.mjs STORY.txt OUT_DIR    writes OUT_DIR/<stem>.scriv and <stem>.nw
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'

const enc = new TextEncoder()
const EPOCH = new Date(Date.UTC(2024, 0, 2))

/** A stable UUID for the n-th item of a story, as Scrivener writes them (upper-case hex, dashed). */
function uuid(seed, n) {
  const h = createHash('sha256').update(`${seed}\0${n}`).digest('hex').toUpperCase()
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
/** Text in Cocoa RTF: Latin-1 as `\'hh`, the rest (curly quotes, dashes) as `\uc0\uN `, as macOS writes them. */
const cocoaRtf = (s) =>
  s.replace(/[\\{}]|[^\x20-\x7e]/g, (ch) => {
    if (ch === '\\' || ch === '{' || ch === '}') return `\\${ch}`
    const code = ch.charCodeAt(0)
    if (code >= 0xa0 && code <= 0xff) return `\\'${code.toString(16)}`
    if (WINDOWS_1252_HIGH.includes(ch) || code > 0xff) return `\\uc0\\u${code} `
    return ''
  })

/** A document's paragraphs as Scrivener 3 on macOS saves `content.rtf`. */
export function scrivenerRtf(paragraphs) {
  const head = [
    '{\\rtf1\\ansi\\ansicpg1252\\cocoartf2822',
    '\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\froman\\fcharset0 Palatino-Roman;}',
    '{\\colortbl;\\red255\\green255\\blue255;}',
    '{\\*\\expandedcolortbl;;}',
    '\\pard\\tx360\\fi360\\sl288\\slmult1\\pardirnatural\\partightenfactor0',
    '',
    '\\f0\\fs26 \\cf0 ',
  ].join('\n')
  return head + paragraphs.map(cocoaRtf).join('\\\n') + '}'
}

const LABELS = ['Concept', 'Chapter', 'Scene', 'Idea', 'Notes']
const STATUSES = ['To Do', 'First Draft', 'Revised Draft', 'Final Draft', 'Done']

/**
 * A story as a Scrivener 3 project: `{path: bytes}` relative to the `.scriv` folder. Chapters
 * with a title are folders; an untitled chapter's scenes stand in the Draft itself.
 */
export function toScrivener(story) {
  const seed = story.title
  let n = 0
  const files = {}
  const item = (type, title, inner = '', meta = '') =>
    `<BinderItem UUID="${uuid(seed, n)}" Type="${type}" Created="2024-01-02 10:00:00 +0000" Modified="2024-01-02 10:00:00 +0000">\n<Title>${escapeXml(title)}</Title>\n<MetaData>${meta}</MetaData>\n${inner ? `<Children>\n${inner}</Children>\n` : ''}</BinderItem>\n`
  const text = (title, paragraphs, meta, synopsis) => {
    n++
    const id = uuid(seed, n)
    files[`Files/Data/${id}/content.rtf`] = scrivenerRtf(paragraphs)
    if (synopsis) files[`Files/Data/${id}/synopsis.txt`] = synopsis
    return item('Text', title, '', meta)
  }
  const chapters = []
  let scene = 0
  for (const [ci, chapter] of story.chapters.entries()) {
    const scenes = chapter.scenes.map((paragraphs, si) => {
      scene++
      const status = STATUSES[scene % STATUSES.length]
      return text(`Scene ${scene}`, paragraphs, `<LabelID>2</LabelID><StatusID>${1 + (scene % STATUSES.length)}</StatusID><IncludeInCompile>Yes</IncludeInCompile>`, `${status}: scene ${si + 1} of chapter ${ci + 1}.`)
    })
    // A scene the writer cut, kept in the binder but out of the compile.
    if (ci === 0) scenes.push(text('Cut: an older opening', ['This scene was cut from the draft and is kept only for reference.'], '<LabelID>4</LabelID><IncludeInCompile>No</IncludeInCompile>'))
    if (chapter.title) {
      n++
      const folder = item('Folder', chapter.title, scenes.join(''), '<LabelID>1</LabelID><IncludeInCompile>Yes</IncludeInCompile>')
      chapters.push(folder)
    } else chapters.push(scenes.join(''))
  }
  n++
  const draft = item('DraftFolder', 'Draft', chapters.join(''), '<IncludeInCompile>Yes</IncludeInCompile>')
  const research = (() => {
    const note = text('Setting notes', ['Notes on the setting, not part of the manuscript.'], '<IncludeInCompile>Yes</IncludeInCompile>')
    n++
    return item('ResearchFolder', 'Research', note)
  })()
  const trash = (() => {
    const gone = text('Deleted scene', ['A scene thrown away.'], '<IncludeInCompile>Yes</IncludeInCompile>')
    n++
    return item('TrashFolder', 'Trash', gone)
  })()
  const labels = ['<Label ID="-1">No Label</Label>', ...LABELS.map((l, i) => `<Label ID="${i + 1}" Color="0.5 0.5 0.5">${l}</Label>`)].join('\n')
  const statuses = ['<Status ID="-1">No Status</Status>', ...STATUSES.map((s, i) => `<Status ID="${i + 1}">${s}</Status>`)].join('\n')
  const name = safeName(story.title)
  files[`${name}.scrivx`] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ScrivenerProject Template="No" Version="2.0" Identifier="${uuid(seed, 'project')}" Creator="SCRMAC-3.3.6-16630" Device="Writer's Mac" Modified="2024-01-02 10:00:00 +0000" ModID="${uuid(seed, 'mod')}">`,
    `<Binder>\n${draft}${research}${trash}</Binder>`,
    `<LabelSettings>\n<Title>Label</Title>\n<DefaultLabelID>-1</DefaultLabelID>\n<Labels>\n${labels}\n</Labels>\n</LabelSettings>`,
    `<StatusSettings>\n<Title>Status</Title>\n<DefaultStatusID>-1</DefaultStatusID>\n<StatusItems>\n${statuses}\n</StatusItems>\n</StatusSettings>`,
    `<ProjectProperties>\n<ProjectTitle>${escapeXml(story.title)}</ProjectTitle>\n${story.author ? `<FullName>${escapeXml(story.author)}</FullName>\n` : ''}</ProjectProperties>`,
    '</ScrivenerProject>',
    '',
  ].join('\n')
  // What else a project folder holds, which a reader must pass over.
  files['Files/search.indexes'] = '<?xml version="1.0" encoding="UTF-8"?>\n<SearchIndexes Version="1.0"></SearchIndexes>\n'
  files['Files/version.txt'] = '23'
  files['Settings/ui-common.xml'] = '<?xml version="1.0" encoding="UTF-8"?>\n<UICommon/>\n'
  return toBytes(files)
}

/** A file name from a title, as Scrivener names a project's binder after the project. */
const safeName = (title) => title.replace(/[/\\:*?"<>|]/g, '-')

const toBytes = (files) => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? enc.encode(v) : v]))

/** A novelWriter handle: 13 hex digits. */
const handle = (seed, n) => createHash('sha256').update(`${seed}\0nw\0${n}`).digest('hex').slice(0, 13)

/** Escape what novelWriter would read as its markup in a paragraph's text. */
const escapeNw = (s) => s.replace(/([_*~\\[])/g, '\\$1').replace(/^([#%@])/, '\\$1').replace(/^>>/, '\\>>')

/** A story as a novelWriter 2 project: `{path: bytes}` relative to the project folder. */
export function toNovelWriter(story) {
  const seed = story.title
  let n = 0
  const files = {}
  const items = []
  const statusKeys = ['New', 'Note', 'Draft', 'Finished'].map((s, i) => [`s${handle(seed, 's' + i).slice(0, 6)}`, s])
  const importance = `i${handle(seed, 'imp').slice(0, 6)}`
  const add = (parent, root, type, cls, layout, name, body, active = true, status = statusKeys[2][0]) => {
    const h = handle(seed, n++)
    const order = items.filter((i) => i.parent === parent).length
    items.push({ h, parent, root, type, cls, layout, name, active, status, order })
    if (body !== undefined) {
      files[`content/${h}.nwd`] = `%%~name: ${name}\n%%~path: ${parent ?? 'None'}/${h}\n%%~kind: ${cls}/${layout}\n%%~hash: ${createHash('sha1').update(body).digest('hex')}\n%%~date: 2024-01-02 10:00:00/2024-01-02 10:00:00\n${body}`
    }
    return h
  }
  const novel = add(null, null, 'ROOT', 'NOVEL', null, 'Novel')
  items[0].root = novel
  add(novel, novel, 'FILE', 'NOVEL', 'DOCUMENT', 'Title Page', `#! ${story.title}\n\n${story.author ? `>> By ${story.author} <<\n\n` : ''}`)
  let scene = 0
  for (const [ci, chapter] of story.chapters.entries()) {
    const folder = chapter.title ? add(novel, novel, 'FOLDER', 'NOVEL', null, chapter.title) : novel
    if (chapter.title) add(folder, novel, 'FILE', 'NOVEL', 'DOCUMENT', chapter.title, `## ${chapter.title}\n\n%Synopsis: Chapter ${ci + 1}.\n\n`)
    for (const paragraphs of chapter.scenes) {
      scene++
      const body = [`### Scene ${scene}`, '', `@pov: Narrator`, `@char: Narrator`, '', `%Synopsis: Scene ${scene}.`, '', `% A note to self: check the timeline here.`, '', ...paragraphs.flatMap((p) => [escapeNw(p), ''])].join('\n')
      add(folder, novel, 'FILE', 'NOVEL', 'DOCUMENT', `Scene ${scene}`, body)
    }
    if (ci === 0) add(folder, novel, 'FILE', 'NOVEL', 'DOCUMENT', 'Cut scene', '### Cut scene\n\nThis scene is kept out of the build.\n', false)
  }
  const characters = add(null, null, 'ROOT', 'CHARACTER', null, 'Characters')
  items[items.length - 1].root = characters
  add(characters, characters, 'FILE', 'CHARACTER', 'NOTE', 'Narrator', '# Narrator\n\n@tag: Narrator\n\nWho tells the story.\n', true, importance)
  const xml = [
    "<?xml version='1.0' encoding='utf-8'?>",
    '<novelWriterXML appVersion="2.2" hexVersion="0x020200f0" fileVersion="1.5" fileRevision="2" timeStamp="2024-01-02 10:00:00">',
    `  <project id="${uuid(seed, 'nw')}" saveCount="12" autoCount="3" editTime="7200">`,
    `    <name>${escapeXml(story.title)}</name>`,
    `    <author>${escapeXml(story.author ?? '')}</author>`,
    '  </project>',
    '  <settings>',
    '    <doBackup>yes</doBackup>',
    '    <language>en_GB</language>',
    '    <spellChecking auto="no">en_GB</spellChecking>',
    '    <status>',
    ...statusKeys.map(([k, s]) => `      <entry key="${k}" count="1" red="100" green="100" blue="100" shape="SQUARE">${s}</entry>`),
    '    </status>',
    '    <importance>',
    `      <entry key="${importance}" count="1" red="100" green="100" blue="100" shape="SQUARE">Main</entry>`,
    '    </importance>',
    '  </settings>',
    `  <content items="${items.length}" novelWords="0" notesWords="0">`,
    ...items.map((i) =>
      [
        `    <item handle="${i.h}" parent="${i.parent ?? 'None'}" root="${i.root}" order="${i.order}" type="${i.type}" class="${i.cls}"${i.layout ? ` layout="${i.layout}"` : ''}>`,
        `      <meta expanded="yes"${i.type === 'FILE' ? ' heading="H3" charCount="0" wordCount="0" paraCount="0" cursorPos="0"' : ''} />`,
        `      <name status="${i.status}" import="${importance}"${i.type === 'FILE' ? ` active="${i.active ? 'yes' : 'no'}"` : ''}>${escapeXml(i.name)}</name>`,
        '    </item>',
      ].join('\n'),
    ),
    '  </content>',
    '</novelWriterXML>',
    '',
  ].join('\n')
  files['nwProject.nwx'] = xml
  files['meta/sessionStats.log'] = '# Offset 0\n'
  return toBytes(files)
}

/** A project's files zipped inside one folder (`Title.scriv/…`), as a writer zips a project to send it. */
export function zipFolder(folder, files) {
  const entries = {}
  for (const [path, bytes] of Object.entries(files)) entries[`${folder}/${path}`] = [bytes, { mtime: EPOCH }]
  return zipSync(entries, { mtime: EPOCH })
}

/** Write a project's files under `dir`. */
export function writeProject(dir, files) {
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), bytes)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [story, out] = process.argv.slice(2)
  if (!story || !out) {
    console.error('usage: node scripts/render-projects.mjs STORY.txt OUT_DIR')
    process.exit(2)
  }
  const { storyModel } = await import('./render-formats.mjs')
  const model = storyModel(new Uint8Array(readFileSync(story)), story)
  const stem = basename(story, extname(story))
  writeProject(join(out, `${stem}.scriv`), toScrivener(model))
  writeProject(join(out, `${stem}.nw`), toNovelWriter(model))
  console.log(`wrote ${join(out, stem)}.scriv and ${join(out, stem)}.nw`)
}
