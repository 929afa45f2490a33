// RTF in the shapes the writing tools save it (Word, WordPad, TextEdit, Scrivener), written here
// by hand with sentences of our own, and hostile RTF. LibreOffice's RTF is in
// test/fixtures/tools/libreoffice-rtf (scripts/render-tools.mjs) and checked in
// real-structure.test.ts; the corpus stories as Word-shaped RTF in formats.test.ts.
import { describe, expect, it } from 'vitest'
import { analyze, analyzeBytes } from '../src/pipeline.js'
import { readSource } from '../src/ingest/index.js'
import { UnreadableInputError } from '../src/ingest/text.js'
import type { Source } from '../src/types.js'

/** A string of byte values (ASCII, and `\xHH` for raw bytes) as the file's bytes. */
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
const read = (s: string, path = 'story.rtf'): Source => readSource(bytesOf(s), { path })
const paragraphs = (src: Source) => src.markup!.blocks.map((b) => (b.role === 'text' ? '' : `${b.role}${b.level ?? ''}:`) + src.text.slice(b.start, b.end) + (b.centred ? ' (centred)' : ''))
const italics = (src: Source) => src.markup!.italics.map((s) => src.text.slice(s.start, s.end))

const WORD_HEAD = String.raw`{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff31507\deff0\stshfdbch31505\stshfloch31506\deflang1033\deflangfe1033\themelang1033{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}{\f39\fbidi \froman\fcharset204\fprq2 Times New Roman Cyr;}}
{\colortbl;\red0\green0\blue0;\red0\green0\blue255;}{\*\defchp \fs22\loch\af31506}{\*\defpap \ql \li0\ri0\sa160\sl259\slmult1\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 }
{\stylesheet{\ql \li0\ri0\sa160\sl259\slmult1\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af31507\afs22\alang1025 \ltrch\fcs0 \fs22\lang1033\langfe1033\cgrid\langnp1033\langfenp1033 \snext0 \sqformat \spriority0 Normal;}
{\s1\ql \li0\ri0\sb240\keepn\widctlpar\wrapdefault\aspalpha\aspnum\faauto\outlinelevel0\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af31503\afs32\alang1025 \ltrch\fcs0 \fs32\cf19\lang1033\langfe1033\loch\f31502\hich\af31502\dbch\af31501\cgrid\langnp1033\langfenp1033 \sbasedon0 \snext0 \slink15 \sqformat \spriority9 \styrsid4542 heading 1;}
{\s30\qc \li0\ri0\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af31503\afs56\alang1025 \ltrch\fcs0 \fs56\expnd-2\expndtw-10\kerning28\lang1033\langfe1033\loch\f31502\hich\af31502\dbch\af31501\cgrid\langnp1033\langfenp1033 \sbasedon0 \snext0 \slink31 \sqformat \spriority10 \styrsid4542 Title;}
{\*\cs10 \additive \ssemihidden \sunhideused \spriority1 Default Paragraph Font;}
{\*\cs16 \additive \rtlch\fcs1 \ai\af0 \ltrch\fcs0 \i\cf0 \sbasedon10 \sqformat \spriority20 \styrsid4542 Emphasis;}
{\*\ts11\tsrowd\trftsWidthB3\trpaddl108\trpaddr108\trpaddfl3\trpaddft3\trpaddfb3\trpaddfr3\tblind0\tblindtype3\tsvertalt\tsbrdrt\tsbrdrl\tsbrdrb\tsbrdrr\tsbrdrdgl\tsbrdrdgr\tsbrdrh\tsbrdrv \ql \li0\ri0\sa160\sl259\slmult1\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af31507\afs22\alang1025 \ltrch\fcs0 \fs22\lang1033\langfe1033\cgrid\langnp1033\langfenp1033 \snext11 \ssemihidden \sunhideused Normal Table;}}
{\*\rsidtbl \rsid4542\rsid9012}{\mmathPr\mmathFont34\mbrkBin0\mbrkBinSub0\msmallFrac0\mdispDef1\mlMargin0\mrMargin0\mdefJc1\mwrapIndent1440\mintLim0\mnaryLim1}{\info{\title Tram Lines}{\author Ines Marr}{\operator Ines Marr}{\creatim\yr2024\mo3\dy1\hr9\min5}{\revtim\yr2024\mo3\dy1\hr9\min7}{\version2}{\edmins3}{\nofpages1}{\nofwords50}{\nofchars300}{\vern57}}{\*\xmlnstbl {\xmlns1 http://schemas.microsoft.com/office/word/2003/wordml}}
\paperw12240\paperh15840\margl1440\margr1440\margt1440\margb1440\gutter0\ltrsect \widowctrl\ftnbj\aenddoc\trackmoves0\trackformatting1\donotembedsysfont1\relyonvml0\donotembedlingdata0\grfdocevents0\validatexml1\showplaceholdtext0\ignoremixedcontent0\saveinvalidxml0\showxmlerrors1\noxlattoyen\expshrtn\noultrlspc\dntblnsbdb\nospaceforul\formshade\horzdoc\dgmargin\dghspace180\dgvspace180\dghorigin1440\dgvorigin1440\dghshow1\dgvshow1\jexpand\viewkind1\viewscale100\pgbrdrhead\pgbrdrfoot\splytwnine\ftnlytwnine\htmautsp\nolnhtadjtbl\useltbaln\alntblind\lytcalctblwd\lyttblrtgr\lnbrkrule\nobrkwrptbl\snaptogridincell\allowfieldendsel\wrppunct\asianbrkrule\rsidroot4542\newtblstyruls\nogrowautofit\usenormstyforlist\noindnmbrts\felnbrelev\nocxsptable\indrlsweleven\noafcnsttbl\afelev\utinl\hwelev\spltpgpar\notcvasp\notbrkcnstfrctbl\notvatxbx\krnprsnet\cachedcolbal \nouicompat \fet0{\*\wgrffmtfilter 2450}\nofeaturethrottle1\ilfomacatclnup0\ltrpar \sectd \ltrsect\linex0\endnhere\sectlinegrid360\sectdefaultcl\sftnbj {\*\pnseclvl1\pnucrm\pnstart1\pnindent720\pnhang {\pntxta .}}{\*\pnseclvl2\pnucltr\pnstart1\pnindent720\pnhang {\pntxta .}}
`
const WORD_BODY = `${WORD_HEAD}${String.raw`\pard\plain \ltrpar\s30\qc \li0\ri0\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af31503\afs56\alang1025 \ltrch\fcs0 \fs56\expnd-2\expndtw-10\kerning28\lang1033\langfe1033\loch\af31502\hich\af31502\dbch\af31501\cgrid\langnp1033\langfenp1033 {\rtlch\fcs1 \af31503 \ltrch\fcs0 \insrsid4542 Tram Lines}{\rtlch\fcs1 \af31503 \ltrch\fcs0 \insrsid4542 \par }
\pard\plain \ltrpar\s1\ql \li0\ri0\sb240\keepn\widctlpar\wrapdefault\aspalpha\aspnum\faauto\outlinelevel0\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af31503\afs32\alang1025 \ltrch\fcs0 \fs32\cf19\lang1033\langfe1033\loch\af31502\hich\af31502\dbch\af31501\cgrid\langnp1033\langfenp1033 {\rtlch\fcs1 \af31503 \ltrch\fcs0 \insrsid4542 The Last Stop}{\rtlch\fcs1 \af31503 \ltrch\fcs0 \insrsid4542 \par }
\pard\plain \ltrpar\ql \li0\ri0\sa160\sl259\slmult1\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af31507\afs22\alang1025 \ltrch\fcs0 \fs22\lang1033\langfe1033\cgrid\langnp1033\langfenp1033 {\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542 Ines rode the tram to the very last stop. }{\rtlch\fcs1 \ai\af31507 \ltrch\fcs0 \i\insrsid4542 Too far again,}{\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542  she thought}{\rtlch\fcs1 \af31507 \ltrch\fcs0 \cs17\super\insrsid4542 \chftn {\footnote \ltrpar \pard\plain \ltrpar\s18\ql \rtlch\fcs1 \af31507\afs20\alang1025 \ltrch\fcs0 \fs20\lang1033\langfe1033 {\rtlch\fcs1 \af31507 \ltrch\fcs0 \cs17\super\insrsid4542 \chftn }{\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542  A note that is no part of the tale.}}}{\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542 .\par }
\pard \ltrpar\ql \li0\ri0\sa160\sl259\slmult1\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 {\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542 The driver waved her off with a }{\rtlch\fcs1 \af31507 \ltrch\fcs0 \cs16\insrsid4542 tired}{\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542  hand and a caf\'e9 cup, na\'efve as ever: \ldblquote Mind the step\rdblquote  \emdash  he said it {\field{\*\fldinst {\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542  HYPERLINK "https://example.org/" }}{\fldrslt {\rtlch\fcs1 \af31507 \ltrch\fcs0 \ul\cf2\insrsid4542 twice}}}.\par }
\pard \ltrpar\qc \li0\ri0\sa160\sl259\slmult1\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 {\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542 * * *\par }
\pard \ltrpar\ql \li0\ri0\sa160\sl259\slmult1\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 {\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542 At home the kettle ticked as it cooled.}{\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542 \par }
{\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid4542 \page }\pard \ltrpar\ql {\rtlch\fcs1 \af31507 \ltrch\fcs0 \f39\insrsid4542 A postcard said \u1055\'cf\u1088\'f0\u1080\'e8\u1074\'e2\u1077\'e5\u1090\'f2 in a round hand.\par }
\pard\plain \ltrpar\s1\ql \keepn\pagebb\outlinelevel0 \fs32 {\insrsid4542 The Depot\par }
\pard\plain \ltrpar\ql \fs22 {\insrsid4542 Morning came in grey over the depot roof.\par }
{\*\themedata 504b030414000600080000002100e9de0fbfff0000001c020000130000005b436f6e74656e745f54797065735d2e786d6cac91cb4ec3301045f748fc83e52d4a}
{\*\colorschememapping 3c3f786d6c2076657273696f6e3d22312e30}
{\*\latentstyles\lsdstimax376\lsdlockeddef0\lsdsemihiddendef0\lsdunhideuseddef0\lsdqformatdef0\lsdprioritydef99{\lsdlockedexcept \lsdqformat1 \lsdpriority0 \lsdlocked0 Normal;\lsdqformat1 \lsdpriority9 \lsdlocked0 heading 1;}}
{\*\datastore 01050000020000001800000057006f00720064002e0044006f00630075006d0065006e0074002e003800000000000000}}`}`

describe('RTF as Word saves it', () => {
  it('reads the Title and heading 1 styles, text, italics (\\i and the Emphasis character style), symbols, fields and Unicode with fallbacks', () => {
    const src = read(WORD_BODY)
    expect(src.format).toBe('rtf')
    expect(src.encoding).toBe('windows-1252')
    expect(paragraphs(src)).toEqual([
      'heading1:Tram Lines',
      'heading2:The Last Stop',
      'Ines rode the tram to the very last stop. Too far again, she thought.',
      'The driver waved her off with a tired hand and a café cup, naïve as ever: “Mind the step” — he said it twice.',
      '* * * (centred)',
      'At home the kettle ticked as it cooled.',
      'break:',
      'A postcard said Привет in a round hand.',
      'heading2:The Depot',
      'Morning came in grey over the depot roof.',
    ])
    expect(italics(src)).toEqual(['Too far again,', 'tired'])
    expect(src.diagnostics.map((d) => d.code)).toEqual(['rtf-notes'])
    expect(src.text).not.toMatch(/note that is no part|HYPERLINK|504b03|Normal Table|Emphasis/)
  })

  it('gives chapters at the heading styles, scene breaks at the centred marker and the page break, the title and author', () => {
    const r = analyze(bytesOf(WORD_BODY), { path: 'tram.rtf' })
    expect(r.source.format).toBe('rtf')
    expect(r.meta.title).toBe('Tram Lines')
    expect(r.meta.author).toBe('Ines Marr')
    expect(r.chapters.map((c) => c.title)).toEqual(['The Last Stop', 'The Depot'])
    expect(r.scenes.map((s) => s.break.kind)).toEqual(['start', 'marker', 'rule', 'chapter'])
    expect(r.scenes[0]!.thought!.words).toBe(3)
  })
})

describe('RTF as WordPad, TextEdit and Scrivener save it', () => {
  it('WordPad: \\ansicpg1251 and \\fcharset204 bytes, paragraph properties that last until \\pard', () => {
    const wordpad = String.raw`{\rtf1\ansi\ansicpg1251\deff0\nouicompat\deflang1049{\fonttbl{\f0\fnil\fcharset204 Calibri;}{\f1\fnil\fcharset0 Calibri;}}
{\*\generator Riched20 10.0.19041}\viewkind4\uc1 
\pard\sa200\sl276\slmult1\f0\fs22\lang1049\'cf\'f0\'e8\'e2\'e5\'f2, \'ec\'e8\'f0.\par
\f1\lang1033 The ferry left at \i nine\i0  sharp.\par
\qc * * *\par
\pard\sa200\sl276\slmult1 The pier was empty after.\par
}
`
    const src = read(wordpad)
    expect(src.encoding).toBe('windows-1251')
    expect(paragraphs(src)).toEqual(['Привет, мир.', 'The ferry left at nine sharp.', '* * * (centred)', 'The pier was empty after.'])
    expect(italics(src)).toEqual(['nine'])
  })

  it('TextEdit (Cocoa RTF): a backslash at the line end is a paragraph, \\uc0 Unicode, italic fonts, Mac code page words', () => {
    const textedit = `{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761
\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\froman\\fcharset0 Times-Roman;\\f1\\froman\\fcharset0 Times-Italic;}
{\\colortbl;\\red255\\green255\\blue255;}
{\\*\\expandedcolortbl;;}
\\paperw11900\\paperh16840\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0
\\pard\\tx720\\tx1440\\tx2160\\pardirnatural\\partightenfactor0

\\f0\\fs24 \\cf0 Odile counted the jars on the shelf, caf\\'e9 tins too.\\
\\
\\pard\\tx720\\qc\\partightenfactor0
\\cf0 #\\
\\pard\\tx720\\partightenfactor0
\\cf0 She said \\'93yes\\'94 and left \\'97 quickly, \\uc0\\u8220 so\\u8221  she said.\\
\\f1\\i A whole line of slanted words.\\f0\\i0 \\
}`
    const src = read(textedit)
    expect(paragraphs(src)).toEqual(['Odile counted the jars on the shelf, café tins too.', '# (centred)', 'She said “yes” and left — quickly, “so” she said.', 'A whole line of slanted words.'])
    expect(src.markup!.blocks[1]!.blanks).toBe(1)
    expect(italics(src)).toEqual(['A whole line of slanted words.'])
  })

  it("Scrivener (its Mac RTF): style tags and comment links left out, the comment's anchor text kept", () => {
    const scrivener = `{\\rtf1\\ansi\\ansicpg1252\\cocoartf2639
\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\fnil\\fcharset0 Palatino-Roman;\\f1\\fnil\\fcharset0 Palatino-Italic;}
{\\colortbl;\\red255\\green255\\blue255;\\red0\\green0\\blue0;}
{\\*\\expandedcolortbl;;\\csgray\\c0;}
\\pard\\tx360\\fi360\\sl288\\slmult1\\pardirnatural\\partightenfactor0

\\f0\\fs26 \\cf2 <$Scr_Ps::0>The boat came in at dawn.\\
The harbour master counted the crates {\\field{\\*\\fldinst{HYPERLINK "scrivcmt://0A1B2C3D"}}{\\fldrslt twice}}, then {\\f1\\i once more}.<!$Scr_Ps::0>\\
\\pard\\tx360\\qc\\partightenfactor0
\\cf2 * * *\\
\\pard\\tx360\\fi360\\sl288\\slmult1\\pardirnatural\\partightenfactor0
\\cf2 By noon the gulls had gone.}`
    const src = read(scrivener)
    expect(paragraphs(src)).toEqual(['The boat came in at dawn.', 'The harbour master counted the crates twice, then once more.', '* * * (centred)', 'By noon the gulls had gone.'])
    expect(italics(src)).toEqual(['once more'])
    const r = analyze(bytesOf(scrivener), { path: 'draft.rtf' })
    expect(r.scenes.map((s) => s.break.kind)).toEqual(['start', 'marker'])
  })
})

describe('RTF escapes and code pages', () => {
  it.each([
    ['\\uN with the default one fallback byte', String.raw`caf\u233?, na\u239?ve`, 'café, naïve'],
    ['\\uc2 skips two fallback characters, a \\\'hh counting as one', String.raw`{\uc2 caf\u233\'65\'3f!}`, 'café!'],
    ['\\uc0 has no fallback', String.raw`\uc0 \u8216 quoted\u8217`, '‘quoted’'],
    ['negative \\u values and surrogate pairs', String.raw`\u-10179?\u-8704? and \u-3?`, '😀 and \ufffd'],
    ['\\\'hh in Windows-1252, 0x80–0x9F included', String.raw`\'93Cr\'e8me\'94 \'96 \'80 5`, '“Crème” – € 5'],
    // A no-break space is white space to the builder, as `&nbsp;` is in HTML.
    ['escaped braces and backslashes, \\~ and \\_', String.raw`a \{b\} c\\d e\~f g\_h`, 'a {b} c\\d e f g-h'],
    ['\\tab, \\emdash, \\endash, \\lquote, \\rquote, \\bullet', String.raw`one\tab two\emdash three\endash four \lquote five\rquote  \bullet`, 'one two—three–four ‘five’ •'],
    ['\\line keeps a line break', String.raw`first line\line second line`, 'first line\nsecond line'],
    ['hidden text (\\v) is left out', String.raw`shown {\v hidden }words`, 'shown words'],
    ['\\bin data is skipped whole, braces in it too', `before {\\*\\blob\\bin4 }}}}} {\\bin6 }}{}{ } after`, 'before after'],
  ])('%s', (_what, body, text) => {
    expect(read(`{\\rtf1\\ansi\\deff0 ${body}\\par}`).text).toBe(text)
  })

  it.each([
    [1250, String.raw`\'8ailhav\'e1 \'9e\'e1ba`, 'Šilhavá žába', 'windows-1250'],
    [1251, String.raw`\'d1\'eb\'ee\'e2\'ee \'e8 \'e4\'e5\'eb\'ee`, 'Слово и дело', 'windows-1251'],
    [1253, String.raw`\'ea\'e1\'eb\'e7\'ec\'dd\'f1\'e1`, 'καλημέρα', 'windows-1253'],
  ])('\\ansicpg%i decodes \\\'hh bytes and raw bytes by TextDecoder', (cp, body, text, encoding) => {
    const src = read(`{\\rtf1\\ansi\\ansicpg${cp}\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0 Arial;}}\\f0 ${body}\\par}`)
    expect(src.text).toBe(text)
    expect(src.encoding).toBe(encoding)
    // The same bytes raw, unescaped, read the same.
    const raw = body.replace(/\\'([0-9a-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    expect(read(`{\\rtf1\\ansi\\ansicpg${cp}\\deff0 ${raw}\\par}`).text).toBe(text)
  })

  it('a font whose \\fcharset names another code page decodes its bytes in that one', () => {
    const src = read(String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fswiss\fcharset204 Arial Cyr;}{\f2\fswiss\fcharset238 Arial CE;}}\f0 Caf\'e9 {\f1 \'c4\'e0} {\f2 \'9e}\par}`)
    expect(src.text).toBe('Café Да ž')
  })

  it('says so when the code page has no decoder, and reads Windows-1252', () => {
    const src = read(String.raw`{\rtf1\ansi\ansicpg37\deff0 plain \'e9\par}`)
    expect(src.text).toBe('plain é')
    expect(src.diagnostics.map((d) => d.code)).toContain('rtf-code-page')
  })
})

describe('RTF structure', () => {
  const para = (s: string) => `\\pard\\plain ${s}\\par\n`
  const prose = (n: number, seed: string) => Array.from({ length: n }, (_, i) => para(`${seed}, and the lamp in window ${i + 1} went out before the next one lit.`)).join('')

  it('takes \\outlinelevel alone as a heading, \\pagebb before a body paragraph and \\sect\\sbkpage as page breaks', () => {
    const doc = `{\\rtf1\\ansi\\deff0{\\stylesheet{\\s0 Normal;}{\\s2\\outlinelevel0 Chapter Head;}}
${para('\\s2\\outlinelevel0 First Night')}${prose(3, 'The street was quiet')}${para('\\pagebb The clock struck once in the hall.')}${prose(2, 'Rain came at midnight')}\\sect\\sectd\\sbkpage
${prose(2, 'By dawn the gutters ran')}${para('\\outlinelevel0 Second Night')}${prose(3, 'The street was loud')}}`
    const r = analyze(bytesOf(doc), { path: 'nights.rtf' })
    expect(r.chapters.map((c) => c.title)).toEqual(['First Night', 'Second Night'])
    expect(r.scenes.map((s) => [s.break.kind, s.opening.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['start', 'The street was'],
      ['rule', 'The clock struck'],
      ['rule', 'By dawn the'],
      ['chapter', 'The street was'],
    ])
  })

  it('an empty paragraph holding a horizontal-line shape is a rule (Word fHorizRule; a thin wide rectangle, as LibreOffice writes VML rules); a picture is not', () => {
    const wordRule = String.raw`{\shp{\*\shpinst\shpleft0\shptop0\shpright0\shpbottom0\shpfhdr0\shpbxcolumn\shpbypara\shpwr2\shpz0{\sp{\sn shapeType}{\sv 1}}{\sp{\sn fHorizRule}{\sv 1}}}}`
    const loRule = String.raw`{\field{\*\fldinst SHAPE }{\fldrslt{\shp{\*\shpinst\shpleft0\shptop-31\shpright9359\shpbottom-2\shpwr3\shpz23{\sp{\sn shapeType}{\sv 1}}{\sp{\sn fillColor}{\sv 16777215}}}}}}`
    const picture = String.raw`{\shp{\*\shpinst\shpleft0\shptop0\shpright4000\shpbottom3000{\sp{\sn shapeType}{\sv 75}}{\sp{\sn pib}{\sv {\pict\pngblip 89504e47}}}}}`
    for (const [shape, kinds] of [[wordRule, ['start', 'rule']], [loRule, ['start', 'rule']], [picture, ['start']]] as const) {
      const doc = `{\\rtf1\\ansi\\deff0 ${prose(3, 'The tide went out')}\\pard ${shape}\\par\n${prose(3, 'The tide came in')}}`
      expect(analyze(bytesOf(doc), { path: 'tide.rtf' }).scenes.map((s) => s.break.kind)).toEqual(kinds)
    }
  })

  it("a table's cells are paragraphs and its rows leave no blank lines", () => {
    const row = (a: string, b: string) => String.raw`\trowd\cellx2000\cellx4000\pard\intbl ${a}\cell\pard\intbl ${b}\cell\row`
    const src = read(`{\\rtf1\\ansi The plan for the week:\\par\n${row('Monday', 'nets')}\n${row('Tuesday', '')}\n\\pard After the table.\\par}`)
    expect(paragraphs(src)).toEqual(['The plan for the week:', 'Monday', 'nets', 'Tuesday', 'After the table.'])
    expect(src.markup!.blocks.map((b) => b.blanks ?? 0)).toEqual([0, 0, 0, 0, 0])
  })

  it('a paragraph style that is italic makes its text italic; \\plain ends it', () => {
    const src = read(String.raw`{\rtf1\ansi\deff0{\stylesheet{\s0 Normal;}{\s5\i\qc Letter;}}\pard\plain\s5\i Dear Sam, I am well.\par\pard\plain She folded it twice.\par}`)
    expect(paragraphs(src)).toEqual(['Dear Sam, I am well. (centred)', 'She folded it twice.'])
    expect(italics(src)).toEqual(['Dear Sam, I am well.'])
  })

  it('reads RTF named .txt as RTF and says so, and RTF with a byte order mark', async () => {
    const r = await analyzeBytes(bytesOf(String.raw`{\rtf1\ansi She ran.\par}`), { path: 'draft.txt' })
    expect(r.source.format).toBe('rtf')
    expect(r.diagnostics.map((d) => d.code)).toContain('format-mismatch')
    expect(read(`\xef\xbb\xbf{\\rtf1\\ansi Kept.\\par}`).text).toBe('Kept.')
  })
})

describe('hostile RTF', () => {
  it('skips a 5 MB picture, keeping none of it (its speed is the bench\'s to measure, not a timed test)', () => {
    const hex = '89504e470d0a1a0a'.repeat((5 * 2 ** 20) / 16)
    const doc = `{\\rtf1\\ansi\\deff0 Before the picture.\\par{\\*\\shppict{\\pict\\pngblip\\picw100\\pich100 ${hex}}}{\\nonshppict{\\pict\\wmetafile8 ${hex.slice(0, 1000)}}}After it.\\par}`
    const src = read(doc)
    expect(src.text).toBe('Before the picture.\n\nAfter it.')
    expect(src.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('reads a truncated file to its end with a warning', () => {
    const src = read(String.raw`{\rtf1\ansi\deff0{\fonttbl{\f0 Times;}}\pard The first paragraph.\par\pard The second one breaks off mid{\i way`)
    expect(paragraphs(src)).toEqual(['The first paragraph.', 'The second one breaks off midway'])
    expect(src.diagnostics.map((d) => d.code)).toEqual(['rtf-truncated'])
  })

  it('reads past closing braces that were never opened, with a warning', () => {
    const src = read(String.raw`{\rtf1\ansi One.\par}} Two.\par}}}`)
    expect(paragraphs(src)).toEqual(['One.', 'Two.'])
    expect(src.diagnostics.map((d) => d.code)).toEqual(['rtf-unbalanced'])
  })

  it('a picture that never closes ends the text, with a warning, not a hang', () => {
    const src = read(String.raw`{\rtf1\ansi Kept.\par{\pict 0102030405`)
    expect(src.text).toBe('Kept.')
    expect(src.diagnostics.map((d) => d.code)).toEqual(['rtf-truncated'])
  })

  it('survives deep nesting, long control words and huge numbers', () => {
    const deep = '{'.repeat(200_000) + 'deep' + '}'.repeat(200_000)
    const src = read(`{\\rtf1\\ansi ${deep} \\${'x'.repeat(5000)}99999999999999999999 \\u99999999999 \\uc99999999 end\\par}`)
    expect(src.text).toMatch(/^deep/)
    expect(src.diagnostics.map((d) => d.code)).toEqual([])
  })

  it('refuses binary junk named .rtf in plain words; reads text named .rtf as text and says so', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256)
    await expect(analyzeBytes(junk, { path: 'draft.rtf' })).rejects.toThrow(UnreadableInputError)
    await expect(analyzeBytes(junk, { path: 'draft.rtf' })).rejects.toThrow('draft.rtf is not a readable .rtf: the file is damaged or is not an RTF document')
    const r = await analyzeBytes(new TextEncoder().encode('Only words here.\n'), { path: 'note.rtf' })
    expect(r.source.format).toBe('text')
    expect(r.diagnostics.map((d) => d.code)).toContain('format-mismatch')
  })

  it('an RTF header with nothing after it is an empty work, not an error', () => {
    expect(read('{\\rtf1').text).toBe('')
  })
})
