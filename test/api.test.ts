import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'

describe('public API', () => {
  /** The browser-safe core's values; the package adds the three that read files. */
  const CORE = [
    'CorrectionsError', 'FORMAT_EXTENSIONS', 'MAX_FILE_BYTES', 'SCHEMA_VERSION', 'STAGES', 'UnreadableInputError', 'VERSION', 'analyze', 'analyzeBytes',
    'analyzeSource', 'annotate', 'applyCorrections', 'buildReport', 'compareReports', 'formatOfName', 'jsonPieces', 'measureAll', 'measures', 'mergeCorrections', 'parseCorrections',
    'readSource', 'readSourceAsync', 'readText', 'renderCompareHtml', 'renderReportHtml', 'reportHtmlPieces', 'reportSchema', 'structure', 'toJson', 'tooLarge', 'validateReport',
  ]

  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([...CORE, 'InputError', 'analyzeFile', 'readSidecar'].sort())
  })

  it('the core (proselens/core) exports the same but what needs Node', async () => {
    const core = await import('../src/core.js')
    expect(Object.keys(core).sort()).toEqual([...CORE].sort())
    for (const name of CORE) expect((core as Record<string, unknown>)[name]).toBe((api as Record<string, unknown>)[name])
  })

  it('tells each stage as it begins, in order, and each scene read within annotation', () => {
    const told: [string, number][] = []
    api.analyze('She ran. He stayed.\n\n* * *\n\nThey met.\n\n* * *\n\nIt rained.\n\n* * *\n\nThe end came.', { onStage: (s, done) => told.push([s, done]) })
    expect(told.filter(([, done]) => done === 0).map(([s]) => s)).toEqual(Object.keys(api.STAGES))
    expect(told.filter(([s, done]) => s === 'annotate' && done > 0).map(([, done]) => done)).toEqual([0.25, 0.5, 0.75, 1])
  })

  it('VERSION is package.json\'s version', () => {
    expect(api.VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
  })

  it('analyze takes a string or bytes and says what it expected otherwise', () => {
    const fromString = api.analyze('She ran. He stayed.\n\n* * *\n\nThey met again.')
    const fromBytes = api.analyze(new TextEncoder().encode('She ran. He stayed.\n\n* * *\n\nThey met again.'))
    expect(fromString.scenes.map((s) => s.words)).toEqual([4, 3])
    expect(fromBytes.totals).toEqual(fromString.totals)
    expect(() => api.analyze(undefined as unknown as string)).toThrow('expected a string or a Uint8Array, not undefined')
    expect(() => api.analyze(42 as unknown as string)).toThrow('not number')
  })

  it('analyzeFile rejects a directory with a clear message', async () => {
    await expect(api.analyzeFile('corpus')).rejects.toThrow('corpus: is a directory, not a file')
  })

  it('counts add up from scenes to chapters to the work', () => {
    const r = api.analyze(readFileSync('corpus/the-salt-ledger.txt'))
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    for (const key of ['words', 'sentences', 'paragraphs'] as const) {
      for (const c of r.chapters) expect(c[key]).toBe(sum(c.scenes.map((i) => r.scenes[i]![key])))
      expect(r.totals[key]).toBe(sum(r.chapters.map((c) => c[key])))
    }
    expect(r.totals.sentenceLength.count).toBe(r.totals.sentences)
  })

  it('every registered measure handles empty, one-word and long scenes', () => {
    for (const text of ['', 'Word.', 'She walked and walked. '.repeat(2000)]) {
      const r = api.analyze(text)
      expect(api.validateReport(r)).toEqual([])
      for (const name of Object.keys(api.measures)) expect(r.totals).toHaveProperty(name)
    }
  })
})
