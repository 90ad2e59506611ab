package vn.bordergate.server.anpr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.bordergate.common.plate.PlateParser;

/**
 * The truth of an evaluation set: a {@code labels.csv} with a header row holding at least {@code file} and
 * {@code plate_norm}, optionally {@code all_plates} (every plate of a multi-plate photo, separated by
 * {@code |}) and {@code category}. Used only for scoring, never by the reader.
 */
public record PlateLabels(List<Label> labels) {
    /** Rows of this category are left out of scoring (partial or doubtful plates). */
    public static final String EXCLUDED_CATEGORY = "suspect_or_partial";

    /** One labelled image. */
    public record Label(String file, String plate, Set<String> allPlates, String category) {
        /** Whether this row counts for scoring. */
        public boolean scored() {
            return !EXCLUDED_CATEGORY.equals(category);
        }
    }

    public PlateLabels {
        labels = List.copyOf(labels);
    }

    public static PlateLabels read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        List<String> header = CsvLine.split(lines.get(0).replace("\uFEFF", ""));
        int file = header.indexOf("file");
        int plate = header.indexOf("plate_norm");
        int all = header.indexOf("all_plates");
        int category = header.indexOf("category");
        if (file < 0 || plate < 0) {
            throw new IOException(csv + " has no file and plate_norm columns");
        }
        List<Label> labels = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = CsvLine.split(line);
            String norm = PlateParser.normalize(f.get(plate));
            Set<String> plates = new LinkedHashSet<>();
            plates.add(norm);
            if (all >= 0 && all < f.size()) {
                for (String p : f.get(all).split("\\|")) {
                    if (!p.isBlank()) {
                        plates.add(PlateParser.normalize(p));
                    }
                }
            }
            String cat = category >= 0 && category < f.size() ? f.get(category) : "";
            labels.add(new Label(f.get(file), norm, plates, cat));
        }
        return new PlateLabels(labels);
    }

    /** Labels by file name. */
    public Map<String, Label> byFile() {
        Map<String, Label> map = new TreeMap<>();
        labels.forEach(l -> map.put(l.file(), l));
        return map;
    }
}
