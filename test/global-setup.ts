import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The page assets module is generated, and the CLI tests run the built CLI: build once before the tests. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url))
  execFileSync(process.execPath, ['scripts/gen-assets.mjs'], { cwd: root, stdio: 'inherit' })
  // A clean dist/: nothing left from files moved or removed (the install test packs it).
  rmSync(`${root}/dist`, { recursive: true, force: true })
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
}
