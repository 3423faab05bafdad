package dev.hundred.server.dashboard;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Client;
import org.junit.jupiter.api.Test;

/** {@code --emulator false}: the page learns it from its session (and hides those panels); the API stays shut. */
class DashboardEmulatorOffTest {

    @Test
    void the_session_says_the_emulator_is_off_and_its_paths_stay_404_with_the_cookie() {
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb("mem").withEmulator(false)).start()) {
            Client api = Client.forNewWorkspace(server);
            Browser b = new Browser(server);
            assertThat(b.signIn(api.workspace().accessKey(), api.workspace().secret()).status()).isEqualTo(200);
            Browser.Answer session = b.call("GET", "/dashboard/api/session", null);
            assertThat(session.response().json().get("emulator").asBoolean()).isFalse();
            assertError(b.call("GET", "/emulator/v1/clock", null).response(), 404, "Not found");
            assertThat(b.call("GET", "/v2/rooms", null).status()).isEqualTo(200);
        }
    }
}
