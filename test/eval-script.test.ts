// scripts/eval.mjs scores itself against what it is given: where the gold gives scene counts but
// no openings, it takes the openings from the book's EPUB (the first words after each <hr>),
// read with the zip reader. This keeps that path honest.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'proselens-eval-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('a real-document gold without openings is scored by its EPUB\'s breaks, and our EPUB reading scores 1.000', () => {
  const gold = (JSON.parse(readFileSync('test/fixtures/tools/gold.json', 'utf8')) as { file: string; format: string; chapters: { openings?: unknown }[] }[])
    .filter((g) => g.file === 'pandoc-epub/kettle-bay-letters.hr.epub')
    .map((g) => ({ ...g, chapters: g.chapters.map(({ openings: _, ...c }) => c) }))
  expect(gold).toHaveLength(1)
  mkdirSync(join(dir, dirname(gold[0]!.file)), { recursive: true })
  copyFileSync(join('test/fixtures/tools', gold[0]!.file), join(dir, gold[0]!.file))
  writeFileSync(join(dir, 'gold.json'), JSON.stringify(gold))
  const out = execFileSync(process.execPath, ['scripts/eval.mjs', dir], { encoding: 'utf8' })
  expect(out).toMatch(/kettle-bay-letters\.hr\.epub: chapters ✓ {2}scenes ✓ {2}F1 1\.000 \(6 right, 6 found, 6 gold\)/)
})

it('a narration set (labels.json with slips) is scored for the slips shown, and per-scene POV and tense', () => {
  const set = mkdtempSync(join(dir, 'slips-'))
  const present = 'Mara walks along the sea wall. The tide is low and the mud shines. She counts the moored boats. The gulls argue over a crab. '
  writeFileSync(join(set, 'wall.txt'), present + 'She turned and walked back to the steps. ' + present + '\n')
  writeFileSync(join(set, 'clean.txt'), present.repeat(3) + '\n')
  writeFileSync(
    join(set, 'labels.json'),
    JSON.stringify([
      { file: 'wall.txt', scenes: [{ opening: 'Mara walks along the sea wall.', pov: 'third', tense: 'present' }], slips: [{ sentence: 'She turned and walked back to the steps.' }] },
      { file: 'clean.txt', scenes: [{ opening: 'Mara walks along the sea wall.', pov: 'third', tense: 'present' }], slips: [] },
    ]),
  )
  const out = execFileSync(process.execPath, ['scripts/eval.mjs', set, '--json', join(set, 'out.json')], { encoding: 'utf8' })
  expect(out).toContain('wall.txt: 1 right, 0 false, 0 missed; POV 1/1, tense 1/1')
  expect(out).toMatch(/slips shown: precision 1\.00 \(1\/1\), recall 1\.00 \(1\/1\); false slips per 5,000 words in stories with none 0\.00; scene POV 2\/2, tense 2\/2/)
  const json = JSON.parse(readFileSync(join(set, 'out.json'), 'utf8'))
  expect(json[set].slips.total).toMatchObject({ precision: 1, recall: 1, falsePer5000: 0 })
})
