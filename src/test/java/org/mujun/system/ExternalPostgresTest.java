package org.mujun.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mujun.MujunApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The external-database path (SPEC §12): with spring.datasource.url set, Mujun uses that
 * PostgreSQL instead of starting its own, migrates it and loads the regions. Runs when
 * MUJUN_EXTERNAL_PG_URL names a database this test may drop and recreate the schema of
 * (.ci/run sets it when a server answers on 127.0.0.1:5432). The first-start demo (a small one
 * here) loads into it too.
 */
class ExternalPostgresTest {

    @Test
    void runsOnAnExternalPostgres() throws Exception {
        String url = System.getenv("MUJUN_EXTERNAL_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "MUJUN_EXTERNAL_PG_URL not set");
        String user = System.getenv().getOrDefault("MUJUN_EXTERNAL_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("MUJUN_EXTERNAL_PG_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MujunApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                // as command-line arguments, which win over application.yml
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--mujun.demo.enterprises=300",
                        "--mujun.demo.counties=330522")) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).isEqualTo(1489L);
            assertThat(jdbc.sql("select count(*) from app_user where username = 'admin'").query(Long.class).single()).isEqualTo(1L);
            // the first-start demo loads into the external database as well
            assertThat(jdbc.sql("select count(*) from enterprise where 'DEMO' = any(flags)").query(Long.class).single()).isEqualTo(300L);
            assertThat(ctx.getBeansOfType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(3);
        }
    }
}
