import yauzl from 'yauzl'
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

/** Entries a DOCX or EPUB reader needs: markup, package and relationship files. */
const TEXT_ENTRY = /\.(?:xml|rels|xhtml|html?|opf|ncx|txt)$|^mimetype$/i

/** Thrown for an archive that cannot or must not be read. */
export class ZipError extends Error {
  override name = 'ZipError'
}

/** A zip read into memory: entries by name, each checked against the limits while unpacking. */
export interface ZipArchive {
  /** Entry names in the archive's order (unsafe names left out). */
  names: string[]
  read(name: string): Buffer | undefined
  diagnostics: Diagnostic[]
}

/**
 * Read every entry of a zip into memory. Nothing is ever written to disk. The central directory
 * is checked first (a truncated or corrupt archive is refused), then declared sizes against the
 * limits (a zip bomb is refused before anything is inflated), then each entry is inflated with
 * its declared size enforced (an entry that lies about its size is stopped as soon as it
 * overflows). Entry names with `..`, absolute paths or drive letters are left out with a
 * diagnostic; encrypted entries are refused.
 */
export async function readZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true })
  } catch (e) {
    throw new ZipError(`the zip archive is corrupt or truncated (${(e as Error).message})`)
  }
  if (zip.entryCount > limits.maxEntries) throw new ZipError(`the zip archive holds ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`)
  const entries: { name: string; entry: yauzl.Entry }[] = []
  const diagnostics: Diagnostic[] = []
  let total = 0
  try {
    for await (const entry of zip.eachEntry()) {
      const name = decodeName(entry)
      if (!safeName(name)) {
        diagnostics.push({ severity: 'warning', code: 'zip-unsafe-name', message: `The archive holds an entry with an unsafe name (${JSON.stringify(name)}); it was ignored.` })
        continue
      }
      if (name.endsWith('/')) continue
      if (entry.isEncrypted()) throw new ZipError(`the archive is encrypted (entry ${name}); proselens cannot read password-protected files`)
      const size = entry.uncompressedSize
      if (size > limits.maxEntryBytes) throw new ZipError(`entry ${name} would unpack to ${mb(size)}, over the ${mb(limits.maxEntryBytes)} limit (a zip bomb?)`)
      if (size > limits.ratioFloorBytes && size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
        throw new ZipError(`entry ${name} is compressed ${Math.round(size / Math.max(1, entry.compressedSize))}:1, beyond the ${limits.maxRatio}:1 any text reaches (a zip bomb?)`)
      }
      total += size
      if (total > limits.maxTotalBytes) throw new ZipError(`the archive would unpack to more than ${mb(limits.maxTotalBytes)} (a zip bomb?)`)
      entries.push({ name, entry })
    }
  } catch (e) {
    zip.close()
    if (e instanceof ZipError) throw e
    throw new ZipError(`the zip archive is corrupt (${(e as Error).message})`)
  }
  const data = new Map<string, Buffer>()
  try {
    // Only text is unpacked (markup, package files): pictures and fonts are never inflated.
    for (const { name, entry } of entries) if (TEXT_ENTRY.test(name)) data.set(name, await readEntry(zip, entry, name))
  } finally {
    zip.close()
  }
  return { names: entries.map((e) => e.name), read: (name) => data.get(name), diagnostics }
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Buffer> {
  try {
    const stream = await zip.openReadStreamPromise(entry)
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  } catch (e) {
    const message = (e as Error).message
    if (/too many bytes/i.test(message)) throw new ZipError(`entry ${name} unpacks to more than the size it declares (a zip bomb?)`)
    throw new ZipError(`entry ${name} is corrupt (${message})`)
  }
}

/** Entry names are UTF-8 when the archive says so, else CP437; the ASCII all books use is both. */
function decodeName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer
  const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0
  return utf8 ? raw.toString('utf8') : raw.toString('latin1')
}

/** A relative name with no `..` component, no leading slash and no drive letter. */
function safeName(name: string): boolean {
  if (name.length === 0 || name.includes('\0')) return false
  if (/^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name)) return false
  return !name.split(/[/\\]/).includes('..')
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`
