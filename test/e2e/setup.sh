#!/usr/bin/env bash
# Installs what the end-to-end suite needs and nothing from outside the npm
# registry and Debian's packages: Chromium and fonts with Vietnamese glyphs
# (apt; fonts-noto-mono makes "monospace" a font with precomposed Vietnamese
# letters, without which the editor shows "ê`" for "ề"; libreoffice-writer, poppler-utils and
# fonts-liberation render exported notices for test/export/render.e2e.ts), Node 24 (npm package
# node@24) and code-server (npm) into .tools/.
# Idempotent: each step checks a marker first, so a warm run takes a second.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$root/.tools"
code_server_version="4.139.1"
node_version_major="24"
apt_packages=(chromium fonts-noto-core fonts-noto-mono fonts-dejavu-core libreoffice-writer poppler-utils fonts-liberation libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++)

fail() { echo "e2e setup failed: $*" >&2; exit 1; }
step() { echo "e2e setup: $*"; }

install_debian_packages() {
  local missing=()
  for pkg in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  step "installing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "need root or sudo to apt-get install ${missing[*]}"
    sudo="sudo"
  fi
  $sudo apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
}

# A folder of its own with a package.json, so npm does not walk up to the project's.
npm_folder() {
  mkdir -p "$1"
  [ -f "$1/package.json" ] || echo '{ "private": true }' > "$1/package.json"
}

install_node24() {
  local bin="$tools/node24/node_modules/node/bin/node"
  if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "^v$node_version_major\."; then return; fi
  step "installing node@$node_version_major into $tools/node24"
  npm_folder "$tools/node24"
  (cd "$tools/node24" && npm install --no-audit --no-fund --loglevel=error "node@$node_version_major") \
    || fail "npm install node@$node_version_major failed"
  "$bin" --version | grep -q "^v$node_version_major\." || fail "node@$node_version_major did not install a working binary at $bin"
}

install_code_server() {
  local dir="$tools/code-server"
  local marker="$dir/.installed-$code_server_version"
  [ -f "$marker" ] && return
  step "installing code-server@$code_server_version into $dir (about 2 minutes)"
  rm -rf "$dir"
  npm_folder "$dir"
  # code-server runs on Node 24; its native modules must be built by that Node.
  export PATH="$tools/node24/node_modules/node/bin:$PATH"
  (
    cd "$dir"
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$code_server_version"
    # The steps npm's install scripts would do; npm leaves some bin files without their run bit here.
    chmod +x node_modules/cross-env/dist/bin/*.js
    (cd node_modules/argon2 && npx --no-install cross-env ZERO_AR_DATE=1 node-gyp-build)
    (cd node_modules/code-server && npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" sh ./postinstall.sh)
  ) || fail "installing code-server@$code_server_version failed (see the output above)"
  [ -f "$dir/node_modules/code-server/out/node/entry.js" ] || fail "code-server entry.js missing after install"
  touch "$marker"
}

install_debian_packages
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium not found after installing the chromium package"
install_node24
install_code_server
step "ready (chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), node $("$tools/node24/node_modules/node/bin/node" --version), code-server $code_server_version)"
