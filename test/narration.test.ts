import { describe, expect, it } from 'vitest'
import { analyze } from '../src/pipeline.js'

const scene = (text: string) => analyze(text).scenes[0]!

describe('tense of narration', () => {
  it.each([
    ['past', 'She walked to the quay. The boats were in. She had gone there every day since May, and she saw nothing new.', 'past'],
    ['present', 'She walks to the quay. The boats are in. She has gone there every day since May, and she sees nothing new.', 'present'],
    ['dialogue does not count', '“I walk, I see, I am,” she said. “You are, he is, they go.” She left.', 'past'],
    ['past perfect is past', 'She had gone. He had seen it. They had left before dawn, and the house had stood empty.', 'past'],
    [
      'present narration thick with back-story',
      'She walks to the quay. Years ago her father kept a boat here. Before the war the harbour was full. She had loved it as a girl. When she was nine she fell off the wall. She waits by the rail. Last winter the storm took the roof off the chandlery. The boats are in. She counts them. The gulls are loud. She turns her collar up.',
      'present',
    ],
    [
      'past narration with general truths',
      'She walked to the quay. There are nights like that on this coast. Harbours are never quiet at night. Fishermen are always superstitious. People never learn. The boats were in. Every town has one such night. She counted them twice. The wind dropped. She turned back.',
      'past',
    ],
  ])('%s', (_name, text, dominant) => {
    expect(scene(text).tense.dominant).toBe(dominant)
  })

  it('reads a scene mixed by its look backs or general truths as the tense that holds once they are set aside', () => {
    const present = scene('She walks to the quay. Years ago her father kept a boat here. Before the war the harbour was full. She had loved it as a girl. When she was nine she fell off the wall. She waits by the rail. Last winter the storm took the roof off the chandlery. The boats are in. She counts them. The gulls are loud. She turns her collar up.')
    expect(present.tense.pastShare).toBeGreaterThan(0.45)
    expect(present.tense.pastShare).toBeLessThan(0.6)
    const past = scene('She walked to the quay. There are nights like that on this coast. Harbours are never quiet at night. Fishermen are always superstitious. People never learn. The boats were in. Every town has one such night. She counted them twice. The wind dropped. She turned back.')
    expect(past.tense.pastShare).toBeGreaterThan(0.45)
    expect(past.tense.pastShare).toBeLessThan(0.6)
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

  const shown = (t: { slips: { shown: boolean }[] }) => t.slips.filter((x) => x.shown)
  const listed = (text: string, s: ReturnType<typeof scene>) => s.tense.slips.map((x) => [text.slice(x.start, x.end), x.shown, x.reason])

  it.each([
    ['a participle as an adjective', 'His spent arrows lie at his feet.', []],
    ['a participle after a determiner', 'The broken gate swings in the wind.', []],
    ['an absolute phrase', '“Stay,” she whispers, her eyes fluttering closed.', []],
    ['an echo of the clause before', 'But so was the other.', []],
    ['a time anchor', 'Her only real friend was a sailor; he died before the war.', ['look-back']],
    ['years ago', 'Years ago she lived in the house on the hill.', ['look-back']],
    ['used to', 'She used to swim here with her brother.', ['look-back']],
    ['a past perfect', 'She had waited for him every evening that spring.', ['look-back']],
    ['a subjectless fragment', 'Wanted to be like him, back when the world was simpler.', ['look-back']],
    ['a compound adjective', 'Through the rain-streaked glass she watches the road.', []],
    ['an adjective between a preposition and a noun', 'Their lamps throw light over buckled panels.', []],
    ['a plural subject in the present', 'The nets have all come in now, folded and stacked.', []],
    ['a guess about the past', 'Perhaps the letters were lost.', ['look-back']],
    ['a phrase whose only verb is in a relative clause', 'The lamp that flickered.', ['fragment']],
    ['a present verb wink-nlp reads as a noun', 'Ezra touches his eyebrow.', []],
    ['a participle after "every one of them"', 'The light slides over the valves, every one of them painted red.', []],
    ['a participle in a "with" phrase', 'The girls jog past with their names printed across the back.', []],
    ['verbs that report what was said or wanted', 'I told my friends not to come.', ['look-back']],
    ['a future beside the past', 'Kerry will be back at six, and the night nurse rang to say she could come.', ['look-back']],
    ['a weekday', 'Mrs. Amis brought the car in on Friday afternoon.', ['look-back']],
    ["a name's age", "Leah's mother left when Leah was five.", ['look-back']],
    ['a span of years', 'For eighty years the letters sat inside the piano.', ['look-back']],
    ["a past perfect with 'd", '“You are doing it wrong,” she’d said.', ['look-back']],
    ["'s got: a present perfect", 'Sam’s got his arm around him.', []],
    ['a question', 'When did Kaede learn to lie like that?', ['question']],
    ['a bare noun and its participle', 'Shelves knocked over.', ['fragment']],
    ['a same-form word ending a fragment', 'Fifth set.', []],
    ['an -s form after a preposition', 'Weeks of back roads and sleeping in ditches.', []],
    ['a noun phrase and its relative clause', 'All those races where he looked at her across the lanes.', ['fragment']],
    ['an age', 'He was nineteen and half-starved.', ['look-back']],
    ['a span of weeks', 'She spent two weeks telling him to rest.', ['look-back']],
    ['a month', 'I cried enough in March.', ['look-back']],
    ['a fragment after an adverb', 'Actually sat on him.', ['fragment']],
    ['a state, not an action', 'I was worried about the drawings.', ['look-back']],
    ['a negated past', 'I didn’t name him.', ['look-back']],
    ["a log's clipped entry", 'Light exhibited at sunset.', ['fragment']],
    ['a year', 'Noor came up in the autumn of 2088 with a six-year contract.', ['look-back']],
    ['a week later', 'She logged a ticket, and a week later the ticket was closed.', ['look-back']],
    ['"that was the night"', 'That was the night I decided to leave.', ['look-back']],
    ['a first Sunday', 'She told me so on my first Sunday here, while she was peeling potatoes.', ['look-back']],
    ['an elliptical answer', 'She did.', []],
    ['a hypothetical', 'He would come out with the shotgun, and that was that.', ['look-back']],
    ['an -s form after a number', 'The sound comes again, three knocks in a row.', []],
    ['"no one has" keeps its verb', 'No one has ever found the key.', []],
    ['a bare absolute phrase after a comma', 'The ship sits on the pad, landing struts splayed like the legs of a dog.', []],
  ])('in present narration, %s is no slip shown', (_name, sentence, reasons) => {
    const text = PRESENT + sentence + AFTER
    const s = scene(text)
    expect(s.tense.dominant).toBe('present')
    expect(shown(s.tense)).toEqual([])
    // Listed, not shown, with the reason it is judged unlikely.
    expect(listed(text, s)).toEqual(reasons.map((r) => [sentence, false, r]))
  })

  it('a run of back-story after a time anchor is no slip shown; a past sentence after present narration again is', () => {
    const text = PRESENT + 'Years ago her father kept a boat here. He painted it blue every spring. He named it for her mother.' + ' She counts the boats again. She turned and walked away.' + AFTER
    const s = scene(text)
    expect(listed(text, s)).toEqual([
      ['Years ago her father kept a boat here.', false, 'look-back'],
      ['He painted it blue every spring.', false, 'back-story'],
      ['He named it for her mother.', false, 'back-story'],
      ['She turned and walked away.', true, 'past-in-present'],
    ])
    const slip = shown(s.tense)[0] as (typeof s.tense.slips)[number]
    expect(slip.verbs.map((v) => [v.text, v.tense, text.slice(v.start, v.end)])).toEqual([['turned', 'past', 'turned'], ['walked', 'past', 'walked']])
    expect(slip.message).toBe('‘turned’ and ‘walked’ are past; this scene is in the present.')
    expect(s.tense.slips[1]!.message).toBe('‘painted’ is past; this scene is in the present, but it follows a look back, so it is likely back-story.')
  })

  it.each([
    ['the narrator\'s present', 'I still do not know why he left.'],
    ['a name given', 'My name is Ruth, and I keep the light.'],
    ['a general truth', 'Harbours are never quiet at night.'],
    ['a perfect from the narrator\'s now', 'The old mill has been pulled down since then.'],
    ['a bare plural at the start', 'Siblings keep score long after the game is over.'],
    ['a word used nowhere else, at the start', 'Seasickness has no respect for pride.'],
    ['a kind, with an article', 'A princess learns early that every word is a treaty.'],
    ["a state in the narrator's now", 'He is wrong about that, too.'],
    ['a keepsake kept now', 'I keep the two tickets in a drawer of my desk.'],
    ['there is', 'There are nights like that on this coast.'],
  ])('in past narration, %s is no slip shown', (_name, sentence) => {
    const past = 'I walked to the quay. The boats were in. I counted them twice. The gulls were loud over the water. '
    const text = past + sentence + ' I waited by the rail. The wind dropped. I turned my collar up.'
    const s = scene(text)
    expect(s.tense.dominant).toBe('past')
    expect(shown(s.tense)).toEqual([])
    expect(s.tense.slips.every((x) => x.reason === 'narrator-present')).toBe(true)
  })

  it.each([
    ['generic you, in first-person past narration', 'I walked to the quay. The boats were in. I counted them twice. The gulls were loud over the water. ', 'You learn to read the water after a while.', 'narrator-present'],
    ['anyone', 'I walked to the quay. The boats were in. I counted them twice. The gulls were loud over the water. ', 'Anyone who works the harbour knows that sound.', 'narrator-present'],
    ['a bare noun: a kind, not a thing in the story', 'She walked to the quay. There was grief in every house. She counted the boats twice. The gulls were loud over the water. ', 'Grief makes liars of everyone.', 'narrator-present'],
  ])('in past narration, %s is no slip shown', (_name, before, sentence, reason) => {
    const text = before + sentence + ' The wind dropped. The light went out over the water.'
    const s = scene(text)
    expect(s.tense.slips.filter((x) => x.shown)).toEqual([])
    expect(s.tense.slips.map((x) => [text.slice(x.start, x.end), x.reason])).toEqual([[sentence, reason]])
  })

  it("in past narration, a paragraph mostly in the present is the narrator's aside", () => {
    const text = 'She walked to the quay. The boats were in.\n\nNoise of that kind does not stop at the ears of the men who work beside it. It is louder than anything else on the whole river. She covered her ears.\n\nShe counted the boats twice. The gulls were loud over the water.'
    const s = scene(text)
    expect(s.tense.dominant).toBe('past')
    expect(shown(s.tense)).toEqual([])
    expect(s.tense.slips.map((x) => x.reason)).toEqual(['narrator-present', 'narrator-present'])
  })

  it('in past narration, a thought in the third person is unmarked thought, not a slip', () => {
    const text = 'She walked to the quay. The boats were in. She counted them twice. The gulls were loud over the water. He was late again. You are being foolish. The wind dropped. The light went out over the water.'
    const s = scene(text)
    expect(s.tense.slips).toEqual([])
    expect(s.unmarkedThought.spans.map(([a, b]) => text.slice(a, b))).toEqual(['You are being foolish.'])
  })

  it.each([
    ['She grabbed the tray and pushed through the door.'],
    ['Rain hammered the roof of the shed.'],
    ['He stepped back and slid the bolt home.'],
    ['Kade swore under his breath and glanced at the door.'],
  ])('in present narration, still shows the slip %s', (sentence) => {
    const text = PRESENT + sentence + AFTER
    expect(shown(scene(text).tense).map((x) => text.slice(x.start, x.end))).toEqual([sentence])
  })

  it.each([
    ['a speech tag in the past', '“You are an idiot,” Ash said.'],
    ['a state told with "now"', 'She was frightened now, properly frightened.'],
  ])('in present narration, still shows %s', (_name, sentence) => {
    const text = PRESENT + sentence + AFTER
    expect(shown(scene(text).tense).map((x) => text.slice(x.start, x.end))).toEqual([sentence])
  })

  it('in first-person present narration, still shows an action slip', () => {
    const text = 'I walk to the quay. The boats are in. I count them twice. The gulls are loud over the water. I shoved the door open and ran. I wait by the rail. The wind drops.'
    expect(shown(scene(text).tense).map((x) => text.slice(x.start, x.end))).toEqual(['I shoved the door open and ran.'])
  })

  it('still finds the slips of past narration into the present, naming the verbs', () => {
    const past = 'She walked to the quay. The boats were in. She counted them twice. The gulls were loud over the water. '
    const text = past + 'He walks to the window and looks out.' + ' She waited by the rail. The wind dropped.'
    const s = scene(text)
    expect(listed(text, s)).toEqual([['He walks to the window and looks out.', true, 'present-in-past']])
    expect(s.tense.slips[0]!.message).toBe('‘walks’ and ‘looks’ are present; this scene is in the past.')
  })

  it('a flashback cue lowers a slip below what is shown', () => {
    const text = 'She walks to the quay. The boats are in. She remembers how he left. She counts them. She waits.'
    expect(scene(text).tense.slips.filter((x) => x.shown)).toEqual([])
  })
})

describe('point of view of narration', () => {
  it.each([
    ['first', 'I walked to the quay. My brother was there, and he waved. He said nothing to me, and I said nothing to him. They were all there.', 'first'],
    ['third', 'She walked to the quay. Her brother was there, and he waved. He said nothing to her. They were all there.', 'third'],
    ['second', 'You walk to the quay. Your brother is there, and he waves. You say nothing to him. You wait for your turn.', 'second'],
    ['dialogue does not count', '“I know you,” she said. “I saw you and I saw your brother.” He shrugged. She left him there.', 'third'],
    ['titles are not first person', 'My Lady Dedlock has returned to town. My Lady is bored. She sits alone, and her husband reads.', 'third'],
    ['an "I" telling it to a "you" beside them', 'You are asleep when I get up. I leave you a note by your kettle, and I think about you all the way to the yard. You will be cross with me. I go in anyway, and you are still cross when I come home at six, and your tea has gone cold.', 'first'],
    ['a narrator with others, "we"', 'It took us six hours to get to the coast. By the time we came over the last hill the light had gone gold. Priya stopped the car. We went on down to the harbour.', 'first'],
    ['a generic "you" among he and she', 'She knew it the way you know a stove is hot. She took the box down, and she opened it, and she read the first letter. Her mother had written it. She had never sent it. Her father had kept it in the garage, behind the paint, where he kept the things he could not throw away.', 'third'],
  ])('%s', (_name, text, dominant) => {
    expect(scene(text).pov.dominant).toBe(dominant)
  })

  it('keeps a first-person story\'s "I" in a scene told to a "you" beside them, though "you" outnumbers "I" there', () => {
    const text = [
      'I walked down to the harbour before it was light. I had the keys in my pocket and I let myself into the shed, and I sat there for a long time with the lamp off.',
      '* * *',
      'You are asleep when I get up. You look younger asleep. You always did. I leave you a note by your kettle, and you will not read it. You will be cross. You will say your tea is cold, and you will be right.',
      '* * *',
      'I went back at noon. I found the boat where I had left it, and I bailed her out, and I rowed across to the island and back before anyone saw me.',
    ].join('\n\n')
    expect(analyze(text).scenes.map((s) => s.pov.dominant)).toEqual(['first', 'first', 'first'])
    // Alone, that scene is second person: "you" is twice as frequent as "I".
    expect(scene(text.split('\n\n')[2]!).pov.dominant).toBe('second')
  })

  it('names the focal character in third person and the narrator in first', () => {
    expect(scene('Wren watches the tide. Wren counts the boats, and Tamsin laughs at her. Wren sighs.').pov.character).toBe('Wren')
    expect(scene('“Hesper,” he said, “come here.” I went to him. “Sit down, Hesper.” I sat.').pov.character).toBe('Hesper')
  })
})

describe('unmarked thought', () => {
  const thoughtOf = (text: string) => {
    const s = scene(text)
    return s.unmarkedThought.spans.map(([a, b]) => text.slice(a, b))
  }
  const thirdPast = 'Mara carried the crate up the ramp. The ferry rocked under her, and the gulls wheeled over the stern. She set the crate down by the rail and looked for the purser. He was nowhere in sight. '

  it.each([
    ['first person, present', "I can't do this.", true],
    ['second person, verbless', 'You idiot.', true],
    ['a question in the first person, in the past', 'Why did I say that?', true],
    ['a command', "Don't look at him.", true],
    ['a command with a gerund', 'Keep going.', true],
    ['a command after an adverb', 'Just breathe.', true],
    ['a curse', 'Damn it.', true],
    ["a present question in past narration", 'Why is he smiling like that?', true],
    ['free indirect thought in the third person stays narration', 'Was he angry with her?', false],
    ['a past sentence of narration', 'She waited a little longer.', false],
    ['a long first-person sentence is not short thought', 'I will never understand why the purser keeps the manifest in a drawer that nobody else can open.', false],
    ["a verb that a noun's verb follows is no command", 'Rain hammered the deck.', false],
  ])('%s', (_name, sentence, isThought) => {
    const text = thirdPast + sentence + ' She picked up the crate again.'
    expect(thoughtOf(text)).toEqual(isThought ? [sentence] : [])
  })

  it('keeps a third-person scene full of thought in the third person, and in its tense', () => {
    const text = [
      'Mara carried the crate up the ramp. Keep moving. The ferry rocked under her.',
      "I can't be late again. She set the crate down by the rail. Why is he staring at me?",
      'The purser looked away. You idiot. She pushed her hair out of her eyes and waited. I should have stayed home.',
    ].join('\n\n')
    const s = scene(text)
    expect(s.pov.dominant).toBe('third')
    expect(s.pov.first).toBe(0)
    expect(s.tense.dominant).toBe('past')
    expect(s.tense.slips).toEqual([])
    expect(s.unmarkedThought.spans.map(([a, b]) => text.slice(a, b))).toEqual(['Keep moving.', "I can't be late again.", 'Why is he staring at me?', 'You idiot.', 'I should have stayed home.'])
    expect(s.unmarkedThought.words).toBe(20)
    expect(s.unmarkedThought.share).toBeCloseTo(20 / s.words, 4)
  })

  it('reads a very short present sentence in third-person past narration as thought', () => {
    const text = thirdPast + '\n\nA car pulled into the lot. Of course it is.\n\nShe waited.'
    expect(thoughtOf(text)).toEqual(['Of course it is.'])
    expect(scene(text).tense.slips).toEqual([])
  })

  it('reads a paragraph of short sentences with thought among them as all thought, but not a character\'s action', () => {
    const text = thirdPast + '\n\nStop it. Not now.\n\nShe nodded to the purser. Not now.\n\nKeep going. She waits.'
    expect(thoughtOf(text)).toEqual(['Stop it.', 'Not now.', 'Keep going.'])
  })

  it('leaves a first-person narrator\'s short sentences as narration', () => {
    const text = 'I carried the crate up the ramp. I was late. The ferry rocked under me, and I held the rail until my hands hurt. I set the crate down. My brother waved from the wheelhouse, and I waved back. I am not proud of that morning.'
    const s = scene(text)
    expect(s.pov.dominant).toBe('first')
    expect(s.unmarkedThought.spans).toEqual([])
  })

  it("counts 'I'm' as the first person and the present", () => {
    const text = "I'm late. I'm always late, and the ferry never waits. I’m sure of it. I run down the ramp."
    const s = scene(text)
    expect(s.pov.first).toBe(4)
    expect(s.tense.present).toBe(scene(text.replace(/I['’]m/g, 'I am')).tense.present)
    expect(s.tense.present).toBeGreaterThanOrEqual(4)
  })

  it('sums a chapter\'s and the work\'s thought from their scenes', () => {
    const text = thirdPast + "I can't do this. She picked up the crate.\n\n* * *\n\n" + thirdPast + 'Keep going. She walked on.'
    const r = analyze(text)
    expect(r.scenes.map((s) => s.unmarkedThought.words)).toEqual([4, 2])
    expect(r.totals.unmarkedThought.words).toBe(6)
    expect(r.chapters[0]!.unmarkedThought.spans).toHaveLength(2)
  })
})

describe('embedded narratives', () => {
  const frame = [
    'Chapter 1',
    'The rain came in off the marsh at dusk, and the carters crowded into the back room of the inn. Tobin Marsh took the stool nearest the fire and held his hands out to it. He had walked since noon and his boots were full of water.',
    '“Who has a story?” asked the landlord. Nobody answered him.',
    'Then Granny Weld set down her cup and folded her hands in her lap. Tobin watched her. The whole room watched her.',
    '“I have one,” said Granny Weld. “It is an old one, and it is mine.”',
  ]
  const tale = [
    'Chapter 2',
    '“I was twelve the spring the river came over the wall. My father woke me before light and carried me up to the loft, and I sat there with my brothers and watched the water climb the stairs one by one.',
    '“We stayed in that loft for three days. My mother passed bread up to us on the end of a rake, and she sang to keep us quiet, though her voice shook. On the second night my youngest brother cried for the cat, and my father said to him, ‘You are a brave boy and the cat is cleverer than any of us.’',
    '“On the third morning the water went down as fast as it had come. We climbed down into the mud, and I found the cat asleep on the top shelf of the dresser, dry as a bone, among the good plates. I never forgot the sight of her, and I laughed until my mother laughed too.',
    '“That was the spring I learned that a house is only a box, and that what matters is who you carry up the stairs with you.”',
  ]
  const after = [
    'Chapter 3',
    'For a while nobody spoke. Tobin looked at the fire and thought of his own mother. Then the landlord brought more ale, and the carters began to talk of the roads again, and the rain went on against the shutters.',
  ]
  const text = [...frame, ...tale, ...after].join('\n\n')

  it('reads a chapter that is one told story in the teller\'s person and tense, naming the teller', () => {
    const r = analyze(text)
    expect(r.chapters).toHaveLength(3)
    const told = r.scenes[1]!
    expect(told.embedded).toHaveLength(1)
    expect(told.embedded[0]).toMatchObject({ speaker: 'Granny Weld', pov: 'first', tense: 'past' })
    expect(text.slice(told.embedded[0]!.start, told.embedded[0]!.start + 14)).toBe('“I was twelve ')
    expect(told.pov).toMatchObject({ dominant: 'first', embedded: true, character: 'Granny Weld' })
    expect(told.tense).toMatchObject({ dominant: 'past', embedded: true })
    // Its words are dialogue still; the inner quotation ('You are a brave boy…') is no slip.
    expect(told.dialogue.share).toBeGreaterThan(0.95)
    expect(told.tense.slips.filter((s) => s.shown)).toEqual([])
    expect(r.chapters[1]!.pov).toMatchObject({ dominant: 'first', embedded: true })
  })

  it('leaves the frame its own person and tense, in its scenes, chapters and the work', () => {
    const r = analyze(text)
    for (const i of [0, 2]) {
      expect(r.scenes[i]!.embedded).toEqual([])
      expect(r.scenes[i]!.pov).toMatchObject({ dominant: 'third', embedded: false })
    }
    expect(r.totals.pov).toMatchObject({ dominant: 'third', embedded: false })
    expect(r.totals.tense).toMatchObject({ dominant: 'past', embedded: false })
    expect(r.totals.embedded).toHaveLength(1)
  })

  it('a long speech that is not most of its scene is no told story', () => {
    const long = [...frame.slice(1), ...frame.slice(1), ...frame.slice(1), ...tale.slice(1, 4), ...frame.slice(1), ...frame.slice(1)].join('\n\n')
    const s = analyze(long).scenes[0]!
    expect(s.embedded).toEqual([])
    expect(s.pov).toMatchObject({ dominant: 'third', embedded: false })
  })
})

describe('point-of-view shifts (head-hopping)', () => {
  const para = (...ps: string[]) => ps.join('\n\n')
  const opening = [
    'Nell wiped her hands on her apron and looked at the door. She knew the knock. She wondered how long he would stand out there in the rain.',
    'Amos shook his head at the dog and stepped inside. Nell felt the cold come in with him, and she hoped he would not stay.',
    'She thought of the letter in the drawer. Nell decided to say nothing about it.',
  ]
  const closing = 'Nell set the kettle on the stove. She wanted him gone before the light went.'

  it('finds a paragraph told from inside another character, naming both', () => {
    const hop = 'Amos wondered whether she had read the letter yet. He felt sick at the thought of it.'
    const text = para(...opening, hop, closing)
    const s = scene(text)
    expect(s.pov.dominant).toBe('third')
    expect(s.povShifts.map((x) => [text.slice(x.start, x.end), x.from, x.to, x.verbs])).toEqual([[hop, 'Nell', 'Amos', ['wondered', 'felt']]])
    expect(s.povShifts[0]!.confidence).toBe(0.8)
    expect(s.povShifts[0]!.message).toBe("This paragraph tells what Amos thinks and feels (‘wondered’, ‘felt’); the rest of the scene is told from Nell's point of view.")
  })

  it('reads he and she by the genders narration gives the names', () => {
    const hop = 'He felt sure she would never forgive him for the winter.'
    const text = para(...opening, hop, closing)
    expect(scene(text).povShifts.map((x) => [x.to, x.confidence])).toEqual([['Amos', 0.55]])
  })

  it.each([
    ['a guess from outside', 'He must have known about the letter all along.'],
    ['back-story the viewpoint knows', 'Amos had decided long ago that the farm was his.'],
    ['the viewpoint thinking about the other', 'She wondered whether Amos knew.'],
  ])('%s is no shift', (_name, line) => {
    expect(scene(para(...opening, line, closing)).povShifts).toEqual([])
  })

  it('takes the speaker of an inverted tag (“said Tom.”) for the he that follows', () => {
    const hop = '“The well is dry,” said Tom. He felt sure that Nell had known for a week.'
    const text = para(...opening, hop, closing)
    expect(scene(text).povShifts.map((x) => [text.slice(x.start, x.end), x.from, x.to])).toEqual([[hop, 'Nell', 'Tom']])
  })

  it('takes a he who is not the man beside him, and follows no one, for the other man the scene names', () => {
    const text = para(
      'Theo stood at the window of the ward. He wanted to sleep. He thought of the rain on the roof, and he wondered when it would stop.',
      'He could feel Theo watching him from the door, and he hated it.',
      'Theo turned away from the glass. Cal said nothing. Cal sat on the bed and Cal pulled his boots off.',
      'Theo decided to let him be. He felt tired.',
    )
    expect(scene(text).povShifts.map((x) => [x.from, x.to, x.verbs])).toEqual([['Theo', 'Cal', ['feel']]])
  })

  it('looks for none in a first-person scene', () => {
    const text = 'I wiped my hands and looked at the door. I knew the knock. Amos wondered whether I had read the letter. I hoped he would go. I thought of the drawer.'
    expect(scene(text).povShifts).toEqual([])
  })
})

describe('point-of-view shifts: what is no shift', () => {
  const para = (...ps: string[]) => ps.join('\n\n')
  const opening = [
    'Nell wiped her hands on her apron and looked at the door. She knew the knock. She wondered how long he would stand out there in the rain.',
    'Amos shook his head at the dog and stepped inside. Nell felt the cold come in with him, and she hoped he would not stay.',
    'She thought of the letter in the drawer. Nell decided to say nothing about it.',
  ]
  it.each([
    ['what the viewpoint reads in a face', 'Amos stood by the dresser, and he looked as if he wondered where the letter was.'],
    ['a trait the viewpoint knows', 'Amos hated the farm and always had.'],
    ['a name after a preposition is no subject', 'The smell of Amos lingered. She wondered where he had been.'],
  ])('%s', (_name, line) => {
    expect(analyze(para(...opening, line)).scenes[0]!.povShifts).toEqual([])
  })
})

describe('point-of-view shifts: feelings told with was', () => {
  it('finds "Amos was frightened" in Nell\'s scene', () => {
    const text = [
      'Nell wiped her hands on her apron and looked at the door. She knew the knock. She wondered how long he would stand out there in the rain.',
      'Amos shook his head at the dog and stepped inside. Nell felt the cold come in with him, and she hoped he would not stay.',
      'She thought of the letter in the drawer. Nell decided to say nothing about it.',
      'Amos was frightened, though he would never have said so.',
    ].join('\n\n')
    expect(analyze(text).scenes[0]!.povShifts.map((x) => [x.to, x.verbs])).toEqual([['Amos', ['was frightened']]])
  })
})
