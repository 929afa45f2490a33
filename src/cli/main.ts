#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { MAX_FILE_BYTES } from '../node/input.js'
import { VERSION } from '../version.js'
import { appCommand } from './app.js'
import { compareCommand } from './compare.js'
import { watchCommand } from './watch.js'
import { corpusCommand, type CorpusCommandOptions } from './corpus.js'
import { defaultJobs } from '../node/corpus/run.js'
import { analyzeCommand, OUTPUT_FORMATS, type OutputFormat, type Io } from './analyze.js'
import type { Corrections } from '../structure/corrections.js'

/** Build the command line. Usage errors exit with 2, failed inputs with 1. */
export function createCli(io: Io, setExit: (code: number) => void): Command {
  const program = new Command()
  program
    .name('proselens')
    .description('Prose stylistics per scene: structure, sentence rhythm, dialogue, tense and point of view of a story.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError()
  program
    .command('analyze')
    .description('Analyse stories and write a JSON report and an HTML page per input (DIR/<name>.json, DIR/<name>.html).')
    .argument('<inputs...>', 'story files (.txt, .md, .html, .docx, .odt, .rtf, .epub, .pdf), Scrivener (.scriv) or novelWriter project folders, book folders (with --book, or a proselens-book.yaml), or directories to search for them')
    .addOption(new Option('-o, --out <dir>', 'folder for the reports').default('reports'))
    .option('--stdout', "print one file's JSON report to standard output instead of writing it")
    .option('--no-text', 'leave the normalised text out of the report')
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(formatOption('what to write per input: json, html or both'))
    .addOption(maxSizeOption('refuse files larger than this many megabytes'))
    .option('--max-memory <MB>', MAX_MEMORY_HELP, parsePositive)
    .option('--timeout <seconds>', TIMEOUT_HELP, parseSeconds)
    .option('--break-marker <text>', "a scene-break marker line of the writer's own, such as o~o (repeatable)", collect)
    .option('--not-break <words>', 'the opening words of a scene that is not a new scene: it joins the one before (repeatable)', collect)
    .option('--break-at <words>', 'the opening words of a paragraph a new scene starts at (repeatable)', collect)
    .option('--story-starts <words>', "the opening words of the story's first paragraph: what comes before is front matter", nonEmpty)
    .option('--story-ends <words>', "the opening words of the story's last paragraph: what comes after is end matter", nonEmpty)
    .option('--ignore-heading <text>', 'a line read as a chapter heading that is not one (repeatable)', collect)
    .option('--no-sidecar', "do not read each input's corrections file (draft.proselens.yaml, .yml or .json)")
    .option('--book', 'read each folder given as one book: its chapter files, in the natural order of their names (2 before 10) or as its proselens-book.yaml lists them, are its chapters')
    .addHelpText(
      'after',
      '\nCorrections given here add to each input\'s corrections file (draft.docx: draft.proselens.yaml).\nExit codes: 0 success, 1 some inputs failed (the others are still written), 2 usage error.\nInputs are never modified; each report is written whole (temporary file, then rename).',
    )
    .action(async (inputs: string[], opts: AnalyzeFlags) => {
      const { maxSize, maxMemory, timeout, format, breakMarker, notBreak, breakAt, storyStarts, storyEnds, ignoreHeading, sidecar, ...rest } = opts
      const limits = { ...(maxSize === undefined ? {} : { maxBytes: maxSize }), ...(maxMemory === undefined ? {} : { maxMemoryMb: maxMemory }), ...(timeout === undefined ? {} : { timeoutSeconds: timeout }) }
      const corrections: Corrections = {}
      if (breakMarker) corrections.breakMarker = breakMarker
      if (notBreak) corrections.notBreaks = notBreak
      if (breakAt) corrections.breaks = breakAt
      if (storyStarts !== undefined) corrections.storyStarts = storyStarts
      if (storyEnds !== undefined) corrections.storyEnds = storyEnds
      if (ignoreHeading) corrections.ignoreHeadings = ignoreHeading
      setExit(await analyzeCommand(inputs, { ...rest, stdout: rest.stdout === true, quiet: rest.quiet === true, formats: format, ...limits, corrections, sidecar }, io))
    })
  program
    .command('corpus')
    .description('Analyse a folder of works on all cores: per-work reports, summary.json, works.csv, scenes.csv, failures.csv and index.html. Resumable: unchanged works are skipped.')
    .argument('[inputs...]', 'folders, files or glob patterns (none with --jsonl)')
    .addOption(new Option('-o, --out <dir>', 'folder for the reports and tables').default('corpus-report'))
    .addOption(new Option('-j, --jobs <n>', 'worker threads').argParser(parsePositive).default(defaultJobs(), 'the number of cores'))
    .option('--force', 'analyse every work again, even unchanged ones')
    .addOption(formatOption('what to write per work: json, html or both'))
    .option('--no-text', 'leave the normalised text out of the JSON reports')
    .addOption(maxSizeOption('fail works larger than this many megabytes'))
    .option('--max-memory <MB>', 'heap each worker may use, in megabytes (default: enough for the largest work)', parsePositive)
    .option('--timeout <seconds>', 'stop the analysis of one work after this many seconds (default: 60, plus 15 a megabyte of input)', parseSeconds)
    .option('--shard <i/n>', 'take only every n-th work, starting at the i-th (0-based): for job arrays', parseShard)
    .option('--jsonl', 'read work paths or JSON lines {id, text} from standard input; write one JSON line per work to standard output')
    .option('--no-sidecar', "do not read each work's corrections file (story.proselens.yaml, .yml or .json)")
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (inputs: string[], opts: { out: string; jobs: number; force?: boolean; format: OutputFormat[]; text: boolean; maxSize?: number; maxMemory?: number; timeout?: number; shard?: [number, number]; jsonl?: boolean; sidecar: boolean; quiet?: boolean }) => {
      if (!opts.jsonl && inputs.length === 0) {
        io.err('proselens: give folders, files or patterns to analyse, or --jsonl to read them from standard input')
        return setExit(2)
      }
      const options: CorpusCommandOptions = { out: opts.out, jobs: opts.jobs, force: opts.force === true, formats: opts.format, includeText: opts.text, jsonl: opts.jsonl === true, quiet: opts.quiet === true }
      if (opts.maxSize !== undefined) options.maxBytes = opts.maxSize
      if (opts.maxMemory !== undefined) options.maxMemoryMb = opts.maxMemory
      if (opts.timeout !== undefined) options.timeoutSeconds = opts.timeout
      if (opts.shard) options.shard = opts.shard
      if (!opts.sidecar) options.sidecar = false
      setExit(await corpusCommand(inputs, options, io))
    })
  program
    .command('compare')
    .description('Set two versions of a story side by side: scenes matched, and how each changed (DIR/<name>.html and .json).')
    .argument('<old>', 'the earlier version')
    .argument('<new>', 'the revised version')
    .addOption(new Option('-o, --out <dir>', 'folder for the comparison').default('reports'))
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(maxSizeOption('refuse files larger than this many megabytes'))
    .action(async (oldPath: string, newPath: string, opts: { out: string; quiet?: boolean; maxSize?: number }) => {
      setExit(await compareCommand(oldPath, newPath, { out: opts.out, quiet: opts.quiet === true, ...(opts.maxSize === undefined ? {} : { maxBytes: opts.maxSize }) }, io))
    })
  program
    .command('app')
    .description('Write the app page (DIR/proselens.html): one file that analyses a manuscript dropped on it, in the browser, offline; the file never leaves the computer.')
    .addOption(new Option('-o, --out <dir>', 'folder for the page').default('reports'))
    .option('-q, --quiet', 'print nothing but errors')
    .action((opts: { out: string; quiet?: boolean }) => {
      setExit(appCommand({ out: opts.out, quiet: opts.quiet === true }, io))
    })
  program
    .command('watch')
    .description('Serve a story\'s report page at http://127.0.0.1:PORT/ and keep it up to date: each save (of the story or its corrections file) is read again, the open page redrawn in place, and one line says what moved.')
    .argument('<file>', 'the story file (.txt, .md, .html, .docx, .odt, .rtf, .epub, .pdf)')
    .addOption(new Option('-p, --port <n>', 'port on 127.0.0.1, 0 for any free one').argParser(parsePort).default(0))
    .addOption(maxSizeOption('refuse files larger than this many megabytes'))
    .option('--no-sidecar', "do not read the story's corrections file (draft.proselens.yaml, .yml or .json)")
    .action(async (file: string, opts: { port: number; maxSize?: number; sidecar: boolean }) => {
      setExit(await watchCommand(file, { port: opts.port, sidecar: opts.sidecar, ...(opts.maxSize === undefined ? {} : { maxBytes: opts.maxSize }) }, io))
    })
  return program
}

function parsePort(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port)')
  return n
}

interface AnalyzeFlags {
  out: string
  stdout?: boolean
  text: boolean
  quiet?: boolean
  maxSize?: number
  maxMemory?: number
  timeout?: number
  format: OutputFormat[]
  breakMarker?: string[]
  notBreak?: string[]
  breakAt?: string[]
  storyStarts?: string
  storyEnds?: string
  ignoreHeading?: string[]
  sidecar: boolean
  book?: boolean
}

/** A repeatable option's values, in order. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), nonEmpty(value)]
}

function nonEmpty(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected some text, not nothing')
  return value.trim()
}

// Each default is said once, as commander says it: "(default: …)". An option whose default is
// worked out later (by the input's size) says so in its description, in the same form; a flag
// (`--quiet`) is off unless given, and says nothing.
const MAX_MEMORY_HELP = 'heap the analysis may use, in megabytes (default: enough for the largest input)'
const TIMEOUT_HELP = 'stop the analysis of one input after this many seconds (default: 60, plus 15 a megabyte of input)'

/** `--format`: which files to write, both by default. */
function formatOption(description: string): Option {
  return new Option('-f, --format <list>', description).argParser(parseFormats).default([...OUTPUT_FORMATS], OUTPUT_FORMATS.join(','))
}

/** `--max-size`: the largest file read, in megabytes given, in bytes kept. */
function maxSizeOption(description: string): Option {
  return new Option('--max-size <MB>', description).argParser(parseMegabytes).default(MAX_FILE_BYTES, String(MAX_FILE_BYTES / 2 ** 20))
}

function parseSeconds(value: string): number {
  const s = Number(value)
  if (!Number.isFinite(s) || s <= 0) throw new InvalidArgumentError('expected a positive number of seconds')
  return s
}

function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean)
  const bad = list.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f))
  if (list.length === 0 || bad.length > 0) throw new InvalidArgumentError(`expected a comma-separated list of ${OUTPUT_FORMATS.join(', ')}${bad.length ? `, not ${bad.join(', ')}` : ''}`)
  return [...new Set(list)] as OutputFormat[]
}

function parsePositive(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more')
  return n
}

function parseShard(value: string): [number, number] {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim())
  if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) throw new InvalidArgumentError('expected i/n with 0 <= i < n, as in 0/4')
  return [Number(m[1]), Number(m[2])]
}

function parseMegabytes(value: string): number {
  const mb = Number(value)
  if (!Number.isFinite(mb) || mb <= 0) throw new InvalidArgumentError('expected a positive number of megabytes')
  return Math.round(mb * 2 ** 20)
}

/** Run the CLI with these arguments (without `node` and the script). */
export async function run(argv: string[], io: Io): Promise<number> {
  let code = 0
  const program = createCli(io, (c) => (code = c))
  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? 0 : 2
    }
    // A failure of the machine (a disk, a permission) is its message; a bug shows its stack.
    const error = e as NodeJS.ErrnoException
    io.err(`proselens: ${error.code && !process.env.PROSELENS_DEBUG ? error.message : (error.stack ?? error)}`)
    return 1
  }
  return code
}

function invokedDirectly(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url)
  } catch {
    return false
  }
}

if (invokedDirectly()) {
  const code = await run(process.argv.slice(2), { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') })
  process.exitCode = code
}
