package org.mujun.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationRuns;
import org.mujun.evaluation.EvaluationSchemes;
import org.mujun.evaluation.IllegalTransitionException;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.mujun.security.Users;
import org.mujun.target.TargetIndicator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The closed loop on a real database: screening a town's evaluation, 属地核实 with evidence, listing, the plan with
 * optimistic locking, progress and the overdue check, 达标销号 on a later run, a merger into an A-class acquirer, the
 * totals and the target actuals; and who may see and do what.
 */
@MujunIntegrationTest
@AutoConfigureMockMvc
class ScreeningIntegrationTest {

    static final String P = "T61";
    static final int YEAR = 2061;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    @Autowired JdbcClient jdbc;
    @Autowired TestFixture fx;
    @Autowired Users users;
    @Autowired PasswordEncoder encoder;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;
    @Autowired Screenings screenings;
    @Autowired ScreeningRuleSets ruleSets;
    @Autowired ScreeningCases cases;
    @Autowired RemediationPlans plans;
    @Autowired Remediation remediation;
    @Autowired ScreeningTotals totals;
    @Autowired MockMvc mvc;
    @Autowired ScreeningContributions contributions;
    @Autowired org.mujun.attachment.Attachments attachments;

    MujunUser county;
    MujunUser town;

    @BeforeEach
    void setUp() {
        ScreeningTestData.install(jdbc, P, YEAR, users, encoder);
        county = fx.user("fx-county");
        town = fx.user("fx-town");
        for (int y = YEAR; y <= YEAR + 1; y++) {
            if (ruleSets.effective(TestFixture.TOWN_1, y).regionCode() == null) {
                ruleSets.save(TestFixture.TOWN_1, y, ScreeningTestData.taxOnly(), null, "fx-county");
            }
            if (runs.latestOfficial(TestFixture.TOWN_1, y, Scope.system(TestFixture.TOWN_1)).isEmpty()) {
                ScreeningTestData.officialRun(schemes, runs, fx, y);
            }
        }
    }

    ScreeningCases.Case caseOf(int n) {
        String u = ScreeningTestData.uscc(P, n);
        return cases.list(new ScreeningCases.Filter(TestFixture.TOWN_1, YEAR, null, u, false), 0, 10, Scope.system(TestFixture.TOWN_1))
                .items().stream().filter(c -> c.uscc().equals(u)).findFirst().orElse(null);
    }

    ScreeningCases.Case screened() {
        if (caseOf(1) == null) {
            Screenings.RunSummary s = screenings.run(TestFixture.TOWN_1, YEAR, "fx-county", county.scope());
            assertThat(s.created()).isEqualTo(2);
        }
        return caseOf(1);
    }

    @Test
    void screeningOpensCandidatesWithTheNumbersBehindThem() {
        screened();
        ScreeningCases.Case c1 = caseOf(1);
        ScreeningCases.Case c2 = caseOf(2);
        assertThat(caseOf(3)).isNull();
        assertThat(caseOf(4)).isNull();
        assertThat(c1.hits()).singleElement().satisfies(h -> {
            assertThat(h.rule()).isEqualTo(RuleCode.TAX_PER_MU);
            assertThat(h.value()).isEqualByComparingTo("2");
            assertThat(h.threshold()).isEqualByComparingTo("3");
            assertThat(h.detailZh()).contains("税收 20 万元").contains("用地 10 亩");
        });
        assertThat(c2.hits().get(0).threshold()).isEqualByComparingTo("5");
        ScreeningCases.Transition first = cases.transitions(c1.id(), Scope.system(TestFixture.TOWN_1)).get(0);
        assertThat(first.action()).isEqualTo("SCREEN");
        assertThat(first.from()).isNull();
        assertThat(first.to()).isEqualTo(CaseState.CANDIDATE);
        assertThat(first.reason()).contains("亩均税收 2 万元/亩 < 3 万元/亩");
        // a second run opens nothing twice
        Screenings.RunSummary again = screenings.run(TestFixture.TOWN_1, YEAR, "fx-county", county.scope());
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        // no run of the year: refused with a clear message
        assertThatThrownBy(() -> screenings.run(TestFixture.TOWN_1, 2070, "fx-county", county.scope())).hasMessageContaining("no official evaluation run");
        // outside the jurisdiction
        assertThatThrownBy(() -> screenings.run(TestFixture.OTHER_TOWN, YEAR, "fx-county", county.scope())).hasMessageContaining("outside");
    }

    @Test
    void rolesSeeAndActOnlyWhereTheyMay() throws Exception {
        long id = screened().id();
        mvc.perform(get("/screening/cases/" + id).with(fx.as("fx-town"))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
        mvc.perform(get("/screening/cases/" + id).with(fx.as("fx-other-county"))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        mvc.perform(get("/screening/cases/" + id).with(fx.as("fx-provider"))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
        // the enterprise does not see its case while it is a candidate
        boolean listed = cases.find(id, county.scope()).orElseThrow().state().everListed();
        mvc.perform(get("/screening/cases/" + id).with(fx.as("sc-t61-e1"))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(listed ? 200 : 404));
        String list = mvc.perform(get("/screening").with(fx.as("fx-town"))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("筛选测试T61-1号企业");
        String other = mvc.perform(get("/screening").with(fx.as("fx-other-county"))).andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain("筛选测试T61-1号企业");
        // another county's administrator cannot act on it (404), the town may not list it (403)
        MujunUser otherCounty = fx.user("fx-other-county");
        assertThatThrownBy(() -> remediation.act(id, CaseAction.CONFIRM, new ScreeningCases.Move(null, null, List.of()), otherCounty))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> remediation.act(id, CaseAction.LIST, new ScreeningCases.Move(null, null, List.of()), town))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void evidenceLimitsAndTheWholeLoop() throws Exception {
        ScreeningCases.Case c = screened();
        long id = c.id();
        if (c.state() == CaseState.CANDIDATE) {
            // no evidence: refused, state unchanged
            mvc.perform(multipart("/screening/cases/" + id + "/actions/confirm").param("version", "" + c.version()).with(csrf()).with(fx.as("fx-town")))
                    .andExpect(r -> assertThat(r.getFlashMap().get("error").toString()).contains("evidence"));
            // a file that is not an accepted type (HTML): refused
            mvc.perform(multipart("/screening/cases/" + id + "/actions/confirm").file(new MockMultipartFile("files", "x.pdf", "application/pdf",
                            "<html><script>alert(1)</script></html>".getBytes())).param("version", "" + c.version()).with(csrf()).with(fx.as("fx-town")))
                    .andExpect(r -> assertThat(r.getFlashMap().get("error").toString()).contains("not accepted"));
            // larger than the limit: refused
            byte[] big = new byte[10 * 1024 * 1024 + 1];
            System.arraycopy(PDF, 0, big, 0, PDF.length);
            mvc.perform(multipart("/screening/cases/" + id + "/actions/confirm").file(new MockMultipartFile("files", "big.pdf", "application/pdf", big))
                            .param("version", "" + c.version()).with(csrf()).with(fx.as("fx-town")))
                    .andExpect(r -> assertThat(r.getFlashMap().get("error").toString()).contains("larger than"));
            assertThat(cases.find(id, town.scope()).orElseThrow().state()).isEqualTo(CaseState.CANDIDATE);
            // a PDF: confirmed, the evidence recorded with the transition
            mvc.perform(multipart("/screening/cases/" + id + "/actions/confirm").file(new MockMultipartFile("files", "../../核实.pdf", "application/pdf", PDF))
                            .param("version", "" + c.version()).param("reason", "现场核实属实").with(csrf()).with(fx.as("fx-town")))
                    .andExpect(r -> assertThat(r.getFlashMap().get("error")).isNull());
        }
        ScreeningCases.Case confirmed = cases.find(id, town.scope()).orElseThrow();
        assertThat(confirmed.state()).isEqualTo(CaseState.CONFIRMED);
        ScreeningCases.Transition t = cases.transitions(id, town.scope()).get(1);
        assertThat(t.actor()).isEqualTo("fx-town");
        assertThat(t.reason()).isEqualTo("现场核实属实");
        assertThat(t.evidence()).hasSize(1);
        assertThat(cases.evidence(id, town.scope())).extracting(org.mujun.attachment.Attachments.Attachment::fileName).contains("核实.pdf");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'SCREENING_CONFIRM' and target = :t").param("t", "screening-case:" + id)
                .query(Long.class).single()).isEqualTo(1);
        // a stale version is refused
        assertThatThrownBy(() -> remediation.act(id, CaseAction.LIST, new ScreeningCases.Move(confirmed.version() - 1, null, List.of()), county))
                .isInstanceOf(OptimisticLockingFailureException.class);
        remediation.act(id, CaseAction.LIST, new ScreeningCases.Move(confirmed.version(), null, List.of()), county);
        // the list page and its export show it
        assertThat(mvc.perform(get("/screening/list").with(fx.as("fx-county"))).andReturn().getResponse().getContentAsString()).contains("筛选测试T61-1号企业");
        assertThat(mvc.perform(get("/screening/list/export").with(fx.as("fx-county"))).andReturn().getResponse().getContentAsByteArray().length).isGreaterThan(1000);
        // submitting without a plan is refused
        assertThatThrownBy(() -> remediation.act(id, CaseAction.SUBMIT_PLAN, new ScreeningCases.Move(null, null, List.of()), town))
                .hasMessageContaining("draft the plan");

        // the plan: two editors read version 0; the second save is refused, nothing overwritten
        RemediationPlans.Draft d = new RemediationPlans.Draft(Approach.UPGRADE, "技改提升", new BigDecimal("2.5"), new BigDecimal("30"), new BigDecimal("80"),
                new BigDecimal("50"), List.of(new RemediationPlans.MilestoneDraft("设备更新", LocalDate.of(2020, 1, 31), "经信局"),
                new RemediationPlans.MilestoneDraft("达产复核", LocalDate.of(2099, 12, 31), "乡镇")));
        RemediationPlans.Plan p0 = plans.save(id, null, d, town);
        assertThat(p0.version()).isZero();
        RemediationPlans.Plan p1 = plans.save(id, 0, new RemediationPlans.Draft(Approach.UPGRADE, "技改提升（修订）", new BigDecimal("3"),
                new BigDecimal("30"), new BigDecimal("80"), new BigDecimal("50"), d.milestones()), county);
        assertThat(p1.version()).isEqualTo(1);
        assertThatThrownBy(() -> plans.save(id, 0, new RemediationPlans.Draft(Approach.VACATE, "stale", null, null, null, null, d.milestones()), town))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(plans.ofCase(id, town.scope()).orElseThrow().measures()).isEqualTo("技改提升（修订）");
        // the page answers a stale edit with a clear message
        mvc.perform(post("/screening/cases/" + id + "/plan").param("version", "0").param("approach", "VACATE").param("measures", "x")
                        .param("m0.title", "a").param("m0.deadline", "2099-01-01").param("m0.unit", "u").with(csrf()).with(fx.as("fx-town")))
                .andExpect(r -> assertThat(r.getFlashMap().get("error").toString()).contains("changed by someone else"));

        remediation.act(id, CaseAction.SUBMIT_PLAN, new ScreeningCases.Move(null, null, List.of()), town);
        // a submitted plan cannot be edited; returned, it can
        assertThatThrownBy(() -> plans.save(id, 1, d, town)).isInstanceOf(IllegalTransitionException.class);
        remediation.act(id, CaseAction.RETURN_PLAN, new ScreeningCases.Move(null, "补充节点", List.of()), county);
        plans.save(id, 1, new RemediationPlans.Draft(Approach.UPGRADE, "技改提升（修订）", new BigDecimal("3"), new BigDecimal("30"),
                new BigDecimal("80"), new BigDecimal("50"), d.milestones()), town);
        remediation.act(id, CaseAction.SUBMIT_PLAN, new ScreeningCases.Move(null, null, List.of()), town);
        remediation.act(id, CaseAction.APPROVE_PLAN, new ScreeningCases.Move(null, null, List.of()), county);
        assertThat(plans.ofCase(id, town.scope()).orElseThrow().approvedBy()).isEqualTo("fx-county");
        List<ScreeningCases.Transition> h = cases.transitions(id, county.scope());
        assertThat(h.get(h.size() - 1).action()).isEqualTo("APPROVE_PLAN");
        assertThat(h.get(h.size() - 1).proof()).contains("plan version 2");
        assertThat(h.get(h.size() - 2).reason()).isEqualTo(null);
        assertThat(h.get(h.size() - 3).reason()).isEqualTo("补充节点");
        // the enterprise now sees its own plan, and only its own
        assertThat(mvc.perform(get("/screening/cases/" + id).with(fx.as("sc-t61-e1"))).andReturn().getResponse().getContentAsString()).contains("技改提升（修订）");
        mvc.perform(get("/screening/cases/" + caseOf(2).id()).with(fx.as("sc-t61-e1"))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        remediation.act(id, CaseAction.START, new ScreeningCases.Move(null, null, List.of()), town);

        // overdue: the 2020 milestone is flagged and listed; reporting it done clears it
        RemediationPlans.CheckSummary check = plans.check(LocalDate.now(ScreeningCases.ZONE), "test");
        assertThat(check.overdue()).isGreaterThanOrEqualTo(1);
        List<RemediationPlans.Overdue> overdue = plans.overdue(TestFixture.TOWN_1, town.scope());
        RemediationPlans.Overdue o = overdue.stream().filter(x -> x.caseId() == id).findFirst().orElseThrow();
        assertThat(o.milestone().title()).isEqualTo("设备更新");
        assertThat(mvc.perform(get("/screening/overdue").with(fx.as("fx-town"))).andReturn().getResponse().getContentAsString()).contains("设备更新");
        plans.report(o.milestone().id(), 100, "设备已更新", town);
        assertThat(plans.overdue(TestFixture.TOWN_1, town.scope())).noneMatch(x -> x.caseId() == id);

        // 达标销号: on the later run the enterprise pays 20 万/亩, no rule fires
        ScreeningCases.Case delisted = remediation.act(id, CaseAction.DELIST, new ScreeningCases.Move(null, null, List.of()), county);
        assertThat(delisted.state()).isEqualTo(CaseState.DELISTED);
        assertThat(cases.transitions(id, county.scope()).get(cases.transitions(id, county.scope()).size() - 1).proof())
                .contains("2062").contains("0 rule(s) fired");
        // totals and target actuals count it with the plan's outcome
        ScreeningTotals.Row sum = totals.byRegion(TestFixture.TOWN_1, YEAR, county.scope()).stream().filter(r -> r.regionCode().equals("Σ")).findFirst().orElseThrow();
        assertThat(sum.delisted()).isGreaterThanOrEqualTo(1);
        assertThat(sum.freedMu()).isGreaterThanOrEqualTo(new BigDecimal("3"));
        assertThat(totals.actual(TargetIndicator.ENTERPRISES_REMEDIATED, TestFixture.COUNTY, LocalDate.now(ScreeningCases.ZONE).getYear()).orElseThrow())
                .isGreaterThanOrEqualTo(BigDecimal.ONE);
        assertThat(mvc.perform(get("/screening/totals").with(fx.as("fx-county"))).andReturn().getResponse().getContentAsString())
                .contains("id=\"against\"").contains("整治提升企业数");
        assertThat(totals.actual(TargetIndicator.LAND_FREED_MU, TestFixture.OTHER_COUNTY, LocalDate.now(ScreeningCases.ZONE).getYear()).orElseThrow())
                .isEqualByComparingTo("0");
    }

    @Test
    void delistingNeedsProofAndMergersNeedAnAOrBAcquirer() {
        screened();
        ScreeningCases.Case c2 = caseOf(2);
        long id = c2.id();
        if (c2.state() == CaseState.CANDIDATE) {
            remediation.act(id, CaseAction.CONFIRM, new ScreeningCases.Move(null, null, List.of(new MockMultipartFile("files", "e.pdf", "application/pdf", PDF))), town);
            remediation.act(id, CaseAction.LIST, new ScreeningCases.Move(null, null, List.of()), county);
            plans.save(id, null, new RemediationPlans.Draft(Approach.MERGER, "兼并重组", new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("12"),
                    null, List.of(new RemediationPlans.MilestoneDraft("签约", LocalDate.of(2099, 1, 1), "乡镇"))), town);
            remediation.act(id, CaseAction.SUBMIT_PLAN, new ScreeningCases.Move(null, null, List.of()), town);
            remediation.act(id, CaseAction.APPROVE_PLAN, new ScreeningCases.Move(null, null, List.of()), county);
            remediation.act(id, CaseAction.START, new ScreeningCases.Move(null, null, List.of()), town);
        }
        // still 4 万/亩 in the later year: refused, with the rule and its numbers
        assertThatThrownBy(() -> remediation.act(id, CaseAction.DELIST, new ScreeningCases.Move(null, null, List.of()), county))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("still meets").hasMessageContaining("4 < 5");
        // closure needs evidence
        assertThatThrownBy(() -> remediation.act(id, CaseAction.CLOSE, new ScreeningCases.Move(null, "停产", List.of()), county))
                .hasMessageContaining("evidence");
        // the fixture's enterprise (no tax in these years: last, class D) is refused; the A-class one (enterprise 4) takes the land
        assertThatThrownBy(() -> remediation.merge(id, TestFixture.USCC_1, "奖励", null, List.of(), county)).hasMessageContaining("only class A or B");
        assertThatThrownBy(() -> remediation.merge(id, ScreeningTestData.uscc(P, 4), "", null, List.of(), county)).hasMessageContaining("reward basis");
        ScreeningCases.Case merged = remediation.merge(id, ScreeningTestData.uscc(P, 4), "兼并奖励：腾出用地按每亩 5 万元", null, List.of(), county);
        assertThat(merged.state()).isEqualTo(CaseState.MERGED);
        Remediation.Merger m = remediation.merger(id, county.scope()).orElseThrow();
        assertThat(m.acquirerClass()).isEqualTo("A");
        assertThat(m.landMu()).isEqualByComparingTo("10");
        assertThat(m.parcels()).isEqualTo("SC-" + ScreeningTestData.uscc(P, 2));
        assertThat(jdbc.sql("select owner_uscc from parcel where certificate_no = :c").param("c", "SC-" + ScreeningTestData.uscc(P, 2))
                .query(String.class).single()).isEqualTo(ScreeningTestData.uscc(P, 4));
        assertThat(jdbc.sql("select status || '>' || merged_into_uscc from enterprise where uscc = :u").param("u", ScreeningTestData.uscc(P, 2))
                .query(String.class).single()).isEqualTo("MERGED>" + ScreeningTestData.uscc(P, 4));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'SCREENING_MERGER'").query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void evidenceIsServedAsAnAttachmentAndTheCaseShowsElsewhere() throws Exception {
        ScreeningCases.Case c = screened();
        // a file stored on the case directly (not through a move, so the other tests' walk is not disturbed)
        long aid = attachments.store(new org.mujun.attachment.Attachments.Owner(ScreeningCases.OWNER, c.id(), c.regionCode(), c.uscc()),
                "a\"b<script>.pdf", PDF, "test").id();
        mvc.perform(get("/screening/cases/" + c.id() + "/evidence/" + aid).with(fx.as("fx-town"))).andExpect(r -> {
            assertThat(r.getResponse().getStatus()).isEqualTo(200);
            assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
            assertThat(r.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
            assertThat(r.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        });
        mvc.perform(get("/screening/cases/" + c.id() + "/evidence/" + aid).with(fx.as("fx-other-county")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));

        // the map's colouring, the dashboard widgets and the enterprise panel, in the signed-in user's scope
        java.util.Map<String, String> statuses = ScreeningTestData.as(county, () -> contributions.statuses(TestFixture.TOWN_1, YEAR));
        assertThat(statuses).containsKey(ScreeningTestData.uscc(P, 1));
        assertThat(ScreeningTestData.as(fx.user("fx-other-county"), () -> contributions.statuses(TestFixture.TOWN_1, YEAR))).isEmpty();
        assertThat(contributions.categories()).contains("CANDIDATE", "LISTED", "DELISTED");
        List<org.mujun.common.DashboardWidget> widgets = ScreeningTestData.as(county, () -> contributions.widgets(TestFixture.TOWN_1, YEAR));
        assertThat(widgets).extracting(org.mujun.common.DashboardWidget::key).containsExactly("screening-progress", "screening-overdue");
        long total = widgets.get(0).rows().stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(ScreeningTestData.as(fx.user("sc-t61-e1"), () -> contributions.widgets(TestFixture.TOWN_1, YEAR))).isEmpty();
        assertThat(ScreeningTestData.as(county, () -> contributions.panel(0, ScreeningTestData.uscc(P, 1)))).hasValueSatisfying(p ->
                assertThat(p.template()).isEqualTo("screening/panels"));
        long eid = jdbc.sql("select id from enterprise where uscc = :u").param("u", ScreeningTestData.uscc(P, 1)).query(Long.class).single();
        assertThat(mvc.perform(get("/enterprises/" + eid).with(fx.as("fx-county"))).andReturn().getResponse().getContentAsString())
                .contains("screening-panel");
    }
}
