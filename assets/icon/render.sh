#!/usr/bin/env bash
# Makes Avance's icon files from avance.svg (run it after changing the SVG, and commit what it writes):
#   hicolor/NxN/apps/avance.png for N = 16 24 32 48 64 128 256 (one file per size, laid out as the
#     freedesktop hicolor theme wants them: copy hicolor/ to /usr/share/icons/ on Linux);
#   avance.ico for Windows (16 24 32 48 64 as 32-bit bitmaps, 256 as PNG: what Explorer, the
#     taskbar and the installer's shortcut use), embedded in avance.exe by build.rs.
# The 256 px PNG is also the window's icon (src/app/mod.rs).
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert (imagemagick).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" avance.svg -o "hicolor/${size}x${size}/apps/avance.png"
done
convert hicolor/{16x16,24x24,32x32,48x48,64x64,256x256}/apps/avance.png avance.ico
