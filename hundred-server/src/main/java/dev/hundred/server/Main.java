package dev.hundred.server;

import dev.hundred.server.cli.Arguments;
import dev.hundred.server.cli.Command;
import dev.hundred.server.cli.Option;
import dev.hundred.server.cli.UsageError;
import dev.hundred.server.emulator.RequestJournal;
import dev.hundred.server.guard.RateLimit;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.webhooks.WebhookOptions;
import dev.hundred.server.webhooks.WebhookSettings;
import dev.hundred.server.workspaces.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The command line: {@code serve} (the default), {@code token}, {@code workspace}, {@code export}. Flags > HUNDRED_* env > defaults. */
public final class Main {
    static final String VERSION = "hundred 0.1.0";

    /** Where the data lives, an option of every command (first: the commands below read it as they are made). */
    private static final Option DB = Option.text("--db", "mem, a directory for H2 files, or a jdbc:postgresql:// URL (default: {default})")
            .env("HUNDRED_DB").orElse("./data");

    /** Every command, in the order --help lists them. */
    private static final Command PROGRAM = Command.group("hundred",
            "A self-hostable server that speaks the 100ms REST API v2. Without a command: serve.",
            Serve.COMMAND, Token.COMMAND, WorkspaceCommand.COMMAND, Export.COMMAND).withVersion(VERSION);

    private Main() {}

    public static void main(String[] args) {
        StartUp.begin();
        StartUp.setUpLogging(); // first here: every command logs, and so does every thread it starts
        System.exit(run(withCommand(args)));
    }

    /** Runs a command line (without the program's name) as {@code main} would, and answers its exit code. */
    public static int run(String... args) {
        return PROGRAM.execute(args, System.out, System.err);
    }

    /** Checks a command line without running it: what its command would be given. */
    public static Arguments parse(String... args) {
        return PROGRAM.parse(args);
    }

    /** The commands, in the order --help lists them. */
    static List<String> commands() {
        return PROGRAM.subcommandNames();
    }

    /**
     * {@code serve} is the default command, also when only its options are given ({@code hundred --port 0
     * --db mem}); {@code --help} and {@code --version} stay the top level's.
     */
    static String[] withCommand(String[] args) {
        if (args.length == 0) {
            return new String[] {"serve"};
        }
        boolean topLevel = java.util.Set.of("-h", "--help", "-V", "--version").contains(args[0]);
        if (!args[0].startsWith("-") || topLevel) {
            return args;
        }
        String[] serve = new String[args.length + 1];
        serve[0] = "serve";
        System.arraycopy(args, 0, serve, 1, args.length);
        return serve;
    }

    /** A workspace by --access-key, else the default one. */
    private static Workspace workspace(Hundred hundred, String accessKey) {
        return accessKey == null ? hundred.defaultWorkspace() : hundred.workspaces().byAccessKey(accessKey)
                .orElseThrow(() -> new UsageError("no workspace with access key " + accessKey));
    }

    static final class Serve {
        static final Command COMMAND = Command.of("serve", "Run the server.", Serve::run,
                DB,
                Option.text("--host", "Address to bind (default: {default}).").env("HUNDRED_HOST").orElse("127.0.0.1"),
                Option.number("--port", "Port; 0 picks a free one (default: {default}).").env("HUNDRED_PORT").orElse("8080"),
                Option.text("--access-key", "Default workspace's access key (reuse your cloud credentials).").env("HUNDRED_ACCESS_KEY"),
                Option.text("--secret", "Default workspace's app secret.").env("HUNDRED_SECRET"),
                Option.text("--virtual-threads", "true, false or auto (on for JDK 24+).").env("HUNDRED_VIRTUAL_THREADS").orElse("auto"),
                Option.text("--webhook-retries", "Waits before each webhook retry, or none (default: {default}).")
                        .env("HUNDRED_WEBHOOK_RETRIES").orElse("1s,3s,10s"),
                Option.text("--webhook-timeout", "Limit on one webhook attempt (default: {default}).")
                        .env("HUNDRED_WEBHOOK_TIMEOUT").orElse("5s"),
                Option.text("--webhook-horizon", "After the retries, keep retrying with growing waits until this long after"
                        + " the event (none: stop; default: {default}).").env("HUNDRED_WEBHOOK_HORIZON").orElse("24h"),
                Option.bool("--webhook-allow-private", "Allow webhook URLs on loopback, private, link-local or metadata"
                        + " addresses (false for a control plane open to users; default: {default}).")
                        .env("HUNDRED_WEBHOOK_ALLOW_PRIVATE").orElse("true"),
                Option.text("--public-url", "Base URL clients reach this server at, for links in webhooks (default: the"
                        + " listening address).").env("HUNDRED_PUBLIC_URL"),
                Option.text("--rate-limit", "Requests per workspace on /v2, e.g. 10/s, 600/m (burst = N), or off (default:"
                        + " {default}).").env("HUNDRED_RATE_LIMIT").orElse("off"),
                Option.bool("--emulator", "Serve the emulator API /emulator/v1 (false in production: it answers 404;"
                        + " default: {default}).").env("HUNDRED_EMULATOR").orElse("true"),
                Option.number("--journal-size", "Requests the emulator's journal keeps per workspace, 0 to 100000; 0: none"
                        + " (default: {default}).").env("HUNDRED_JOURNAL_SIZE").orElse("1000"),
                Option.text("--print-credentials", "Print the secret and a management token at start: auto (when this"
                        + " start generated the secret, or stdout is a terminal), true or false (default: {default}).")
                        .env("HUNDRED_PRINT_CREDENTIALS").orElse("auto"),
                Option.text("--metrics-token", "GET /metrics needs Authorization: Bearer <this> (default: open).")
                        .env("HUNDRED_METRICS_TOKEN"),
                Option.text("--log-format", "human, or json: one JSON object per line (default: {default}).")
                        .env("HUNDRED_LOG_FORMAT").orElse("human"),
                Option.path("--seed", "A document of GET /emulator/v1/export (or hundred export) to import into the"
                        + " default workspace at start, when it is new (a workspace with content is left as it is).")
                        .env("HUNDRED_SEED"),
                // Hidden: only tests that kill a node holding a timer want another node to take it over sooner.
                Option.text("--timer-lease", "How long a node's claim on a due timer lasts.").orElse("60s").hide(),
                Option.text("--node-name", "This node's name among several on one database, the same across its restarts"
                        + " (default: host name:port; docs/cluster.md).").env("HUNDRED_NODE_NAME"),
                // Hidden: only tests that kill a node want the others to notice sooner than the 15 s lease.
                Option.text("--node-lease", "How long a node's lease lasts unrenewed.").orElse("15s").hide());

        private Serve() {}

        private static int run(Arguments a) {
            String printCredentials = a.text("--print-credentials");
            try {
                showCredentials(printCredentials, false, false); // refuse a bad value before starting anything
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            String logFormat = a.text("--log-format");
            if (!logFormat.equals("human") && !logFormat.equals("json")) {
                throw new UsageError("--log-format must be human or json");
            }
            LogSetup.useFormat(logFormat);
            int journalSize = a.number("--journal-size");
            if (journalSize < 0 || journalSize > RequestJournal.MAX_SIZE) {
                throw new UsageError("--journal-size must be 0 to " + RequestJournal.MAX_SIZE);
            }
            WebhookOptions webhooks = WebhookOptions.defaults()
                    .withRetries(checked("--webhook-retries", () -> WebhookOptions.parseRetries(a.text("--webhook-retries"))))
                    .withTimeout(checked("--webhook-timeout", () -> WebhookOptions.parseDuration(a.text("--webhook-timeout"))))
                    .withHorizon(checked("--webhook-horizon", () -> WebhookOptions.parseHorizon(a.text("--webhook-horizon"))))
                    .withAllowPrivate(a.bool("--webhook-allow-private"));
            RateLimit limit = checked("--rate-limit", () -> RateLimit.parse(a.text("--rate-limit")));
            String publicUrl = a.text("--public-url");
            String metricsToken = a.text("--metrics-token");
            String nodeName = a.text("--node-name");
            String db = a.text("--db");
            String secret = a.text("--secret");
            Hundred hundred = new Hundred(Config.defaults().withHost(a.text("--host")).withPort(a.number("--port"))
                    .withDb(db).withCredentials(a.text("--access-key"), secret)
                    .withVirtualThreads(a.text("--virtual-threads")).withWebhooks(webhooks)
                    .withPublicUrl(publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", ""))
                    .withTimerLease(checked("--timer-lease", () -> WebhookOptions.parseDuration(a.text("--timer-lease"))))
                    .withRateLimit(limit).withEmulator(a.bool("--emulator")).withJournalSize(journalSize)
                    .withMetricsToken(metricsToken == null || metricsToken.isBlank() ? null : metricsToken)
                    .withNodeName(nodeName == null || nodeName.isBlank() ? null : nodeName.trim())
                    .withNodeLease(checked("--node-lease", () -> WebhookOptions.parseDuration(a.text("--node-lease"))))).start();
            Runtime.getRuntime().addShutdownHook(new Thread(hundred::close, "hundred-shutdown"));
            boolean generated = secret == null && hundred.workspaces().list().isEmpty();
            Workspace ws = hundred.defaultWorkspace();
            Path seed = a.path("--seed");
            String seeded = seed == null ? null : seed(hundred, ws, seed);
            PrintStream out = System.out;
            out.println("Hundred: the 100ms REST API v2, self-hosted");
            out.println("  API:              " + hundred.url() + "/v2");
            out.println("  database:         " + db);
            if (seeded != null) {
                out.println("  seed:             " + seeded);
            }
            out.println("  access key:       " + ws.accessKey());
            if (showCredentials(printCredentials, generated, System.console() != null)) {
                String token = hundred.tokens().management(ws, Duration.ofHours(24));
                out.println("  secret:           " + ws.secret());
                out.println("  management token: " + token + "   (valid 24 h)");
                out.println("  try:              curl -H 'Authorization: Bearer " + token + "' " + hundred.url() + "/v2/rooms");
            } else {
                // A log (CI, a service manager) would keep them: the secret was given or made on an earlier start.
                out.println("  secret:           (not shown: --print-credentials true shows it; hundred token management mints a token)");
            }
            out.println("listening on " + hundred.url());
            ProcessHandle.current().info().startInstant().ifPresent(launched ->
                    out.println("started in " + Duration.between(launched, Instant.now()).toMillis() + " ms (launch to listening)"));
            out.flush();
            return waitForever();
        }

        /** A value read from an option, or a usage error naming the option. */
        private static <T> T checked(String option, Supplier<T> read) {
            try {
                return read.get();
            } catch (IllegalArgumentException e) {
                throw new UsageError(option + " " + e.getMessage());
            }
        }

        /** Imports --seed into the default workspace when it is new; what happened, for the banner. A bad file stops the start. */
        private static String seed(Hundred hundred, Workspace ws, Path seed) {
            byte[] json;
            try {
                json = Files.readAllBytes(seed);
            } catch (IOException e) { // the shutdown hook stops the server on the way out
                throw new UsageError("--seed " + seed + ": cannot read it (" + e + ")");
            }
            try {
                return hundred.snapshots().seed(ws, json) ? "imported " + seed
                        : "not imported: the default workspace is not new (" + seed + ")";
            } catch (ApiError e) {
                throw new UsageError("--seed " + seed + ": " + e.getMessage() + ": " + String.join("; ", e.details()));
            }
        }

        /** auto: when this start generated the secret (nobody else knows it) or a person is watching. */
        static boolean showCredentials(String setting, boolean generated, boolean terminal) {
            return switch (setting.trim().toLowerCase()) {
                case "true" -> true;
                case "false" -> false;
                case "auto" -> generated || terminal;
                default -> throw new IllegalArgumentException("--print-credentials must be auto, true or false");
            };
        }

        private static int waitForever() {
            try {
                Thread.currentThread().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    static final class Token {
        static final Command COMMAND = Command.of("token", "Mint a token for the default workspace of --db.", Token::run,
                DB,
                Option.text("--ttl", "Validity: 90s, 30m, 24h, 7d (default: {default}).").orElse("24h"),
                Option.text("--room-id", "app tokens: the room"),
                Option.text("--role", "app tokens: the role"),
                Option.text("--user-id", "app tokens: your user id"),
                Option.text("--access-key", "Workspace access key (default: the default workspace).").env("HUNDRED_ACCESS_KEY"))
                .withParameter("kind", "management or app");

        private Token() {}

        private static int run(Arguments a) {
            Duration validity;
            try {
                validity = parseDuration(a.text("--ttl"));
            } catch (IllegalArgumentException e) {
                throw new UsageError("--ttl must look like 90s, 30m, 24h or 7d");
            }
            try (Hundred hundred = new Hundred(Config.defaults().withDb(a.text("--db")))) {
                Workspace ws = workspace(hundred, a.text("--access-key"));
                switch (a.parameter(0)) {
                    case "management" -> System.out.println(hundred.tokens().management(ws, validity));
                    case "app" -> {
                        String roomId = a.text("--room-id");
                        String role = a.text("--role");
                        if (roomId == null || role == null) {
                            throw new UsageError("app tokens need --room-id and --role");
                        }
                        System.out.println(hundred.tokens().app(ws, roomId, role, a.text("--user-id"), validity));
                    }
                    default -> throw new UsageError("kind must be management or app");
                }
            }
            return 0;
        }
    }

    static final class WorkspaceCommand {
        static final Command COMMAND = Command.group("workspace", "Create or list workspaces in --db.",
                Command.of("create", "Create a workspace; prints its credentials once.", WorkspaceCommand::create,
                        DB, Option.text("--name", "Its name (default: {default}).").orElse("workspace"),
                        Option.text("--access-key", "Its access key (default: one made up)."),
                        Option.text("--secret", "Its app secret (default: one made up).")),
                Command.of("list", "List workspaces (secrets are not shown).", WorkspaceCommand::list, DB),
                Command.of("update", "Set a workspace's webhook (URL, custom headers, signing secret).",
                        WorkspaceCommand::update, DB,
                        Option.text("--access-key", "Workspace access key (default: the default workspace)."),
                        Option.text("--webhook-url", "Where webhooks go; an empty value removes the webhook."),
                        Option.repeated("--webhook-header", "'Name: value', repeatable; replaces the headers."),
                        Option.text("--webhook-signing-secret", "Sign deliveries (Standard Webhooks); empty: unsigned.")));

        private WorkspaceCommand() {}

        private static int create(Arguments a) {
            try (Hundred hundred = new Hundred(Config.defaults().withDb(a.text("--db")))) {
                Workspace ws = hundred.workspaces().create(a.text("--name"), a.text("--access-key"), a.text("--secret"));
                System.out.printf("access_key=%s%nsecret=%s%napp_id=%s%ncustomer_id=%s%n",
                        ws.accessKey(), ws.secret(), ws.id(), ws.customerId());
            }
            return 0;
        }

        private static int list(Arguments a) {
            try (Hundred hundred = new Hundred(Config.defaults().withDb(a.text("--db")))) {
                System.out.printf("%-26s %-26s %-26s %s%n", "ACCESS KEY", "APP ID", "CUSTOMER ID", "NAME");
                for (Workspace ws : hundred.workspaces().list()) {
                    System.out.printf("%-26s %-26s %-26s %s%n", ws.accessKey(), ws.id(), ws.customerId(), ws.name());
                }
            }
            return 0;
        }

        private static int update(Arguments a) {
            String url = a.text("--webhook-url");
            String signingSecret = a.text("--webhook-signing-secret");
            List<String> headers = a.all("--webhook-header");
            try (Hundred hundred = new Hundred(Config.defaults().withDb(a.text("--db")))) {
                Workspace ws = workspace(hundred, a.text("--access-key"));
                var settings = hundred.webhooks().settings();
                if (url != null && url.isEmpty()) {
                    settings.clear(ws);
                    System.out.println("webhook removed for " + ws.accessKey());
                    return 0;
                }
                WebhookSettings current = settings.get(ws).orElse(new WebhookSettings(null, Map.of(), null));
                Map<String, String> newHeaders = new LinkedHashMap<>(current.headers());
                if (headers != null) {
                    newHeaders.clear();
                    for (String header : headers) {
                        int colon = header.indexOf(':');
                        if (colon <= 0) {
                            throw new UsageError("--webhook-header must look like 'Name: value'");
                        }
                        newHeaders.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                    }
                }
                WebhookSettings saved;
                try {
                    saved = settings.set(ws, new WebhookSettings(url != null ? url : current.url(), newHeaders,
                            signingSecret != null ? signingSecret : current.signingSecret()));
                } catch (ApiError e) {
                    throw new UsageError("webhook " + String.join("; ", e.details()));
                }
                System.out.printf("webhook_url=%s%nwebhook_headers=%s%nsigned=%s%n", saved.url(), saved.headers().keySet(),
                        saved.signingSecret() != null);
            }
            return 0;
        }
    }

    static final class Export {
        static final Command COMMAND = Command.of("export", "Write a workspace of --db as GET /emulator/v1/export answers it.",
                Export::run, DB,
                Option.text("--access-key", "Workspace access key (default: the default workspace).").env("HUNDRED_ACCESS_KEY"),
                Option.path("--out", "The file to write (default: standard output)."));

        private Export() {}

        private static int run(Arguments a) throws IOException {
            try (Hundred hundred = new Hundred(Config.defaults().withDb(a.text("--db")))) {
                String json = hundred.snapshots().exportJson(workspace(hundred, a.text("--access-key")));
                Path out = a.path("--out");
                if (out == null) {
                    System.out.println(json);
                } else {
                    Files.writeString(out, json);
                }
            }
            return 0;
        }
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        return switch (t.replaceAll("^[0-9]+", "")) {
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("ttl must look like 90s, 30m, 24h or 7d");
        };
    }
}
