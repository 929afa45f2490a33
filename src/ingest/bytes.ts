/**
 * Bytes to text without Node's `Buffer`, so that the readers run in browsers too: UTF-8 through
 * the standard `TextDecoder`, base64 by hand (`btoa` takes only Latin-1 strings, so bytes would
 * first need copying into one).
 */

// `ignoreBOM` keeps a leading byte order mark in the text, as `Buffer#toString('utf8')` did.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

/** Bytes read as UTF-8, malformed sequences as U+FFFD and a byte order mark kept, as `Buffer#toString('utf8')` reads them. */
export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes)
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Bytes in standard base64 (RFC 4648, section 4), padded with `=`. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = []
  const whole = bytes.length - (bytes.length % 3)
  // Each three bytes become four characters; building short strings keeps this linear.
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out.push(BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + BASE64[n & 63]!)
  }
  const rest = bytes.length - whole
  if (rest === 1) {
    const n = bytes[whole]! << 16
    out.push(BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + '==')
  } else if (rest === 2) {
    const n = (bytes[whole]! << 16) | (bytes[whole + 1]! << 8)
    out.push(BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + '=')
  }
  return out.join('')
}
