import { baseForms, participleForms, pastForms, presentForms } from './verb-forms.generated.js'

/**
 * Verb forms for tense: compromise's lexicon and conjugations (generated), plus common
 * irregular verbs its lexicon lacks (from the standard table of English irregular verbs).
 */
const extraPast = ['lay', 'rose', 'arose', 'sprang', 'strode', 'wove', 'clung', 'flung', 'swung', 'crept', 'wept', 'leapt', 'knelt', 'dwelt', 'shook', 'woke', 'bit', 'hid', 'slid', 'lit', 'fled', 'bled', 'fed', 'led', 'sped', 'spun', 'stank', 'strove', 'trod', 'wound', 'forbade', 'froze', 'shone', 'smote']
/** Verbs whose simple past is their base form: past after he/she/it or a name, else unknown. */
const extraSame = ['set', 'cut', 'put', 'let', 'hit', 'shut', 'hurt', 'cost', 'spread', 'cast', 'burst', 'quit', 'read', 'bet', 'split', 'thrust', 'upset', 'shed', 'slit', 'rid']
const extraBase = ['lie', 'rise', 'arise', 'spring', 'stride', 'weave', 'cling', 'fling', 'swing', 'creep', 'weep', 'leap', 'kneel', 'dwell', 'shake', 'wake', 'bite', 'hide', 'slide', 'light', 'flee', 'bleed', 'feed', 'lead', 'speed', 'spin', 'wind', 'freeze', 'shine']

export const PAST: ReadonlySet<string> = new Set([...pastForms, ...extraPast, ...extraSame])
export const PRESENT: ReadonlySet<string> = new Set(presentForms)
export const BASE: ReadonlySet<string> = new Set([...baseForms, ...extraBase, ...extraSame])
export const PARTICIPLE: ReadonlySet<string> = new Set(participleForms)

/** Modal and future auxiliaries: neither past nor present narration. */
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'ought', "'ll", 'wo', 'ca', 'sha'])
/** Contracted auxiliaries that are present: 'm, 're, 've, 's (is/has). */
export const PRESENT_CLITICS: ReadonlySet<string> = new Set(["'m", "'re", "'ve", "'s"])
/** Subjects that take a base form in the present: I walk, you walk, we walk, they walk. */
export const NON_THIRD_SUBJECTS: ReadonlySet<string> = new Set(['i', 'you', 'we', 'they'])
/** Third-person singular subjects: "she put" is past, as the present would be "she puts". */
export const THIRD_SINGULAR_SUBJECTS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'who', 'that', 'which', 'one', 'nobody', 'everyone', 'someone', 'somebody', 'everybody', 'nothing', 'something', 'everything'])

/** Words after which a time cue makes a past sentence in present narration a legitimate flashback. */
export const FLASHBACK_CUES = /\b(?:remember(?:s|ed)?|recall(?:s|ed)?|ago|yesterday|last (?:night|week|year|time|summer|winter|spring|autumn)|once|used to|back then|when (?:she|he|they|I|we|you) (?:was|were)|years? before|that (?:day|night|morning)|earlier|before that|had been)\b/i
