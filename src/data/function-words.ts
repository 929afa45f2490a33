/**
 * The commonest words of English prose, nearly all of them function words: together about half the
 * words of English fiction, and a few in a hundred of French, German, Spanish or Dutch prose (where
 * "a", "in", "was" or "me" also occur). A fast first look at a sample's language.
 */
export const ENGLISH_COMMON: ReadonlySet<string> = new Set([
  'the', 'and', 'to', 'of', 'a', 'i', 'in', 'was', 'he', 'she', 'it', 'that', 'you', 'his', 'her', 'had', 'with', 'for', 'on', 'as',
  'at', 'but', 'my', 'me', 'not', 'they', 'said', 'be', 'is', 'have', 'him', 'so', 'all', 'were', 'what', 'would', 'from', 'there',
  'this', 'one', 'we', 'out', 'up', 'no', 'could', 'been', 'them', 'if', 'or', 'an', 'like', 'into', 'when', 'back', 'just', 'then',
  'do', 'did', "didn't", "don't", "it's", "i'm", 'about', 'over', 'down', 'by', 'their', 'are', 'your', 'who', 'which', 'its',
])
