// The zip reader on its own: every refusal, built here byte by byte (or with fflate), and the
// real DOCX and EPUB fixtures read as before the move from yauzl to fflate.
import { readFileSync, readdirSync } from 'node:fs'
import { join, posix } from 'node:path'
import fc from 'fast-check'
import { deflateSync, unzipSync, zipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { analyzeBytes } from '../src/pipeline.js'
import { base64, utf8Text } from '../src/ingest/bytes.js'
import { readZip, ZIP_LIMITS, ZipError } from '../src/ingest/zip.js'
import { zipDirname, zipJoin, zipNormalize } from '../src/ingest/zip-path.js'
import { writeZip } from './helpers/zip-writer.js'

/** How many bytes fflate's inflater has handed out, to see that a lying entry is stopped early. */
const inflated = vi.hoisted(() => ({ bytes: 0 }))
vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof import('fflate')>()
  class CountingInflate extends real.Inflate {
    constructor(cb: (data: Uint8Array, final: boolean) => void) {
      super((data, final) => {
        inflated.bytes += data.length
        cb(data, final)
      })
    }
  }
  return { ...real, Inflate: CountingInflate }
})

const encode = (s: string) => new TextEncoder().encode(s)

const text = (zip: { read(name: string): Uint8Array | undefined }, name: string) => {
  const data = zip.read(name)
  return data && utf8Text(data)
}

describe('reading a zip', () => {
  it('reads stored and deflated text entries as plain Uint8Arrays, in the archive order', async () => {
    const bytes = zipSync({
      mimetype: [encode('application/epub+zip'), { level: 0 }],
      'META-INF/': {},
      'META-INF/container.xml': encode('<container/>'),
      'OEBPS/chapter.xhtml': encode('<p>The tide came in.</p>'.repeat(50)),
      'OEBPS/cover.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    })
    const zip = await readZip(bytes)
    expect(zip.names).toEqual(['mimetype', 'META-INF/container.xml', 'OEBPS/chapter.xhtml', 'OEBPS/cover.png'])
    expect(text(zip, 'mimetype')).toBe('application/epub+zip')
    expect(text(zip, 'META-INF/container.xml')).toBe('<container/>')
    expect(text(zip, 'OEBPS/chapter.xhtml')).toBe('<p>The tide came in.</p>'.repeat(50))
    const data = zip.read('OEBPS/chapter.xhtml')!
    expect(data).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(data)).toBe(false)
    // Pictures are listed but never inflated.
    expect(zip.read('OEBPS/cover.png')).toBeUndefined()
    expect(zip.diagnostics).toEqual([])
  })

  it('never inflates an entry that is not text, however broken its data', async () => {
    const bytes = writeZip([
      { name: 'word/document.xml', data: encode('<w:document/>') },
      { name: 'word/media/image1.jpeg', packed: new Uint8Array([0xff, 0xff, 0xff, 0xff]), size: 900 },
      { name: 'word/fonts/font1.odttf', method: 14, data: encode('lzma data') },
    ])
    const zip = await readZip(bytes)
    expect(zip.names).toEqual(['word/document.xml', 'word/media/image1.jpeg', 'word/fonts/font1.odttf'])
    expect(text(zip, 'word/document.xml')).toBe('<w:document/>')
  })

  it('reads a zip64 archive, its sizes and offsets in the extra field', async () => {
    const bytes = writeZip(
      [
        { name: 'a.xml', data: encode('<a>first</a>'), zip64: true },
        { name: 'b.xml', method: 0, data: encode('<b>second</b>'), zip64: true },
      ],
      { zip64: true },
    )
    const zip = await readZip(bytes)
    expect(zip.names).toEqual(['a.xml', 'b.xml'])
    expect(text(zip, 'a.xml')).toBe('<a>first</a>')
    expect(text(zip, 'b.xml')).toBe('<b>second</b>')
  })

  it('decodes names flagged UTF-8 as UTF-8 and all others as CP437', async () => {
    const bytes = writeZip([
      // "café.xhtml" and "über.xhtml" in code page 437 (0x82 é, 0x81 ü), with no UTF-8 flag.
      { name: new Uint8Array([...encode('caf'), 0x82, ...encode('.xhtml')]), data: encode('<p>one</p>') },
      { name: new Uint8Array([0x81, ...encode('ber.xhtml')]), data: encode('<p>two</p>') },
      // The same name in UTF-8, flagged as such (bit 11).
      { name: 'naïve.xhtml', data: encode('<p>three</p>') },
    ])
    const zip = await readZip(bytes)
    expect(zip.names).toEqual(['café.xhtml', 'über.xhtml', 'naïve.xhtml'])
    expect(text(zip, 'café.xhtml')).toBe('<p>one</p>')
    expect(text(zip, 'naïve.xhtml')).toBe('<p>three</p>')
  })

  it('leaves out entries with unsafe names, with a diagnostic each, and reads the rest', async () => {
    const unsafe = ['../evil.xml', 'a/../../evil.xml', '/etc/passwd.txt', 'C:\\Windows\\win.xml', 'c:evil.xml', 'dir\\..\\..\\evil.xml', 'nul\0.xml']
    const bytes = writeZip([{ name: 'safe.xml', data: encode('<ok/>') }, ...unsafe.map((name) => ({ name, data: encode('owned') }))])
    const zip = await readZip(bytes)
    expect(zip.names).toEqual(['safe.xml'])
    expect(text(zip, 'safe.xml')).toBe('<ok/>')
    for (const name of unsafe) expect(zip.read(name)).toBeUndefined()
    expect(zip.diagnostics).toEqual(
      unsafe.map((name) => ({ severity: 'warning', code: 'zip-unsafe-name', message: `The archive holds an entry with an unsafe name (${JSON.stringify(name)}); it was ignored.` })),
    )
  })
})

describe('refusing a zip', () => {
  const small = writeZip([
    { name: 'word/document.xml', data: encode('<w:t>The lamp burned low.</w:t>'.repeat(200)) },
    { name: 'word/styles.xml', data: encode('<w:styles/>') },
  ])

  it('refuses an archive cut short, or with no end record at all', async () => {
    for (const cut of [small.slice(0, small.length - 30), small.slice(0, 100), small.slice(0, 10), new Uint8Array(0), encode('not a zip at all')]) {
      await expect(readZip(cut)).rejects.toThrow(ZipError)
      await expect(readZip(cut)).rejects.toThrow('the zip archive is corrupt or truncated (no end of central directory record: not a zip archive, or cut short)')
    }
  })

  it('refuses an archive whose central directory is damaged or missing', async () => {
    // The end record kept, the directory it points to cut out from the middle.
    const directoryAt = new DataView(small.buffer).getUint32(small.length - 6, true)
    const holed = new Uint8Array([...small.slice(0, directoryAt), ...small.slice(directoryAt + 20)])
    await expect(readZip(holed)).rejects.toThrow(/^the zip archive is corrupt or truncated \(/)
    // The directory offset pointing past the end of the file.
    const pastEnd = small.slice()
    new DataView(pastEnd.buffer).setUint32(pastEnd.length - 6, pastEnd.length + 1000, true)
    await expect(readZip(pastEnd)).rejects.toThrow('the zip archive is corrupt or truncated (the central directory ends after 0 of its 2 entries)')
    // The directory offset pointing at a local header instead.
    const wrong = small.slice()
    new DataView(wrong.buffer).setUint32(wrong.length - 6, 0, true)
    await expect(readZip(wrong)).rejects.toThrow('the zip archive is corrupt or truncated (no central directory entry at byte 0)')
  })

  it('refuses bytes after the end record, and a part of a multi-disk archive', async () => {
    await expect(readZip(writeZip([{ name: 'a.xml', data: encode('<a/>') }], { trailing: encode('junk') }))).rejects.toThrow(
      'the zip archive is corrupt or truncated (the archive comment should be 4 bytes long, not 0: bytes added after the archive, or the record is damaged)',
    )
    // A real comment is fine.
    expect((await readZip(writeZip([{ name: 'a.xml', data: encode('<a/>') }], { comment: encode('made by hand') }))).names).toEqual(['a.xml'])
    await expect(readZip(writeZip([{ name: 'a.xml', data: encode('<a/>') }], { disk: 2 }))).rejects.toThrow('the zip archive is corrupt or truncated (it is one part of a multi-disk archive (disk 2))')
  })

  it('refuses more entries than the limit, before reading any of them', async () => {
    const many = writeZip(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `p${i}.xml`, method: 0, data: new Uint8Array(0) })))
    await expect(readZip(many)).rejects.toThrow('the zip archive holds 10001 entries, more than the 10000 allowed')
    const four = writeZip(Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.xml`, data: encode('<p/>') })))
    await expect(readZip(four, { ...ZIP_LIMITS, maxEntries: 3 })).rejects.toThrow('the zip archive holds 4 entries, more than the 3 allowed')
    expect((await readZip(four, { ...ZIP_LIMITS, maxEntries: 4 })).names).toHaveLength(4)
  })

  it('refuses an entry that declares more than the entry limit, before inflating anything', async () => {
    inflated.bytes = 0
    const bytes = writeZip([{ name: 'word/document.xml', data: encode('<w:t/>'), size: 200 * 2 ** 20, compressedSize: 2 ** 20 }])
    await expect(readZip(bytes)).rejects.toThrow('entry word/document.xml would unpack to 200 MB, over the 128 MB limit (a zip bomb?)')
    expect(inflated.bytes).toBe(0)
  })

  it('refuses entries that together declare more than the total limit', async () => {
    // Three entries of 100 MB, each at a believable 50:1: fine one by one, not together.
    const bytes = writeZip(['a', 'b', 'c'].map((n) => ({ name: `${n}.xml`, data: encode('<x/>'), size: 100 * 2 ** 20, compressedSize: 2 * 2 ** 20 })))
    await expect(readZip(bytes)).rejects.toThrow('the archive would unpack to more than 256 MB (a zip bomb?)')
  })

  it('refuses a compression ratio above the limit once an entry is past the floor', async () => {
    const zeros = new Uint8Array(3 * 2 ** 20)
    const packed = deflateSync(zeros, { level: 9 })
    const ratio = Math.round(zeros.length / packed.length)
    expect(ratio).toBeGreaterThan(200)
    inflated.bytes = 0
    await expect(readZip(writeZip([{ name: 'word/document.xml', data: zeros }]))).rejects.toThrow(`entry word/document.xml is compressed ${ratio}:1, beyond the 200:1 any text reaches (a zip bomb?)`)
    expect(inflated.bytes).toBe(0)
    // Below the floor the same ratio is allowed: a small file of repeated markup is ordinary.
    const tiny = new Uint8Array(2 ** 19)
    expect(text(await readZip(writeZip([{ name: 'word/document.xml', data: tiny }])), 'word/document.xml')).toHaveLength(2 ** 19)
    // Through the pipeline the message names the file.
    await expect(analyzeBytes(writeZip([{ name: 'word/document.xml', data: zeros }]), { path: 'zeros.docx' })).rejects.toThrow(`zeros.docx: entry word/document.xml is compressed ${ratio}:1`)
  })

  it('stops an entry that inflates past the size it declares, long before it is all inflated', async () => {
    // 64 MB of zeros declared as 1,000 bytes (so under the ratio floor): a bomb that lies.
    const zeros = new Uint8Array(64 * 2 ** 20)
    const bytes = writeZip([{ name: 'word/document.xml', data: zeros, size: 1000 }])
    inflated.bytes = 0
    await expect(readZip(bytes)).rejects.toThrow('entry word/document.xml unpacks to more than the size it declares (a zip bomb?)')
    // At most one 4 KB chunk of input was inflated past the lie: some 4 MB, not 64.
    expect(inflated.bytes).toBeGreaterThan(1000)
    expect(inflated.bytes).toBeLessThan(5 * 2 ** 20)
    await expect(analyzeBytes(bytes, { path: 'liar.docx' })).rejects.toThrow('liar.docx: entry word/document.xml unpacks to more than the size it declares (a zip bomb?)')
  })

  it('refuses an entry that inflates to less than it declares', async () => {
    const bytes = writeZip([{ name: 'a.xml', data: encode('<a>short</a>'), size: 5000 }])
    await expect(readZip(bytes)).rejects.toThrow('entry a.xml is corrupt (it unpacks to 12 bytes, not the 5000 it declares)')
  })

  it('refuses encrypted entries, traditional or strong', async () => {
    for (const flags of [0x1, 0x41]) {
      const bytes = writeZip([{ name: 'word/document.xml', data: encode('<w:document/>'), flags }])
      await expect(readZip(bytes)).rejects.toThrow('the archive is encrypted (entry word/document.xml); proselens cannot read password-protected files')
    }
    const bytes = writeZip([{ name: 'word/document.xml', data: encode('<w:document/>'), flags: 0x1 }])
    await expect(analyzeBytes(bytes, { path: 'locked.docx' })).rejects.toThrow('locked.docx: the archive is encrypted (entry word/document.xml)')
  })

  it('refuses text entries whose data is broken or cannot be unpacked', async () => {
    await expect(readZip(writeZip([{ name: 'a.xml', packed: new Uint8Array([0xff, 0xff, 0xff, 0xff]), size: 10 }]))).rejects.toThrow(/^entry a\.xml is corrupt \(invalid block type\)$/)
    await expect(readZip(writeZip([{ name: 'a.xml', method: 14, data: encode('<a/>') }]))).rejects.toThrow('entry a.xml is compressed with method 14; proselens unpacks only stored and deflated entries')
    await expect(readZip(writeZip([{ name: 'a.xml', method: 0, data: encode('<a/>'), size: 2 }]))).rejects.toThrow('entry a.xml is corrupt (stored without compression, yet it declares 4 bytes packed and 2 unpacked)')
    // Deflate data cut short.
    const packed = deflateSync(encode('<p>The harbour bell rang at noon.</p>'.repeat(40)))
    await expect(readZip(writeZip([{ name: 'a.xml', packed: packed.slice(0, 20), size: 1480 }]))).rejects.toThrow(/^entry a\.xml is corrupt \(/)
  })

  it('refuses an entry whose local header is not where the directory says, or whose data runs off the end', async () => {
    const moved = small.slice()
    moved.set([0, 0, 0, 0], 0) // the first local header's signature
    await expect(readZip(moved)).rejects.toThrow('entry word/document.xml is corrupt (no local header at byte 0, where the central directory puts it)')
    const long = writeZip([{ name: 'a.xml', method: 0, data: encode('<a/>'), size: 4000, compressedSize: 4000 }])
    await expect(readZip(long)).rejects.toThrow(/^entry a\.xml is corrupt \(its data runs \d+ bytes past the end of the archive\)$/)
  })
})

describe('real DOCX and EPUB files', () => {
  const TOOLS = 'test/fixtures/tools'
  const files = ['pandoc-docx', 'libreoffice-docx', 'pandoc-epub', 'libreoffice-odt'].flatMap((d) => readdirSync(join(TOOLS, d)).map((f) => `${d}/${f}`))

  it.each(files)('%s: every text entry unpacks to the bytes fflate\'s own unzip gives', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(TOOLS, file)))
    const zip = await readZip(bytes)
    const reference = unzipSync(bytes)
    expect(zip.names).toEqual(Object.keys(reference).filter((n) => !n.endsWith('/')))
    let read = 0
    for (const name of zip.names) {
      const data = zip.read(name)
      if (!/\.(?:xml|rels|xhtml|html?|opf|ncx|txt)$|^mimetype$/i.test(name)) {
        expect(data).toBeUndefined()
        continue
      }
      expect(data).toEqual(reference[name])
      read++
    }
    expect(read).toBeGreaterThan(3)
  })

  // Figures of the reports yauzl's reading gave for these files, before fflate replaced it.
  it.each([
    {
      file: 'pandoc-docx/the-salt-ledger.marker.docx',
      format: 'docx',
      title: 'The Salt Ledger',
      author: 'Corvin Ashdown',
      totals: { words: 3365, sentences: 281, paragraphs: 92 },
      chapters: [['Chapter One', 3], ['Chapter Two', 2], ['Chapter Three: The Weighing House', 3]],
    },
    {
      file: 'libreoffice-docx/lantern-row.marker.docx',
      format: 'docx',
      title: 'Lantern Row',
      author: 'Isobel Thrale',
      totals: { words: 3794, sentences: 327, paragraphs: 120 },
      chapters: [['Chapter One: The Key Under the Step', 3], ['Chapter Two: Paper and Wire', 2], ['Chapter Three: Lantern Night', 2]],
    },
    {
      file: 'pandoc-epub/lantern-row.marker.epub',
      format: 'epub',
      title: 'Lantern Row',
      author: 'Isobel Thrale',
      totals: { words: 3794, sentences: 327, paragraphs: 120 },
      chapters: [['Chapter One: The Key Under the Step', 3], ['Chapter Two: Paper and Wire', 2], ['Chapter Three: Lantern Night', 2]],
    },
    {
      file: 'pandoc-epub/kettle-bay-letters.hr.epub',
      format: 'epub',
      title: 'Kettle Bay Letters',
      author: 'tidewrack',
      totals: { words: 2915, sentences: 294, paragraphs: 83 },
      chapters: [['Part One', 3], ['Part Two', 3]],
    },
  ])('$file reads to the same report as before', async ({ file, format, title, author, totals, chapters }) => {
    const r = await analyzeBytes(new Uint8Array(readFileSync(join(TOOLS, file))), { path: file })
    expect(r.source.format).toBe(format)
    expect(r.meta).toMatchObject({ title, author })
    expect(r.totals).toMatchObject(totals)
    expect(r.chapters.map((c) => [c.title, c.scenes.length])).toEqual(chapters)
    expect(r.diagnostics.map((d) => d.code)).toEqual(['layout'])
  })
})

describe('bytes and paths without Node', () => {
  it('encodes base64 exactly as Buffer does', () => {
    expect(base64(new Uint8Array(0))).toBe('')
    expect(base64(encode('f'))).toBe('Zg==')
    expect(base64(encode('fo'))).toBe('Zm8=')
    expect(base64(encode('foo'))).toBe('Zm9v')
    expect(base64(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('+//+')
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => base64(bytes) === Buffer.from(bytes).toString('base64')))
  })

  it('decodes UTF-8 as Buffer did, byte order mark and malformed bytes included', () => {
    expect(utf8Text(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]))).toBe('\ufeff<a/>')
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => utf8Text(bytes) === Buffer.from(bytes).toString('utf8')))
  })

  it('resolves zip-internal paths exactly as path.posix', () => {
    const path = fc.array(fc.constantFrom('a', 'b.xhtml', '.', '..', '', '/', '//', 'OEBPS', 'text/ch1.xhtml'), { maxLength: 8 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(path, path, (p, q) => {
        expect(zipDirname(p)).toBe(posix.dirname(p))
        expect(zipNormalize(p)).toBe(posix.normalize(p))
        expect(zipJoin(p, q)).toBe(posix.join(p, q))
        expect(zipJoin(zipDirname(p), q)).toBe(posix.join(posix.dirname(p), q))
      }),
      { numRuns: 2000 },
    )
    expect(zipJoin('OEBPS', 'text/../images/./cover.xhtml')).toBe('OEBPS/images/cover.xhtml')
    expect(zipNormalize('../../evil.xhtml')).toBe('../../evil.xhtml')
  })
})
