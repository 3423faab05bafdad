package dev.hundred.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.client.HmsClient;
import dev.hundred.client.param.RoomCreateParams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@HundredTest(accessKey = "65f0c3a1e4b0d5c2a1b3c4d5", secret = "a-fixed-secret-of-some-length-0123")
class FixedCredentialsTest {
    static String outerUrl;

    @Test
    void theWorkspaceHasTheGivenCredentials(HundredServer hundred) {
        outerUrl = hundred.url();
        assertThat(hundred.accessKey()).isEqualTo("65f0c3a1e4b0d5c2a1b3c4d5");
        assertThat(hundred.secret()).isEqualTo("a-fixed-secret-of-some-length-0123");
        // a client of one's own, made from those credentials alone, is accepted
        HmsClient own = HmsClient.builder().credentials("65f0c3a1e4b0d5c2a1b3c4d5", "a-fixed-secret-of-some-length-0123")
                .baseUrl(hundred.baseUrl()).build();
        assertThat(own.rooms().create(RoomCreateParams.builder().name("mine").build()).name()).isEqualTo("mine");
    }

    @Nested
    class Inner {
        @Test
        void aNestedClassSharesTheOuterServer(HundredServer hundred) {
            assertThat(hundred.accessKey()).isEqualTo("65f0c3a1e4b0d5c2a1b3c4d5");
            if (outerUrl != null) {
                assertThat(hundred.url()).isEqualTo(outerUrl);
            }
        }
    }
}
