/**
 * The RTF vocabulary the RTF reader needs, from Microsoft's RTF specification 1.9.1 (control
 * words, destinations, `\fcharset` values) and the WHATWG Encoding Standard (the decoders a
 * browser has for each Windows code page).
 */

/** Control words that stand for one character of text. */
export const RTF_SYMBOLS: Readonly<Record<string, string>> = {
  tab: '\t',
  emdash: '\u2014',
  endash: '\u2013',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
  bullet: '\u2022',
  emspace: '\u2003',
  enspace: '\u2002',
  qmspace: '\u2005',
  zwj: '\u200d',
  zwnj: '\u200c',
  ltrmark: '',
  rtlmark: '',
}

/**
 * Destinations whose content is never story text: tables read elsewhere or not at all, pictures
 * and objects, headers and footers, footnotes and comments, list labels, index entries. A
 * destination marked `\*` that the reader does not know is skipped too, as the specification says.
 */
export const RTF_SKIPPED = new Set([
  'colortbl', 'filetbl', 'revtbl', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'pict', 'object', 'objdata',
  'shp', 'shppict', 'nonshppict', 'do', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'footnote', 'annotation', 'atnid', 'atnauthor', 'listtext', 'pntext', 'pn', 'xe', 'tc', 'txe', 'template', 'ftnsep',
  'ftnsepc', 'ftncn', 'aftnsep', 'aftnsepc', 'aftncn', 'fldinst', 'datafield', 'themedata', 'colorschememapping',
  'latentstyles', 'datastore', 'private', 'userprops', 'docvar', 'upr', 'bkmkstart', 'bkmkend', 'field-inst', 'macpict',
  'wmetafile', 'dibitmap', 'wbitmap', 'expandedcolortbl', 'mmathPr', 'pgdsctbl', 'xmlnstbl', 'fontemb', 'fontfile',
  'falt', 'panose', 'keycode', 'background', 'printim', 'buptim', 'creatim', 'revtim',
])

/** Destinations that hold a note: left out of the text, counted in a diagnostic. */
export const RTF_NOTES = new Set(['footnote', 'annotation'])

/** Fields of the `\info` group read as metadata. */
export const RTF_INFO_FIELDS = new Set(['title', 'author', 'subject', 'keywords'])

/** The code page of each `\fcharset` value that names one (0 and 1 follow the document's `\ansicpg`). */
export const RTF_CHARSET_CODE_PAGES: Readonly<Record<number, number>> = {
  77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257,
  204: 1251, 222: 874, 238: 1250, 255: 437,
}

/** The WHATWG decoder label of each code page a browser's `TextDecoder` reads. */
export const CODE_PAGE_LABELS = {
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  866: 'ibm866',
  10000: 'macintosh',
  65001: 'utf-8',
} as const

/** The code page named by the document's character set word (`\ansi`, `\mac`, `\pc`, `\pca`). */
export const RTF_CHARSET_WORDS: Readonly<Record<string, number>> = { ansi: 1252, mac: 10000, pc: 437, pca: 850 }
