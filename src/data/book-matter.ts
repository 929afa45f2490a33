/**
 * The sections of a book around its story, named as the EPUB structural semantics vocabulary
 * and publishing convention name them, and the lines Project Gutenberg puts around every text.
 */

/**
 * EPUB structural semantics (`epub:type`) of the matter around a story: a section or document of
 * one of these types is front matter before the story and end matter after it, never story.
 */
const MATTER_TYPES = new Set([
  'frontmatter', 'backmatter', 'titlepage', 'halftitlepage', 'halftitle', 'imprint', 'dedication', 'epigraph', 'copyright-page',
  'colophon', 'acknowledgements', 'acknowledgments', 'toc', 'landmarks', 'loi', 'lot', 'preface', 'foreword', 'seriespage',
  'contributors', 'other-credits', 'errata', 'afterword', 'appendix', 'endnotes', 'rearnotes', 'footnotes', 'glossary',
  'index', 'bibliography', 'cover', 'z3998:publisher-note', 'z3998:editorial-note',
])

/** Whether an `epub:type` value names matter around the story. */
export function isMatterType(value: string | undefined): boolean {
  if (!value) return false
  for (const t of value.toLowerCase().split(/\s+/)) if (MATTER_TYPES.has(t)) return true
  return false
}

/** EPUB 2 guide types (and EPUB 3 landmarks) of documents that are matter, not story. */
export const GUIDE_MATTER = new Set(['cover', 'title-page', 'titlepage', 'copyright-page', 'dedication', 'epigraph', 'acknowledgements', 'acknowledgments', 'colophon', 'toc', 'foreword', 'preface', 'loi', 'lot', 'glossary', 'index', 'bibliography', 'notes', 'imprint', 'halftitlepage'])

/** Headings of sections that come before the story (a title page, an imprint, a dedication). */
export const frontSectionHeading =
  /^(?:title\s*page|half[\s-]*title(?:\s*page)?|imprint|copyright(?:\s*page)?|dedication|epigraph|(?:table\s+of\s+)?contents|also\s+by\b.{0,60}|praise\s+for\b.{0,60}|about\s+this\s+e-?book|front\s*matter|list\s+of\s+illustrations|publisher'?s?\s+note|transcriber'?s?\s+notes?)\s*[.:]?$/i

/** Headings of sections that come after the story (a colophon, an afterword, end notes). */
export const backSectionHeading =
  /^(?:colophon|afterword|author'?s?\s+afterword|acknowledge?ments?|about\s+the\s+authors?|a\s+note\s+(?:on|from)\s+the\s+(?:text|author)|author'?s?\s+notes?|end\s*notes|notes|glossary|bibliography|index|copyright(?:\s*page)?|also\s+by\b.{0,60}|back\s*matter|transcriber'?s?\s+notes?|reading\s+group\s+guide)\s*[.:]?$/i

/** A table-of-contents line: the list after it names the chapters. */
export const contentsHeading = /^(?:table\s+of\s+)?contents\s*[.:]?$/i

/** Project Gutenberg's lines around the text: before START is its header, from END on its licence. */
export const gutenbergStart = /^\*{3}\s*start\s+of\s+(?:the|this)\s+project\s+gutenberg\b/i
export const gutenbergEnd = /^(?:\*{3}\s*end\s+of\s+(?:the|this)\s+project\s+gutenberg\b|end\s+of\s+(?:(?:the|this)\s+)?project\s+gutenberg'?s?\b)/i

/** AO3's label before a work's text, as a download or its page copied to text shows it. */
export const ao3WorkText = /^(?:work\s+text|chapter\s+text)\s*:?$/i
