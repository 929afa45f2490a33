/**
 * Labelled lines of front matter, as fan-fiction archives and writers' headers lay them out
 * (FanFiction.net/AO3 headers copied to text, manuscript cover pages). Each row: the key it fills
 * in `meta`, and a pattern whose first group is the value.
 */
export const frontMatterFields: readonly (readonly [key: string, pattern: RegExp])[] = [
  ['title', /^title\s*:\s*(.*)$/i],
  ['author', /^(?:author|writer|written by|pen\s*name)\s*[:\-–—]?\s+(.+)$/i],
  ['author', /^by\s*[:\-–—]?\s+(\S.{0,70})$/i],
  ['rating', /^(?:rating|rated)\s*[:\-–—]?\s*(\S.{0,40})$/i],
  // FanFiction.net's story line, copied with its page: "Rated: Fiction  K+ - English - Friendship - …".
  ['rating', /^rated:\s*(?:fiction\s+)?(K\+?|T|M|MA)\s+-\s.{0,600}$/i],
  // A site's breadcrumb above a story ("Books » Sherlock Holmes"): the last step is the fandom.
  ['fandom', /^(?:[^»\n]{1,60}\s»\s)+([^»\n]{1,80})$/],
  // A rating alone on its line, in the systems fan fiction uses (film, FanFiction.net, AO3).
  ['rating', /^((?:G|PG|PG-?13|R|NC-?17|K\+?|T|M|MA|Explicit|Mature|Teen(?:\s+and\s+up(?:\s+audiences)?)?|General(?:\s+audiences)?|Not\s+rated))\.?$/i],
  // A setting or timeline line with no label ("Set after season five", "Post NFA", "Missing scene from 2x04", "AU").
  ['setting', /^((?:set\s+(?:after|before|during|between|in|around|post)\b.{0,80}|post[\s-](?:\S.{0,60})|pre[\s-](?:\S.{0,60})|missing\s+scene\b.{0,80}|(?:modern\s+|canon[\s-]*divergen(?:t|ce)\s+)?AU\b.{0,60}|alternate\s+universe\b.{0,60}|takes\s+place\b.{0,80}|spoilers?\s+(?:for|through|up\s+to)\b.{0,80}|(?:canon[\s-]*)?compliant\b.{0,60}))$/i],
  ['fandom', /^(?:fandoms?|universe|canon|setting|world|source)\s*:\s*(.*)$/i],
  ['series', /^series\s*:\s*(.*)$/i],
  ['summary', /^(?:summary|blurb|synopsis|description)\s*(?::\s*(.*))?$/i],
  ['warnings', /^(?:(?:archive|content|trigger)\s+)?(?:warnings?|cw|tw)\s*:\s*(.*)$/i],
  ['disclaimer', /^disclaimer\s*[:\-–—]?\s*(.*)$/i],
  ['notes', /^(?:a\/n|a\.n\.)\s*[:\-–—]?\s*(.*)$/i],
  ['notes', /^(?:author'?s?'?\s*notes?|notes?)\s*(?::\s*(.*))?$/i],
  ['pairing', /^(?:pairings?|relationships?|ships?)\s*:\s*(.*)$/i],
  ['characters', /^characters?\s*:\s*(.*)$/i],
  ['category', /^(?:categor(?:y|ies)|genres?)\s*:\s*(.*)$/i],
  ['tags', /^(?:(?:additional\s+)?tags|keywords)\s*:\s*(.*)$/i],
  ['claimedWords', /^(?:word\s*count|words)\s*:\s*([\d,. ]+)\s*$/i],
  ['chapters', /^chapters?\s*:\s*(\d+\s*(?:\/\s*(?:\d+|\?))?)\s*$/i],
  ['status', /^status\s*:\s*(.*)$/i],
  ['language', /^language\s*:\s*(.*)$/i],
  ['published', /^(?:published|posted|updated|completed|date)\s*:\s*(.*)$/i],
  ['spoilers', /^spoilers?\s*:\s*(.*)$/i],
  ['timeline', /^timeline\s*:\s*(.*)$/i],
  ['dedication', /^(?:dedication\s*:|dedicated to)\s*(.*)$/i],
  ['feedback', /^(?:feedback|reviews?|comments?)\s*:\s*(.*)$/i],
  ['beta', /^(?:beta(?:'?d|ed|s)?(?:\s*(?:reader|read))?\s*(?:by|:)\s*(.*))$/i],
  // Unlabelled thanks are short lines; a long paragraph that mentions a beta reader is story.
  ['thanks', /^(?=.{0,400}$)((?:(?:huge|big|many|special)\s+)?(?:thanks|thank you)\b.*)$/i],
  ['thanks', /^(?=.{0,400}$)(.*\b(?:my\s+beta|beta[\s-]?reader|beta'?d|betaed|betaing)\b.*)$/i],
]

/** Keys whose label may stand alone on its line, with the value in the next paragraph. */
export const multiParagraphKeys: ReadonlySet<string> = new Set(['summary', 'notes', 'disclaimer', 'warnings'])

/** Keys kept as lists of notes in `meta.notes`. */
export const noteKeys: ReadonlySet<string> = new Set(['notes', 'thanks', 'beta', 'dedication', 'feedback'])

/** The longest paragraph that can be a labelled field (an author's note of a few hundred words). */
export const MAX_FIELD_LENGTH = 3000

/** The longest line that can be a title. */
export const MAX_TITLE_LENGTH = 100
