import { elisions, lowerCaseElisions, speechVerbs } from '../data/quotes.js'
import type { Diagnostic, Span } from '../types.js'

export type QuoteConvention = 'double' | 'single' | 'dash' | 'none'

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
const ENDS_SPEECH = /[.!?,…—–\-:;]$/u
const WORDS = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu
const DASH_START = /^[—―]|^--(?!-)/
const TAG = new RegExp(
  `[,.!?]\\s+((?:(?:he|she|they|I|we|you|it|[A-Z][\\p{L}'’\\-]*(?:\\s+[A-Z][\\p{L}'’\\-]*)?)\\s+(?:${speechVerbs})|(?:${speechVerbs})\\s+(?:he|she|they|I|we|you|[A-Z][\\p{L}'’\\-]*(?:\\s+[A-Z][\\p{L}'’\\-]*)?))\\b[^,.!?—]*)(?:[,.]|$)`,
  'gu',
)
/** Longest scare quote, in words ("the so-called ‘cure’"). */
const SCARE_MAX_WORDS = 4

const isWordStart = (text: string, i: number) => i === 0 || OPENING_CONTEXT.test(text[i - 1]!)

/**
 * Decide the document's quote convention: double quotes (curly or straight), single quotes
 * (British), or dash dialogue (speech paragraphs opening with an em dash), by counting the
 * marks that can open a speech. Apostrophes inside and at the start of words do not count.
 */
export function detectConvention(text: string, paragraphs: Span[]): QuoteConvention {
  let double = 0
  let single = 0
  let dash = 0
  for (const p of paragraphs) {
    const s = text.slice(p.start, p.end)
    if (DASH_START.test(s)) dash++
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!
      if (c === '“' || c === '"') double++
      else if ((c === '‘' || c === "'") && isWordStart(s, i) && LETTER.test(s[i + 1] ?? '') && !isElision(s, i)) single++
    }
  }
  if (dash >= 3 && dash * 2 > double) return 'dash'
  if (double === 0 && single === 0) return dash > 0 ? 'dash' : 'none'
  return single > double ? 'single' : 'double'
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
export function findDialogue(text: string, paragraphs: Span[]): DialogueResult {
  const convention = detectConvention(text, paragraphs)
  const spans: QuoteSpan[] = []
  const diagnostics: Diagnostic[] = []
  let speech = 0
  let continuing = false
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!
    const s = text.slice(p.start, p.end)
    if (convention === 'dash') {
      if (DASH_START.test(s)) for (const span of dashSpeech(s)) spans.push({ start: p.start + span.start, end: p.start + span.end, speech: speech++, kind: 'speech' })
      continue
    }
    if (convention === 'none') continue
    const marks = convention === 'double' ? doubleMarks(s) : singleMarks(s)
    let open = -1
    for (const m of marks) {
      if (m.open) {
        if (open >= 0) continue // an opening mark inside an open quote: keep the outer one
        open = m.at
      } else if (open >= 0) {
        const span = { start: p.start + open, end: p.start + m.at + 1 }
        const kind = !continuing && isScare(s, open, m.at) ? 'scare' : 'speech'
        spans.push({ ...span, speech: kind === 'speech' && continuing ? speech - 1 : speech++, kind })
        continuing = false
        open = -1
      }
    }
    if (open >= 0) {
      const next = paragraphs[k + 1]
      const goesOn = next !== undefined && opensWithQuote(text.slice(next.start, next.end), convention)
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
}

/** Double quote marks of a paragraph: curly ones by shape, straight ones by what surrounds them. */
function doubleMarks(s: string): Mark[] {
  const marks: Mark[] = []
  let open = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '“') {
      marks.push({ at: i, open: true })
      open = true
    } else if (c === '”') {
      marks.push({ at: i, open: false })
      open = false
    } else if (c === '"') {
      const opens: boolean = !open && (isWordStart(s, i) || !LETTER.test(s[i - 1] ?? ''))
      marks.push({ at: i, open: opens })
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
      candidates.push({ at: i, open: true, sure: true })
    } else if (before !== '' && !/\s/.test(before) && (after === '' || !letterAfter)) {
      candidates.push({ at: i, open: false, sure: !letterBefore })
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

function opensWithQuote(s: string, convention: QuoteConvention): boolean {
  const c = s.trimStart()[0]
  return convention === 'double' ? c === '“' || c === '"' : c === '‘' || c === "'"
}

/** A short quote inside a sentence, with no speech punctuation: a scare quote or a title. */
function isScare(s: string, open: number, close: number): boolean {
  const inner = s.slice(open + 1, close).trim()
  if ((inner.match(WORDS)?.length ?? 0) > SCARE_MAX_WORDS) return false
  if (ENDS_SPEECH.test(inner)) return false
  const before = s.slice(0, open).trimEnd()
  if (before === '' || /[.!?:…—–\-,]$/.test(before) || /["“”‘’']$/.test(before)) return false
  return LETTER.test(before[before.length - 1] ?? '')
}

/** The speech of a dash-dialogue paragraph: all of it but the dialogue tags. */
function dashSpeech(s: string): Span[] {
  const spans: Span[] = []
  let at = 0
  TAG.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TAG.exec(s)) !== null) {
    const tagStart = m.index + m[0].indexOf(m[1]!)
    spans.push({ start: at, end: tagStart })
    at = tagStart + m[1]!.length
    while (at < s.length && /[,.\s]/.test(s[at]!)) at++ // the tag's closing comma belongs to it
  }
  spans.push({ start: at, end: s.length })
  return spans.filter((x) => x.end > x.start && LETTER.test(s.slice(x.start, x.end)))
}
