import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, dirname, resolve } from 'node:path'
import { watch as chokidarWatch, type FSWatcher } from 'chokidar'
import { describeChange } from '../compare/change-line.js'
import { ASSETS } from '../report/assets.generated.js'
import { renderReportHtml, scriptJson } from '../report/html.js'
import { inlineScript } from '../report/page.js'
import type { Report } from '../report/types.js'
import { analyzeFile, type AnalyzeFileOptions } from './analyze-file.js'
import { sidecarPaths } from './sidecar.js'

/* ------------------------------------------------------------- re-reading on saves */

/** What the live view shows: the last good report, its version, and a note when a later save could not be read. */
export interface LiveState {
  /** 1 for the first report, one more for each report that differs from the one before. */
  version: number
  report: Report
  /** Why the last save could not be read, or null when the report shown is the file as it stands. */
  note: string | null
  /** What moved in the last change (`describeChange`), or null before the first. */
  line: string | null
}

export type LiveEvent =
  | { kind: 'report'; line: string }
  | { kind: 'same'; line: string }
  | { kind: 'bad'; note: string }

export interface ReanalyserOptions {
  /** Read and analyse the story as it is now. */
  analyse: () => Promise<Report>
  /** The story as the writer named it, for messages. */
  label: string
  /** Quiet time after the last save before the story is read (default 150 ms). */
  debounceMs?: number
  /** Called after each reading, good or bad, with the state it left. */
  onEvent: (event: LiveEvent, state: LiveState) => void
}

/** Whether a report is of a file with nothing in it (an editor's save caught after it emptied the file). */
const isEmpty = (r: Report) => r.diagnostics.some((d) => d.code === 'empty-text')

/**
 * Reads the story again after each save, once saves stop for `debounceMs`: one reading at a
 * time (a save during one brings another after it). A reading that fails (a half-written or
 * truncated file, a missing file, a bad corrections file), or finds the file empty when it held
 * a story before, keeps the last good report and records why: nothing it meets stops it.
 */
export class Reanalyser {
  readonly state: LiveState
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private closed = false
  private readonly debounceMs: number

  constructor(first: Report, private readonly options: ReanalyserOptions) {
    this.state = { version: 1, report: first, note: null, line: null }
    this.debounceMs = options.debounceMs ?? 150
  }

  /** A save happened: read the story once saves have stopped for a moment. */
  poke(): void {
    if (this.closed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.run()
    }, this.debounceMs)
  }

  /** Resolves once no reading is waiting or running. */
  async idle(): Promise<void> {
    while (this.timer || this.running) {
      if (this.running) await this.running
      else await new Promise((r) => setTimeout(r, this.debounceMs))
    }
  }

  /** Stop: a waiting reading is dropped, a running one finished. */
  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  private run(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = (async () => {
      try {
        do {
          this.again = false
          await this.readOnce()
        } while (this.again && !this.closed)
      } catch {
        // readOnce catches the reading's failures; one of a listener must not stop the next save.
      } finally {
        this.running = null
      }
    })()
  }

  private async readOnce(): Promise<void> {
    let next: Report
    try {
      next = await this.options.analyse()
    } catch (e) {
      return this.bad((e as Error).message || String(e))
    }
    const previous = this.state.report
    if (isEmpty(next) && !isEmpty(previous)) return this.bad(`${this.options.label}: the file is empty`)
    let line: string
    try {
      line = describeChange(previous, next)
    } catch (e) {
      line = `read again (the change could not be described: ${(e as Error).message})`
    }
    this.state.note = null
    this.state.line = line
    if (JSON.stringify(next) === JSON.stringify(previous)) return this.options.onEvent({ kind: 'same', line }, this.state)
    this.state.report = next
    this.state.version++
    this.options.onEvent({ kind: 'report', line }, this.state)
  }

  private bad(reason: string): void {
    this.state.note = `The last save could not be read (${reason}).`
    this.options.onEvent({ kind: 'bad', note: reason }, this.state)
  }
}

/* ---------------------------------------------------------------------- the page */


/**
 * A Content-Security-Policy with `connect-src 'self'` in place of whatever it had: the live page
 * may talk to the server it came from, and to nothing else.
 */
export function liveCsp(csp: string): string {
  const directives = csp.split(';').map((d) => d.trim()).filter((d) => d && !/^connect-src\b/i.test(d))
  return [...directives, "connect-src 'self'"].join('; ')
}

/**
 * The report page of `renderReportHtml` made live: its CSP lets it connect to its own server
 * (and nowhere else), and the live client (assets/live.js) with the state it starts from goes
 * in before `</body>`. The page itself is otherwise exactly the static report.
 */
export function livePage(html: string, state: { version: number; note: string | null; line: string | null; file: string; session?: string }): string {
  const meta = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)/i.exec(html)
  if (!meta) throw new Error('the report page has no Content-Security-Policy to open to its server')
  const end = html.lastIndexOf('</body>')
  if (end < 0) throw new Error('the report page has no </body> to put the live script before')
  const liveScript = inlineScript(ASSETS['live.js']!)
  const csp = liveCsp(meta[2]!.replace(/&#39;/g, "'")).replace(/"/g, '&quot;')
  const opened = html.slice(0, meta.index) + meta[1] + csp + meta[3] + html.slice(meta.index + meta[0].length, end)
  return `${opened}<script type="application/json" id="proselens-live">${scriptJson(state)}</script>\n<script>${liveScript}</script>\n${html.slice(end)}`
}

/* -------------------------------------------------------------- the watch server */

export interface WatchOptions {
  /** Port on 127.0.0.1 (default 0: a free one). */
  port?: number
  /** Quiet time after the last save before the story is read (default 150 ms). */
  debounceMs?: number
  /** How the story is read (size limit, corrections file). */
  analyzeOptions?: AnalyzeFileOptions
  /** One line per change, bad save or watcher trouble (default: nothing). */
  log?: (line: string) => void
}

export interface LiveView {
  /** Where the page is: http://127.0.0.1:PORT/ */
  url: string
  port: number
  readonly state: LiveState
  /** Resolves once no reading of the story is waiting or running. */
  idle(): Promise<void>
  /** Stop watching and serving: the watcher, the open event streams, the server. Safe to call twice. */
  close(): Promise<void>
}

/** Thrown when the server cannot listen (the port taken, not allowed). */
export class WatchError extends Error {
  override name = 'WatchError'
}

const time = () => new Date().toTimeString().slice(0, 8)

/**
 * `proselens watch`: analyse a story, serve its report page at http://127.0.0.1:PORT/ (loopback
 * only), and read it again after every save, of the story or of its corrections file: editors
 * that save by writing a temporary file and renaming it over the story are seen too, since the
 * folder is watched, filtered to those names. Each change goes to the open pages over
 * server-sent events (/events), which fetch /report.json and draw it in place. The first
 * reading must succeed (its error is thrown); after that, nothing a save does stops the watcher.
 */
export async function watchStory(path: string, options: WatchOptions = {}): Promise<LiveView> {
  const log = options.log ?? (() => {})
  const read = () => analyzeFile(path, options.analyzeOptions)
  const first = await read()
  const clients = new Set<ServerResponse>()
  const send = (res: ServerResponse, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  // Versions count from 1 in each run: the session tells a page that the watcher was restarted.
  const session = randomBytes(6).toString('hex')
  const announce = () => ({ version: live.state.version, note: live.state.note, line: live.state.line, session })
  const live = new Reanalyser(first, {
    analyse: read,
    label: path,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    onEvent: (event) => {
      if (event.kind === 'bad') log(`${time()}  ${event.note}; the page keeps the last good report`)
      else log(`${time()}  ${event.line}`)
      for (const res of clients) send(res, 'state', announce())
    },
  })

  let page: { key: string; html: string } | null = null
  const pageHtml = () => {
    const key = `${live.state.version}\n${live.state.note}\n${live.state.line}`
    if (page?.key !== key) page = { key, html: livePage(renderReportHtml(live.state.report), { ...announce(), file: basename(path) }) }
    return page.html
  }

  let port = options.port ?? 0
  const server: Server = createServer((req, res) => handle(req, res))
  function handle(req: IncomingMessage, res: ServerResponse): void {
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' }
    const reply = (status: number, type: string, body: string, more: Record<string, string> = {}) => {
      res.writeHead(status, { ...headers, 'content-type': type, 'content-length': Buffer.byteLength(body), ...more })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    // Only pages opened as 127.0.0.1 or localhost: another name resolving here (DNS rebinding) gets nothing.
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return reply(403, 'text/plain; charset=utf-8', `proselens watch answers only at http://127.0.0.1:${port}/\n`)
    // Nor a page of another site that a browser on this machine has open.
    if (req.headers['sec-fetch-site'] === 'cross-site') return reply(403, 'text/plain; charset=utf-8', 'proselens watch answers only its own page\n')
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'text/plain; charset=utf-8', 'only GET\n', { allow: 'GET, HEAD' })
    const { pathname } = new URL(`http://127.0.0.1${req.url ?? '/'}`)
    try {
      if (pathname === '/') {
        const html = pageHtml()
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&quot;/g, '"')
        return reply(200, 'text/html; charset=utf-8', html, { 'content-security-policy': `${csp}; frame-ancestors 'none'` })
      }
      if (pathname === '/report.json') return reply(200, 'application/json; charset=utf-8', JSON.stringify(live.state.report), { 'x-proselens-version': String(live.state.version) })
      if (pathname === '/favicon.ico') return reply(204, 'image/x-icon', '')
      if (pathname === '/events') {
        res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' })
        res.write('retry: 1000\n\n')
        send(res, 'state', announce())
        clients.add(res)
        res.on('close', () => clients.delete(res))
        return
      }
      reply(404, 'text/plain; charset=utf-8', 'not found\n')
    } catch (e) {
      log(`${time()}  the page could not be made: ${(e as Error).message}`)
      reply(500, 'text/plain; charset=utf-8', 'the page could not be made; see the terminal\n')
    }
  }
  // A comment now and then keeps idle event streams open through anything that times them out.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': still watching\n\n')
  }, 25_000)
  heartbeat.unref()

  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      fail(new WatchError(e.code === 'EADDRINUSE' ? `port ${port} is taken; choose another with --port, or --port 0 for any free one` : `cannot listen on 127.0.0.1:${port}: ${e.message}`))
    })
    server.listen(port, '127.0.0.1', () => done())
  }).catch(async (e) => {
    clearInterval(heartbeat)
    await live.close()
    throw e
  })
  port = (server.address() as AddressInfo).port

  // The folder, not the file: a save by rename replaces the file the watch was on.
  const folder = resolve(dirname(path))
  const names = new Set([resolve(path), ...(options.analyzeOptions?.sidecar === false ? [] : sidecarPaths(path).map((p) => resolve(p)))])
  let watcher: FSWatcher
  try {
    watcher = chokidarWatch(folder, { ignoreInitial: true, depth: 0, ignored: (p: string) => resolve(p) !== folder && !names.has(resolve(p)) })
    watcher.on('all', (_event, p) => {
      if (names.has(resolve(p))) live.poke()
    })
    watcher.on('error', (e) => log(`${time()}  watching ${folder}: ${(e as Error).message}; still watching`))
    await new Promise<void>((done) => watcher.once('ready', () => done()))
  } catch (e) {
    clearInterval(heartbeat)
    await live.close()
    await new Promise((r) => server.close(r))
    throw e
  }

  let closing: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    get state() {
      return live.state
    },
    idle: () => live.idle(),
    close: () =>
      (closing ??= (async () => {
        clearInterval(heartbeat)
        await watcher.close()
        await live.close()
        for (const res of clients) {
          send(res, 'bye', {})
          res.end()
        }
        await new Promise<void>((done) => {
          server.close(() => done())
          // Connections still open after a moment (a browser slow to let go) are cut.
          setTimeout(() => server.closeAllConnections(), 300).unref()
        })
      })()),
  }
}
