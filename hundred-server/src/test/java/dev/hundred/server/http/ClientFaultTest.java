package dev.hundred.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The last line under the features' own checks: database refusals that are the request's doing (or another
 * request's, running at the same time) become 4xx, never a 500; anything else stays ours.
 */
class ClientFaultTest {

    private static ErrorBody of(String sqlState) {
        return Api.clientFault(new RuntimeException("wrapped", new SQLException("refused", sqlState)));
    }

    @Test
    void a_row_naming_one_removed_meanwhile_is_a_409_on_both_engines() {
        for (String state : new String[] {"23503", "23506"}) { // PostgreSQL (and H2 on delete); H2 on insert
            ErrorBody body = of(state);
            assertThat(body).as(state).isNotNull();
            assertThat(body.code()).isEqualTo(409);
            assertThat(body.message()).isEqualTo("Conflict");
            assertThat(body.details()).containsExactly("an object this request names was removed while it ran");
        }
    }

    @Test
    void too_long_and_unstorable_values_are_400_and_other_database_errors_stay_500() {
        assertThat(of("22001").code()).isEqualTo(400);
        assertThat(of("22021").code()).isEqualTo(400);
        assertThat(of("08006")).as("a lost connection is ours").isNull();
        assertThat(of("40P01")).as("a deadlock that outlived its retries is ours").isNull();
    }
}
