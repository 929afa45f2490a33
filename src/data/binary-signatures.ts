/**
 * Leading bytes of common binary formats (each name with its article, as messages say it), so that a PDF or an image is refused rather than
 * read as text. From each format's published magic number (file(1)'s magic database lists them).
 */
export const binarySignatures = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'a zip archive (such as DOCX, ODT or EPUB)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an empty zip archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP/WAV/AVI (RIFF) file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'a 7-zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'an Ogg media file', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { name: 'an MP3 audio file (ID3)', bytes: [0x49, 0x44, 0x33] },
  { name: 'a legacy Word/Office document (OLE2)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'a WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
] as const satisfies readonly { name: string; bytes: readonly number[] }[]
