// Speech tags as written: the name, pronoun or description that a tag beside a quotation gives
// its speaker ("said Nell", "Nell said", "she asked", "said the old man"), after the quotation or
// leading into it; and the turns of speech they belong to. Who that is, the speaker sieves
// decide (speakers.ts).
import { speechVerbs, tagVerbs } from '../data/quotes.js'
import type { Span } from '../types.js'
import type { QuoteSpan } from './dialogue.js'
import { TITLE_WORDS, type Gender } from './genders.js'

const VERB_RE = `(?:${speechVerbs}|${tagVerbs})`
const NAME_RE = `((?:(?:${TITLE_WORDS})\\.?\\s+)?\\p{Lu}[\\p{Ll}'’\\-]*\\p{Ll}(?:\\s+\\p{Lu}[\\p{L}'’\\-]*){0,2})`
const PRON_RE = '(he|she|I|He|She)'
const ADV_RE = '(?:\\p{L}+ly\\s+)?'
const STOP = '(?:to|as|with|and|who|whom|from|in|at|by|for|then|but|before|after|while|when|of|on|into|without|again|once|presently|now|the|a|an|his|her|their|its|that|this)'
const DESC_WORD = `(?!${STOP}\\b)[\\p{Ll}][\\p{Ll}\\-’']*`
/** The last word of a description is its noun, not an adverb or a participle after it ("the old man angrily", "a woman standing by"). */
const DESC_LAST = `(?!${STOP}\\b)(?![\\p{Ll}\\-’']{3,}(?:ly|ing)\\b)[\\p{Ll}][\\p{Ll}\\-’']*`
/** A speaker described, not named: "the old man", "a young wife", "his mother". */
const DESC_RE = `((?:the|a|an|his|her|their|my|our|your|another)\\s+(?:${DESC_WORD}\\s+){0,3}${DESC_LAST})`
const DESC_CAP_RE = `((?:The|A|An|His|Her|Their|My|Our|Your|Another)\\s+(?:${DESC_WORD}\\s+){0,3}${DESC_LAST})`
/** A tag just after a closing quote mark: “…,” Nell said / said Nell / she asked. */
const TAG_AFTER = new RegExp(`^[\\s,;]*(?:[—–-]+\\s*)?(?:(?:${NAME_RE}|${PRON_RE})\\s+${ADV_RE}${VERB_RE}\\b|${VERB_RE}\\s+(?:${NAME_RE}|${PRON_RE})(?![\\p{L}])|${VERB_RE}\\s+${DESC_RE}(?![\\p{L}])|${DESC_CAP_RE}\\s+${ADV_RE}${VERB_RE}\\b)`, 'u')
/** A tag just before an opening quote mark: Nell said, “…” / said Nell: “…”. */
const TAG_BEFORE = new RegExp(`(?:^|[\\s,.;—])(?:(?:${NAME_RE}|${PRON_RE})\\s+${ADV_RE}${VERB_RE}|${VERB_RE}\\s+(?:${NAME_RE}|${PRON_RE})|${VERB_RE}\\s+${DESC_RE}|${DESC_CAP_RE}\\s+${ADV_RE}${VERB_RE})(?:\\s+\\p{L}+ly)?(?:\\s+to\\s+\\p{L}+)?\\s*[,:—–-]?\\s*$`, 'u')

const DESCRIPTION = /^(?:The|A|An|His|Her|Their|Its|My|Our|Your|This|That|These|Those|One|Some|Another|Each|Every|Everyone|Someone|Somebody|Nobody|No|Then|And|But|So|Now|At|Finally|Still)$/

/** A speech tag's speaker as written: a name's form, or a pronoun. */
export type Tag = { form: string } | { pronoun: Gender | 'I' } | { description: string }

function tagOf(m: RegExpExecArray): Tag | null {
  const name = m[1] ?? m[3]
  const pronoun = m[2] ?? m[4]
  const description = m[5] ?? m[6]
  if (description) return { description: description.toLowerCase().replace(/^(?:a|an)\s/, 'the ').replace(/\s+/g, ' ') }
  // "said the old man", "The girl asked": a description, no name.
  if (name) {
    const words = normalForm(name).split(' ')
    while (words.length > 0 && DESCRIPTION.test(words[0]!)) words.shift()
    return words.length ? { form: words.join(' ') } : null
  }
  if (!pronoun) return null
  const p = pronoun.toLowerCase()
  return p === 'i' ? { pronoun: 'I' } : { pronoun: p as Gender }
}

const normalForm = (name: string) => name.replace(/\.(?=\s)/g, '').replace(/\s+/g, ' ').trim()

/** The speech tag after a closing quote mark, in the text that follows it up to the next speech or the paragraph end. */
export function tagAfter(gap: string): Tag | null {
  const head = gap.slice(0, 120)
  // The regular expression is long: run it only where a verb of speech is among the first words.
  if (!hasSpeechVerb(head.slice(0, 70).toLowerCase().split(NOT_LETTERS, 9))) return null
  const m = TAG_AFTER.exec(head)
  return m ? tagOf(m) : null
}

/** Every verb of speech of the tags, by its first word ("went" of "went on"). */
const SPEECH_VERB_WORDS = new Set(VERB_RE.slice(3, -1).split('|').map((v) => v.split(' ')[0]!))
const NOT_LETTERS = /[^a-z]+/
/** A verb of speech as tags use it ("said", "asked", "whispered"), in lower case. */
export const isSpeechVerb = (w: string): boolean => SPEECH_VERB_WORDS.has(w)
const hasSpeechVerb = (words: readonly string[]): boolean => words.some(isSpeechVerb)

/** The speech tag before an opening quote mark, at the end of the narration before it. */
export function tagBefore(narration: string): Tag | null {
  const tail = narration.slice(-120)
  if (!hasSpeechVerb(tail.slice(-80).toLowerCase().split(NOT_LETTERS).slice(-9))) return null
  const m = TAG_BEFORE.exec(tail)
  return m ? tagOf(m) : null
}

/** How a speaker was found: a tag naming or describing them, a tag's pronoun, or the text around the speech. */
export type SpeakerKind = 'explicit' | 'anaphoric' | 'implicit'

/** One turn of speech: the speech spans of one paragraph (or of one speech over several), in the scene's order. */
export interface Turn {
  spans: number[]
  paragraph: number
  start: number
  end: number
  tag: Tag | null
  /** Where the tag is (for resolving its pronoun): just after the turn's first span, or before it. */
  tagAt: number
  /** Characters named as said to (vocatives) inside the turn. */
  addressed: number[]
  /** The gender its tag's pronoun gives the speaker, where the pronoun found no one. */
  want: Gender | null
  speaker: number | null
  kind: SpeakerKind | null
  confidence: number
}

/** A scene's turns of speech, with their tags as written (see `attributeSpeakers`). */
export type Turns = readonly Turn[]

/** The speech tags of a scene's turns, as written, for counting names as speakers before the cast is known. */
export function sceneTags(turns: Turns): { form: string }[] {
  const out: { form: string }[] = []
  for (const turn of turns) if (turn.tag && 'form' in turn.tag) out.push(turn.tag)
  return out
}

/** Group a scene's speech spans into turns and read each turn's tag. */
export function turnsOf(text: string, paragraphs: readonly Span[], speech: readonly QuoteSpan[]): Turns {
  const turns: Turn[] = []
  let p = 0
  let lastTag: Tag | null = null
  /** A lead-in found in the gap after the previous span: the tag of the span that follows it. */
  let leadIn: Tag | null = null
  for (let i = 0; i < speech.length; i++) {
    const q = speech[i]!
    const prevParagraph = p
    while (p < paragraphs.length - 1 && paragraphs[p]!.end <= q.start) p++
    const para = paragraphs[p]!
    const prev = speech[i - 1]
    // A tag before the speech: the paragraph's narration before its first speech ("Nell said, “…”"),
    // or the lead-in the gap after the previous speech ended with.
    const firstInParagraph = i === 0 || p !== prevParagraph || prev!.start < para.start
    let before: Tag | null = leadIn
    leadIn = null
    if (firstInParagraph && !(prev && prev.speech === q.speech)) {
      const from = Math.max(para.start, q.start - 200)
      if (q.start > from) before = tagBefore(text.slice(from, q.start))
    }
    // The tag after the speech, in the text up to the next speech or the paragraph end; where that
    // text follows a finished sentence and leads into the next speech ("“Hello.” Tom said, “Hi.”"),
    // it is the next speech's tag.
    const next = speech[i + 1]
    const gapEnd = next && next.start < para.end ? next.start : para.end
    const gap = q.end < gapEnd ? text.slice(q.end, gapEnd) : ''
    let after: Tag | null = null
    if (gap && next && gapEnd === next.start && /[,:—]\s*$/.test(gap) && /[.!?…][”"’']*$/.test(text.slice(q.start, q.end))) leadIn = tagBefore(gap)
    // ("'Edith!' said Margaret, gently, 'Edith!'" leads into nothing: its tag is the speech's before it.)
    if (gap && !leadIn) after = tagAfter(gap)
    const last = turns[turns.length - 1]
    const tag = before ?? after
    // One paragraph's speech is one turn, unless a tag in it names another speaker (“…,” said he.
    // “…?” continued Montraville), or a new tag leads into it.
    const joins = last && (last.paragraph === p || (prev && prev.speech === q.speech)) && !before && !(after && lastTag && !sameTag(after, lastTag))
    if (joins) {
      last.spans.push(i)
      last.end = q.end
      last.paragraph = p
      if (after && !last.tag) [last.tag, last.tagAt] = [after, q.end]
    } else {
      turns.push({ spans: [i], paragraph: p, start: q.start, end: q.end, tag, tagAt: before ? q.start : q.end, addressed: [], want: null, speaker: null, kind: null, confidence: 0 })
    }
    if (tag) lastTag = tag
    else if (!joins) lastTag = null
  }
  return turns
}

const sameTag = (a: Tag, b: Tag) => JSON.stringify(a) === JSON.stringify(b)
