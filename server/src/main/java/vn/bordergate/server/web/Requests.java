package vn.bordergate.server.web;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.stream.Collectors;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.service.GateException;

/**
 * Reading request parameters with clear errors. Query and path parameters arrive as strings and are
 * parsed here, because JAX-RS answers a badly typed query parameter with a bare 404.
 */
final class Requests {
    static final int MAX_LIMIT = 1000;

    private Requests() {}

    static Actor actor(SecurityContext security) {
        return (Actor) security.getUserPrincipal();
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 200;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > MAX_LIMIT) {
                throw GateException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw GateException.invalidField("limit", "must be a whole number");
        }
    }

    static long longParam(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw GateException.invalidField(name, "must be a whole number");
        }
    }

    static <E extends Enum<E>> E enumParam(String name, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw GateException.invalidField(name, "'" + shorten(value) + "' is not one of " + allowed);
        }
    }

    static <E extends Enum<E>> E requiredEnum(String name, Class<E> type, String value) {
        E parsed = enumParam(name, type, value);
        if (parsed == null) {
            throw GateException.invalidField(name, "is required");
        }
        return parsed;
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
