import { describe, expect, it } from 'vitest'
import { readText, textToBytes } from '../src/ingest/text.js'
import { isHeading, markerConfidence, matchField, structure } from '../src/structure/index.js'

const manuscript = (text: string) => structure(readText(textToBytes(text)))
const sceneStarts = (text: string) => {
  const m = manuscript(text)
  return m.chapters.flatMap((c) => c.scenes.map((s) => m.text.slice(s.start, s.end).split(/\s+/).slice(0, 2).join(' ')))
}

describe('scene-break markers', () => {
  it.each(['* * *', '***', '*', '#', '###', '~~~', '---', '___', 'oOo', 'xXx', '+++', '❦', '§', '• • •', '[scene break]', '~*~', '*       *       *       *       *', '  * * *  ', '-x-x-', '<><><>', '⁂', '=====', 'OoOoO', '~ scene break ~', '(Time skip)'])(
    'marks a break: %j',
    (line) => expect(markerConfidence(line)).toBeGreaterThan(0.5),
  )
  it.each(['...', '…', '“…”', '"?"', '?!', 'Oh.', 'I', 'The End', '- said he', 'x', '', 'OK', '“—”'])('is not a marker: %j', (line) =>
    expect(markerConfidence(line)).toBe(0),
  )
})

describe('chapter headings', () => {
  it.each([
    'Chapter 1', 'CHAPTER ONE', 'Chapter IV: The Road', 'Chapter Twenty-Three', 'Chapter 12 - Home Again', 'CHAPTER I.', 'CHAPTER II. THE PRESS HOUSE',
    'Part Two', 'PART III', 'Book One', 'Prologue', 'Epilogue', 'Epilogue: Ten Years Later', 'Interlude', '7', '12.', 'IV', 'XII.', 'ONE', 'TWENTY-ONE', 'Ch. 3', '1. The Road',
  ])('is a heading: %j', (line) => expect(isHeading(line)).toBe(true))
  it.each([
    'Chapter and verse were all he knew.', 'The chapter closed on a Tuesday.', 'Part of me wanted to stay.', 'iv', '“Chapter one,” she read aloud.', '1999 was a bad year for the orchard.', 'It was the prologue to a long war, and everyone knew it.',
  ])('is not a heading: %j', (line) => expect(isHeading(line)).toBe(false))
})

describe('front-matter fields', () => {
  it.each([
    ['Rated NC17', 'rating', 'NC17'],
    ['Rating: M', 'rating', 'M'],
    ['Rated: T', 'rating', 'T'],
    ['by Ann Lee', 'author', 'Ann Lee'],
    ['Author: someone_else', 'author', 'someone_else'],
    ['Fandom: Signal Over Caddow', 'fandom', 'Signal Over Caddow'],
    ['Summary: A ferry, a fog.', 'summary', 'A ferry, a fog.'],
    ['Warnings: none', 'warnings', 'none'],
    ['Disclaimer: I own nothing.', 'disclaimer', 'I own nothing.'],
    ['A/N: Written for a prompt.', 'notes', 'Written for a prompt.'],
    ["Author's Note: thanks all", 'notes', 'thanks all'],
    ['Thanks to my beta, Mags, for everything', 'thanks', 'Thanks to my beta, Mags, for everything'],
    ["Beta'd by Rue", 'beta', 'Rue'],
    ['Word count: 2,345', 'claimedWords', '2,345'],
    ['Pairing: Wren/Tamsin', 'pairing', 'Wren/Tamsin'],
  ])('%j → %s', (line, key, value) => expect(matchField(line)).toEqual({ key, value }))
  it.each(['By the time she woke, the tide was out.', 'Rated by the village as the worst cook in three parishes, she still cooked.', 'She thanked him.'])(
    'is not a field: %j',
    (line) => {
      const f = matchField(line)
      expect(f === null || f.key === 'thanks').toBe(line.startsWith('She') ? true : f === null)
    },
  )
})

const para = (s: string) => `${s} The light held over the water while the gulls argued, and nobody on the quay looked up.`

describe('scenes by every convention', () => {
  it('marker lines', () => {
    const text = [para('Alpha one.'), para('Alpha two.'), '* * *', para('Bravo one.'), '#', para('Charlie one.'), 'oOo', para('Delta one.')].join('\n\n')
    expect(sceneStarts(text)).toEqual(['Alpha one.', 'Bravo one.', 'Charlie one.', 'Delta one.'])
    const breaks = manuscript(text).chapters[0]!.scenes.map((s) => [s.breakBefore.kind, s.breakBefore.marker])
    expect(breaks).toEqual([['start', null], ['marker', '* * *'], ['marker', '#'], ['marker', 'oOo']])
  })

  it('two blank lines where paragraphs are separated by one', () => {
    const text = [para('Alpha one.'), para('Alpha two.'), para('Alpha three.')].join('\n\n') + '\n\n\n' + [para('Bravo one.'), para('Bravo two.')].join('\n\n')
    expect(sceneStarts(text)).toEqual(['Alpha one.', 'Bravo one.'])
    expect(manuscript(text).chapters[0]!.scenes[1]!.breakBefore.kind).toBe('gap')
  })

  it('a blank line where paragraphs are separated by single newlines', () => {
    const text = [para('Alpha one.'), para('Alpha two.'), para('Alpha three.')].join('\n') + '\n\n' + [para('Bravo one.'), para('Bravo two.'), para('Bravo three.')].join('\n')
    expect(sceneStarts(text)).toEqual(['Alpha one.', 'Bravo one.'])
    expect(manuscript(text).layout.separator).toBe('newline')
  })

  it('two paragraphs glued where a rule was stripped', () => {
    const a = [para('Alpha one.'), para('Alpha two.'), para('Alpha three.'), para('Alpha four.')].join('\n\n')
    const b = [para('Bravo one.'), para('Bravo two.'), para('Bravo three.')].join('\n\n')
    const c = [para('Charlie one.'), para('Charlie two.')].join('\n\n')
    expect(sceneStarts(`${a}\n${b}\n${c}`)).toEqual(['Alpha one.', 'Bravo one.', 'Charlie one.'])
  })

  it('hard-wrapped paragraphs are paragraphs, not glued breaks', () => {
    const wrap = (s: string) => s.replace(/(.{1,66})(?:\s+|$)/g, '$1\n').trim()
    const long = (s: string) => wrap(`${para(s)} ${para('And then.')} ${para('After that.')}`)
    const text = [long('Alpha one.'), long('Alpha two.'), long('Alpha three.'), '*       *       *', long('Bravo one.'), long('Bravo two.')].join('\n\n')
    const m = manuscript(text)
    expect(m.layout.hardWrapped).toBe(true)
    expect(sceneStarts(text)).toEqual(['Alpha one.', 'Bravo one.'])
    expect(m.chapters[0]!.scenes[0]!.paragraphs).toHaveLength(3)
  })

  it('chapter headings start chapters and scenes', () => {
    const text = ['Chapter One', para('Alpha one.'), '* * *', para('Bravo one.'), 'Chapter Two: The Quay', para('Charlie one.')].join('\n\n')
    const m = manuscript(text)
    expect(m.chapters.map((c) => c.title)).toEqual(['Chapter One', 'Chapter Two: The Quay'])
    expect(m.chapters.map((c) => c.scenes.length)).toEqual([2, 1])
    expect(m.chapters[1]!.scenes[0]!.breakBefore.kind).toBe('chapter')
  })

  it('a part heading straight before a chapter heading names the part', () => {
    const m = manuscript(['Part One', 'Chapter 1', para('Alpha one.'), 'Chapter 2', para('Bravo one.')].join('\n\n'))
    expect(m.chapters.map((c) => [c.part, c.title])).toEqual([['Part One', 'Chapter 1'], [null, 'Chapter 2']])
  })

  it('no heading: one implicit chapter', () => {
    const m = manuscript([para('Alpha one.'), para('Alpha two.')].join('\n\n'))
    expect(m.chapters).toHaveLength(1)
    expect(m.chapters[0]!.title).toBeNull()
  })
})

describe('front and end matter', () => {
  it('a fan-fiction header is front matter, kept out of the story', () => {
    const text = ['Harbour Lights', 'Fandom: Signal Over Caddow', 'Rated NC17', 'Summary: Two keepers, one lamp.', 'Thanks to my beta, Rue, for the commas.', para('Alpha one.'), para('Alpha two.')].join('\n\n')
    const m = manuscript(text)
    expect(m.meta).toMatchObject({ title: 'Harbour Lights', fandom: 'Signal Over Caddow', rating: 'NC17', summary: 'Two keepers, one lamp.' })
    expect(m.meta.notes).toEqual(['Thanks to my beta, Rue, for the commas.'])
    expect(m.text.slice(m.frontMatter!.start, m.frontMatter!.end)).toMatch(/^Harbour Lights[\s\S]*commas\.$/)
    expect(sceneStarts(text)).toEqual(['Alpha one.'])
  })

  it('a title and by-line on adjacent lines', () => {
    const m = manuscript(['The Salt Road\nby Corvin Ash', 'Chapter One', para('Alpha one.')].join('\n\n'))
    expect(m.meta).toMatchObject({ title: 'The Salt Road', author: 'Corvin Ash' })
  })

  it('"The End" and closing notes are end matter', () => {
    const text = [para('Alpha one.'), para('Alpha two.'), 'The End', 'A/N: Thank you for reading!'].join('\n\n')
    const m = manuscript(text)
    expect(m.text.slice(m.endMatter!.start, m.endMatter!.end)).toBe('The End\n\nA/N: Thank you for reading!')
    expect(m.chapters[0]!.end).toBeLessThan(m.endMatter!.start)
  })

  it('"Fin" ends a story', () => {
    const m = manuscript([para('Alpha one.'), '~Fin~'].join('\n\n'))
    expect(m.endMatter?.fields[0]?.value).toBe('~Fin~')
  })

  it('a story with no front matter starts at its first paragraph', () => {
    const text = [para('Alpha one.'), para('Alpha two.')].join('\n\n')
    expect(manuscript(text).frontMatter).toBeNull()
  })
})

describe('empty input', () => {
  it.each(['', '   \n\n\t  \n'])('%j gives no scenes and a diagnostic', (text) => {
    const m = manuscript(text)
    expect(m.chapters).toHaveLength(1)
    expect(m.chapters[0]!.scenes).toHaveLength(0)
    expect(m.diagnostics.map((d) => d.code)).toContain('empty-text')
  })
})
