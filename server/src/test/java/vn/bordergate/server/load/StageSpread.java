package vn.bordergate.server.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarations' stages ({@code gate_declaration_stage_total} in the gate's metrics) between two scrapes: per stage
 * how many, and the bucket bound under which half, 90 %, 99 % and 99.9 % of them fell; and the share of the
 * declaration POSTs the gate's own request timer saw above 10 and 50 ms. Tells a slow declaration's stage apart from
 * the time spent outside the server's stages (the client, the kernel, a GC pause between stages).
 */
final class StageSpread {
    private static final Pattern STAGE = Pattern.compile("^gate_declaration_stage_total\\{(.*)} (\\S+)$");
    private static final Pattern POSTS =
            Pattern.compile("^gate_http_requests_seconds_bucket\\{(?=.*area=\"/api/declarations\")(?=.*method=\"POST\")"
                    + "(?=.*status=\"2xx\")(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** stage (with its unit) → bucket bound → cumulative count; "+Inf" sorts last as Long.MAX_VALUE. */
    private final Map<String, TreeMap<Long, Double>> stages = new TreeMap<>();

    private final TreeMap<Double, Double> posts = new TreeMap<>();

    private StageSpread() {}

    static StageSpread of(String scrape) {
        StageSpread s = new StageSpread();
        for (String line : scrape.split("\n")) {
            Matcher m = STAGE.matcher(line);
            if (m.find()) {
                Map<String, String> labels = labels(m.group(1));
                long upTo = labels.get("upto").equals("+Inf") ? Long.MAX_VALUE : Long.parseLong(labels.get("upto"));
                s.stages
                        .computeIfAbsent(labels.get("stage") + " (" + labels.get("unit") + ")", k -> new TreeMap<>())
                        .put(upTo, Double.parseDouble(m.group(2)));
                continue;
            }
            Matcher p = POSTS.matcher(line);
            if (p.find()) {
                String le = labels(p.group(1)).get("le");
                s.posts.merge(
                        le.equals("+Inf") ? Double.MAX_VALUE : Double.parseDouble(le),
                        Double.parseDouble(p.group(2)),
                        Double::sum);
            }
        }
        return s;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }

    /** One line per stage of what happened between {@code before} and this scrape. */
    List<String> since(StageSpread before) {
        List<String> lines = new ArrayList<>();
        stages.forEach((stage, now) -> {
            TreeMap<Long, Double> then = before.stages.getOrDefault(stage, new TreeMap<>());
            double all = now.lastEntry().getValue() - then.getOrDefault(now.lastKey(), 0.0);
            if (all <= 0) {
                return;
            }
            StringBuilder line = new StringBuilder(String.format("  stage %-32s %9.0f:", stage, all));
            for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
                for (Map.Entry<Long, Double> bucket : now.entrySet()) {
                    double within = bucket.getValue() - then.getOrDefault(bucket.getKey(), 0.0);
                    if (within >= q * all) {
                        String bound = bucket.getKey() == Long.MAX_VALUE ? "more" : "≤" + bucket.getKey();
                        line.append(String.format(
                                " p%s %s;", q == 0.999 ? "99.9" : String.valueOf((int) (q * 100)), bound));
                        break;
                    }
                }
            }
            lines.add(line.toString());
        });
        if (!posts.isEmpty()) {
            double all = posts.lastEntry().getValue() - before.posts.getOrDefault(posts.lastKey(), 0.0);
            StringBuilder line = new StringBuilder(String.format("  gate's timer, 2xx declaration POSTs %.0f:", all));
            posts.forEach((le, count) -> {
                if (le != Double.MAX_VALUE && all > 0) {
                    double above = all - (count - before.posts.getOrDefault(le, 0.0));
                    line.append(String.format(" above %.0f ms %.2f %%;", le * 1000, 100 * above / all));
                }
            });
            lines.add(line.toString());
        }
        return lines;
    }
}
