/**
 * Paths inside a zip archive, which are always `/`-separated whatever the system: the few
 * operations the EPUB reader needs to resolve one package file's links to another, behaving
 * exactly as Node's `path.posix` does, without Node (the reader also runs in browsers).
 */

/** The directory part of a path, as `path.posix.dirname`: `a/b/c.xhtml` → `a/b`, `c.xhtml` → `.`. */
export function zipDirname(path: string): string {
  if (path.length === 0) return '.'
  const rooted = path[0] === '/'
  // The last slash before the final name, trailing slashes being part of no name.
  let end = -1
  let inTrailingSlashes = true
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === '/') {
      if (!inTrailingSlashes) {
        end = i
        break
      }
    } else {
      inTrailingSlashes = false
    }
  }
  if (end === -1) return rooted ? '/' : '.'
  if (rooted && end === 1) return '//'
  return path.slice(0, end)
}

/**
 * A path with `.` and empty components removed and each `..` taking away the component before
 * it, as `path.posix.normalize`: a relative path keeps the `..` that climb above its start (so
 * a link that leaves the archive stays visibly outside it), a rooted one drops them.
 */
export function zipNormalize(path: string): string {
  if (path.length === 0) return '.'
  const rooted = path[0] === '/'
  const trailingSlash = path[path.length - 1] === '/'
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part !== '..') parts.push(part)
    else if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
    else if (!rooted) parts.push('..')
  }
  let out = parts.join('/')
  if (out.length === 0) return rooted ? '/' : trailingSlash ? './' : '.'
  if (trailingSlash) out += '/'
  return rooted ? `/${out}` : out
}

/** Paths joined with `/` and normalised, as `path.posix.join` (empty parts are skipped). */
export function zipJoin(...parts: string[]): string {
  const joined = parts.filter((p) => p.length > 0).join('/')
  return joined.length === 0 ? '.' : zipNormalize(joined)
}
