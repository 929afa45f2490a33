// Hostile inputs, generated from the corpus stories' own words: the shapes real corpora throw
// at a text tool (no whitespace, no punctuation, one endless sentence or paragraph, thousands of
// tiny paragraphs or break lines, nested quotes, mixed scripts, emoji, zero-width spaces). Used
// by `npm run bench` (time per MB against ordinary prose) and by the tests (small sizes).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The corpus stories as one text, and their words. */
export function corpusText(dir = 'corpus') {
  const text = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n'))
    .join('\n\n\n')
  return { text, words: text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) }
}

/** Repeat `piece(i)` for i = 0, 1, … until the text reaches `chars` characters. */
function fill(chars, piece) {
  const parts = []
  let n = 0
  for (let i = 0; n < chars; i++) {
    const p = piece(i)
    parts.push(p)
    n += p.length
  }
  return parts.join('')
}

/**
 * Each hostile input: a description and a generator taking a size in characters (ignored by the
 * inputs the issue fixes by count: a 20,000-word sentence, 100,000 paragraphs, 10,000 lines).
 */
export function hostileInputs({ text, words }) {
  const word = (i) => words[i % words.length]
  const lower = (i) => word(i).toLowerCase()
  return {
    prose: { what: 'ordinary prose (the baseline)', make: (n) => fill(n, () => text + '\n\n\n') },
    'no-whitespace': { what: 'no whitespace at all', make: (n) => fill(n, () => text.replace(/\s+/g, '')) },
    'no-punctuation': { what: 'words without punctuation', make: (n) => fill(n, (i) => lower(i) + ' ') },
    'one-sentence': { what: 'a 20,000-word sentence', make: () => Array.from({ length: 20_000 }, (_, i) => lower(i) + (i % 17 === 16 ? ',' : '')).join(' ') + '.' },
    'one-character': { what: 'one character repeated', make: (n) => 'a'.repeat(n) },
    'one-paragraph': { what: 'a single paragraph', make: (n) => fill(n, () => text.replace(/\s+/g, ' ') + ' ') },
    'one-word-paragraphs': { what: '100,000 one-word paragraphs', make: () => Array.from({ length: 100_000 }, (_, i) => word(i)).join('\n\n') },
    'break-lines': { what: '10,000 scene-break lines in a row', make: () => `${text.slice(0, 2000)}\n\n${'* * *\n'.repeat(10_000)}\n${text.slice(2000, 4000)}` },
    'nested-quotes': {
      what: 'quotes nested 40 deep',
      make: (n) => fill(n, (i) => {
        let s = ''
        for (let d = 0; d < 40; d++) s += `${d % 2 ? '‘' : '“'}${lower(i + d)} said, `
        s += 'go'
        for (let d = 39; d >= 0; d--) s += d % 2 ? '’' : '”'
        return s + '\n\n'
      }),
    },
    'mixed-scripts': {
      what: 'mixed scripts and emoji',
      make: (n) => fill(n, (i) => ['Она сказала «привет» и ушла. ', '她说：“你好。” ', 'قالت مرحبا بك. ', 'नमस्ते दुनिया। ', `${word(i)} 🐈‍⬛ sat. `, '👩‍👩‍👧‍👦🏳️‍🌈 ', 'e\u0301\u0301 ', 'Ἐν ἀρχῇ ἦν. '][i % 8] + (i % 24 === 23 ? '\n\n' : '')),
    },
    'zero-width': { what: 'zero-width spaces between words', make: (n) => fill(n, (i) => word(i) + (i % 3 ? '\u200b' : ' \u200d') + (i % 40 === 39 ? '.\n\n' : '')) },
    'nested-html': { what: 'HTML nested 100,000 deep', make: () => `<html><body><p>${Array.from({ length: 100_000 }, (_, i) => `<em>${lower(i)} `).join('')}</p></body></html>` },
    'ascii-art': { what: 'ASCII art', make: (n) => fill(n, (i) => ['  /\\_/\\   |====|  ', ' ( o.o )  |#  #|  ', '  > ^ <   |====|  ', '+--------+--------+', '|||||||||||||||||||', '~~~~~~~~~~~~~~~~~~~'][i % 6] + '\n' + (i % 12 === 11 ? '\n' : '')) },
  }
}
