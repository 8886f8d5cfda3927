// Finds Terraform and an offline copy of the AWS provider, and runs Terraform in a working
// directory that installs the provider from that copy only (no registry, no network).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where offline provider mirrors usually live (Terraform's implied local mirror directories). */
const MIRROR_CANDIDATES = [
  process.env.HOC_TERRAFORM_PLUGIN_DIR,
  '/opt/tf-plugins',
  join(homedir(), '.terraform.d', 'plugins'),
  join(homedir(), '.local', 'share', 'terraform', 'plugins'),
  '/usr/local/share/terraform/plugins',
  '/usr/share/terraform/plugins',
].filter((d): d is string => !!d);

export function findTerraform(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'terraform');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A mirror directory holding registry.terraform.io/hashicorp/aws/5.x for this platform. */
export function findAwsProviderMirror(): string | undefined {
  const platform = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
  for (const dir of MIRROR_CANDIDATES) {
    const versions = join(dir, 'registry.terraform.io', 'hashicorp', 'aws');
    if (!existsSync(versions)) continue;
    if (readdirSync(versions).some((v) => v.startsWith('5.') && existsSync(join(versions, v, platform)))) return dir;
  }
  return undefined;
}

/** A CLI configuration that installs hashicorp/aws from `mirror` and nothing from the network. */
export function writeOfflineCliConfig(path: string, mirror: string): void {
  writeFileSync(
    path,
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`,
  );
}

export interface TerraformRun {
  code: number | null;
  output: string;
}

/** Runs `terraform ARGS` in `cwd`; the AWS_* variables of the caller's shell are left out. */
export function terraform(binary: string, cwd: string, cliConfig: string, args: string[]): Promise<TerraformRun> {
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('TF_')),
  );
  Object.assign(env, { TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' });
  // HOC_TERRAFORM_LOG=FILE keeps Terraform's and the provider's debug log (every request and response).
  if (process.env.HOC_TERRAFORM_LOG)
    Object.assign(env, { TF_LOG: 'DEBUG', TF_LOG_PATH: process.env.HOC_TERRAFORM_LOG });
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args, '-no-color'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
