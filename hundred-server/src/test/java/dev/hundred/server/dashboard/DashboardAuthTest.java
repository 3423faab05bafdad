package dev.hundred.server.dashboard;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's session rules on the real API: the cookie signs in to /v2 and /emulator, a state-changing
 * call with it needs the session's CSRF token, and forged or expired cookies are refused in the 100ms shape.
 */
class DashboardAuthTest extends ApiTestBase {

    private Browser browser() {
        return new Browser(api.server());
    }

    private Browser signedIn() {
        Browser b = browser();
        Browser.Answer answer = b.signIn(api.workspace().accessKey(), api.workspace().secret());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return b;
    }

    @Test
    void nothing_is_visible_without_a_session() {
        Browser b = browser();
        assertError(b.call("GET", "/v2/rooms", null).response(), 401, "Token validation error", "not found");
        assertError(b.call("GET", "/dashboard/api/session", null).response(), 401, "Token validation error", "not signed in");
        assertError(b.call("GET", "/emulator/v1/clock", null).response(), 401, "Token validation error", "not found");
        assertThat(b.call("GET", "/dashboard/api/rooms/x/live", null).status()).isEqualTo(401);
    }

    @Test
    void a_wrong_secret_or_unknown_key_is_refused_and_sets_no_cookie() {
        Browser b = browser();
        Browser.Answer wrong = b.signIn(api.workspace().accessKey(), api.workspace().secret() + "x");
        assertError(wrong.response(), 401, "Invalid credentials", "access key or secret is wrong");
        assertThat(wrong.setCookie()).isNull();
        assertError(b.signIn("no-such-key", "whatever").response(), 401, "Invalid credentials", "access key or secret is wrong");
        assertThat(b.cookie).isNull();
    }

    @Test
    void the_session_cookie_is_http_only_same_site_strict_and_expires() {
        Browser b = browser();
        Browser.Answer answer = b.signIn(api.workspace().accessKey(), api.workspace().secret());
        assertThat(answer.setCookie()).startsWith(DashboardSessions.COOKIE + "=v1.")
                .contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/").contains("; Max-Age=43200");
        assertThat(answer.response().at("/access_key")).isEqualTo(api.workspace().accessKey());
        assertThat(answer.response().at("/csrf_token")).isNotBlank();
        assertThat(answer.response().json().get("emulator").asBoolean()).isTrue();
        Instant expires = Instant.parse(answer.response().at("/expires_at"));
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));
    }

    @Test
    void with_the_cookie_the_page_reads_the_api_and_changes_need_the_csrf_header() {
        Browser b = signedIn();
        assertThat(b.call("GET", "/v2/rooms", null).status()).isEqualTo(200);
        assertThat(b.call("GET", "/emulator/v1/clock", null).status()).isEqualTo(200);

        b.csrf = null;
        assertError(b.call("POST", "/v2/rooms", Map.of("name", "no-csrf")).response(), 403, "CSRF token missing or invalid",
                "a state-changing request with the dashboard's cookie must send its X-CSRF-Token header");
        b.csrf = "not-the-token";
        assertError(b.call("POST", "/v2/rooms", Map.of("name", "bad-csrf")).response(), 403, "CSRF token missing or invalid",
                "a state-changing request with the dashboard's cookie must send its X-CSRF-Token header");
        assertError(b.call("POST", "/emulator/v1/clock", Map.of("advance_seconds", 1)).response(), 403,
                "CSRF token missing or invalid",
                "a state-changing request with the dashboard's cookie must send its X-CSRF-Token header");
        assertThat(api.get("/v2/rooms?name=no-csrf").json().get("data").isNull()).as("nothing was created").isTrue();

        b.csrf = b.call("GET", "/dashboard/api/session", null).response().at("/csrf_token");
        Browser.Answer created = b.call("POST", "/v2/rooms", Map.of("name", "with-csrf"));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(api.get("/v2/rooms/" + created.response().at("/id")).at("/name")).isEqualTo("with-csrf");
    }

    @Test
    void a_bearer_token_is_still_what_counts_when_one_is_sent() {
        Browser b = signedIn();
        b.bearer = "not.a.token";
        assertThat(b.call("GET", "/v2/rooms", null).status()).isEqualTo(401);
    }

    @Test
    void a_forged_cookie_is_refused() {
        Browser b = signedIn();
        String real = b.cookie;
        b.cookie = real.substring(0, real.length() - 3) + (real.endsWith("AAA") ? "BBB" : "AAA");
        assertError(b.call("GET", "/v2/rooms", null).response(), 401, "Token validation error", "dashboard session invalid");

        // Signed with another secret for this workspace's access key.
        Workspace forged = new Workspace(api.workspace().id(), api.workspace().customerId(), api.workspace().accessKey(),
                "guessed-secret", api.workspace().name(), api.workspace().createdAt());
        b.cookie = new DashboardSessions(api.server().workspaces(), Clock.systemUTC()).issue(forged);
        assertError(b.call("GET", "/v2/rooms", null).response(), 401, "Token validation error", "dashboard session invalid");

        // A later expiry written into a real cookie breaks its signature.
        String[] parts = real.split("\\.");
        parts[2] = String.valueOf(Long.parseLong(parts[2]) + 86_400);
        b.cookie = String.join(".", parts);
        assertError(b.call("GET", "/v2/rooms", null).response(), 401, "Token validation error", "dashboard session invalid");

        b.cookie = "garbage";
        assertError(b.call("GET", "/v2/rooms", null).response(), 401, "Token validation error", "dashboard session malformed");
    }

    @Test
    void an_expired_cookie_is_refused() {
        Clock thirteenHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(13)), ZoneOffset.UTC);
        Browser b = browser();
        b.cookie = new DashboardSessions(api.server().workspaces(), thirteenHoursAgo).issue(api.workspace());
        assertError(b.call("GET", "/v2/rooms", null).response(), 401, "Token validation error", "dashboard session expired");
        assertError(b.call("GET", "/dashboard/api/session", null).response(), 401, "Token validation error",
                "dashboard session expired");
    }

    @Test
    void a_management_token_signs_in_too_and_sign_out_clears_the_cookie() {
        Browser b = browser();
        Browser.Answer answer = b.post("/dashboard/api/sign-in", Map.of("token", api.token()));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(b.call("GET", "/v2/rooms", null).status()).isEqualTo(200);
        assertError(b.post("/dashboard/api/sign-in", Map.of("token", "x.y.z")).response(), 401, "Token validation error",
                "malformed token");

        String csrf = b.csrf;
        b.csrf = null;
        assertThat(b.call("POST", "/dashboard/api/sign-out", null).status()).isEqualTo(403);
        b.csrf = csrf;
        Browser.Answer out = b.call("POST", "/dashboard/api/sign-out", null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.setCookie()).startsWith(DashboardSessions.COOKIE + "=;").contains("Max-Age=0");
    }

    @Test
    void sign_in_takes_json_only() {
        Browser.Answer form = browser().send("POST", "/dashboard/api/sign-in",
                "access_key=" + api.workspace().accessKey() + "&secret=" + api.workspace().secret(),
                "application/x-www-form-urlencoded");
        assertError(form.response(), 400, "Invalid body param", "sign-in takes a JSON body");
        assertThat(form.setCookie()).isNull();
    }

    /** A charset the server does not know is no reason to fail (the fuzz found a 500 here): the JSON is read as JSON. */
    @Test
    void sign_in_reads_json_whatever_charset_its_content_type_names() {
        String body = "{\"access_key\":\"" + api.workspace().accessKey() + "\",\"secret\":\"wrong\"}";
        Browser.Answer odd = browser().send("POST", "/dashboard/api/sign-in", body, "application/json; charset=nonsense");
        assertError(odd.response(), 401, "Invalid credentials");
        Browser.Answer upper = browser().send("POST", "/dashboard/api/sign-in", body, "Application/JSON");
        assertError(upper.response(), 401, "Invalid credentials");
    }

    @Test
    void the_page_is_served_with_its_assets_and_a_strict_policy() {
        Browser b = browser();
        Browser.Answer page = b.call("GET", "/dashboard/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("/dashboard/assets/[A-Za-z0-9._-]+\\.js").matcher(page.text());
        assertThat(script.find()).as(page.text()).isTrue();
        Browser.Answer js = b.call("GET", script.group(), null);
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(b.call("GET", "/dashboard/assets/..%2Fdashboard%2Findex.html", null).status()).isEqualTo(404);
    }
}
