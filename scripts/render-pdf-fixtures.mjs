#!/usr/bin/env node
/**
 * PDFs made by the real tools writers print with, from the committed real-tool fixtures of
 * test/fixtures/tools (scripts/render-tools.mjs), with their gold:
 *
 *   node scripts/render-pdf-fixtures.mjs [--from DIR] [--out DIR]
 *
 *   libreoffice-pdf/   LibreOffice Writer's PDF export (soffice --headless --convert-to pdf) of
 *                      each ODT of libreoffice-odt/ and each DOCX of pandoc-docx/, and of two of
 *                      those ODTs given a running header (the title) and a page-number footer
 *                      (`<stem>.furniture.pdf`), as a printed book has
 *   chromium-pdf/      Chromium's print to PDF (chromium --headless --print-to-pdf) of the
 *                      standalone HTML pandoc makes of each Markdown file of pandoc-md/
 *   gold.json          each PDF's entry is its source's (what the document shows is what it
 *                      prints), with the file, format and producer of the PDF
 *
 * `--from` takes another folder of the same shape (../shared/eval/real: its gold.json and files),
 * so that real published works can be printed and scored too (`npm run eval -- OUT`), without
 * committing them. Needs soffice, pandoc and chromium; the tests read the committed files.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? resolve(process.argv[i + 1]) : fallback
}
const FROM = arg('--from', join(ROOT, 'test', 'fixtures', 'tools'))
const OUT = arg('--out', join(ROOT, 'test', 'fixtures', 'pdf'))
const committed = OUT === join(ROOT, 'test', 'fixtures', 'pdf')

const env = { ...process.env, SOURCE_DATE_EPOCH: '1704189600', TZ: 'UTC', LC_ALL: 'C.UTF-8' }
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, ...opts })
const SOFFICE = run('soffice', ['--version']).toString().trim().split('\n').pop().trim()
const CHROMIUM = run('chromium', ['--version']).toString().trim()

/** Two ODTs whose pages get a running header and a page number (every master page of styles.xml). */
const FURNISHED = ['libreoffice-odt/the-glass-orchard.marker.odt', 'libreoffice-odt/the-salt-ledger.spacing.odt']

async function withFurniture(bytes, title) {
  const zip = await JSZip.loadAsync(bytes)
  const styles = await zip.file('styles.xml').async('string')
  const furnished = styles.replace(
    /<style:master-page ([^>]*?)\/>/g,
    `<style:master-page $1><style:header><text:p>${title}</text:p></style:header><style:footer><text:p><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page>`,
  )
  zip.file('styles.xml', furnished, { date: new Date(1704189600 * 1000) })
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.oasis.opendocument.text' })
}

const gold = JSON.parse(readFileSync(join(FROM, 'gold.json'), 'utf8'))
const out = []
const work = mkdtempSync(join(tmpdir(), 'proselens-pdf-'))
try {
  const profile = join(work, 'lo-profile')
  for (const entry of gold) {
    const source = join(FROM, entry.file)
    if (!existsSync(source)) continue
    const ext = extname(entry.file)
    const tool = dirname(entry.file)
    if ((ext === '.odt' || ext === '.docx' || ext === '.rtf') && (!committed || tool === 'libreoffice-odt' || tool === 'pandoc-docx')) {
      // LibreOffice prints what it lays out; the PDF shows the document as Writer shows it.
      const dir = join(OUT, 'libreoffice-pdf')
      mkdirSync(dir, { recursive: true })
      const stem = `${basename(entry.file, ext)}.${basename(tool)}`
      const input = join(work, stem + ext)
      copyFileSync(source, input)
      run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, input])
      copyFileSync(join(work, `${stem}.pdf`), join(dir, `${stem}.pdf`))
      out.push({ ...entry, file: `libreoffice-pdf/${stem}.pdf`, format: 'pdf', source: `${entry.file} (${entry.source})`, producer: `${SOFFICE}, soffice --headless --convert-to pdf of ${entry.file}` })
      if (committed && FURNISHED.includes(entry.file)) {
        const furnished = join(work, `${stem}.furniture${ext}`)
        writeFileSync(furnished, await withFurniture(readFileSync(source), entry.title))
        run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, furnished])
        copyFileSync(join(work, `${stem}.furniture.pdf`), join(dir, `${stem}.furniture.pdf`))
        out.push({ ...entry, file: `libreoffice-pdf/${stem}.furniture.pdf`, format: 'pdf', source: `${entry.file} (${entry.source}), a running header (its title) and a page-number footer added to every master page of styles.xml`, producer: `${SOFFICE}, soffice --headless --convert-to pdf` })
      }
    } else if (ext === '.md' && committed) {
      const dir = join(OUT, 'chromium-pdf')
      mkdirSync(dir, { recursive: true })
      const stem = basename(entry.file, ext)
      const html = join(work, `${stem}.html`)
      run('pandoc', [source, '-f', 'markdown', '-s', '-o', html, '--metadata', `pagetitle=${entry.title}`])
      run('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(work, 'chrome')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(dir, `${stem}.pdf`)}`, `file://${html}`])
      out.push({ ...entry, file: `chromium-pdf/${stem}.pdf`, format: 'pdf', source: `${entry.file} (${entry.source})`, producer: `${CHROMIUM}, --print-to-pdf of pandoc -s HTML of ${entry.file}` })
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
for (const e of out) {
  const size = statSync(join(OUT, e.file)).size
  if (committed && size > 100_000) throw new Error(`${e.file}: ${size} bytes, more than 100 KB`)
  console.log(e.file, size)
}
writeFileSync(join(OUT, 'gold.json'), `${JSON.stringify(out, null, 1)}\n`)
