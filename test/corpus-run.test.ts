import { execFile, execFileSync, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { validateReport } from '../src/report/validate.js'

const CLI = resolve('dist/cli/main.js')
const run = async (args: string[], options: { cwd?: string; input?: string } = {}) => {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = execFile(process.execPath, [CLI, ...args], { cwd: options.cwd ?? process.cwd(), maxBuffer: 256 << 20 }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
    if (options.input !== undefined) child.stdin!.end(options.input)
  })
}
const tmp = () => mkdtempSync(join(tmpdir(), 'proselens-corpus-'))
const STORIES = readdirSync('corpus').filter((f) => /\.(txt|md|html)$/.test(f)).sort()
/** The works a corpus folder holds with the odd-named file added, and the shelf kettle-bay-letters lands on. */
const WORKS = STORIES.length + 1
const KETTLE = `shelf-${STORIES.indexOf('kettle-bay-letters.txt') % 3}`

/** A corpus folder: the corpus stories in nested folders, copies under other names, a hidden folder, a symlink loop, and bad files. */
function makeCorpus(copies = 1): string {
  const dir = tmp()
  for (let c = 0; c < copies; c++) {
    for (const [i, f] of STORIES.entries()) {
      const sub = join(dir, `shelf-${(i + c) % 3}`, c === 0 ? '' : `copy-${c}`)
      mkdirSync(sub, { recursive: true })
      copyFileSync(join('corpus', f), join(sub, f))
    }
  }
  mkdirSync(join(dir, '.hidden'))
  copyFileSync('corpus/night-ferry.txt', join(dir, '.hidden', 'secret.txt'))
  symlinkSync(dir, join(dir, 'shelf-0', 'loop'))
  return dir
}

describe('proselens corpus', () => {
  it('analyses every work, writes the tables, and one bad file is one failure', async () => {
    const dir = makeCorpus()
    writeFileSync(join(dir, 'shelf-1', 'broken.epub'), Buffer.from('PK\x03\x04 this is no archive'))
    writeFileSync(join(dir, 'shelf-2', 'Odd, "quoted"\nname.txt'), 'Title: A "Quoted", Odd\nby Some One\n\nShe came in. "Hello," she said.\n\nHe sat down.\n\nIt rained.\n\nNobody spoke.\n\n* * *\n\nHe left.\n')
    const out = join(dir, 'out')
    const r = await run(['corpus', dir, '--out', out, '--jobs', '2'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('1 work failed (see failures.csv)')
    expect(r.stdout).toMatch(new RegExp(`^${WORKS} works analysed`))
    expect(r.stdout).toMatch(/^\d+ works analysed \([\d,]+ words\) in [\d.]+ s; summary\.json, works\.csv, scenes\.csv, failures\.csv and index\.html in /)
    // Progress, line by line when not a terminal.
    expect(r.stderr).toContain(`[${WORKS + 1}/${WORKS + 1}] `)
    const works = parse(readFileSync(join(out, 'works.csv')), { columns: true }) as Record<string, string>[]
    expect(works).toHaveLength(WORKS)
    expect(works.map((w) => w.path).every((p) => !p.includes('.hidden') && !p.includes('/loop/'))).toBe(true)
    const odd = works.find((w) => w.title === 'A "Quoted", Odd')!
    expect(odd.path).toBe(join(dir, 'shelf-2', 'Odd, "quoted"\nname.txt'))
    expect(odd.words).toBe('15')
    expect(readFileSync(join(out, 'works.csv'), 'utf8')).toContain('\r\n')
    const scenes = parse(readFileSync(join(out, 'scenes.csv')), { columns: true }) as Record<string, string>[]
    expect(scenes.length).toBe(works.reduce((n, w) => n + Number(w.scenes), 0))
    const failures = parse(readFileSync(join(out, 'failures.csv')), { columns: true }) as Record<string, string>[]
    expect(failures).toEqual([{ path: join(dir, 'shelf-1', 'broken.epub'), error: `${join(dir, 'shelf-1', 'broken.epub')} is not a readable .epub: the file is damaged or is not an EPUB book` }])
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))
    expect(summary).toMatchObject({ kind: 'proselens-corpus', works: WORKS, failed: 1 })
    expect(summary.totals.words).toBe(works.reduce((n, w) => n + Number(w.words), 0))
    // Each work's report, named by its place in the tree.
    const report = JSON.parse(readFileSync(join(out, KETTLE, 'kettle-bay-letters.json'), 'utf8'))
    expect(validateReport(report)).toEqual([])
    expect(existsSync(join(out, KETTLE, 'kettle-bay-letters.html'))).toBe(true)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`"report":"${KETTLE}/kettle-bay-letters"`)
  })

  it('a path that is nowhere is a usage error: exit 2, one line in the words analyze uses, nothing written', async () => {
    const cwd = tmp()
    const r = await run(['corpus', 'nosuchdir'], { cwd })
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'proselens: nosuchdir: no such file\n' })
    expect(readdirSync(cwd)).toEqual([])
    // Among real folders too: nothing runs, and no output folder is made.
    const mixed = await run(['corpus', resolve('corpus'), 'nosuchdir', 'gone.txt', '--out', 'out'], { cwd })
    expect(mixed).toEqual({ code: 2, stdout: '', stderr: 'proselens: nosuchdir: no such file; gone.txt: no such file\n' })
    expect(readdirSync(cwd)).toEqual([])
    // No inputs at all, and a folder with no story in it, are their own messages.
    const none = await run(['corpus'], { cwd })
    expect(none).toEqual({ code: 2, stdout: '', stderr: 'proselens: give folders, files or patterns to analyse, or --jsonl to read them from standard input\n' })
    mkdirSync(join(cwd, 'empty'))
    const empty = await run(['corpus', 'empty'], { cwd })
    expect(empty.code).toBe(1)
    expect(empty.stderr).toBe('proselens: empty: a directory with no .txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml, .docx, .odt, .epub, .rtf, .pdf files in it\nproselens: no works to analyse\n')
    expect(readdirSync(cwd)).toEqual(['empty'])
    const analyze = await run(['analyze', 'nosuchdir', '--out', 'out'], { cwd })
    expect(analyze.stderr.split('\n')[0]).toBe('proselens: nosuchdir: no such file')
  })

  it('skips unchanged works on a rerun, re-analyses changed ones, and --force redoes all', async () => {
    const dir = makeCorpus()
    const out = join(dir, 'out')
    expect((await run(['corpus', dir, '--out', out])).code).toBe(0)
    const before = readFileSync(join(out, 'works.csv'), 'utf8')
    writeFileSync(join(dir, KETTLE, 'kettle-bay-letters.txt'), readFileSync('corpus/night-ferry.txt'))
    const again = await run(['corpus', dir, '--out', out])
    expect(again.code).toBe(0)
    expect(again.stderr.match(/\] cached /g)).toHaveLength(STORIES.length - 1)
    expect(again.stderr.match(/\] done /g)).toHaveLength(1)
    // Kettle Bay now holds the night ferry's bytes: one text in two files, counted once.
    expect(again.stdout).toMatch(new RegExp(`^${STORIES.length} works: 1 analysed, ${STORIES.length - 1} from the cache; 1 duplicate counted once \\([\\d,]+ words\\) in [\\d.]+ s; summary\\.json`))
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))
    const ferry = `shelf-${STORIES.indexOf('night-ferry.txt') % 3}`
    expect(summary).toMatchObject({ works: STORIES.length - 1, run: { analysed: 1, cached: STORIES.length - 1 } })
    expect(summary.duplicates).toEqual([[join(dir, KETTLE, 'kettle-bay-letters.txt'), join(dir, ferry, 'night-ferry.txt')].sort()])
    expect(summary.rows).toHaveLength(STORIES.length)
    const works = parse(readFileSync(join(out, 'works.csv')), { columns: true }) as Record<string, string>[]
    expect(summary.totals.words).toBe(works.reduce((n, w) => n + Number(w.words), 0) - Number(works.find((w) => w.path.endsWith('night-ferry.txt'))!.words))
    expect(readFileSync(join(out, 'works.csv'), 'utf8')).not.toBe(before)
    const forced = await run(['corpus', dir, '--out', out, '--force'])
    expect(forced.stderr.match(/\] done /g)).toHaveLength(STORIES.length)
    expect(forced.stdout).toMatch(new RegExp(`^${STORIES.length} works analysed; 1 duplicate counted once \\(`))
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).run).toEqual({ analysed: STORIES.length, cached: 0 })
  })

  it('a failure remembered from the last run reads as a failure, in the progress, the tables and the page', async () => {
    const dir = tmp()
    copyFileSync('corpus/night-ferry.txt', join(dir, 'ferry.txt'))
    writeFileSync(join(dir, 'draft.docx'), Buffer.from('PK\x03\x04 the rest of this file was lost'))
    const out = join(dir, 'out')
    const message = `${join(dir, 'draft.docx')} is not a readable .docx: the file is damaged or is not a Word document`
    const first = await run(['corpus', dir, '--out', out, '--jobs', '1'])
    const again = await run(['corpus', dir, '--out', out, '--jobs', '1'])
    expect(first.stderr).toContain(`FAILED ${message} · 1 failed so far`)
    for (const r of [first, again]) {
      expect(r.code).toBe(1)
      expect(r.stderr).toContain('proselens: 1 work failed (see failures.csv)')
      expect(r.stderr).not.toMatch(/cached .*draft\.docx/)
    }
    expect(again.stderr).toContain(`FAILED ${message} (unchanged since the last run) · 1 failed so far`)
    expect(again.stderr).toMatch(/\] cached .*ferry\.txt/)
    expect(again.stdout).toMatch(/^1 work: 0 analysed, 1 from the cache \(/)
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))
    expect(summary).toMatchObject({ works: 1, failed: 1, failures: [{ path: join(dir, 'draft.docx'), error: message }], run: { analysed: 0, cached: 1 } })
    expect(parse(readFileSync(join(out, 'failures.csv')), { columns: true })).toEqual([{ path: join(dir, 'draft.docx'), error: message }])
    const page = readFileSync(join(out, 'index.html'), 'utf8')
    expect(page).toContain(`"failed":1`)
    expect(page).toContain(JSON.stringify(message))
    // The page is the corpus's, not the run's: no trace of the cache in it.
    expect(page).not.toContain('"run"')
  })

  it('a work with no words is counted as empty, not analysed, in the last line, the warning, the summary and the page', async () => {
    const dir = tmp()
    copyFileSync('corpus/night-ferry.txt', join(dir, 'ferry.txt'))
    writeFileSync(join(dir, 'blank.txt'), '\n\n   \n')
    writeFileSync(join(dir, 'header-only.md'), '---\ntitle: Nothing Yet\n---\n')
    const out = join(dir, 'out')
    const first = await run(['corpus', dir, '--out', out, '--jobs', '1'])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^3 works: 1 analysed, 2 empty \(no words\) \(2,182 words\) in /)
    expect(first.stderr).toMatch(/\] empty .*blank\.txt \(no words: empty, or only markup, metadata or front matter\)/)
    expect(first.stderr).toContain(`proselens: warning: 2 works have no words to analyse (empty, or only markup, metadata or front matter): ${join(dir, 'blank.txt')}, ${join(dir, 'header-only.md')}`)
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))
    expect(summary).toMatchObject({ works: 3, empty: 2, failed: 0, run: { analysed: 1, cached: 0 }, tense: { present: 1 } })
    expect(summary.distributions.words.count).toBe(1)
    // A rerun takes the analysed work from the cache; the empty ones are still empty, not cached works.
    const again = await run(['corpus', dir, '--out', out, '--jobs', '1'])
    expect(again.stdout).toMatch(/^3 works: 0 analysed, 1 from the cache, 2 empty \(no words\) \(/)
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).run).toEqual({ analysed: 0, cached: 1 })
  })

  it('a report that cannot be written fails its work without caching the failure: the next run writes it', async () => {
    const dir = tmp()
    copyFileSync('corpus/night-ferry.txt', join(dir, 'a.txt'))
    copyFileSync('corpus/the-salt-ledger.txt', join(dir, 'b.txt'))
    const out = join(dir, 'out')
    // A folder where a's report should go: the rename onto it fails, as a full disk would.
    mkdirSync(join(out, 'a.json', 'in-the-way'), { recursive: true })
    const first = await run(['corpus', dir, '--out', out, '--format', 'json', '--jobs', '1'])
    expect(first.code).toBe(1)
    expect(first.stderr).toMatch(/FAILED .*a\.txt: cannot write .*a\.json/)
    expect(existsSync(join(out, '.proselens-cache', 'a.json'))).toBe(false)
    expect(existsSync(join(out, '.proselens-cache', 'b.json'))).toBe(true)
    rmSync(join(out, 'a.json'), { recursive: true })
    const second = await run(['corpus', dir, '--out', out, '--format', 'json', '--jobs', '1'])
    expect(second.code).toBe(0)
    expect(second.stderr).toMatch(/\] done .*a\.txt/)
    expect(second.stderr).toMatch(/\] cached .*b\.txt/)
    expect(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')).totals.words).toBeGreaterThan(1000)
  })

  it('survives SIGKILL at any moment: a rerun completes with the outputs of an uninterrupted run', async () => {
    const dir = makeCorpus(4)
    const outs = tmp()
    const whole = join(outs, 'whole')
    expect((await run(['corpus', dir, '--out', whole, '--jobs', '2'])).code).toBe(0)
    const killed = join(outs, 'killed')
    for (const afterWorks of [3, 11]) {
      await new Promise<void>((done) => {
        const child = spawn(process.execPath, [CLI, 'corpus', dir, '--out', killed, '--jobs', '2'], { stdio: ['ignore', 'ignore', 'pipe'] })
        let seen = 0
        child.stderr.on('data', (d: Buffer) => {
          seen += (d.toString().match(/\n/g) ?? []).length
          if (seen >= afterWorks) child.kill('SIGKILL')
        })
        child.on('exit', () => done())
      })
    }
    expect((await run(['corpus', dir, '--out', killed, '--jobs', '2'])).code).toBe(0)
    const files = (root: string) => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes('.proselens-cache')).map((e) => join(e.parentPath, e.name).slice(root.length)).sort()
    expect(files(killed)).toEqual(files(whole))
    for (const f of files(whole)) {
      if (f.endsWith('.html') && !f.endsWith('index.html')) continue
      // summary.json says how this run went (analysed or from the cache): the rest is the same.
      if (f.endsWith('summary.json')) {
        const { run: a, ...killedSummary } = JSON.parse(readFileSync(join(killed, f), 'utf8'))
        const { run: b, ...wholeSummary } = JSON.parse(readFileSync(join(whole, f), 'utf8'))
        expect(killedSummary).toEqual(wholeSummary)
        expect(a.analysed + a.cached).toBe(b.analysed)
        expect(wholeSummary.duplicates).toHaveLength(STORIES.length)
        continue
      }
      expect(readFileSync(join(killed, f), 'utf8'), f).toBe(readFileSync(join(whole, f), 'utf8'))
    }
  }, 120_000)

  it('--shard i/n splits the works, and --jsonl maps standard input to JSON lines', async () => {
    const dir = makeCorpus()
    const outs = tmp()
    const a = await run(['corpus', dir, '--out', join(outs, 'a'), '--shard', '0/2', '--format', 'json'])
    const b = await run(['corpus', dir, '--out', join(outs, 'b'), '--shard', '1/2', '--format', 'json'])
    const paths = (o: string) => (parse(readFileSync(join(outs, o, 'works.csv')), { columns: true }) as { path: string }[]).map((w) => w.path)
    expect(a.code + b.code).toBe(0)
    expect([...paths('a'), ...paths('b')].sort()).toHaveLength(STORIES.length)
    expect(new Set([...paths('a'), ...paths('b')]).size).toBe(STORIES.length)
    const input = ['corpus/night-ferry.txt', JSON.stringify({ id: 'inline-1', text: 'She ran. "Stop!" he said.\n\n* * *\n\nThey met.' }), 'no/such/file.txt', ''].join('\n')
    const r = await run(['corpus', '--jsonl', '--no-text'], { input })
    expect(r.code).toBe(1)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.id)).toEqual(['corpus/night-ferry.txt', 'inline-1', 'no/such/file.txt'])
    expect(lines[0].report.scenes).toHaveLength(7)
    expect(lines[0].report.text).toBeUndefined()
    expect(lines[1].report.scenes.map((s: { words: number }) => s.words)).toEqual([5, 2])
    expect(lines[2].error).toBe('no/such/file.txt: no such file')
  })

  const haveParallel = (() => {
    try {
      execFileSync('parallel', ['--version'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()
  it.skipIf(!haveParallel)('runs as the map step of GNU parallel (--pipe), each work exactly once', async () => {
    const input = STORIES.map((f) => `corpus/${f}`).join('\n') + '\n'
    const child = spawn('bash', ['-c', `parallel --will-cite --pipe -N 2 -j 2 ${process.execPath} ${CLI} corpus --jsonl --no-text`], { stdio: ['pipe', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stdin.end(input)
    await new Promise((done) => child.on('exit', done))
    const ids = out.trim().split('\n').map((l) => JSON.parse(l).id as string)
    expect(ids.sort()).toEqual(STORIES.map((f) => `corpus/${f}`).sort())
  })
})
