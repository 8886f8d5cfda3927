// Builds what the editor tests load: the packaged VSIX (npm run package) and the integration
// suite bundled for the extension host (out/test/integration/index.js).
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './codeServer';

export const VSIX = join(ROOT, 'dist', 'hands-on-cloud.vsix');
export const INTEGRATION_INDEX = join(ROOT, 'out', 'test', 'integration', 'index.js');

export function packageVsix(): void {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
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
