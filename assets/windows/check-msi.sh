#!/usr/bin/env bash
# Checks Avance's installer under Wine, as an officer's PC would take it:
#   assets/windows/check-msi.sh [FILE.msi]     (default: the one assets/windows/build.sh made)
# In a fresh Wine prefix (target/windows/wine-check), a silent per-machine install
# (msiexec /i /qn) must leave Program Files\Avance\avance.exe (a GUI program) and avance.com (a
# console program), whose `--version` and `report` answer through the launcher with avance.exe's
# exit code; the Start-menu shortcut; the .ron association (HKCR\.ron → Avance.Plan, its open
# command and icon); the Settings → Apps entry with its icon; Program Files\Avance on the system
# PATH. Then msiexec /x /qn must take all of that away again. Prints each step's time; exits 1
# at the first thing missing or left behind. Installs Wine and mingw-w64 with apt-get if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$EPOCHREALTIME
step() { awk -v now="$EPOCHREALTIME" -v start="$start" -v what="$1" 'BEGIN { printf "== %s (%.1f s)\n", what, now - start }'; }
fail() { echo "FAILED: $*" >&2; exit 1; }

target_dir=${CARGO_TARGET_DIR:-target}
version=$(cargo pkgid --quiet -p avance); version=${version##*[#@]}
msi=${1:-$target_dir/windows/avance-$version-x86_64.msi}
[ -f "$msi" ] || fail "no $msi: run assets/windows/build.sh first"

missing=()
command -v wine >/dev/null || missing+=(wine)
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(mingw-w64)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (once)…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
fi

export WINEPREFIX
WINEPREFIX=$(realpath -m "$target_dir/windows/wine-check")
# Quiet, no display needed, no offer to download Mono or Gecko into the new prefix, and no
# menu entries or icons for the host's desktop (winemenubuilder).
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d" DISPLAY=
wineserver -k 2>/dev/null || true
rm -rf "$WINEPREFIX"
step "a fresh Wine prefix in $WINEPREFIX"
wine wineboot --init >/dev/null 2>&1
wineserver -w

msi_win=$(winepath -w "$msi" 2>/dev/null)
drive_c=$WINEPREFIX/drive_c
installdir="$drive_c/Program Files/Avance"
# The Start-menu shortcut: Windows puts a per-machine install's in all users' Start menu
# (ProgramData); Wine's msiexec always puts it in the user's (its ProgramMenuFolder ignores
# ALLUSERS), so either counts here.
shortcuts=("$drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Avance.lnk"
  "$drive_c/users/$(id -un)/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Avance.lnk")
shortcut_there() { [ -f "${shortcuts[0]}" ] || [ -f "${shortcuts[1]}" ]; }
env_key='HKLM\System\CurrentControlSet\Control\Session Manager\Environment'
# The default value of key $1, or its value named $2; nothing when it is not there.
reg_value() {
  if [ $# -gt 1 ]; then wine reg query "$1" /v "$2"; else wine reg query "$1" /ve; fi 2>/dev/null | tr -d '\r' | grep REG_ || true
}
key_there() { wine reg query "$1" >/dev/null 2>&1; }
arp_entry() { wine uninstaller --list 2>/dev/null | tr -d '\r' | grep '|||Avance$' || true; }

step "msiexec /i $(basename "$msi") /qn"
wine msiexec /i "$msi_win" /qn || fail "msiexec /i exited with $?"
wineserver -w
[ -f "$installdir/avance.exe" ] || fail "no Program Files\\Avance\\avance.exe"
[ -f "$installdir/avance.com" ] || fail "no Program Files\\Avance\\avance.com"
# avance.exe opens no console window (GUI subsystem); avance.com is the console program.
subsystem() { x86_64-w64-mingw32-objdump -p "$1" | awk '$1 == "Subsystem" { print $2 }'; }
[ "$(subsystem "$installdir/avance.exe")" = 00000002 ] || fail "avance.exe is not a Windows GUI program"
[ "$(subsystem "$installdir/avance.com")" = 00000003 ] || fail "avance.com is not a console program"
shortcut_there || fail "no Start-menu shortcut (Start Menu\\Programs\\Avance.lnk)"
grep -q 'REG_SZ *Avance.Plan$' <<<"$(reg_value 'HKCR\.ron')" || fail "HKCR\\.ron is not Avance.Plan"
grep -q 'REG_SZ *Plan de Avance$' <<<"$(reg_value 'HKCR\Avance.Plan')" || fail "HKCR\\Avance.Plan is not 'Plan de Avance'"
grep -qiF '"C:\Program Files\Avance\avance.exe" "%1"' <<<"$(reg_value 'HKCR\Avance.Plan\shell\open\command')" ||
  fail "HKCR\\Avance.Plan\\shell\\open\\command does not open avance.exe \"%1\""
grep -qiF 'avance.exe",0' <<<"$(reg_value 'HKCR\Avance.Plan\DefaultIcon')" || fail "Avance.Plan has no icon"
product=$(arp_entry | cut -d'|' -f1)
[ -n "$product" ] || fail "no Avance in Settings → Apps (wine uninstaller --list)"
arp_key="HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$product"
grep -q "${version%%[-+]*}" <<<"$(reg_value "$arp_key" DisplayVersion)" || fail "the Apps entry's version is not $version"
# Settings → Apps shows an MSI product's ARPPRODUCTICON: the icon Windows Installer keeps in
# Windows\Installer\{ProductCode}\ and names in the product's ProductIcon.
products=$(wine reg query 'HKLM\Software\Classes\Installer\Products' /s 2>/dev/null | tr -d '\r')
grep ProductIcon <<<"$products" | grep -qiF "\\Installer\\$product\\avance.ico" || fail "the Apps entry names no icon"
[ -f "$drive_c/windows/Installer/$product/avance.ico" ] || fail "the Apps entry's icon is not there"
grep -qiF 'C:\Program Files\Avance' <<<"$(reg_value "$env_key" PATH)" || fail "Program Files\\Avance is not on PATH"
echo "installed: Program Files\\Avance\\{avance.exe (GUI), avance.com (console)}, Avance.lnk, .ron → Avance.Plan, Apps entry $product with its icon, PATH"

# Debian's Wine 8 lacks ProcessPrng (bcryptprimitives.dll), which Rust's std calls at start.
# For this check only, a stand-in DLL is put beside the installed programs, and taken away
# before uninstalling; it is never in the .msi or the .zip.
shim=
if ! wine "$installdir/avance.com" --version >/dev/null 2>&1; then
  shim=$installdir/bcryptprimitives.dll
  x86_64-w64-mingw32-gcc -shared -o "$shim" assets/windows/wine-prng-shim.c -ladvapi32
fi
step "avance.com --version, report, and an exit code through the launcher"
answer=$(wine "$installdir/avance.com" --version | tr -d '\r')
[ "$answer" = "avance $version" ] || fail "avance.com --version said '$answer', not 'avance $version'"
report=$(wine "$installdir/avance.com" report plans/gestion_publica_2022.ron | tr -d '\r')
grep -q '50,24' <<<"$report" || fail "avance.com report does not print Objetivo 2's 50,24 %"
grep -q '24,15' <<<"$report" || fail "avance.com report does not print Objetivo 3's 24,15 %"
code=0
wine "$installdir/avance.com" validate no-such-plan.ron >/dev/null 2>&1 || code=$?
[ "$code" = 2 ] || fail "avance.com validate no-such-plan.ron exited with $code, not avance.exe's 2"
echo "$answer; report prints 50,24 % and 24,15 %; exit code 2 passed on"
[ -z "$shim" ] || rm -f "$shim"

step "msiexec /x $(basename "$msi") /qn"
wine msiexec /x "$msi_win" /qn || fail "msiexec /x exited with $?"
wineserver -w
[ ! -e "$installdir" ] || fail "Program Files\\Avance is still there: $(ls "$installdir")"
! shortcut_there || fail "the Start-menu shortcut is still there"
! key_there 'HKCR\.ron' || fail "HKCR\\.ron is still there"
! key_there 'HKCR\Avance.Plan' || fail "HKCR\\Avance.Plan is still there"
[ -z "$(arp_entry)" ] || fail "Avance is still in Settings → Apps"
! grep -qiF 'Program Files\Avance' <<<"$(reg_value "$env_key" PATH)" || fail "Program Files\\Avance is still on PATH"
echo "uninstalled: no files, shortcut, association, Apps entry or PATH entry left"

wineserver -k 2>/dev/null || true
step "the .msi installs and uninstalls under Wine"
