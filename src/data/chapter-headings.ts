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

/** "Chapter" and "Part" in the languages AO3 holds most works in after English. */
const chapterWords = 'chapitre|kapitel|cap[ií]tulo|capitolo|hoofdstuk|rozdzia[łl]|kapitola|fejezet|kapittel|glava|глава|розділ|часть|частина'
const partWords = 'partie|teil|parte|deel|cz[eę][śs][ćc]|книга|том'
const prologueWords = 'prolog|prólogo|prologo|пролог|epilog|epílogo|epilogo|épilogue|эпилог|епілог|postface|nachwort|vorwort'
/** A word of these lists as a heading writes it: lower case, capitalised or in capitals. */
const anyCase = (list: string): string =>
  list.split('|').flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]).join('|')
/** Roman numerals in capitals only: "Parte di me" is no heading. */
const romanUpper = '(?=[IVXLCDM]+\\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})'
/** Numbers written in Han characters or full-width digits ("第十二章", "第３話"). */
const hanNumber = '[0-9０-９〇零一二三四五六七八九十百千两兩]+'

export const chapterHeadings: readonly RegExp[] = [
  new RegExp(`^(?:chapter|chap\\.?|ch\\.)\\s*${num}\\b${tail}$`, 'i'),
  new RegExp(`^(?:part|book|volume|vol\\.|act|section)\\s+${num}\\b${tail}$`, 'i'),
  /^(?:prologue|epilogue|interlude|afterword|foreword|preface|introduction|coda|intermission|postscript|the end of the beginning)\b(?:\s*[.:]?\s*(?:[-–—:|]\s*)?(?:\S.{0,70})?)?$/i,
  // Other languages: "Chapitre 3", "Kapitel IV: Der Weg", "Глава 2", "Partie 1".
  new RegExp(`^(?:${anyCase(chapterWords)})\\s+(?:\\d{1,4}|${romanUpper})(?![\\p{L}\\p{N}])${tail}$`, 'u'),
  new RegExp(`^(?:${anyCase(partWords)})\\s+(?:\\d{1,4}|${romanUpper})(?![\\p{L}\\p{N}])${tail}$`, 'u'),
  new RegExp(`^(?:${anyCase(prologueWords)})(?!\\p{L})(?:\\s*[.:]?\\s*(?:[-–—:|]\\s*)?(?:\\S.{0,70})?)?$`, 'u'),
  // Chinese and Japanese: "第一章", "第3話 雨の日", "序章", "楔子"; Korean: "제1장".
  new RegExp(`^第${hanNumber}[章回話话節节部卷幕篇](?:[\\s　:：、.．]+\\S.{0,40})?$`, 'u'),
  /^(?:序章|終章|终章|序幕|楔子|尾声|尾聲|番外|プロローグ|エピローグ|序)(?:[\s　:：、]+\S.{0,40})?$/u,
  /^제\s?\d{1,4}\s?[장화부](?:[\s:.]+\S.{0,40})?$/u,
  // A lone number or Roman numeral, optionally with a period: "7", "IV.", "XII"
  /^(?:\d{1,3}|(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\.?$/,
  // A number word alone in capitals: "ONE", "TWENTY-TWO"
  new RegExp(`^${spelled(words.map((w) => w.toUpperCase())).replace('and', 'AND')}\\.?$`),
  // "1. The Road", "3 — Home": a number and a short title without final punctuation
  /^\d{1,3}\s*(?:[.:)]|\s[-–—])\s*\p{Lu}[^.!?"“”]{0,60}$/u,
]

/** The longest line that can be a heading. */
export const MAX_HEADING_LENGTH = 90
