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
