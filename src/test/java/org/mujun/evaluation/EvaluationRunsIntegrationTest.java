package org.mujun.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mujun.evaluation.EvaluationTestData.TOWN;
import static org.mujun.evaluation.EvaluationTestData.YEAR;
import static org.mujun.evaluation.EvaluationTestData.as;
import static org.mujun.evaluation.EvaluationTestData.uscc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.mujun.evaluation.EvaluationRuns.ResultQuery;
import org.mujun.evaluation.EvaluationRuns.ResultRow;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs stored in PostgreSQL: the hand-worked population, the input hash, immutability, serialisation, no-data refusal. */
@MujunIntegrationTest
class EvaluationRunsIntegrationTest {

    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationSchemes schemes;
    @Autowired EvaluationRuns runs;
    @Autowired EvaluationInputs inputs;

    @BeforeEach
    void data() {
        EvaluationTestData.install(jdbc);
    }

    /** The published hand-worked scheme of the test town (created once). */
    SchemeVersion published() {
        return as(fx, "fx-county", () -> schemes.latestPublished(TOWN, YEAR, Scope.system(TOWN)).orElseGet(() -> {
            SchemeVersion d = schemes.draft(TOWN, YEAR, Scope.system(TOWN)).orElseGet(() -> schemes.createDraft(EvaluationTestData.scheme(), "fx-county"));
            return schemes.publish(d.id(), d.lockVersion(), "fx-county");
        }));
    }

    Run officialRun() {
        long id = published().id();
        return as(fx, "fx-county", () -> runs.run(id, "fx-county"));
    }

    @Test
    void storedRunMatchesTheHandWorkedPopulation() {
        Run run = officialRun();
        assertThat(run.header().kind()).isEqualTo(RunKind.OFFICIAL);
        assertThat(run.header().status()).isEqualTo(RunStatus.COMPUTED);
        assertThat(run.header().inputCount()).isEqualTo(13);
        assertThat(run.header().gradedCount()).isEqualTo(10);
        assertThat(run.header().exemptCount()).isEqualTo(2);
        assertThat(run.header().notEvaluatedCount()).isEqualTo(1);
        EvaluationResult.PopulationSummary p = run.population(PopulationKind.ABOVE);
        // b1 = 1000/100 = 10 万元/亩, b2 = 3000/100 = 30, b3 = 2650/26.5 = 100 (E04 without emissions left out)
        assertThat(p.benchmark(IndicatorKind.TAX_PER_MU).scopes().get(0).value()).isCloseTo(10, within(1e-9));
        assertThat(p.benchmark(IndicatorKind.VALUE_ADDED_PER_MU).scopes().get(0).value()).isCloseTo(30, within(1e-9));
        assertThat(p.benchmark(IndicatorKind.VALUE_ADDED_PER_EMISSION).scopes().get(0).value()).isCloseTo(100, within(1e-9));
        assertThat(p.benchmark(IndicatorKind.VALUE_ADDED_PER_EMISSION).missingScore()).isCloseTo(177.625 / 9, within(1e-9));

        List<ResultRow> rows = as(fx, "fx-county", () -> runs.results(run.id(), ResultQuery.firstPage()).items());
        List<String> order = new ArrayList<>();
        StringBuilder classes = new StringBuilder();
        for (ResultRow r : rows) {
            if (r.outcome() == Outcome.GRADED) {
                order.add("E" + r.uscc().substring(15, 17));
                classes.append(r.finalClass());
            }
        }
        // EvaluationUnitTest: order E01 E02 E04 E03 E05 E06 E07 E08 E09 E10, classes A A B B B B B C C D by rank
        assertThat(String.join(" ", order)).isEqualTo("E01 E02 E04 E03 E05 E06 E07 E08 E09 E10");
        assertThat(classes.toString()).isEqualTo("AABBBBBCCD");
        ResultRow e4 = rows.stream().filter(r -> r.uscc().equals(uscc(4))).findFirst().orElseThrow();
        assertThat(e4.totalText()).isEqualTo("114.74");
        assertThat(e4.indicators().get(2).missing()).isTrue();
        assertThat(e4.indicators().get(2).averageApplied()).isTrue();
        assertThat(e4.indicators().get(0).unit()).isEqualTo("万元/亩");
        ResultRow e3 = rows.stream().filter(r -> r.uscc().equals(uscc(3))).findFirst().orElseThrow();
        assertThat(e3.adjustments()).singleElement().satisfies(a -> assertThat(a.points()).isEqualTo(-10));
        assertThat(e3.industryRank()).isEqualTo(4);
        assertThat(e3.industrySize()).isEqualTo(5);
        ResultRow e11 = rows.stream().filter(r -> r.uscc().equals(uscc(11))).findFirst().orElseThrow();
        assertThat(e11.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(e11.managedAs()).isEqualTo(EvaluationClass.B);
        assertThat(e11.reasonZh()).isEqualTo("注册未满2年");
        ResultRow e12 = rows.stream().filter(r -> r.uscc().equals(uscc(12))).findFirst().orElseThrow();
        assertThat(e12.reasonEn()).contains("within 3 years of land transfer");
        ResultRow e13 = rows.stream().filter(r -> r.uscc().equals(uscc(13))).findFirst().orElseThrow();
        assertThat(e13.outcome()).isEqualTo(Outcome.NOT_EVALUATED);

        // the stored inputs reproduce the run exactly
        List<EnterpriseInput> stored = runs.inputs(run.id(), Scope.system(TOWN));
        assertThat(EvaluationInputs.hash(stored)).isEqualTo(run.header().inputHash());
        EvaluationResult again = Evaluation.run(run.scheme(), stored);
        for (ResultRow r : rows) {
            if (r.total() != null) {
                assertThat(again.enterprise(r.uscc()).orElseThrow().total()).isEqualTo(r.total());
            }
        }
        EvaluationInputs.Row in3 = inputs.load(EvaluationTestData.scheme()).rows().stream().filter(r -> r.input().uscc().equals(uscc(3)))
                .findFirst().orElseThrow();
        assertThat(in3.input().landMu()).isEqualTo(10.0);
        assertThat(in3.input().tenantCount()).isEqualTo(3);
        assertThat(in3.sizeSource()).isEqualTo("STATS");
    }

    @Test
    void inputHashIsStableAndFollowsTheData() {
        Scheme s = EvaluationTestData.scheme();
        String h1 = inputs.load(s).hash();
        assertThat(inputs.load(s).hash()).isEqualTo(h1);
        assertThat(h1).matches("[0-9a-f]{64}");
        String u = uscc(5);
        try {
            jdbc.sql("update tax_record set total_tax = 100.0001 where uscc = :u and year = :y").param("u", u).param("y", YEAR).update();
            assertThat(inputs.load(s).hash()).isNotEqualTo(h1);
        } finally {
            jdbc.sql("update tax_record set total_tax = 100 where uscc = :u and year = :y").param("u", u).param("y", YEAR).update();
        }
        assertThat(inputs.load(s).hash()).isEqualTo(h1);
        // the canonical line of one row, as documented
        EnterpriseInput e = EnterpriseInput.builder("X").region("331082107").industry("C26").registeredOn(java.time.LocalDate.of(2010, 1, 1))
                .flags("高新技术", "a,b").land(10.0).tax(1.5).build();
        assertThat(EvaluationInputs.canonical(e))
                .isEqualTo("X|331082107|C26|ABOVE|OPERATING|2010-01-01|a\\,b,高新技术|false|0|4024000000000000|3ff8000000000000||||||||||||||\n");
    }

    @Test
    void rowsOfARunNeverChange() {
        Run run = officialRun();
        assertThatThrownBy(() -> jdbc.sql("update evaluation_result set total = 0 where run_id = :r").param("r", run.id()).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from evaluation_run_input where run_id = :r").param("r", run.id()).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("update evaluation_run set input_hash = repeat('0', 64) where id = :r").param("r", run.id()).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from evaluation_run where id = :r").param("r", run.id()).update())
                .hasMessageContaining("immutable");
        // the status may change (the publication workflow)
        assertThat(jdbc.sql("update evaluation_run set status = 'COMPUTED', status_changed_by = 'test' where id = :r").param("r", run.id()).update())
                .isEqualTo(1);
        SchemeVersion pub = published();
        assertThatThrownBy(() -> jdbc.sql("update evaluation_scheme set name = 'x' where id = :id").param("id", pub.id()).update())
                .hasMessageContaining("published");
    }

    @Test
    void concurrentRunsOfOneSchemeAreSerialised() throws Exception {
        long schemeId = published().id();
        CountDownLatch firstComputed = new CountDownLatch(1);
        runs.phaseHook = phase -> {
            if (phase.equals("computed") && firstComputed.getCount() > 0) {
                firstComputed.countDown();
                sleep(700); // hold the lock: the second run must wait for the commit
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> a = pool.submit(() -> as(fx, "fx-county", () -> runs.run(schemeId, "fx-county")));
            assertThat(firstComputed.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Run> b = pool.submit(() -> as(fx, "fx-county", () -> runs.run(schemeId, "fx-county")));
            Run ra = a.get(60, TimeUnit.SECONDS);
            Run rb = b.get(60, TimeUnit.SECONDS);
            // the second waited for the first's lock (it was submitted while the first held it)
            assertThat(rb.timings().lockWaitMs()).isGreaterThanOrEqualTo(300);
            assertThat(rb.id()).isGreaterThan(ra.id());
            assertThat(rb.header().inputHash()).isEqualTo(ra.header().inputHash());
        } finally {
            runs.phaseHook = p -> { };
            pool.shutdownNow();
        }
    }

    @Test
    void aYearWithoutDataAndADraftOfficialRunAreRefusedWithAMessage() {
        SchemeVersion empty = as(fx, "fx-county", () -> schemes.openDefault(EvaluationTestData.EMPTY_TOWN, YEAR, "fx-county"));
        assertThatThrownBy(() -> as(fx, "fx-county", () -> runs.run(empty.id(), RunKind.WHAT_IF, "fx-county")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("没有任何企业数据").hasMessageContaining("no data for 2031 in 331082108");
        assertThatThrownBy(() -> as(fx, "fx-county", () -> runs.run(empty.id(), RunKind.OFFICIAL, "fx-county")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an official run needs a published scheme version");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
