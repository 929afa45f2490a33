#!/usr/bin/env node
// Build the app page: one self-contained HTML file (app/proselens.html) holding the whole analysis
// (bundled by esbuild for browsers, the wink-nlp model and Chart.js included), its worker, style
// and script, all inline. The build is deterministic: the same sources give the same bytes, and a
// test fails when the committed page differs from what the sources build.
//   node scripts/build-app.mjs [--out FILE]   (default app/proselens.html)
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import { deflateSync } from 'fflate'
import { writeAssetsModule } from './gen-assets.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
export const APP_PAGE = join(root, 'app/proselens.html')

/** The page's policy: no request of any kind; inline code, and the worker made from a blob. */
export const APP_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'"

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

/** Any import of a Node built-in fails the build, naming the file that made it. */
const noNode = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined
      return { errors: [{ text: `${relative(root, args.importer)} imports the Node built-in "${args.path}": the analysis core must run in browsers` }] }
    })
  },
}

/** mammoth's browser unzip takes an ArrayBuffer only: ours hands over the archive already checked. */
const mammothUnzip = {
  name: 'mammoth-unzip',
  setup(build) {
    build.onResolve({ filter: /^\.\/unzip$/ }, (args) =>
      /mammoth[\\/]lib$/.test(dirname(args.importer)) ? { path: join(root, 'src/app/mammoth-unzip.cjs') } : undefined,
    )
  },
}

/**
 * The NLP model's JSON becomes `JSON.parse('…')`, not an object literal: engines parse JSON text
 * several times faster than the same data written as code, and the page loads sooner.
 */
const jsonAsText = {
  name: 'json-as-text',
  setup(build) {
    build.onLoad({ filter: /wink-eng-lite-web-model[\\/].*\.json$/ }, (args) => {
      const text = JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8')))
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)})`, loader: 'js' }
    })
  },
}

const BUNDLE = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome111', 'firefox115', 'safari16.4'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  write: false,
  metafile: true,
  logLevel: 'silent',
  absWorkingDir: root,
  plugins: [noNode, mammothUnzip, jsonAsText],
  define: { 'process.env.NODE_ENV': '"production"' },
}

/**
 * The worker's source, deflated and in base64: a third of its size, so that the browser reads
 * the page sooner (the page inflates it with fflate before starting the worker).
 */
const packed = (code) => Buffer.from(deflateSync(new TextEncoder().encode(code), { level: 9, mem: 12 })).toString('base64')

/** Inline script text that cannot close its element early (as src/report/page.ts writes scripts). */
const inlineScript = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')

/**
 * Bundle an entry of the browser build; `metafile` lists every input, for the test that no Node
 * module and nothing of src/node or src/cli is in it.
 */
export async function bundle(entry) {
  const result = await esbuild.build({ ...BUNDLE, entryPoints: [join(root, entry)] })
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) }
}

/** The page's text and what went into it. */
export async function buildApp() {
  writeAssetsModule()
  const [worker, main] = await Promise.all([bundle('src/app/worker.ts'), bundle('src/app/main.ts')])
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const fill = { CSP: APP_CSP, GENERATOR: `proselens ${version}`, CSS: readFileSync(join(root, 'src/app/app.css'), 'utf8'), WORKER: packed(worker.code), MAIN: inlineScript(main.code) }
  // Filled in one pass, so that no bundle's text is read as a placeholder.
  const html = readFileSync(join(root, 'src/app/shell.html'), 'utf8').replace(/%(CSP|GENERATOR|CSS|WORKER|MAIN)%/g, (_, key) => fill[key])
  return { html, inputs: [...new Set([...worker.inputs, ...main.inputs])].sort(), sha256: createHash('sha256').update(html).digest('hex') }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--out')
  const out = at > 0 ? process.argv[at + 1] : APP_PAGE
  const { html } = await buildApp()
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, html)
  console.log(`wrote ${relative(process.cwd(), out)} (${(Buffer.byteLength(html) / 2 ** 20).toFixed(2)} MB)`)
}
