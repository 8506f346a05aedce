package org.mujun.screening;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.mujun.common.DemoScenarioStep;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Screening's part of the demo (SPEC §12): the 大数据筛选 of each demo county's last year, then a few
 * cases per county walked along the closed loop — confirmed by the town with a 核实记录 as evidence,
 * listed by the county, a 一企一方案 drafted, approved and started, one milestone already overdue —
 * so the list, the plans, the overdue list and the totals have something to show. The rest stay
 * candidates for the user to verify.
 */
@Component
class ScreeningDemoStep implements DemoScenarioStep {

    static final int WALKED_PER_COUNTY = 6;

    /**
     * The demo counties screen with the default thresholds but ask for three rules at once: with one
     * (the default), the demo's many small 规下 firms outside the zones would make two thirds of all
     * enterprises candidates; with three, about one in ten — a list a town can verify.
     */
    static final int DEMO_MIN_HITS = 3;

    private final Screenings screenings;
    private final ScreeningCases cases;
    private final RemediationPlans plans;
    private final ScreeningRuleSets ruleSets;

    ScreeningDemoStep(Screenings screenings, ScreeningCases cases, RemediationPlans plans, ScreeningRuleSets ruleSets) {
        this.ruleSets = ruleSets;
        this.screenings = screenings;
        this.cases = cases;
        this.plans = plans;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String name() {
        return "screening: 大数据筛选 run, some cases along the closed loop";
    }

    @Override
    @Transactional
    public String play(List<String> counties, int lastYear) {
        MujunUser demo = Jurisdiction.currentUser();
        LocalDate today = LocalDate.now(ScreeningCases.ZONE);
        List<String> out = new ArrayList<>();
        for (String county : counties) {
            ScreeningRules d = ScreeningRules.DEFAULTS;
            for (int year = lastYear - 2; year <= lastYear; year++) { // every data year, so a later 销号 re-screening uses the same rules
                ScreeningRuleSets.Effective current = ruleSets.effective(county, year);
                ruleSets.save(county, year, new ScreeningRules(d.taxEnabled(), d.taxTiers(), d.classDEnabled(), d.classDYears(), d.energyEnabled(),
                        d.energyShare(), d.belowScaleEnabled(), d.belowScaleMu(), d.lianggaoEnabled(), d.outsideZoneEnabled(), d.revenueEnabled(),
                        d.revenueWan(), d.revenueTaxPerMu(), d.revenueYears(), DEMO_MIN_HITS), current.own(county) ? current.version() : null,
                        demo.username());
            }
            Screenings.RunSummary run = screenings.run(county, lastYear, demo.username(), Scope.system(county));
            List<ScreeningCases.Case> candidates = cases.list(new ScreeningCases.Filter(county, lastYear, CaseState.CANDIDATE, null, false),
                    0, WALKED_PER_COUNTY, Scope.system(county)).items();
            int i = 0;
            for (ScreeningCases.Case c : candidates) {
                long id = c.id();
                act(id, CaseAction.CONFIRM, "属地核实：用地、税收、能耗数据与实际一致", List.of(evidence(c)), demo);
                if (i == WALKED_PER_COUNTY - 1) {
                    break; // confirmed, awaiting the county's review
                }
                act(id, CaseAction.LIST, null, List.of(), demo);
                if (i >= 1) {
                    Approach approach = i % 3 == 0 ? Approach.RELOCATE : i % 3 == 1 ? Approach.UPGRADE : Approach.REVITALISE;
                    plans.save(id, null, new RemediationPlans.Draft(approach,
                            "实施设备更新和工艺改造，提高产出效率；闲置厂房对外流转；落实节能降耗措施。",
                            BigDecimal.valueOf(2 + i), BigDecimal.valueOf(50L * i), BigDecimal.valueOf(120L * i), BigDecimal.valueOf(10L * i),
                            List.of(new RemediationPlans.MilestoneDraft("完成诊断评估", today.minusDays(10), "乡镇（街道）经济办"),
                                    new RemediationPlans.MilestoneDraft("完成设备改造或厂房流转", today.plusMonths(4), "企业"),
                                    new RemediationPlans.MilestoneDraft("复评达标", today.plusMonths(10), "县经信局"))), demo);
                    act(id, CaseAction.SUBMIT_PLAN, null, List.of(), demo);
                }
                if (i >= 2) {
                    act(id, CaseAction.APPROVE_PLAN, null, List.of(), demo);
                }
                if (i >= 3) {
                    act(id, CaseAction.START, null, List.of(), demo);
                }
                i++;
            }
            out.add(county + ": " + run.candidates() + " candidates, " + candidates.size() + " walked");
        }
        RemediationPlans.CheckSummary overdue = plans.check(today, demo.username());
        out.add(overdue.overdue() + " overdue milestones");
        return String.join("; ", out);
    }

    private void act(long caseId, CaseAction action, String reason, List<MultipartFile> files, MujunUser user) {
        ScreeningCases.Case c = cases.find(caseId, user.scope()).orElseThrow();
        cases.act(caseId, action, new ScreeningCases.Move(c.version(), reason, files), null, user, null);
    }

    /** A small 核实记录 workbook as the town's evidence. */
    private static MultipartFile evidence(ScreeningCases.Case c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "Mujun", "1.0");
            Worksheet ws = wb.newWorksheet("核实记录");
            ws.value(0, 0, "企业");
            ws.value(0, 1, c.name());
            ws.value(1, 0, "统一社会信用代码");
            ws.value(1, 1, c.uscc());
            ws.value(2, 0, "核实结论");
            ws.value(2, 1, "经现场核实，企业用地、税收、能耗数据属实（演示数据）");
            wb.finish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new BytesFile("核实记录-" + c.uscc() + ".xlsx", bytes.toByteArray());
    }

    private record BytesFile(String fileName, byte[] content) implements MultipartFile {
        @Override public String getName() { return "files"; }
        @Override public String getOriginalFilename() { return fileName; }
        @Override public String getContentType() { return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"; }
        @Override public boolean isEmpty() { return content.length == 0; }
        @Override public long getSize() { return content.length; }
        @Override public byte[] getBytes() { return content.clone(); }
        @Override public InputStream getInputStream() { return new ByteArrayInputStream(content); }
        @Override public void transferTo(File dest) throws IOException { java.nio.file.Files.write(dest.toPath(), content); }
    }
}
