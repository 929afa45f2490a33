import type { Counts } from './counts.js'
import { dialogue, thought, unmarkedThought } from './dialogue.js'
import { pov, FIRST_PER_1000, SECOND_PER_1000 } from './pov.js'
import { distribution, PARAGRAPH_BINS, SENTENCE_BINS, type Distribution } from './stats.js'
import { tense, MAX_SLIPS_PER_SCENE, PAST_FROM, PRESENT_UP_TO } from './tense.js'
import { EMBEDDED_MIN_PARAGRAPHS } from '../annotate/embedded.js'
import { UNMARKED_THOUGHT_MAX_WORDS } from '../annotate/thought.js'
import { embedded, EMBEDDED_LEADS } from './embedded.js'
import { MIN_VIEWPOINT_VERBS } from './head-hops.js'
import { characters } from './characters.js'

/** Words a minute of silent reading of fiction (Brysbaert 2019, Journal of Memory and Language). */
export const READING_WPM = 260

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)

/**
 * Every measure, with its definition. The JSON Schema and the README's table of measures are
 * drawn from these definitions, so a figure's meaning is stated in one place.
 */
export const measures = {
  words: {
    kind: 'count',
    definition:
      'Words of story text (front and end matter, headings, scene-break markers and author\'s notes left out). A word is a run of letters or digits, with apostrophes and hyphens inside it and combining marks after its letters: /[\\p{L}\\p{N}]+(?:[\'’\\-][\\p{L}\\p{N}]+)*/u; in scripts written without spaces, each Han, Hiragana, Katakana or Thai letter is a word by itself, as readers of those scripts and AO3 count them (Hangul, Cyrillic, Greek and Latin go by the rule above).',
    compute: (c: Counts): number => sum(c.paragraphWords),
  },
  sentences: {
    kind: 'count',
    definition: 'Sentences with at least one word, as wink-nlp\'s sentence boundary detection finds them within each paragraph (in a language other than English, the platform\'s Unicode sentence rules, Intl.Segmenter, which end sentences at .!? and 。！？ and know no abbreviations; quote marks and brackets set off by spaces stay with their sentence, and a sentence never opens in lower case: « Oui ! » dit-elle. is one); a paragraph end always ends a sentence.',
    compute: (c: Counts): number => c.sentenceWords.length,
  },
  paragraphs: {
    kind: 'count',
    definition: 'Paragraphs of story text: lines or blocks of lines as the document\'s own layout separates them.',
    compute: (c: Counts): number => c.paragraphWords.length,
  },
  readingMinutes: {
    english: true,
    kind: 'minutes',
    definition: `Reading time in minutes at ${READING_WPM} words a minute (the average silent reading rate of adults reading fiction in English, Brysbaert 2019), to one decimal.`,
    compute: (c: Counts): number => Math.round((sum(c.paragraphWords) / READING_WPM) * 10) / 10,
  },
  sentenceLength: {
    kind: 'distribution',
    definition:
      'Sentence length in words: count, mean, median, population standard deviation, min, max, 10th and 90th percentiles (linear interpolation between closest ranks), and a histogram in fixed bins (1-5, 6-10, 11-15, 16-20, 21-25, 26-30, 31-40, 41-50, 51+). Figures are null when there is no sentence.',
    compute: (c: Counts): Distribution => distribution(c.sentenceWords, SENTENCE_BINS),
  },
  paragraphLength: {
    kind: 'distribution',
    definition:
      'Paragraph length in words, summarised like sentence length, with bins 1-10, 11-25, 26-50, 51-100, 101-200, 201+.',
    compute: (c: Counts): Distribution => distribution(c.paragraphWords, PARAGRAPH_BINS),
  },
  dialogue: {
    kind: 'dialogue',
    definition:
      'Direct speech, found by a quote state machine (curly and straight double quotes; British single quotes, told from apostrophes; guillemets « » with or without inner spaces, and »…« as German books set them; low-high quotes „…“ and „…”; corner brackets 「…」 with 『…』 inside; corner brackets, guillemets and, beside them, curly double quotes count wherever a document uses them besides its own convention; speeches over several paragraphs; dash dialogue, where in a language other than English the narrator\'s words between dashes ("—¿Vienes? —preguntó ella—. Ya es tarde.") and a French inversion ("— Oui, dit-elle.") are not speech, and a paragraph opening with a dash is speech even in a document that quotes). share = words whose first character lies inside a speech ÷ words; words; speeches (a speech over several paragraphs counts once); meanSpeechWords = words ÷ speeches; scareQuotes = short quotes inside a sentence with no speech punctuation, counted apart and not as dialogue; spans = [start, end) of each speech, quote marks included; speakers = who said each span, parallel to spans (null where the span holds no English: speakers are found by English rules; a work\'s spans in a chapter in another language have {name: null, kind: null, confidence: 0}): {name (the character\'s name as in characters, null when unknown), kind, confidence}. Rule-based sieves, surest first: a speech tag naming the speaker in either order ("said Nell", "Nell said"; kind explicit, 0.95); a tag describing the speaker ("said the old man": explicit, 0.85, the description a character of its own); a tag with he, she or I (anaphoric: I is the narrator, 0.9; he or she the nearest character of that gender before it, in narration or as a speaker, else the scene\'s one character of that gender, 0.8); a tag that leads into the next speech ("“Hello.” Tom said, “Hi.”") is that speech\'s; the first subject of narration in the speech\'s paragraph (implicit: a name 0.7, a pronoun 0.6); in a conversation (turns at most two paragraphs apart), the character the previous turn said by name (0.6), else the other of the two who spoke last (0.55), or the other of the two who speak next (0.5); and in a conversation of two people, the one the nearest known turn\'s speaker is not an odd number of turns away, theirs an even number (0.5). A speaker found by a pronoun, the paragraph or the conversation is never someone the speech itself addresses by name. The spans of one turn (a paragraph\'s speech, a quotation interrupted by its tag, a speech over several paragraphs) share one speaker.',
    compute: dialogue,
  },
  thought: {
    english: true,
    kind: 'thought',
    definition:
      'Interior thought: italic runs in narration (outside dialogue) that are a whole sentence or more, or a clause of three words or more that ends at punctuation and either opens a sentence ("*I should go,* she thought.") or follows a comma, colon or dash with a capital ("and I think, *This is how I die.*"); a word or phrase in italics inside a sentence is emphasis and is left out. share = thought words ÷ words; words; spans = [start, end) of each run. null for formats without italics (plain text), where thought cannot be told from narration.',
    compute: thought,
  },
  unmarkedThought: {
    english: true,
    kind: 'unmarkedThought',
    definition: `Unmarked thought: a character's direct thought written as plain narration, with no italics or quotes, in any format. A sentence of narration (no dialogue in it) of ${UNMARKED_THOUGHT_MAX_WORDS} words or fewer is thought when it is in the first or second person, in the present or as a question or exclamation ("I can't do this.", "Why did I say that?", "You idiot."), inside a scene whose other narration is third person; or a command ("Breathe.", "Don't look at him.") or a verbless exclamation in a first- or third-person scene; or a question in the present ("Why is he smiling like that?") in a scene told in the past, or in a third-person past scene any present sentence of 7 words or fewer with no he, she or name ("Of course it is.", "They always do."); and in a first- or third-person scene, a paragraph of such short sentences with thought among them is all thought ("Stop it. Not now."), save a sentence with he, she or a name at its start, or a first-person narrator's own "I". Free indirect thought in the third person stays narration. Thought counts toward neither point of view nor tense, and is no tense slip. share = thought words ÷ words; words; spans = [start, end) of each sentence.`,
    compute: unmarkedThought,
  },
  characters: {
    english: true,
    kind: 'characters',
    definition:
      'Characters: the names the story uses as people\'s, found on wink-nlp\'s proper-noun tags (runs of up to three capitalised name words, with a title such as Mrs or Dr before them); a capitalised word it tags a verb or a noun is a proper noun where the story never writes it in lower case nor after a determiner ("the", "every"), and has it inside a sentence and before a verb twice each ("Hatch had the engine in pieces… Cass decided that Hatch was not unfriendly"). A name is a person\'s where the text shows it: a title, the subject of a verb in narration, said to someone in speech (not a name a speech broken by its tag goes on to be about: "“Corwen,” he said slowly, “is still on.”"), or named in a speech tag; one mostly after a determiner ("the Crown") is a thing\'s, and one after prepositions of place ("in Harwich", "to Netherfield") or a place\'s noun and "of" ("the church of San Vidal") a place\'s unless the story also tags it, says it to someone, titles it or gives it a gender, and as a person at least half as often (one only ever a subject, more often a subject than a place); one only ever said to that is also used as a place or thing ("Kellsport, Tidewater." over the radio, "the Kellsport lifeboat") is a station; a capitalised word the story also writes in lower case needs a speech tag, and a plural capitalised only at sentence starts is a word. Forms are grouped by alias: a bare given name or surname joins the one fuller name holding it ("Darcy" → "Mr Darcy"), a titled name its untitled form, a short name said to someone and named only in speech the one given name it starts or ends, three letters at least ("Dag" → "Dagny", "Teo" → "Mateo"; the longest first, so a name itself only said in speech takes its nicknames: "Bea" → "Beatrice"); two titles of one surname are two people ("Mr Bennet", "Mrs Bennet"). The first-person narrator is a character ("narrator" where the story never names them) once a speech is theirs; in a first-person story a name said once after a comma ("You came, Pip") is a character, and the narrator\'s own name ("My name is…") or their speaking to themself ("Don\'t you dare stop, Cassie.") is evidence enough. Per span, each character mentioned or speaking: name (the form used most), aliases, gender (from titles, else the story\'s he/she votes for the name, with a given name compromise knows as a woman\'s or a man\'s counting one and a half votes: "Delia", "Tomasz"), mentions (anywhere, speech included), speeches and dialogueWords attributed to them (see dialogue.speakers), dialogueShare = their dialogue words ÷ the span\'s, present (they speak, or act as the subject of a verb in narration), scenes they are present in, firstScene and lastScene (indexes, null when never present). Present characters first, then by speeches and mentions.',
    compute: characters,
  },
  povShifts: {
    english: true,
    kind: 'povShifts',
    definition: `Point-of-view shifts (head-hopping) in third-person scenes: a paragraph whose verbs of passing thought and feeling in narration ("wondered", "felt", "hoped", "realised", "decided"…, or a feeling told with was: "Amos was frightened"; the first of each sentence, its thinker) all belong to another character than the scene's viewpoint character. A verb belongs to its subject: a name (a phrase set off by commas may come between; not a verb's object, "she watched Noor not know the answer", nor a name after a preposition, "which for Quill meant"), or he/she; a verb joined to an earlier one by and, then or but has that one's subject ("Thornquist lifted the case, and straightened, and looked at her"). For a shift, he or she is the viewpoint character where the gender the story gives that name matches or is not known (unless another name of that gender was a subject earlier in the paragraph: then it could be either, and does not count), else the name of that gender that was a subject (or opened a sentence with a verb after it: "Harold, for his part, had…"; or a possessor: "Eddie's hand is on the towel. He doesn't remember…"; a name alone, "Gerald Prager.", is none) last; for finding the viewpoint, the name of that gender that was a subject earlier in the paragraph, else last (in the scene, or the character of that gender the story followed last: "He started the next morning"), else the viewpoint character. He or she is never a name of that gender the same sentence holds, save one opening it ("She followed Noor in", but "Noor said she…"); a sentence whose first person is he or she keeps them one referent to its end and into the next ("She stood there while Noor tapped the oven, and she watched… She felt sorry for her."). A name's gender is voted over the whole story: a title before it (Mrs, Mr), the possessive or reflexive after its verb, up to another name ("Nell wiped her hands"; not "Gabe thought about Halloran in her office"), the he or she opening the next sentence in its paragraph where the sentence before held no other of that gender, the only gender in its sentence (an object, him or her, is someone else, as is her after see, watch, hear, let, make, help or feel: "had seen her change jackets"), and a given name compromise knows as a woman's or a man's (one and a half votes). Verbs of knowing, wanting and liking ("Sol hates that") are as often a trait the viewpoint knows and are no shift; nor is a verb after a modal ("he must have known"; "could" before a verb of feeling or perceiving is what they feel: "he could feel it in his throat"), a perfect ("she had decided", "he has known her for years") or "as if"/"seemed" (a face read from outside), nor a verb of thinking or perceiving that "as if" or "as though" follows with no other verb between ("she looked at it for a long time, as if checking it for errors": someone watched; but "she knows it is Callum, because nobody else knocks as if…" is her knowing). The viewpoint character is the one who thinks, feels and perceives (saw, heard, watched…) in the most paragraphs, the name narration follows most starting one ahead, with ${MIN_VIEWPOINT_VERBS} at least; the other must be in fewer. confidence: 0.7 where the other character is named, 0.55 through a pronoun, 0.1 more for each further verb, at most 0.95; from, to, verbs, message. Chapters and the work list their scenes' shifts.`,
    compute: (c: Counts) => c.povShifts,
  },
  embedded: {
    english: true,
    kind: 'embedded',
    definition: `Embedded narratives: a speech that runs over ${EMBEDDED_MIN_PARAGRAPHS} paragraphs or more and holds at least half its scene's words, a character telling a story (a tale told by the fire, a life told for a whole chapter). Its words still count as dialogue. Its own narration, outside the quotations inside it, gives its point of view and tense (as narration's do); where a scene's, chapter's or the work's stories have narration is at least ${EMBEDDED_LEADS} times the span's own (a chapter that is one told story, a scene with a line or two of frame), they give its point of view and tense, pov.embedded and tense.embedded are true, and pov.character is the teller. speaker: the name nearest before the speech in the narration (a title with it: "Mother Rook"), else the first after it, else null. Chapters and the work list their scenes' narratives.`,
    compute: embedded,
  },
  tense: {
    english: true,
    kind: 'tense',
    definition: `Tense of narration: finite verb groups outside dialogue, judged by the verb that carries tense ("had gone" past, "has gone" present; modals and the future apart), from wink-nlp's POS and compromise's verb forms. pastShare = past ÷ (past + present); dominant is past at ${PAST_FROM} or more, present at ${PRESENT_UP_TO} or less, else mixed (null without finite verbs); where that is mixed, it is the one tense that holds once the sentences stepping out of it are set aside (all-past sentences that look back: a time anchor, a past perfect, a guess, a future beside them; all-present ones that are the narrator's present or a general truth). slips: narration sentences whose verbs all go against their scene's dominant tense, with a confidence; a past form after a determiner or possessive ("his spent arrows") or completing an absolute phrase ("her eyes fluttering closed") is no finite verb; in present narration a look back halves it (a time anchor such as "years ago", "before the war", "since", "used to"; a past perfect; a subjectless fragment, a bare noun with its participle ("Light exhibited at sunset."), a noun phrase with only a relative clause's verbs; a run of back-story after one; a paragraph told mostly in the past; a year, an age, a span, a month, a weekday, "a week later", "that was the night"; verbs that only report what was said or thought (not a speech tag); a future or "would" beside the past; a question; verbs of state, not action: "I was worried", "he didn't call", unless told with "now"), and an echo ("But so was the other") is none; unmarked thought is set apart first (see unmarkedThought) and a told story (see embedded) lists none; in past narration a question, a short first- or second-person sentence in a third-person scene, the narrator's present ("I still don't know why", "My name is", "I'm told"), a perfect ("has been rebuilt since"), a generic "you", a kind ("A princess learns…", a bare plural opener) or a general truth ("There are nights like that"), verbs of state ("He is wrong about that"), or a paragraph told mostly in the present lowers it; a sentence in both tenses slips where a verb in the other tense shares its subject with one in the scene's ("takes out a card and slid it"), at 0.5; an elliptical answer ("She did.") is none; each slip names its verbs, its reason and a message, and is shown (counted, and listed on the page) from 0.5, listed from 0.2; at most ${MAX_SLIPS_PER_SCENE} a scene, those of 0.5 or more; chapters and the work list their scenes' slips.`,
    compute: tense,
  },
  pov: {
    english: true,
    kind: 'pov',
    definition: `Point of view of narration: personal pronouns outside dialogue by person (first = I/me/my/mine/myself; firstPlural = we/us/our…; second = you/your…; third = he/she/they and their forms; "my lady", "my lord" and other titles not counted). dominant: second when you/your reach ${SECOND_PER_1000} per 1,000 narration words, are half as many again as I/me/my (an "I" telling a scene to a "you" beside them says one about as often as the other) and are at least half as many as he/she/they (a third-person scene's generic "you" is a minority); a scene read as second person in a story with more first-person scenes than second-person ones is first person where its I/me/my and we/us/our reach the first-person rate (the narrator telling a scene to a "you" beside them); else first when I/me/my and we/us/our together reach ${FIRST_PER_1000} per 1,000 (a first-person narrator speaks of others constantly, so the most frequent person does not decide); else third. character: in third person chosen over the whole story, scene by scene, by the viewpoint scorer: each character the scene mentions, and the one of each gender chosen for the scenes before (carried), is scored by a weighted sum of what the scene and the story show of them: the paragraphs they think, feel or perceive in (see povShifts; log count and share of the scene's), and those they think or feel in (log count), being the scene's viewpoint there, their gender against the gender whose thinking is plain and against narration's he/she majority (one outnumbering the other 1.5 times), their naming in narration (log counts of narration mentions, subjects and all mentions; against the most-named; the most-named; the first mentioned), their share of the story's thinking and perceiving paragraphs and of its naming, being carried, being the viewpoint of the third-person scene before last where the last was someone else's and being named in this one (two taking turns), their speeches, being unnamed in the scene, having no known gender, their paragraphs where their gender is the plain one, their gender against a he or she the scene's narration opens with before naming anyone (in its first three sentences), and the scene's first sentence opening on them as a verb's subject; the weights are fitted by scripts/train-viewpoint.mjs (a conditional logit) to the labelled scenes of test/fixtures/viewpoints and corpus/. Where the thinking and perceiving is plainly one gender's (paragraphs with such verbs whose subject is a she, or a name of hers, at least 2, twice and two more than a he's, or the reverse), only characters of that gender are candidates (a "she" among named men is none of them); a scene left with no candidate follows the one of its gender the story follows next (a story opening on a she it names later), else null; in first person the narrator's name where the story gives it: the name narration gives them ("My name is…", "she called me…", not where it denies it), or says to them at the end of a command ("Don\'t you dare stop, Cassie."), or others call them by most (a name said to them once after a comma is enough: "You came, Pip") in speech that is not the narrator's (twice as much next to the narrator's own lines), never a relation ("Tata", "Mum") or a name said with a relation's title ("Aunt Carol"), a character a tag names as speaking, or one named in narration twice or acting by name there half as often as others call them by it (a notebook read out, "Claire got her promotion", does not outweigh three people calling her Claire); one call alone names only a name known as a given name, given a gender, said in full or said after a comma (not a speech of one word: "Breakfast?"); of two names called as often, the one known as a given name ("Nell", not the surname "Harker" a supervisor uses), else null; called most by a title and surname ("Miss Vance") and by one given name of that gender too ("Nora"), the given name, the titled one joining it (read in the scenes not told in the third person: a first-person narrator may act and speak by name in another's third-person chapters, and is then not whom those chapters follow); where narrators take turns (two names at least, each found by its own scenes' evidence alone as the narrator of two scenes at least, each named in narration of the other's), each scene has its own; in second person the "you" the story is told to, named the same way ("What\'s your name?" “Isla.”), else null. A told story's teller where embedded is true.`,
    compute: pov,
  },
} as const

export type MeasureName = keyof typeof measures
/** A measure's value: null for one made by English rules where the span holds no English. */
export type Measures = { [K in MeasureName]: (typeof measures)[K] extends { english: true } ? ReturnType<(typeof measures)[K]['compute']> | null : ReturnType<(typeof measures)[K]['compute']> }

/** Whether a measure is made by English rules (null where the span is in another language). */
export const isEnglishOnly = (name: MeasureName): boolean => 'english' in measures[name]

/**
 * Run every registered measure over the counts. A measure made by English rules is null where
 * none of the span is English; reading time, whose rate is English readers', wherever any of it
 * is in another language.
 */
export function measureAll(c: Counts): Measures {
  const out = {} as Record<string, unknown>
  for (const [name, m] of Object.entries(measures)) {
    const off = isEnglishOnly(name as MeasureName) && (!c.english || (name === 'readingMinutes' && c.otherWords > 0))
    out[name] = off ? null : m.compute(c)
  }
  return out as Measures
}
