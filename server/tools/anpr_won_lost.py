#!/usr/bin/env python3
"""Issue 4: compares two anpr_sets.sh runs plate by plate.

    python3 server/tools/anpr_won_lost.py OLD_OUT NEW_OUT [PLATES] [--list]

Prints per set how many scored images the new run read right that the old one missed (won) and the reverse
(lost); --list also prints each such image with both reads. A read counts as right when it equals plate_norm
or, on multi-plate photos, any of all_plates, as AnprScoreCommand scores it; suspect_or_partial rows are left out.
"""
import csv
import os
import sys

SETS = ["vn-one-row", "vn-mixed-silver", "cn-crops", "cn-scenes"]


def labels(path):
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("category") == "suspect_or_partial":
                continue
            right = {row["plate_norm"]}
            right.update(p for p in (row.get("all_plates") or "").split("|") if p)
            yield row["file"], right


def reads(path):
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return {row[0]: row[1] for row in csv.reader(f) if row and not row[0].startswith("#")}


def nearest_plates():
    """Like anpr_sets.sh and the tests: the nearest shared/plates beside the checkout or any folder above it."""
    here = os.path.dirname(os.path.abspath(__file__))
    for up in ("../../..", "../../../..", "../../../../.."):
        candidate = os.path.normpath(os.path.join(here, up, "shared", "plates"))
        if os.path.isdir(candidate):
            return candidate
    sys.exit("no shared/plates beside the checkout or above it: give PLATES")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    old, new = args[0], args[1]
    plates = args[2] if len(args) > 2 else nearest_plates()
    for name in SETS:
        label_file = os.path.join(plates, name, "labels.csv")
        if not os.path.exists(label_file):
            continue
        before, after = reads(os.path.join(old, name + ".csv")), reads(os.path.join(new, name + ".csv"))
        won, lost = [], []
        for file, right in labels(label_file):
            was, now = before.get(file, "") in right, after.get(file, "") in right
            if now and not was:
                won.append((file, before.get(file, ""), after.get(file, "")))
            elif was and not now:
                lost.append((file, before.get(file, ""), after.get(file, "")))
        print(f"{name}: won {len(won)}, lost {len(lost)}")
        if "--list" in argv:
            for tag, rows in (("won", won), ("lost", lost)):
                for file, a, b in rows:
                    print(f"  {tag} {file}: {a or '-'} -> {b or '-'}")


if __name__ == "__main__":
    main(sys.argv[1:])
