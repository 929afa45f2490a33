#!/usr/bin/env node
/**
 * How fast RTF is read beside DOCX: a corpus story repeated to about 1 MB of RTF (Word's shape,
 * scripts/render-formats.mjs) and the same story as DOCX, each read (ingest only) and analysed
 * whole, best of five runs after a warm-up. A quick measure, not a test.
 *
 *   npm run build && node scripts/rtf-speed.mjs [corpus/STORY.txt]
 */
import { readFileSync } from 'node:fs'
import { analyzeBytes, readSourceAsync } from '../dist/index.js'
import { storyModel, toDocx, toRtf } from './render-formats.mjs'

const path = process.argv[2] ?? 'corpus/the-glass-orchard.txt'
const one = storyModel(new Uint8Array(readFileSync(path)), path)
const size = Buffer.byteLength(toRtf(one))
const times = Math.max(1, Math.round(2 ** 20 / size))
const story = { ...one, chapters: Array.from({ length: times }, (_, i) => one.chapters.map((c) => ({ ...c, title: `${c.title} (${i + 1})` }))).flat() }
const files = { rtf: new TextEncoder().encode(toRtf(story)), docx: new Uint8Array(await toDocx(story)) }

async function best(f) {
  await f()
  let min = Infinity
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    await f()
    min = Math.min(min, performance.now() - t)
  }
  return min
}

// Warm up the whole pipeline on both formats first, so neither pays for compiling it.
for (const [format, bytes] of Object.entries(files)) await analyzeBytes(bytes, { path: `story.${format}` })
for (const [format, bytes] of Object.entries(files)) {
  const read = await best(() => readSourceAsync(bytes, { path: `story.${format}` }))
  const whole = await best(() => analyzeBytes(bytes, { path: `story.${format}` }))
  const r = await analyzeBytes(bytes, { path: `story.${format}` })
  console.log(`${format.padEnd(4)} ${(bytes.length / 2 ** 20).toFixed(2)} MB, ${r.totals.words.toLocaleString('en')} words: read ${read.toFixed(0)} ms (${((bytes.length / 2 ** 20) / (read / 1000)).toFixed(1)} MB/s), whole analysis ${whole.toFixed(0)} ms`)
}
