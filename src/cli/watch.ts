import type { Io } from './analyze.js'

export interface WatchCommandOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** Largest file read, in bytes. */
  maxBytes?: number
  /** Read the story's corrections file (`draft.proselens.yaml`) next to it (default true). */
  sidecar?: boolean
  /** Quiet time after a save before the story is read, in ms (default 150). */
  debounceMs?: number
}

/**
 * `proselens watch FILE`: serve the story's report at http://127.0.0.1:PORT/ and keep it up to
 * date as the writer saves, one line per change. Runs until SIGINT (Ctrl-C) or SIGTERM, then
 * closes the watcher, the open pages' connections and the server, and returns 0; returns 1 when
 * the story cannot be read at the start or the port cannot be had.
 */
export async function watchCommand(file: string, options: WatchCommandOptions, io: Io, signals: NodeJS.Process = process): Promise<number> {
  // The pipeline and its models load only when this command runs.
  const { watchStory } = await import('../node/watch.js')
  let view
  try {
    view = await watchStory(file, {
      port: options.port,
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      analyzeOptions: { ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }), ...(options.sidecar === false ? { sidecar: false } : {}) },
      log: io.out,
    })
  } catch (e) {
    io.err(`proselens: ${(e as Error).message}`)
    return 1
  }
  const { report } = view.state
  io.out(`Watching ${file} (${report.totals.words.toLocaleString('en-US')} words, ${report.scenes.length} ${report.scenes.length === 1 ? 'scene' : 'scenes'}): open ${view.url}`)
  io.out('Each save is read again and the page follows; Ctrl-C stops.')
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      signals.off('SIGINT', onInt)
      signals.off('SIGTERM', onTerm)
      io.out(`${signal === 'SIGINT' ? '' : `${signal}: `}stopped watching ${file}`)
      done()
    }
    const onInt = () => stop('SIGINT')
    const onTerm = () => stop('SIGTERM')
    signals.on('SIGINT', onInt)
    signals.on('SIGTERM', onTerm)
  })
  await view.close()
  return 0
}
