#!/usr/bin/env bash
# Installs code-server (the browser build of VS Code) into .code-server/ without network
# downloads other than the npm registry: the package is installed with its scripts off, then
# we do what its postinstall would, minus the GitHub downloads (ripgrep comes from Debian).
# Usage: scripts/install-code-server.sh [DIR]   (default .code-server; prints the entry script)
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
DIR="$(mkdir -p "${1:-.code-server}" && cd "${1:-.code-server}" && pwd)"
CS="$DIR/node_modules/code-server"
ENTRY="$CS/out/node/entry.js"
if [ -f "$DIR/.installed-$VERSION" ] && [ -f "$ENTRY" ]; then echo "$ENTRY"; exit 0; fi

major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" = 20 ] || echo "warning: code-server $VERSION is built for Node 20; this is Node $major" >&2
RG="$(command -v rg || true)"
[ -n "$RG" ] || { echo "ripgrep (rg) is missing: install it with 'apt-get install ripgrep' and run this again" >&2; exit 1; }
[ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/krb5.h ] || echo "warning: libkrb5-dev looks missing ('apt-get install libkrb5-dev'); the kerberos module may not build" >&2

# node-gyp would fetch Node's headers from nodejs.org; build against the ones installed with node.
node_dir="$(node -p 'require("path").resolve(process.execPath, "../..")')"
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_dir/include/node/node_version.h" ]; then export npm_config_nodedir="$node_dir"; fi

export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
log() { echo "code-server: $*" >&2; }

log "installing code-server $VERSION into $DIR (scripts off)"
[ -f "$DIR/package.json" ] || echo '{"private":true}' > "$DIR/package.json"
npm install --prefix "$DIR" --ignore-scripts --no-save "code-server@$VERSION" >&2
# Its password hashing module (loaded at start even with --auth none).
(cd "$DIR" && npm rebuild argon2 --build-from-source >&2)

log "installing VS Code's own modules"
cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$RG" node_modules/@vscode/ripgrep/bin/rg
log "building native modules (node-pty, spdlog, kerberos, watchers)"
npm rebuild node-pty @vscode/spdlog kerberos native-watchdog @parcel/watcher @vscode/deviceid >&2
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

log "installing the built-in extensions' shared modules"
cd extensions
npm install --omit=dev --ignore-scripts >&2
node postinstall.mjs >/dev/null

touch "$DIR/.installed-$VERSION"
log "ready"
echo "$ENTRY"
