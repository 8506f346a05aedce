package org.mujun.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit-log page and API (SPEC §1, §11): newest first, filters, keyset pages, export,
 * verification; the log refuses UPDATE and DELETE, and tampering behind the trigger's back is found.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class AuditIntegrationTest {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate tx;
    final ObjectMapper json = new ObjectMapper();

    /** Appends {@code n} entries by a made-up actor; returns their ids, oldest first. */
    List<Long> appendEntries(String actor, int n) {
        List<Long> ids = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                ids.add(audit.append(actor, i % 2 == 0 ? "TEST_EVEN" : "TEST_ODD", "thing:" + RUN + ":" + i, "entry " + i).id());
            }
        });
        return ids;
    }

    @Test
    void theApiPagesByKeysetNewestFirstWithFilters() throws Exception {
        String actor = "t-audit-" + RUN;
        List<Long> ids = appendEntries(actor, 25);
        List<Long> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        JsonNode first = json.readTree(mvc.perform(get("/api/v1/audit").param("actor", actor).param("size", "10").with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(first.get("prev").isNull()).isTrue();
        long next = first.get("next").asLong();
        assertThat(next).isEqualTo(ids.get(15));

        JsonNode second = page(actor, "before", next);
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(10, 20));
        JsonNode third = page(actor, "before", second.get("next").asLong());
        assertThat(ids(third)).containsExactlyElementsOf(newestFirst.subList(20, 25));
        assertThat(third.get("next").isNull()).as("no older page").isTrue();
        // And back up: the page just newer than the third one is the second.
        JsonNode back = page(actor, "after", third.get("prev").asLong());
        assertThat(ids(back)).containsExactlyElementsOf(ids(second));

        mvc.perform(get("/api/v1/audit").param("actor", actor).param("action", "TEST_ODD").param("size", "100").with(fx.as("fx-security")))
                .andExpect(jsonPath("$.items.length()").value(12));
        mvc.perform(get("/api/v1/audit").param("actor", actor).param("target", RUN + ":1").param("size", "100").with(fx.as("fx-auditor")))
                .andExpect(jsonPath("$.items.length()").value(11)); // :1 and :10 … :19
        String today = java.time.LocalDate.now().toString();
        mvc.perform(get("/api/v1/audit").param("actor", actor).param("from", today).param("to", today).param("size", "100").with(fx.as("fx-auditor")))
                .andExpect(jsonPath("$.items.length()").value(25));
        mvc.perform(get("/api/v1/audit").param("actor", actor).param("to", "2000-01-01").with(fx.as("fx-auditor")))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(fx.as("fx-auditor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("must be yyyy-MM-dd")));
        mvc.perform(get("/api/v1/audit").param("from", "2026-02-01").param("to", "2026-01-01").with(fx.as("fx-auditor")))
                .andExpect(status().isBadRequest());
    }

    JsonNode page(String actor, String cursor, long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/audit").param("actor", actor).param("size", "10").param(cursor, Long.toString(id))
                .with(fx.as("fx-auditor"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    @Test
    void thePageShowsFiltersAndLinksToOlderEntries() throws Exception {
        String actor = "t-page-" + RUN;
        List<Long> ids = appendEntries(actor, AuditController.PAGE_SIZE + 5);
        String html = mvc.perform(get("/audit").param("actor", actor).with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("校验哈希链")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("thing:" + RUN + ":" + (AuditController.PAGE_SIZE + 4)).doesNotContain("thing:" + RUN + ":4<");
        assertThat(html).contains("before=" + ids.get(5));
        mvc.perform(get("/audit").param("actor", actor).param("before", Long.toString(ids.get(5))).with(fx.as("fx-security")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("thing:" + RUN + ":4<")))
                .andExpect(content().string(not(containsString("thing:" + RUN + ":5<"))));
        mvc.perform(get("/audit").param("lang", "en").with(fx.as("fx-auditor"))).andExpect(content().string(containsString("Verify chain")));
    }

    @Test
    void theExportHasEveryMatchingEntryAndIsItselfAudited() throws Exception {
        String actor = "t-export-" + RUN;
        tx.executeWithoutResult(s -> audit.append(actor, "TEST_EXPORT", "thing:x", "=HYPERLINK(\"http://evil\")"));
        appendEntries(actor, 3);
        byte[] xlsx = mvc.perform(get("/audit/export").param("actor", actor).with(fx.as("fx-auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getFirstSheet().openStream().forEach(r -> rows.add(cells(r)));
        }
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).startsWith("序号", "时间", "操作人", "操作");
        assertThat(rows.get(4).get(3)).isEqualTo("TEST_EXPORT");
        assertThat(rows.get(4).get(5)).as("formula escaped").startsWith("'=");
        assertThat(audit.search(new AuditLog.Filter("fx-auditor", "AUDIT_EXPORTED", null, null, null), null, null, 5))
                .anyMatch(e -> e.detail().contains("actor=" + actor));
    }

    static List<String> cells(Row r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.getCellCount(); i++) {
            out.add(r.getCellText(i));
        }
        return out;
    }

    @Test
    void theTriggerRefusesUpdateDeleteAndTruncate() {
        long id = appendEntries("t-trigger-" + RUN, 1).get(0);
        assertThatThrownBy(() -> jdbc.sql("update audit_log set detail = 'changed' where id = :id").param("id", id).update())
                .hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = :id").param("id", id).update())
                .hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).hasMessageContaining("audit_log is append-only");
        assertThat(jdbc.sql("select detail from audit_log where id = :id").param("id", id).query(String.class).single()).isEqualTo("entry 0");
    }

    /**
     * Tampering behind the trigger's back (a superuser with triggers switched off for one
     * transaction) is found by verification, at the entry that was changed. The original detail is
     * put back in a finally block, so the shared test database stays intact for other tests.
     */
    @Test
    void tamperingIsFoundAtTheChangedEntryAndTheChainHoldsAgainOnceRestored() throws Exception {
        List<Long> ids = appendEntries("t-tamper-" + RUN, 3);
        long victim = ids.get(1);
        assertThat(audit.verify().intact()).as("intact before").isTrue();
        try {
            bypassTrigger(victim, "nothing happened here");
            AuditLog.Verification broken = audit.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenId()).isEqualTo(victim);
            assertThat(broken.entries()).isEqualTo(victim - 1);
            assertThat(broken.lastHash()).isEqualTo(hashOf(victim - 1));
            mvc.perform(get("/api/v1/audit/verify").with(fx.as("fx-auditor")))
                    .andExpect(jsonPath("$.intact").value(false)).andExpect(jsonPath("$.firstBrokenId").value(victim));
            mvc.perform(get("/audit/verify").with(fx.as("fx-security"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("哈希链断裂：第 " + victim + " 条")));
        } finally {
            bypassTrigger(victim, "entry 1");
        }
        AuditLog.Verification restored = audit.verify();
        assertThat(restored.intact()).isTrue();
        assertThat(restored.firstBrokenId()).isNull();
        long last = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
        assertThat(restored.entries()).isEqualTo(last);
        assertThat(restored.lastHash()).isEqualTo(hashOf(last));
        mvc.perform(get("/api/v1/audit/verify").with(fx.as("fx-security")))
                .andExpect(jsonPath("$.intact").value(true)).andExpect(jsonPath("$.entries").value(restored.entries()));
        mvc.perform(get("/audit/verify").with(fx.as("fx-auditor"))).andExpect(content().string(containsString("哈希链完整")));
    }

    String hashOf(long id) {
        return jdbc.sql("select hash from audit_log where id = :id").param("id", id).query(String.class).single();
    }

    /** Writes one entry's detail with triggers off for this transaction only ({@code set local}). */
    private void bypassTrigger(long id, String detail) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement ps = c.prepareStatement("update audit_log set detail = ? where id = ?")) {
                ps.setString(1, detail);
                ps.setLong(2, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    void theActionSuggestionsListEachActionOnce() {
        tx.executeWithoutResult(s -> audit.append("t-actions-" + RUN, "TEST_SUGGESTED", "x", null));
        assertThat(audit.actions()).contains("TEST_SUGGESTED", "USER_CREATED").doesNotHaveDuplicates().isSorted();
        assertThat(audit.search(new AuditLog.Filter(null, null, null, Instant.now().plusSeconds(60), null), null, null, 5)).isEmpty();
    }
}
