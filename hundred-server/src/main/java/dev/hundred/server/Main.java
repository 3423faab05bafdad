package dev.hundred.server;

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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: {@code serve} (the default), {@code token}, {@code workspace}. Flags > HUNDRED_* env > defaults. */
@Command(name = "hundred", mixinStandardHelpOptions = true, version = "hundred 0.1.0",
        description = "A self-hostable server that speaks the 100ms REST API v2.")
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        StartUp.begin();
        String[] command = withCommand(args);
        CommandLine line = commandLine(command[0]); // picocli's model, built beside the logging set-up
        StartUp.awaitLogging();
        System.exit(line.execute(command));
    }

    /** Every subcommand, in the order --help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(Serve.class, Token.class, WorkspaceCommand.class, Export.class);

    /** The whole command line: every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only {@code name}'s subcommand when that is one (all of them for --help, --version and
     * unknown names): picocli reflects over every option of every command it is given, a tenth of a start.
     */
    static CommandLine commandLine(String name) {
        boolean known = SUBCOMMANDS.stream().anyMatch(type -> nameOf(type).equals(name));
        CommandLine line = new CommandLine(new Main());
        for (Class<?> type : SUBCOMMANDS) {
            if (!known || nameOf(type).equals(name)) {
                line.addSubcommand(type);
            }
        }
        return line.setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
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

    @Override
    public Integer call() {
        return commandLine("serve").execute("serve");
    }

    /** Where the data lives, shared by every subcommand. */
    static final class DbOption {
        @Option(names = "--db", defaultValue = "${env:HUNDRED_DB:-./data}",
                description = "mem, a directory for H2 files, or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE})")
        String db;
    }

    @Command(name = "serve", description = "Run the server.")
    static final class Serve implements Callable<Integer> {
        @Mixin DbOption db;
        @Option(names = "--host", defaultValue = "${env:HUNDRED_HOST:-127.0.0.1}", description = "Address to bind (default: ${DEFAULT-VALUE}).")
        String host;
        @Option(names = "--port", defaultValue = "${env:HUNDRED_PORT:-8080}", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--access-key", defaultValue = "${env:HUNDRED_ACCESS_KEY}", description = "Default workspace's access key (reuse your cloud credentials).")
        String accessKey;
        @Option(names = "--secret", defaultValue = "${env:HUNDRED_SECRET}", description = "Default workspace's app secret.")
        String secret;
        @Option(names = "--virtual-threads", defaultValue = "${env:HUNDRED_VIRTUAL_THREADS:-auto}", description = "true, false or auto (on for JDK 24+).")
        String virtualThreads;
        @Option(names = "--webhook-retries", defaultValue = "${env:HUNDRED_WEBHOOK_RETRIES:-1s,3s,10s}",
                description = "Waits before each webhook retry, or none (default: ${DEFAULT-VALUE}).")
        String webhookRetries;
        @Option(names = "--webhook-timeout", defaultValue = "${env:HUNDRED_WEBHOOK_TIMEOUT:-5s}",
                description = "Limit on one webhook attempt (default: ${DEFAULT-VALUE}).")
        String webhookTimeout;
        @Option(names = "--webhook-horizon", defaultValue = "${env:HUNDRED_WEBHOOK_HORIZON:-24h}",
                description = "After the retries, keep retrying with growing waits until this long after the event (none: stop; default: ${DEFAULT-VALUE}).")
        String webhookHorizon;
        @Option(names = "--webhook-allow-private", defaultValue = "${env:HUNDRED_WEBHOOK_ALLOW_PRIVATE:-true}", arity = "1",
                description = "Allow webhook URLs on loopback, private, link-local or metadata addresses (false for a"
                        + " control plane open to users; default: ${DEFAULT-VALUE}).")
        boolean webhookAllowPrivate;
        @Option(names = "--public-url", defaultValue = "${env:HUNDRED_PUBLIC_URL}",
                description = "Base URL clients reach this server at, for links in webhooks (default: the listening address).")
        String publicUrl;
        @Option(names = "--rate-limit", defaultValue = "${env:HUNDRED_RATE_LIMIT:-off}",
                description = "Requests per workspace on /v2, e.g. 10/s, 600/m (burst = N), or off (default: ${DEFAULT-VALUE}).")
        String rateLimit;
        @Option(names = "--emulator", defaultValue = "${env:HUNDRED_EMULATOR:-true}", arity = "1",
                description = "Serve the emulator API /emulator/v1 (false in production: it answers 404; default: ${DEFAULT-VALUE}).")
        boolean emulator;
        @Option(names = "--journal-size", defaultValue = "${env:HUNDRED_JOURNAL_SIZE:-1000}",
                description = "Requests the emulator's journal keeps per workspace, 0 to 100000; 0: none (default: ${DEFAULT-VALUE}).")
        int journalSize;
        @Option(names = "--print-credentials", defaultValue = "${env:HUNDRED_PRINT_CREDENTIALS:-auto}",
                description = "Print the secret and a management token at start: auto (when this start generated the"
                        + " secret, or stdout is a terminal), true or false (default: ${DEFAULT-VALUE}).")
        String printCredentials;
        @Option(names = "--metrics-token", defaultValue = "${env:HUNDRED_METRICS_TOKEN}",
                description = "GET /metrics needs Authorization: Bearer <this> (default: open).")
        String metricsToken;
        @Option(names = "--log-format", defaultValue = "${env:HUNDRED_LOG_FORMAT:-human}",
                description = "human, or json: one JSON object per line (default: ${DEFAULT-VALUE}).")
        String logFormat;
        @Option(names = "--seed", defaultValue = "${env:HUNDRED_SEED}",
                description = "A document of GET /emulator/v1/export (or hundred export) to import into the default"
                        + " workspace at start, when it is new (a workspace with content is left as it is).")
        Path seed;
        // Hidden: only tests that kill a node holding a timer want another node to take it over sooner.
        @Option(names = "--timer-lease", defaultValue = "60s", hidden = true)
        String timerLease;
        @Option(names = "--node-name", defaultValue = "${env:HUNDRED_NODE_NAME}",
                description = "This node's name among several on one database, the same across its restarts"
                        + " (default: host name:port; docs/cluster.md).")
        String nodeName;
        // Hidden: only tests that kill a node want the others to notice sooner than the 15 s lease.
        @Option(names = "--node-lease", defaultValue = "15s", hidden = true)
        String nodeLease;

        @Override
        public Integer call() {
            try {
                showCredentials(printCredentials, false, false); // refuse a bad value before starting anything
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
            }
            if (!logFormat.equals("human") && !logFormat.equals("json")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--log-format must be human or json");
            }
            LogSetup.useFormat(logFormat);
            if (journalSize < 0 || journalSize > RequestJournal.MAX_SIZE) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--journal-size must be 0 to " + RequestJournal.MAX_SIZE);
            }
            WebhookOptions webhooks = WebhookOptions.defaults().withRetries(WebhookOptions.parseRetries(webhookRetries))
                    .withTimeout(WebhookOptions.parseDuration(webhookTimeout))
                    .withHorizon(WebhookOptions.parseHorizon(webhookHorizon))
                    .withAllowPrivate(webhookAllowPrivate);
            RateLimit limit;
            try {
                limit = RateLimit.parse(rateLimit);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--rate-limit " + e.getMessage());
            }
            Hundred hundred = new Hundred(Config.defaults().withHost(host).withPort(port).withDb(db.db)
                    .withCredentials(accessKey, secret).withVirtualThreads(virtualThreads).withWebhooks(webhooks)
                    .withPublicUrl(publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", ""))
                    .withTimerLease(WebhookOptions.parseDuration(timerLease)).withRateLimit(limit).withEmulator(emulator)
                    .withJournalSize(journalSize)
                    .withMetricsToken(metricsToken == null || metricsToken.isBlank() ? null : metricsToken)
                    .withNodeName(nodeName == null || nodeName.isBlank() ? null : nodeName.trim())
                    .withNodeLease(WebhookOptions.parseDuration(nodeLease))).start();
            Runtime.getRuntime().addShutdownHook(new Thread(hundred::close, "hundred-shutdown"));
            boolean generated = secret == null && hundred.workspaces().list().isEmpty();
            Workspace ws = hundred.defaultWorkspace();
            String seeded = seed == null ? null : seed(hundred, ws);
            PrintStream out = System.out;
            out.println("Hundred: the 100ms REST API v2, self-hosted");
            out.println("  API:              " + hundred.url() + "/v2");
            out.println("  database:         " + db.db);
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

        /** Imports --seed into the default workspace when it is new; what happened, for the banner. A bad file stops the start. */
        private String seed(Hundred hundred, Workspace ws) {
            byte[] json;
            try {
                json = Files.readAllBytes(seed);
            } catch (IOException e) { // the shutdown hook stops the server on the way out
                throw new CommandLine.ParameterException(new CommandLine(this), "--seed " + seed + ": cannot read it (" + e + ")");
            }
            try {
                return hundred.snapshots().seed(ws, json) ? "imported " + seed
                        : "not imported: the default workspace is not new (" + seed + ")";
            } catch (ApiError e) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--seed " + seed + ": " + e.getMessage() + ": " + String.join("; ", e.details()));
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

    @Command(name = "token", description = "Mint a token for the default workspace of --db.")
    static final class Token implements Callable<Integer> {
        @Mixin DbOption db;
        @Parameters(index = "0", description = "management or app")
        String kind;
        @Option(names = "--ttl", defaultValue = "24h", description = "Validity: 90s, 30m, 24h, 7d (default: ${DEFAULT-VALUE}).")
        String ttl;
        @Option(names = "--room-id", description = "app tokens: the room")
        String roomId;
        @Option(names = "--role", description = "app tokens: the role")
        String role;
        @Option(names = "--user-id", description = "app tokens: your user id")
        String userId;
        @Option(names = "--access-key", defaultValue = "${env:HUNDRED_ACCESS_KEY}", description = "Workspace access key (default: the default workspace).")
        String accessKey;

        @Override
        public Integer call() {
            Duration validity = parseDuration(ttl);
            try (Hundred hundred = new Hundred(Config.defaults().withDb(db.db))) {
                Workspace ws = accessKey != null
                        ? hundred.workspaces().byAccessKey(accessKey).orElseThrow(() -> new CommandLine.ParameterException(
                                new CommandLine(this), "no workspace with access key " + accessKey))
                        : hundred.defaultWorkspace();
                switch (kind) {
                    case "management" -> System.out.println(hundred.tokens().management(ws, validity));
                    case "app" -> {
                        if (roomId == null || role == null) {
                            throw new CommandLine.ParameterException(new CommandLine(this), "app tokens need --room-id and --role");
                        }
                        System.out.println(hundred.tokens().app(ws, roomId, role, userId, validity));
                    }
                    default -> throw new CommandLine.ParameterException(new CommandLine(this), "kind must be management or app");
                }
            }
            return 0;
        }
    }

    @Command(name = "workspace", description = "Create or list workspaces in --db.",
            subcommands = {WorkspaceCommand.Create.class, WorkspaceCommand.ListAll.class, WorkspaceCommand.Update.class})
    static final class WorkspaceCommand {
        @Command(name = "create", description = "Create a workspace; prints its credentials once.")
        static final class Create implements Callable<Integer> {
            @Mixin DbOption db;
            @Option(names = "--name", defaultValue = "workspace") String name;
            @Option(names = "--access-key") String accessKey;
            @Option(names = "--secret") String secret;

            @Override
            public Integer call() {
                try (Hundred hundred = new Hundred(Config.defaults().withDb(db.db))) {
                    Workspace ws = hundred.workspaces().create(name, accessKey, secret);
                    System.out.printf("access_key=%s%nsecret=%s%napp_id=%s%ncustomer_id=%s%n",
                            ws.accessKey(), ws.secret(), ws.id(), ws.customerId());
                }
                return 0;
            }
        }

        @Command(name = "update", description = "Set a workspace's webhook (URL, custom headers, signing secret).")
        static final class Update implements Callable<Integer> {
            @Mixin DbOption db;
            @Option(names = "--access-key", description = "Workspace access key (default: the default workspace).") String accessKey;
            @Option(names = "--webhook-url", description = "Where webhooks go; an empty value removes the webhook.") String url;
            @Option(names = "--webhook-header", description = "'Name: value', repeatable; replaces the headers.") List<String> headers;
            @Option(names = "--webhook-signing-secret", description = "Sign deliveries (Standard Webhooks); empty: unsigned.") String signingSecret;

            @Override
            public Integer call() {
                try (Hundred hundred = new Hundred(Config.defaults().withDb(db.db))) {
                    Workspace ws = accessKey == null ? hundred.defaultWorkspace() : hundred.workspaces().byAccessKey(accessKey)
                            .orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(this), "no workspace with access key " + accessKey));
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
                                throw new CommandLine.ParameterException(new CommandLine(this), "--webhook-header must look like 'Name: value'");
                            }
                            newHeaders.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                        }
                    }
                    WebhookSettings saved;
                    try {
                        saved = settings.set(ws, new WebhookSettings(url != null ? url : current.url(), newHeaders,
                                signingSecret != null ? signingSecret : current.signingSecret()));
                    } catch (ApiError e) {
                        throw new CommandLine.ParameterException(new CommandLine(this), "webhook " + String.join("; ", e.details()));
                    }
                    System.out.printf("webhook_url=%s%nwebhook_headers=%s%nsigned=%s%n", saved.url(), saved.headers().keySet(),
                            saved.signingSecret() != null);
                }
                return 0;
            }
        }

        @Command(name = "list", description = "List workspaces (secrets are not shown).")
        static final class ListAll implements Callable<Integer> {
            @Mixin DbOption db;

            @Override
            public Integer call() {
                try (Hundred hundred = new Hundred(Config.defaults().withDb(db.db))) {
                    System.out.printf("%-26s %-26s %-26s %s%n", "ACCESS KEY", "APP ID", "CUSTOMER ID", "NAME");
                    for (Workspace ws : hundred.workspaces().list()) {
                        System.out.printf("%-26s %-26s %-26s %s%n", ws.accessKey(), ws.id(), ws.customerId(), ws.name());
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "export", description = "Write a workspace of --db as GET /emulator/v1/export answers it.")
    static final class Export implements Callable<Integer> {
        @Mixin DbOption db;
        @Option(names = "--access-key", defaultValue = "${env:HUNDRED_ACCESS_KEY}", description = "Workspace access key (default: the default workspace).")
        String accessKey;
        @Option(names = "--out", description = "The file to write (default: standard output).")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (Hundred hundred = new Hundred(Config.defaults().withDb(db.db))) {
                Workspace ws = accessKey != null
                        ? hundred.workspaces().byAccessKey(accessKey).orElseThrow(() -> new CommandLine.ParameterException(
                                new CommandLine(this), "no workspace with access key " + accessKey))
                        : hundred.defaultWorkspace();
                String json = hundred.snapshots().exportJson(ws);
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
