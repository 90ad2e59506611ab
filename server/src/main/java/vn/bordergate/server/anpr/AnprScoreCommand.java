package vn.bordergate.server.anpr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Scores the CSV of the {@code anpr} command against a {@code labels.csv}, kept apart from the reader so that
 * the reader never sees the truth: {@code java -cp bordergate-server.jar
 * vn.bordergate.server.anpr.AnprScoreCommand LABELS.csv READS.csv}. Rows whose category is
 * {@value PlateLabels#EXCLUDED_CATEGORY} are left out; a labelled image missing from the reads counts as not read.
 */
@Command(
        name = "anpr-score",
        description = "Scores anpr output (file,plate,confidence,ms) against labels.csv (file,plate_norm,...).")
public final class AnprScoreCommand implements Callable<Integer> {
    @picocli.CommandLine.Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    @Parameters(index = "0", paramLabel = "LABELS", description = "labels.csv of the set")
    Path labels;

    @Parameters(index = "1", paramLabel = "READS", description = "the CSV written by anpr")
    Path reads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnprScoreCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Map<String, String[]> byFile = new HashMap<>();
        List<String> lines = Files.readAllLines(reads, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = CsvLine.split(line);
            if (f.size() >= 4) {
                byFile.put(f.get(0), new String[] {f.get(1), f.get(3)});
            }
        }
        PlateScore score = new PlateScore();
        int excluded = 0;
        for (PlateLabels.Label label : PlateLabels.read(labels).labels()) {
            if (!label.scored()) {
                excluded++;
                continue;
            }
            String[] read = byFile.getOrDefault(label.file(), new String[] {"", "0"});
            score.add(label, read[0], Double.parseDouble(read[1]));
        }
        System.out.println(score.summary() + " excluded=" + excluded);
        return 0;
    }
}
