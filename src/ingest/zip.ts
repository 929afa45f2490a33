import { Inflate } from 'fflate'
import type { Diagnostic } from '../types.js'

/** Limits on what a zip may unpack to: generous for any real book, fatal for a zip bomb. */
export interface ZipLimits {
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number
  /** Largest uncompressed size of all entries together. */
  maxTotalBytes: number
  /** Largest compression ratio of an entry bigger than `ratioFloorBytes`. */
  maxRatio: number
  ratioFloorBytes: number
  /** Most entries in the archive. */
  maxEntries: number
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 128 * 2 ** 20,
  maxTotalBytes: 256 * 2 ** 20,
  maxRatio: 200,
  ratioFloorBytes: 2 ** 20,
  maxEntries: 10_000,
}

/** Entries a reader needs: markup, package and relationship files; a writing app's binder and documents. */
const TEXT_ENTRY = /\.(?:xml|rels|xhtml|html?|opf|ncx|txt|rtf|scrivx|nwx|nwd)$|^mimetype$/i

/**
 * Thrown for an archive that cannot or must not be read. `damaged`: the bytes are no whole zip
 * (cut short, corrupt, or no zip at all), as opposed to one refused for its size or encryption.
 */
export class ZipError extends Error {
  override name = 'ZipError'
  constructor(message: string, readonly damaged = false) {
    super(message)
  }
}

/** A zip read into memory: entries by name, each checked against the limits while unpacking. */
export interface ZipArchive {
  /** Entry names in the archive's order (unsafe names and directories left out). */
  names: string[]
  /** The unpacked bytes of a text entry (see `TEXT_ENTRY`); undefined for any other name. */
  read(name: string): Uint8Array | undefined
  diagnostics: Diagnostic[]
}

// Record signatures and sizes (APPNOTE.TXT, sections 4.3.7 to 4.3.16).
const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_DIRECTORY = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_END_OF_DIRECTORY = 0x06064b50
const LOCAL_HEADER_SIZE = 30
const CENTRAL_HEADER_SIZE = 46
const END_OF_DIRECTORY_SIZE = 22
const ZIP64_LOCATOR_SIZE = 20
const ZIP64_END_OF_DIRECTORY_SIZE = 56
/** The archive comment after the end-of-directory record is at most this long. */
const MAX_COMMENT = 0xffff
/** The zip64 extended information extra field (sizes and offsets past 4 GB). */
const ZIP64_EXTRA = 0x0001
/** General purpose flags: traditional encryption, strong encryption, UTF-8 names. */
const FLAG_ENCRYPTED = 0x1
const FLAG_STRONG_ENCRYPTION = 0x40
const FLAG_UTF8 = 0x800
const STORED = 0
const DEFLATED = 8
/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1032:1, so
 * one push can never unpack more than some 4 MB past an entry's declared size before the size
 * guard sees it and stops.
 */
const INFLATE_CHUNK = 4096

/** One entry as the central directory describes it. */
interface DirectoryEntry {
  name: string
  flags: number
  method: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

/**
 * Read every entry of a zip into memory. Nothing is ever written to disk. The central directory
 * is checked first (a truncated or corrupt archive is refused), then declared sizes against the
 * limits (a zip bomb is refused before anything is inflated), then each entry is inflated with
 * its declared size enforced (an entry that lies about its size is stopped as soon as it
 * overflows). Entry names with `..`, absolute paths or drive letters are left out with a
 * diagnostic; encrypted entries are refused. Runs on plain `Uint8Array`s with fflate's
 * synchronous streaming inflater, so it works the same in Node and in a browser, without
 * workers; it stays async to keep the signature callers already await.
 */
export async function readZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS, unpack: (name: string) => boolean = (name) => TEXT_ENTRY.test(name)): Promise<ZipArchive> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const directory = findDirectory(view)
  if (directory.count > limits.maxEntries) throw new ZipError(`the zip archive holds ${directory.count} entries, more than the ${limits.maxEntries} allowed`)
  const listed = readDirectory(bytes, view, directory)

  const entries: DirectoryEntry[] = []
  const diagnostics: Diagnostic[] = []
  let total = 0
  for (const entry of listed) {
    const { name, size, compressedSize } = entry
    if (!safeName(name)) {
      diagnostics.push({ severity: 'warning', code: 'zip-unsafe-name', message: `The archive holds an entry with an unsafe name (${JSON.stringify(name)}); it was ignored.` })
      continue
    }
    if (name.endsWith('/')) continue
    if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) throw new ZipError(`the archive is encrypted (entry ${name}); proselens cannot read password-protected files`)
    if (entry.method === STORED && compressedSize !== size) {
      throw new ZipError(`entry ${name} is corrupt (stored without compression, yet it declares ${compressedSize} bytes packed and ${size} unpacked)`, true)
    }
    if (size > limits.maxEntryBytes) throw new ZipError(`entry ${name} would unpack to ${mb(size)}, over the ${mb(limits.maxEntryBytes)} limit (a zip bomb?)`)
    if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new ZipError(`entry ${name} is compressed ${Math.round(size / Math.max(1, compressedSize))}:1, beyond the ${limits.maxRatio}:1 any text reaches (a zip bomb?)`)
    }
    total += size
    if (total > limits.maxTotalBytes) throw new ZipError(`the archive would unpack to more than ${mb(limits.maxTotalBytes)} (a zip bomb?)`)
    entries.push(entry)
  }

  const data = new Map<string, Uint8Array>()
  // Only text is unpacked (markup, package files), or what `unpack` asks for: pictures and fonts are never inflated.
  for (const entry of entries) if (unpack(entry.name)) data.set(entry.name, readEntry(bytes, view, entry))
  return { names: entries.map((e) => e.name), read: (name) => data.get(name), diagnostics }
}

/** The entry names of a zip from its central directory alone (nothing inflated); null for bytes that are no whole zip. */
export function zipNames(bytes: Uint8Array): string[] | null {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return readDirectory(bytes, view, findDirectory(view)).map((e) => e.name)
  } catch {
    return null
  }
}

/** Where the central directory is and how many entries it lists, from the end records. */
function findDirectory(view: DataView): { offset: number; count: number } {
  const corrupt = (why: string) => new ZipError(`the zip archive is corrupt or truncated (${why})`, true)
  // The end record is the last thing in the file but for its comment, whose length it holds:
  // search backwards for its signature over the longest comment there can be.
  const last = view.byteLength - END_OF_DIRECTORY_SIZE
  let end = -1
  for (let i = last; i >= Math.max(0, last - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) throw corrupt('no end of central directory record: not a zip archive, or cut short')
  const commentLength = view.getUint16(end + 20, true)
  if (commentLength !== view.byteLength - end - END_OF_DIRECTORY_SIZE) {
    throw corrupt(`the archive comment should be ${view.byteLength - end - END_OF_DIRECTORY_SIZE} bytes long, not ${commentLength}: bytes added after the archive, or the record is damaged`)
  }
  let disk = view.getUint16(end + 4, true)
  let count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)

  // A zip64 archive keeps its true count and offset in a record its locator points to.
  const locator = end - ZIP64_LOCATOR_SIZE
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const record = uint64(view, locator + 8)
    if (record + ZIP64_END_OF_DIRECTORY_SIZE > view.byteLength || view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) {
      throw corrupt('the zip64 end of central directory record is missing')
    }
    disk = view.getUint32(record + 16, true)
    count = uint64(view, record + 32)
    offset = uint64(view, record + 48)
  }
  if (disk !== 0) throw corrupt(`it is one part of a multi-disk archive (disk ${disk})`)
  return { offset, count }
}

/** Every entry of the central directory, each record checked to lie within the archive. */
function readDirectory(bytes: Uint8Array, view: DataView, directory: { offset: number; count: number }): DirectoryEntry[] {
  const corrupt = (why: string) => new ZipError(`the zip archive is corrupt or truncated (${why})`, true)
  const entries: DirectoryEntry[] = []
  let at = directory.offset
  for (let n = 0; n < directory.count; n++) {
    if (at + CENTRAL_HEADER_SIZE > bytes.length) throw corrupt(`the central directory ends after ${n} of its ${directory.count} entries`)
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw corrupt(`no central directory entry at byte ${at}`)
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    let compressedSize = view.getUint32(at + 20, true)
    let size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    let localHeaderOffset = view.getUint32(at + 42, true)
    const nameStart = at + CENTRAL_HEADER_SIZE
    const extraStart = nameStart + nameLength
    const next = extraStart + extraLength + commentLength
    if (next > bytes.length) throw corrupt(`the central directory ends inside entry ${n + 1}`)
    const name = decodeName(bytes.subarray(nameStart, extraStart), (flags & FLAG_UTF8) !== 0)

    // Sizes and offsets saturated at 0xffffffff are given again, in this order, by the zip64 field.
    const zip64 = extraField(view, extraStart, extraLength, ZIP64_EXTRA)
    if (zip64) {
      let field = zip64.start
      const take = (what: string) => {
        if (field + 8 > zip64.end) throw corrupt(`entry ${name}'s zip64 field does not hold its ${what}`)
        const value = uint64(view, field)
        field += 8
        return value
      }
      if (size === 0xffffffff) size = take('uncompressed size')
      if (compressedSize === 0xffffffff) compressedSize = take('compressed size')
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = take('local header offset')
    }
    entries.push({ name, flags, method, compressedSize, size, localHeaderOffset })
    at = next
  }
  return entries
}

/** The data of one extra field with the given id, if the entry has it. */
function extraField(view: DataView, start: number, length: number, id: number): { start: number; end: number } | undefined {
  const end = start + length
  for (let at = start; at + 4 <= end; ) {
    const fieldId = view.getUint16(at, true)
    const fieldEnd = at + 4 + view.getUint16(at + 2, true)
    if (fieldEnd > end) throw new ZipError('the zip archive is corrupt or truncated (an extra field runs past its entry)', true)
    if (fieldId === id) return { start: at + 4, end: fieldEnd }
    at = fieldEnd
  }
  return undefined
}

/** Unpack one entry: its local header is checked, then its data copied or inflated within its declared size. */
function readEntry(bytes: Uint8Array, view: DataView, entry: DirectoryEntry): Uint8Array {
  const { name, localHeaderOffset: header } = entry
  if (header + LOCAL_HEADER_SIZE > bytes.length || view.getUint32(header, true) !== LOCAL_HEADER) {
    throw new ZipError(`entry ${name} is corrupt (no local header at byte ${header}, where the central directory puts it)`, true)
  }
  // The local header's own name and extra field lengths may differ from the central directory's.
  const start = header + LOCAL_HEADER_SIZE + view.getUint16(header + 26, true) + view.getUint16(header + 28, true)
  const end = start + entry.compressedSize
  if (end > bytes.length) throw new ZipError(`entry ${name} is corrupt (its data runs ${end - bytes.length} bytes past the end of the archive)`, true)
  const packed = bytes.subarray(start, end)
  if (entry.method === STORED) return packed.slice()
  if (entry.method !== DEFLATED) throw new ZipError(`entry ${name} is compressed with method ${entry.method}; proselens unpacks only stored and deflated entries`)
  return inflateWithin(packed, entry.size, name)
}

/**
 * Inflate raw deflate data that must unpack to exactly `size` bytes. The data is pushed a small
 * chunk at a time and every piece of output is counted as it comes, so an entry that lies about
 * its size is stopped as soon as it overflows, not after it has filled memory.
 */
function inflateWithin(packed: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size)
  let filled = 0
  const inflater = new Inflate((chunk) => {
    if (filled + chunk.length > size) throw new ZipError(`entry ${name} unpacks to more than the size it declares (a zip bomb?)`)
    out.set(chunk, filled)
    filled += chunk.length
  })
  try {
    let at = 0
    do {
      const next = Math.min(at + INFLATE_CHUNK, packed.length)
      inflater.push(packed.subarray(at, next), next === packed.length)
      at = next
    } while (at < packed.length)
  } catch (e) {
    if (e instanceof ZipError) throw e
    throw new ZipError(`entry ${name} is corrupt (${(e as Error).message})`, true)
  }
  if (filled < size) throw new ZipError(`entry ${name} is corrupt (it unpacks to ${filled} bytes, not the ${size} it declares)`, true)
  return out
}

/**
 * Code page 437's upper half (0x80 to 0xff), the encoding of entry names not flagged as UTF-8;
 * its lower half is ASCII for every byte a file name holds.
 */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

const utf8 = new TextDecoder('utf-8')

/** Entry names are UTF-8 when the archive says so, else CP437; the ASCII all books use is both. */
function decodeName(raw: Uint8Array, isUtf8: boolean): string {
  if (isUtf8) return utf8.decode(raw)
  let name = ''
  for (const byte of raw) name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]!
  return name
}

/** A relative name with no `..` component, no leading slash and no drive letter. */
function safeName(name: string): boolean {
  if (name.length === 0 || name.includes('\0')) return false
  if (/^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name)) return false
  return !name.split(/[/\\]/).includes('..')
}

/** A little-endian 64-bit field, exact up to 2^53 (no archive held in memory comes near). */
function uint64(view: DataView, at: number): number {
  return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true)
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`
