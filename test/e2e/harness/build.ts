// Builds what the editor tests load: the packaged VSIX (npm run package) and the integration
// suite bundled for the extension host (out/test/integration/index.js).
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ROOT } from './codeServer';

export const VSIX = join(tmpdir(), `hoc-e2e-${process.pid}.vsix`);
export const INTEGRATION_INDEX = join(ROOT, 'out', 'test', 'integration', 'index.js');

/**
 * Packages the VSIX from the bundles `npm test` just built (dist/ is not rebuilt here: other
 * test files run dist/cli.js at the same time). Builds first only when dist/ is missing.
 */
export function packageVsix(): void {
  if (!existsSync(join(ROOT, 'dist', 'extension.js')))
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  // README links stay relative, like `npm run package`: the docs they name ship in the VSIX.
  execFileSync(
    process.execPath,
    [
      vsce,
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '--skip-license',
      '--out',
      VSIX,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 },
  );
}

export async function buildIntegrationSuite(): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'test', 'integration', 'index.ts')],
    outfile: INTEGRATION_INDEX,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
}
