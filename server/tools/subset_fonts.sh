#!/usr/bin/env bash
# Rebuilds the plate fonts under server/src/main/resources/fonts/ that the synthetic plate generator
# (vn.bordergate.server.anpr.synthetic) draws with. Only these committed files are used at run time.
#
#   DejaVuSansCondensed-Bold-Plates.ttf  Latin letters and digits of both countries' plates
#                                        (DejaVu Sans Condensed Bold, Basic Latin + middle dot + Đđ)
#   NotoSansCJKsc-Bold-Plates.otf        the 31 Chinese province abbreviations and the suffixes
#                                        挂学港澳警领使 (Noto Sans CJK SC Bold, the SC face of the .ttc)
#   LICENSE-DejaVu.txt, OFL.txt          their licences
#
# Needs Debian packages: apt-get install -y python3-fonttools fonts-noto-cjk fonts-dejavu-core
# Run from anywhere: server/tools/subset_fonts.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/fonts"
dejavu=/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf
noto_ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
noto_copyright=/usr/share/doc/fonts-noto-cjk/copyright

# must match PlateParser.CN_PROVINCES plus the suffix and special-plate characters
cn_chars="京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼挂学港澳警领使"

# Debian's fonttools lives in the system Python (a pyenv or venv python3 may not see it)
python=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import fontTools' 2>/dev/null; then
        python="$candidate"
        break
    fi
done
[ -n "$python" ] || { echo "fonttools not found: apt-get install -y python3-fonttools" >&2; exit 1; }
for f in "$dejavu" "$noto_ttc" "$noto_copyright"; do
    [ -f "$f" ] || { echo "missing $f: apt-get install -y fonts-noto-cjk fonts-dejavu-core" >&2; exit 1; }
done
mkdir -p "$out"

# the index of the Simplified Chinese face inside the collection
sc_index="$("$python" - "$noto_ttc" <<'EOF'
import sys
from fontTools.ttLib import TTCollection
for i, font in enumerate(TTCollection(sys.argv[1]).fonts):
    if font["name"].getDebugName(1) == "Noto Sans CJK SC":
        print(i)
        break
else:
    sys.exit("no Noto Sans CJK SC face in " + sys.argv[1])
EOF
)"

# --no-hinting: the glyphs are drawn as scaled outlines, hints only add bytes; the name table is kept
# whole (copyright, licence and the original names: neither font's licence reserves these names)
"$python" -m fontTools.subset "$dejavu" \
    --unicodes="U+0020-007E,U+00B7,U+0110-0111" \
    --layout-features='' --no-hinting --name-IDs='*' --name-languages='*' \
    --output-file="$out/DejaVuSansCondensed-Bold-Plates.ttf"

"$python" -m fontTools.subset "$noto_ttc" --font-number="$sc_index" \
    --text="$cn_chars" \
    --layout-features='' --no-hinting --name-IDs='*' \
    --output-file="$out/NotoSansCJKsc-Bold-Plates.otf"

# licences: DejaVu's full licence (Bitstream Vera + Arev) is the font's own name ID 13;
# the OFL text comes from Debian's copyright file, headed by the font's copyright notice
"$python" - "$dejavu" "$out/LICENSE-DejaVu.txt" <<'EOF'
import sys
from fontTools.ttLib import TTFont
text = TTFont(sys.argv[1])["name"].getDebugName(13)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(text.rstrip() + "\n")
EOF

"$python" - "$noto_ttc" "$sc_index" "$noto_copyright" "$out/OFL.txt" <<'EOF'
import sys
from fontTools.ttLib import TTCollection
font = TTCollection(sys.argv[1]).fonts[int(sys.argv[2])]
notice = font["name"].getDebugName(0)
lines, inside = [], False
for line in open(sys.argv[3], encoding="utf-8"):
    if line.rstrip() == "License: SIL-1.1":
        inside, lines = True, []  # the Files: stanza names it; the stand-alone stanza holds the text
        continue
    if inside:
        if not line.startswith(" "):
            if lines:
                break
            inside = False
            continue
        body = line[1:].rstrip("\n")
        lines.append("" if body == "." else body)
with open(sys.argv[4], "w", encoding="utf-8") as f:
    f.write("Noto Sans CJK SC Bold, subset: " + notice + "\n")
    f.write("Noto is a trademark of Google Inc. Source: https://github.com/googlefonts/noto-cjk\n\n")
    f.write("\n".join(lines).rstrip() + "\n")
EOF

ls -l "$out"
