// Works not in English: the language found (stated or detected), words counted the way readers
// of the script count them, dialogue in the language's own quote marks, structure as in English,
// and nothing made by English rules reported. The stories are the project's own, in
// test/fixtures/languages, each with its labels (counted by the rule the README states).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/index.js'
import { codeOfLanguage } from '../src/language/names.js'
import { guess } from '../src/language/detect.js'
import { countWords } from '../src/annotate/words.js'
import { findDialogue } from '../src/annotate/dialogue.js'
import { checkReport } from './check-report.js'
import { chapterHeadings } from '../src/data/chapter-headings.js'

const DIR = new URL('./fixtures/languages/', import.meta.url).pathname
interface Labels { language: string; words: number; dialogueWords?: number; paragraphs?: number; chapters?: number; scenes?: number[] }
const stories = readdirSync(DIR).filter((f) => f.endsWith('.labels.json')).map((f) => f.replace('.labels.json', ''))
const labels = (name: string): Labels => JSON.parse(readFileSync(join(DIR, `${name}.labels.json`), 'utf8'))
const ENGLISH_ONLY = ['tense', 'pov', 'unmarkedThought', 'characters', 'povShifts', 'embedded', 'readingMinutes'] as const

describe.each(stories.filter((s) => s !== 'en-short'))('the %s story', (name) => {
  const l = labels(name)
  for (const [file, source] of [[`${name}.txt`, 'detected'], [`${name}.ao3.html`, 'metadata']] as const) {
    describe(file, () => {
      const r = analyze(readFileSync(join(DIR, file)), { path: file })
      it('is found in its language, from the text or from AO3\'s Language field', () => {
        expect(r.meta.languageCode).toBe(l.language)
        expect(r.meta.languageSource).toBe(source)
        expect(r.chapters.map((c) => c.language)).toEqual(r.chapters.map(() => l.language))
      })
      it('has its chapters, scenes and paragraphs', () => {
        expect(r.chapters.map((c) => c.scenes.length)).toEqual(l.scenes)
        expect(r.totals.paragraphs).toBe(l.paragraphs)
      })
      it('counts words as its script is counted (Han and kana by character), and its dialogue in its own quote marks', () => {
        expect(r.totals.words).toBe(l.words)
        expect(r.totals.dialogue.words).toBe(l.dialogueWords)
        expect(r.totals.sentences).toBeGreaterThan(r.totals.paragraphs - 1)
      })
      it('reports nothing made by English rules, and says why', () => {
        for (const m of [r.totals, ...r.chapters, ...r.scenes]) {
          for (const k of ENGLISH_ONLY) expect(m[k]).toBeNull()
          expect(m.dialogue.speakers).toBeNull()
        }
        const notes = r.diagnostics.filter((d) => d.code === 'language-not-supported')
        expect(notes).toHaveLength(1)
        expect(notes[0]!.message).toMatch(/^This work is in \w+: tense, point of view/)
        checkReport(r)
      })
    })
  }
})

describe('English', () => {
  it('a short English story with French words in it is English, measured in full', () => {
    const r = analyze(readFileSync(join(DIR, 'en-short.txt')), { path: 'en-short.txt' })
    expect(r.meta.languageCode).toBe('en')
    expect(r.totals.words).toBe(labels('en-short').words)
    expect(r.totals.tense?.dominant).toBe('past')
    expect(r.diagnostics.some((d) => d.code === 'language-not-supported')).toBe(false)
  })
  it('a stated language the text plainly contradicts does not take an English story\'s measures away', () => {
    const en = readFileSync(join(DIR, 'en-short.txt'), 'utf8')
    const r = analyze(`---\ntitle: The Café\nlang: fr-CA\n---\n\n${en}`, { path: 'cafe.md' })
    expect(r.meta.languageCode).toBe('fr-CA')
    expect(r.meta.languageSource).toBe('metadata')
    expect(r.chapters[0]!.language).toBe('en')
    expect(r.totals.tense?.dominant).toBe('past')
    expect(r.diagnostics.filter((d) => d.code.startsWith('language')).map((d) => d.code)).toEqual(['language-differs'])
  })
  it('an HTML page\'s lang is a hint the text overrules, and kept where the text agrees', () => {
    const fr = readFileSync(join(DIR, 'fr.txt'), 'utf8').split('\n\n').slice(2).map((p) => `<p>${p}</p>`).join('')
    expect(analyze(`<html lang="en"><body>${fr}</body></html>`, { path: 'saved.html' }).meta).toMatchObject({ languageCode: 'fr', languageSource: 'detected' })
    expect(analyze(`<html lang="fr-BE"><body>${fr}</body></html>`, { path: 'saved.html' }).meta).toMatchObject({ languageCode: 'fr-BE', languageSource: 'metadata' })
  })
  it('a text too short to tell stays unknown and is measured as English, as before', () => {
    const r = analyze('She ran. He waited.')
    expect(r.meta.languageCode).toBeNull()
    expect(r.meta.languageSource).toBeNull()
    expect(r.totals.tense?.dominant).toBe('past')
  })
})

describe('a work that mixes languages', () => {
  // An English story whose second chapter is French (both halves the project's own).
  const en = readFileSync(join(DIR, 'en-short.txt'), 'utf8')
  const fr = readFileSync(join(DIR, 'fr.txt'), 'utf8').split('\n').slice(2).join('\n').replace(/Chapitre \d/g, '').replace(/\* \* \*/g, '')
  const r = analyze(`Chapter 1\n\n${en}\n\nChapter 2\n\n${fr}`)
  it('keeps English measures where the narration is English, and the chapter says its language', () => {
    expect(r.chapters.map((c) => c.language)).toEqual(['en', 'fr'])
    expect(r.chapters[0]!.tense?.dominant).toBe('past')
    expect(r.chapters[1]!.tense).toBeNull()
    expect(r.chapters[1]!.pov).toBeNull()
    // The work's tense and point of view are its English chapter's.
    expect(r.totals.tense?.past).toBe(r.chapters[0]!.tense?.past)
    expect(r.totals.readingMinutes).toBeNull()
    expect(r.chapters[0]!.readingMinutes).not.toBeNull()
    // Speakers stay parallel to the spans: the French chapter's speeches have none found.
    expect(r.totals.dialogue.speakers).toHaveLength(r.totals.dialogue.spans.length)
    // Most of its words are French: the work is, save its English chapter.
    expect(r.meta.languageCode).toBe('fr')
    const note = r.diagnostics.find((d) => d.code === 'language-not-supported')
    expect(note?.message).toMatch(/^This work is in French: .* save in chapter 1, in English;/)
    checkReport(r)
  })
})

describe('language names and codes', () => {
  it.each([
    ['Français', 'fr'], ['Deutsch', 'de'], ['Español', 'es'], ['中文-普通话 國語', 'zh'], ['日本語', 'ja'], ['한국어', 'ko'], ['Русский', 'ru'],
    ['Português brasileiro', 'pt'], ['Bahasa Indonesia', 'id'], ['English', 'en'], ['en-GB', 'en-GB'], ['fra', 'fr'], ['pt_BR', 'pt-BR'], ['German', 'de'], ['Tiếng Việt', 'vi'],
  ])('%s is %s', (name, code) => expect(codeOfLanguage(name)).toBe(code))
  it('names no language for what is none', () => {
    expect(codeOfLanguage('')).toBeNull()
    expect(codeOfLanguage('Lorem ipsum dolor')).toBeNull()
  })
  it('leaves a sample too short for its trigrams undetermined, but knows a script of one language at once', () => {
    expect(guess('Il pleut.')).toBeNull()
    expect(guess('今日は雨が降っています。')?.code).toBe('ja')
    expect(guess('오늘은 비가 옵니다 그리고 바람도 붑니다')?.code).toBe('ko')
  })
})

describe('words and quotes of other scripts', () => {
  it('counts each Han, kana and Thai character as a word, and Hangul, Cyrillic and Latin by spaces', () => {
    expect(countWords('彼は「はい」と言った。')).toBe(8)
    expect(countWords('コーヒー')).toBe(4)
    expect(countWords('东京2024年')).toBe(4)
    expect(countWords('안녕하세요 친구')).toBe(2)
    expect(countWords('— Да, — сказал он.')).toBe(3)
    expect(countWords('« Aujourd’hui ? » dit-elle.')).toBe(2)
    expect(countWords('हिन्दी भाषा')).toBe(2)
  })
  const spans = (s: string, language = 'fr') => {
    const d = findDialogue(s, [{ start: 0, end: s.length }], language)
    return { convention: d.convention, spans: d.spans.filter((x) => x.kind === 'speech').map((x) => s.slice(x.start, x.end)) }
  }
  it('reads guillemets either way, low-high quotes and corner brackets', () => {
    expect(spans('« Oui », dit-elle. « Viens ! »')).toEqual({ convention: 'guillemets', spans: ['« Oui »', '« Viens ! »'] })
    expect(spans('»Komm«, sagte er. »Jetzt.«')).toEqual({ convention: 'guillemets', spans: ['»Komm«', '»Jetzt.«'] })
    expect(spans('„Komm mit“, sagte sie. „Er sagte ‚nein‘, glaube ich.“')).toEqual({ convention: 'low', spans: ['„Komm mit“', '„Er sagte ‚nein‘, glaube ich.“'] })
    expect(spans('「『雪国』を読んだ？」と彼女は聞いた。')).toEqual({ convention: 'corner', spans: ['「『雪国』を読んだ？」'] })
  })
  it('takes the narrator\'s words between dashes out of dash dialogue', () => {
    const es = '—¿Vienes? —preguntó ella—. Ya es tarde.\n\n—Sí —dijo él.\n\n—Bueno.'
    const paragraphs: { start: number; end: number }[] = []
    for (const m of es.matchAll(/[^\n]+/g)) paragraphs.push({ start: m.index, end: m.index + m[0].length })
    const d = findDialogue(es, paragraphs, 'es')
    expect(d.convention).toBe('dash')
    expect(d.spans.map((x) => es.slice(x.start, x.end).trim())).toEqual(['—¿Vienes?', '. Ya es tarde.', '—Sí', '—Bueno.'])
    const ru = '— Да, — сказал он. — Пойдём.'
    expect(spans(ru, 'ru').spans.map((x) => x.trim())).toEqual(['— Да,', 'Пойдём.'])
    expect(spans('— Oui, dit-elle.').spans.map((x) => x.trim())).toEqual(['— Oui,'])
    // A French question inside the speech is speech; the inversion after its punctuation is the tag.
    expect(spans('— Veux-tu du café ? demanda-t-elle.').spans.map((x) => x.trim())).toEqual(['— Veux-tu du café ?'])
    expect(spans('— Que fais-tu ici ?').spans.map((x) => x.trim())).toEqual(['— Que fais-tu ici ?'])
    // Polish dash dialogue with en dashes.
    const pl = '– Tak – powiedział. – Idziemy.'
    expect(spans(pl, 'pl').spans.map((x) => x.trim())).toEqual(['– Tak', 'Idziemy.'])
    expect(spans(pl, 'en').spans).toEqual([])
  })
  it('reads guillemets pointing inward beside another convention, and a title in 『』 as no speech', () => {
    expect(spans('„Komm“, sagte sie, und las »Der Spiegel« weiter.', 'de').spans).toEqual(['„Komm“'])
    expect(spans('彼女は『雪国』という本を読んでいた。', 'ja').spans).toEqual([])
  })
})

describe('chapter headings in other languages', () => {
  const isHeading = (line: string) => chapterHeadings.some((r) => r.test(line))
  it.each(['Chapitre 3', 'CHAPITRE IV', 'Kapitel 2: Der Weg', 'Capítulo 1', 'Глава 1', 'Rozdział 1', 'Partie 2', 'Parte I', 'Prólogo', 'Epílogo', '第一章', '第一章 雨夜', '第3話', '序章', '제1장'])('%s is a heading', (line) => expect(isHeading(line)).toBe(true))
  it.each(['Prologues are overrated.', 'Epilogs, she thought, were for cowards.', '第一回見た時、彼は笑った。', '第二部の映画は面白かった。', 'Parte di me lo sapeva.', 'Parte mi corazón.', 'Kapitelmix'])('%s is not', (line) => expect(isHeading(line)).toBe(false))
})

describe('sentences of other languages', () => {
  it('keeps French spaced quote marks with their sentence, and a tag in lower case with its speech', () => {
    const text = 'Il pleuvait depuis trois jours sur la ville, et personne ne savait plus quand le soleil reviendrait. « Oui ! » dit-elle. « Tu viens ? » Marie regardait la rue depuis la fenêtre de la cuisine, une tasse de thé froid entre les mains, en pensant à la lettre de son frère qui était arrivée le matin même.'
    const r = analyze(text)
    expect(r.meta.languageCode).toBe('fr')
    expect(r.scenes[0]!.sentenceSpans.map(([a, b]) => text.slice(a, b).slice(0, 20))).toEqual(['Il pleuvait depuis t', '« Oui ! » dit-elle.', '« Tu viens ? »', 'Marie regardait la r'])
  })
  it('ends Chinese and Japanese sentences at 。！？, closing brackets kept', () => {
    const ja = readFileSync(join(DIR, 'ja.txt'), 'utf8')
    const r = analyze(ja, { path: 'ja.txt' })
    for (const s of r.scenes) for (const [a, b] of s.sentenceSpans) expect(r.text.slice(a, b)).not.toMatch(/^[」』]/)
    expect(r.totals.sentences).toBeGreaterThan(r.totals.paragraphs)
  })
})
