package org.mujun.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Modules number their migrations in their own ranges (map V85–V89, screening V90–V99 …), so a
 * release can bring a migration numbered below one a database already has. The application's
 * Flyway must apply it rather than refuse to start (a database at V100 failed that way).
 */
@MujunIntegrationTest
class FlywayOutOfOrderIntegrationTest {

    @Autowired Flyway flyway;

    @Test
    void theApplicationsFlywayAppliesMigrationsNumberedBelowTheNewestApplied() {
        assertThat(flyway.getConfiguration().isOutOfOrder()).isTrue();
        assertThat(flyway.info().pending()).as("nothing left unapplied").isEmpty();
    }
}
