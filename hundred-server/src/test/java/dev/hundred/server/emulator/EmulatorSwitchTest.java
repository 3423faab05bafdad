package dev.hundred.server.emulator;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.Main;
import dev.hundred.server.support.Client;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --emulator false} (production): the emulator API is not there at all; the 100ms API is. */
class EmulatorSwitchTest {

    @Test
    void with_the_emulator_off_every_emulator_path_is_404_and_the_api_works() {
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb("mem").withEmulator(false)).start()) {
            Client api = Client.forNewWorkspace(server);
            for (String path : new String[] {"/emulator/v1/clock", "/emulator/v1/settings", "/emulator/v1/webhook"}) {
                assertError(api.get(path), 404, "Not found");
                assertError(api.withToken(null).get(path), 404, "Not found"); // not even a 401 gives it away
            }
            assertError(api.post("/emulator/v1/clock", Map.of("advance_seconds", 60)), 404, "Not found");
            String room = api.post("/v2/rooms", Map.of("name", "prod")).at("/id");
            assertError(api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host")), 404, "Not found");
            assertThat(api.get("/v2/rooms/" + room).status()).isEqualTo(200);
        }
    }

    @Test
    void the_flag_turns_it_off_and_it_is_on_by_default() {
        assertThat(Main.parse("serve", "--emulator", "false").bool("--emulator")).isFalse();
        boolean byDefault = Main.parse("serve").bool("--emulator");
        assertThat(byDefault).as("on unless HUNDRED_EMULATOR says otherwise").isEqualTo(
                !"false".equalsIgnoreCase(System.getenv("HUNDRED_EMULATOR")));
    }
}
