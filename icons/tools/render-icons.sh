#!/usr/bin/env bash
# Renders every SVG under icons/ into the committed PNG/.ico/.icns files, so the build needs nothing from apt.
# Authoring-time tools (Debian 12): apt-get install librsvg2-bin icoutils icnsutils
# Reproducible: rsvg-convert's output depends only on the SVG and the librsvg version (2.54 here).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

# application icons: PNG 16-512, a multi-size .ico (Windows) and .icns (macOS)
for svg in bordergate.svg app/*.svg; do
    name=$(basename "$svg" .svg)
    out=app/$name
    mkdir -p "$out"
    for size in 16 24 32 48 64 128 256 512; do
        rsvg-convert -w "$size" -h "$size" "$svg" -o "$out/$name-$size.png"
    done
    icotool -c -o "$out/$name.ico" "$out/$name"-{16,24,32,48,64,128,256}.png
    png2icns "$out/$name.icns" "$out/$name"-{16,32,48,128,256,512}.png >/dev/null
done

# in-app icons: agencies and step states, at the sizes lists and checklists use
for svg in agency/*.svg step/*.svg; do
    dir=$(dirname "$svg")/png
    name=$(basename "$svg" .svg)
    mkdir -p "$dir"
    for size in 16 24 32 48; do
        rsvg-convert -w "$size" -h "$size" "$svg" -o "$dir/$name-$size.png"
    done
done
echo "icons rendered"
