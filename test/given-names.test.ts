import { expect, it } from 'vitest'
import { femaleNames, maleNames } from '../src/data/given-names.generated.js'
// @ts-expect-error: a plain ES module of the repository's scripts
import { givenNames } from '../scripts/given-names-from-compromise.mjs'
import { analyze } from '../src/pipeline.js'

it('src/data/given-names.generated.ts is what compromise says (node scripts/gen-given-names.mjs)', () => {
  const t = givenNames()
  expect(femaleNames).toEqual(t.female)
  expect(maleNames).toEqual(t.male)
  expect(femaleNames).toContain('delia')
  expect(maleNames).toContain('tomasz')
})

it('gives a name the story seldom genders the gender its given name has, the story’s own votes first', () => {
  const genderOf = (text: string, name: string) => analyze(text).totals.characters.find((c) => c.name === name)?.gender
  // One she in Walter's sentence, and it is someone else's.
  const walter = 'Delia found the key where Walter had left it. Walter used to say she was a drowned bride. Walter used to say a lot of things.'
  expect(genderOf(walter, 'Walter')).toBe('he')
  // A woman's name with a pronoun after it: hers.
  expect(genderOf('Petra Novak nods at him. Petra turned to the window, and she smiled at her reflection.', 'Petra')).toBe('she')
  // The story's own votes outweigh a given name's: a man called Leslie.
  expect(genderOf('Leslie sat down by the fire. Leslie took off his hat. He smiled. Leslie lit his pipe, and he waited.', 'Leslie')).toBe('he')
})
