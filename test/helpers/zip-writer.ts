// A zip archive written by hand, field by field, so that each field can be made to lie: for the
// zip reader's tests in Node (test/zip.test.ts) and in the app page (test/app.test.ts).
import { deflateSync } from 'fflate'

const encode = (s: string) => new TextEncoder().encode(s)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** One entry of a hand-written archive; sizes, flags and method may lie about `data`. */
export interface RawEntry {
  name: string | Uint8Array
  data?: Uint8Array
  /** 0 stores `data`, 8 deflates it; any other number stores it under that method's label. */
  method?: number
  flags?: number
  /** The uncompressed size to declare, in both headers (the true one by default). */
  size?: number
  /** The compressed size to declare (the true one by default). */
  compressedSize?: number
  /** The bytes written as its data, instead of `data` stored or deflated. */
  packed?: Uint8Array
  /** Sizes and offset given in the zip64 extra field, the header fields saturated. */
  zip64?: boolean
}

export interface RawArchive {
  comment?: Uint8Array
  /** Bytes after the end record (which a real archive never has). */
  trailing?: Uint8Array
  /** Write zip64 end records (a locator and a zip64 end of directory). */
  zip64?: boolean
  disk?: number
}

/** A zip archive written by hand, so each field can be made to lie. */
export function writeZip(entries: RawEntry[], archive: RawArchive = {}): Uint8Array {
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const e of entries) {
    const name = typeof e.name === 'string' ? encode(e.name) : e.name
    const data = e.data ?? new Uint8Array(0)
    const method = e.method ?? 8
    const packed = e.packed ?? (method === 8 ? deflateSync(data) : data)
    const size = e.size ?? data.length
    const compressedSize = e.compressedSize ?? packed.length
    const flags = (e.flags ?? 0) | (typeof e.name === 'string' && /[^\x00-\x7f]/.test(e.name) ? 0x800 : 0)
    const local = new DataView(new ArrayBuffer(30))
    local.setUint32(0, 0x04034b50, true)
    local.setUint16(4, 20, true)
    local.setUint16(6, flags, true)
    local.setUint16(8, method, true)
    local.setUint32(14, crc32(data), true)
    local.setUint32(18, e.zip64 ? 0xffffffff : compressedSize, true)
    local.setUint32(22, e.zip64 ? 0xffffffff : size, true)
    local.setUint16(26, name.length, true)
    parts.push(new Uint8Array(local.buffer), name, packed)

    const extra = new DataView(new ArrayBuffer(e.zip64 ? 28 : 0))
    if (e.zip64) {
      extra.setUint16(0, 0x0001, true)
      extra.setUint16(2, 24, true)
      extra.setBigUint64(4, BigInt(size), true)
      extra.setBigUint64(12, BigInt(compressedSize), true)
      extra.setBigUint64(20, BigInt(offset), true)
    }
    const header = new DataView(new ArrayBuffer(46))
    header.setUint32(0, 0x02014b50, true)
    header.setUint16(4, 20, true)
    header.setUint16(6, 20, true)
    header.setUint16(8, flags, true)
    header.setUint16(10, method, true)
    header.setUint32(16, crc32(data), true)
    header.setUint32(20, e.zip64 ? 0xffffffff : compressedSize, true)
    header.setUint32(24, e.zip64 ? 0xffffffff : size, true)
    header.setUint16(28, name.length, true)
    header.setUint16(30, extra.byteLength, true)
    header.setUint32(42, e.zip64 ? 0xffffffff : offset, true)
    central.push(new Uint8Array(header.buffer), name, new Uint8Array(extra.buffer))
    offset += 30 + name.length + packed.length
  }
  const directoryStart = offset
  const directorySize = central.reduce((n, p) => n + p.length, 0)
  parts.push(...central)
  if (archive.zip64) {
    const record = new DataView(new ArrayBuffer(56))
    record.setUint32(0, 0x06064b50, true)
    record.setBigUint64(4, 44n, true)
    record.setUint32(16, archive.disk ?? 0, true)
    record.setBigUint64(24, BigInt(entries.length), true)
    record.setBigUint64(32, BigInt(entries.length), true)
    record.setBigUint64(40, BigInt(directorySize), true)
    record.setBigUint64(48, BigInt(directoryStart), true)
    const locator = new DataView(new ArrayBuffer(20))
    locator.setUint32(0, 0x07064b50, true)
    locator.setBigUint64(8, BigInt(directoryStart + directorySize), true)
    locator.setUint32(16, 1, true)
    parts.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer))
  }
  const comment = archive.comment ?? new Uint8Array(0)
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(4, archive.zip64 ? 0 : (archive.disk ?? 0), true)
  end.setUint16(8, archive.zip64 ? 0xffff : entries.length, true)
  end.setUint16(10, archive.zip64 ? 0xffff : entries.length, true)
  end.setUint32(12, archive.zip64 ? 0xffffffff : directorySize, true)
  end.setUint32(16, archive.zip64 ? 0xffffffff : directoryStart, true)
  end.setUint16(20, comment.length, true)
  parts.push(new Uint8Array(end.buffer), comment, archive.trailing ?? new Uint8Array(0))
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

