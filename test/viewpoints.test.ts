// Whose eyes each scene sees through, on six stories a helper session wrote and labelled for
// this (fixtures/viewpoints/README.md): two sisters taking turns, a man's story with two scenes
// of another man's, a first-person narrator named only in speech, three viewpoints in rotation,
// a pharmacist's first-person chapters between a detective's third-person ones, and a woman
// among men and places named like people.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/pipeline.js'
import { scoreSlips, type NarrationLabels } from '../src/eval/slips-eval.js'

const dir = new URL('./fixtures/viewpoints/', import.meta.url)
const labels: NarrationLabels[] = JSON.parse(readFileSync(new URL('labels.json', dir), 'utf8'))
const reports = new Map(labels.map((l) => [l.file, analyze(readFileSync(new URL(l.file, dir)), { path: l.file })]))
const scores = labels.map((l) => scoreSlips(reports.get(l.file)!, l))
const charactersOf = (file: string) => reports.get(file)!.scenes.map((s) => s.pov.character)

describe('viewpoint characters of stories we had not seen', () => {
  it('finds each story’s scenes, and each scene’s point of view and tense', () => {
    for (const [i, s] of scores.entries()) {
      expect(reports.get(s.file)!.scenes.length, s.file).toBe(labels[i]!.scenes.length)
      expect(s.povRight, s.file).toBe(s.scenes)
      expect(s.tenseRight, s.file).toBe(s.scenes)
    }
  })

  it('names the viewpoint character of at least 90% of the labelled scenes', () => {
    const right = scores.reduce((n, s) => n + s.characterRight, 0)
    const all = scores.reduce((n, s) => n + s.characterScenes, 0)
    expect(all).toBe(39)
    expect(right / all).toBeGreaterThanOrEqual(0.9)
  })

  it('keeps a scene in the head of the man it plainly follows, though the work’s protagonist is there too', () => {
    expect(charactersOf('story2.txt')).toEqual(['Tomasz', 'Tomasz', 'Rafael', 'Tomasz', 'Tomasz', 'Rafael', 'Tomasz'])
  })

  it('names a first-person narrator by what others call her, though she acts by name in another’s chapters', () => {
    expect(charactersOf('story5.txt')).toEqual(['Leonie Marsh', 'Leonie Marsh', 'Castellanos', 'Castellanos', 'Leonie Marsh', 'Castellanos', 'Castellanos'])
  })

  it('names no ship, fort or church as a character', () => {
    const cast = reports.get('story6.txt')!.totals.characters.map((c) => c.name)
    for (const place of ['Margaret Rose', 'Lady Constance', 'Fort Ellison', 'Ellison', 'Aldric', 'Hannah', 'Mount Clement', 'Admiral Fenwick', 'Port Lucas']) expect(cast).not.toContain(place)
  })
})
