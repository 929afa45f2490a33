#!/usr/bin/env node
// Evaluate proselens against labelled data: `npm run eval -- <dir> [--json out.json]`.
// A folder with labels/*.json (the corpus format: corpus/labels) is scored for structure:
// scene-boundary precision/recall/F1, chapters, front and end matter.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeFile } from '../dist/index.js'
import { scoreStructure, totalScore } from '../dist/eval/structure-eval.js'

const args = process.argv.slice(2)
const jsonAt = args.indexOf('--json')
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null
const dirs = args.length ? args : ['corpus']
const pct = (x) => `${(100 * x).toFixed(1)}%`
const results = {}

for (const dir of dirs) {
  const labelDir = join(dir, 'labels')
  if (!existsSync(labelDir)) {
    console.error(`eval: ${dir} has no labels/ folder of story labels`)
    process.exitCode = 2
    continue
  }
  const scores = []
  for (const f of readdirSync(labelDir).filter((f) => f.endsWith('.json')).sort()) {
    const labels = JSON.parse(readFileSync(join(labelDir, f), 'utf8'))
    const report = await analyzeFile(join(dir, labels.file), { includeText: false })
    scores.push(scoreStructure(report, labels))
  }
  const total = totalScore(scores)
  console.log(`\n== ${dir}: structure of ${scores.length} stories`)
  console.log(`scene boundaries: precision ${pct(total.precision)}  recall ${pct(total.recall)}  F1 ${total.f1.toFixed(3)}`)
  console.log(`chapters right: ${scores.filter((s) => s.chaptersRight).length}/${scores.length}  front matter right: ${scores.filter((s) => s.frontMatterRight).length}/${scores.length}  end matter right: ${scores.filter((s) => s.endMatterRight).length}/${scores.length}`)
  for (const s of scores) {
    const flags = [!s.chaptersRight && 'chapters', !s.frontMatterRight && 'front matter', !s.endMatterRight && 'end matter'].filter(Boolean)
    if (s.f1 < 1 || flags.length) {
      console.log(`  ${s.file}: F1 ${s.f1.toFixed(3)} (${s.foundScenes} found / ${s.goldScenes} labelled)${flags.length ? '; wrong: ' + flags.join(', ') : ''}`)
      for (const o of s.falseBreaks) console.log(`    false break: ${o}`)
      for (const o of s.missedBreaks) console.log(`    missed:      ${o}`)
    }
  }
  results[dir] = { structure: { ...total, stories: scores } }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n')
