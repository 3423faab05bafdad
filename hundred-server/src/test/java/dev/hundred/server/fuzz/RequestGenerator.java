package dev.hundred.server.fuzz;

import dev.hundred.server.fuzz.Endpoints.Endpoint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes request number {@code i} of a run from the seed alone ({@link #random}), so the same seed gives the same
 * requests on every back end (ids come from pools of the same shape) and one request can be remade by its
 * number. Who sends it: the playground's token (any method), the protected workspace's token (GET and HEAD
 * only, so nothing of it can change), or a token that must be refused.
 */
final class RequestGenerator {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final List<Endpoint> READS = Endpoints.ALL.stream().filter(e -> !e.writes()).toList();
    private static final List<String> FIELD_NAMES = allFieldNames();

    private enum Sender { PLAYGROUND, PROTECTED, REFUSED }

    private final long seed;
    private final Fixture fixture;
    private final List<String> badTokenNames;

    RequestGenerator(long seed, Fixture fixture) {
        this.seed = seed;
        this.fixture = fixture;
        this.badTokenNames = List.copyOf(fixture.badTokens.keySet());
    }

    static SplittableRandom random(long seed, int i) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
    }

    FuzzRequest make(int i) {
        SplittableRandom r = random(seed, i);
        if (r.nextInt(100) < 6) {
            return Framing.make(i, r, fixture);
        }
        int who = r.nextInt(100);
        Sender sender = who < 65 ? Sender.PLAYGROUND : who < 85 ? Sender.PROTECTED : Sender.REFUSED;
        Endpoint e = sender == Sender.PROTECTED ? pick(r, READS) : pick(r, Endpoints.ALL);
        String method = e.method();
        if (sender == Sender.PROTECTED) {
            method = r.nextInt(10) == 0 ? "HEAD" : method;
        } else if (r.nextInt(100) < 5) {
            method = pick(r, Hostile.METHODS);
        }
        Fixture.Objects own = sender == Sender.PROTECTED ? fixture.protectedWs : fixture.playground;
        Fixture.Objects other = sender == Sender.PROTECTED ? fixture.playground : fixture.protectedWs;
        String target = path(e, r, own, other) + query(e, r, own);

        List<Map.Entry<String, String>> headers = new ArrayList<>();
        switch (sender) {
            case PLAYGROUND -> headers.add(Map.entry("Authorization", "Bearer " + fixture.playground.api().token()));
            case PROTECTED -> headers.add(Map.entry("Authorization", "Bearer " + fixture.protectedWs.api().token()));
            case REFUSED -> {
                String token = fixture.badTokens.get(pick(r, badTokenNames));
                if (token != null) {
                    headers.add(Map.entry("Authorization", token));
                }
            }
        }
        byte[] body = null;
        boolean sendsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || r.nextInt(100) < 3;
        if (sendsBody) {
            body = body(e, r, own, other);
        }
        if (body != null || r.nextInt(5) == 0) {
            int t = r.nextInt(100);
            if (t < (body != null ? 75 : 40)) {
                headers.add(Map.entry("Content-Type", "application/json"));
            } else if (t < 90) {
                headers.add(Map.entry("Content-Type", pick(r, Hostile.CONTENT_TYPES)));
            } // else none
        }
        if (method.equals("POST") && r.nextInt(100) < 5) {
            headers.add(Map.entry("Idempotency-Key", r.nextBoolean() ? "fuzz-" + r.nextLong() : pick(r, Hostile.STRINGS)
                    .replaceAll("[\\r\\n\\x00-\\x1f]", "?")));
        }
        if (r.nextInt(100) < 2) {
            headers.add(Map.entry("X-Hundred-Fault", pick(r, Hostile.FAULT_HEADERS)));
        }
        if (r.nextInt(100) < 3) {
            headers.add(Map.entry("Accept", r.nextBoolean() ? "text/html" : "application/xml;q=0.9, */*;q=0"));
        }
        if (e.path().startsWith("/assets/") && r.nextInt(3) == 0) {
            headers.add(Map.entry("Range", pick(r, List.of("bytes=0-", "bytes=-5", "bytes=9-1", "bytes=abc",
                    "bytes=0-1,2-3", "bytes=99999999999999999999-"))));
        }
        // The protected workspace cannot change, and a refused token is refused before any state is read (the
        // code exchange needs no token, so what it answers depends on the playground's codes).
        boolean compared = sender == Sender.PROTECTED || (sender == Sender.REFUSED && !e.path().equals("/v2/token"));
        return new FuzzRequest(i, e.method() + " " + e.path() + " as " + sender.name().toLowerCase(), method, target,
                headers, body, null, false, compared, e.json());
    }

    private String path(Endpoint e, SplittableRandom r, Fixture.Objects own, Fixture.Objects other) {
        Matcher m = PLACEHOLDER.matcher(e.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(segment(m.group(1), r, own, other)));
        }
        m.appendTail(out);
        if (r.nextInt(100) < 3) {
            out.append(pick(r, List.of("/", "//", "/extra", "%2F", ";jsessionid=1", "/.")));
        }
        return out.toString();
    }

    private static String segment(String kind, SplittableRandom r, Fixture.Objects own, Fixture.Objects other) {
        int roll = r.nextInt(100);
        if (roll < 55) {
            return pick(r, own.ids().get(kind));
        } else if (roll < 65) {
            return pick(r, other.ids().get(kind));
        } else if (roll < 75) {
            return hex(r, 24);
        } else if (roll < 78) {
            return pick(r, own.ids().get(kind)).toUpperCase();
        }
        return pick(r, Hostile.SEGMENTS);
    }

    private static String query(Endpoint e, SplittableRandom r, Fixture.Objects own) {
        if (e.query().isEmpty() && r.nextInt(10) != 0) {
            return "";
        }
        int roll = r.nextInt(100);
        if (roll < 3) {
            return pick(r, List.of("?", "?&&=&", "?limit", "?=x", "?%zz=1", "?limit=1&limit=2", "?a[b]=c"));
        }
        List<String> names = new ArrayList<>(e.query());
        names.add("unknown_param");
        StringBuilder q = new StringBuilder();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            String name = pick(r, names);
            q.append(k == 0 ? '?' : '&').append(name).append('=').append(queryValue(name, r, own));
        }
        return q.toString();
    }

    private static String queryValue(String name, SplittableRandom r, Fixture.Objects own) {
        if (name.equals("wait_seconds")) {
            return pick(r, Hostile.WAITS);
        }
        if (r.nextInt(100) < 40) {
            return switch (name) {
                case "limit" -> pick(r, List.of("10", "50", "100", "1"));
                case "start" -> r.nextBoolean() ? pick(r, own.ids().get("room")) : hex(r, 24);
                case "room_id" -> pick(r, own.ids().get("room"));
                case "session_id" -> pick(r, own.ids().get("session"));
                case "peer_id" -> pick(r, own.ids().get("peer"));
                case "enabled", "active" -> r.nextBoolean() ? "true" : "false";
                case "after", "before", "start_time", "end_time" -> "2024-01-01T00%3A00%3A00Z";
                default -> "fuzz";
            };
        }
        return pick(r, Hostile.QUERY_VALUES);
    }

    private byte[] body(Endpoint e, SplittableRandom r, Fixture.Objects own, Fixture.Objects other) {
        String base = ValidBodies.BY_PATH.get(e.path());
        if (base != null && !e.hostileOnly() && r.nextInt(100) < 45) {
            // a tenth as it is, so things happen; else one value inside made hostile
            String hostile = r.nextInt(10) == 0 ? null : value(r, 2, own, other);
            return utf8(ValidBodies.make(base, r, own, hostile));
        }
        int roll = r.nextInt(100);
        if (roll < 8) {
            return null;
        } else if (roll < 12) {
            return new byte[0];
        } else if (roll < 15) {
            return utf8("{}");
        } else if (roll < 17) {
            return utf8("null");
        } else if (roll < 26) {
            return utf8(pick(r, Hostile.MALFORMED));
        } else if (roll < 29) {
            int depth = pick(r, List.of(10, 31, 33, 100, 5000));
            boolean arrays = r.nextBoolean();
            return utf8((arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        } else if (roll < 32) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String field = e.fields().isEmpty() ? "name" : pick(r, e.fields());
            out.writeBytes(utf8("{\"" + field + "\":\"x"));
            out.writeBytes(pick(r, Hostile.BAD_UTF8));
            out.writeBytes(utf8("\"}"));
            return out.toByteArray();
        } else if (roll < 33) {
            return utf8("{\"description\":\"" + "h".repeat(1024 * 1024 + 16) + "\"}");
        }
        StringBuilder json = new StringBuilder("{");
        Set<String> fields = new LinkedHashSet<>();
        int n = e.fields().isEmpty() ? 0 : 1 + r.nextInt(Math.min(4, e.fields().size()));
        for (int k = 0; k < n; k++) {
            fields.add(pick(r, e.fields()));
        }
        if (fields.isEmpty() || r.nextInt(5) == 0) {
            fields.add(pick(r, List.of("colour", "x", "__proto__", "constructor", "\u00e9t\u00e9", "")));
        }
        boolean first = true;
        for (String field : fields) {
            json.append(first ? "" : ",").append(JsonText.string(field)).append(':');
            json.append(e.hostileOnly() ? "{\"no field takes\":[{}]}" : value(r, 0, own, other));
            first = false;
        }
        return utf8(json.append('}').toString());
    }

    private String value(SplittableRandom r, int depth, Fixture.Objects own, Fixture.Objects other) {
        int roll = r.nextInt(depth >= 3 ? 80 : 100);
        if (roll < 15) {
            return JsonText.string("fuzz-" + r.nextInt(1000));
        } else if (roll < 27) {
            Fixture.Objects whose = r.nextInt(4) == 0 ? other : own;
            String kind = pick(r, List.of("room", "template", "code", "peer", "session", "poll", "role"));
            return JsonText.string(pick(r, whose.ids().get(kind)));
        } else if (roll < 50) {
            return JsonText.string(pick(r, Hostile.STRINGS));
        } else if (roll < 62) {
            return pick(r, Hostile.NUMBERS);
        } else if (roll < 70) {
            return r.nextBoolean() ? "true" : "false";
        } else if (roll < 75) {
            return "null";
        } else if (roll < 76) {
            return JsonText.string("l".repeat(70_000));
        } else if (roll < 80) {
            return "[]";
        } else if (roll < 90) {
            StringBuilder a = new StringBuilder("[");
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                a.append(k == 0 ? "" : ",").append(value(r, depth + 1, own, other));
            }
            return a.append(']').toString();
        }
        StringBuilder o = new StringBuilder("{");
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            o.append(k == 0 ? "" : ",").append(JsonText.string(pick(r, FIELD_NAMES))).append(':')
                    .append(value(r, depth + 1, own, other));
        }
        return o.append('}').toString();
    }

    private static List<String> allFieldNames() {
        Set<String> names = new LinkedHashSet<>();
        Endpoints.ALL.forEach(e -> names.addAll(e.fields()));
        names.addAll(List.of("host", "guest", "url", "enabled", "type", "width", "height", "text", "options", "index",
                "canPublish", "canSubscribe", "maxPeerCount", "peer_id", "duration"));
        return List.copyOf(names);
    }

    static String hex(SplittableRandom r, int length) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < length; k++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }

    static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
