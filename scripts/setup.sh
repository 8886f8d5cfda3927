#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: system packages, then npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
need_apt=()
# The browser tests launch this path (HOC_CHROMIUM overrides it), not whatever is on PATH.
[ -x "${HOC_CHROMIUM:-/usr/bin/chromium}" ] || need_apt+=(chromium)
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import boto3' 2>/dev/null || need_apt+=(python3 python3-boto3)
[ -x /usr/bin/aws ] || need_apt+=(awscli)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v zip >/dev/null || need_apt+=(zip unzip)
# The custom-runtime Lambda test's bootstrap is a shell loop over curl; the idle-reclaim
# Lambda test lists processes with ps.
command -v curl >/dev/null || need_apt+=(curl)
command -v ps >/dev/null || need_apt+=(procps)
# code-server's native modules (node-pty, spdlog, kerberos) build with these.
command -v g++ >/dev/null && command -v make >/dev/null || need_apt+=(g++ make python3)
if [ ${#need_apt[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
elif [ ${#need_apt[@]} -gt 0 ]; then
  echo "warning: not root, so these Debian packages were not installed: ${need_apt[*]}" >&2
  echo "  install them with: sudo apt-get install ${need_apt[*]}" >&2
fi
npm ci --no-audit --no-fund
# The editor tests run code-server (VS Code in the browser); installed once into .code-server/.
bash scripts/install-code-server.sh >/dev/null
