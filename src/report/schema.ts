import { isEnglishOnly, measures, type MeasureName } from '../measure/registry.js'
import { SCHEMA_VERSION } from './types.js'
import { CODE_PAGE_LABELS } from '../data/rtf.js'

const num = { type: 'number' }
const int = { type: 'integer', minimum: 0 }
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] })
const offset = { type: 'integer', minimum: 0, description: 'UTF-16 offset into the normalised text.' }
const span = { type: 'object', required: ['start', 'end'], properties: { start: offset, end: offset } }

const distribution = (definition: string) => ({
  type: 'object',
  description: definition,
  additionalProperties: false,
  required: ['count', 'mean', 'median', 'sd', 'min', 'max', 'p10', 'p90', 'histogram'],
  properties: {
    count: int,
    ...Object.fromEntries(['mean', 'median', 'sd', 'min', 'max', 'p10', 'p90'].map((k) => [k, nullable(num)])),
    histogram: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', 'count'],
        properties: { from: int, to: nullable(int), count: int },
      },
    },
  },
})

const share = nullable({ type: 'number', minimum: 0, maximum: 1 })
const pair = { type: 'array', items: offset, minItems: 2, maxItems: 2 }
const objectOf = (definition: string, required: string[], properties: Record<string, object>) => ({ type: 'object', description: definition, additionalProperties: false, required, properties })

/** JSON Schema fragment of a measure by its kind, with its definition as description. */
function measureSchema(kind: string, definition: string): object {
  switch (kind) {
    case 'count':
      return { ...int, description: definition }
    case 'minutes':
      return { type: 'number', minimum: 0, description: definition }
    case 'distribution':
      return distribution(definition)
    case 'dialogue':
      return objectOf(definition, ['share', 'words', 'speeches', 'meanSpeechWords', 'scareQuotes', 'spans', 'speakers'], {
        share, words: int, speeches: int, meanSpeechWords: nullable(num), scareQuotes: int, spans: { type: 'array', items: pair },
        speakers: {
          type: ['array', 'null'],
          description: 'Who said each span of spans, in the same order; null where none of the span is in English (speakers are found by English rules).',
          items: objectOf('The speaker of one span of speech.', ['name', 'kind', 'confidence'], {
            name: nullable({ type: 'string' }), kind: { enum: ['explicit', 'anaphoric', 'implicit', null] }, confidence: { type: 'number', minimum: 0, maximum: 1 },
          }),
        },
      })
    case 'characters':
      return {
        type: 'array',
        description: definition,
        items: objectOf('A character and their counts in the span.', ['name', 'aliases', 'gender', 'mentions', 'speeches', 'dialogueWords', 'dialogueShare', 'present', 'scenes', 'firstScene', 'lastScene'], {
          name: { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } }, gender: { enum: ['he', 'she', null] }, mentions: int, speeches: int, dialogueWords: int, dialogueShare: share, present: { type: 'boolean' }, scenes: int, firstScene: nullable(int), lastScene: nullable(int),
        }),
      }
    case 'thought':
      return nullable(objectOf(definition, ['share', 'words', 'spans'], { share, words: int, spans: { type: 'array', items: pair } }))
    case 'unmarkedThought':
      return objectOf(definition, ['share', 'words', 'spans'], { share, words: int, spans: { type: 'array', items: pair } })
    case 'povShifts':
      return {
        type: 'array',
        description: definition,
        items: objectOf('A paragraph that enters another character\'s head than the scene\'s viewpoint character\'s.', ['start', 'end', 'from', 'to', 'confidence', 'verbs', 'message'], {
          start: offset, end: offset, from: { type: 'string' }, to: { type: 'string' }, confidence: { type: 'number', minimum: 0, maximum: 1 }, verbs: { type: 'array', items: { type: 'string' } }, message: { type: 'string' },
        }),
      }
    case 'embedded':
      return {
        type: 'array',
        description: definition,
        items: objectOf('A character\'s told story: its span, teller and the person and tense of its narration.', ['start', 'end', 'speaker', 'pov', 'tense'], {
          start: offset, end: offset, speaker: nullable({ type: 'string' }), pov: { enum: ['first', 'second', 'third', 'mixed', null] }, tense: { enum: ['past', 'present', 'mixed', null] },
        }),
      }
    case 'tense':
      return objectOf(definition, ['dominant', 'past', 'present', 'pastShare', 'slips', 'embedded'], {
        embedded: { type: 'boolean', description: 'The figure comes from embedded narratives that make up most of the span.' },
        dominant: { enum: ['past', 'present', 'mixed', null] },
        past: int,
        present: int,
        pastShare: share,
        slips: {
          type: 'array',
          items: objectOf('A narration sentence against its scene\'s tense: shown by default from confidence 0.5, listed from 0.2.', ['start', 'end', 'against', 'confidence', 'shown', 'reason', 'verbs', 'message'], {
            start: offset,
            end: offset,
            against: { enum: ['past', 'present'] },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            shown: { type: 'boolean', description: 'Shown by default: the page lists it and the slip counts count it.' },
            reason: { enum: ['past-in-present', 'present-in-past', 'look-back', 'back-story', 'fragment', 'narrator-present', 'thought', 'question'], description: 'Why it reads as a slip, or (below 0.5) why it was judged less likely one.' },
            verbs: {
              type: 'array',
              items: objectOf('A verb that reads against the scene\'s tense.', ['start', 'end', 'text', 'tense'], { start: offset, end: offset, text: { type: 'string' }, tense: { enum: ['past', 'present'] } }),
            },
            message: { type: 'string', description: 'The slip in a sentence a person reads.' },
          }),
        },
      })
    case 'pov':
      return objectOf(definition, ['dominant', 'first', 'firstPlural', 'second', 'third', 'character', 'embedded'], {
        embedded: { type: 'boolean', description: 'The figure comes from embedded narratives that make up most of the span; character is then the teller.' },
        dominant: { enum: ['first', 'second', 'third', 'mixed', null] }, first: int, firstPlural: int, second: int, third: int, character: nullable({ type: 'string' }),
      })
    default:
      throw new Error(`no schema for measure kind ${kind}`)
  }
}

/** What a measure made by English rules says of a span in another language. */
const ENGLISH_ONLY = ' Null where none of the span is in English (see meta.languageCode and chapters\' language): the measure is made by English rules.'
const READING_ENGLISH = ' Null where any of the span is in another language: the rate is English readers\'.'

/** A measure's schema; one made by English rules may also be null. */
function measureOf(name: MeasureName, m: { kind: string; definition: string }): object {
  const schema = measureSchema(m.kind, m.definition) as { anyOf?: object[] }
  if (!isEnglishOnly(name)) return schema
  const note = name === 'readingMinutes' ? READING_ENGLISH : ENGLISH_ONLY
  return { description: m.definition + note, anyOf: schema.anyOf ?? [schema, { type: 'null' }] }
}

const measureProperties = Object.fromEntries(Object.entries(measures).map(([name, m]) => [name, measureOf(name as MeasureName, m)]))
const measureNames = Object.keys(measures)

const matter = nullable({
  type: 'object',
  required: ['start', 'end', 'text', 'fields'],
  properties: {
    start: offset,
    end: offset,
    text: { type: 'string' },
    fields: {
      type: 'array',
      items: { type: 'object', required: ['key', 'value', 'start', 'end'], properties: { key: { type: 'string' }, value: { type: 'string' }, start: offset, end: offset } },
    },
  },
})

/** The JSON Schema of a report (draft-07), published as `schema/report.schema.json`. */
export const reportSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://proselens.invalid/schema/report.schema.json',
  title: 'proselens report',
  description:
    'The analysis of one work: its structure (front matter, chapters, scenes) and measures per scene, per chapter and for the whole work. Every span is a half-open [start, end) pair of UTF-16 offsets into the normalised text (`text`).',
  type: 'object',
  required: ['schemaVersion', 'tool', 'source', 'meta', 'frontMatter', 'endMatter', 'layout', 'totals', 'chapters', 'scenes', 'quoteConvention', 'diagnostics'],
  properties: {
    schemaVersion: { const: SCHEMA_VERSION },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'proselens' }, version: { type: 'string' } } },
    source: {
      type: 'object',
      required: ['path', 'format', 'encoding', 'bytes', 'sha256'],
      properties: {
        path: nullable({ type: 'string' }),
        format: { enum: ['text', 'markdown', 'html', 'docx', 'odt', 'epub', 'rtf', 'scrivener', 'novelwriter', 'pdf', 'book'], description: 'The format read, detected from the bytes (the file name is a hint); scrivener and novelwriter: a writing app\'s project (a folder, or a zip holding one); pdf: a PDF\'s text layer; book: a folder of chapter files read as one work (or a zip of one).' },
        encoding: { enum: ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be', ...Object.values(CODE_PAGE_LABELS).filter((l) => l !== 'utf-8' && l !== 'windows-1252')], description: 'How the bytes were decoded (for RTF, the code page its `\\ansicpg` names).' },
        bytes: int,
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the input bytes; for a project of several files (Scrivener, novelWriter), of the sorted list of each file read as `path NUL sha256-hex LF` lines, so an edit to any part changes it.' },
      },
    },
    meta: {
      type: 'object',
      description: 'Metadata from the front matter: title, author, rating and other labelled fields; notes collects author\'s notes, thanks and dedications.',
      required: ['title', 'author', 'rating', 'fandom', 'summary', 'warnings', 'notes'],
      properties: {
        ...Object.fromEntries(['title', 'author', 'rating', 'fandom', 'summary', 'warnings'].map((k) => [k, nullable({ type: 'string' })])),
        notes: { type: 'array', items: { type: 'string' } },
        claimedWords: { type: 'integer', minimum: 0, description: 'A word count the work states about itself.' },
        language: { type: 'string', description: 'The language as the document states it (AO3\'s "Français", an EPUB\'s "en-GB"); absent where it states none.' },
        languageCode: nullable({ type: 'string', description: 'The work\'s language as a BCP 47 code (en, zh, fr-CA): what its metadata states (AO3\'s Language, an EPUB\'s dc:language, YAML\'s lang or language); else what franc finds in a sample of its text (the language its format carries without the writer stating it, an HTML lang or a word processor\'s, kept where the text agrees); null where neither tells (a text too short). Measures made by English rules are null for a work not in English.' }),
        languageSource: { enum: ['metadata', 'detected', null], description: 'Where languageCode comes from: the document\'s metadata, or the text (detected); null where no language was found.' },
      },
      additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }, { type: 'array', items: { type: 'string' } }] },
    },
    frontMatter: { ...matter, description: 'The block before the story proper (title, by-line, rating, summary, notes); left out of every measure.' },
    endMatter: { ...matter, description: 'The block after the story ("The End", closing notes); left out of every measure.' },
    layout: {
      type: 'object',
      required: ['separator', 'hardWrapped', 'usualGap'],
      properties: {
        separator: { enum: ['blank-line', 'newline', 'none', 'markup'], description: 'What usually separates paragraphs; markup: paragraphs are the document\'s own blocks (Markdown, HTML, DOCX, EPUB).' },
        hardWrapped: { type: 'boolean', description: 'Whether lines are wrapped inside paragraphs.' },
        usualGap: { ...int, description: 'Usual number of blank lines between paragraphs.' },
      },
    },
    totals: { $ref: '#/definitions/measures' },
    chapters: {
      type: 'array',
      items: {
        allOf: [{ $ref: '#/definitions/measures' }],
        type: 'object',
        required: ['index', 'number', 'title', 'part', 'subtitle', 'start', 'end', 'heading', 'language', 'scenes'],
        properties: {
          index: { ...int, description: 'The chapter\'s place, from 0 (what `chapter` and other indexes refer to).' },
          number: { type: 'integer', minimum: 1, description: 'The chapter\'s number as the page and the CSV show it: index + 1.' },
          title: nullable({ type: 'string' }),
          part: nullable({ type: 'string' }),
          subtitle: nullable({ type: 'string' }),
          start: offset,
          end: offset,
          heading: nullable(span),
          language: nullable({ type: 'string', description: 'The chapter\'s language (BCP 47): the work\'s, or another one its own text plainly shows (an English story with a chapter in French); null where none could be told. Its scenes are measured by English rules only where it is English.' }),
          scenes: { type: 'array', items: int, description: 'Indexes into `scenes`.' },
        },
      },
    },
    scenes: {
      type: 'array',
      items: {
        allOf: [{ $ref: '#/definitions/measures' }],
        type: 'object',
        required: ['index', 'number', 'chapter', 'position', 'start', 'end', 'break', 'opening', 'meta', 'paragraphSpans', 'sentenceSpans'],
        properties: {
          index: { ...int, description: 'The scene\'s place, from 0 (what chapters\' `scenes` refer to).' },
          number: { type: 'integer', minimum: 1, description: 'The scene\'s number as the page and the CSV show it: index + 1.' },
          chapter: { ...int, description: 'Index into `chapters`.' },
          position: { type: 'number', minimum: 0, maximum: 1, description: 'Where the scene starts in the story: the share of the story\'s words before it (0 to 1, to four places).' },
          start: offset,
          end: offset,
          break: {
            type: 'object',
            description: 'How the scene was separated from what came before it.',
            required: ['kind', 'marker', 'confidence', 'weak'],
            properties: {
              kind: { enum: ['start', 'chapter', 'marker', 'rule', 'gap', 'writer', 'document'], description: 'start: the first scene; chapter: a chapter heading; marker: a marker line such as * * * or #; rule: a horizontal rule in markup; gap: a gap between paragraphs unlike the usual one (a wider gap, or paragraphs glued where a rule was stripped); writer: a break the writer\'s corrections set (a marker of their own, with marker, or a break named by the words after it, marker null), confidence 1; document: a new document of a writing app\'s project (a Scrivener binder item, a novelWriter scene heading), marker null, confidence 1.' },
              marker: nullable({ type: 'string' }),
              confidence: {
                type: 'number',
                minimum: 0,
                maximum: 1,
                description:
                  'How sure the detector is that a scene starts here. Calibrated on real documents (see the README): breaks at 0.8 or more were right 98.8% of the time on published books in the files real tools make. A break of a convention the document does not otherwise use, or one between two speeches of a conversation, is given less.',
              },
              weak: { type: 'boolean', description: 'Confidence below 0.5: a possible break, which the page draws apart; a writer can confirm or undo it in a corrections file.' },
            },
          },
          opening: { type: 'string', description: 'The scene\'s first words (up to 12), to tell scenes apart.' },
          meta: nullable({
            type: 'object',
            description: 'What a writing app\'s project says of the document this scene is (null for every other format, and for a scene a project document does not open).',
            required: ['title', 'synopsis', 'label', 'status', 'pov', 'characters', 'locations'],
            additionalProperties: false,
            properties: {
              title: nullable({ type: 'string', description: 'The document\'s title in the binder (Scrivener) or its scene heading (novelWriter).' }),
              synopsis: nullable({ type: 'string', description: 'The writer\'s synopsis: Scrivener\'s synopsis card, novelWriter\'s %Synopsis comment.' }),
              label: nullable({ type: 'string', description: 'The Scrivener label set on the document, by its name.' }),
              status: nullable({ type: 'string', description: 'The status set on the document, by its name (e.g. "First Draft").' }),
              pov: nullable({ type: 'string', description: 'The point-of-view character the writer tagged (novelWriter\'s @pov), shown beside the one measured.' }),
              characters: { type: 'array', items: { type: 'string' }, description: 'Characters the writer tagged (novelWriter\'s @pov, @focus and @char), in order.' },
              locations: { type: 'array', items: { type: 'string' }, description: 'Places the writer tagged (novelWriter\'s @location).' },
            },
          }),
          paragraphSpans: { type: 'array', items: { type: 'array', items: offset, minItems: 2, maxItems: 2 } },
          sentenceSpans: { type: 'array', items: { type: 'array', items: int, minItems: 4, maxItems: 4 }, description: '[start, end, words, dialogueWords] of each sentence: its span, its words, and how many of them lie inside dialogue.' },
        },
      },
    },
    quoteConvention: { enum: ['double', 'single', 'guillemets', 'low', 'corner', 'dash', 'none'], description: 'The dialogue convention detected for the whole document: double (“…”, "…") or single (‘…’) quotes; guillemets (« … », or »…« as German and Danish books set them); low (low-high quotes, „…“ or „…”); corner (corner brackets 「…」 with 『…』 inside them); dash (speech paragraphs opening with an em dash; quotes in another convention outside them count too); none.' },
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['severity', 'code', 'message'],
        properties: { severity: { enum: ['info', 'warning', 'error'] }, code: { type: 'string' }, message: { type: 'string' }, start: offset, end: offset },
      },
    },
    text: { type: 'string', description: 'The normalised text every offset refers to.' },
  },
  definitions: {
    measures: { type: 'object', required: measureNames, properties: measureProperties },
  },
} as const
