import { Piscina } from 'piscina'
import type { WorkResult, WorkTask } from './corpus/worker.js'
import { heapLimitMb, isOutOfMemory, outOfMemory, timedOut, timeLimitSeconds } from './input.js'

export interface PoolLimits {
  /** The largest input the pool will be given, in bytes: the heap is sized for it by default. */
  largestBytes: number
  /** Heap each worker may use, in MB (default `heapLimitMb(largestBytes)`). */
  heapMb?: number | undefined
  /** How long one work may take, in seconds, from the moment a worker takes it (default by its size, `timeLimitSeconds`). */
  seconds?: number | undefined
}

/**
 * A pool of analysis worker threads, each loading the models once, each allowed `heapMb` of
 * heap and each work its time. A work past either fails alone: its worker is stopped and
 * another started. Works wait here for a free thread, so a work's time starts when it runs.
 */
export class AnalysisPool {
  private readonly pool: Piscina<WorkTask, WorkResult>
  readonly heapMb: number
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly threads: number,
    private readonly limits: PoolLimits,
  ) {
    this.heapMb = limits.heapMb ?? heapLimitMb(limits.largestBytes)
    this.pool = new Piscina<WorkTask, WorkResult>({
      filename: new URL('./corpus/worker.js', import.meta.url).href,
      maxThreads: threads,
      minThreads: threads,
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    })
  }

  /**
   * Analyse a work and write its reports. Bytes given move to the worker: the caller must not
   * use them again; without them the worker reads the file.
   */
  async run(task: WorkTask): Promise<WorkResult> {
    if (this.running >= this.threads) await new Promise<void>((resume) => this.waiting.push(resume))
    this.running++
    // The worker notes when it starts on the work (a worker starting up loads its models first)
    // and how large the input is: the time runs from then, and is set by the size.
    const started = new Float64Array(new SharedArrayBuffer(16))
    const limit = () => this.limits.seconds ?? timeLimitSeconds(started[1]!)
    const abort = new AbortController()
    const check = () => {
      const left = started[0] === 0 ? 100 : started[0]! + limit() * 1000 - Date.now()
      if (started[0] !== 0 && left <= 0) abort.abort()
      else timer = setTimeout(check, left)
    }
    let timer = setTimeout(check, (this.limits.seconds ?? timeLimitSeconds(0)) * 1000)
    try {
      const transferList = task.bytes ? [task.bytes.buffer as ArrayBuffer] : []
      return await this.pool.run({ ...task, started }, { transferList, signal: abort.signal })
    } catch (e) {
      if (abort.signal.aborted) return { ok: false, error: timedOut(task.path, limit()) }
      if (isOutOfMemory(e)) return { ok: false, error: outOfMemory(task.path, this.heapMb) }
      return { ok: false, error: `${task.path}: ${(e as Error).message}` }
    } finally {
      clearTimeout(timer)
      this.running--
      this.waiting.shift()?.()
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy()
  }
}
