import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { validateReport } from '../src/report/validate.js'

const CLI = resolve('dist/cli/main.js')
const run = async (args: string[], cwd = process.cwd()) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd, maxBuffer: 64 << 20 })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}
const tmp = () => mkdtempSync(join(tmpdir(), 'proselens-'))

describe('proselens analyze (the built CLI)', () => {
  it('writes a valid JSON report and an HTML page per input and says where', async () => {
    const out = tmp()
    const r = await run(['analyze', 'corpus/night-ferry.txt', 'corpus/the-salt-ledger.txt', '--out', out])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`2 reports written to ${out}`)
    expect(r.stdout).toContain('night-ferry.json, ')
    expect(readdirSync(out).sort()).toEqual(['night-ferry.html', 'night-ferry.json', 'the-salt-ledger.html', 'the-salt-ledger.json'])
    expect(readFileSync(join(out, 'night-ferry.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/)
    const report = JSON.parse(readFileSync(join(out, 'night-ferry.json'), 'utf8'))
    expect(validateReport(report)).toEqual([])
    expect(report.source.path).toBe('corpus/night-ferry.txt')
  })

  it('reads every story file of a directory, whatever its format', async () => {
    const out = tmp()
    const r = await run(['analyze', 'corpus', '--out', out])
    expect(r.code).toBe(0)
    const stories = readdirSync('corpus').filter((f) => /\.(?:txt|md|html)$/.test(f))
    expect(stories.length).toBeGreaterThanOrEqual(8)
    expect(readdirSync(out).filter((f) => f.endsWith('.json')).sort()).toEqual(stories.map((f) => f.replace(/\.\w+$/, '.json')).sort())
  })

  it('fails on a missing file with exit 1, still writing the others', async () => {
    const out = tmp()
    const r = await run(['analyze', 'no/such/story.txt', 'corpus/night-ferry.txt', '--out', out])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('no/such/story.txt: no such file')
    expect(r.stderr).toContain('1 input failed')
    expect(readdirSync(out)).toEqual(['night-ferry.html', 'night-ferry.json'])
  })

  it('--format chooses what to write, and refuses an unknown format', async () => {
    const out = tmp()
    expect((await run(['analyze', 'corpus/night-ferry.txt', '--format', 'html', '--out', out])).code).toBe(0)
    expect(readdirSync(out)).toEqual(['night-ferry.html'])
    const bad = await run(['analyze', 'corpus/night-ferry.txt', '--format', 'pdf', '--out', out])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('expected a comma-separated list of json, html, not pdf')
  })

  it('refuses a binary file, naming it', async () => {
    const dir = tmp()
    writeFileSync(join(dir, 'scan.txt'), Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'))
    const r = await run(['analyze', join(dir, 'scan.txt'), '--out', join(dir, 'out')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/scan\.txt: not a text file \(it looks like a PNG image\)/)
  })

  it('gives an empty file a valid report with zero counts and a diagnostic', async () => {
    const dir = tmp()
    writeFileSync(join(dir, 'empty.txt'), '  \n\n')
    const r = await run(['analyze', join(dir, 'empty.txt'), '--stdout'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(validateReport(report)).toEqual([])
    expect(report.totals.words).toBe(0)
    expect(report.scenes).toEqual([])
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toContain('empty-text')
    const written = await run(['analyze', join(dir, 'empty.txt'), '--out', join(dir, 'out')])
    expect(written.code).toBe(0)
    expect(written.stderr).toContain(`proselens: warning: ${join(dir, 'empty.txt')} has no words to analyse`)
  })

  it('treats a file path that is a directory, an empty directory and bad usage apart', async () => {
    const dir = tmp()
    mkdirSync(join(dir, 'nothing'))
    const empty = await run(['analyze', join(dir, 'nothing'), '--out', join(dir, 'out')])
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain('a directory with no .txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml, .docx, .odt, .epub, .rtf, .pdf files in it')
    expect((await run(['analyze'])).code).toBe(2)
    expect((await run(['analyze', 'corpus/night-ferry.txt', '--frobnicate'])).code).toBe(2)
    expect((await run(['explode'])).code).toBe(2)
    const two = await run(['analyze', 'corpus/night-ferry.txt', 'corpus/the-salt-ledger.txt', '--stdout'])
    expect(two.code).toBe(2)
    expect(two.stderr).toContain('--stdout prints one report')
  })

  it('--help documents the options and exit codes', async () => {
    const r = await run(['analyze', '--help'])
    expect(r.code).toBe(0)
    for (const word of ['--out', '--stdout', '--no-text', 'Exit codes']) expect(r.stdout).toContain(word)
  })

  it('--help of the program and of every command says each default once, in one form', async () => {
    const helps = await Promise.all(['', 'analyze', 'corpus', 'compare', 'app', 'watch'].map((c) => run([...(c ? [c] : []), '--help'])))
    const defaults: Record<string, string[]> = {}
    for (const [i, r] of helps.entries()) {
      expect(r.code).toBe(0)
      // One entry per option: its first line and the lines wrapped under it, joined.
      const entries = r.stdout.replace(/\n {10,}/g, ' ').split('\n').filter((l) => /^ {2}-/.test(l))
      for (const entry of entries) {
        expect(entry.match(/default/gi)?.length ?? 0, entry).toBeLessThanOrEqual(1)
        expect(entry, entry).not.toMatch(/\(default: (?:false|true)\)|\(default [^:]/)
      }
      defaults[i] = entries.flatMap((e) => /^ {2}(?:-\w, )?(--[\w-]+).*\(default: ([^)]*(?:\([^)]*\))?[^)]*)\)/.exec(e)?.slice(1, 3).join(' = ') ?? [])
    }
    expect(defaults[2]).toEqual([
      '--out = "corpus-report"', '--jobs = the number of cores', '--format = json,html', '--max-size = 32',
      '--max-memory = enough for the largest work', '--timeout = 60, plus 15 a megabyte of input',
    ])
    expect(defaults[1]).toEqual(['--out = "reports"', '--format = json,html', '--max-size = 32', '--max-memory = enough for the largest input', '--timeout = 60, plus 15 a megabyte of input'])
    expect(defaults[5]).toEqual(['--port = 0', '--max-size = 32'])
  })

  it('never modifies its input and leaves no temporary file', async () => {
    const dir = tmp()
    const input = join(dir, 'story.txt')
    const text = 'Title Here\n\nby Someone\n\nShe went out. It was raining.\n\n* * *\n\nHe stayed in.\n'
    writeFileSync(input, text)
    const r = await run(['analyze', input, '--out', join(dir, 'out')])
    expect(r.code).toBe(0)
    expect(readFileSync(input, 'utf8')).toBe(text)
    expect(readdirSync(join(dir, 'out'))).toEqual(['story.html', 'story.json'])
  })

  it('--no-text leaves the text out', async () => {
    const r = await run(['analyze', 'corpus/night-ferry.txt', '--stdout', '--no-text'])
    const report = JSON.parse(r.stdout)
    expect(report.text).toBeUndefined()
    expect(report.scenes.length).toBe(7)
  })
})

describe('proselens app (the built CLI)', () => {
  it('writes the committed app page into the folder given, and says how to use it', async () => {
    const out = tmp()
    const r = await run(['app', '--out', out])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^wrote .*proselens\.html \(\d\.\d MB\)\nOpen it in a browser and drop a manuscript on it/)
    expect(readFileSync(join(out, 'proselens.html'), 'utf8') === readFileSync('app/proselens.html', 'utf8')).toBe(true)
    const quiet = await run(['app', '--out', out, '--quiet'])
    expect(quiet).toMatchObject({ code: 0, stdout: '' })
  })
})
