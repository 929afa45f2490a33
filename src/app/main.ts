/**
 * The app page: a writer drops or picks a manuscript, the analysis worker reads it on this
 * machine, and the report page `analyze` writes appears, with buttons to save it (HTML, JSON)
 * and to compare it with another draft. Nothing is sent anywhere: the page's policy allows no
 * request, and the worker is made from source text inside the page.
 */
import type { Report } from '../report/types.js'
import type { Comparison } from '../compare/index.js'
import { inflateSync } from 'fflate'
import { FORMAT_EXTENSIONS } from '../ingest/formats.js'
import { MAX_FILE_BYTES, timedOut, timeLimitSeconds, tooLarge } from '../ingest/limits.js'
import { STAGES } from '../stages.js'
import type { Reply, Request } from './protocol.js'

declare global {
  interface Window {
    /** The report the page shows (the JSON `analyze` writes, parsed); set when one is ready. */
    proselensReport?: Report
    /** The comparison the page shows, when it shows one. */
    proselensComparison?: Comparison
    /** For tests and scripts: the time an analysis may take, in milliseconds, instead of the default. */
    proselensTimeLimitMs?: number
  }
}

/** Where each stage begins on the progress bar, from the share of the time each takes. */
const STAGE_START: Record<string, number> = {}
let sum = 0
for (const [stage, share] of Object.entries(STAGES)) {
  STAGE_START[stage] = sum
  sum += share
}
const STAGE_LABEL: Record<string, string> = { read: 'Reading the file', structure: 'Finding chapters and scenes', annotate: 'Reading sentences, dialogue and tense', report: 'Writing the report' }

/** Time an analysis may take, as on the command line (a minute, and 15 s a megabyte). */
const timeLimitMs = (bytes: number) => window.proselensTimeLimitMs ?? timeLimitSeconds(bytes) * 1000

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const dropZone = $<HTMLElement>('drop')
const picker = $<HTMLInputElement>('pick')
const comparePicker = $<HTMLInputElement>('pick-compare')
const status = $<HTMLElement>('status')
const progress = $<HTMLProgressElement>('progress')
const view = $<HTMLIFrameElement>('view')
const saveHtml = $<HTMLButtonElement>('save-html')
const saveJson = $<HTMLButtonElement>('save-json')
const compareButton = $<HTMLButtonElement>('compare')
const backButton = $<HTMLButtonElement>('back')
picker.accept = comparePicker.accept = Object.keys(FORMAT_EXTENSIONS).join(',')

/** What the page shows now: a report, and perhaps a comparison drawn over it. */
interface Shown {
  name: string
  lastModified: number
  report: Report
  json: string
  html: string
}
let current: Shown | null = null
let comparing: { json: string; html: string; name: string } | null = null

let worker: Worker | null = null
let nextId = 1
let pending: { id: number; name: string; timer: number; resolve(reply: Reply): void } | null = null

/** The worker's source, which the page carries deflated, in base64; inflated once. */
let workerSource: Uint8Array<ArrayBuffer> | null = null
function unpackWorker(): Uint8Array<ArrayBuffer> {
  if (workerSource) return workerSource
  const packed = atob(document.getElementById('proselens-worker')!.textContent!.trim())
  const bytes = new Uint8Array(packed.length)
  for (let i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i)
  workerSource = inflateSync(bytes) as Uint8Array<ArrayBuffer>
  return workerSource
}

/** The analysis worker, made from the source the page carries (no request). */
function startWorker(): Worker {
  const url = URL.createObjectURL(new Blob([unpackWorker()], { type: 'text/javascript' }))
  const w = new Worker(url)
  w.onmessage = (event: MessageEvent<Reply>) => {
    const reply = event.data
    if (reply.type === 'ready') {
      // Revoked once loaded: some browsers read a worker's script after the constructor returns.
      URL.revokeObjectURL(url)
      document.documentElement.dataset.worker = 'ready'
      return
    }
    if (!pending || reply.id !== pending.id) return
    if (reply.type === 'stage') {
      progress.value = (STAGE_START[reply.stage] ?? 0) + reply.done * (STAGES[reply.stage] ?? 0)
      // A note to the writer stays until the reading ends; the stage shows otherwise.
      if (!busyNote) say(`${STAGE_LABEL[reply.stage] ?? reply.stage}…`)
      return
    }
    finishWith(reply)
  }
  w.onerror = (event) => {
    event.preventDefault()
    const why = event.message || 'an error in the worker'
    // A worker that failed is not used again: the next file gets a new one.
    w.terminate()
    if (worker === w) worker = null
    if (!pending) say(`The analysis stopped in this browser (${why}); the next file starts it again.`, true)
    else finishWith({ type: 'error', id: pending.id, message: `${pending.name}: the analysis failed (${why})` })
  }
  return w
}

/** End the pending analysis with this reply: the worker's answer, its error, or its time limit. */
function finishWith(reply: Reply): void {
  if (!pending) return
  const done = pending
  pending = null
  clearTimeout(done.timer)
  done.resolve(reply)
}

function say(message: string, error = false): void {
  status.textContent = message
  status.classList.toggle('error', error)
}

/** Analyse a file in the worker, with a time limit past which the worker is stopped and replaced. */
async function analyse(file: File, against?: Request['against']): Promise<Reply> {
  const id = nextId++
  // Refused before a byte is read, as the command line refuses it.
  if (file.size > MAX_FILE_BYTES) return { type: 'error', id, message: tooLarge(file.name, file.size, MAX_FILE_BYTES) }
  let bytes: ArrayBuffer
  try {
    bytes = await file.arrayBuffer()
  } catch (e) {
    // A folder, or a file moved or changed since it was chosen.
    return { type: 'error', id, message: `${file.name}: the file could not be read (${(e as Error).message || 'it is a folder, or it changed since it was chosen'})` }
  }
  const limit = timeLimitMs(bytes.byteLength)
  worker ??= startWorker()
  return new Promise<Reply>((resolve) => {
    const timer = window.setTimeout(() => {
      worker?.terminate()
      worker = startWorker()
      finishWith({ type: 'error', id, message: timedOut(file.name, +(limit / 1000).toFixed(3)) })
    }, limit)
    pending = { id, name: file.name, timer, resolve }
    const request: Request = { type: 'analyze', id, name: file.name, bytes, ...(against ? { against } : {}) }
    worker!.postMessage(request, [bytes])
  })
}

/** The file being read, while one is: the page reads one at a time. */
let busy: string | null = null
/** A note shown while a file is read (a file given meanwhile), kept until the reading ends. */
let busyNote: string | null = null

/** Say that a file given while another is read was not opened. */
function stillBusy(file: File): void {
  busyNote = `Still reading ${busy}: ${file.name} was not opened; give it again when this one is done.`
  say(busyNote, true)
}

/** Run one analysis with the page showing it is busy, whatever happens to it. */
async function reading(file: File, label: string, run: () => Promise<Reply>): Promise<Reply> {
  busy = file.name
  compareButton.disabled = true
  progress.hidden = false
  progress.value = 0
  say(label)
  try {
    return await run()
  } finally {
    busy = null
    busyNote = null
    progress.hidden = true
    compareButton.disabled = current === null
  }
}

/** Open a manuscript: analyse it and show its report. */
async function open(file: File): Promise<void> {
  if (busy) return stillBusy(file)
  const started = performance.now()
  const reply = await reading(file, `Reading ${file.name}…`, () => analyse(file))
  if (reply.type !== 'report') {
    say(reply.type === 'error' ? reply.message : 'unexpected reply', true)
    return
  }
  current = { name: file.name, lastModified: file.lastModified, report: reply.report, json: reply.json, html: reply.html }
  comparing = null
  window.proselensReport = reply.report
  delete window.proselensComparison
  show(reply.html)
  say(`${file.name}: ${reply.report.totals.words.toLocaleString('en')} words in ${reply.report.scenes.length} scene${reply.report.scenes.length === 1 ? '' : 's'}, read in ${((performance.now() - started) / 1000).toFixed(1)} s on this computer.`)
}

/** Compare another draft with the one shown: the older file is read as the earlier draft. */
async function compareWith(file: File): Promise<void> {
  if (busy) return stillBusy(file)
  if (!current) return
  const shown = current
  const older = shown.lastModified <= file.lastModified
  const reply = await reading(file, `Reading ${file.name} to compare…`, () => analyse(file, { report: shown.report, older }))
  if (reply.type !== 'comparison') {
    say(reply.type === 'error' ? reply.message : 'unexpected reply', true)
    return
  }
  comparing = { json: reply.json, html: reply.html, name: file.name }
  window.proselensComparison = reply.comparison
  show(reply.html)
  const [earlier, later] = older ? [shown.name, file.name] : [file.name, shown.name]
  say(`Comparing ${earlier} (earlier) with ${later} (later).`)
}

/** Show a page the renderer wrote, in a frame of its own that may run its scripts but nothing else. */
function show(html: string): void {
  view.srcdoc = html
  document.documentElement.dataset.state = comparing ? 'comparison' : 'report'
  saveHtml.disabled = saveJson.disabled = compareButton.disabled = false
  backButton.hidden = !comparing
}

/** Offer text as a file to save (made here, never fetched). */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const baseName = (name: string) => name.replace(/\.[^.]+$/, '') || 'report'

saveHtml.addEventListener('click', () => {
  if (!current) return
  if (comparing) download(comparing.html, `${baseName(current.name)}.compare.html`, 'text/html')
  else download(current.html, `${baseName(current.name)}.html`, 'text/html')
})
saveJson.addEventListener('click', () => {
  if (!current) return
  if (comparing) download(comparing.json, `${baseName(current.name)}.compare.json`, 'application/json')
  else download(current.json, `${baseName(current.name)}.json`, 'application/json')
})
compareButton.addEventListener('click', () => comparePicker.click())
backButton.addEventListener('click', () => {
  if (!current) return
  comparing = null
  delete window.proselensComparison
  show(current.html)
})
picker.addEventListener('change', () => {
  const file = picker.files?.[0]
  picker.value = ''
  if (file) void open(file)
})
comparePicker.addEventListener('change', () => {
  const file = comparePicker.files?.[0]
  comparePicker.value = ''
  if (file) void compareWith(file)
})

// A file dropped anywhere on the page opens it; with a report shown, holding Shift compares.
window.addEventListener('dragover', (event) => {
  event.preventDefault()
  dropZone.classList.add('over')
})
window.addEventListener('dragleave', () => dropZone.classList.remove('over'))
window.addEventListener('drop', (event) => {
  event.preventDefault()
  dropZone.classList.remove('over')
  const file = event.dataTransfer?.files[0]
  if (!file) return
  if (current && event.shiftKey) void compareWith(file)
  else void open(file)
})

// A file dropped on the report in the frame comes here from the frame's own script.
window.addEventListener('message', (event: MessageEvent<{ kind?: string; file?: File; compare?: boolean }>) => {
  if (event.source !== view.contentWindow || event.data?.kind !== 'proselens-drop' || !(event.data.file instanceof File)) return
  if (current && event.data.compare) void compareWith(event.data.file)
  else void open(event.data.file)
})

worker = startWorker()
// The page takes a file from now on; one given before the worker has loaded waits for it.
document.documentElement.dataset.ready = 'true'
