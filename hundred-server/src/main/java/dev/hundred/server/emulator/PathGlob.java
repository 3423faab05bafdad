package dev.hundred.server.emulator;

import java.util.regex.Pattern;

/**
 * A path pattern of the fault rules and the journal's filter: {@code *} matches any characters within one
 * segment ({@code /v2/rooms/*} is every room, {@code /v2/rooms/*}{@code /peers} every room's peers),
 * {@code **} as a whole segment any number of segments, none included ({@code /v2/**} is all of /v2).
 * Everything else matches itself. It is matched against the path as sent (percent-escapes not decoded).
 */
final class PathGlob {
    static final int MAX_LENGTH = 1024;

    private final String text;
    private final Pattern pattern;

    private PathGlob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** The glob, or the reason it is not one (thrown as IllegalArgumentException, for the caller to word). */
    static PathGlob of(String glob) {
        if (glob.isEmpty() || glob.charAt(0) != '/') {
            throw new IllegalArgumentException("must start with /");
        }
        if (glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        if (glob.indexOf('?') >= 0 || glob.indexOf('#') >= 0) {
            throw new IllegalArgumentException("is a path only: no ? or #");
        }
        StringBuilder regex = new StringBuilder();
        // "/a/b".split("/", -1) is ["", "a", "b"]: every segment after the leading slash, empty ones kept.
        String[] segments = glob.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("**")) {
                regex.append("(?:/[^/]*)*");
                continue;
            }
            if (segment.contains("**")) {
                throw new IllegalArgumentException("has ** inside a segment (** must be a whole segment)");
            }
            regex.append('/');
            String[] literals = segment.split("\\*", -1);
            for (int j = 0; j < literals.length; j++) {
                if (j > 0) {
                    regex.append("[^/]*");
                }
                if (!literals[j].isEmpty()) {
                    regex.append(Pattern.quote(literals[j]));
                }
            }
        }
        return new PathGlob(glob, Pattern.compile(regex.toString()));
    }

    boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
