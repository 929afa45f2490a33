import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error: plain ES module scripts without types
import { storyModel } from '../scripts/render-formats.mjs'
// @ts-expect-error: plain ES module scripts without types
import { scrivenerRtf, toNovelWriter, toScrivener, writeProject, zipFolder } from '../scripts/render-projects.mjs'
import { analyzeBytes } from '../src/pipeline.js'
import { analyzeFile } from '../src/node/analyze-file.js'
import { packProject } from '../src/node/project.js'
import { validateReport } from '../src/report/validate.js'
import type { Report } from '../src/report/types.js'
import { expandInputs } from '../src/cli/files.js'

const dir = mkdtempSync(join(tmpdir(), 'proselens-projects-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const enc = new TextEncoder()
type Files = Record<string, Uint8Array>

const story = storyModel(new Uint8Array(readFileSync('corpus/the-salt-ledger.txt')), 'corpus/the-salt-ledger.txt')
const scriv = join(dir, 'The Salt Ledger.scriv')
const nw = join(dir, 'salt-ledger-nw')
let base: Report

beforeAll(async () => {
  writeProject(scriv, toScrivener(story))
  writeProject(nw, toNovelWriter(story))
  base = await analyzeFile('corpus/the-salt-ledger.txt')
})

const bytesOf = (files: Record<string, string | Uint8Array>): Files => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? enc.encode(v) : v]))
const analyzeZip = (files: Record<string, string | Uint8Array>, path = 'novel.zip') => analyzeBytes(zipSync(bytesOf(files)), { path })
const binder = (items: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>\n<ScrivenerProject Version="2.0"><Binder>${items}</Binder>${extra}</ScrivenerProject>`

describe('Scrivener projects', () => {
  it('reads the Draft folder: chapters, a scene per document, words as the plain text gives them', async () => {
    const r = await analyzeFile(scriv)
    expect(r.source.format).toBe('scrivener')
    expect(r.meta).toMatchObject({ title: 'The Salt Ledger', author: 'Corvin Ashdown' })
    expect(r.chapters.map((c) => c.title)).toEqual(['Chapter One', 'Chapter Two', 'Chapter Three: The Weighing House'])
    expect(r.chapters.map((c) => c.scenes.length)).toEqual(base.chapters.map((c) => c.scenes.length))
    expect(r.scenes.map((s) => s.words)).toEqual(base.scenes.map((s) => s.words))
    expect(r.scenes.map((s) => s.break.kind)).toEqual(['start', 'document', 'document', 'chapter', 'document', 'chapter', 'document', 'document'])
    expect(r.scenes.filter((s) => s.break.kind === 'document').every((s) => s.break.confidence === 1 && s.break.marker === null)).toBe(true)
    expect(r.frontMatter).toBeNull()
    expect(r.diagnostics.find((d) => d.code === 'layout')!.message).toBe("Chapters and scenes were taken from the project's outline (its binder or headings), paragraphs from its documents.")
    expect(validateReport(r)).toEqual([])
  })

  it("keeps each document's binder title, synopsis, label and status, and leaves out what is not compiled", async () => {
    const r = await analyzeFile(scriv)
    expect(r.scenes[0]!.meta).toEqual({ title: 'Scene 1', synopsis: 'First Draft: scene 1 of chapter 1.', label: 'Chapter', status: 'First Draft', pov: null, characters: [], locations: [] })
    expect(r.scenes[3]!.meta).toMatchObject({ title: 'Scene 4', status: 'Done' })
    expect(r.diagnostics).toContainEqual({ severity: 'info', code: 'excluded-from-compile', message: '1 document is not included in the compile and was left out: “Cut: an older opening”.' })
    // The cut scene, Research and Trash are not the manuscript.
    expect(r.text).not.toContain('This scene was cut')
    expect(r.text).not.toContain('Notes on the setting')
    expect(r.text).not.toContain('A scene thrown away')
  })

  it('reads the folder, its binder file and a zip of it alike, with one SHA-256 over the files read', async () => {
    const folder = await analyzeFile(scriv)
    const viaBinder = await analyzeFile(join(scriv, 'The Salt Ledger.scrivx'))
    const zipped = await analyzeBytes(zipFolder('The Salt Ledger.scriv', toScrivener(story)), { path: 'sent.zip' })
    expect(zipped.source.format).toBe('scrivener')
    for (const r of [viaBinder, zipped]) {
      expect(r.source.sha256).toBe(folder.source.sha256)
      expect(r.source.bytes).toBe(folder.source.bytes)
      expect(r.scenes.map((s) => s.words)).toEqual(folder.scenes.map((s) => s.words))
    }
    // Packing is deterministic, and any edit to a part changes the work's digest.
    expect(packProject(scriv)).toEqual(packProject(scriv))
    const files = toScrivener(story) as Files
    const doc = Object.keys(files).find((k) => k.endsWith('content.rtf'))!
    files[doc] = enc.encode(scrivenerRtf(['An edited opening paragraph.']))
    const edited = await analyzeBytes(zipFolder('The Salt Ledger.scriv', files), { path: 'sent.zip' })
    expect(edited.source.sha256).not.toBe(folder.source.sha256)
    expect(edited.scenes[0]!.opening).toBe('An edited opening paragraph.')
  })

  it('reads a Scrivener 2 project (Files/Docs/<id>.rtf) and parts (a folder of chapter folders)', async () => {
    const item = (id: number, type: string, title: string, children = '', meta = '') => `<BinderItem ID="${id}" Type="${type}"><Title>${title}</Title><MetaData>${meta}</MetaData>${children ? `<Children>${children}</Children>` : ''}</BinderItem>`
    const chapter = (id: number, title: string, scenes: number[]) => item(id, 'Folder', title, scenes.map((s) => item(s, 'Text', `Scene ${s}`, '', `<StatusID>1</StatusID>`)).join(''))
    const draft = item(0, 'DraftFolder', 'Draft', item(1, 'Folder', 'Part One', chapter(2, 'The Road', [3, 4]) + chapter(5, 'The Inn', [6])) + item(7, 'Folder', 'Part Two', chapter(8, 'The Ford', [9])))
    const files: Record<string, string> = { 'Old.scriv/project.scrivx': binder(draft, '<StatusSettings><StatusItems><Status ID="1">Revised</Status></StatusItems></StatusSettings>') }
    for (const s of [3, 4, 6, 9]) files[`Old.scriv/Files/Docs/${s}.rtf`] = `{\\rtf1\\ansi\\ansicpg1252 {\\fonttbl\\f0 Times;}\\f0 Scene ${s} begins here. She walked on.\\par And she kept walking.}`
    files['Old.scriv/Files/Docs/4_synopsis.txt'] = 'The walk goes on.'
    const r = await analyzeZip(files)
    expect(r.source.format).toBe('scrivener')
    expect(r.chapters.map((c) => [c.part, c.title, c.scenes.length])).toEqual([['Part One', 'The Road', 2], [null, 'The Inn', 1], ['Part Two', 'The Ford', 1]])
    expect(r.scenes[1]!.meta).toMatchObject({ title: 'Scene 4', synopsis: 'The walk goes on.', status: 'Revised', label: null })
    expect(r.totals.words).toBe(4 * 11)
  })

  it('a text among chapters is a scene, as Scrivener compiles it; a Draft of texts alone is one untitled chapter', async () => {
    const text = (id: string, title: string) => `<BinderItem UUID="${id}" Type="Text"><Title>${title}</Title></BinderItem>`
    const files: Record<string, string> = { 'p.scrivx': binder(`<BinderItem UUID="D" Type="DraftFolder"><Title>Draft</Title><Children>${text('A', 'One')}${text('B', 'Two')}${text('C', 'Three')}</Children></BinderItem>`) }
    for (const id of ['A', 'B', 'C']) files[`Files/Data/${id}/content.rtf`] = `{\\rtf1\\ansi Text of ${id} is short.}`
    const r = await analyzeZip(files)
    expect(r.chapters).toHaveLength(1)
    expect(r.chapters[0]!.title).toBeNull()
    expect(r.scenes.map((s) => s.meta?.title)).toEqual(['One', 'Two', 'Three'])
  })

  it('says what is wrong with a damaged project, and reads on past a missing or damaged document', async () => {
    const draft = `<BinderItem UUID="D" Type="DraftFolder"><Title>Draft</Title><Children><BinderItem UUID="A" Type="Text"><Title>Here</Title></BinderItem><BinderItem UUID="B" Type="Text"><Title>Gone</Title></BinderItem><BinderItem UUID="C" Type="Text"><Title>Torn</Title></BinderItem></Children></BinderItem>`
    const r = await analyzeZip({ 'p.scrivx': binder(draft), 'Files/Data/A/content.rtf': '{\\rtf1 She was here.}', 'Files/Data/C/content.rtf': '{\\rtf1 {\\i It tore' })
    expect(r.scenes.map((s) => s.meta?.title)).toEqual(['Here', 'Torn'])
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['missing-document', 'rtf-truncated']))
    expect(r.diagnostics.find((d) => d.code === 'missing-document')!.message).toBe('The project lists 1 document whose file is missing (never written, or lost): “Gone”; it was read as empty.')
    expect(r.diagnostics.find((d) => d.code === 'rtf-truncated')!.message).toMatch(/^Torn: The RTF document ends with/)
    await expect(analyzeZip({ 'p.scrivx': binder(draft).slice(0, 120) }, 'cut.zip')).rejects.toThrow('p.scrivx is not a readable Scrivener binder: the file is damaged or cut short')
    await expect(analyzeZip({ 'p.scrivx': binder('<BinderItem UUID="R" Type="ResearchFolder"><Title>Research</Title></BinderItem>') })).rejects.toThrow('the Scrivener binder has no Draft (manuscript) folder')
    // A name that climbs out of the archive is never read.
    const climbing = await analyzeZip({ 'p.scrivx': binder(draft), 'Files/Data/A/content.rtf': '{\\rtf1 She was here.}', '../Files/Data/B/content.rtf': '{\\rtf1 Outside.}' })
    expect(climbing.text).not.toContain('Outside')
  })
})

describe('novelWriter projects', () => {
  it('reads the novel in project order: headings as chapters and scenes, tags and synopses as scene meta, comments and notes left out', async () => {
    const r = await analyzeFile(nw)
    expect(r.source.format).toBe('novelwriter')
    expect(r.meta).toMatchObject({ title: 'The Salt Ledger', author: 'Corvin Ashdown' })
    expect(r.chapters.map((c) => c.title)).toEqual(base.chapters.map((c) => c.title))
    expect(r.scenes.map((s) => s.words)).toEqual(base.scenes.map((s) => s.words))
    expect(r.scenes[1]!.meta).toEqual({ title: 'Scene 2', synopsis: 'Scene 2.', label: null, status: 'Draft', pov: 'Narrator', characters: ['Narrator'], locations: [] })
    expect(r.text).not.toContain('A note to self')
    expect(r.text).not.toContain('Who tells the story')
    expect(r.text).not.toContain('kept out of the build')
    expect(r.diagnostics).toContainEqual({ severity: 'info', code: 'excluded-from-compile', message: '1 document is not included in the build and was left out: “Cut scene”.' })
    expect(validateReport(r)).toEqual([])
  })

  it("reads novelWriter's marks: italics, centred lines, sections within a scene, @location and @focus tags", async () => {
    const nwx = `<?xml version='1.0' encoding='utf-8'?>\n<novelWriterXML appVersion="2.2" fileVersion="1.5"><project><name>Marks</name></project><settings/><content>
<item handle="r0" parent="None" root="r0" order="0" type="ROOT" class="NOVEL"><name>Novel</name></item>
<item handle="d1" parent="r0" root="r0" order="0" type="FILE" class="NOVEL" layout="DOCUMENT"><name active="yes">One</name></item>
<item handle="d2" parent="r0" root="r0" order="1" type="FILE" class="NOVEL" layout="DOCUMENT"><name active="yes">Missing</name></item>
</content></novelWriterXML>`
    const doc = ['%%~name: One', '## The Mill', '', '### Arrival', '@pov: Ada', '@focus: Bel', '@location: The Mill', '', 'Ada came in _very_ late and **tired**.', '', '>> * * * <<', '', 'Bel said [i]nothing[/i] at all.', '', '#### Later', '', 'Then they slept.'].join('\n')
    const r = await analyzeZip({ 'nwProject.nwx': nwx, 'content/d1.nwd': doc })
    expect(r.chapters.map((c) => c.title)).toEqual(['The Mill'])
    expect(r.scenes).toHaveLength(2)
    expect(r.scenes[0]!.meta).toMatchObject({ title: 'Arrival', pov: 'Ada', characters: ['Ada', 'Bel'], locations: ['The Mill'] })
    expect(r.scenes[1]!.break.kind).toBe('marker')
    expect(r.text).toContain('Ada came in very late and tired.')
    expect(r.text).toContain('Then they slept.')
    expect(r.text).not.toContain('Later')
    // Italics are read (the thought measure needs them): "nothing" in [i] is an italic span of narration.
    expect(r.totals.thought).not.toBeNull()
    expect(r.diagnostics.map((d) => d.code)).toContain('missing-document')
    await expect(analyzeZip({ 'nwProject.nwx': nwx.slice(0, 150) })).rejects.toThrow('nwProject.nwx is not a readable novelWriter project')
    // A title page: the writer's address before the title, the byline after it, all front matter.
    const page = ['%%~name: Title', 'Ann Vale[br]', '9 Mill Road <<', '', '[vspace:3]', '', '#! The Mill Pond', '', '>> **By Ann Vale** <<', '', '>> Words: [field:textWords] <<'].join('\n')
    const titled = await analyzeZip({ 'nwProject.nwx': nwx.replace('>One</name>', '>Title</name>').replace('handle="d2"', 'handle="d3"').replace('order="1"', 'order="2"') + '', 'content/d1.nwd': page, 'content/d3.nwd': '### Start\n\n> An indented line. <\n\nShe went out.' })
    expect(titled.meta.title).toBe('The Mill Pond')
    expect(titled.frontMatter!.fields.map((f) => f.value)).toEqual(['Ann Vale 9 Mill Road', 'By Ann Vale', 'Words:'])
    expect(titled.scenes).toHaveLength(1)
    expect(titled.text.slice(titled.scenes[0]!.start)).toBe('An indented line.\n\nShe went out.')
  })
})

describe('projects in a corpus walk', () => {
  it('a project folder is one work, never walked into', async () => {
    const shelf = join(dir, 'shelf')
    mkdirSync(shelf, { recursive: true })
    writeProject(join(shelf, 'Ledger.scriv'), toScrivener(story))
    writeProject(join(shelf, 'ledger-nw'), toNovelWriter(story))
    writeFileSync(join(shelf, 'loose.txt'), 'A loose story.\n')
    const { files } = await expandInputs([shelf], join(dir, 'out'))
    expect(files).toEqual([join(shelf, 'Ledger.scriv'), join(shelf, 'ledger-nw'), join(shelf, 'loose.txt')])
  })
})
