import { describe, expect, it } from 'vitest'
import { analyze } from '../src/pipeline.js'

const scene = (text: string) => analyze(text).scenes[0]!

describe('tense of narration', () => {
  it.each([
    ['past', 'She walked to the quay. The boats were in. She had gone there every day since May, and she saw nothing new.', 'past'],
    ['present', 'She walks to the quay. The boats are in. She has gone there every day since May, and she sees nothing new.', 'present'],
    ['dialogue does not count', '“I walk, I see, I am,” she said. “You are, he is, they go.” She left.', 'past'],
    ['past perfect is past', 'She had gone. He had seen it. They had left before dawn, and the house had stood empty.', 'past'],
  ])('%s', (_name, text, dominant) => {
    expect(scene(text).tense.dominant).toBe(dominant)
  })

  it('lists a past sentence in present narration as a slip, with its span', () => {
    const text = 'She walks to the quay. The boats are in. She counts them. She turned and ran. The gulls are loud. She waits.'
    const s = scene(text)
    expect(s.tense.dominant).toBe('present')
    expect(s.tense.slips.map((x) => text.slice(x.start, x.end))).toEqual(['She turned and ran.'])
    expect(s.tense.slips[0]!.against).toBe('present')
  })

  it('lists at most ten slips a scene, the surest ones', () => {
    const present = 'She walks to the quay and waits. The boats are in and the gulls are loud. '
    const text = present.repeat(30) + 'She turned, ran and fell. '.repeat(3) + 'She ran. '.repeat(12)
    const slips = scene(text).tense.slips
    expect(slips).toHaveLength(10)
    expect(slips.filter((x) => x.confidence > 0.5)).toHaveLength(3)
  })

  const PRESENT = 'She walks to the quay. The boats are in. She counts them twice. The gulls are loud over the water. '
  const AFTER = ' She waits by the rail. The wind drops. She turns her collar up.'

  it.each([
    ['a participle as an adjective', 'His spent arrows lie at his feet.'],
    ['a participle after a determiner', 'The broken gate swings in the wind.'],
    ['an absolute phrase', '“Stay,” she whispers, her eyes fluttering closed.'],
    ['a time anchor', 'Her only real friend was a sailor; he died before the war.'],
    ['years ago', 'Years ago she lived in the house on the hill.'],
    ['used to', 'She used to swim here with her brother.'],
    ['a past perfect', 'She had waited for him every evening that spring.'],
    ['a subjectless fragment', 'Wanted to be like him, back when the world was simpler.'],
    ['an echo of the clause before', 'But so was the other.'],
  ])('in present narration, %s is no slip', (_name, sentence) => {
    const text = PRESENT + sentence + AFTER
    const s = scene(text)
    expect(s.tense.dominant).toBe('present')
    expect(s.tense.slips.map((x) => text.slice(x.start, x.end))).toEqual([])
  })

  it('a run of back-story after a time anchor is no slip; a past sentence after present narration again is', () => {
    const text = PRESENT + 'Years ago her father kept a boat here. He painted it blue every spring. He named it for her mother.' + ' She counts the boats again. She turned and walked away.' + AFTER
    const s = scene(text)
    expect(s.tense.slips.map((x) => text.slice(x.start, x.end))).toEqual(['She turned and walked away.'])
  })

  it.each([
    ['the narrator\'s present', 'I still do not know why he left.'],
    ['a name given', 'My name is Ruth, and I keep the light.'],
    ['a general truth', 'Harbours are never quiet at night.'],
    ['there is', 'There are nights like that on this coast.'],
  ])('in past narration, %s is no slip', (_name, sentence) => {
    const past = 'I walked to the quay. The boats were in. I counted them twice. The gulls were loud over the water. '
    const text = past + sentence + ' I waited by the rail. The wind dropped. I turned my collar up.'
    const s = scene(text)
    expect(s.tense.dominant).toBe('past')
    expect(s.tense.slips.map((x) => text.slice(x.start, x.end))).toEqual([])
  })

  it('still finds the slips of past narration into the present', () => {
    const past = 'She walked to the quay. The boats were in. She counted them twice. The gulls were loud over the water. '
    const text = past + 'He walks to the window and looks out.' + ' She waited by the rail. The wind dropped.'
    expect(scene(text).tense.slips.map((x) => text.slice(x.start, x.end))).toEqual(['He walks to the window and looks out.'])
  })

  it('a flashback cue lowers a slip below the list', () => {
    const text = 'She walks to the quay. The boats are in. She remembers how he left. She counts them. She waits.'
    expect(scene(text).tense.slips).toEqual([])
  })
})

describe('point of view of narration', () => {
  it.each([
    ['first', 'I walked to the quay. My brother was there, and he waved. He said nothing to me, and I said nothing to him. They were all there.', 'first'],
    ['third', 'She walked to the quay. Her brother was there, and he waved. He said nothing to her. They were all there.', 'third'],
    ['second', 'You walk to the quay. Your brother is there, and he waves. You say nothing to him. You wait for your turn.', 'second'],
    ['dialogue does not count', '“I know you,” she said. “I saw you and I saw your brother.” He shrugged. She left him there.', 'third'],
    ['titles are not first person', 'My Lady Dedlock has returned to town. My Lady is bored. She sits alone, and her husband reads.', 'third'],
  ])('%s', (_name, text, dominant) => {
    expect(scene(text).pov.dominant).toBe(dominant)
  })

  it('names the focal character in third person and the narrator in first', () => {
    expect(scene('Wren watches the tide. Wren counts the boats, and Tamsin laughs at her. Wren sighs.').pov.character).toBe('Wren')
    expect(scene('“Hesper,” he said, “come here.” I went to him. “Sit down, Hesper.” I sat.').pov.character).toBe('Hesper')
  })
})
