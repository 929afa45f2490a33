// Install once, use anywhere: the tarball `npm pack` makes installs a `proselens` command that
// works in any folder, and carries the app page.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve('.')
const dir = mkdtempSync(join(tmpdir(), 'proselens-install-'))
const npm = (args: string[], cwd = root) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } })

describe('npm pack, then npm install -g of the tarball', () => {
  let bin: string
  beforeAll(() => {
    // The tests' setup has built dist/; the tarball takes it as it is.
    npm(['pack', '--ignore-scripts', '--pack-destination', dir])
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!
    npm(['install', '-g', '--prefix', join(dir, 'prefix'), '--prefer-offline', '--no-audit', '--no-fund', join(dir, tarball)])
    bin = join(dir, 'prefix', 'bin', 'proselens')
  }, 240_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const proselens = (args: string[], cwd: string) => execFileSync(bin, args, { cwd, encoding: 'utf8' })

  it('gives a proselens command that analyses a story in another folder', () => {
    const work = mkdtempSync(join(dir, 'work-'))
    copyFileSync('corpus/night-ferry.txt', join(work, 'night-ferry.txt'))
    expect(proselens(['--version'], work).trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
    const out = proselens(['analyze', 'night-ferry.txt'], work)
    expect(out).toMatch(/night-ferry\.txt → reports\/night-ferry\.json, reports\/night-ferry\.html/)
    const report = JSON.parse(readFileSync(join(work, 'reports', 'night-ferry.json'), 'utf8'))
    expect(report.scenes.length).toBeGreaterThan(1)
    // The page inlines what it needs: the installed package reads no assets folder.
    expect(readFileSync(join(work, 'reports', 'night-ferry.html'), 'utf8')).toContain('Chart.js')
  })

  it('writes the app page, the one committed in app/', () => {
    const work = mkdtempSync(join(dir, 'app-'))
    expect(proselens(['app', '--out', 'pages'], work)).toMatch(/^wrote pages\/proselens\.html \(\d\.\d MB\)/)
    expect(existsSync(join(work, 'pages', 'proselens.html'))).toBe(true)
    expect(readFileSync(join(work, 'pages', 'proselens.html'), 'utf8') === readFileSync('app/proselens.html', 'utf8')).toBe(true)
  })
})
