/**
 * Quotation marks and the words that make an apostrophe look like a quote mark. Elisions are
 * the common word-initial apostrophe forms of English fiction (dialect and informal speech:
 * 'em, 'tis, 'twas, 'cause); a straight or curly apostrophe before them never opens a quote.
 */
export const OPEN_DOUBLE = '“'
export const CLOSE_DOUBLE = '”'
export const OPEN_SINGLE = '‘'
export const CLOSE_SINGLE = '’'

export const elisions: ReadonlySet<string> = new Set([
  'em', 'tis', 'twas', 'twere', 'twill', 'twould', 'cause', 'cos', 'coz', 'bout', 'til', 'nuff', 'kay', 'neath', 'mongst', 'gainst', 'cept', 'spose', 'sup', 'scuse',
  'member', 'mornin', 'evenin', 'fore', 'n', 's', 't', 'd', 'll', 've', 're', 'm',
  '70s', '80s', '90s', '60s', '50s', '40s', '30s', '20s', '00s',
])

/** Elisions that are also words a speech can open with ("‘Is he…", "‘Ere long"): only when
 * written in lower case, as dialect is ("’is hat", "’ere"), never capitalised as a speech opens. */
export const lowerCaseElisions: ReadonlySet<string> = new Set([
  'is', 'im', 'er', 'ere', 'e', 'ead', 'ave', 'ad', 'appen', 'ow', 'ome', 'ouse', 'ands', 'eard', 'alf', 'orse', 'round', 'till', 'less', 'un', 'uns', 'ee', 'ye', 'at', 'tain', 'o', 'bye', 'night',
])

/** Words of a dialogue tag in dash-dialogue paragraphs ("—Yes, he said, I will."). */
export const speechVerbs =
  'said|says|asked|asks|answered|answers|replied|replies|cried|cries|called|calls|whispered|whispers|shouted|shouts|muttered|mutters|murmured|murmurs|added|adds|went on|continued|continues|began|begins|exclaimed|exclaims|repeated|repeats|told|tells|observed|remarked|suggested|explained|insisted|protested|retorted|sighed|laughed|growled|snapped|breathed|echoed|agreed|demanded|inquired|enquired'

/** More verbs a speech tag may have ("admitted", "cut in", "smiled"), read by the speaker sieves along with `speechVerbs`. */
export const tagVerbs =
  'admitted|admits|announced|announces|declared|declares|interrupted|interrupts|offered|offers|pleaded|pleads|begged|begs|warned|warns|urged|urges|promised|promises|teased|teases|hissed|hisses|grunted|grunts|mumbled|mumbles|stammered|stammers|gasped|gasps|shrieked|shrieks|yelled|yells|screamed|screams|bellowed|bellows|roared|roars|sobbed|sobs|wailed|wails|ventured|ventures|returned|rejoined|resumed|resumes|persisted|conceded|concedes|corrected|corrects|confessed|confesses|countered|counters|noted|notes|concluded|prompted|prompts|pressed|presses|snarled|snarls|barked|barks|drawled|drawls|sneered|sneers|scoffed|scoffs|chuckled|chuckles|giggled|giggles|smiled|smiles|grinned|grins|nodded|nods|shrugged|shrugs|groaned|groans|moaned|moans|panted|pants|sang|sings|called out|calls out|cut in|cuts in|broke in|put in|spoke|speaks|said again|asked again|exclaimed|whimpered|croaked|rasped|purred|squeaked|stuttered|blurted|blurts|lied|lies|admonished|assented|objected|objects|responded|responds|wondered aloud|reminded|reminds|informed|assured|assures|agreed|agrees|mused|muses|quipped|huffed|hummed|howled|retorted|snapped|sighs|laughs|growls|snaps|breathes|echoes|insists|protests|suggests|explains|observes|remarks|demands|inquires|enquires'

/**
 * Letters inside narration: a salutation line opens one ("Dearest Joan,", "My dear Sir,",
 * "Miss Esther Summerson,"), a complimentary close ends it ("Yours ever,", "Your affectionate
 * sister"). Conventions of English letter writing.
 */
export const SALUTATION =
  /^['‘"“]?(?:(?:my\s+)?(?:dear|dearest|darling|beloved)\s+[^,.!?]{1,40}|(?:dear\s+)?(?:sir|madam|gentlemen|mr\.?|mrs\.?|miss|ms\.?|dr\.?|mother|father)\b[^,.!?]{0,40}|to\s+[^,.!?]{1,40}),\s*$/i
export const SIGN_OFF =
  /^['‘"“]?(?:yours|ever\s+yours|your\s+(?:affectionate|loving|devoted|obedient|sincere|faithful|humble|friend|own)|with\s+(?:love|all my love|best wishes)|love(?:\s+from)?|sincerely|affectionately|faithfully|believe me)\b/i
/** The longest letter, in paragraphs, when no close is found. */
export const MAX_LETTER_PARAGRAPHS = 60
