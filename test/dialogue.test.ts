import { describe, expect, it } from 'vitest'
import { detectConvention, findDialogue } from '../src/annotate/dialogue.js'
import { findLetters } from '../src/annotate/letters.js'

/** Paragraphs are the lines of the test text; returns the quoted text of each speech span. */
function speech(text: string) {
  const paragraphs: { start: number; end: number }[] = []
  let at = 0
  for (const line of text.split('\n')) {
    paragraphs.push({ start: at, end: at + line.length })
    at += line.length + 1
  }
  const r = findDialogue(text, paragraphs)
  return {
    convention: r.convention,
    speech: r.spans.filter((s) => s.kind === 'speech').map((s) => text.slice(s.start, s.end)),
    scare: r.spans.filter((s) => s.kind === 'scare').map((s) => text.slice(s.start, s.end)),
    speeches: new Set(r.spans.filter((s) => s.kind === 'speech').map((s) => s.speech)).size,
    diagnostics: r.diagnostics.map((d) => d.code),
  }
}

describe('dialogue: the quote state machine', () => {
  it.each([
    ['curly double', '“Don’t go,” she said. “It’s late.”', ['“Don’t go,”', '“It’s late.”']],
    ['straight double', '"Don\'t go," she said. "It\'s late."', ['"Don\'t go,"', '"It\'s late."']],
    ['nested single inside double', '“He said ‘never’ to me,” she said.', ['“He said ‘never’ to me,”']],
    ['British single with apostrophes', '‘I can’t,’ she said. ‘The dogs’ bowls are empty, and it’s gone five o’clock.’', ['‘I can’t,’', '‘The dogs’ bowls are empty, and it’s gone five o’clock.’']],
    ['British single with elisions and dropped g', '‘Give ’em here,’ he said. ‘We’re goin’ fishin’.’ They went.', ['‘Give ’em here,’', '‘We’re goin’ fishin’.’']],
    ['a speech opening with Is', '‘Is he coming?’ said one. ‘’Tis late.’', ['‘Is he coming?’', '‘’Tis late.’']],
    ['straight single quotes', "'Come in,' she said. 'It's cold, and 'tis late.'", ["'Come in,'", "'It's cold, and 'tis late.'"]],
  ])('%s', (_name, text, expected) => {
    expect(speech(text).speech).toEqual(expected)
  })

  it('a speech over two paragraphs is one speech', () => {
    const r = speech('“First part of the speech, which goes on.\n“And the second part,” he said.\nShe left.')
    expect(r.speech).toEqual(['“First part of the speech, which goes on.', '“And the second part,”'])
    expect(r.speeches).toBe(1)
    expect(r.diagnostics).toEqual([])
  })

  it('an unclosed quote ends at its paragraph with a diagnostic and swallows nothing after it', () => {
    const r = speech('“Wait, she said, and was gone.\nThe rest of the book is narration.\nIt really is.')
    expect(r.speech).toEqual(['“Wait, she said, and was gone.'])
    expect(r.diagnostics).toEqual(['unclosed-quote'])
  })

  it('scare quotes are counted apart, not as dialogue', () => {
    const r = speech('She called it her “office” and never went there. “Come in,” she said.')
    expect(r.scare).toEqual(['“office”'])
    expect(r.speech).toEqual(['“Come in,”'])
  })

  it('dash dialogue: speech paragraphs open with a dash; the tag is not speech', () => {
    const text = '—Yes, he said, I will go.\n—And when?\nHe looked at the clock.\n—Tomorrow, said Mr Kernan.'
    const r = speech(text)
    expect(r.convention).toBe('dash')
    expect(r.speech).toEqual(['—Yes, ', 'I will go.', '—And when?', '—Tomorrow, '])
  })

  it.each([
    ['“A,” she said.\n“B.”', 'double'],
    ['‘A,’ she said. ‘B.’\n‘C,’ he said, ‘can’t you?’', 'single'],
    ['It’s the dogs’ bowls, o’clock, ’em.', 'none'],
    ['—A.\n—B.\n—C, she said.\nNarration.', 'dash'],
  ])('convention of %j is %s', (text, convention) => {
    expect(speech(text).convention).toBe(convention)
  })
})

describe('letters inside narration', () => {
  it('run from the salutation to the signature', () => {
    const paras = ['She opened it and read:', 'Dearest Joan,', 'I am well. We sail on Friday.', 'Yours ever,', 'Molly', 'She folded it away.']
    let at = 0
    const spans = paras.map((p) => {
      const s = { start: at, end: at + p.length }
      at += p.length + 2
      return s
    })
    const text = paras.join('\n\n')
    const [letter] = findLetters(text, [spans])
    expect(text.slice(letter!.start, letter!.end)).toBe('Dearest Joan,\n\nI am well. We sail on Friday.\n\nYours ever,\n\nMolly')
  })
})
