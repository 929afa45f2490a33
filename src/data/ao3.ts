/**
 * How Archive of Our Own lays out a download: the labels of its preface fields and of the notes
 * around chapters, and the lines it adds to every work.
 */

/** The archive an AO3 download is from, as `meta.archive` names it. */
export const AO3_ARCHIVE = 'Archive of Our Own'

/** AO3's labels ("Archive Warning:", "Chapter End Notes") and the `meta` key each one fills. */
const LABELS: readonly (readonly [key: string, pattern: RegExp])[] = [
  ['rating', /^ratings?$/i],
  ['warnings', /^archive warnings?$/i],
  ['category', /^categor(?:y|ies)$/i],
  ['fandom', /^fandoms?$/i],
  ['relationships', /^relationships?$/i],
  ['characters', /^characters?$/i],
  ['tags', /^additional tags$/i],
  ['language', /^language$/i],
  ['series', /^series$/i],
  ['collections', /^collections?$/i],
  ['stats', /^stats$/i],
  ['summary', /^summary$/i],
  ['notes', /^notes$/i],
  ['chapterSummary', /^chapter summary$/i],
  ['chapterNotes', /^chapter notes$/i],
  ['chapterEndNotes', /^chapter end notes$/i],
  ['endNotes', /^end notes$/i],
]

/** The `meta` key for an AO3 label, or null. */
export function ao3Label(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim().replace(/:$/, '')
  for (const [key, re] of LABELS) if (re.test(t)) return key
  return null
}

/** Preface fields that hold a list of tags (AO3 tags never contain commas). */
export const ao3ListKeys: ReadonlySet<string> = new Set(['relationships', 'characters', 'tags', 'collections'])

/** Read AO3's stats line: dates, the work's own word count and its chapter count. */
export function ao3Stats(value: string): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const key of ['published', 'updated', 'completed'] as const) {
    const m = new RegExp(`${key}:\\s*(\\d{4}-\\d{2}-\\d{2})`, 'i').exec(value)
    if (m) out[key] = m[1]!
  }
  const words = /words:\s*([\d,. ]*\d)/i.exec(value)
  if (words) {
    const n = Number(words[1]!.replace(/[^\d]/g, ''))
    if (Number.isFinite(n)) out.claimedWords = n
  }
  const chapters = /chapters:\s*(\d+\s*\/\s*(?:\d+|\?))/i.exec(value)
  if (chapters) out.claimedChapters = chapters[1]!.replace(/\s+/g, '')
  return out
}

/** Lines AO3 adds to every download, which belong to no work. */
const BOILERPLATE = [
  /^posted originally on the archive of our own\b/i,
  /^please drop by the archive and comment\b/i,
  /^see the end of the (?:work|chapter) for\b/i,
]

export function isAo3Boilerplate(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim()
  return BOILERPLATE.some((re) => re.test(t))
}
