package vn.bordergate.workstation;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import vn.bordergate.workstation.kiosk.KioskSettings;
import vn.bordergate.workstation.text.Wording;

/**
 * The command line: {@code [--server URL] [--data DIR] [--lang vi|en|zh] [--kiosk ...]}. Without {@code
 * --server} the workstation starts its own gate server with demo data in {@code --data} (default {@code
 * ~/.bordergate/demo}).
 *
 * @param server the gate server to connect to, null to start one in-process
 * @param kiosk the yard kiosk's settings with {@code --kiosk}, else null (the officer workstation)
 */
public record WorkstationOptions(URI server, Path dataDir, Locale language, KioskSettings kiosk) {
    public static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: java -jar bordergate-workstation.jar [--server URL] [--data DIR] [--lang vi|en|zh]",
            "  --server URL   connect to the gate server at URL (e.g. http://gate-server:8080)",
            "  --data DIR     without --server: the embedded gate server's data (default ~/.bordergate/demo)",
            "  --lang CODE    vi (default), en or zh",
            "  --kiosk        run as the yard's self-service kiosk (full screen, no officer login)",
            "  --kiosk-account NAME  its KIOSK device account (default kiosk; password in "
                    + KioskSettings.PASSWORD_VARIABLE + ")",
            "  --camera SOURCE       kiosk QR camera: device number, stream URL or video file",
            "  --idle SECONDS        kiosk: back to the start screen after this long untouched (default 60)",
            "  --tickets DIR         kiosk: where queue tickets are saved as PDF (default ~/.bordergate/tickets)");

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".bordergate", "demo");
    }

    /** Reads the arguments; a wrong one throws {@link IllegalArgumentException} saying which. */
    public static WorkstationOptions parse(List<String> args) {
        URI server = null;
        Path data = defaultDataDir();
        Locale language = Wording.VIETNAMESE;
        boolean kiosk = false;
        String account = "kiosk";
        String camera = null;
        Duration idle = KioskSettings.DEFAULT_IDLE;
        Path tickets = Path.of(System.getProperty("user.home"), ".bordergate", "tickets");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--server" -> server = serverUri(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--lang" -> language = Wording.language(value(args, ++i, arg));
                case "--kiosk" -> kiosk = true;
                case "--kiosk-account" -> account = value(args, ++i, arg);
                case "--camera" -> camera = value(args, ++i, arg);
                case "--idle" -> idle = seconds(value(args, ++i, arg));
                case "--tickets" -> tickets = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        KioskSettings settings = kiosk
                ? new KioskSettings(account, System.getenv(KioskSettings.PASSWORD_VARIABLE), camera, idle, tickets)
                : null;
        return new WorkstationOptions(server, data, language, settings);
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofSeconds(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--idle: a number of seconds, not " + text);
        }
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
