import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { BlockRole, Diagnostic, Encoding, Meta, SceneMeta } from '../types.js'
import { DocumentBuilder, type BlockExtra } from './markup.js'

/**
 * A writing app's project as files: the binder (`.scrivx`, `nwProject.nwx`) and the documents it
 * names, by their paths relative to the project's folder. A zip holding a project, and a folder
 * packed by the Node layer, both read through it.
 */
export interface ProjectFiles {
  /** Every file's path, relative to the project's folder, `/`-separated. */
  names: readonly string[]
  read(name: string): Uint8Array | undefined
}

/** What a project reader gives: the text built, the project's metadata, the files it read and its notes. */
export interface ProjectRead {
  builder: ProjectBuilder
  meta: Partial<Meta>
  diagnostics: Diagnostic[]
  /** The files the work was read from, by relative path: the binder and each included document's files. */
  files: Map<string, Uint8Array>
  /** How the documents' text was written (a Scrivener project's RTF code page); UTF-8 unless said. */
  encoding?: Encoding
}

interface QueuedHeading {
  title: string
  level: number
}

/**
 * The document builder of a project: chapter and part headings come from the project's outline
 * and are written only when text follows them (an empty chapter heads nothing, and must not read
 * as the part over the next one); a document's own heading styles are its text, since the outline
 * already heads every chapter; each document but a chapter's first opens with a break of its own.
 */
export class ProjectBuilder extends DocumentBuilder {
  private queued: QueuedHeading[] = []
  private documentBreak = false
  private outline = false

  /** A heading of the outline (a part or chapter), written before the next text. */
  heading(title: string, level: number): void {
    this.queued.push({ title: title.trim() || 'Untitled', level })
    this.documentBreak = false
  }

  /** A document of the project starts: a break (unless it opens its chapter) and what the project says of it. */
  document(meta: SceneMeta): void {
    this.discard()
    if (this.queued.length === 0) this.documentBreak = true
    this.startDocument(meta)
  }

  override end(role: BlockRole, extra: BlockExtra = {}): void {
    if (role === 'heading' && !this.outline) role = 'text'
    if (role === 'text' && this.pending && (this.queued.length > 0 || this.documentBreak)) {
      const runs = this.runs
      this.outline = true
      for (const h of this.queued) {
        this.runs = [{ text: h.title, italic: false }]
        super.end('heading', { level: h.level })
      }
      if (this.documentBreak) {
        this.runs = []
        super.end('break', { document: true })
      }
      this.outline = false
      this.queued = []
      this.documentBreak = false
      this.runs = runs
    }
    super.end(role, extra)
  }
}

/** A scene's meta with nothing stated yet. */
export function sceneMeta(title: string | null): SceneMeta {
  return { title: title?.trim() || null, synopsis: null, label: null, status: null, pov: null, characters: [], locations: [] }
}

/**
 * The SHA-256 of a work made of several files: of the sorted list of each file's relative path
 * and SHA-256, one `path NUL hex LF` line each, so that an edit to any part changes it.
 */
export function filesDigest(files: Map<string, Uint8Array>): string {
  const lines = [...files].map(([path, bytes]) => `${path}\0${bytesToHex(sha256(bytes))}\n`)
  lines.sort()
  return bytesToHex(sha256(utf8ToBytes(lines.join(''))))
}

/** A list of titles for a message: quoted, the first `most` of them, then how many more. */
export function titleList(titles: string[], most = 5): string {
  const shown = titles.slice(0, most).map((t) => `“${t}”`)
  return titles.length > most ? `${shown.join(', ')} and ${titles.length - most} more` : shown.join(', ')
}

/** The note for documents of the manuscript left out of it by the writer's choice. */
export function excludedDiagnostic(titles: string[], what: string): Diagnostic[] {
  if (titles.length === 0) return []
  const n = titles.length
  return [{ severity: 'info', code: 'excluded-from-compile', message: `${n} document${n === 1 ? ' is' : 's are'} not included in the ${what} and ${n === 1 ? 'was' : 'were'} left out: ${titleList(titles)}.` }]
}

/** The note for documents the outline names whose files are not in the project. */
export function missingDiagnostic(titles: string[]): Diagnostic[] {
  if (titles.length === 0) return []
  const n = titles.length
  return [{ severity: 'warning', code: 'missing-document', message: `The project lists ${n} document${n === 1 ? '' : 's'} whose file${n === 1 ? ' is' : 's are'} missing (never written, or lost): ${titleList(titles)}; ${n === 1 ? 'it was' : 'they were'} read as empty.` }]
}

/**
 * The project a set of files holds, if any: a Scrivener binder (`*.scrivx`) or novelWriter's
 * `nwProject.nwx`, at the top or in one folder (a zipped `Novel.scriv/`); the shallowest wins and
 * macOS's `__MACOSX/` shadows are never one.
 */
export function findProject(names: readonly string[]): { kind: 'scrivener' | 'novelwriter'; root: string; binder: string } | null {
  let best: { kind: 'scrivener' | 'novelwriter'; root: string; binder: string } | null = null
  for (const name of names) {
    if (name.startsWith('__MACOSX/')) continue
    const slash = name.lastIndexOf('/')
    const base = name.slice(slash + 1)
    const kind = /\.scrivx$/i.test(base) && !base.startsWith('._') ? 'scrivener' : base === 'nwProject.nwx' ? 'novelwriter' : null
    if (!kind) continue
    const root = name.slice(0, slash + 1)
    if (root.split('/').length > 3) continue
    if (!best || root.length < best.root.length) best = { kind, root, binder: name }
  }
  return best
}

/** The files under `root`, by paths relative to it. */
export function filesUnder(files: ProjectFiles, root: string): ProjectFiles {
  if (root === '') return files
  return {
    names: files.names.filter((n) => n.startsWith(root)).map((n) => n.slice(root.length)),
    read: (name) => files.read(root + name),
  }
}
