package dev.hundred.server.dashboard;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.workspaces.Workspace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing a workspace's secret through the sign-in is throttled: after ten failed sign-ins from one address
 * within a minute, that address is refused with 429 (and Retry-After), even with the right secret, until the
 * minute is over. Signing in successfully is not counted. A server of its own: the refusal is per address,
 * and every test here comes from 127.0.0.1.
 */
class DashboardSignInThrottleTest {

    @Test
    void ten_failed_sign_ins_in_a_minute_refuse_the_address_and_successes_do_not_count() {
        Hundred server = Backends.own(DashboardSignInThrottleTest.class.getSimpleName(), Backends.H2);
        Workspace ws = server.workspaces().create("throttled", null, null);
        Browser browser = new Browser(server);
        for (int i = 0; i < 20; i++) { // successes take nothing from the allowance
            assertThat(browser.signIn(ws.accessKey(), ws.secret()).status()).isEqualTo(200);
        }
        for (int i = 0; i < SignInThrottle.FAILURES; i++) {
            Browser.Answer wrong = i % 2 == 0 ? browser.signIn(ws.accessKey(), "wrong-" + i)
                    : browser.post("/dashboard/api/sign-in", Map.of("token", "not.a.token"));
            assertThat(wrong.status()).as("attempt %d: %s", i + 1, wrong.text()).isEqualTo(401);
        }
        Browser.Answer refused = browser.signIn(ws.accessKey(), ws.secret());
        assertError(refused.response(), 429, "Too many requests", "more than " + SignInThrottle.FAILURES
                + " failed sign-ins from this address within a minute; retry after "
                + refused.header("Retry-After") + " seconds");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.setCookie()).isNull();
    }
}
