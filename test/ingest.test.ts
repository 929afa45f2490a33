import { describe, expect, it } from 'vitest'
import { readText, UnreadableInputError } from '../src/ingest/text.js'
import { normalise } from '../src/ingest/03-normalise.js'
import { extensionOf } from '../src/ingest/formats.js'

const bytes = (...b: number[]) => new Uint8Array(b)
const utf8 = (s: string) => new TextEncoder().encode(s)

describe('readText: decoding', () => {
  it.each([
    ['plain UTF-8', utf8('Café “quoted”'), 'utf-8', 'Café “quoted”'],
    ['UTF-8 with a BOM', bytes(0xef, 0xbb, 0xbf, 0x48, 0x69), 'utf-8', 'Hi'],
    ['Windows-1252 curly quotes, dash, ellipsis', bytes(0x93, 0x48, 0x69, 0x94, 0x20, 0x97, 0x20, 0x85, 0x20, 0x63, 0x61, 0x6e, 0x92, 0x74), 'windows-1252', '“Hi” — … can’t'],
    ['Windows-1252 accented letters', bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35), 'windows-1252', 'café €5'],
    ['UTF-16LE with a BOM', bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00), 'utf-16le', 'Hi'],
    ['UTF-16BE with a BOM', bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0x69), 'utf-16be', 'Hi'],
  ])('%s', (_name, input, encoding, text) => {
    const s = readText(input)
    expect(s.encoding).toBe(encoding)
    expect(s.text).toBe(text)
    expect(s.bytes).toBe(input.length)
  })

  it('reports the Windows-1252 fallback as a diagnostic', () => {
    const s = readText(bytes(0x93, 0x41, 0x94))
    expect(s.diagnostics.map((d) => d.code)).toContain('encoding-fallback')
  })

  it('hashes the bytes with SHA-256', () => {
    expect(readText(utf8('abc')).sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})

describe('readText: refuses binary files, naming them', () => {
  it.each([
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF/],
    ['a PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), /PNG/],
    ['a zip archive', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0), /zip/],
    ['a JPEG image', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), /JPEG/],
    ['random bytes with NULs', bytes(1, 2, 0, 0, 0, 5, 0, 0, 9, 200, 0, 0, 0, 3, 0, 0, 0, 0, 0, 1), /binary/],
  ])('%s', (_name, input, what) => {
    expect(() => readText(input, { path: 'story.txt' })).toThrow(UnreadableInputError)
    expect(() => readText(input, { path: 'story.txt' })).toThrow(/story\.txt: not a text file/)
    expect(() => readText(input, { path: 'story.txt' })).toThrow(what)
  })
})

describe('normalise', () => {
  it.each([
    ['CRLF to LF', 'a\r\nb\r\n', 'a\nb\n', 0],
    ['lone CR to LF', 'a\rb', 'a\nb', 0],
    ['vertical tab and form feed to LF', 'a\u000bb\u000cc', 'a\nb\nc', 0],
    ['Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a\nb\nc', 0],
    ['NFC composition', 'Cafe\u0301', 'Café', 0],
    ['NUL and other controls removed', 'a\u0000b\u0007c\u009fd', 'abcd', 3],
    ['tabs kept', 'a\tb', 'a\tb', 0],
  ])('%s', (_name, input, expected, removed) => {
    const n = normalise(input)
    expect(n.text).toBe(expected)
    expect(n.removedControls).toBe(removed)
  })
})

describe('extensionOf', () => {
  it.each([
    ['a/b.txt', '.txt'],
    ['.bashrc', ''],
    ['a.b/c', ''],
    ['x.tar.gz', '.gz'],
    ['C:\\drafts\\ch1.md', '.md'],
    ['noext', ''],
    ['a/.hidden.md', '.md'],
    ['file.', '.'],
    ['Draft.DOCX', '.DOCX'],
  ])('%s → %j, as path.extname says', (path, ext) => {
    expect(extensionOf(path)).toBe(ext)
  })
})
