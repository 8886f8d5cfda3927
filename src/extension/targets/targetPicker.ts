// "Hands-on Cloud: Select Target": local cloud, LocalStack or AWS; for AWS then a profile from
// the shared config files (SSO included) and a region.
import * as vscode from 'vscode';
import { config, type TargetKind } from '../config';
import { startLocalCloud, stopLocalCloud } from '../localCloudCommands';
import { COMMON_REGIONS, readAwsProfiles } from './awsProfiles';
import type { TargetManager } from './targetManager';

interface TargetItem extends vscode.QuickPickItem {
  target?: TargetKind;
  action?: 'start' | 'stop';
}

export async function pickTarget(targets: TargetManager): Promise<void> {
  const cloud = targets.localCloud;
  const current = targets.kind;
  const mark = (k: TargetKind) => (k === current ? '$(check) ' : '');
  const items: TargetItem[] = [
    { target: 'local', label: `${mark('local')}$(vm) Local cloud`, description: cloud.info ? `running at ${cloud.info.endpoint}` : cloud.state, detail: 'Built in: no Docker, no account, no network. Starts on first use.' },
    { target: 'localstack', label: `${mark('localstack')}$(server) LocalStack`, description: config.get('localstack.endpoint'), detail: 'A LocalStack you run yourself (setting handsOnCloud.localstack.endpoint).' },
    { target: 'aws', label: `${mark('aws')}$(cloud) AWS`, description: current === 'aws' ? targets.describe() : undefined, detail: 'Real AWS with a profile from your AWS config (keys, SSO or role). Costs may apply.' },
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    cloud.info ? { action: 'stop', label: '$(debug-stop) Stop the local cloud' } : { action: 'start', label: '$(play) Start the local cloud' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Hands-on Cloud: Select Target', placeHolder: `Current target: ${targets.describe()}` });
  if (!picked) return;
  if (picked.action === 'start') return startLocalCloud(cloud);
  if (picked.action === 'stop') return stopLocalCloud(cloud);
  if (picked.target === 'aws') {
    const aws = await pickAwsProfileAndRegion();
    if (aws) await targets.setTarget('aws', aws);
    return;
  }
  if (picked.target) await targets.setTarget(picked.target);
}

async function pickAwsProfileAndRegion(): Promise<{ profile: string; region: string } | undefined> {
  const profiles = await readAwsProfiles();
  const kindLabel = { keys: 'access keys', sso: 'IAM Identity Center (SSO)', role: 'assumed role', process: 'credential process', other: '' };
  const profileItems: Array<vscode.QuickPickItem & { profile: string; region?: string }> = [
    ...profiles.map((p) => ({ profile: p.name, region: p.region, label: `$(account) ${p.name}`, description: [kindLabel[p.kind], p.region].filter(Boolean).join(' · '), detail: `from ${p.source}` })),
    { profile: '', label: '$(key) Default credential chain', description: 'environment variables, SSO cache, instance role…' },
  ];
  const profile = await vscode.window.showQuickPick(profileItems, {
    title: 'AWS profile',
    placeHolder: profiles.length ? 'Choose the profile to use' : 'No profiles in ~/.aws/config or ~/.aws/credentials — run `aws configure` or `aws configure sso`, or use the default chain',
  });
  if (!profile) return undefined;
  if (profile.profile && profiles.find((p) => p.name === profile.profile)?.kind === 'sso') {
    void vscode.window.showInformationMessage(`Profile ${profile.profile} signs in with SSO. If its session has expired, run \`aws sso login --profile ${profile.profile}\` in a terminal.`);
  }
  const preferred = profile.region ?? config.get('aws.region');
  const regions = [preferred, ...COMMON_REGIONS.filter((r) => r !== preferred)];
  const region = await vscode.window.showQuickPick(
    regions.map((r) => ({ label: r, description: r === preferred ? 'profile / current' : undefined })),
    { title: 'AWS region', placeHolder: 'Region for every lesson resource' },
  );
  if (!region) return undefined;
  return { profile: profile.profile, region: region.label };
}
