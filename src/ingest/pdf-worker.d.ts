// pdf.js's worker code has no declarations of its own: it is loaded only to run in this thread.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
