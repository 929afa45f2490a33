import type { Manuscript, Span } from '../types.js'
import { englishShare, guess, letters, MIN_SAMPLE_LETTERS, sampleOf, type Guess } from './detect.js'
import { codeOfLanguage, isEnglish, languageName } from './names.js'

export { codeOfLanguage, isEnglish, languageName } from './names.js'

/** Where a work's language was learnt: what the document states, or the text itself. */
export type LanguageSource = 'metadata' | 'detected'

/**
 * Languages a chapter is weighed against besides the work's own and its runners-up: those of
 * most works on AO3 (ISO 639-3, as franc names them). Narrowing the candidates keeps a chapter's
 * check a few times cheaper than the work's.
 */
const COMMON = ['eng', 'cmn', 'spa', 'fra', 'deu', 'rus', 'jpn', 'kor', 'por', 'ita', 'pol', 'nld', 'ind', 'vie', 'tur', 'swe', 'ukr', 'ces', 'hun', 'ron', 'tha', 'ell', 'heb', 'arb']

/**
 * A chapter is told to be in another language than the work's only with a margin this clear:
 * a short English chapter heavy with names can lean toward a neighbour by less.
 */
const CHAPTER_MARGIN = 0.02

/** The fewest characters of a chapter checked on its own; a shorter one takes the work's language. */
const CHAPTER_MIN_CHARS = 400

/**
 * Find the work's language and each chapter's, after structure and before annotation (which
 * reads English text with English rules only). The work's language is what its metadata states
 * (AO3's Language, an EPUB's dc:language, YAML's lang or language), else what a sample of its
 * text shows, a hint its format carries (an HTML lang, a word processor's default language)
 * kept where the text agrees with it. Each chapter of several (and the one chapter of a work
 * whose language is stated) is checked on its own sample and takes another language only where
 * the text plainly shows one. Sets `meta.languageCode`,
 * `meta.languageSource` and each chapter's `language`; a work or chapter not in English gets a
 * `language-not-supported` diagnostic.
 */
export function assignLanguages(m: Manuscript): void {
  const paragraphs = m.chapters.flatMap((c) => c.scenes.flatMap((s) => s.paragraphs))
  const stated = statedLanguage(m)
  const found = stated ? null : guessWork(sampleOf(m.text, paragraphs))
  const hint = m.languageHint ? codeOfLanguage(m.languageHint) : null
  let code: string | null
  let source: LanguageSource | null
  if (stated) [code, source] = [stated, 'metadata']
  else if (found && hint && primary(hint) === primary(found.code)) [code, source] = [hint, 'metadata']
  else if (found) [code, source] = [found.code, 'detected']
  // A hint the text cannot check stands only for English, which is measured either way.
  else if (hint && isEnglish(hint)) [code, source] = [hint, 'metadata']
  else [code, source] = [null, null]
  m.meta.languageCode = code
  m.meta.languageSource = source
  // A chapter is weighed against the common languages and the work's own best few.
  const candidates = found ? [...new Set([...COMMON, ...found.ranked])] : COMMON
  for (const c of m.chapters) {
    c.language = code
    // A work of one chapter is checked too where its language is stated: the text may plainly say otherwise.
    if (m.chapters.length >= 2 || source === 'metadata') c.language = chapterLanguage(m.text, c.scenes.flatMap((s) => s.paragraphs), code, candidates)
  }
  noteUnsupported(m, code)
}

/**
 * The share of English's commonest words above which a sample is plainly English (English prose
 * has about one half, other languages in Latin letters under a sixth): franc is not run.
 */
const PLAINLY_ENGLISH = 0.25
/** Below this share a chapter of an English work may be in another language: franc looks. */
const MAYBE_OTHER = 0.2
/** A chapter's first look takes this many characters. */
const GLANCE_CHARS = 600

/** The work's language: English at a glance where its sample plainly is, else franc's verdict. */
function guessWork(sample: string): Guess | null {
  if (englishShare(sample) >= PLAINLY_ENGLISH && letters(sample) >= MIN_SAMPLE_LETTERS) return ENGLISH
  const g = guess(sample)
  // Another language only where it beats English plainly: chat, fandom honorifics or a spell's
  // Latin can tip an English sample toward Hausa, Quechua or Italian by a hair.
  if (g && !beatsEnglish(g)) return ENGLISH
  // A rare language by a hair (a text of names and honorifics reads as Quechua) is not told.
  if (g && g.margin < RARE_MARGIN && !COMMON.includes(g.ranked[0]!)) return null
  return g
}

/** How far a language outside the common ones must stand from the next to be told. */
const RARE_MARGIN = 0.05

const ENGLISH: Guess = { code: 'en', margin: 1, ranked: ['eng'], english: 1 }

/**
 * How far another language must score above English before a text is taken to be in it: real
 * French, German, Spanish, Italian, Portuguese or Polish prose leaves English 2 to 6 points
 * behind; an English text that franc ranks elsewhere keeps English within a point or so.
 */
const ENGLISH_MARGIN = 0.015

/** The guess is English, or beats English clearly (or is of a script English is not written in). */
const beatsEnglish = (g: Guess): boolean => isEnglish(g.code) || g.english === null || 1 - g.english >= ENGLISH_MARGIN

/**
 * A chapter's language: the work's, unless its own text plainly shows another. A glance at the
 * share of English's commonest words decides which chapters franc reads (a chapter of an English
 * work with few of them; one of a work in another language with many), so a novel of sixty
 * chapters costs a few franc runs, not sixty.
 */
function chapterLanguage(text: string, own: readonly Span[], work: string | null, candidates: readonly string[]): string | null {
  let chars = 0
  for (const p of own) chars += p.end - p.start
  if (chars < CHAPTER_MIN_CHARS) return work
  const share = englishShare(sampleOf(text, own, GLANCE_CHARS))
  if (isEnglish(work) ? share >= MAYBE_OTHER : share < PLAINLY_ENGLISH) return work
  const g = guess(sampleOf(text, own), candidates)
  return g && (work === null || primary(g.code) !== primary(work)) && clear(g) && beatsEnglish(g) ? g.code : work
}

const primary = (code: string) => code.split('-')[0]!

/** A chapter's verdict clear enough to set it apart from the work's language. */
const clear = (g: Guess) => g.margin >= CHAPTER_MARGIN

/** The language the document's metadata states, as a code, or null. */
function statedLanguage(m: Manuscript): string | null {
  for (const key of ['language', 'lang']) {
    const v = m.meta[key]
    if (typeof v === 'string') {
      const code = codeOfLanguage(v)
      if (code) return code
    }
  }
  return null
}

/**
 * Say what is not measured: once for a work not in English (naming any chapter in English, which
 * is measured), once for each chapter not in English of a work that is.
 */
function noteUnsupported(m: Manuscript, work: string | null): void {
  if (!isEnglish(work)) {
    const english = m.chapters.filter((c) => c.language !== undefined && isEnglish(c.language)).map((c) => c.index + 1)
    if (english.length > 0 && english.length === m.chapters.length) {
      m.diagnostics.push({ severity: 'info', code: 'language-differs', message: `The work states its language as ${languageName(work!)}, but its text is in English: it is measured in full.` })
      return
    }
    m.diagnostics.push({
      severity: 'info',
      code: 'language-not-supported',
      message: `This work is in ${languageName(work!)}: tense, point of view, thought, characters and speakers are measured for English only, so they are left out (null)${english.length ? `, save in ${plural(english, 'chapter')}, in English` : ''}; words, sentences, paragraphs and dialogue are counted.`,
    })
    return
  }
  for (const c of m.chapters) {
    if (c.language === undefined || c.language === null || isEnglish(c.language)) continue
    m.diagnostics.push({
      severity: 'info',
      code: 'language-not-supported',
      message: `Chapter ${c.index + 1} is in ${languageName(c.language)}: its tense, point of view, thought, characters and speakers are measured for English only, so they are left out (null).`,
      start: c.start,
      end: c.end,
    })
  }
}

/** "chapter 3", "chapters 2 and 5", "chapters 1, 2 and 4". */
function plural(numbers: number[], noun: string): string {
  if (numbers.length === 1) return `${noun} ${numbers[0]}`
  return `${noun}s ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`
}
