#!/usr/bin/env bash
# Builds Avance's Debian package: target/debian/avance_VERSION-1_ARCH.deb (README, Linux).
#   assets/linux/build-deb.sh                   the release package (what the README installs)
#   assets/linux/build-deb.sh --profile dev     CI's check: packages the debug build `cargo test`
#                                               already made (same files, a slower, larger program)
# 1. builds avance and avance-manuals with that profile;
# 2. avance-manuals writes the manual pages and the bash, zsh and fish completions, from the
#    command line's definition, into the build's folder (manuals/), where Cargo.toml's
#    [package.metadata.deb] assets take them;
# 3. cargo deb --no-build packs the program, those and the files of assets/ (icon, desktop
#    entry, metadata, plan file type).
# Installs cargo-deb with `cargo install` when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

profile=release
if [ "${1:-}" = "--profile" ]; then
  profile=${2:?--profile needs a name}
fi
# The debug program is four times the release one: CI's check packs it with lighter compression.
fast=()
case "$profile" in
  dev) folder=debug; fast=(--fast) ;;
  *) folder=$profile ;;
esac

if ! cargo deb --version >/dev/null 2>&1; then
  echo "== cargo install cargo-deb (once)" >&2
  cargo install --locked cargo-deb
fi

target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
out="$target_dir/$folder"

echo "== cargo build --profile $profile" >&2
cargo build --locked --profile "$profile" --bin avance --bin avance-manuals
echo "== manual pages and completions → $out/manuals" >&2
rm -rf "$out/manuals"
"$out/avance-manuals" "$out/manuals" >/dev/null
echo "== cargo deb" >&2
cargo deb --locked --no-build --profile "$profile" "${fast[@]}"
