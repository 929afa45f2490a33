import { elisions, lowerCaseElisions } from '../data/quotes.js'
import { DASH_START, dashSpeech, dashSpeechAlternating, EN_DASH_START } from './dash-dialogue.js'
import type { Diagnostic, Span } from '../types.js'
import { countWords } from './words.js'
import { isEnglish } from '../language/names.js'

/**
 * How a document marks speech: English double (“…”, "…") or single (‘…’) quotes; guillemets
 * (« … », and »…« as German and Danish books set them); low-high quotes („…“, „…”: German, Polish,
 * Czech…); corner brackets (「…」, 『…』: Japanese, Chinese); dash dialogue (a speech paragraph
 * opening with an em dash); or none found.
 */
export type QuoteConvention = 'double' | 'single' | 'guillemets' | 'low' | 'corner' | 'dash' | 'none'

/** A stretch of direct speech (quote marks included) or a scare quote. */
export interface QuoteSpan extends Span {
  /** Spans of one speech share an id (a speech may run over several paragraphs). */
  speech: number
  kind: 'speech' | 'scare'
}

export interface DialogueResult {
  convention: QuoteConvention
  spans: QuoteSpan[]
  diagnostics: Diagnostic[]
}

const LETTER = /[\p{L}\p{N}]/u
const OPENING_CONTEXT = /[\s([{\-–—"“‘'/:;]/u
const ENDS_SPEECH = /[.!?,…—–\-:;。！？、]$/u
const WORDS = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu
/** Longest scare quote, in words ("the so-called ‘cure’"). */
const SCARE_MAX_WORDS = 4

const isWordStart = (text: string, i: number) => i === 0 || OPENING_CONTEXT.test(text[i - 1]!)

/**
 * Decide the document's quote convention: double quotes (curly or straight), single quotes
 * (British), or dash dialogue (speech paragraphs opening with an em dash), by counting the
 * marks that can open a speech. Apostrophes inside and at the start of words do not count.
 */
export function detectConvention(text: string, paragraphs: Span[]): QuoteConvention {
  return conventionOf(countMarks(text, paragraphs))
}

function conventionOf(n: MarkCounts): QuoteConvention {
  if (n.dash >= 3 && n.dash * 2 > Math.max(n.double, n.guillemets, n.low, n.corner)) return 'dash'
  const best = quoteConvention(n)
  if (best === 'none') return n.dash > 0 ? 'dash' : 'none'
  return best
}

interface MarkCounts {
  double: number
  single: number
  guillemets: number
  low: number
  corner: number
  dash: number
  /** Paragraphs opening with an en dash and a space (dash dialogue in other languages than English). */
  enDash: number
}

/** Marks that can open a speech, by convention, and paragraphs opening with a dash. */
function countMarks(text: string, paragraphs: Span[]): MarkCounts {
  const n: MarkCounts = { double: 0, single: 0, guillemets: 0, low: 0, corner: 0, dash: 0, enDash: 0 }
  for (const p of paragraphs) {
    const s = text.slice(p.start, p.end)
    if (DASH_START.test(s)) n.dash++
    else if (EN_DASH_START.test(s)) n.enDash++
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!
      if (c === '“' || c === '"') n.double++
      else if (c === '«') n.guillemets++
      else if (c === '„') n.low++
      else if (c === '「' || c === '『') n.corner++
      else if ((c === '‘' || c === "'") && isWordStart(s, i) && LETTER.test(s[i + 1] ?? '') && !isElision(s, i)) n.single++
    }
  }
  // German „…“ closes with the mark English opens with: those closes are not openings.
  n.double = Math.max(0, n.double - n.low)
  return n
}

/** The quote convention with the most opening marks, or none; in a tie English double quotes first, guillemets (which also set off titles and names) last. */
function quoteConvention(n: MarkCounts): QuoteConvention {
  let best: QuoteConvention = 'none'
  let most = 0
  for (const k of ['double', 'single', 'low', 'corner', 'guillemets'] as const) {
    if (n[k] > most) [best, most] = [k, n[k]]
  }
  return best
}

function isElision(s: string, i: number): boolean {
  WORDS.lastIndex = i + 1
  const m = WORDS.exec(s)
  if (m === null || m.index !== i + 1) return false
  const word = m[0].split(/['’]/)[0]!
  return elisions.has(word.toLowerCase()) || (word === word.toLowerCase() && lowerCaseElisions.has(word))
}

/**
 * Find dialogue with a quote state machine over the paragraphs of the story. An unclosed quote
 * ends at its paragraph's end, unless the next paragraph opens with a quote mark (a speech of
 * several paragraphs), in which case the speech goes on. Short quotes inside a sentence with
 * no speech around them are scare quotes, kept apart.
 */
export function findDialogue(text: string, paragraphs: Span[], languages: string | null | readonly (string | null)[] = null): DialogueResult {
  const languageOf = (k: number) => (typeof languages === 'string' || languages === null ? languages : (languages[k] ?? null))
  const n = countMarks(text, paragraphs)
  // Paragraphs opening with an en dash are dash dialogue where the story is not all English.
  const other = typeof languages === 'string' ? !isEnglish(languages) : languages !== null && languages.some((l) => !isEnglish(l))
  if (other) n.dash += n.enDash
  const convention = conventionOf(n)
  const secondary = quoteConvention(n)
  // Guillemets pointing inward (»…«), wherever they are read.
  const reversed = n.guillemets > 0 && reversedGuillemets(text, paragraphs)
  const spans: QuoteSpan[] = []
  const diagnostics: Diagnostic[] = []
  let speech = 0
  let continuing = false
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!
    const s = text.slice(p.start, p.end)
    const language = languageOf(k)
    const english = isEnglish(language)
    // Dash dialogue in other languages quotes too (a sign, a letter, a word in «…»), outside its speech paragraphs.
    const quotes = convention === 'dash' ? (english ? 'none' : secondary) : convention
    const marks = quotes === 'none' || quotes === 'dash' ? [] : marksOf(s, quotes, reversed, n)
    // A paragraph opening with a dash is speech in dash dialogue, and in other languages than
    // English wherever it holds no quote mark (French and Russian books mix the two).
    const dashed = DASH_START.test(s) || (!english && EN_DASH_START.test(s))
    if (dashed && (convention === 'dash' || (!english && !continuing && marks.length === 0))) {
      for (const span of english ? dashSpeech(s) : dashSpeechAlternating(s, language!.startsWith('fr'))) spans.push({ start: p.start + span.start, end: p.start + span.end, speech: speech++, kind: 'speech' })
      continuing = false
      continue
    }
    if (marks.length === 0) {
      continuing = false
      continue
    }
    let open = -1
    let openKind = 0
    for (const m of marks) {
      if (m.open) {
        if (open >= 0) continue // an opening mark inside an open quote: keep the outer one
        open = m.at
        openKind = m.kind
      } else if (open >= 0 && m.kind === openKind) {
        const span = { start: p.start + open, end: p.start + m.at + 1 }
        const kind = !continuing && openKind !== CORNER && !(quotes === 'corner' && openKind === 0) && isScare(s, open, m.at) ? 'scare' : 'speech'
        spans.push({ ...span, speech: kind === 'speech' && continuing ? speech - 1 : speech++, kind })
        continuing = false
        open = -1
      }
    }
    if (open >= 0) {
      const next = paragraphs[k + 1]
      const goesOn = next !== undefined && opensWithQuote(text.slice(next.start, next.end), quotes, reversed)
      spans.push({ start: p.start + open, end: p.end, speech: continuing ? speech - 1 : speech++, kind: 'speech' })
      if (goesOn) {
        continuing = true
      } else {
        continuing = false
        diagnostics.push({ severity: 'info', code: 'unclosed-quote', message: 'A quotation opens and does not close in its paragraph; it is taken to end at the paragraph end.', start: p.start + open, end: p.end })
      }
    } else {
      continuing = false
    }
  }
  return { convention, spans, diagnostics }
}

interface Mark {
  at: number
  open: boolean
  /** Which pair the mark belongs to (「」 0, 『』 1): a close ends only a quote its pair opened. */
  kind: number
}

/**
 * The quote marks of a paragraph: the document's convention's, and corner brackets and
 * guillemets wherever the document has them (their shapes are quote marks in any convention),
 * and curly double quotes beside those (a Chinese story may set “…” in one paragraph and 「…」 in
 * the next).
 */
function marksOf(s: string, convention: QuoteConvention, reversed: boolean, n: MarkCounts): Mark[] {
  const own = conventionMarks(s, convention, reversed)
  const corner = convention !== 'corner' && n.corner > 0 ? pairedMarks(s, '「『', '」』', CORNER) : []
  const guillemets = convention !== 'guillemets' && n.guillemets > 0 ? pairedMarks(s, reversed ? '»' : '«', reversed ? '«' : '»', GUILLEMET) : []
  // Curly double quotes beside brackets or guillemets (“…” in one paragraph, 「…」 in the next).
  const double = (convention === 'corner' || convention === 'guillemets') && n.double > 0 ? pairedMarks(s, '“', '”', DOUBLE) : []
  if (corner.length === 0 && guillemets.length === 0 && double.length === 0) return own
  return [...own, ...corner, ...guillemets, ...double].sort((a, b) => a.at - b.at)
}

/** Kinds of the marks added to another convention's. */
const CORNER = 10
const GUILLEMET = 20
const DOUBLE = 30

function conventionMarks(s: string, convention: QuoteConvention, reversed: boolean): Mark[] {
  switch (convention) {
    case 'double':
      return doubleMarks(s)
    case 'single':
      return singleMarks(s)
    case 'guillemets':
      return pairedMarks(s, reversed ? '»' : '«', reversed ? '«' : '»')
    case 'low':
      return pairedMarks(s, '„', '“”')
    case 'corner':
      return pairedMarks(s, '「『', '」』')
    default:
      return []
  }
}

/**
 * Marks of a convention whose opening and closing marks differ in shape: `opens[k]` opens a
 * quote of kind k and `closes[k]` (or the only close) ends it.
 */
function pairedMarks(s: string, opens: string, closes: string, base = 0): Mark[] {
  const marks: Mark[] = []
  for (let i = 0; i < s.length; i++) {
    const o = opens.indexOf(s[i]!)
    if (o >= 0) {
      marks.push({ at: i, open: true, kind: base + (closes.length === opens.length ? o : 0) })
      continue
    }
    const c = closes.indexOf(s[i]!)
    if (c >= 0) marks.push({ at: i, open: false, kind: base + (closes.length === opens.length ? c : 0) })
  }
  return marks
}

/** Guillemets set »…« (German, Danish): most paragraphs with guillemets show » first. */
function reversedGuillemets(text: string, paragraphs: Span[]): boolean {
  let forward = 0
  let backward = 0
  for (const p of paragraphs) {
    const s = text.slice(p.start, p.end)
    const a = s.indexOf('«')
    const b = s.indexOf('»')
    if (a < 0 && b < 0) continue
    if (b < 0 || (a >= 0 && a < b)) forward++
    else backward++
  }
  return backward > forward
}

/** Double quote marks of a paragraph: curly ones by shape, straight ones by what surrounds them. */
function doubleMarks(s: string): Mark[] {
  const marks: Mark[] = []
  let open = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '“') {
      marks.push({ at: i, open: true, kind: 0 })
      open = true
    } else if (c === '”') {
      marks.push({ at: i, open: false, kind: 0 })
      open = false
    } else if (c === '"') {
      const opens: boolean = !open && (isWordStart(s, i) || !LETTER.test(s[i - 1] ?? ''))
      marks.push({ at: i, open: opens, kind: 0 })
      open = opens
    }
  }
  return marks
}

/**
 * Single quote marks of a paragraph. An apostrophe inside a word (can’t), before an elision
 * (’em, 'tis) or after a word when a surer closing mark follows (the dogs’ bowls, fishin’) is
 * not a quote mark.
 */
function singleMarks(s: string): Mark[] {
  const candidates: (Mark & { sure: boolean })[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c !== '‘' && c !== '’' && c !== "'") continue
    const before = s[i - 1] ?? ''
    const after = s[i + 1] ?? ''
    const letterBefore = LETTER.test(before)
    const letterAfter = LETTER.test(after)
    if (letterBefore && letterAfter) continue // can’t, o’clock
    if (!letterBefore && isWordStart(s, i) && after !== '' && !/\s/.test(after)) {
      if (c === '’' || isElision(s, i)) continue // ’em, 'tis
      candidates.push({ at: i, open: true, sure: true, kind: 0 })
    } else if (before !== '' && !/\s/.test(before) && (after === '' || !letterAfter)) {
      candidates.push({ at: i, open: false, sure: !letterBefore, kind: 0 })
    }
  }
  // A closing mark after a letter is only a quote mark when no surer close follows before the
  // next opening mark.
  return candidates.filter((m, j) => {
    if (m.open || m.sure) return true
    for (let k = j + 1; k < candidates.length; k++) {
      if (candidates[k]!.open) return true
      if (!candidates[k]!.open) return false
    }
    return true
  })
}

/** The marks that open a quote, by convention. */
const OPENERS: Partial<Record<QuoteConvention, string>> = { double: '“"', single: "‘'", guillemets: '«', low: '„', corner: '「『' }

function opensWithQuote(s: string, convention: QuoteConvention, reversed: boolean): boolean {
  const c = s.trimStart()[0]
  if (c === undefined) return false
  return (convention === 'guillemets' && reversed ? '»' : (OPENERS[convention] ?? '')).includes(c)
}

/** A short quote inside a sentence, with no speech punctuation: a scare quote or a title. */
function isScare(s: string, open: number, close: number): boolean {
  const inner = s.slice(open + 1, close).trim()
  if (countWords(inner) > SCARE_MAX_WORDS) return false
  if (ENDS_SPEECH.test(inner)) return false
  const before = s.slice(0, open).trimEnd()
  if (before === '' || /[.!?:…—–\-,]$/.test(before) || /["“”‘’']$/.test(before)) return false
  return LETTER.test(before[before.length - 1] ?? '')
}
