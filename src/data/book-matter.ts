/**
 * The sections of a book around its story, named as the EPUB structural semantics vocabulary
 * and publishing convention name them, and the lines Project Gutenberg puts around every text.
 */

/** Headings of sections that come before the story (a title page, an imprint, a dedication). */
export const frontSectionHeading =
  /^(?:title\s*page|half[\s-]*title(?:\s*page)?|imprint|copyright(?:\s*page)?|dedication|epigraph|(?:table\s+of\s+)?contents|also\s+by\b.{0,60}|praise\s+for\b.{0,60}|about\s+this\s+e-?book|front\s*matter|list\s+of\s+illustrations|publisher'?s?\s+note|transcriber'?s?\s+notes?)\s*[.:]?$/i

/** Headings of sections that come after the story (a colophon, an afterword, end notes). */
export const backSectionHeading =
  /^(?:colophon|afterword|author'?s?\s+afterword|acknowledge?ments?|about\s+the\s+authors?|a\s+note\s+(?:on|from)\s+the\s+(?:text|author)|author'?s?\s+notes?|end\s*notes|notes|glossary|bibliography|index|copyright(?:\s*page)?|also\s+by\b.{0,60}|back\s*matter|transcriber'?s?\s+notes?|reading\s+group\s+guide)\s*[.:]?$/i

/** A table-of-contents line: the list after it names the chapters. */
export const contentsHeading = /^(?:table\s+of\s+)?contents\s*[.:]?$/i

/** Project Gutenberg's lines around the text: before START is its header, from END on its licence. */
export const gutenbergStart = /^\*{3}\s*start of (?:the|this) project gutenberg\b/i
export const gutenbergEnd = /^(?:\*{3}\s*end of (?:the|this) project gutenberg\b|end of (?:the |this )?project gutenberg'?s?\b)/i

/** AO3's label before a work's text, as a download or its page copied to text shows it. */
export const ao3WorkText = /^(?:work\s+text|chapter\s+text)\s*:?$/i
