import { Piscina } from 'piscina'
import type { WorkResult, WorkTask } from '../corpus/worker.js'
import { isOutOfMemory, outOfMemory } from './input.js'

/** A pool of analysis worker threads, each loading the models once and allowed `heapMb` of heap. */
export class AnalysisPool {
  private readonly pool: Piscina<WorkTask, WorkResult>

  constructor(
    threads: number,
    readonly heapMb: number,
  ) {
    this.pool = new Piscina<WorkTask, WorkResult>({
      filename: new URL('../corpus/worker.js', import.meta.url).href,
      maxThreads: threads,
      minThreads: threads,
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    })
  }

  /**
   * Analyse a work and write its reports. Its bytes move to the worker (the caller must not use
   * them again). A worker that runs out of memory fails this work alone; the pool starts another.
   */
  async run(task: WorkTask): Promise<WorkResult> {
    try {
      return await this.pool.run(task, { transferList: [task.bytes.buffer as ArrayBuffer] })
    } catch (e) {
      if (isOutOfMemory(e)) return { ok: false, error: outOfMemory(task.path, this.heapMb), transient: true }
      return { ok: false, error: `${task.path}: ${(e as Error).message}` }
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy()
  }
}
