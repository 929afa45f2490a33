import { describe, expect, it } from 'vitest'
import { tagAfter, tagBefore } from '../src/annotate/tags.js'
import { analyze } from '../src/pipeline.js'
import { sceneFigures, topSpeakers } from '../src/report/figures.js'
import { rowsOf, SCENE_COLUMNS, WORK_COLUMNS } from '../src/corpus/rows.js'

const castOf = (text: string) => analyze(text).totals.characters.map((c) => c.name)
/** Each speech span's speaker, as the text of the span and the name. */
const speakers = (text: string) => {
  const r = analyze(text)
  return r.scenes.flatMap((s) => s.dialogue.spans.map(([a, b], i) => [text.slice(a, b), s.dialogue.speakers[i]!.name] as const))
}

describe('speech tags', () => {
  it.each([
    [', Nell said.', { form: 'Nell' }],
    [' said Mrs. Bennet.', { form: 'Mrs Bennet' }],
    [' she asked quietly.', { pronoun: 'she' }],
    [' returned she; ', { pronoun: 'she' }],
    [' I said.', { pronoun: 'I' }],
    [' said the old man, lighting his pipe.', { description: 'the old man' }],
    [' said a young officer to him one day', { description: 'the young officer' }],
    [' said the old man angrily.', { description: 'the old man' }],
    [' said a woman standing by the door.', { description: 'the woman' }],
    [' said the king.', { description: 'the king' }],
    [' The girl laughed.', { description: 'the girl' }],
    [' He turned away.', null],
    [' and the door closed.', null],
  ])('after a quote: %j', (gap, tag) => {
    expect(tagAfter(gap)).toEqual(tag)
  })

  it.each([
    ['Nell said, ', { form: 'Nell' }],
    ['Then Tom Fisk asked: ', { form: 'Tom Fisk' }],
    ['He turned. ', null],
  ])('before a quote: %j', (narration, tag) => {
    expect(tagBefore(narration)).toEqual(tag)
  })
})

describe('the cast', () => {
  it('finds a name wink-nlp tags as a verb where the story writes it as a name (“Hatch drove”, “Hatch laughed”)', () => {
    const text = [
      'Hatch drove the truck north through the rain. He wondered whether the bridge at Mallow would still be standing, and he thought about the fuel gauge.',
      'The boy in the passenger seat said nothing for an hour. Then he said he was hungry, and Hatch laughed, and Hatch gave him the last of the bread.',
      'By noon the boy had decided that Hatch was not as grim as he looked.',
    ].join('\n\n')
    const r = analyze(text)
    expect(r.totals.characters.map((c) => [c.name, c.mentions])).toEqual([['Hatch', 4]])
    expect(r.scenes[0]!.pov.character).toBe('Hatch')
    // A word the story also writes in lower case stays a word.
    expect(analyze(`${text}\n\nThe hatch at the back would not close. Hatch swore at it.`).totals.characters).toEqual([])
  })

  it('groups a name with its forms, and keeps two titles of one surname apart', () => {
    const text = [
      'Mr Darcy crossed the room. Darcy bowed to Mrs Bennet, and Mr Bennet watched them both.',
      'Elizabeth Bennet laughed. Elizabeth turned to her father. Darcy said nothing.',
      '“Well,” said Mrs Bennet.',
    ].join('\n\n')
    const cast = analyze(text).totals.characters
    const darcy = cast.find((c) => c.name === 'Darcy' || c.name === 'Mr Darcy')!
    expect(darcy.aliases.length).toBe(1)
    expect(darcy.gender).toBe('he')
    expect(cast.find((c) => c.name === 'Mrs Bennet')?.gender).toBe('she')
    expect(cast.find((c) => c.name === 'Mr Bennet')?.gender).toBe('he')
    // Two family titles of one gender are two people too.
    const sisters = analyze('Mrs Hale poured the tea. Miss Hale laughed at her. Mrs Hale frowned, and Miss Hale went out.').totals.characters.map((c) => c.name)
    expect(sisters.sort()).toEqual(['Miss Hale', 'Mrs Hale'])
    // "Tarq had seen her take the ledger": her is whom he saw, and the She after it may be her too.
    const ledger = analyze('Tarq had seen her take the ledger from the shelf. She had not asked him. Tarq watched her count the coins into the tin, and he said nothing at all. Tarq thought about Ysolde in her office, and the lamp, and the tin. Tarq rubbed his eyes.\n\nYsolde came out at noon. She said the count was short.').totals.characters
    expect(ledger.map((c) => [c.name, c.gender])).toEqual([['Tarq', 'he'], ['Ysolde', 'she']])
    // A fuller form's uses are its given name's too ("Elizabeth Bennet" is a use of "Elizabeth"),
    // unless its surname is a form of its own: then "Anna Reyes", used most, is the name.
    expect(cast.find((c) => c.name === 'Elizabeth')?.aliases).toEqual(['Elizabeth Bennet'])
    const anna = analyze('Anna Reyes came in. Anna Reyes sat down. Reyes smiled at Tom. Anna frowned.').totals.characters
    expect(anna.map((c) => [c.name, [...c.aliases].sort()])).toEqual([['Anna Reyes', ['Anna', 'Reyes']]])
  })

  it.each([
    ['a town after prepositions of place', 'Mara drove to Harwich. She had lived in Harwich once. The road from Harwich was dark. Mara parked.', 'Harwich'],
    ['a thing after a determiner', 'Tom went into the Crown. The Crown was full. Tom ordered a pint at the Crown and sat down.', 'Crown'],
    ['a farm by the last word of its name', 'Nell drove up to Bracken Hill Farm. Bracken Hill Farm was quiet. Nell knocked.', 'Bracken Hill Farm'],
    ['a word the story also writes in lower case', '“Nonsense, my dear!” said Mrs Hale. It was nonsense, and she knew it. Mrs Hale sat down.', 'Nonsense'],
    ['a station only ever called, and used as a thing', 'Nell keyed the radio. “Fellport, Tidewater. Over.” Nothing came back. Nell waited for the Fellport lifeboat to answer. “Fellport, Tidewater.” Nell sighed.', 'Fellport'],
    ['a plural at a sentence start', 'Heifers stood in the yard. Nell counted the heifers twice. Nell sighed.', 'Heifers'],
    ['a place after “the church of”', '“Saturday. San Vidal, eight o’clock,” Sam said. I sat in the church of San Vidal and waited. Sam played.', 'San Vidal'],
    ['a place once a subject and once after “in”', 'Sam found the guard. The only seat between here and Venice was in the dining car. He shrugged. Sam played in a church in Venice. Sam laughed.', 'Venice'],
    ['a word said alone in a first-person story', 'I held out the cup. “Wasser,” he says. I give it to him. “Danke,” he says. Tom watches us.', 'Wasser'],
  ])('leaves out %s', (_name, text, notACharacter) => {
    const cast = castOf(text)
    expect(cast).not.toContain(notACharacter)
    expect(cast.length).toBeGreaterThan(0)
  })

  it('takes a short name only ever said to someone for the one given name it starts or ends (“Dag” of “Dagny”)', () => {
    const text = 'Dagny sold the last loaf at noon. Rello counted the till.\n\n“Dag,” Rello said. “Sit down.”\n\n“I’m fine,” Dagny said.\n\n“Dag. Please.”'
    expect(analyze(text).totals.characters.map((c) => [c.name, c.aliases])).toEqual([
      ['Dagny', ['Dag']],
      ['Rello', []],
    ])
    // Two names it starts: no one's.
    expect(castOf(text.replace('Rello counted', 'Dagmar counted'))).toContain('Dag')
    // The end of one ("Teo" of "Mateo").
    const teo = text.replaceAll('Dagny', 'Mateo').replaceAll('Dag', 'Teo')
    expect(analyze(teo).totals.characters.find((c) => c.aliases.includes('Mateo') || c.aliases.includes('Teo'))?.name).toBeDefined()
    expect(castOf(teo)).toHaveLength(2)
  })

  it('keeps a person who is also taken to places, where the story shows a person', () => {
    expect(castOf('Nell walked to Tom. “Tom,” she said. Tom looked up. Tom smiled at her. She gave the letter to Tom.')).toContain('Tom')
  })

  it('counts each character per scene: mentions, speeches, dialogue words and share, presence, first and last scene', () => {
    const text = ['“Come in,” said Nell. Tom came in. “Thanks,” Tom said.', '* * *', 'Nell walked home alone. “Nearly there,” Nell said.'].join('\n\n')
    const r = analyze(text)
    const nell = r.totals.characters.find((c) => c.name === 'Nell')!
    expect(nell).toMatchObject({ speeches: 2, dialogueWords: 4, scenes: 2, firstScene: 0, lastScene: 1, present: true })
    expect(nell.dialogueShare).toBeCloseTo(4 / 5, 4)
    const first = r.scenes[0]!.characters
    expect(first.map((c) => c.name).sort()).toEqual(['Nell', 'Tom'])
    expect(r.scenes[1]!.characters.map((c) => c.name)).toEqual(['Nell'])
  })
})

describe('speakers', () => {
  it('names the speaker of an explicit tag in either order, and of a tag before the speech', () => {
    const text = ['“Are you coming?” said Nell.', '“In a minute,” Tom said.', 'Nell said, “Now.”'].join('\n\n')
    expect(speakers(text)).toEqual([
      ['“Are you coming?”', 'Nell'],
      ['“In a minute,”', 'Tom'],
      ['“Now.”', 'Nell'],
    ])
  })

  it('gives a quotation interrupted by its tag one speaker, and splits a paragraph where a second tag names another', () => {
    const text = 'Tom waited. Nell came in.\n\n“Yes,” she said, “I know.” “Then say so,” replied Tom.'
    expect(speakers(text).map((x) => x[1])).toEqual(['Nell', 'Nell', 'Tom'])
  })

  it.each([
    ['a tag leading into the next speech is that speech\'s', 'Nell said, “Hello there.” Tom said, “Good morning.”', ['Nell', 'Tom']],
    ['a tag before the first speech, another after the second', 'Nell said, “Hi.” “Bye,” said Tom.', ['Nell', 'Tom']],
    ['a tag between two speeches of one speaker', 'Nell came in. “Edith!” said Nell, gently, “Edith!”', ['Nell', 'Nell']],
  ])('in one paragraph: %s', (_name, paragraph, names) => {
    expect(speakers(`The room was cold.\n\n${paragraph}`).map((x) => x[1])).toEqual(names)
  })

  it('resolves he and she to the nearest character of that gender', () => {
    const text = 'Mr Fisk sat by the fire. Mrs Amis came in with the tea.\n\n“You look tired,” she said.\n\n“I am,” he said.'
    expect(speakers(text).map((x) => x[1])).toEqual(['Mrs Amis', 'Mr Fisk'])
  })

  it('gives an untagged speech to the paragraph’s actor, and untagged lines to two people taking turns', () => {
    const text = ['The kitchen was cold, and the kettle had only just boiled.', 'Hannah set the mug down. “Drink it.”', '“I will,” Ruth said.', '“Now.”', '“In a minute.”', '“Now, Ruth.”', '“Fine.”'].join('\n\n')
    expect(speakers(text).map((x) => x[1])).toEqual(['Hannah', 'Ruth', 'Hannah', 'Ruth', 'Hannah', 'Ruth'])
  })

  it('never gives a speech to the one it addresses by name', () => {
    const text = ['Nell and Tom stood at the gate.', '“Tom, open it.”', '“It’s locked,” said Tom.'].join('\n\n')
    expect(speakers(text)[0]![1]).not.toBe('Tom')
  })

  it('names a described speaker by the description', () => {
    expect(speakers('“Mind the step,” said the old man.')[0]![1]).toBe('the old man')
  })

  it('gives “I said” to the first-person narrator, named by what others call them', () => {
    const text = ['I went down to the harbour at six. I saw the boat at once, and I waved.', '“Morning, Hesper,” Dunstan said.', '“Morning,” I said. I took the rope from him and I tied it off.', '“You’re early, Hesper,” he said.', '“I am,” I said.'].join('\n\n')
    const r = analyze(text)
    expect(r.scenes[0]!.pov.dominant).toBe('first')
    expect(r.scenes[0]!.pov.character).toBe('Hesper')
    expect(speakers(text).map((x) => x[1])).toEqual(['Dunstan', 'Hesper', 'Dunstan', 'Hesper'])
  })

  it.each([
    ['their own name in narration', 'My name is Teodora Lisk. For eleven years I worked nights at the hospital. Maura ran the ward.\n\n“Tea?” Maura asked.\n\n“Please,” I said.', 'Teodora Lisk'],
    ['a name said to them once, after a comma', 'I climb out of the window. Thess looks up from her desk.\n\n“You came, Pip,” she says.\n\n“I said I would,” I say.', 'Pip'],
    ['a month that is also a given name, said to them', 'I sit on the wall and I wait. Tilda comes at last, late as ever, and she sits down beside me.\n\n“I know, June,” she says. “I was late again.”\n\n“You were,” I say.', 'June'],
    ['their speaking to themself in narration', 'I reach the rope and I cling to it. Esme is already at the far end. Don’t you dare stop, Cassie. I push off again.', 'Cassie'],
  ])('names the first-person narrator by %s', (_name, text, name) => {
    const r = analyze(text)
    expect(r.scenes[0]!.pov.dominant).toBe('first')
    expect(r.scenes[0]!.pov.character).toBe(name)
  })

  it('does not name the narrator by a name a speech goes on to be about (“Corwen,” he said, “is still on.”)', () => {
    const text = "I drove all night, and Tomas slept against the window with his coat over his face. I watched the road and I counted the sheep on the verges.\n\nAt dawn I shook him awake. “Bala tonight, then Corwen on Saturday,” I said. “Then we’re done.”\n\n“Corwen,” he said slowly, “is still on. If we had a van.”\n\n“We have a van,” I said."
    expect(analyze(text).scenes[0]!.pov.character).toBeNull()
  })

  it('names the narrator by what three people call her, though a notebook read out says “Claire got her promotion”', () => {
    const text = [
      '“I’m only saying what we’re all thinking, Claire.”',
      'I put the kettle on and did not answer. Dad sat at the table with his hands flat on the cloth.',
      '“What do you think, Claire?” Aunt Ro said.',
      'I thought the sandwiches had been a mistake, but I kept that to myself.',
      'In the notebook the entries were short. Frank rang. Claire got her promotion. He is so proud.',
      '“Claire,” Dad said, with his mouth full. “Pass the salt.”',
      'I passed it.',
      '“Sit down, Claire,” Aunt Ro said. “You’ve been up since six.”',
      'I sat.',
    ].join('\n\n')
    expect(analyze(text).scenes[0]!.pov.character).toBe('Claire')
  })

  it('does not name the narrator by a relation said to someone else (“Tata, it’s me.”)', () => {
    const text = [
      'I check the drip at four and write the numbers down. Priya is at the desk with her tea.',
      '“Tata,” the daughter says. She bends over the bed and puts her forehead on his hand. “Tata, it’s me. I’m here.”',
      'I leave them alone. I go back to the desk and I sit with Priya, and neither of us says anything for a while.',
      '“Tata,” she says again, behind the curtain.',
    ].join('\n\n')
    expect(analyze(text).scenes[0]!.pov.character).toBeNull()
  })

  it('does not name the narrator by a name said with a relation’s title (“That’s creepy, Aunt Carol”)', () => {
    const text = [
      'I got off the bus at the end of the lane. My cousin Mel was at the gate with the dog. “You came,” she said. “Mum said you wouldn’t.”',
      '“Mum says a lot of things.”',
      'Mel laughed. We walked up to the house. The kitchen was warm, and someone was on the phone to Mel before she had her coat off.',
      '“Hello, Aunt Carol,” Mel said. “Look who it is.”',
      'I sat down. Mel put the kettle on and stared at the photographs on the dresser.',
      '“That’s creepy, Aunt Carol,” Mel said. “They all look like her.”',
      'I did not look at them. I drank my tea.',
    ].join('\n\n')
    expect(analyze(text).scenes[0]!.pov.character).toBeNull()
  })

  it('names a narrator called most by a title and surname by the given name one person calls her (“Miss Vance”, “Nora”)', () => {
    const text = [
      'The sexton was waiting for me at the lych-gate. “Good morning, Miss Vance,” he said. “You’ll want the register, I expect.”',
      '“I will,” I said. I followed him up the path between the stones.',
      'Inspector Hale was in the vestry already. “Miss Vance. Sit down, please.” He had the register open on the table.',
      'I sat. I looked at the page he showed me and I said nothing for a long time.',
      '“Miss Vance, you knew the family,” he said.',
      '“Everyone knew the family.”',
      'My brother came in at noon with sandwiches. “Well, Nora,” he said, “have they arrested you yet?”',
      '“Not yet,” I said.',
      'The sexton laughed at that. “Miss Vance would never,” he said.',
    ].join('\n\n')
    const r = analyze(text)
    expect(r.scenes[0]!.pov.character).toBe('Nora')
    expect(r.totals.characters.map((c) => [c.name, c.aliases])).toEqual([['Inspector Hale', []], ['Nora', ['Miss Vance']]])
  })

  it('names each scene’s narrator where two take turns, each named by the other in their own chapters', () => {
    const text = [
      'I get to the bus stop before anyone else. Marcus is late again, and I watch the road for him.',
      '“Morning, Isla,” Mrs Reid says from her gate. “Cold one.”',
      '“It is,” I say.',
      'Marcus turns up at last with his tie in his fist. “Isla, don’t start,” he says. “I know.”',
      '* * *',
      'I run the whole way and the bus is still there. Isla is at the stop with her arms folded, and Isla looks at me like I have done it on purpose.',
      '“You’re a disgrace, Marcus,” Mr Reid says, but he is laughing.',
      '“I know,” I say. “Marcus the disgrace. Put it on my stone.”',
      '* * *',
      'At lunch I sit on the wall and wait. Marcus comes out of the canteen with two apples.',
      '“One for you, Isla,” he says.',
      '“Thanks,” I say. Mrs Reid waves from the office window. “Isla, your mum rang,” she calls.',
      '* * *',
      'I give her the apple because I always do. Isla takes it and says nothing, and Isla eats it in four bites.',
      '“Marcus, you’re on the team sheet,” Mr Reid says, going past.',
      '“Great,” I say. “Thanks, sir.” He is gone before I can ask. “Marcus the striker,” I say to myself.',
    ].join('\n\n')
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Isla', 'Marcus', 'Isla', 'Marcus'])
  })

  it('keeps one narrator called by two names in turn, whom no one tells of in narration (“Hesper”, “Miss Vane”)', () => {
    const text = [
      'I came down to the harbour before the boats were in. Old Tam was mending a net on the wall.',
      '"Morning, Hesper," he said. "You\'re early."',
      '"Couldn\'t sleep," I said.',
      '"Nor could I, Hesper. Sit down."',
      '* * *',
      'I walked up to the counting house after dinner. The clerk looked up from his ledger.',
      '"Good afternoon, Miss Vane," he said. "The master is out."',
      '"I\'ll wait," I said.',
      '"As you like, Miss Vane."',
      '* * *',
      'At dusk I went back down to the wall. Tam had gone, and his brother was there instead.',
      '"He said you\'d come, Hesper," he said.',
      '"Did he?" I said.',
      '"He did, Hesper. He always knows."',
      '* * *',
      'The next morning the master himself opened the door to me.',
      '"Miss Vane," he said. "Come in."',
      '"Thank you," I said.',
      '"Sit there, Miss Vane, by the fire."',
    ].join('\n\n')
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Hesper', 'Hesper', 'Hesper', 'Hesper'])
  })

  it('names the “you” of a second-person story by what others call them', () => {
    const text = [
      'You wake before the nurses come round. The window is grey and the drip beside you ticks like a clock.',
      '"Morning, Cass," Keiko says from the doorway. "You look terrible."',
      '"Thanks," you say.',
      '"Eat something, Cass. I mean it."',
      '* * *',
      'In the afternoon you walk the corridor twice. Keiko walks beside you and pretends not to hold your elbow.',
    ].join('\n\n')
    expect(analyze(text).scenes.map((s) => [s.pov.dominant, s.pov.character])).toEqual([
      ['second', 'Cass'],
      ['second', 'Cass'],
    ])
  })

  it('gives a narrator no name from a word said to someone in place of one (“Patience, Kid”)', () => {
    const text = [
      'I met Mags in a diner on the ring road. She was eating pie and reading the paper, and she did not look up when I sat down.',
      '"You\'re late," she said.',
      '"The bus was slow," I said.',
      'Ollie came in behind me with his hands in his pockets. He sat at the counter and ordered coffee.',
      '"Patience, Kid," Mags said to him. "We wait for Fen."',
    ].join('\n\n')
    expect(analyze(text).scenes[0]!.pov.character).toBeNull()
  })

  it('names each of two narrators taking turns where only one names the other in narration', () => {
    const text = [
      'I get to the bus stop before anyone else. Marcus is late again, and I watch the road for him.',
      '“Morning, Isla,” Mrs Reid says from her gate. “Cold one.”',
      '“It is,” I say.',
      '“Isla, you’ll freeze out here,” she says.',
      '* * *',
      'I run the whole way and the bus is still there. The girl from number nine is at the stop with her arms folded, and she looks at me like I have done it on purpose.',
      '“You’re a disgrace, Marcus,” Mr Reid says, but he is laughing.',
      '“I know,” I say.',
      '“Tuck your shirt in, Marcus.”',
      '* * *',
      'At lunch I sit on the wall and wait. Marcus comes out of the canteen with two apples.',
      '“One for you, Isla,” he says.',
      '“Thanks,” I say. Mrs Reid waves from the office window. “Isla, your mum rang,” she calls.',
      '* * *',
      'I give her the apple because I always do. She takes it and says nothing, and she eats it in four bites.',
      '“Marcus, you’re on the team sheet,” Mr Reid says, going past.',
      '“Great,” I say. “Thanks, sir.” He is gone before I can ask. “Marcus, you idiot,” I say to myself.',
    ].join('\n\n')
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Isla', 'Marcus', 'Isla', 'Marcus'])
  })

  it('gives the “you” of a second-person story none of the lines of an “I” who watches them', () => {
    const text = [
      'You get off the bus at the harbour. The rain has found its way inside your collar, and you do not care.',
      '"Isla, you\'re soaked," Tam says. "Go on home."',
      'You walk down to the sea wall. I am there already, waiting, though you have not seen me.',
      '"Wait," I say, but you do not hear me. You walk on.',
      '"Isla, your bag," Tam calls after you.',
    ].join('\n\n')
    const scene = analyze(text).scenes[0]!
    expect(scene.pov.character).toBe('Isla')
    expect(scene.dialogue.speakers.map((s) => s.name)).toEqual(['Tam', 'Tam', 'narrator', 'Tam'])
  })

  it('gives no “he said” to the first-person narrator, and names them by their given name where their surname is said as often', () => {
    const text = [
      'I started at the bakery on a Monday in November. The ovens were already hot when I got there, and the foreman was waiting by the flour bins with a clipboard.',
      '"You\'re late, Harker," he said.',
      '"The bus was slow," I said.',
      '"Then take an earlier bus, Harker," he said. "Trays are over there."',
      'Mina showed me where the aprons hung. She was my age and she talked the whole time she worked.',
      '"Don\'t mind him, Nell," she said. "He shouts at everybody."',
      '"I don\'t mind," I said.',
      '"You will by Friday, Nell."',
    ].join('\n\n')
    const scene = analyze(text).scenes[0]!
    // The foreman is never named: his lines are no one's we know, not the narrator's.
    expect(scene.dialogue.speakers.map((s) => s.name)).toEqual([null, 'Nell', null, null, 'Mina', 'Mina', 'Nell', 'Mina'])
    expect(scene.pov.character).toBe('Nell')
  })

  it('leaves a speech with no clue unknown', () => {
    expect(speakers('The rain came on.\n\n“Who’s there?”')[0]![1]).toBeNull()
  })
})

describe('months that are given names', () => {
  it('are no characters where they name the time ("in June", "June was hot")', () => {
    expect(castOf('In June the river rose. June was hot that year, and Petra swam every day. Petra said it was the best summer.')).toEqual(['Petra'])
  })

  it('are a character with a gender where the story says so, and one a scene can follow', () => {
    const text = "June carries the plates down to the dock. She sets them on the boards and she looks out at the water, and she thinks about the letter in her pocket.\n\nTheo is already there with the beer. He says something about the weather, and June laughs, though she did not hear it.\n\n“You’re quiet,” Theo says.\n\n“I know, Theo,” June says. She watches a heron lift off the far shore, and she wonders how long she can keep it from him."
    const r = analyze(text)
    expect(r.totals.characters.find((c) => c.name === 'June')?.gender).toBe('she')
    expect(r.scenes[0]!.pov.character).toBe('June')
  })
})

describe('the point-of-view character', () => {
  it('is the character third-person narration follows, of the gender of its he or she', () => {
    const text = 'Wren looked at Tamsin. Tamsin waved, and Tamsin called out, and Tamsin laughed. Wren did not wave back. She watched the boats. She counted them. She thought of home.'
    expect(analyze(text).scenes[0]!.pov.character).toBe('Wren')
  })

  it('is the one who perceives and thinks, though the men around her are more often “he”', () => {
    const text = [
      'Elin opened the café at seven. She lit the stove, and she set out the cups, and she wiped the counter until it shone. Her mother would be down soon. She hummed as she worked, and she counted the scones, and she found she had baked too many again. She put them in the window. She liked them there.',
      '* * *',
      'Elin watched the ferry come round the point. Rory was at the wheel, and he sounded the horn twice, the way he always did when he had news.',
      'Duncan came up the ramp with his briefcase over his head. He wore the same coat as in April. He smiled at the postman, and he nodded to Rory, and he shook the rain from his hat.',
      'Elin wondered why Duncan had come back. She noticed that his shoes were new. Rory tied off the rope, and he laughed at something Duncan said, and he waved.',
    ].join('\n\n')
    const scenes = analyze(text).scenes
    expect(scenes.map((s) => s.pov.character)).toEqual(['Elin', 'Elin'])
  })

  it('is not a man named beside a "she" who thinks and perceives: it is the she the story followed last, or no one', () => {
    const opening = 'Morag walked up from the harbour with the post. Morag knew every house on the hill, and Morag noticed at once that the Frasers had painted their door. She wondered who had chosen green.'
    // Only a man is named; the she whose eyes we see through is never named here.
    const unnamed = [
      'Ewan Baird was waiting at the gate, and he raised his cap. Ewan talked about the weather, and Ewan talked about the ferry, and Ewan talked about his sister in Oban.',
      'She noticed the mud on his boots. She wondered how long he had stood there. She could hear the gulls behind the church, and she saw that he had shaved badly.',
      'She thought of the letters in her bag, and she felt their weight, and she remembered the last time he had asked for one.',
    ].join('\n\n')
    expect(analyze(`${opening}\n\n* * *\n\n${unnamed}`).scenes.map((s) => s.pov.character)).toEqual(['Morag', 'Morag'])
    // With no she before it, the scene names no one rather than Ewan.
    expect(analyze(unnamed).scenes[0]!.pov.character).toBeNull()
  })

  it('is the sister whose head a scene is plainly in, though the work follows the other more', () => {
    // "She followed Noor in… she watched Noor": the she is not the Noor named beside her.
    const text = "Noor reached the bakery at six. She unlocked the door and stood in the dark for a moment, breathing flour and old smoke. She wondered whether she could really sell it. She thought of her father's hands on the dough, and she felt her throat close.\n\nYasmin came in at seven with the milk. Noor watched her set the crates down. She noticed that her sister had cut her hair.\n\n* * *\n\nBy ten the bread was out, and Yasmin had stopped shaking. She stood behind the counter in her father's apron and sold a loaf to the first customer.\n\nNoor sat at the table by the window with a notebook. Noor measured the counter, and Noor wrote something down, and Noor measured it again.\n\nShe followed Noor into the kitchen, because it was her kitchen, whatever the papers said. She stood in the doorway while Noor tapped the oven door, and she watched Noor not know the answer. She felt sorry for her, and then she felt angry.\n\nYasmin turned away. She could hear the traffic outside, and she wondered when it had all gone wrong."
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Noor', 'Yasmin'])
  })

  it('goes on with the man the story followed last where a scene opens on “he” before any name', () => {
    const text = "Tomasz arrived at the hotel in the rain. He listened to the piano in the lobby.\n\nHe knew at once that the A was flat. He wondered who had let it go so long.\n\nRafael Quintero came out of the office to meet him. Rafael shook his hand, and Rafael talked about the weather, and Rafael talked about the guests.\n\n* * *\n\nHe started the next morning, before the guests were up. He opened the lid and looked at the hammers, and he felt the old pleasure of a hard job.\n\nThrough the wall he could hear Rafael on the telephone, and then Rafael laughing, and then a door.\n\nHe thought about the flat A, and he noticed that his hands were steady."
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Tomasz', 'Tomasz'])
  })

  it('is the she a scene opens on before naming anyone, though the man beside her is named and perceives more', () => {
    const text = [
      'Maeve unlocked the studio before dawn. She looked at the clay on the wheel and wondered whether it had dried too far. She thought of the order for the hotel, forty bowls by Friday.',
      '* * *',
      'Jonah parked the van behind the studio. He noticed the light was already on, and he felt the old guilt at being late. He wondered what she would say.',
      '* * *',
      'On the train home she kept the receipt in her fist. Jonah sat across from her and talked about the hotel, and Jonah laughed, and Jonah counted the money twice. Jonah looked out at the fields and watched the rain coming.',
      'Jonah said the manager had liked the glaze. Jonah said they should ask for more next time.',
      'She watched him talk.',
    ].join('\n\n')
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Maeve', 'Jonah', 'Maeve'])
  })

  it('names a first-person narrator by what others call her in her chapters, though she acts by name in a detective’s', () => {
    const text = "Chapter 1\n\nI unlock the bakery at five, when the street is still blue. I light the ovens and I set the first dough to rise, and I listen to the pipes knock.\n\nOskar comes in through the back with the flour sacks. \"Morning, Edda,\" he says. \"Cold enough for you?\"\n\n\"Morning,\" I say. \"Put them by the door.\"\n\n\"You look tired, Edda. Did you sleep at all?\"\n\n\"Not much,\" I say. I do not tell him about the letter.\n\nChapter 2\n\nInspector Varga came to the bakery a little after noon. The baker was called Edda Lund, and she was younger than he had expected. He watched her wipe her hands on her apron. He noticed that she did not offer him bread.\n\nEdda Lund sat down across from him and folded the apron in her lap. \"I know why you're here,\" said Edda Lund.\n\nVarga wondered how much she knew. He thought of the letter in his pocket, and he felt the weight of it, and he decided to say nothing yet.\n\nChapter 3\n\nI close the shop early. I walk down to the river with the letter in my coat and I read it again under the lamp. I know every word of it by now."
    const r = analyze(text)
    expect(r.scenes.map((s) => [s.pov.dominant, s.pov.character])).toEqual([
      ['first', 'Edda'],
      ['third', 'Inspector Varga'],
      ['first', 'Edda'],
    ])
  })

  it('is the she the story follows next where it opens on a she it has not named yet', () => {
    // "She listens" opening a paragraph after Callum's is no vote that Callum is a she.
    const text = "The piano at the back of the bar is out of tune. She hears it before she is through the door, a flat A and a sticking hammer, and she wonders who has been playing it.\n\nCallum is behind the bar. Callum waves, and Callum pours her a coffee, and Callum talks about the landlord for ten minutes.\n\nShe listens to the rain on the skylight. She thinks about the hammer.\n\n* * *\n\nHana opens the lid at nine. She feels the old pleasure of a hard job, and she hears the A settle as she turns the pin.\n\nCallum brings her a second coffee. Callum leans on the piano.\n\nShe notices that his hands are shaking. She decides not to ask."
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Hana', 'Hana'])
  })

  it('is the one who knows, though an “as if” later in the sentence is another verb’s', () => {
    // "she knows it is Teodor …, because nobody else knocks as if he is sorry": the knowing is hers, not read from outside.
    const text = [
      'On Tuesday night Wenna is alone in the workshop when someone knocks at the door, and she knows it is Teodor before she opens it, because nobody else in the town knocks as if he is sorry for it.',
      'He is soaked through. His hair is flat on his forehead.',
      'Teodor looks at her over the towel, and he shivers, and he says nothing.',
      'Teodor watches the rain on the skylight. Teodor sighs.',
      'Wenna lets him in. She finds a towel and throws it to him.',
      'She wonders where his coat is, and she does not ask.',
      'She thinks of the third tuning, and of the harp in the corner.',
    ].join('\n\n')
    expect(analyze(text).scenes[0]!.pov.character).toBe('Wenna')
  })

  it('is the woman who thinks in more paragraphs of her scene than the story’s protagonist, of the same gender', () => {
    const text = [
      'Nora carried the oars down to the jetty. She thought the lake looked cold. Nora set the oars in the canoe, and Nora wondered whether her mother would come down at all. Nora decided not to wait.',
      'Nora pushed off. Nora felt the water take the hull, and Nora laughed.',
      '* * *',
      'Delia watched the canoe from the kitchen window. Delia knew it would be an hour.',
      'The radio was still on. Delia turned it off, and Delia rinsed the cups.',
      'Delia wondered when her daughter had stopped asking her along. She put the kettle on.',
      'Out on the water Nora looked back at the house once.',
    ].join('\n\n')
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Nora', 'Delia'])
  })

  it('is the she the story followed last where a scene names no one', () => {
    const text = 'Isla locked the shop at six. She counted the till twice, and she noticed a coin from somewhere far away.\n\n* * *\n\nShe didn\u2019t sleep. The room was too warm, and she heard the wind in the wires, and she thought about the coin until the sky went grey.'
    expect(analyze(text).scenes.map((s) => s.pov.character)).toEqual(['Isla', 'Isla'])
  })
})

describe('characters in the tables', () => {
  it('gives scenes.csv the characters present and the top speakers, and works.csv the POV character and top speakers', () => {
    const text = ['“Come in,” said Nell. Tom came in. “Thanks for asking me over,” Tom said.', '* * *', 'Nell walked home alone. “Nearly there,” Nell said.'].join('\n\n')
    const r = analyze(text)
    const f = sceneFigures(r, r.scenes[0]!)
    expect(f.characters.split('; ').sort()).toEqual(['Nell', 'Tom'])
    expect(f.topSpeakers).toBe('Tom 71%; Nell 29%')
    const { work } = rowsOf(r, 'x.txt', 'x')
    expect(work.topSpeakers).toBe('Tom 56%; Nell 44%')
    expect(SCENE_COLUMNS).toContain('topSpeakers')
    expect(WORK_COLUMNS).toContain('character')
    expect(topSpeakers([])).toBe('')
  })
})

describe('speaker scoring', () => {
  it('maps each of our characters to one gold entity, counts unknown as wrong, and reads explicit tags from the text', async () => {
    const { scoreSpeakers } = await import('../src/eval/speakers-eval.js')
    const text = ['The rain came on.', '“Who is there?” said Nell.', '“Only me,” Tom said.', '“Come in, then.”', '“Where?”'].join('\n\n')
    const quotes = [...text.matchAll(/“[^”]*”/g)].map((m) => [m.index!, m.index! + m[0].length] as [number, number])
    const gold = { id: 't', quotes, speakers: [{ name: 'Nell', entity: 0 }, { name: 'Tom', entity: 1 }, { name: 'Nell', entity: 0 }, { name: 'Tom', entity: 1 }] }
    const score = scoreSpeakers(text, analyze(text), gold)
    expect(score.quotes).toBe(4)
    expect(score.explicit).toBe(2)
    expect(score.explicitRight).toBe(2)
    expect(score.right).toBe(4)
    // Swap the gold of the last two: each of our names then has one vote for each entity, the
    // tie goes to the lower entity (Nell's), and two quotations are wrong.
    const swapped = scoreSpeakers(text, analyze(text), { ...gold, speakers: [gold.speakers[0]!, gold.speakers[1]!, gold.speakers[1]!, gold.speakers[0]!] })
    expect(swapped.right).toBe(2)
    expect(swapped.wrong.map((w) => w.ours)).toEqual(['Tom', 'Nell'])
  })
})

describe('whatever wink-nlp read before', () => {
  it('reads a possessive the same way, and keeps its “’s” in the sentence it ends', async () => {
    const { annotate } = await import('../src/annotate/index.js')
    const { structure } = await import('../src/structure/index.js')
    const { readSource } = await import('../src/ingest/index.js')
    const text = 'Quellbrook’s hat was on the peg, and she took Quellbrook’s coat too.\n\nShe ran all the way to Quellbrook’s'
    const first = analyze(text)
    // Once wink-nlp has seen "Quellbrook’s" before a comma it keeps it whole in every text after.
    analyze('They stayed at Quellbrook’s, of course. It rained at Quellbrook’s.')
    expect(analyze(text)).toEqual(first)
    const a = annotate(structure(readSource(Buffer.from(text), { path: 'x.txt' })))
    const sentences = a.scenes.flatMap((s) => s.sentences)
    expect(sentences.at(-1)!.endToken).toBe(a.tokens.start.length)
    expect(text.slice(a.tokens.start.at(-1)!, a.tokens.end.at(-1)!)).toBe('’s')
    for (let k = 1; k < sentences.length; k++) expect(sentences[k]!.firstToken).toBe(sentences[k - 1]!.endToken)
  })
})
