// The one line `proselens watch` prints for each save: what moved between two reports of a story.
import { compareReports, type ScenePair } from './index.js'
import type { Report } from '../report/types.js'
import { count } from './plural.js'

/** The longest change line before the scenes left over are counted rather than named. */
export const CHANGE_LINE_LENGTH = 160

const signed = (n: number, one: string) => `${n > 0 ? '+' : '−'}${count(Math.abs(n), one)}`
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`)
const tenths = (x: number | null) => (x === null ? '–' : x.toFixed(1))
/** Mean sentence length moves a little with every sentence written: only a shift this large is news. */
const MEAN_SENTENCE_NEWS = 0.5

/** What moved in one scene of a pair, or null when nothing did. */
function scenePart(p: ScenePair): string | null {
  if (p.status === 'added') return `scene ${p.new!.index + 1} new (${count(p.new!.words, 'word')})`
  if (p.status === 'cut') return `old scene ${p.old!.index + 1} cut (${count(p.old!.words, 'word')})`
  const o = p.old!
  const n = p.new!
  const moved: string[] = []
  if (p.status === 'moved') moved.push(`moved from ${o.index + 1}`)
  if (n.words !== o.words) moved.push(signed(n.words - o.words, 'word'))
  if (percent(o.dialogueShare) !== percent(n.dialogueShare)) moved.push(`dialogue ${percent(o.dialogueShare)} → ${percent(n.dialogueShare)}`)
  if (o.meanSentence !== null && n.meanSentence !== null ? Math.abs(n.meanSentence - o.meanSentence) >= MEAN_SENTENCE_NEWS : o.meanSentence !== n.meanSentence) {
    moved.push(`mean sentence ${tenths(o.meanSentence)} → ${tenths(n.meanSentence)}`)
  }
  const slips = (n.slips ?? 0) - (o.slips ?? 0)
  if (slips > 0) moved.push(`${count(slips, 'new slip')}`)
  if (slips < 0) moved.push(`${count(-slips, 'slip')} gone`)
  if (o.tense !== n.tense) moved.push(`tense ${o.tense ?? '–'} → ${n.tense ?? '–'}`)
  if (o.pov !== n.pov) moved.push(`POV ${o.pov ?? '–'} → ${n.pov ?? '–'}`)
  return moved.length ? `scene ${n.index + 1}: ${moved.join(', ')}` : null
}

/**
 * One line saying what moved between two reports of a story, scene by scene, the scenes matched
 * as `compareReports` matches them: "scene 5: +120 words, dialogue 31% → 24%, 1 new slip".
 * Scenes are separated by "; "; past `maxLength` characters the rest are counted ("and 4 more
 * scenes changed") and the whole story's change in words is added. When no figure moved (a
 * word swapped for another), "no change in the figures".
 */
export function describeChange(before: Report, after: Report, maxLength = CHANGE_LINE_LENGTH): string {
  const comparison = compareReports(before, after)
  const parts: string[] = []
  const chapters = [before.chapters.length, after.chapters.length]
  if (chapters[0] !== chapters[1]) parts.push(`chapters ${chapters[0]} → ${chapters[1]}`)
  for (const p of comparison.pairs) {
    const part = scenePart(p)
    if (part) parts.push(part)
  }
  const words = after.totals.words - before.totals.words
  if (parts.length === 0) {
    // Words outside every scene (a heading, matter) still count for the story.
    return words === 0 ? 'no change in the figures' : `story: ${signed(words, 'word')}`
  }
  const total = words === 0 ? '' : `; story ${signed(words, 'word')}`
  if (parts.length === 1) return parts[0]!.length <= maxLength ? parts[0]! : `${parts[0]!.slice(0, maxLength - 1)}…`
  const shown: string[] = []
  for (const part of parts) {
    const rest = parts.length - shown.length - 1
    const tail = rest > 0 ? `; and ${count(rest, 'more scene')} changed${total}` : total
    if ([...shown, part].join('; ').length + tail.length > maxLength && shown.length > 0) break
    shown.push(part)
  }
  const rest = parts.length - shown.length
  return shown.join('; ') + (rest > 0 ? `; and ${count(rest, 'more scene')} changed` : '') + total
}
