/**
 * BCP 47 codes of the languages a stated name is matched against: those AO3 lists works in most,
 * and those franc tells apart. Their names come from the platform's own CLDR data
 * (`Intl.DisplayNames`): each in its own language (AO3's "Français", "日本語") and in English.
 */
const KNOWN = [
  'en', 'zh', 'es', 'fr', 'de', 'ru', 'ja', 'ko', 'pt', 'it', 'pl', 'nl', 'id', 'vi', 'th', 'tr', 'sv', 'fi', 'da', 'nb', 'no', 'nn',
  'cs', 'sk', 'hu', 'ro', 'bg', 'uk', 'be', 'el', 'he', 'ar', 'fa', 'hi', 'ur', 'bn', 'ta', 'te', 'mr', 'ne', 'ms', 'fil', 'tl', 'ca',
  'eu', 'gl', 'cy', 'ga', 'gd', 'is', 'et', 'lv', 'lt', 'sl', 'hr', 'sr', 'bs', 'mk', 'sq', 'hy', 'ka', 'kk', 'uz', 'az', 'mn', 'la',
  'eo', 'af', 'sw', 'yo', 'ha', 'ig', 'zu', 'jv', 'su', 'ceb', 'km', 'lo', 'my', 'si', 'yue',
] as const

let names: Map<string, string> | null = null
const NO_LANGUAGE = new Set(['und', 'zxx', 'mul', 'mis'])

/** Every known language's names, lower-cased, to its code ("français", "french", "fr" → fr). */
function nameTable(): Map<string, string> {
  if (names) return names
  names = new Map()
  const english = new Intl.DisplayNames(['en'], { type: 'language' })
  for (const code of KNOWN) {
    names.set(code, code)
    const own = safeName(code, code)
    const inEnglish = english.of(code)
    for (const n of [own, inEnglish]) if (n && n.toLowerCase() !== code) names.set(n.toLowerCase(), code)
  }
  return names
}

function safeName(locale: string, code: string): string | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code)
  } catch {
    return undefined
  }
}

/**
 * The BCP 47 code of a language as a document states it: a code ("fr", "en-GB", "fra", "pt_BR")
 * or a name in the language itself or in English ("Français", "中文-普通话 國語", "Português
 * brasileiro", "German"). Null where it names no language known here.
 */
export function codeOfLanguage(stated: string): string | null {
  const s = stated.trim()
  if (s === '') return null
  // A code: canonical BCP 47 (ISO 639-2 and -3 codes become their two-letter ones).
  if (/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(s)) {
    try {
      const code = Intl.getCanonicalLocales(s.replace(/_/g, '-'))[0]
      // Not a language: undetermined, none, several, or one without a code.
      if (code && !NO_LANGUAGE.has(code)) return code
    } catch {
      // Not a well-formed tag: try it as a name.
    }
  }
  const table = nameTable()
  const lower = s.toLowerCase().normalize('NFC')
  const whole = table.get(lower)
  if (whole) return whole
  // A name with more after it ("中文-普通话 國語", "Português brasileiro", "Bahasa Indonesia").
  const words = lower.split(/[\s\-–—(),/|]+/).filter(Boolean)
  for (const w of words) {
    const code = table.get(w)
    if (code && code.length <= 3 && w.length > 3) return code
  }
  for (const [name, code] of table) if (name.length > 1 && !/^[a-z]{2,3}$/.test(name) && (lower.startsWith(name) || lower.endsWith(name))) return code
  return null
}

/** The language's name in English ("Chinese", "French"), for messages. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** English, or a work whose language could not be told (measured as English, as before). */
export const isEnglish = (code: string | null | undefined): boolean => code === null || code === undefined || code === 'en' || code.startsWith('en-')
