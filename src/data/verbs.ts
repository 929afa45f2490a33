import { baseForms, participleForms, pastForms, presentForms } from './verb-forms.generated.js'

/**
 * Verb forms for tense: compromise's lexicon and conjugations (generated), plus common
 * irregular verbs its lexicon lacks (from the standard table of English irregular verbs).
 */
const extraPast = ['lay', 'rose', 'arose', 'sprang', 'strode', 'wove', 'clung', 'flung', 'swung', 'crept', 'wept', 'leapt', 'knelt', 'dwelt', 'shook', 'woke', 'bit', 'hid', 'slid', 'lit', 'fled', 'bled', 'fed', 'led', 'sped', 'spun', 'stank', 'strove', 'trod', 'wound', 'forbade', 'froze', 'shone', 'smote']
/** Verbs whose simple past is their base form: past after he/she/it or a name, else unknown. */
const extraSame = ['set', 'cut', 'put', 'let', 'hit', 'shut', 'hurt', 'cost', 'spread', 'cast', 'burst', 'quit', 'read', 'bet', 'split', 'thrust', 'upset', 'shed', 'slit', 'rid']
const extraBase = ['lie', 'rise', 'arise', 'spring', 'stride', 'weave', 'cling', 'fling', 'swing', 'creep', 'weep', 'leap', 'kneel', 'dwell', 'shake', 'wake', 'bite', 'hide', 'slide', 'light', 'flee', 'bleed', 'feed', 'lead', 'speed', 'spin', 'wind', 'freeze', 'shine']

/**
 * The base forms of regular verbs, from their pasts: compromise's lexicon lists "walked" but not
 * "walk". Each reading of the -ed is kept ("hoped": hope; "stopped": stop; "carried": carry; "walked":
 * walk); a wrong one ("hop" from "hoped") is a verb too, or no word at all.
 */
function regularBases(pasts: readonly string[]): string[] {
  const out: string[] = []
  for (const w of pasts) {
    if (!w.endsWith('ed') || w.length < 5) continue
    const stem = w.slice(0, -2)
    if (w.endsWith('ied')) out.push(w.slice(0, -3) + 'y')
    else if (/([bdgklmnprt])\1$/.test(stem)) out.push(stem.slice(0, -1))
    else {
      out.push(stem)
      out.push(stem + 'e')
    }
  }
  // The lexicon has a few false pasts ("wented"): a base that is itself a past form is left out.
  const pastSet = new Set([...pasts, ...extraPast])
  return out.filter((b) => b.length >= 3 && !pastSet.has(b))
}

export const PAST: ReadonlySet<string> = new Set([...pastForms, ...extraPast, ...extraSame])
export const PRESENT: ReadonlySet<string> = new Set(presentForms)
export const BASE: ReadonlySet<string> = new Set([...baseForms, ...extraBase, ...extraSame, ...regularBases(pastForms)])
export const PARTICIPLE: ReadonlySet<string> = new Set(participleForms)

/** Modal and future auxiliaries: neither past nor present narration. */
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'ought', "'ll", 'wo', 'ca', 'sha'])
/** Contracted auxiliaries that are present: 'm, 're, 've, 's (is/has). */
export const PRESENT_CLITICS: ReadonlySet<string> = new Set(["'m", "'re", "'ve", "'s"])
/** Subjects that take a base form in the present: I walk, you walk, we walk, they walk. */
export const NON_THIRD_SUBJECTS: ReadonlySet<string> = new Set(['i', 'you', 'we', 'they'])
/** Third-person singular subjects: "she put" is past, as the present would be "she puts". */
export const THIRD_SINGULAR_SUBJECTS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'who', 'that', 'which', 'one', 'nobody', 'everyone', 'someone', 'somebody', 'everybody', 'nothing', 'something', 'everything'])

/**
 * A time anchor that makes a past sentence in present narration a legitimate look back: "years
 * ago", "before the war", "when he was a boy", "once", "used to", "since", memory verbs.
 */
export const FLASHBACK_CUES = /\b(?:remember(?:s|ed)?|recall(?:s|ed)?|ago|yesterday|last (?:night|week|month|year|time|summer|winter|spring|autumn)|once|used to|back (?:then|when|in)|when (?:she|he|they|I|we|you|[A-Z][a-z]+) (?:was|were)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|this (?:morning|afternoon)|earlier today|as a (?:child|boy|girl|kid|young (?:man|woman))|years? (?:before|earlier|later)|that (?:day|night|morning|evening|summer|winter)|earlier|before (?:that|then|the|his|her|their|my|our|its|a|an|he|she|they|I|we|it)|since|in those days|long before|at the time|the (?:first|last) time|had been|for (?:[a-z]+ )?(?:years|months|weeks|decades)|for a long time|(?:a|one|two|three|four|five|six|several|a few|\w+) (?:days?|weeks?|months?|years?) (?:later|after|before|earlier)|\b(?:in|of|since|by) (?:the )?(?:\w+ of )?(?:1[5-9]|20|21)\d\d\b|(?:that|it) was the (?:night|day|morning|evening|summer|winter|spring|autumn|year|week|moment|time)\b|(?:my|his|her|their|our|the) first (?:day|night|week|morning|evening|year|summer|winter|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b|(?:was|were) (?:only |just |barely |not yet )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|\d+)(?:-\w+)?(?: years old)?\b|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|a few|\d+) (?:\w+ )?(?:years|months|weeks|days|nights|summers|winters)|in (?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b|afterwards|at the (?:spring|summer|autumn|winter|Christmas|Easter) \w+|(?:was|were) always|always (?:was|were)|after (?:that|the|his|her|their|my|our|a|an)|childhood|as children|growing up|(?:the|that) year|in (?:his|her|their|my|our) youth)\b/i

/**
 * A present sentence in past narration that is the narrator's present or a general truth, not a
 * slip: "My name is Ruth", "I still don't know why", "Hospitals are never quiet", "There are
 * nights like that".
 */
export const NARRATOR_PRESENT = /^[“"‘']?(?:(?:I|We)(?:'m|’m| am| are|'re|’re)?\b.*\b(?:still|now|today|to this day|these days|ever since|never)\b|(?:I|We) (?:still |now |sometimes |often |never )?(?:know|think|believe|remember|wonder|suppose|guess|doubt|hope|wish|imagine|forget|miss|hate|love)\b|(?:I|We) (?:don't|do not|can't|cannot|won't) (?:know|think|remember|say|tell|forget|believe)\b|My name is\b|There (?:is|are)\b|It is (?:always|never|often|strange|funny|true|said)\b|(?:People|Nobody|No one|Anyone|Anybody|Everyone|Everybody|Most people|Some people)\b|[A-Z][a-z]+s (?:are|have|do|never|always|rarely|seldom)\b|.*\bI(?:'m|’m| am) (?:told|sure|afraid)\b)/

/** An echo of the clause before, whose tense it takes: "But so was the other", "Neither did he". */
export const ECHO = /^[“"‘']?(?:(?:but|and) )?(?:so|neither|nor) (?:was|were|did|had|is|are|does|has|do|have)\b|^[“"‘']?(?:(?:but|and) )?(?:he|she|they|it|I|we|you|[A-Z][a-z]+) (?:did|was|were|had|is|are|does|has|do|have)(?: not|n['’]t)?[.!]?["”’']?$/i
