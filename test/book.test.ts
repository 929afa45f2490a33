// A folder of chapter files as one work (`analyze --book DIR`, a folder with a
// proselens-book.yaml, or a zip of one): natural order, the manifest, mixed formats, the digest.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storyModel, toDocx, toMarkdown } from '../scripts/render-formats.mjs'
import { toPdf } from '../scripts/render-pdf.mjs'
import { chapterOrder, naturalOrder, titleFromName } from '../src/book.js'
import { analyzeBytes, validateReport } from '../src/index.js'
import { analyzeFile } from '../src/node/analyze-file.js'
import { packBook } from '../src/node/book.js'
import type { Report } from '../src/report/types.js'

const root = mkdtempSync(join(tmpdir(), 'proselens-book-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

type Story = ReturnType<typeof storyModel>
const salt: Story = storyModel(new Uint8Array(readFileSync('corpus/the-salt-ledger.txt')), 'corpus/the-salt-ledger.txt')
let whole: Report

/** One chapter of a story as a story of its own. */
const chapterOf = (story: Story, i: number): Story => ({ ...story, chapters: [story.chapters[i]!] })
/** A chapter as plain text: its heading, scenes between `* * *` lines. */
const chapterText = (c: Story['chapters'][number]) => `${c.title}\n\n${c.scenes.map((s) => s.join('\n\n')).join('\n\n* * *\n\n')}\n`

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(root, name)
  mkdirSync(dir, { recursive: true })
  for (const [f, data] of Object.entries(files)) writeFileSync(join(dir, f), data)
  return dir
}

const shape = (r: Report) => ({ title: r.meta.title, chapters: r.chapters.map((c) => [c.title, c.scenes.length, c.words]), words: r.totals.words })

beforeAll(async () => {
  whole = await analyzeFile('corpus/the-salt-ledger.txt')
})

describe('a folder of chapter files', () => {
  it('is the story the single file is: the same chapters, scenes and words, files in natural order (2 before 10)', async () => {
    const dir = folder('natural', {
      '0-title.txt': `${salt.title}\nby ${salt.author}\n`,
      '2-one.txt': chapterText(salt.chapters[0]!),
      '10-three.txt': chapterText(salt.chapters[2]!),
      '5-two.txt': chapterText(salt.chapters[1]!),
      'notes.odg': 'not a chapter file',
    })
    const r = await analyzeFile(dir, { book: true })
    expect(r.source.format).toBe('book')
    expect(shape(r)).toEqual(shape(whole))
    expect(r.meta.author).toBe('Corvin Ashdown')
    expect(r.scenes.map((s) => s.break.kind)).toEqual(whole.scenes.map((s) => s.break.kind))
    expect(validateReport(r)).toEqual([])
    expect(r.diagnostics.find((d) => d.code === 'layout')?.message).toBe("Chapters were read from the book's 4 chapter files, in the natural order of their names (2 before 10), each read as a work of its own; scenes and paragraphs are each file's.")
  })

  it('reads each file in its own format (Markdown, DOCX, a PDF), a later file\'s title lines left out of the story', async () => {
    const dir = folder('mixed', {
      '1.md': toMarkdown(chapterOf(salt, 0)),
      '2.docx': await toDocx(chapterOf(salt, 1)),
      '3.pdf': await toPdf(chapterOf(salt, 2)),
    })
    const r = await analyzeFile(dir, { book: true })
    expect(shape(r)).toEqual(shape(whole))
    expect(r.diagnostics.find((d) => d.code === 'book-matter-left-out')?.message).toBe('The front or end matter of “2.docx”, “3.pdf” (a chapter file\'s own title lines or notes) was left out of the story.')
  })

  it('titles a chapter with no heading by its file\'s name', async () => {
    const body = (c: Story['chapters'][number]) => c.scenes.map((s) => s.join('\n\n')).join('\n\n* * *\n\n')
    const dir = folder('untitled', { '01-the-salt-works.txt': body(salt.chapters[0]!), '02-the_summons.txt': body(salt.chapters[1]!) })
    const r = await analyzeFile(dir, { book: true })
    expect(r.chapters.map((c) => c.title)).toEqual(['The salt works', 'The summons'])
    expect(r.totals.words).toBe(whole.chapters[0]!.words + whole.chapters[1]!.words)
  })

  it('follows its manifest: the order, the title and author, and says which files it lists are missing or it leaves unlisted', async () => {
    const dir = folder('manifest', {
      'proselens-book.yaml': 'title: The Ledger, Reordered\nauthor: A. Writer\nchapters:\n  - c.txt\n  - a.txt\n  - gone.txt\n',
      'a.txt': chapterText(salt.chapters[0]!),
      'b.txt': chapterText(salt.chapters[1]!),
      'c.txt': chapterText(salt.chapters[2]!),
    })
    const r = await analyzeFile(dir)
    expect(r.meta).toMatchObject({ title: 'The Ledger, Reordered', author: 'A. Writer' })
    expect(r.chapters.map((c) => c.title)).toEqual(['Chapter Three: The Weighing House', 'Chapter One'])
    expect(r.diagnostics.filter((d) => d.code.startsWith('book-')).map((d) => [d.code, d.message])).toEqual([
      ['book-file-missing', 'A chapter file the manifest lists is not in the book: “gone.txt”.'],
      ['book-file-unlisted', "A file of the book's folder is not in the manifest's chapters and was not read: “b.txt”."],
    ])
  })

  it('refuses a manifest that is not one, naming what is wrong', async () => {
    const dir = folder('bad-manifest', { 'proselens-book.yaml': 'chapters: one.txt\n', 'one.txt': 'She ran.' })
    await expect(analyzeFile(dir)).rejects.toThrow(`${dir}: proselens-book.yaml: chapters must be a list of file names`)
    writeFileSync(join(dir, 'proselens-book.yaml'), 'title: [unclosed\n')
    await expect(analyzeFile(dir)).rejects.toThrow(/proselens-book\.yaml is not valid YAML/)
  })

  it('has a digest of its files: any edit to any file changes it, and the folder and a zip of it agree', async () => {
    const dir = folder('digest', { '1.txt': chapterText(salt.chapters[0]!), '2.txt': chapterText(salt.chapters[1]!) })
    const before = await analyzeFile(dir, { book: true })
    const zipped = await analyzeBytes(zipSync({ 'Digest/1.txt': readFileSync(join(dir, '1.txt')), 'Digest/2.txt': readFileSync(join(dir, '2.txt')) }), { path: 'digest.zip' })
    expect(zipped.source.sha256).toBe(before.source.sha256)
    expect(shape(zipped)).toEqual(shape(before))
    expect(packBook(dir)).toEqual(packBook(dir))
    writeFileSync(join(dir, '2.txt'), chapterText(salt.chapters[1]!).replace('summons', 'letter'))
    expect((await analyzeFile(dir, { book: true })).source.sha256).not.toBe(before.source.sha256)
  })
})

describe('the command line', () => {
  const cli = (args: string[]) => {
    try {
      return { out: execFileSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), code: 0, err: '' }
    } catch (e) {
      const x = e as { stdout: string; stderr: string; status: number }
      return { out: x.stdout, err: x.stderr, code: x.status }
    }
  }

  it('analyze --book DIR writes one report for the folder; a folder with a manifest is one work in a walk', () => {
    const dir = folder('cli/novel', { '1.txt': chapterText(salt.chapters[0]!), '2.txt': chapterText(salt.chapters[1]!) })
    const out = join(root, 'cli-out')
    const r = cli(['analyze', '--book', dir, '--out', out])
    expect(r.code).toBe(0)
    expect(r.out).toContain(`${dir} → `)
    expect(r.out).toContain(`(${whole.chapters[0]!.words + whole.chapters[1]!.words} words, 5 scenes, 2 chapters)`)
    writeFileSync(join(dir, 'proselens-book.yaml'), 'title: Two Chapters\n')
    const walked = cli(['analyze', join(root, 'cli'), '--out', join(root, 'cli-out2'), '--format', 'json'])
    expect(walked.out.trim().split('\n')).toHaveLength(2)
    expect(JSON.parse(readFileSync(join(root, 'cli-out2', 'novel.json'), 'utf8')).meta.title).toBe('Two Chapters')
  })

  it('says --book takes a folder, and a folder without it that it can', () => {
    const file = join(root, 'one-file.txt')
    writeFileSync(file, 'She ran.')
    expect(cli(['analyze', '--book', file, '--stdout']).err.trim()).toBe(`proselens: ${file}: --book takes a folder of chapter files, not a file`)
  })
})

describe('the rules', () => {
  it('orders names naturally and titles chapters by their file\'s name', () => {
    expect(['10-end.md', '2-middle.md', '1-start.md', 'Appendix.md'].sort(naturalOrder)).toEqual(['1-start.md', '2-middle.md', '10-end.md', 'Appendix.md'])
    expect(['03-the-ferry.md', 'chapter_12.txt', '07.docx', 'Prologue.rtf'].map(titleFromName)).toEqual(['The ferry', 'Chapter 12', null, 'Prologue'])
    expect(chapterOrder(['b.md', '.hidden.md', 'a.txt', 'pic.png', 'proselens-book.yaml'], {})).toEqual({ files: ['a.txt', 'b.md'], missing: [], unlisted: [] })
  })
})
