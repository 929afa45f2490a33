#!/usr/bin/env node
// Evaluate proselens against labelled data: `npm run eval -- <dir>... [--json out.json]`
// (results are written as JSON to reports/eval.json unless --json names another file).
// - a folder in the format of ../shared/eval (dialogue/gold.json, narration/labels.json):
//   dialogue share error and word-level P/R/F1; POV and tense accuracy with confusion tables;
// - a folder with gold.json (the format of ../shared/eval/real: published works as real tools
//   write them): per file chapters (count and titles), scenes per chapter, scene P/R/F1, the
//   story's first and last words, words within 1%; and how often breaks are right per
//   confidence band;
// - a folder with labels/*.json (the corpus format, as corpus/labels): scene boundaries,
//   chapters, front and end matter, and per-scene dialogue share, tense, POV and character;
// - a folder with labels.json listing stories with their `slips` (the narration sets helpers
//   write): tense-slip precision and recall of the slips shown, false slips per 5,000 words in
//   stories with none, and per-scene POV and tense.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { analyze, analyzeFile } from '../dist/index.js'
import { scoreStructure, totalScore } from '../dist/eval/structure-eval.js'
import { confusion, scoreDialogue, scoreNarration } from '../dist/eval/gold.js'
import { scoreSpeakers } from '../dist/eval/speakers-eval.js'
import { scoreScenes } from '../dist/eval/scenes-eval.js'
import { openingOf, scoreReal, totalReal } from '../dist/eval/real-eval.js'
import { scoreSlips, totalSlips } from '../dist/eval/slips-eval.js'
import { readZip } from '../dist/ingest/zip.js'
import { decodeHTML } from 'entities'

const args = process.argv.slice(2)
const jsonAt = args.indexOf('--json')
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : 'reports/eval.json'
const dirs = args.length ? args : ['corpus']
const pct = (x) => `${(100 * x).toFixed(1)}%`
const f1 = (p, r) => (p + r ? (2 * p * r) / (p + r) : 0)
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN)
const results = {}

function printConfusion(title, table) {
  console.log(`  ${title} (rows gold, columns ours):`)
  console.log(`    ${''.padEnd(8)}${table.labels.map((l) => String(l).padStart(9)).join('')}`)
  for (const g of table.labels) console.log(`    ${String(g).padEnd(8)}${table.labels.map((p) => String(table.rows[g][p]).padStart(9)).join('')}`)
}

function evalDialogue(dir) {
  const gold = JSON.parse(readFileSync(join(dir, 'dialogue', 'gold.json'), 'utf8'))
  const speakerScores = []
  const scores = gold.map((g) => {
    const text = readFileSync(join(dir, g.file), 'utf8')
    const report = analyze(text)
    if (g.speakers) speakerScores.push(scoreSpeakers(text, report, g))
    return scoreDialogue(text, report, g)
  })
  const by = (c) => scores.filter((s) => s.convention === c)
  const sum = (xs, k) => xs.reduce((a, s) => a + s[k], 0)
  const tp = sum(scores, 'tp'), fp = sum(scores, 'fp'), fn = sum(scores, 'fn')
  const p = tp / (tp + fp), r = tp / (tp + fn)
  console.log(`\n== ${dir}: dialogue, ${scores.length} excerpts`)
  console.log(`share mean absolute error: overall ${mean(scores.map((s) => s.error)).toFixed(4)}; ` + ['double', 'single', 'none_annotated'].map((c) => `${c} ${mean(by(c).map((s) => s.error)).toFixed(4)} (${by(c).length})`).join('; '))
  console.log(`max error ${Math.max(...scores.map((s) => s.error)).toFixed(4)}; excerpts off by more than 0.08: ${scores.filter((s) => s.error > 0.08).length}`)
  console.log(`word-level spans: precision ${pct(p)}  recall ${pct(r)}  F1 ${f1(p, r).toFixed(3)}`)
  console.log('worst five:')
  for (const s of [...scores].sort((a, b) => b.error - a.error).slice(0, 5)) console.log(`  ${s.error.toFixed(3)}  gold ${s.gold.toFixed(3)} ours ${s.ours.toFixed(3)}  ${s.convention}  ${s.id}`)
  const speakers = speakerScores.length ? printSpeakers(speakerScores) : null
  return { speakers, excerpts: scores.length, mae: mean(scores.map((s) => s.error)), maeByConvention: Object.fromEntries(['double', 'single', 'none_annotated'].map((c) => [c, mean(by(c).map((s) => s.error))])), precision: p, recall: r, f1: f1(p, r), scores }
}

/** Speaker attribution on gold quotations: accuracy overall and on explicitly tagged ones. */
function printSpeakers(scores) {
  const sum = (k) => scores.reduce((n, s) => n + s[k], 0)
  const quotes = sum('quotes'), right = sum('right'), explicit = sum('explicit'), explicitRight = sum('explicitRight'), unknown = sum('unknown')
  console.log(`speakers: accuracy ${pct(right / quotes)} (${right}/${quotes}); explicit tags ${explicit ? pct(explicitRight / explicit) : '–'} (${explicitRight}/${explicit}); other ${pct((right - explicitRight) / (quotes - explicit))} (${right - explicitRight}/${quotes - explicit}); unknown ${unknown}`)
  if (!process.env.EVAL_QUIET) for (const s of [...scores].filter((s) => s.quotes > 0).sort((a, b) => a.right / a.quotes - b.right / b.quotes).slice(0, 8)) console.log(`  ${s.id}: ${s.right}/${s.quotes} (explicit ${s.explicitRight}/${s.explicit})`)
  if (process.env.EVAL_SPEAKERS) for (const s of scores) for (const w of s.wrong) console.log(`  ✗ ${s.id.slice(0, 24)} ${w.explicit ? 'E' : '-'} ours ${w.ours} gold ${w.gold}: ${w.quote}`)
  return { quotes, right, accuracy: right / quotes, explicit, explicitRight, explicitAccuracy: explicitRight / explicit, unknown }
}

function evalNarration(dir) {
  const labels = JSON.parse(readFileSync(join(dir, 'narration', 'labels.json'), 'utf8'))
  const scores = labels.map((l) => scoreNarration(analyze(readFileSync(join(dir, l.file))), l))
  const povRight = scores.filter((s) => s.pov === s.goldPov).length
  const tenseRight = scores.filter((s) => s.tense === s.goldTense).length
  console.log(`\n== ${dir}: narration, ${scores.length} texts`)
  console.log(`POV accuracy ${pct(povRight / scores.length)} (${povRight}/${scores.length}); tense accuracy ${pct(tenseRight / scores.length)} (${tenseRight}/${scores.length}); both right ${pct(scores.filter((s) => s.pov === s.goldPov && s.tense === s.goldTense).length / scores.length)}`)
  printConfusion('POV', confusion(scores.map((s) => [s.goldPov, String(s.pov)])))
  printConfusion('tense', confusion(scores.map((s) => [s.goldTense, String(s.tense)])))
  for (const s of scores.filter((s) => s.pov !== s.goldPov || s.tense !== s.goldTense)) console.log(`  miss: ${s.id}: gold ${s.goldPov}/${s.goldTense}, ours ${s.pov}/${s.tense}`)
  return { texts: scores.length, povAccuracy: povRight / scores.length, tenseAccuracy: tenseRight / scores.length, scores }
}

async function evalCorpus(dir) {
  const labelDir = join(dir, 'labels')
  const structure = []
  const scenes = []
  for (const f of readdirSync(labelDir).filter((f) => f.endsWith('.json')).sort()) {
    const labels = JSON.parse(readFileSync(join(labelDir, f), 'utf8'))
    const report = await analyzeFile(join(dir, labels.file))
    structure.push(scoreStructure(report, labels))
    scenes.push(...scoreScenes(report, labels))
  }
  const total = totalScore(structure)
  console.log(`\n== ${dir}: ${structure.length} labelled stories`)
  console.log(`scene boundaries: precision ${pct(total.precision)}  recall ${pct(total.recall)}  F1 ${total.f1.toFixed(3)}`)
  console.log(`chapters right: ${structure.filter((s) => s.chaptersRight).length}/${structure.length}  front matter right: ${structure.filter((s) => s.frontMatterRight).length}/${structure.length}  end matter right: ${structure.filter((s) => s.endMatterRight).length}/${structure.length}`)
  for (const s of structure) {
    const flags = [!s.chaptersRight && 'chapters', !s.frontMatterRight && 'front matter', !s.endMatterRight && 'end matter'].filter(Boolean)
    if (s.f1 < 1 || flags.length) {
      console.log(`  ${s.file}: F1 ${s.f1.toFixed(3)} (${s.foundScenes} found / ${s.goldScenes} labelled)${flags.length ? '; wrong: ' + flags.join(', ') : ''}`)
      for (const o of s.falseBreaks) console.log(`    false break: ${o}`)
      for (const o of s.missedBreaks) console.log(`    missed:      ${o}`)
    }
  }
  const matched = scenes.filter((s) => s.matched)
  const acc = (k) => matched.filter((s) => s[`gold_${k}`] != null).length ? matched.filter((s) => s[`gold_${k}`] != null && s[`gold_${k}`] === s[k]).length / matched.filter((s) => s[`gold_${k}`] != null).length : NaN
  console.log(`per scene (${matched.length} matched): dialogue share MAE ${mean(matched.filter((s) => s.gold_share != null).map((s) => Math.abs(s.share - s.gold_share))).toFixed(4)}; POV ${pct(acc('pov'))}; tense ${pct(acc('tense'))}; character ${pct(matched.filter((s) => s.characterRight).length / matched.length)}`)
  const thought = matched.filter((s) => s.gold_thought != null && s.thought != null)
  if (thought.length > 0) console.log(`thought share MAE ${mean(thought.map((s) => Math.abs(s.thought - s.gold_thought))).toFixed(4)} over ${thought.length} scenes with labelled thought`)
  if (process.env.EVAL_CHARACTERS) for (const s of matched.filter((s) => !s.characterRight)) console.log(`  character miss: ${s.file} "${s.opening}": gold ${s.gold_character}, ours ${s.character}`)
  for (const s of matched.filter((s) => (s.gold_pov && s.pov !== s.gold_pov) || (s.gold_tense && s.tense !== s.gold_tense))) console.log(`  scene miss: ${s.file} "${s.opening}": gold ${s.gold_pov}/${s.gold_tense}, ours ${s.pov}/${s.tense}`)
  return { structure: { ...total, stories: structure }, scenes }
}

/**
 * Where a gold entry gives scene counts but not openings, the same book's EPUB in the gold set
 * tells where its breaks fall: the first words after each `<hr>` of its documents. Read here with
 * a regular expression, not with proselens, so the check stays independent of what it checks.
 */
async function epubBreakOpenings(path) {
  const zip = await readZip(readFileSync(path))
  const out = new Set()
  for (const name of zip.names) {
    if (!/\.x?html?$/i.test(name)) continue
    const xhtml = new TextDecoder().decode(zip.read(name))
    for (const m of xhtml.matchAll(/<hr\b[^>]*>/gi)) {
      const after = xhtml.slice(m.index + m[0].length, m.index + 3000).replace(/<[^>]*>/g, ' ')
      out.add(openingOf(decodeHTML(after)))
    }
  }
  return out
}

const pct1 = (n, d) => `${n}/${d}`
async function evalSlips(dir) {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'))
  const scores = []
  for (const l of labels) scores.push(scoreSlips(await analyzeFile(join(dir, l.file)), l))
  console.log(`\n== ${dir}: tense slips, ${scores.length} stories`)
  // EVAL_QUIET=1: totals only, for a set still unseen (its sentences are not printed).
  for (const s of process.env.EVAL_QUIET ? [] : scores) {
    console.log(`${s.file}: ${s.truePositives} right, ${s.falsePositives.length} false, ${s.missed.length} missed; POV ${s.povRight}/${s.scenes}, tense ${s.tenseRight}/${s.scenes}; thought ${s.thoughtRight} right, ${s.thoughtFalse.length} false, ${s.thoughtMissed.length} missed`)
    for (const f of s.falsePositives) console.log(`  false: ${f.slice(0, 120)}`)
    for (const m of s.missed) console.log(`  missed: ${m.slice(0, 120)}`)
    for (const f of s.thoughtFalse) console.log(`  thought false: ${f.slice(0, 120)}`)
    for (const m of s.thoughtMissed) console.log(`  thought missed: ${m.slice(0, 120)}`)
    for (const f of s.hopsFalse) console.log(`  hop false: ${f.slice(0, 120)}`)
    for (const m of s.hopsMissed) console.log(`  hop missed: ${m.slice(0, 120)}`)
    if (process.env.EVAL_CHARACTERS) for (const m of s.characterMissed) console.log(`  character miss: "${m.opening}": gold ${m.gold}, ours ${m.ours}`)
  }
  const t = totalSlips(scores)
  const num = (x, d = 2) => (x === null ? '–' : x.toFixed(d))
  console.log(`slips shown: precision ${num(t.precision)} (${t.truePositives}/${t.truePositives + t.falsePositives}), recall ${num(t.recall)} (${t.truePositives}/${t.truePositives + t.missed}); false slips per 5,000 words in stories with none ${num(t.falsePer5000)}; scene POV ${t.povRight}/${t.scenes}, tense ${t.tenseRight}/${t.scenes}; unmarked thought precision ${num(t.thoughtPrecision)} (${t.thoughtRight}/${t.thoughtRight + t.thoughtFalse}), recall ${num(t.thoughtRecall)} (${t.thoughtRight}/${t.thoughtRight + t.thoughtMissed}); told stories found ${t.embeddedFound}/${t.embedded}, their teller named ${t.embeddedSpeaker}/${t.embedded}; head-hops precision ${num(t.hopPrecision)} (${t.hopsRight}/${t.hopsRight + t.hopsFalse}), recall ${num(t.hopRecall)} (${t.hopsRight}/${t.hopsRight + t.hopsMissed})`)
  if (t.characterScenes || t.quotes) console.log(`characters: viewpoint character ${t.characterRight}/${t.characterScenes}; speakers ${t.quotesRight}/${t.quotes} (${num(t.quotes ? t.quotesRight / t.quotes : null)}), tagged with a name ${t.quotesExplicitRight}/${t.quotesExplicit}`)
  return { total: t, stories: scores }
}

async function evalReal(dir) {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'))
  const sources = new Map()
  for (const g of gold) {
    if (g.format === 'epub' && g.title && g.chapters.some((c) => c.scenes > 1) && !g.chapters.some((c) => c.openings)) {
      sources.set(g.title, await epubBreakOpenings(join(dir, g.file)))
    }
  }
  const scores = []
  console.log(`\n== ${dir}: ${gold.length} real documents`)
  const unread = []
  for (const g of gold) {
    let report
    try {
      report = await analyzeFile(join(dir, g.file))
    } catch (e) {
      console.log(`${g.file}: not read (${String(e.message).split('\n')[0]}); left out of the figures`)
      unread.push(g.file)
      continue
    }
    const s = scoreReal(report, g, g.chapters.some((c) => c.openings) ? null : sources.get(g.title) ?? null)
    scores.push(s)
    const flags = [s.chaptersRight ? 'chapters ✓' : `chapters ${s.chaptersFound}/${s.chaptersGold} (${s.titlesMatched} titles)`, s.scenesPerChapterRight ? 'scenes ✓' : 'scenes ✗', `F1 ${s.f1.toFixed(3)} (${s.scenesRight} right, ${s.scenesFound} found, ${s.scenesGold} gold)`, s.wordsWithin1 ? 'words ✓' : 'words ✗', s.startRight ? 'start ✓' : 'start ✗', s.endRight ? 'end ✓' : 'end ✗', `front ${s.frontMatterFound ? '✓' : '✗'} back ${s.backMatterFound ? '✓' : '✗'}`]
    console.log(`${g.file}: ${flags.join('  ')}`)
    for (const p of s.problems.slice(0, 8)) console.log(`    ${p}`)
    if (s.problems.length > 8) console.log(`    … ${s.problems.length - 8} more`)
  }
  const t = totalReal(scores)
  console.log(`scenes: precision ${pct(t.precision)}  recall ${pct(t.recall)}  F1 ${t.f1.toFixed(3)}`)
  console.log(`chapters exactly right ${pct1(t.chaptersRight, t.files)}; scenes per chapter right ${pct1(t.scenesPerChapterRight, t.files)}; words within 1% ${pct1(t.wordsWithin1, t.files)}; story start right ${pct1(t.startRight, t.files)}, end right ${pct1(t.endRight, t.files)}`)
  console.log(`breaks by confidence: ${t.calibration.bands.map((b) => `${b.band}: ${b.right}/${b.breaks} right (${Number.isNaN(b.precision) ? '–' : pct(b.precision)})`).join('; ')}; recall at ≥ 0.8: ${pct(t.calibration.recallAt08)} of ${t.calibration.goldBreaks}`)
  if (unread.length) console.log(`not read: ${unread.length} file(s): ${unread.join(', ')}`)
  return { ...t, unread, scores }
}

for (const dir of dirs) {
  results[dir] = {}
  if (existsSync(join(dir, 'gold.json'))) results[dir].real = await evalReal(dir)
  if (existsSync(join(dir, 'labels.json'))) results[dir].slips = await evalSlips(dir)
  if (existsSync(join(dir, 'dialogue', 'gold.json'))) results[dir].dialogue = evalDialogue(dir)
  if (existsSync(join(dir, 'narration', 'labels.json'))) results[dir].narration = evalNarration(dir)
  if (existsSync(join(dir, 'labels'))) results[dir].corpus = await evalCorpus(dir)
  if (Object.keys(results[dir]).length === 0) {
    console.error(`eval: ${dir} holds neither gold.json, dialogue/gold.json, narration/labels.json nor labels/`)
    process.exitCode = 2
  }
}
if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true })
  writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n')
  console.log(`\nresults written to ${jsonOut}`)
}
