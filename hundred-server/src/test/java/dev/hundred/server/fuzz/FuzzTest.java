package dev.hundred.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.OpenApiContract;
import dev.hundred.server.support.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seeded hostile requests across every endpoint (issue 7 §1), 16 at a time on real threads, against a server of
 * this test's own on H2 and one on PostgreSQL. It fails on any 5xx, any error answer outside the 100ms shape
 * ({@code {"code","message","details"}}, code = status, JSON), any 2xx of a JSON endpoint that is not JSON, any
 * request that gets no answer, a status that differs between the back ends, a change to data made before the
 * fuzz, or a server that no longer answers a normal request.
 *
 * <p>Why the data check is sound: each server holds two workspaces with the same objects ({@link Fixture}). The
 * protected one is sent only GET and HEAD with its own token, so nothing sent to it may change it; every other
 * method goes out with the playground's token (or a token that must be refused), aimed at the playground's ids,
 * random ids, hostile strings and the protected workspace's ids. After the fuzz, every object of the protected
 * workspace read by GET must equal what it was before: a change could only come from a read that writes, or
 * from another workspace's token reaching it. The playground is free to change, so its answers are checked for
 * shape only; the back ends are compared on the requests whose answer cannot depend on what the fuzz did (the
 * protected workspace's reads, refused tokens, and the framing cases, which never get past parsing).
 *
 * <p>{@code -Dfuzz.seed=S} replays a run (the seed is in every failure; concurrency aside, request {@code i} is
 * the same for the same seed), {@code -Dfuzz.requests=N} sets the requests per back end (default 1500), and
 * {@code bench/fuzz.sh} runs many more. Totals go to {@code target/fuzz-summary.txt}.
 */
class FuzzTest {
    private static final int THREADS = 16;
    private static final int SHOWN = 25;
    /** -Dfuzz.dump=true: every request and its answer to target/fuzz-dump-BACKEND.txt, to see what the fuzz reaches. */
    private static final boolean DUMP = Boolean.getBoolean("fuzz.dump");

    @Test
    void no_hostile_request_gets_a_5xx_an_answer_out_of_shape_or_changes_data() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int requests = Integer.getInteger("fuzz.requests", 1500);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Run> runs = new TreeMap<>();
        for (String backend : List.of(Backends.H2, Backends.POSTGRES)) {
            runs.put(backend, run(backend, seed, requests, failures));
        }
        Run h2 = runs.get(Backends.H2);
        Run pg = runs.get(Backends.POSTGRES);
        int compared = 0;
        for (int i = 0; i < requests; i++) {
            FuzzRequest q = h2.generator.make(i);
            if (!q.compared()) {
                continue;
            }
            compared++;
            if (h2.statuses[i] != pg.statuses[i]) {
                failures.add("H2 answered " + h2.statuses[i] + ", PostgreSQL " + pg.statuses[i] + "\n  " + q.describe()
                        + "\n  (on PostgreSQL: " + pg.generator.make(i).describe() + ")\n  answer on H2: " + h2.answers[i]
                        + "\n  answer on PostgreSQL: " + pg.answers[i]);
            }
        }
        String summary = "fuzz seed=" + seed + " requests per back end=" + requests + " compared across back ends=" + compared
                + "\n  " + Backends.H2 + ": " + h2.totals() + "\n  " + Backends.POSTGRES + ": " + pg.totals()
                + "\n  failures=" + failures.size() + "\n";
        writeSummary(summary);
        if (!failures.isEmpty()) {
            Map<String, List<String>> kinds = byKind(failures);
            StringBuilder message = new StringBuilder(summary).append("seed ").append(seed)
                    .append(" (-Dfuzz.seed=").append(seed).append(" -Dfuzz.requests=").append(requests)
                    .append(" reproduces); ").append(kinds.size()).append(" kinds of failure, one example of each:\n");
            kinds.values().stream().limit(SHOWN).forEach(all -> message.append("- seed ").append(seed).append(" (")
                    .append(all.size()).append(" like it): ").append(all.get(0)).append("\n"));
            throw new AssertionError(message.toString());
        }
    }

    /**
     * Failures grouped by what went wrong and where (the problem with its numbers blanked, and the endpoint), so
     * one rare kind is not hidden behind a hundred of a common one.
     */
    private static Map<String, List<String>> byKind(List<String> failures) {
        Map<String, List<String>> kinds = new java.util.LinkedHashMap<>();
        List<String> sorted = new ArrayList<>(failures);
        sorted.sort(java.util.Comparator.comparing(f -> f.contains(": a 5") ? 0 : 1));
        for (String f : sorted) {
            String[] lines = f.split("\n");
            String label = lines.length > 1 && lines[1].contains("[") ? lines[1].replaceAll("^[^\\[]*\\[([^]]*)].*", "$1") : "";
            String problem = lines[0].replaceAll("^[a-z0-9]+: ", "").replaceAll(":.*", "").replaceAll("\\d+", "N");
            kinds.computeIfAbsent(problem + " | " + label, k -> new ArrayList<>()).add(f);
        }
        return kinds;
    }

    /** The answers of one back end, by request number. */
    private record Run(RequestGenerator generator, int[] statuses, String[] answers) {
        String totals() {
            Map<String, Integer> byClass = new TreeMap<>();
            for (int s : statuses) {
                byClass.merge(s < 0 ? "none" : (s / 100) + "xx", 1, Integer::sum);
            }
            return byClass.toString();
        }
    }

    private Run run(String backend, long seed, int requests, List<String> failures) throws InterruptedException {
        Hundred server = Backends.own("FuzzTest", backend);
        Fixture fixture = Fixture.make(server);
        Map<String, JsonNode> before = fixture.snapshot();
        RequestGenerator generator = new RequestGenerator(seed, fixture);
        int[] statuses = new int[requests];
        String[] answers = new String[requests];
        List<String> dump = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int n = 0; n < requests; n++) {
                int i = n;
                pool.execute(() -> {
                    FuzzRequest q = generator.make(i);
                    RawHttp.Answer a = RawHttp.exchange(server.port(), q.bytes(), q.halfClose(), q.head());
                    statuses[i] = a.status();
                    if (q.compared()) {
                        answers[i] = Oracle.show(a);
                    }
                    if (DUMP) {
                        dump.add(backend + " " + a.status() + " " + q.describe().replace("\n", " ") + " => " + Oracle.show(a));
                    }
                    String problem = Oracle.problem(q, a);
                    if (problem == null) {
                        problem = contract(q, a);
                    }
                    if (problem == null && q.compared()) {
                        problem = headerless(server, q, a);
                    }
                    if (problem != null) {
                        failures.add(backend + ": " + problem + "\n  " + q.describe() + "\n  answer: " + Oracle.show(a));
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("the fuzz finished").isTrue();
        }
        if (DUMP) {
            writeLines("fuzz-dump-" + backend + ".txt", dump);
        }
        Map<String, JsonNode> after = fixture.snapshot();
        before.forEach((path, was) -> {
            if (!was.equals(after.get(path))) {
                failures.add(backend + ": GET " + path + " of the protected workspace changed during the fuzz (seed " + seed
                        + ")\n  before: " + was + "\n  after:  " + after.get(path));
            }
        });
        var healthy = fixture.playground.api().renewToken().get("/v2/rooms");
        if (healthy.status() != 200) {
            failures.add(backend + ": after the fuzz GET /v2/rooms answered " + healthy.status() + " " + healthy.text());
        }
        return new Run(generator, statuses, answers);
    }

    /**
     * A read's status cannot depend on the body's Content-Type or on Accept, and HEAD answers as GET does: the
     * same read without those headers, and as a GET, must get the same status (an unknown charset once made
     * every query parameter vanish).
     */
    private static String headerless(Hundred server, FuzzRequest q, RawHttp.Answer a) {
        if (q.raw() != null || !(q.method().equals("GET") || q.method().equals("HEAD")) || q.body() != null) {
            return null;
        }
        FuzzRequest plain = q.without("Content-Type").without("Accept").as("GET");
        if (plain.equals(q)) {
            return null;
        }
        RawHttp.Answer b = RawHttp.exchange(server.port(), plain.bytes(), false, plain.head());
        return b.status() == a.status() ? null : "a read answered " + a.status() + ", and " + b.status()
                + " as a GET without Content-Type or Accept: " + Oracle.show(b);
    }

    /**
     * The answer, and the request when it was accepted, as the OpenAPI document has them (docs/openapi.md). A
     * framing case is broken HTTP on purpose: what Jetty refuses never reaches an operation, so only its error
     * shape is checked ({@link OpenApiContract#refused}); one that gets through (a 2xx) is checked as an exchange,
     * without its body, whose framing is the point of the case.
     */
    private static String contract(FuzzRequest q, RawHttp.Answer a) {
        try {
            if (q.raw() == null) {
                OpenApiContract.get().check(q.method(), q.target(), q.body(), a.status(), a.header("Content-Type"), a.body());
            } else {
                RawHttp.Sent sent = RawHttp.Sent.of(q.raw());
                if (a.status() >= 200 && a.status() < 300) {
                    OpenApiContract.get().check(sent.method(), sent.target(), null, a.status(), a.header("Content-Type"), a.body());
                } else if (a.status() >= 400) {
                    OpenApiContract.get().refused(sent.method(), sent.target(), a.status(), a.header("Content-Type"), a.body());
                }
            }
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        }
    }

    private static void writeLines(String name, List<String> lines) {
        try {
            // getBytes replaces what UTF-8 cannot hold (a lone surrogate the fuzz sent) instead of failing
            Files.write(Path.of("target", name), String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeSummary(String summary) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fuzz-summary.txt"), summary);
        }
        System.out.print(summary);
    }
}
