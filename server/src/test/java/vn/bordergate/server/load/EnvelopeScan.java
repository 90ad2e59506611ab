package vn.bordergate.server.load;

/**
 * Finds each envelope's {@code seq} and {@code sentAt} in the text of an event message without building
 * a JSON tree: the server writes an envelope as {@code {"seq":N,"sentAt":"<ISO instant>","event":...}}
 * (record order), one alone or several joined into an array. 500 listeners receive 100-200 MB/s of
 * events on this machine; a full parse per envelope made the load generator measure mostly itself.
 */
final class EnvelopeScan {
    private static final String START = "{\"seq\":";
    private static final String SENT_AT = ",\"sentAt\":\"";

    /** Told of every envelope in a message, in order. */
    @FunctionalInterface
    interface Sink {
        void envelope(long seq, long sentAtMicros);
    }

    private EnvelopeScan() {}

    /**
     * Hands every envelope of {@code message} to {@code sink}; answers how many. Only objects at the top
     * (the message itself, or an element of a top-level array) are envelopes: an object inside an event
     * whose first key happens to be {@code seq} is not one. One pass that skips strings (so markers in
     * text never count) and tracks nesting depth.
     */
    static int scan(CharSequence message, Sink sink) {
        int found = 0;
        int envelopeDepth = message.length() > 0 && message.charAt(0) == '[' ? 1 : 0;
        int depth = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '"') {
                i = endOfString(message, i);
            } else if (c == '{' && depth == envelopeDepth) {
                if (!startsWith(message, START, i)) {
                    throw new IllegalArgumentException("no envelope at " + i);
                }
                i = envelope(message, i, sink); // at the closing quote of sentAt, inside the envelope
                depth++;
                found++;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("no envelope in the message");
        }
        return found;
    }

    /** Reads the envelope starting at {@code at}; answers the index of the closing quote of its sentAt. */
    private static int envelope(CharSequence message, int at, Sink sink) {
        int i = at + START.length();
        long seq = 0;
        int digits = i;
        while (i < message.length() && message.charAt(i) >= '0' && message.charAt(i) <= '9') {
            seq = seq * 10 + (message.charAt(i++) - '0');
        }
        if (i == digits || !startsWith(message, SENT_AT, i)) {
            throw new IllegalArgumentException("envelope without seq and sentAt at " + at);
        }
        i += SENT_AT.length();
        int end = i;
        while (end < message.length() && message.charAt(end) != '"') {
            end++;
        }
        sink.envelope(seq, instantMicros(message, i, end));
        return end;
    }

    /** The index of the quote closing the string that opens at {@code open}. */
    private static int endOfString(CharSequence s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string at " + open);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (what Jackson writes for an {@code Instant}) as µs since the
     * epoch, UTC.
     */
    static long instantMicros(CharSequence s, int from, int to) {
        if (to - from < 20 || s.charAt(from + 10) != 'T' || s.charAt(to - 1) != 'Z') {
            throw new IllegalArgumentException("not an instant: " + s.subSequence(from, to));
        }
        int year = number(s, from, 4);
        int month = number(s, from + 5, 2);
        int day = number(s, from + 8, 2);
        long seconds = epochDay(year, month, day) * 86_400
                + number(s, from + 11, 2) * 3600L
                + number(s, from + 14, 2) * 60L
                + number(s, from + 17, 2);
        long micros = 0;
        int scale = 100_000;
        for (int i = from + 20; i < to - 1 && scale > 0; i++, scale /= 10) {
            micros += number(s, i, 1) * (long) scale;
        }
        return seconds * 1_000_000 + micros;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int number(CharSequence s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit in an instant: " + c);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean startsWith(CharSequence s, String prefix, int at) {
        if (at + prefix.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (s.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
