package dev.hundred.client;

import dev.hundred.client.net.JdkTransport;
import dev.hundred.client.net.Requester;
import dev.hundred.client.net.RetryPolicy;
import dev.hundred.client.net.TokenSource;
import dev.hundred.client.net.Transport;
import dev.hundred.client.service.ActiveRoomService;
import dev.hundred.client.service.AnalyticsService;
import dev.hundred.client.service.ExternalStreamService;
import dev.hundred.client.service.LiveStreamService;
import dev.hundred.client.service.PollService;
import dev.hundred.client.service.RecordingAssetService;
import dev.hundred.client.service.RecordingService;
import dev.hundred.client.service.RoomCodeService;
import dev.hundred.client.service.RoomService;
import dev.hundred.client.service.SessionService;
import dev.hundred.client.service.SipService;
import dev.hundred.client.service.StreamKeyService;
import dev.hundred.client.service.TemplateService;
import dev.hundred.client.service.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point: one accessor per resource family of the 100ms REST API v2, against the cloud or a
 * Hundred server. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * HmsClient hms = HmsClient.builder().credentials(accessKey, secret).baseUrl("http://127.0.0.1:8080/v2").build();
 * Room room = hms.rooms().create(RoomCreateParams.builder().name("standup").build());
 * String token = hms.tokens().app(room.id(), "host", "alice");
 * }</pre>
 */
public final class HmsClient {
    /** The cloud's API. */
    public static final String DEFAULT_BASE_URL = "https://api.100ms.live/v2";
    /** The cloud's client-facing host, where room codes are exchanged for app tokens (spec §2.3). */
    public static final String DEFAULT_AUTH_BASE_URL = "https://auth.100ms.live/v2";

    private final Requester requester;
    private final RoomService rooms;
    private final RoomCodeService roomCodes;
    private final TemplateService templates;
    private final SessionService sessions;
    private final ActiveRoomService activeRooms;
    private final RecordingService recordings;
    private final RecordingAssetService recordingAssets;
    private final LiveStreamService liveStreams;
    private final ExternalStreamService externalStreams;
    private final StreamKeyService streamKeys;
    private final AnalyticsService analytics;
    private final PollService polls;
    private final SipService sip;
    private final TokenService tokens;

    private HmsClient(Builder b) {
        TokenSource source = b.accessKey == null ? null : new TokenSource(b.accessKey, b.secret, b.managementTokenTtl, b.clock);
        Transport transport = b.transport != null ? b.transport : new JdkTransport(b.connectTimeout);
        this.requester = new Requester(b.baseUrl, transport, source, b.managementToken, b.timeout, b.retries, b.idempotencyKeys);
        this.rooms = new RoomService(requester);
        this.roomCodes = new RoomCodeService(requester, b.authBaseUrl != null ? b.authBaseUrl
                : b.baseUrl.equals(DEFAULT_BASE_URL) ? DEFAULT_AUTH_BASE_URL : b.baseUrl);
        this.templates = new TemplateService(requester);
        this.sessions = new SessionService(requester);
        this.activeRooms = new ActiveRoomService(requester);
        this.recordings = new RecordingService(requester);
        this.recordingAssets = new RecordingAssetService(requester);
        this.liveStreams = new LiveStreamService(requester);
        this.externalStreams = new ExternalStreamService(requester);
        this.streamKeys = new StreamKeyService(requester);
        this.analytics = new AnalyticsService(requester);
        this.polls = new PollService(requester);
        this.sip = new SipService(requester);
        this.tokens = new TokenService(source);
    }

    public static Builder builder() {
        return new Builder();
    }

    public RoomService rooms() { return rooms; }

    public RoomCodeService roomCodes() { return roomCodes; }

    public TemplateService templates() { return templates; }

    public SessionService sessions() { return sessions; }

    public ActiveRoomService activeRooms() { return activeRooms; }

    public RecordingService recordings() { return recordings; }

    public RecordingAssetService recordingAssets() { return recordingAssets; }

    public LiveStreamService liveStreams() { return liveStreams; }

    public ExternalStreamService externalStreams() { return externalStreams; }

    public StreamKeyService streamKeys() { return streamKeys; }

    public AnalyticsService analytics() { return analytics; }

    public PollService polls() { return polls; }

    public SipService sip() { return sip; }

    /** App tokens (and the management token in use), minted locally. */
    public TokenService tokens() { return tokens; }

    /** The shared requester, for an endpoint this client does not cover yet: {@code requester().tree("GET", "/x", null, null)}. */
    public Requester requester() { return requester; }

    /** Settings of an {@link HmsClient}; only {@link #credentials} (or {@link #managementToken}) is required. */
    public static final class Builder {
        private String accessKey;
        private String secret;
        private String managementToken;
        private String baseUrl = DEFAULT_BASE_URL;
        private String authBaseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofSeconds(60);
        private Duration managementTokenTtl = Duration.ofHours(24);
        private RetryPolicy retries = RetryPolicy.DEFAULT;
        private boolean idempotencyKeys = true;
        private Transport transport;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The app access key and secret: the client mints, caches and renews management tokens with them. */
        public Builder credentials(String accessKey, String secret) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** A fixed management token instead of credentials (not renewed; no app tokens). */
        public Builder managementToken(String token) {
            this.managementToken = token;
            return this;
        }

        /** Default {@value HmsClient#DEFAULT_BASE_URL}; for Hundred e.g. {@code http://127.0.0.1:8080/v2}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Where {@code roomCodes().authToken(...)} exchanges room codes: by default
         * {@value HmsClient#DEFAULT_AUTH_BASE_URL} with the cloud's base URL, and the {@link #baseUrl} itself
         * with any other (Hundred serves {@code POST /v2/token} beside the API).
         */
        public Builder authBaseUrl(String authBaseUrl) {
            this.authBaseUrl = Objects.requireNonNull(authBaseUrl, "authBaseUrl");
            return this;
        }

        /** How long to wait for a connection (default 10 s; used by the default transport). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long to wait for each answer (default 60 s: a SIP call waits for its callee). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Validity of minted management tokens (default 24 h, as the Node SDK). */
        public Builder managementTokenTtl(Duration ttl) {
            this.managementTokenTtl = ttl;
            return this;
        }

        /** How many retries and how long between them (default 2 retries, 0.5 s doubling, at most 8 s). */
        public Builder retries(RetryPolicy retries) {
            this.retries = retries;
            return this;
        }

        /** {@code retries(new RetryPolicy(0, ...))}: every failure is thrown at once. */
        public Builder maxRetries(int maxRetries) {
            this.retries = new RetryPolicy(maxRetries, retries.initial(), retries.max());
            return this;
        }

        /** Whether each POST carries a fresh Idempotency-Key (default true), which makes POSTs safe to retry. */
        public Builder idempotencyKeys(boolean on) {
            this.idempotencyKeys = on;
            return this;
        }

        /** Another way to send requests (default: {@code java.net.http}). */
        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /** The clock tokens are minted and renewed on (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public HmsClient build() {
            if (accessKey == null && managementToken == null) {
                throw new IllegalStateException("set credentials(accessKey, secret) or managementToken(token)");
            }
            return new HmsClient(this);
        }
    }
}
