#!/usr/bin/env bash
# Rebuilds the document fonts under server/src/main/resources/fonts/document/: the one family that
# printed slips, tickets and reports (JasperReports) and the workstation's Chinese text use.
# JasperReports has no per-character fallback, so one face must cover Vietnamese, Chinese plates and
# the Chinese labels; Noto Sans CJK SC does, and Debian ships it only as a .ttc, which JasperReports
# rejects, hence a subset of the SC face as single .otf files.
#
#   NotoSansCJKsc-Regular-Document.otf, NotoSansCJKsc-Bold-Document.otf
#       Latin incl. Vietnamese, general punctuation, the Chinese province abbreviations and plate
#       suffixes, every Han character in the workstation's and server's *_zh.properties bundles and
#       in server/tools/document_chars_zh.txt (labels of printed documents).
#
# Rerun after adding Chinese text (a test fails when a bundle uses a character the font lacks).
# Needs Debian packages: apt-get install -y python3-fonttools fonts-noto-cjk
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$here/../.."
out="$here/../src/main/resources/fonts/document"
python=/usr/bin/python3
"$python" -c 'import fontTools' 2>/dev/null || { echo "apt-get install -y python3-fonttools" >&2; exit 1; }
mkdir -p "$out"

chars_file="$(mktemp)"
trap 'rm -f "$chars_file"' EXIT
# province abbreviations and plate suffixes, as in PlateParser
printf '%s' "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼挂学港澳警领使" >"$chars_file"
cat "$here/document_chars_zh.txt" >>"$chars_file"
# properties files may hold \uXXXX escapes or UTF-8; decode both
find "$repo" -path '*/src/main/resources/*' -name '*_zh*.properties' -not -path '*/target*' -print0 |
    xargs -0 -r "$python" -c '
import sys, re
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    sys.stdout.write(text)
' >>"$chars_file"

for weight in Regular Bold; do
    ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-$weight.ttc
    [ -f "$ttc" ] || { echo "missing $ttc: apt-get install -y fonts-noto-cjk" >&2; exit 1; }
    index="$("$python" - "$ttc" <<'PY'
import sys
from fontTools.ttLib import TTCollection
for i, font in enumerate(TTCollection(sys.argv[1]).fonts):
    if font["name"].getDebugName(1) == "Noto Sans CJK SC":
        print(i)
        break
else:
    sys.exit("no Noto Sans CJK SC face in " + sys.argv[1])
PY
)"
    "$python" -m fontTools.subset "$ttc" --font-number="$index" \
        --unicodes="U+0020-007E,U+00A0-017F,U+01A0-01B0,U+0300-0323,U+1EA0-1EF9,U+2010-2027,U+2030-203A,U+20AB,U+20AC,U+2116,U+2190-2193,U+2713,U+2717,U+3000-3011,U+FF01-FF1F" \
        --text-file="$chars_file" \
        --layout-features='kern,liga' --no-hinting --name-IDs='*' \
        --output-file="$out/NotoSansCJKsc-$weight-Document.otf"
    # OpenPDF (JasperReports' PDF writer) writes glyph ids where a CID-keyed CFF font expects CIDs, and the
    # subset keeps Noto's original CIDs: renumber every glyph's CID to its glyph id, or viewers draw the
    # wrong glyphs ("Đ" as "ă", most Vietnamese letters blank). PrintedGlyphs in the server tests checks it.
    "$python" - "$out/NotoSansCJKsc-$weight-Document.otf" <<'PY'
import io, re, sys
from fontTools.ttLib import TTFont
path = sys.argv[1]
font = TTFont(path)
rename = {name: "cid%05d" % gid for gid, name in enumerate(font.getGlyphOrder()) if name.startswith("cid")}
xml = io.StringIO()
font.saveXML(xml)
fixed = TTFont()
fixed.importXML(io.StringIO(re.sub(r"\bcid\d{5}\b", lambda m: rename.get(m.group(0), m.group(0)), xml.getvalue())))
fixed.save(path)
PY
done
cp "$here/../src/main/resources/fonts/OFL.txt" "$out/OFL.txt"
ls -l "$out"
