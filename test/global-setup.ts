import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The page assets module is generated, and the CLI tests run the built CLI: build once before the tests. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url))
  execFileSync(process.execPath, ['scripts/gen-assets.mjs'], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
}
