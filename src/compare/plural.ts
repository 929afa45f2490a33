// Counts in words, for every line a comparison prints or shows: "1 scene", "2 scenes".

/** The noun for `n` of it: `one` for exactly 1, else `many` (by default `one` + "s"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many
}

/** `n` written out (with thousands separators) and its noun: "1 scene", "1,200 words", "0 scenes". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${plural(n, one, many)}`
}
