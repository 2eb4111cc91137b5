#!/usr/bin/env bash
# Checks what Avance's Debian package holds (README, Linux), unpacked with dpkg-deb -x:
#   assets/linux/check-deb.sh [target/debian/avance_VERSION-1_ARCH.deb]
# the program (it answers --version with Cargo.toml's version), the icon at every size, the
# desktop entry (desktop-file-validate), the plan file type, the AppStream metadata
# (appstreamcli validate --no-net), the manual pages (man renders them) and the bash, zsh and
# fish completions. Installs desktop-file-utils, appstream and man-db with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
deb=${1:-$(ls -t target/debian/avance_"$version"-*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "no package: run assets/linux/build-deb.sh first" >&2; exit 1; }

missing=()
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
command -v appstreamcli >/dev/null || missing+=(appstream)
command -v man >/dev/null || missing+=(man-db)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
has() { [ -f "$root/$1" ] || fail "$1 is not in the package"; }

echo "== $deb"
[ "$(dpkg-deb -f "$deb" Package)" = avance ] || fail "the package is not named avance"
[ "$(dpkg-deb -f "$deb" Version)" = "$version-1" ] || fail "the package's version is not $version-1"

has usr/bin/avance
[ -x "$root/usr/bin/avance" ] || fail "usr/bin/avance is not executable"
[ "$("$root/usr/bin/avance" --version)" = "avance $version" ] || fail "avance --version is not $version"

for size in 16 24 32 48 64 128 256; do
  has "usr/share/icons/hicolor/${size}x${size}/apps/avance.png"
done
has usr/share/icons/hicolor/scalable/apps/avance.svg

id=co.gov.secretariageneral.Avance
has "usr/share/applications/$id.desktop"
desktop-file-validate "$root/usr/share/applications/$id.desktop" || fail "desktop-file-validate"
grep -qx 'Exec=avance %f' "$root/usr/share/applications/$id.desktop" || fail "Exec is not avance %f"
has usr/share/mime/packages/avance-plan.xml
grep -q 'type="application/x-avance-plan"' "$root/usr/share/mime/packages/avance-plan.xml" \
  || fail "the plan file type is not defined"

has "usr/share/metainfo/$id.metainfo.xml"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"

has usr/share/man/man1/avance.1.gz
# One page for each subcommand the packaged program lists in its --help.
subcommands=$("$root/usr/bin/avance" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && $1 != "help" {print $1}')
[ -n "$subcommands" ] || fail "avance --help lists no subcommands"
for sub in $subcommands; do
  has "usr/share/man/man1/avance-$sub.1.gz"
  grep -q "$sub" "$root/usr/share/bash-completion/completions/avance" || fail "the bash completion lacks $sub"
done
page=$(MANWIDTH=80 man -l "$root/usr/share/man/man1/avance.1.gz" 2>&1) || fail "man cannot read avance.1.gz"
grep -q "avance $version" <<<"$page" || fail "avance.1 does not carry version $version"
grep -q "report" <<<"$page" || fail "avance.1 does not list the subcommands"

has usr/share/bash-completion/completions/avance
has usr/share/zsh/vendor-completions/_avance
has usr/share/fish/vendor_completions.d/avance.fish
bash -n "$root/usr/share/bash-completion/completions/avance" || fail "the bash completion does not parse"
grep -q '^#compdef avance' "$root/usr/share/zsh/vendor-completions/_avance" || fail "the zsh completion lacks #compdef"
grep -q 'complete -c avance' "$root/usr/share/fish/vendor_completions.d/avance.fish" || fail "the fish completion"

has usr/share/doc/avance/README.md
has usr/share/doc/avance/copyright
has usr/share/doc/avance/examples/gestion_publica_2022.ron

if [ "$failures" -gt 0 ]; then
  echo "$failures failed" >&2
  exit 1
fi
echo "the package holds the program, icon, desktop entry, plan type, metadata, manual pages and completions"
