package vn.bordergate.server.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gate host's configuration file ({@code /etc/bordergate/gate.conf}, Java properties syntax). Every
 * key is checked: an unknown key or a bad value stops the start with a message naming the key, so a typo
 * never silently falls back to a default. Empty values count as absent.
 */
public final class GateConfig {
    private static final Set<String> KEYS = Set.of(
            "server.host",
            "server.port",
            "data.dir",
            "demo",
            "cameras.enabled",
            "tls.keystore",
            "tls.keystore.password",
            "backup.dir",
            "backup.time",
            "backup.keep",
            "log.dir",
            "metrics.access");

    private final Path file;
    private final Map<String, String> values;

    private GateConfig(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** Reads and checks the file; the message of the exception says which key is wrong and why. */
    public static GateConfig read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("the configuration file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration " + file + ": " + e, e);
        }
        Map<String, String> values = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            if (!KEYS.contains(key) && !isCameraSource(key)) {
                unknown.add(key);
            } else if (!value.isEmpty()) {
                values.put(key, value);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(file + ": unknown key(s) " + unknown + "; known keys: "
                    + new TreeSet<>(KEYS) + " and camera.<CODE>.source");
        }
        GateConfig config = new GateConfig(file, values);
        config.operations(); // checks every operations key now, not at first use
        config.port();
        config.bool("demo");
        config.bool("cameras.enabled");
        return config;
    }

    private static boolean isCameraSource(String key) {
        return key.startsWith("camera.") && key.endsWith(".source") && key.length() > "camera..source".length();
    }

    public Optional<String> host() {
        return Optional.ofNullable(values.get("server.host"));
    }

    public Optional<Integer> port() {
        return Optional.ofNullable(values.get("server.port")).map(v -> {
            try {
                int port = Integer.parseInt(v);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw bad("server.port", v, "a port number 0-65535");
            }
        });
    }

    public Optional<Path> dataDir() {
        return path("data.dir");
    }

    public Optional<Boolean> demo() {
        return bool("demo");
    }

    public Optional<Boolean> camerasEnabled() {
        return bool("cameras.enabled");
    }

    public Operations operations() {
        Operations defaults = Operations.defaults();
        Map<String, String> sources = new HashMap<>();
        values.forEach((key, value) -> {
            if (isCameraSource(key)) {
                sources.put(key.substring("camera.".length(), key.length() - ".source".length()), value);
            }
        });
        try {
            return new Operations(
                    path("tls.keystore").orElse(null),
                    values.get("tls.keystore.password"),
                    path("backup.dir").orElse(null),
                    time("backup.time").orElse(null),
                    integer("backup.keep").orElse(defaults.backupKeep()),
                    path("log.dir").orElse(null),
                    metricsAccess().orElse(defaults.metricsAccess()),
                    sources);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(file.toString())
                    ? e
                    : new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private Optional<Operations.MetricsAccess> metricsAccess() {
        return Optional.ofNullable(values.get("metrics.access")).map(v -> {
            try {
                return Operations.MetricsAccess.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("metrics.access", v, "loopback or token");
            }
        });
    }

    private Optional<Path> path(String key) {
        return Optional.ofNullable(values.get(key)).map(Path::of);
    }

    private Optional<Boolean> bool(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, v, "true or false");
        });
    }

    private Optional<Integer> integer(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw bad(key, v, "a whole number");
            }
        });
    }

    private Optional<LocalTime> time(String key) {
        return Optional.ofNullable(values.get(key)).map(v -> {
            try {
                return LocalTime.parse(v);
            } catch (DateTimeParseException e) {
                throw bad(key, v, "a time of day as HH:mm, e.g. 02:30");
            }
        });
    }

    private IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(file + ": " + key + " = " + value + " is not " + expected);
    }
}
