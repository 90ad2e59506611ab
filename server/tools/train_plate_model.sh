#!/usr/bin/env bash
# Rebuilds server/src/main/resources/vn/bordergate/server/anpr/tessdata/plate.traineddata, the Tesseract LSTM
# model the plate reader reads with (docs/anpr.md, "The plate model"). Never run by the build.
#
#   1. PlateLineSet writes training lines (one PNG + Tesseract line box each): synthetic plates (the reader's own
#      renderer, committed DejaVu Sans Condensed Bold subset, mild and heavy degradation) and the even-numbered
#      cn-crops photos (Apache-2.0; odd-numbered ones are held out), cut into rows and line images by the
#      reader's own code; a smaller synthetic set with another seed is the evaluation set.
#   2. combine_lang_model makes a starter model for the 36 plate characters (pass-through recoder).
#   3. tesseract ... lstm.train turns each line into an .lstmf (one file per line: the same lines as pages of
#      multi-page TIFFs did not train at all, 100 % character errors after 20 000 iterations).
#   4. lstmtraining trains a small LSTM from scratch (the only English model on the machine, Debian's
#      tessdata_fast eng, is an integer model and cannot be fine-tuned), then converts it to integer.
#
# Needs: Debian's tesseract-ocr (lstmtraining, combine_lang_model, unicharset_extractor), JDK 17, Maven.
# The real sets other than cn-crops have no licence for redistribution: they are never given to this script.
#
# Usage (from the repository root):
#   server/tools/train_plate_model.sh [CN_CROPS_DIR]
# Environment: WORK (default /tmp/plate-model), MILD_PLATES (default 1500), PLATES (heavily degraded plates,
#   default 1500), EVAL_PLATES (150), ITERATIONS (default 35000), SEED (20261122), OUT (the model written). One training thread,
#   niced: the machine is shared. The committed model: see docs/anpr.md for the exact run.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${WORK:-/tmp/plate-model}"
mild_plates="${MILD_PLATES:-1500}"
plates="${PLATES:-1500}"
eval_plates="${EVAL_PLATES:-150}"
iterations="${ITERATIONS:-35000}"
seed="${SEED:-20261122}"
cn_crops="${1:-}"
out="${OUT:-$repo/server/src/main/resources/vn/bordergate/server/anpr/tessdata/plate.traineddata}"
# small network: 32 px line height, 3x3 convolution, 2x2 max-pool, vertical summary LSTM, one bidirectional
# LSTM. The tesstrain default ([1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx96 Lrx96 Lfx192 ...]) at learning rate 0.002
# stayed at 95-100 % character errors for 16 000 iterations here; this one at 0.005 fell below 90 % at 3 300.
net_spec='[1,32,0,1 Ct3,3,16 Mp2,2 Lfys32 Lbx64 O1c###]'
export OMP_THREAD_LIMIT=1

for tool in lstmtraining combine_lang_model unicharset_extractor tesseract; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y tesseract-ocr" >&2; exit 1; }
done
mkdir -p "$work"
cd "$repo"

if [ ! -f "$work/lines.done" ]; then
    mvn -B -q -o -pl server -am -DskipTests compile
    mvn -B -q -o -pl server dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
    cp="common/target/classes:server/target/classes:$(cat "$work/cp.txt")"
    rm -rf "$work/train" "$work/eval"
    nice -n 10 java -cp "$cp" vn.bordergate.server.anpr.PlateLineSet "$work/train/mild" "$mild_plates" "$seed" mild
    nice -n 10 java -cp "$cp" vn.bordergate.server.anpr.PlateLineSet "$work/train/heavy" "$plates" "$((seed + 2))" \
        heavy $cn_crops
    nice -n 10 java -cp "$cp" vn.bordergate.server.anpr.PlateLineSet "$work/eval" "$eval_plates" "$((seed + 1))" heavy
    touch "$work/lines.done"
fi

# starter model: the plate characters only; no dictionary, no legacy engine
mkdir -p "$work/lang/scripts"
printf '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\n' >"$work/chars.txt"
unicharset_extractor --norm_mode 1 --output_unicharset "$work/plate.unicharset" "$work/chars.txt"
# combine_lang_model insists on a radical-stroke table even when it is not used (Han only)
printf '19968\t1.0\n' >"$work/lang/scripts/radical-stroke.txt"
combine_lang_model --input_unicharset "$work/plate.unicharset" --script_dir "$work/lang/scripts" \
    --output_dir "$work/lang" --lang plate --pass_through_recoder

for set in train eval; do
    find "$work/$set" -name '*.png' | sed 's/\.png$//' | while read -r line; do
        [ -f "$line.lstmf" ] || echo "$line"
    done | nice -n 10 xargs -P 2 -I{} tesseract {}.png {} --psm 13 lstm.train >/dev/null 2>&1
    # shuffled with a fixed seed, so the mild and heavy lines and the real ones are mixed
    find "$work/$set" -name '*.lstmf' | sort | shuf --random-source=<(yes "$seed") >"$work/$set.list"
done

size="$(head -n1 "$work/plate.unicharset")"
mkdir -p "$work/checkpoints"
nice -n 10 lstmtraining \
    --traineddata "$work/lang/plate/plate.traineddata" \
    --net_spec "${net_spec//###/$size}" \
    --model_output "$work/checkpoints/plate" \
    --learning_rate 0.005 \
    --train_listfile "$work/train.list" \
    --eval_listfile "$work/eval.list" \
    --max_iterations "$iterations"

lstmtraining --stop_training --convert_to_int \
    --continue_from "$work/checkpoints/plate_checkpoint" \
    --traineddata "$work/lang/plate/plate.traineddata" \
    --model_output "$out"
lstmeval --model "$out" --eval_listfile "$work/eval.list" | tail -n 3
ls -l "$out"
