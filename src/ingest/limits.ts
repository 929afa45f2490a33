/** The largest file read by default: far beyond any novel, short of what exhausts memory. */
export const MAX_FILE_BYTES = 32 * 2 ** 20

/** The message for a file past the size limit; `hint` says how to raise it where one can. */
export function tooLarge(path: string, size: number, maxBytes: number, hint?: string): string {
  return `${path}: ${(size / 2 ** 20).toFixed(1)} MB is more than the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit${hint ? ` (${hint})` : ''}`
}

/** Time a work may take by default: a minute, and 15 s a megabyte (ordinary prose needs 0.5 s). */
export function timeLimitSeconds(bytes: number): number {
  return Math.ceil(60 + (15 * bytes) / 2 ** 20)
}

/** The message for an input whose analysis ran past its time; `hint` says how to raise it where one can. */
export function timedOut(path: string, seconds: number, hint?: string): string {
  return `${path}: the analysis took longer than ${seconds} s and was stopped${hint ? ` (${hint})` : ''}`
}
