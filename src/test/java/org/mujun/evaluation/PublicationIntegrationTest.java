package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mujun.evaluation.WorkflowTestData.TOWN_A;
import static org.mujun.evaluation.WorkflowTestData.p;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.Publications.Publication;
import org.mujun.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * 公示, 异议 and 定稿 end to end on the API (SPEC §5 "Publish"): visibility to enterprises, the objection
 * window to the day, evidence checks and how evidence is served, decisions, finalizing, superseding by a
 * corrected run, "what was published on date X", the audit trail and the database guard.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class PublicationIntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired PasswordEncoder encoder;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;
    @Autowired Publications publications;

    @BeforeEach
    void data() {
        WorkflowTestData.install(jdbc, users, encoder);
    }

    @AfterEach
    void realClock() {
        publications.clock(Clock.system(Publications.ZONE));
    }

    void today(String date) {
        publications.clock(Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(Publications.ZONE).toInstant(), Publications.ZONE));
    }

    Run run(int year) {
        return WorkflowTestData.officialRun(schemes, runs, fx, TOWN_A, year);
    }

    void publicize(long runId, String deadline) throws Exception {
        mvc.perform(post("/api/v1/evaluation/runs/" + runId + "/publicize").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"" + deadline + "\"}"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200)).andExpect(jsonPath("$.status").value("PUBLICIZING"))
                .andExpect(jsonPath("$.objectionDeadline").value(deadline));
    }

    MockMultipartHttpServletRequestBuilder objection(long runId, String text, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/evaluation/runs/" + runId + "/objections");
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        b.param("body", text);
        return b;
    }

    static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("files", name, "application/pdf", PDF);
    }

    long objectionId(MvcResult r) throws Exception {
        String json = r.getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("(?s).*\"objection\":\\{\"id\":(\\d+).*", "$1"));
    }

    @Test
    void aComputedRunIsHiddenFromEnterprisesUntilPublicised() throws Exception {
        today("2034-03-01");
        Run run = run(2034);
        String url = "/api/v1/evaluation/runs/" + run.id() + "/publication";
        mvc.perform(get(url).with(WorkflowTestData.user(users, "wf-p01"))).andExpect(status().isNotFound());
        mvc.perform(get("/evaluation/runs/" + run.id() + "/publication").with(WorkflowTestData.user(users, "wf-p01")))
                .andExpect(status().isNotFound());
        mvc.perform(get(url).with(fx.as("fx-auditor"))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPUTED"));
        // a town officer of another town sees the official run's header, an admin of another county does not
        mvc.perform(get(url).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        publicize(run.id(), "2034-03-08");
        mvc.perform(get(url).with(WorkflowTestData.user(users, "wf-p01"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLICIZING"));
        // the enterprise's page shows its own class (P01: highest tax per mu → A) and the objection form, nobody else's result
        mvc.perform(get("/evaluation/runs/" + run.id() + "/publication").with(WorkflowTestData.user(users, "wf-p01")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("id=\"my-class\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("name=\"body\"")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        containsString("/evaluation/runs/" + run.id() + "/enterprises/" + p(1))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(not(containsString(p(2)))));
        assertThat(EvaluationRuns.visibleToEnterprise(runs.find(run.id(), org.mujun.security.Scope.system(TOWN_A), null).orElseThrow().header()))
                .isTrue();
        // a second publicize is an illegal move (409) and says why
        mvc.perform(post("/api/v1/evaluation/runs/" + run.id() + "/publicize").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"2034-03-09\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("only a computed run can be publicised")));
        // roles: a town officer, an auditor, an enterprise may not publicise (403); another county's admin gets 404
        for (String u : List.of("fx-town", "fx-auditor", "fx-enterprise")) {
            mvc.perform(post("/api/v1/evaluation/runs/" + run.id() + "/finalize").with(fx.as(u)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/evaluation/runs/" + run.id() + "/finalize").with(fx.as("fx-other-county")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theObjectionWindowIncludesTheDeadlineDayAndNotTheDayAfter() throws Exception {
        today("2035-05-01");
        Run run = run(2035);
        publicize(run.id(), "2035-05-10");
        // a deadline in the past is refused
        Run other = run(2035);
        mvc.perform(post("/api/v1/evaluation/runs/" + other.id() + "/publicize").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"2035-04-30\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("cannot be before today")));
        today("2035-05-10");
        mvc.perform(objection(run.id(), "亩均税收有误 / the tax is wrong", pdf("证明.pdf")).with(WorkflowTestData.user(users, "wf-p01")).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.objection.status").value("OPEN"))
                .andExpect(jsonPath("$.attachments[0].fileName").value("证明.pdf"));
        today("2035-05-11");
        mvc.perform(objection(run.id(), "太晚了 / too late").with(WorkflowTestData.user(users, "wf-p02")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("the objection window closed on 2035-05-10")));
        assertThat(jdbc.sql("select count(*) from evaluation_objection where run_id = :r").param("r", run.id()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void evidenceIsCheckedByContentAndServedAsADownloadOnlyToThoseWhoSeeTheObjection() throws Exception {
        today("2039-06-01");
        Run run = run(2039);
        publicize(run.id(), "2039-06-30");
        // HTML pretending to be a PDF: refused, and nothing is stored (not even the objection)
        MockMultipartFile html = new MockMultipartFile("files", "evidence.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        mvc.perform(objection(run.id(), "text", html).with(WorkflowTestData.user(users, "wf-p03")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("file type not accepted: evidence.pdf")));
        // larger than 10 MB
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(objection(run.id(), "text", new MockMultipartFile("files", "big.pdf", "application/pdf", big))
                        .with(WorkflowTestData.user(users, "wf-p03")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("larger than 10 MB")));
        // more than 5 files
        mvc.perform(objection(run.id(), "text", pdf("1.pdf"), pdf("2.pdf"), pdf("3.pdf"), pdf("4.pdf"), pdf("5.pdf"), pdf("6.pdf"))
                        .with(WorkflowTestData.user(users, "wf-p03")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("at most 5 files")));
        // an empty text
        mvc.perform(objection(run.id(), "  ", pdf("a.pdf")).with(WorkflowTestData.user(users, "wf-p03")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from evaluation_objection where run_id = :r").param("r", run.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from attachment a join evaluation_objection o on o.id = a.owner_id where o.run_id = :r")
                .param("r", run.id()).query(Integer.class).single()).isZero();

        // a path in the name is display text only; the PNG keeps its detected type whatever the browser claimed
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        MvcResult r = mvc.perform(objection(run.id(), "用地面积有误 / wrong land area", pdf("../../../etc/passwd"),
                                new MockMultipartFile("files", "C:\\Users\\x\\现场照片.png", "text/html", png))
                        .with(WorkflowTestData.user(users, "wf-p03")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments[0].fileName").value("passwd.pdf"))
                .andExpect(jsonPath("$.attachments[1].fileName").value("现场照片.png"))
                .andExpect(jsonPath("$.attachments[1].contentType").value("image/png"))
                .andReturn();
        long id = objectionId(r);
        long pdfId = jdbc.sql("select id from attachment where owner_type = 'evaluation-objection' and owner_id = :o order by id limit 1")
                .param("o", id).query(Long.class).single();
        String download = "/evaluation/objections/" + id + "/attachments/" + pdfId;
        mvc.perform(get(download).with(WorkflowTestData.user(users, "wf-p03"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("passwd.pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PDF));
        mvc.perform(get("/api/v1/evaluation/objections/" + id + "/attachments/" + pdfId).with(fx.as("fx-county"))).andExpect(status().isOk());
        mvc.perform(get(download).with(fx.as("fx-auditor"))).andExpect(status().isOk());
        // another enterprise, a town officer of another town, another county: not found
        mvc.perform(get(download).with(WorkflowTestData.user(users, "wf-p01"))).andExpect(status().isNotFound());
        mvc.perform(get(download).with(fx.as("fx-enterprise"))).andExpect(status().isNotFound());
        mvc.perform(get(download).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get(download).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get(download).with(fx.as("fx-security"))).andExpect(status().isForbidden());
        // an attachment id of another objection through this objection's URL is not found either
        mvc.perform(get("/evaluation/objections/" + id + "/attachments/" + (pdfId + 100000)).with(fx.as("fx-county")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluation/objections/" + id).with(WorkflowTestData.user(users, "wf-p01"))).andExpect(status().isNotFound());
        // a second open objection of the same enterprise is refused
        mvc.perform(objection(run.id(), "again").with(WorkflowTestData.user(users, "wf-p03")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("already open")));
        // only enterprises file objections
        mvc.perform(objection(run.id(), "x").with(fx.as("fx-county")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void decideFinalizeSupersedeAndAskWhatWasPublishedOnADate() throws Exception {
        today("2034-07-01");
        Run first = run(2034);
        // a run computed earlier by another test may stand for 2034: publish ours after it (newer runs supersede older ones)
        publicize(first.id(), "2034-07-10");
        MvcResult r1 = mvc.perform(objection(first.id(), "我们的税收应为 220 万元 / our tax was 2.2 million", pdf("tax.pdf"))
                .with(WorkflowTestData.user(users, "wf-p01")).with(csrf())).andExpect(status().isCreated()).andReturn();
        MvcResult r2 = mvc.perform(objection(first.id(), "税收数据漏报 / tax under-reported", pdf("tax2.pdf"))
                .with(WorkflowTestData.user(users, "wf-p02")).with(csrf())).andExpect(status().isCreated()).andReturn();
        long o1 = objectionId(r1);
        long o2 = objectionId(r2);
        // the enterprise cannot decide; the list shows each enterprise only its own
        mvc.perform(post("/api/v1/evaluation/objections/" + o1 + "/decision").with(WorkflowTestData.user(users, "wf-p01")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"ACCEPTED\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluation/objections?run=" + first.id()).with(WorkflowTestData.user(users, "wf-p01")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].uscc").value(p(1)));
        mvc.perform(get("/api/v1/evaluation/objections?run=" + first.id()).with(fx.as("fx-county"))).andExpect(jsonPath("$.total").value(2));

        // finalize: refused while objections are open, and before the window has closed
        today("2034-07-11");
        mvc.perform(post("/api/v1/evaluation/runs/" + first.id() + "/finalize").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("2 objection(s) are still open")));

        // reject without a reason: 400; with a reason: the enterprise sees it
        mvc.perform(post("/api/v1/evaluation/objections/" + o1 + "/decision").with(fx.as("fx-county")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECTED\",\"note\":\" \"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/evaluation/objections/" + o1 + "/decision").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECTED\",\"note\":\"税务数据与申报一致 / matches the tax bureau\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.objection.status").value("REJECTED"));
        mvc.perform(get("/api/v1/evaluation/objections/" + o1).with(WorkflowTestData.user(users, "wf-p01")))
                .andExpect(jsonPath("$.objection.decisionNote").value("税务数据与申报一致 / matches the tax bureau"))
                .andExpect(jsonPath("$.objection.decidedBy").value("fx-county"));
        // deciding twice is an illegal move
        mvc.perform(post("/api/v1/evaluation/objections/" + o1 + "/decision").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"ACCEPTED\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("already decided (rejected)")));
        // accept P02's: the tax is corrected through ingestion (here: the tax record), and the region re-runs
        mvc.perform(post("/api/v1/evaluation/objections/" + o2 + "/decision").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"ACCEPTED\",\"note\":\"更正税务数据 / tax corrected\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.objection.status").value("ACCEPTED"));
        Run corrected;
        try {
            jdbc.sql("update tax_record set total_tax = 250 where uscc = :u and year = 2034").param("u", p(2)).update();
            corrected = run(2034);
        } finally {
            jdbc.sql("update tax_record set total_tax = 150 where uscc = :u and year = 2034").param("u", p(2)).update();
        }
        assertThat(corrected.header().inputHash()).isNotEqualTo(first.header().inputHash());
        // the older run cannot supersede the newer one once that is published: publish the corrected run
        publicize(corrected.id(), "2034-07-18");
        Publication old = WorkflowTestData.as(fx.user("fx-county"), () -> publications.get(first.id()));
        Publication now = WorkflowTestData.as(fx.user("fx-county"), () -> publications.get(corrected.id()));
        assertThat(old.status()).isEqualTo(RunStatus.SUPERSEDED);
        assertThat(old.supersededBy()).isEqualTo(corrected.id());
        assertThat(now.supersedes()).isEqualTo(first.id());
        assertThat(jdbc.sql("select corrected_in_run from evaluation_objection where id = :id").param("id", o2).query(Long.class).single())
                .isEqualTo(corrected.id());
        // a superseded run stays readable for the enterprise, as history
        mvc.perform(get("/api/v1/evaluation/runs/" + first.id() + "/publication").with(WorkflowTestData.user(users, "wf-p02")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUPERSEDED"))
                .andExpect(jsonPath("$.supersededBy").value(corrected.id()));
        // P02 is now first in tax per mu (25 > 20): class A in the corrected run
        mvc.perform(get("/evaluation/runs/" + corrected.id() + "/publication").with(WorkflowTestData.user(users, "wf-p02")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString(">A</span>")));

        // finalize the corrected run after its window
        mvc.perform(post("/api/v1/evaluation/runs/" + corrected.id() + "/finalize").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("finalize after it")));
        today("2034-07-19");
        mvc.perform(post("/api/v1/evaluation/runs/" + corrected.id() + "/finalize").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FINAL"));
        mvc.perform(post("/api/v1/evaluation/runs/" + corrected.id() + "/finalize").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("only a publicised run can be finalized")));
        // filing on a final run is refused
        mvc.perform(objection(corrected.id(), "late").with(WorkflowTestData.user(users, "wf-p05")).with(csrf())).andExpect(status().isConflict());

        // history: place the events on dates (the test ran them within seconds) and ask what was published when
        jdbc.sql("update evaluation_run set publicized_at = timestamptz '2034-07-01 10:00+08', superseded_at = timestamptz '2034-07-12 09:00+08'"
                + " where id = :id").param("id", first.id()).update();
        jdbc.sql("update evaluation_run set publicized_at = timestamptz '2034-07-12 09:00+08', finalized_at = timestamptz '2034-07-19 09:00+08'"
                + " where id = :id").param("id", corrected.id()).update();
        String on = "/api/v1/evaluation/publications/on?region=" + TOWN_A + "&year=2034&date=";
        mvc.perform(get(on + "2034-06-30").with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get(on + "2034-07-05").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.publication.runId").value(first.id())).andExpect(jsonPath("$.statusOnDate").value("PUBLICIZING"));
        mvc.perform(get(on + "2034-07-11").with(fx.as("fx-auditor"))).andExpect(jsonPath("$.publication.runId").value(first.id()));
        mvc.perform(get(on + "2034-07-12").with(fx.as("fx-county"))).andExpect(jsonPath("$.publication.runId").value(corrected.id()))
                .andExpect(jsonPath("$.statusOnDate").value("PUBLICIZING"));
        mvc.perform(get(on + "2034-08-01").with(WorkflowTestData.user(users, "wf-p02"))).andExpect(jsonPath("$.publication.runId").value(corrected.id()))
                .andExpect(jsonPath("$.statusOnDate").value("FINAL"));
        mvc.perform(get(on + "2034-08-01").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        // the history page answers the same
        mvc.perform(get("/evaluation/publications?region=" + TOWN_A + "&year=2034&date=2034-07-05").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("/evaluation/runs/" + first.id() + "/publication")));

        // every state change is in the audit log
        List<String> actions = jdbc.sql("select action || ' ' || target from audit_log where target in (:a, :b, :c, :d) order by id")
                .param("a", "evaluation-run:" + first.id()).param("b", "evaluation-run:" + corrected.id())
                .param("c", "evaluation-objection:" + o1).param("d", "evaluation-objection:" + o2).query(String.class).list();
        assertThat(actions).contains("EVALUATION_RUN_PUBLICIZE evaluation-run:" + first.id(), "EVALUATION_OBJECTION_FILE evaluation-objection:" + o1,
                "EVALUATION_OBJECTION_REJECT evaluation-objection:" + o1, "EVALUATION_OBJECTION_ACCEPT evaluation-objection:" + o2,
                "EVALUATION_RUN_SUPERSEDE evaluation-run:" + first.id(), "EVALUATION_RUN_PUBLICIZE evaluation-run:" + corrected.id(),
                "EVALUATION_RUN_FINALIZE evaluation-run:" + corrected.id());
    }

    @Test
    void illegalMovesAreRefusedByTheDatabaseToo() throws Exception {
        today("2042-01-10");
        Run run = run(2042);
        assertThatThrownBy(() -> jdbc.sql("update evaluation_run set status = 'FINAL' where id = :id").param("id", run.id()).update())
                .hasMessageContaining("status COMPUTED cannot become FINAL");
        mvc.perform(post("/api/v1/evaluation/runs/" + run.id() + "/finalize").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("the run is computed and cannot be finalized")));
        // a what-if run is never publicised
        long draft = WorkflowTestData.as(fx.user("fx-county"), () -> {
            var d = schemes.draft(TOWN_A, 2042, org.mujun.security.Scope.system(TOWN_A))
                    .orElseGet(() -> schemes.newVersion(WorkflowTestData.published(schemes, fx, TOWN_A, 2042).id(), "fx-county"));
            return d.id();
        });
        Run whatIf = WorkflowTestData.as(fx.user("fx-county"), () -> runs.run(draft, "fx-county"));
        assertThat(whatIf.header().kind()).isEqualTo(RunKind.WHAT_IF);
        mvc.perform(post("/api/v1/evaluation/runs/" + whatIf.id() + "/publicize").with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"2042-01-20\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("a what-if run cannot be publicised")));
        assertThatThrownBy(() -> jdbc.sql("update evaluation_run set status = 'PUBLICIZING' where id = :id").param("id", whatIf.id()).update())
                .hasMessageContaining("what-if run");
        // an empty publicize body is bad input, not a publication
        mvc.perform(post("/api/v1/evaluation/runs/" + run.id() + "/publicize").with(fx.as("fx-county")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select status from evaluation_run where id = :id").param("id", run.id()).query(String.class).single()).isEqualTo("COMPUTED");
    }

    @Test
    void everyPageRendersInChineseAndEnglishWithoutMissingMessages() throws Exception {
        today("2043-02-01");
        Run run = run(2043);
        publicize(run.id(), "2043-02-10");
        mvc.perform(objection(run.id(), "请核对 / please check", pdf("a.pdf")).with(WorkflowTestData.user(users, "wf-p04")).with(csrf()))
                .andExpect(status().isCreated());
        long objection = jdbc.sql("select id from evaluation_objection where run_id = :r").param("r", run.id()).query(Long.class).single();
        List<String> pages = List.of("/evaluation/publications?region=" + TOWN_A + "&year=2043&date=2043-02-05",
                "/evaluation/runs/" + run.id() + "/publication", "/evaluation/objections", "/evaluation/objections/" + objection,
                "/evaluation/what-if", "/evaluation/measures", "/evaluation/measures/" + TOWN_A + "/2043",
                "/evaluation/runs/" + run.id() + "/measures", "/evaluation/runs/" + run.id() + "/measures?list=LAND_USE_TAX",
                "/evaluation/runs/" + run.id() + "/measures?list=QUOTA", "/evaluation/statistics?year=2043&region=" + TOWN_A,
                "/evaluation/runs/" + run.id(), "/energy/carbon-efficiency?year=2043", "/energy/carbon-efficiency/distribution?year=2043",
                "/energy/carbon-efficiency/config");
        for (String page : pages) {
            for (String lang : List.of("zh_CN", "en")) {
                String url = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
                String html = mvc.perform(get(url).with(fx.as("fx-county"))).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(url).doesNotContain("??").doesNotContain("<script>");
            }
        }
        String html = mvc.perform(get("/evaluation/runs/" + run.id() + "/publication?lang=en").with(WorkflowTestData.user(users, "wf-p01")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("??").contains("File an objection 异议");
    }
}
