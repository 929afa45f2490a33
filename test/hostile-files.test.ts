// Hostile files against the built CLI: entity bombs, devices, a file that vanishes mid-run, a
// read-only output folder and a full disk. Each gets a clear error, nothing half-written, and a
// batch goes on. The read-only case runs the CLI as an unprivileged user (needs root to set it
// up); the full disk is a 300 KB tmpfs (needs permission to mount): each is skipped, saying
// so, where the machine does not allow it.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CLI = join(process.cwd(), 'dist/cli/main.js')
const dir = mkdtempSync(join(tmpdir(), 'proselens-hostile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cli(args: string[], options: { uid?: number } = {}) {
  const uid = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: process.cwd(), ...uid })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** Every file left in a folder is whole: JSON parses, HTML ends its document, no temporary file. */
function expectOnlyWholeFiles(folder: string): string[] {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  for (const f of files) {
    const path = join(f.parentPath, f.name)
    expect(f.name.endsWith('.tmp'), `${path} is a temporary file left behind`).toBe(false)
    if (f.name.endsWith('.json')) expect(() => JSON.parse(readFileSync(path, 'utf8'))).not.toThrow()
    if (f.name.endsWith('.html')) expect(readFileSync(path, 'utf8').trimEnd().endsWith('</html>')).toBe(true)
  }
  return files.map((f) => f.name)
}

const BILLION_LAUGHS = '<!DOCTYPE d [<!ENTITY a "lollollollol">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('') + ']>'

describe('hostile files', () => {
  it('XML entity bombs in a DOCX and in HTML are read without expanding a single entity', async () => {
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    zip.file('word/document.xml', `<?xml version="1.0"?>${BILLION_LAUGHS}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>She laughed &j; once.</w:t></w:r></w:p><w:p><w:r><w:t>Then the room was quiet.</w:t></w:r></w:p></w:body></w:document>`)
    writeFileSync(join(dir, 'laughs-word.docx'), await zip.generateAsync({ type: 'uint8array' }))
    writeFileSync(join(dir, 'laughs-web.html'), `<!DOCTYPE html [${BILLION_LAUGHS.slice(12, -2)}]><html><body><p>She laughed &j; once.</p><p>Then the room was quiet.</p></body></html>`)
    const t0 = performance.now()
    const r = cli(['analyze', join(dir, 'laughs-word.docx'), join(dir, 'laughs-web.html'), '--out', join(dir, 'laughs'), '--quiet'])
    expect(performance.now() - t0).toBeLessThan(20_000)
    // HTML: the document type's entities are never defined, so `&j;` stays as written.
    const html = JSON.parse(readFileSync(join(dir, 'laughs', 'laughs-web.json'), 'utf8'))
    expect(html.text).not.toContain('lollol')
    expect(html.totals.words).toBe(9)
    // DOCX: the Word reader refuses an entity it does not know; the writer reads one plain line.
    expect(r.code).toBe(1)
    expect(r.err.trim()).toBe(`proselens: ${join(dir, 'laughs-word.docx')} is not a readable .docx: the file is damaged or is not a Word document\nproselens: 1 input failed`)
  })

  it('a symbolic link to /dev/zero and a named pipe are refused as not files; the batch goes on', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.txt'))
    execFileSync('mkfifo', [join(dir, 'pipe.txt')])
    const t0 = performance.now()
    const r = cli(['analyze', join(dir, 'zero.txt'), join(dir, 'pipe.txt'), 'corpus/night-ferry.txt', '--out', join(dir, 'devices')])
    expect(performance.now() - t0).toBeLessThan(20_000)
    expect(r.code).toBe(1)
    expect(r.err).toContain('zero.txt: not a regular file (a device, a pipe or a socket)')
    expect(r.err).toContain('pipe.txt: not a regular file')
    expect(r.err).toContain('2 inputs failed')
    expect(expectOnlyWholeFiles(join(dir, 'devices')).sort()).toEqual(['night-ferry.html', 'night-ferry.json'])
  })

  it('a --jsonl line past the size limit or its time is an error line; the next is analysed', () => {
    const input = `${JSON.stringify({ id: 'big', text: 'a '.repeat(1_500_000) })}\n${JSON.stringify({ id: 'ok', text: 'She left. He stayed.' })}\n`
    const r = spawnSync(process.execPath, [CLI, 'corpus', '--jsonl', '--max-size', '2'], { input, encoding: 'utf8', maxBuffer: 1 << 26 })
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines[0]).toEqual({ id: 'big', error: 'big: 2.9 MB is more than the 2 MB limit (raise it with --max-size)' })
    expect(lines[1].report.totals.words).toBe(4)
    expect(r.status).toBe(1)
    // The map step has the worker's limits too: a text past its time is an error line.
    const story = readFileSync('corpus/night-ferry.txt', 'utf8')
    const slow = `${JSON.stringify({ id: 'long', text: `${story}\n\n`.repeat(400) })}\n${JSON.stringify({ id: 'ok', text: story })}\n`
    const timed = spawnSync(process.execPath, [CLI, 'corpus', '--jsonl', '--timeout', '1.2'], { input: slow, encoding: 'utf8', maxBuffer: 1 << 26 })
    const out = timed.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(out[0]).toEqual({ id: 'long', error: 'long: the analysis took longer than 1.2 s and was stopped (raise the limit with --timeout)' })
    expect(out[1].report.totals.words).toBe(2182)
  })

  it('a work past its worker\'s memory fails alone, the worker is replaced, and a rerun with more memory analyses it', () => {
    const works = join(dir, 'memory')
    mkdirSync(works)
    const story = readFileSync('corpus/night-ferry.txt', 'utf8')
    writeFileSync(join(works, 'a.txt'), story)
    writeFileSync(join(works, 'big.txt'), `${story}\n\n`.repeat(400)) // about 4.8 MB: needs over 64 MB; the small ones under 32
    writeFileSync(join(works, 'z.txt'), `${story}\n\nThe ferry came back.\n`) // not a copy of a.txt: copies are counted once
    const out = join(dir, 'memory-out')
    const first = cli(['corpus', works, '--out', out, '--jobs', '1', '--max-memory', '48', '--quiet'])
    expect(first.code).toBe(1)
    expect(readFileSync(join(out, 'failures.csv'), 'utf8')).toContain(`${join(works, 'big.txt')}: the analysis ran out of memory (48 MB allowed for inputs of this size; raise it with --max-memory)`)
    expect(existsSync(join(out, 'z.json'))).toBe(true)
    expectOnlyWholeFiles(out)
    const second = cli(['corpus', works, '--out', out, '--jobs', '1', '--quiet'])
    expect(second.code).toBe(0)
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).works).toBe(3)
  })

  it('a work past its time is stopped and fails alone; it is not cached, so a rerun analyses it', () => {
    const works = join(dir, 'slow')
    mkdirSync(works)
    const story = readFileSync('corpus/night-ferry.txt', 'utf8')
    // About 4.8 MB: two seconds or more to analyse; the short story a tenth of one once warm, and
    // about half a second in a worker's first analysis (more on a loaded machine).
    writeFileSync(join(works, 'long.txt'), `${story}\n\n`.repeat(400))
    writeFileSync(join(works, 'short.txt'), story)
    const out = join(dir, 'slow-out')
    const first = cli(['analyze', join(works, 'long.txt'), join(works, 'short.txt'), '--out', out, '--timeout', '1.2'])
    expect(first.code).toBe(1)
    expect(first.err).toContain(`${join(works, 'long.txt')}: the analysis took longer than 1.2 s and was stopped (raise the limit with --timeout)`)
    expect(expectOnlyWholeFiles(out).sort()).toEqual(['short.html', 'short.json'])
    const corpusOut = join(dir, 'slow-corpus')
    expect(cli(['corpus', works, '--out', corpusOut, '--jobs', '1', '--timeout', '1.2', '--quiet']).code).toBe(1)
    expect(cli(['corpus', works, '--out', corpusOut, '--jobs', '1', '--quiet']).code).toBe(0)
    expect(JSON.parse(readFileSync(join(corpusOut, 'summary.json'), 'utf8')).works).toBe(2)
  })

  it('a file that vanishes during a corpus run is one failure row; the rest is analysed', async () => {
    const works = join(dir, 'vanishing')
    mkdirSync(works)
    const story = readFileSync('corpus/night-ferry.txt')
    for (let i = 0; i < 12; i++) writeFileSync(join(works, `w${String(i).padStart(2, '0')}.txt`), story)
    const { runCorpus } = await import('../dist/node/corpus/run.js')
    const files = readdirSync(works).sort().map((f) => join(works, f))
    let removed = false
    const out = join(dir, 'vanishing-out')
    const { rows, failures } = await runCorpus(files, { out, jobs: 1, force: false, formats: ['json'], includeText: false, maxBytes: 2 ** 25 }, {
      start() {},
      stop() {},
      tick() {
        // After the first work, the last one is deleted: it was listed, and is gone when its turn comes.
        if (!removed) unlinkSync(files[11]!)
        removed = true
      },
    })
    expect(rows).toHaveLength(11)
    expect(failures).toEqual([{ path: files[11], error: `${files[11]}: no such file` }])
    expectOnlyWholeFiles(out)
  })

  it('a folder the user may not write is one clear error before any work, and nothing is written', (ctx) => {
    // Root writes anywhere: the CLI runs as `nobody`, which needs to read it (a checkout in a
    // private folder cannot be read; the read-only mount below covers that case).
    const nobody = 65534
    if (process.getuid?.() !== 0 || spawnSync(process.execPath, [CLI, '--version'], { uid: nobody, gid: nobody }).status !== 0) {
      console.warn('hostile files: not root, or the CLI is not readable by nobody here; the permission test is skipped')
      return ctx.skip()
    }
    const folder = join(dir, 'read-only')
    mkdirSync(folder)
    chmodSync(folder, 0o555)
    chmodSync(dir, 0o755)
    for (const command of ['analyze', 'corpus']) {
      const r = cli([command, join(process.cwd(), 'corpus/night-ferry.txt'), '--out', join(folder, command)], { uid: nobody })
      expect(r.code).toBe(1)
      expect(r.err.trim()).toBe(`proselens: cannot write to the output folder ${join(folder, command)}: EACCES: permission denied, mkdir '${join(folder, command)}'`)
    }
    expect(readdirSync(folder)).toEqual([])
  })

  describe('a full disk (a 300 KB tmpfs) and a read-only file system', () => {
    const disk = join(dir, 'disk')
    const readOnly = join(dir, 'ro')
    let mounted = false
    beforeAll(() => {
      mkdirSync(disk)
      mkdirSync(readOnly)
      mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=300k', 'tmpfs', disk]).status === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', readOnly]).status === 0
      if (!mounted) console.warn('hostile files: cannot mount a tmpfs here; the full-disk and read-only tests are skipped')
    })
    afterAll(() => {
      spawnSync('umount', [disk])
      spawnSync('umount', [readOnly])
    })

    it('a read-only output folder is one clear error before any work, and nothing is written', (ctx) => {
      if (!mounted) return ctx.skip()
      for (const command of ['analyze', 'corpus']) {
        const r = cli([command, 'corpus/night-ferry.txt', '--out', readOnly])
        expect(r.code).toBe(1)
        expect(r.err.trim()).toMatch(new RegExp(`^proselens: cannot write to the output folder ${readOnly}: EROFS: read-only file system, open '${readOnly}/\\.proselens-write-test\\.\\d+\\.[0-9a-f]+\\.tmp'$`))
      }
      expect(readdirSync(readOnly)).toEqual([])
    })

    it('analyze fails the reports that do not fit, naming them; every file left is whole', (ctx) => {
      if (!mounted) return ctx.skip()
      const r = cli(['analyze', 'corpus/night-ferry.txt', 'corpus/lantern-row.md', 'corpus/the-salt-ledger.txt', '--out', join(disk, 'a')])
      expect(r.code).toBe(1)
      expect(r.err).toMatch(/cannot write .*\.html: ENOSPC: no space left on device/)
      const left = expectOnlyWholeFiles(join(disk, 'a'))
      expect(left.length).toBeLessThan(6)
    })

    it('a corpus run on a full disk ends with clear errors, and no half-written file', (ctx) => {
      if (!mounted) return ctx.skip()
      const r = cli(['corpus', 'corpus', '--out', join(disk, 'c'), '--quiet'])
      expect(r.code).toBe(1)
      expect(r.err).toMatch(/ENOSPC: no space left on device/)
      expect(r.err).not.toMatch(/\n\s+at /) // a message, not a stack trace
      if (existsSync(join(disk, 'c'))) expectOnlyWholeFiles(join(disk, 'c'))
    })
  })
})
