/**
 * Chapter-heading patterns, from the headings of published novels and web fiction:
 * "Chapter 1", "CHAPTER ONE", "Chapter IV: The Road", "Part Two", "Prologue", a lone number or
 * Roman numeral on its own line.
 */
const words = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
  'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred',
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'last', 'final',
] as const
const spelled = (list: readonly string[]): string => {
  const one = `(?:${list.join('|')})`
  return `${one}(?:[\\s-]+(?:and[\\s-]+)?${one})*`
}
const numberWords = spelled(words)
const roman = '(?=[ivxlcdm]+\\b)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})'
const num = `(?:\\d{1,4}|${roman}|${numberWords})`
/** What may follow the number: nothing, a period, or a separator and a title. */
const tail = '(?:\\s*[.:]?\\s*(?:[-–—:.|]\\s*)?(?:\\S.{0,78})?)?'

export const chapterHeadings: readonly RegExp[] = [
  new RegExp(`^(?:chapter|chap\\.?|ch\\.)\\s*${num}\\b${tail}$`, 'i'),
  new RegExp(`^(?:part|book|volume|vol\\.|act|section)\\s+${num}\\b${tail}$`, 'i'),
  /^(?:prologue|epilogue|interlude|afterword|foreword|preface|introduction|coda|intermission|postscript|the end of the beginning)\b(?:\s*[.:]?\s*(?:[-–—:|]\s*)?(?:\S.{0,70})?)?$/i,
  // A lone number or Roman numeral, optionally with a period: "7", "IV.", "XII"
  /^(?:\d{1,3}|(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\.?$/,
  // A number word alone in capitals: "ONE", "TWENTY-TWO"
  new RegExp(`^${spelled(words.map((w) => w.toUpperCase())).replace('and', 'AND')}\\.?$`),
  // "1. The Road", "3 — Home": a number and a short title without final punctuation
  /^\d{1,3}\s*(?:[.:)]|\s[-–—])\s*\p{Lu}[^.!?"“”]{0,60}$/u,
]

/** The longest line that can be a heading. */
export const MAX_HEADING_LENGTH = 90
