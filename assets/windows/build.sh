#!/usr/bin/env bash
# Builds Avance for Windows on Linux, in one command from anywhere in the repository:
#   assets/windows/build.sh
# leaves, for the [package] version X.Y.Z of Cargo.toml,
#   target/windows/avance-X.Y.Z-x86_64.msi   the installer (assets/windows/avance.wxs)
#   target/windows/avance-X.Y.Z-x86_64.zip   the portable copy: avance.exe, avance.com, README.md,
#                                            LICENCIA.txt and the sample plan
# (target/ is $CARGO_TARGET_DIR when that is set). It cross-compiles avance.exe and the console
# launcher avance.com (crates/avance-console) for x86_64-pc-windows-gnu with mingw-w64, builds
# the .msi with wixl and msibuild (msitools) and the .zip with zip, installing the ones missing
# with apt-get (Debian/Ubuntu, as root) and the Rust target with rustup.
# assets/windows/check-msi.sh then installs and uninstalls the .msi under Wine.
set -euo pipefail
cd "$(dirname "$0")/../.."

rust_target=x86_64-pc-windows-gnu
missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(mingw-w64)
command -v wixl >/dev/null || missing+=(wixl)
command -v msibuild >/dev/null || missing+=(msitools)
command -v zip >/dev/null || missing+=(zip)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (once)…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
fi
grep -qx "$rust_target" <<<"$(rustup target list --installed)" || rustup target add "$rust_target"

# The version: Cargo.toml's (the workspace's [workspace.package], which avance inherits).
pkgid=$(cargo pkgid --quiet -p avance)
version=${pkgid##*[#@]}
# An MSI version is numbers only (major.minor.build): 1.2.0-rc.1 is installed as 1.2.0.
msi_version=${version%%[-+]*}
target_dir=${CARGO_TARGET_DIR:-target}
out=$target_dir/windows
name=avance-$version-x86_64

echo "== cargo build --release --target $rust_target (avance $version)" >&2
cargo build --release --locked --target "$rust_target" -p avance -p avance-console

# What ships: the two programs, without their symbol tables (a panic's message stays; a
# backtrace would name no function, which no officer reads).
stage=$out/stage
rm -rf "$stage" && mkdir -p "$stage"
x86_64-w64-mingw32-strip -o "$stage/avance.exe" "$target_dir/$rust_target/release/avance.exe"
x86_64-w64-mingw32-strip -o "$stage/avance.com" "$target_dir/$rust_target/release/avance-console.exe"

echo "== wixl → $out/$name.msi" >&2
msi=$out/$name.msi
rm -f "$msi"
# wixl finds files by paths relative to the current folder only.
wixl --arch x64 \
  --define "Version=$msi_version" \
  --define "BinDir=$(realpath --relative-to=. "$stage")" \
  --define "IconFile=assets/icon/avance.ico" \
  --output "$msi" assets/windows/avance.wxs
# (wixl can fail and still exit 0; msibuild would then make a new, empty package.)
[ -s "$msi" ] || { echo "wixl did not write $msi" >&2; exit 1; }
# What wixl 0.101 cannot write, added to its tables with msibuild:
# - Program Files\Avance at the end of the system PATH while installed (WiX's <Environment>), so
#   that `avance report …` typed in any new terminal finds avance.com;
msibuild "$msi" -q "CREATE TABLE \`Environment\` (\`Environment\` CHAR(72) NOT NULL, \`Name\` CHAR(255) NOT NULL LOCALIZABLE, \`Value\` CHAR(255) LOCALIZABLE, \`Component_\` CHAR(72) NOT NULL PRIMARY KEY \`Environment\`)"
msibuild "$msi" -q "INSERT INTO \`Environment\` (\`Environment\`, \`Name\`, \`Value\`, \`Component_\`) VALUES ('AvanceOnPath', '=-*PATH', '[~];[INSTALLDIR]', 'AvanceCom')"
msibuild "$msi" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('RemoveEnvironmentStrings', 3300)"
msibuild "$msi" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('WriteEnvironmentStrings', 5200)"
# - a package of the same version replaces the installed one instead of installing beside it
#   (WiX's AllowSameVersionUpgrades: the upgrade's maximum version is included). Attributes is
#   part of the Upgrade table's key, so the row is replaced.
upgrade_code=$(msiinfo export "$msi" Property | awk -F'\t' '$1 == "UpgradeCode" { print $2 }' | tr -d '\r')
msibuild "$msi" -q "DELETE FROM \`Upgrade\` WHERE \`ActionProperty\` = 'WIX_UPGRADE_DETECTED'"
msibuild "$msi" -q "INSERT INTO \`Upgrade\` (\`UpgradeCode\`, \`VersionMax\`, \`Attributes\`, \`ActionProperty\`) VALUES ('$upgrade_code', '$msi_version', 513, 'WIX_UPGRADE_DETECTED')"

echo "== zip → $out/$name.zip" >&2
zip=$out/$name.zip
rm -f "$zip"
license=$(awk -F'"' '/^license *=/ { print $2; exit }' Cargo.toml)
cat > "$stage/LICENCIA.txt" <<EOF
Avance $version

Licencia / License (SPDX, Cargo.toml): $license
EOF
cp README.md "$stage/README.md"
cp plans/gestion_publica_2022.ron "$stage/gestion_publica_2022.ron"
# Flat: Windows' "Extract all…" makes one folder, named after the .zip, with avance.exe in it.
zip_path=$(realpath -m "$zip")
(cd "$stage" && zip -q -X "$zip_path" avance.exe avance.com README.md LICENCIA.txt gestion_publica_2022.ron)

ls -l "$msi" "$zip" "$stage/avance.exe" "$stage/avance.com" >&2
echo "$msi"
echo "$zip"
