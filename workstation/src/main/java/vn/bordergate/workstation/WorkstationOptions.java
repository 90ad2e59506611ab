package vn.bordergate.workstation;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import vn.bordergate.workstation.text.Wording;

/**
 * The command line: {@code [--server URL] [--data DIR] [--lang vi|en|zh]}. Without {@code --server} the
 * workstation starts its own gate server with demo data in {@code --data} (default {@code
 * ~/.bordergate/demo}).
 *
 * @param server the gate server to connect to, null to start one in-process
 */
public record WorkstationOptions(URI server, Path dataDir, Locale language) {
    public static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: java -jar bordergate-workstation.jar [--server URL] [--data DIR] [--lang vi|en|zh]",
            "  --server URL   connect to the gate server at URL (e.g. http://gate-server:8080)",
            "  --data DIR     without --server: the embedded gate server's data (default ~/.bordergate/demo)",
            "  --lang CODE    vi (default), en or zh");

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".bordergate", "demo");
    }

    /** Reads the arguments; a wrong one throws {@link IllegalArgumentException} saying which. */
    public static WorkstationOptions parse(List<String> args) {
        URI server = null;
        Path data = defaultDataDir();
        Locale language = Wording.VIETNAMESE;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--server" -> server = serverUri(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--lang" -> language = Wording.language(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new WorkstationOptions(server, data, language);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static URI serverUri(String text) {
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "http://" + text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server: not an address: " + text);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("--server: expected http(s)://host[:port], not " + text);
        }
        return uri;
    }

    public boolean embedded() {
        return server == null;
    }
}
