package org.mujun.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.mujun.common.DemoScenarioStep;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects' part of the demo (SPEC §12): in each demo county a register of projects (项目全周期) of
 * demo enterprises and outside investors, attracted over the last three years and moved along
 * 招引 → 签约 → 落地 → 开工 → 竣工 → 投产 → 达产 as far as their age allows, with completed
 * investment reported, so the project pages and their statistics have something to show.
 */
@Component
class ProjectDemoStep implements DemoScenarioStep {

    static final int PROJECTS_PER_COUNTY = 18;
    private static final String ACTOR = "demo";
    private static final String[] KINDS = {"智能制造技改项目", "新能源装备产业化项目", "数字化车间建设项目", "高端零部件扩产项目",
            "绿色低碳改造项目", "新材料生产线项目"};
    private static final String[] INVESTORS = {"长三角智造产业投资有限公司", "浙商新能源科技集团", "沪杭精密装备股份有限公司"};

    private final Projects projects;
    private final Jurisdiction jurisdiction;

    ProjectDemoStep(Projects projects, Jurisdiction jurisdiction) {
        this.projects = projects;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public int order() {
        return 16;
    }

    @Override
    public String name() {
        return "projects: a project register per county";
    }

    @Override
    @Transactional
    public String play(List<String> counties, int lastYear) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> out = new ArrayList<>();
        for (String county : counties) {
            record E(String uscc, String name, String industry) {
            }
            List<E> enterprises = jurisdiction.sql("""
                            select e.uscc, e.name, e.industry_code from enterprise e where SCOPE(e.region_code, e.uscc)
                              and e.industry_code is not null and not exists (select 1 from project p where p.uscc = e.uscc)
                            order by e.uscc limit :n""", Scope.system(county))
                    .param("n", PROJECTS_PER_COUNTY).query((rs, n) -> new E(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            int made = 0;
            for (E e : enterprises) {
                boolean outsider = made % 6 == 5;
                // planned 3,000 … 180,000 万元: some 亿元 projects, a few 10亿元 ones
                BigDecimal planned = BigDecimal.valueOf(made % 9 == 0 ? 120_000 + 7_000L * made : 3_000 + 4_200L * made);
                LocalDate since = today.minusDays(60 + 61L * made);
                String name = (outsider ? INVESTORS[made % INVESTORS.length].substring(0, 4) : shortName(e.name())) + KINDS[made % KINDS.length];
                long id = projects.register(new Projects.Form(outsider ? county : null, outsider ? null : e.uscc(),
                        outsider ? INVESTORS[made % INVESTORS.length] : null, name, e.industry(), planned, since, "演示数据 demo"), ACTOR);
                ProjectStage[] path = {ProjectStage.SIGNED, ProjectStage.LANDED, ProjectStage.STARTED, ProjectStage.COMPLETED,
                        ProjectStage.IN_PRODUCTION, ProjectStage.AT_CAPACITY};
                LocalDate on = since;
                for (ProjectStage stage : path) {
                    on = on.plusDays(75);
                    if (on.isAfter(today)) {
                        break;
                    }
                    projects.move(id, projects.find(id).project().version(), stage, on, null, ACTOR);
                    if (stage == ProjectStage.STARTED || stage == ProjectStage.COMPLETED) {
                        BigDecimal share = BigDecimal.valueOf(stage == ProjectStage.STARTED ? 0.3 : 0.9);
                        projects.report(id, projects.find(id).project().version(), on, planned.multiply(share), null, ACTOR);
                    }
                }
                made++;
            }
            out.add(county + ": " + made + " projects");
        }
        return String.join("; ", out);
    }

    private static String shortName(String enterprise) {
        String s = enterprise.replaceAll("(股份)?有限(责任)?公司$", "");
        return s.length() > 8 ? s.substring(0, 8) : s;
    }
}
