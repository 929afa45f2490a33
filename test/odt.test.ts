// The ODT reader on tiny documents built here with fflate, one sentence of our own a paragraph,
// for what LibreOffice's own files (test/fixtures/odt, test/fixtures/tools/libreoffice-odt) do
// not show: every kind of scene break, italics by every kind of style, notes, lists, tables,
// metadata, detection, and damaged or hostile archives.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readSourceAsync } from '../src/ingest/index.js'
import { UnreadableInputError } from '../src/ingest/text.js'
import { analyzeBytes } from '../src/pipeline.js'
import { analyzeFile } from '../src/node/analyze-file.js'
import { WORD } from '../src/annotate/words.js'
import { writeZip } from './helpers/zip-writer.js'

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
const MIMETYPE = 'application/vnd.oasis.opendocument.text'
const MANIFEST = (extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${MIMETYPE}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${extra}</manifest:file-entry></manifest:manifest>`

/** Named styles as LibreOffice writes them: Heading n with outline levels, Title, Emphasis, Horizontal Line. */
const NAMED_STYLES = [
  '<style:style style:name="Standard" style:family="paragraph"/>',
  '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>',
  '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>',
  '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>',
  '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>',
  '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"><style:paragraph-properties fo:text-align="center"/></style:style>',
  '<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-style="italic"/></style:style>',
  '<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>',
  '<style:style style:name="Horizontal_20_Line" style:display-name="Horizontal Line" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:border-bottom="0.14pt double #808080" fo:border-top="none"/></style:style>',
].join('')

interface OdtParts {
  body: string
  automatic?: string
  named?: string
  meta?: string
  manifest?: string | null
  mimetype?: string | null
  extra?: Zippable
}

/** An ODT as LibreOffice lays one out: a stored `mimetype` first, then the XML parts. */
function odt({ body, automatic = '', named = NAMED_STYLES, meta, manifest = MANIFEST(), mimetype = MIMETYPE, extra = {} }: OdtParts): Uint8Array {
  const files: Zippable = {}
  if (mimetype !== null) files.mimetype = [strToU8(mimetype), { level: 0 }]
  files['content.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:automatic-styles>${automatic}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`)
  files['styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS} office:version="1.3"><office:styles>${named}</office:styles><office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style></office:automatic-styles></office:document-styles>`)
  if (meta !== undefined) files['meta.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NS} office:version="1.3"><office:meta>${meta}</office:meta></office:document-meta>`)
  if (manifest !== null) files['META-INF/manifest.xml'] = strToU8(manifest)
  return zipSync({ ...files, ...extra })
}

const p = (text: string, style = 'Text_20_body') => `<text:p text:style-name="${style}">${text}</text:p>`
const h = (text: string, level: number, style = `Heading_20_${level}`) => `<text:h text:style-name="${style}" text:outline-level="${level}">${text}</text:h>`
const words = (s: string) => s.match(WORD)?.length ?? 0

/** Paragraphs of our own, each distinct. */
const scene = (what: string, n = 3) => Array.from({ length: n }, (_, i) => p(`${what} went on along the harbour wall, and step ${i + 1} of the walk was slower than the last.`)).join('')
const CENTRED = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:text-align="center"/></style:style>'

describe('ODT structure', () => {
  it('reads the Title style as the title, text:h and Heading-style paragraphs as chapters', async () => {
    const automatic = '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:margin-top="0.2in"/></style:style>'
    const body = p('The Harbour Clock', 'Title') + p('by Wren Allard') + h('The First Hour', 1) + scene('Mira') + p('The Second Hour', 'P2') + scene('Tomas') + h('A small section heading', 3) + scene('Ines', 1)
    const r = await analyzeBytes(odt({ body, automatic }), { path: 'clock.odt' })
    expect(r.source.format).toBe('odt')
    expect(r.meta).toMatchObject({ title: 'The Harbour Clock', author: 'Wren Allard' })
    expect(r.chapters.map((c) => c.title)).toEqual(['The First Hour', 'The Second Hour'])
    // A level-3 heading sits below the chapters, as Heading 3 does in a DOCX: it is text.
    expect(r.text).toContain('A small section heading')
    expect(r.totals.words).toBe(words([scene('Mira'), scene('Tomas'), 'A small section heading', scene('Ines', 1)].join(' ').replace(/<[^>]+>/g, ' ')))
  })

  it('reads each kind of scene break as DOCX does: centred markers, empty paragraphs, a bordered rule, page breaks before and after', async () => {
    const automatic = [
      CENTRED,
      '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:break-before="page"/></style:style>',
      '<style:style style:name="P4" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:break-after="page"/></style:style>',
      // A rule of the writer's own: an automatic style that borders the paragraph's bottom.
      '<style:style style:name="P5" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:border-bottom="0.5pt solid #000000"/></style:style>',
    ].join('')
    const last = (what: string) => p(`${what} stopped at the end of the pier and looked back once.`, 'P4')
    const body = [
      scene('Anna'), p('* * *', 'P1'), scene('Boris'), p('#', 'P1'), scene('Cleo'), p('~', 'P1'),
      scene('Dev'), p('', 'Horizontal_20_Line'), scene('Esme'), '<text:p text:style-name="P5"/>', scene('Farid'),
      p('Gil opened the shutters on the first morning after the storm.', 'P3'), scene('Gil', 2), last('Gil'),
      scene('Hana'),
    ].join('')
    const r = await analyzeBytes(odt({ body, automatic }), { path: 'breaks.odt' })
    expect(r.scenes.map((s) => [s.break.kind, s.break.marker])).toEqual([
      ['start', null], ['marker', '* * *'], ['marker', '#'], ['marker', '~'], ['rule', null], ['rule', null], ['rule', null], ['rule', null],
    ])
    expect(r.scenes.map((s) => s.opening.split(' ')[0])).toEqual(['Anna', 'Boris', 'Cleo', 'Dev', 'Esme', 'Farid', 'Gil', 'Hana'])
  })

  it('reads an empty paragraph holding a drawn line as a rule (LibreOffice\'s form of a DOCX\'s VML rule), and one holding a picture as empty', async () => {
    const rect = (height: string) => `<text:p text:style-name="Standard"><draw:rect text:anchor-type="as-char" style:rel-width="100%" svg:width="6.5in" svg:height="${height}"><text:p/></draw:rect></text:p>`
    const line = '<text:p text:style-name="Standard"><draw:line svg:x1="0in" svg:y1="0in" svg:x2="6in" svg:y2="0in"/></text:p>'
    const picture = '<text:p text:style-name="Standard"><draw:frame draw:name="Picture" svg:width="2in" svg:height="1.4in"><draw:image/></draw:frame></text:p>'
    const body = [scene('Anna'), rect('0.0213in'), scene('Boris'), line, scene('Cleo'), rect('0.05cm'), scene('Dev'), rect('2in'), scene('Esme', 2), picture, scene('Farid', 2)].join('')
    const r = await analyzeBytes(odt({ body }), { path: 'lines.odt' })
    expect(r.scenes.map((s) => [s.break.kind, s.opening.split(' ')[0]])).toEqual([['start', 'Anna'], ['rule', 'Boris'], ['rule', 'Cleo'], ['rule', 'Dev']])
  })

  it('reads an empty paragraph between back-to-back paragraphs as a gap, and as spacing where markers mark the breaks', async () => {
    const empty = '<text:p text:style-name="Text_20_body"/>'
    const gaps = await analyzeBytes(odt({ body: [scene('Hana'), empty, scene('Ivo'), empty, empty, scene('Jun')].join('') }), { path: 'gaps.odt' })
    expect(gaps.scenes.map((s) => [s.break.kind, s.opening.split(' ')[0]])).toEqual([['start', 'Hana'], ['gap', 'Ivo'], ['gap', 'Jun']])
    const marked = await analyzeBytes(odt({ body: [scene('Hana'), p('* * *', 'P1'), scene('Ivo'), p('* * *', 'P1'), scene('Jun'), empty, scene('Kit')].join(''), automatic: CENTRED }), { path: 'marked.odt' })
    expect(marked.scenes.map((s) => s.break.kind)).toEqual(['start', 'marker', 'marker'])
  })

  it('reads a paragraph style\'s page break before a heading as the chapter break only', async () => {
    const automatic = '<style:style style:name="P6" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>'
    const r = await analyzeBytes(odt({ body: h('One', 1) + scene('Jo') + h('Two', 1, 'P6') + scene('Kai') }), { path: 'pages.odt' })
    const r2 = await analyzeBytes(odt({ body: h('One', 1) + scene('Jo') + h('Two', 1, 'P6') + scene('Kai'), automatic }), { path: 'pages.odt' })
    for (const x of [r, r2]) expect(x.scenes.map((s) => s.break.kind)).toEqual(['start', 'chapter'])
  })

  it('reads spaces, tabs and line breaks, lists and tables, and leaves notes, comments, deletions and frames out', async () => {
    const body = [
      p('Lena<text:s/>counted<text:s text:c="4"/>the<text:tab/>boats<text:line-break/>and then the gulls.'),
      p('The harbour master kept a book<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>' + p('A note that is not story.') + '</text:note-body></text:note> of every tide.'),
      p('<office:annotation><dc:creator>Ed</dc:creator>' + p('A comment that is not story.') + '</office:annotation>Nobody read it but her.<office:annotation-end/>'),
      '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>' + p('Deleted words that are not story.') + '</text:deletion></text:changed-region></text:tracked-changes>',
      p('<draw:frame draw:name="pic"><draw:text-box>' + p('A caption that is not story.') + '</draw:text-box></draw:frame>She closed the book.'),
      '<text:list><text:list-item>' + p('First came the ropes.') + '</text:list-item><text:list-item>' + p('Then came the nets.') + '</text:list-item></text:list>',
      '<table:table><table:table-row><table:table-cell>' + p('Monday was calm.') + '</table:table-cell><table:table-cell>' + p('Tuesday was not.') + '</table:table-cell></table:table-row></table:table>',
      '<text:table-of-content><text:index-body>' + p('Contents that are not story') + '</text:index-body></text:table-of-content>',
    ].join('')
    const source = await readSourceAsync(odt({ body }), { path: 'tides.odt' })
    expect(source.text).toBe(
      ['Lena counted the boats\nand then the gulls.', 'The harbour master kept a book of every tide.', 'Nobody read it but her.', 'She closed the book.', 'First came the ropes.', 'Then came the nets.', 'Monday was calm.', 'Tuesday was not.'].join('\n\n'),
    )
    expect(source.diagnostics.find((d) => d.code === 'odt-notes')?.message).toBe('The document holds 1 footnote or endnote; notes are not story and were left out of every measure.')
    expect(source.text).not.toMatch(/not story/)
  })
})

describe('ODT italics', () => {
  it('reads italics from automatic and named text styles, inherited ones, and italic paragraph styles, and a normal span inside them', async () => {
    const automatic = [
      '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic" fo:font-weight="bold"/></style:style>',
      '<style:style style:name="T2" style:family="text" style:parent-style-name="Emphasis"><style:text-properties fo:font-weight="bold"/></style:style>',
      '<style:style style:name="T3" style:family="text"><style:text-properties fo:font-style="normal"/></style:style>',
      '<style:style style:name="T4" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>',
      '<style:style style:name="P7" style:family="paragraph" style:parent-style-name="Quotations"/>',
    ].join('')
    const body = [
      p('She said <text:span text:style-name="T1">never again</text:span> and left.'),
      p('He wrote <text:span text:style-name="Emphasis">slowly</text:span> and <text:span text:style-name="T2">badly</text:span> that night.'),
      p('The whole of this line was slanted, <text:span text:style-name="T3">but not this</text:span> and <text:span text:style-name="T4">this bold part was</text:span>.', 'P7'),
      p('Plain words with <text:span text:style-name="T4">bold only</text:span>.'),
    ].join('')
    const source = await readSourceAsync(odt({ body, automatic }), { path: 'slant.odt' })
    expect(source.markup!.italics.map((s) => source.text.slice(s.start, s.end))).toEqual(['never again', 'slowly', 'badly', 'The whole of this line was slanted,', 'and this bold part was.'])
  })

  it('reads LibreOffice\'s own italics (Emphasis and automatic T styles) and measures italic sentences as thought', async () => {
    const automatic = '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
    const body = p('Nell waded out to the weir at dawn. <text:span text:style-name="T1">He will not come back.</text:span> The water was cold.') + p('The mill wheel turned all afternoon and she counted each turn of it.')
    const r = await analyzeBytes(odt({ body, automatic }), { path: 'weir.odt' })
    const [a, b] = r.scenes[0]!.thought!.spans[0]!
    expect(r.text!.slice(a, b)).toBe('He will not come back.')
  })
})

describe('ODT metadata', () => {
  const body = scene('Mira')
  it('takes the title and first author from meta.xml where the text names none', async () => {
    const meta = '<dc:title>Salt Roads</dc:title><meta:initial-creator>Oriel Tamsin</meta:initial-creator><dc:creator>An Editor</dc:creator><dc:subject>Tides</dc:subject><meta:keyword>sea</meta:keyword><meta:keyword>rope</meta:keyword>'
    const r = await analyzeBytes(odt({ body, meta }), { path: 'roads.odt' })
    expect(r.meta).toMatchObject({ title: 'Salt Roads', author: 'Oriel Tamsin' })
  })

  it('takes dc:creator, who saved it last, only where no first author is named', async () => {
    const r = await analyzeBytes(odt({ body, meta: '<dc:title>Salt Roads</dc:title><dc:creator>Oriel Tamsin</dc:creator>' }), { path: 'roads.odt' })
    expect(r.meta).toMatchObject({ title: 'Salt Roads', author: 'Oriel Tamsin' })
  })

  it('keeps the title and author the text states over stale metadata, as for DOCX', async () => {
    const r = await analyzeBytes(odt({ body: p('The Harbour Clock', 'Title') + p('by Wren Allard') + body, meta: '<dc:title>Untitled 1</dc:title><meta:initial-creator>Someone Else</meta:initial-creator>' }), { path: 'clock.odt' })
    expect(r.meta).toMatchObject({ title: 'The Harbour Clock', author: 'Wren Allard' })
  })

  it('reads LibreOffice\'s meta.xml: the story\'s title and author', async () => {
    const r = await analyzeFile('test/fixtures/tools/libreoffice-odt/lantern-row.hr.odt')
    expect(r.meta).toMatchObject({ title: 'Lantern Row', author: 'Isobel Thrale' })
  })
})

describe('ODT detection', () => {
  const body = scene('Mira')
  it('knows an ODT by its content: named .zip or .docx it is read as ODT, with a format-mismatch warning for the wrong ending', async () => {
    const a = await analyzeBytes(odt({ body }), { path: 'story.zip' })
    expect(a.source.format).toBe('odt')
    const b = await analyzeBytes(odt({ body }), { path: 'story.docx' })
    expect(b.source.format).toBe('odt')
    expect(b.diagnostics.find((d) => d.code === 'format-mismatch')?.message).toBe('The file is named as DOCX (.docx) but its content is ODT; it was read as ODT.')
  })

  it('knows an ODT whose mimetype entry is missing by its manifest', async () => {
    const r = await analyzeBytes(odt({ body, mimetype: null }), { path: 'story.odt' })
    expect(r.source.format).toBe('odt')
    expect(r.totals.words).toBe(words(body.replace(/<[^>]+>/g, ' ')))
  })

  it('does not take an OpenDocument spreadsheet named .odt for a text', async () => {
    const bytes = odt({ body, mimetype: 'application/vnd.oasis.opendocument.spreadsheet', manifest: MANIFEST().replace(MIMETYPE, 'application/vnd.oasis.opendocument.spreadsheet') })
    await expect(analyzeBytes(bytes, { path: 'sums.odt' })).rejects.toThrow(/^sums\.odt is not a readable \.odt: the file is damaged or is not an OpenDocument text$/)
  })
})

describe('damaged and hostile ODT files', () => {
  const good = odt({ body: scene('Mira') })
  const plain = 'is not a readable .odt: the file is damaged or is not an OpenDocument text'
  const refused = async (bytes: Uint8Array, path: string): Promise<UnreadableInputError> => {
    const e = await analyzeBytes(bytes, { path }).then(() => null, (err: unknown) => err)
    expect(e, path).toBeInstanceOf(UnreadableInputError)
    return e as UnreadableInputError
  }

  it('says in one plain message that a truncated, corrupt or not-a-zip .odt is unreadable', async () => {
    const corrupt = good.slice()
    // Overwrite the middle of the deflated content.xml.
    for (let i = 200; i < 260; i++) corrupt[i] = 0xff
    const cases: [string, Uint8Array][] = [
      ['cut.odt', good.slice(0, good.length - 40)],
      ['corrupt.odt', corrupt],
      ['header-only.odt', strToU8('PK\x03\x04 nothing more')],
      ['noise.odt', Uint8Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256)],
      ['empty-zip.odt', zipSync({ 'notes.txt': strToU8('a list of errands') })],
      ['no-content.odt', zipSync({ mimetype: [strToU8(MIMETYPE), { level: 0 }], 'META-INF/manifest.xml': strToU8(MANIFEST()) })],
    ]
    for (const [path, bytes] of cases) expect((await refused(bytes, path)).message, path).toBe(`${path} ${plain}`)
  })

  it('says a password-protected ODT (its manifest holds encryption-data) is password-protected', async () => {
    const manifest = MANIFEST('<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/></manifest:encryption-data>')
    const scrambled = Uint8Array.from({ length: 600 }, (_, i) => (i * 89 + 13) % 256)
    const bytes = zipSync({ mimetype: [strToU8(MIMETYPE), { level: 0 }], 'content.xml': [scrambled, { level: 0 }], 'META-INF/manifest.xml': strToU8(manifest) })
    expect((await refused(bytes, 'locked.odt')).message).toBe('locked.odt: the document is password-protected (encrypted); proselens cannot read password-protected files: save a copy without a password')
    // Its encrypted parts marked as deflated, which no inflater can unpack: still the same message, not "damaged".
    const deflated = writeZip([
      { name: 'mimetype', method: 0, data: strToU8(MIMETYPE) },
      { name: 'content.xml', method: 8, packed: scrambled, size: 4000 },
      { name: 'META-INF/manifest.xml', data: strToU8(manifest) },
    ])
    expect((await refused(deflated, 'locked.odt')).message).toMatch(/^locked\.odt: the document is password-protected \(encrypted\)/)
    // And a damaged archive without such a manifest is only damaged.
    const plainManifest = writeZip([{ name: 'mimetype', method: 0, data: strToU8(MIMETYPE) }, { name: 'content.xml', method: 8, packed: scrambled, size: 4000 }, { name: 'META-INF/manifest.xml', data: strToU8(MANIFEST()) }])
    expect((await refused(plainManifest, 'broken.odt')).message).toBe(`broken.odt ${plain}`)
  })

  it('refuses a zip bomb entry before unpacking it', async () => {
    const bomb = odt({ body: scene('Mira'), extra: { 'Pictures/filler.xml': new Uint8Array(3 * 2 ** 20) } })
    expect((await refused(bomb, 'bomb.odt')).message).toMatch(/^bomb\.odt: entry Pictures\/filler\.xml is compressed \d+:1, beyond the 200:1 any text reaches \(a zip bomb\?\)$/)
  })

  it('ignores entries with traversal names and reads the rest', async () => {
    const bytes = odt({ body: scene('Mira'), extra: { '../../evil.xml': strToU8('<x/>'), '/abs/evil.xml': strToU8('<x/>') } })
    const r = await analyzeBytes(bytes, { path: 'trav.odt' })
    expect(r.source.format).toBe('odt')
    expect(r.totals.words).toBe(words(scene('Mira').replace(/<[^>]+>/g, ' ')))
    expect(r.diagnostics.filter((d) => d.code === 'zip-unsafe-name').map((d) => d.message)).toEqual([
      'The archive holds an entry with an unsafe name ("../../evil.xml"); it was ignored.',
      'The archive holds an entry with an unsafe name ("/abs/evil.xml"); it was ignored.',
    ])
  })

  it('survives style loops, deep nesting, huge space counts and entity bombs', async () => {
    const automatic = '<style:style style:name="A" style:family="paragraph" style:parent-style-name="B"/><style:style style:name="B" style:family="paragraph" style:parent-style-name="A"/>'
    const deep = '<text:span>'.repeat(20_000) + 'Deep words at the bottom.' + '</text:span>'.repeat(20_000)
    const T1 = '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
    // A span between paragraphs is ignored; a span with no style inside an italic one stays italic.
    const stray = '<text:span text:style-name="T1"></text:span>' + p('Then <text:span text:style-name="T1"><text:span>slanted</text:span> still</text:span> here.')
    const body = p('Looped styles hold no heading.', 'A') + p(deep) + p(`Wide<text:s text:c="999999999"/>gap.`) + stray
    const t0 = performance.now()
    const source = await readSourceAsync(odt({ body, automatic: automatic + T1 }), { path: 'odd.odt' })
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(source.text).toBe('Looped styles hold no heading.\n\nDeep words at the bottom.\n\nWide gap.\n\nThen slanted still here.')
    expect(source.markup!.italics.map((s) => source.text.slice(s.start, s.end))).toEqual(['slanted still'])
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><office:document-content ${NS}><office:body><office:text>${p('Before &c; after.')}</office:text></office:body></office:document-content>`
    const entity = await readSourceAsync(zipSync({ mimetype: [strToU8(MIMETYPE), { level: 0 }], 'content.xml': strToU8(bomb) }), { path: 'bomb.odt' })
    expect(entity.text.length).toBeLessThan(100)
  })
})

describe('LibreOffice ODT files', () => {
  it('reads the committed renderings of the corpus as the same story as its DOCX', async () => {
    const r = await analyzeFile('test/fixtures/odt/the-salt-ledger.odt')
    expect(r.source.format).toBe('odt')
    expect(r.chapters.map((c) => [c.title, c.scenes.length])).toEqual([['Chapter One', 3], ['Chapter Two', 2], ['Chapter Three: The Weighing House', 3]])
    // The DOCX marks its breaks with a centred "* * *" and a page break, in turn; LibreOffice keeps both.
    expect(r.scenes.map((s) => s.break.kind)).toEqual(['start', 'marker', 'rule', 'chapter', 'marker', 'chapter', 'marker', 'rule'])
    expect(readFileSync('test/fixtures/odt/the-salt-ledger.odt').length).toBeLessThan(30_000)
  })
})

describe('ODT on the command line', () => {
  it('finds .odt files in a corpus folder, analyses them, and fails a broken one alone with its plain message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proselens-odt-'))
    try {
      mkdirSync(join(dir, 'drafts', 'old'), { recursive: true })
      copyFileSync('test/fixtures/odt/the-salt-ledger.odt', join(dir, 'drafts', 'the-salt-ledger.odt'))
      copyFileSync('test/fixtures/tools/libreoffice-odt/lantern-row.hr.odt', join(dir, 'drafts', 'old', 'Lantern.ODT'))
      writeFileSync(join(dir, 'drafts', 'broken.odt'), 'PK\x03\x04 the rest of this file was lost')
      const out = join(dir, 'out')
      const r = spawnSync(process.execPath, [resolve('dist/cli/main.js'), 'corpus', join(dir, 'drafts'), '--out', out, '--jobs', '1'], { encoding: 'utf8' })
      expect(r.status).toBe(1)
      const works = parse(readFileSync(join(out, 'works.csv')), { columns: true }) as Record<string, string>[]
      expect(works.map((w) => [w.title, w.words]).sort()).toEqual([['Lantern Row', '3794'], ['The Salt Ledger', '3365']])
      const failures = parse(readFileSync(join(out, 'failures.csv')), { columns: true }) as Record<string, string>[]
      const broken = join(dir, 'drafts', 'broken.odt')
      expect(failures).toEqual([{ path: broken, error: `${broken} is not a readable .odt: the file is damaged or is not an OpenDocument text` }])
      const one = spawnSync(process.execPath, [resolve('dist/cli/main.js'), 'analyze', join(dir, 'drafts', 'the-salt-ledger.odt'), '--stdout', '--format', 'json', '--no-text'], { encoding: 'utf8' })
      expect(one.status).toBe(0)
      expect(JSON.parse(one.stdout).source.format).toBe('odt')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
