package org.mujun.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A fixed embedded-database port taken by another program is refused, never silently shared. */
class EmbeddedPostgresPortUnitTest {

    @Test
    void aTakenPortIsRefusedAFreeOneAccepted() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedPostgresConfiguration.refuseTakenPort(taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already in use");
        }
        assertThatCode(() -> EmbeddedPostgresConfiguration.refuseTakenPort(port)).doesNotThrowAnyException();
    }
}
