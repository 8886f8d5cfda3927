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
    {
      target: 'local',
      label: `${mark('local')}$(vm) ${vscode.l10n.t('Local cloud')}`,
      description: cloud.info ? vscode.l10n.t('running at {0}', cloud.info.endpoint) : cloud.state,
      detail: vscode.l10n.t('Built in: no Docker, no account, no network. Starts on first use.'),
    },
    {
      target: 'localstack',
      label: `${mark('localstack')}$(server) LocalStack`,
      description: config.get('localstack.endpoint'),
      detail: vscode.l10n.t('A LocalStack you run yourself (setting handsOnCloud.localstack.endpoint).'),
    },
    {
      target: 'aws',
      label: `${mark('aws')}$(cloud) AWS`,
      description: current === 'aws' ? targets.describe() : undefined,
      detail: vscode.l10n.t('Real AWS with a profile from your AWS config (keys, SSO or role). Costs may apply.'),
    },
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    cloud.info
      ? { action: 'stop', label: `$(debug-stop) ${vscode.l10n.t('Stop the local cloud')}` }
      : { action: 'start', label: `$(play) ${vscode.l10n.t('Start the local cloud')}` },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Hands-on Cloud: Select Target'),
    placeHolder: vscode.l10n.t('Current target: {0}', targets.describe()),
  });
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
  const kindLabel = {
    keys: vscode.l10n.t('access keys'),
    sso: 'IAM Identity Center (SSO)',
    role: vscode.l10n.t('assumed role'),
    process: 'credential process',
    other: '',
  };
  const profileItems: Array<vscode.QuickPickItem & { profile: string; region?: string }> = [
    ...profiles.map((p) => ({
      profile: p.name,
      region: p.region,
      label: `$(account) ${p.name}`,
      description: [kindLabel[p.kind], p.region].filter(Boolean).join(' · '),
      detail: vscode.l10n.t('from {0}', p.source),
    })),
    {
      profile: '',
      label: `$(key) ${vscode.l10n.t('Default credential chain')}`,
      description: vscode.l10n.t('environment variables, SSO cache, instance role…'),
    },
  ];
  const profile = await vscode.window.showQuickPick(profileItems, {
    title: vscode.l10n.t('AWS profile'),
    placeHolder: profiles.length
      ? vscode.l10n.t('Choose the profile to use')
      : vscode.l10n.t(
          'No profiles in ~/.aws/config or ~/.aws/credentials — run `aws configure` or `aws configure sso`, or use the default chain',
        ),
  });
  if (!profile) return undefined;
  if (profile.profile && profiles.find((p) => p.name === profile.profile)?.kind === 'sso') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Profile {0} signs in with SSO. If its session has expired, run {1} in a terminal.',
        profile.profile,
        `\`aws sso login --profile ${profile.profile}\``,
      ),
    );
  }
  const preferred = profile.region ?? config.get('aws.region');
  const regions = [preferred, ...COMMON_REGIONS.filter((r) => r !== preferred)];
  const region = await vscode.window.showQuickPick(
    regions.map((r) => ({ label: r, description: r === preferred ? vscode.l10n.t('profile / current') : undefined })),
    { title: vscode.l10n.t('AWS region'), placeHolder: vscode.l10n.t('Region for every lesson resource') },
  );
  if (!region) return undefined;
  return { profile: profile.profile, region: region.label };
}
