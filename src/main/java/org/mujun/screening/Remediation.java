package org.mujun.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.enterprise.Enterprises;
import org.mujun.evaluation.EvaluationClass;
import org.mujun.evaluation.EvaluationRuns;
import org.mujun.evaluation.IllegalTransitionException;
import org.mujun.land.Parcels;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The moves of a case with their guards beyond the state (SPEC §6): a plan must exist before it is submitted;
 * 达标销号 needs a later evaluation run on which the enterprise is no longer a candidate; closure and exit mark the
 * enterprise closed; a merger (兼并重组) needs an A- or B-class acquirer and moves the enterprise's land (parcels),
 * energy and emission quotas to it, recorded in the merger ledger with the reward basis.
 */
@Component
public class Remediation {

    /** A merger ledger entry. */
    public record Merger(long id, long caseId, String regionCode, String uscc, String acquirerUscc, String acquirerName, String acquirerClass,
                         int classYear, BigDecimal landMu, BigDecimal energyTce, BigDecimal emissionT, String parcels, String rewardBasis,
                         String recordedBy, Instant recordedAt) {
    }

    private final ScreeningCases cases;
    private final RemediationPlans plans;
    private final Screenings screenings;
    private final EvaluationRuns runs;
    private final Enterprises enterprises;
    private final Parcels parcels;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Remediation(ScreeningCases cases, RemediationPlans plans, Screenings screenings, EvaluationRuns runs, Enterprises enterprises, Parcels parcels,
                JdbcClient jdbc, AuditLog audit) {
        this.cases = cases;
        this.plans = plans;
        this.screenings = screenings;
        this.runs = runs;
        this.enterprises = enterprises;
        this.parcels = parcels;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Any move but MERGE (which needs the acquirer: {@link #merge}). */
    @Transactional
    public ScreeningCases.Case act(long caseId, CaseAction action, ScreeningCases.Move move, MujunUser user) {
        Scope scope = user.scope();
        ScreeningCases.Case c = cases.find(caseId, scope).orElseThrow(() -> ScreeningCases.notFound(caseId));
        if (!ScreeningCases.mayAct(action, user)) {
            throw new AccessDeniedException("无权执行此操作 / your role may not " + action.nameEn());
        }
        c.state().apply(action); // the state's refusal first, before any other guard
        String proof = null;
        switch (action) {
            case MERGE -> throw new IllegalArgumentException("兼并重组须填写兼并方（使用兼并重组表单） / a merger needs the acquirer: use the merger form");
            case SUBMIT_PLAN, APPROVE_PLAN, RETURN_PLAN -> {
                // the history names the plan version submitted, approved or returned
                RemediationPlans.Plan p = plans.ofCase(caseId, scope).orElseThrow(() ->
                        new IllegalArgumentException("请先编制一企一方案 / draft the plan before submitting it"));
                proof = "方案版本 " + p.version() + " / plan version " + p.version();
            }
            case DELIST -> proof = delistingProof(c);
            default -> {
            }
        }
        return cases.act(caseId, action, move, proof, user, updated -> {
            if (action == CaseAction.APPROVE_PLAN) {
                plans.approved(caseId, user.username());
            }
            if (action == CaseAction.CLOSE || action == CaseAction.EXIT) {
                setStatus(updated, "CLOSED", null, user);
            }
        });
    }

    /** How many years after the screening year a later run (销号 proof) or an acquirer's class is looked for. */
    static final int LATER_YEARS = 10;

    /** The region the case was screened in (its rules apply to the re-screening). */
    String ruleRegion(ScreeningCases.Case c) {
        return c.screeningRunId() == null ? c.regionCode().substring(0, Math.min(6, c.regionCode().length()))
                : screenings.find(c.screeningRunId()).map(Screenings.RunSummary::regionCode).orElse(c.regionCode().substring(0, 6));
    }

    /** The re-screening on a later run, or a refusal saying why the enterprise cannot be delisted yet. */
    public Optional<Screenings.Recheck> recheck(ScreeningCases.Case c) {
        return screenings.recheck(c.uscc(), ruleRegion(c), c.year(), c.year() + LATER_YEARS);
    }

    private String delistingProof(ScreeningCases.Case c) {
        Screenings.Recheck r = recheck(c).orElseThrow(() -> new IllegalTransitionException("达标销号需要 " + c.year()
                + " 年之后的正式评价结果，目前没有包含该企业的后续评价 / delisting needs an official evaluation run after " + c.year()
                + " that includes the enterprise; there is none yet"));
        if (r.stillCandidate()) {
            throw new IllegalTransitionException("企业在 " + r.year() + " 年评价（批次 #" + r.evaluationRunId() + "）中仍符合列入规则："
                    + String.join("；", r.hits().stream().map(ScreeningEngine.Hit::detailZh).toList())
                    + " / the enterprise still meets the listing rules on the " + r.year() + " run #" + r.evaluationRunId() + ": "
                    + String.join("; ", r.hits().stream().map(ScreeningEngine.Hit::detailEn).toList()));
        }
        return r.proofText();
    }

    /**
     * 兼并重组: the acquirer (an enterprise in the administrator's jurisdiction, class A or B in its newest official
     * evaluation) takes over the parcels and the energy and emission quotas of the merged enterprise, whose master
     * record becomes MERGED into it. A reason (the reward basis) and the move's version are required.
     */
    @Transactional
    public ScreeningCases.Case merge(long caseId, String acquirerUscc, String rewardBasis, Integer version, List<MultipartFile> files, MujunUser user) {
        Scope scope = user.scope();
        ScreeningCases.Case c = cases.find(caseId, scope).orElseThrow(() -> ScreeningCases.notFound(caseId));
        if (!ScreeningCases.mayAct(CaseAction.MERGE, user)) {
            throw new AccessDeniedException("无权执行此操作 / your role may not merge");
        }
        c.state().apply(CaseAction.MERGE);
        if (rewardBasis == null || rewardBasis.isBlank()) {
            throw new IllegalArgumentException("请填写奖励依据 / the reward basis is required");
        }
        Enterprises.Enterprise acquirer = enterprises.findByUscc(acquirerUscc == null ? "" : acquirerUscc.trim(), scope)
                .orElseThrow(() -> new IllegalArgumentException("兼并方不存在或不在管辖范围内 / the acquirer is unknown or outside your jurisdiction"));
        if (acquirer.uscc().equals(c.uscc())) {
            throw new IllegalArgumentException("兼并方不能是企业自身 / an enterprise cannot merge into itself");
        }
        int thisYear = c.year() + LATER_YEARS;
        EvaluationRuns.ResultRow acqResult = null;
        // the acquirer's newest class: from ten years after the screening year back to five years before it
        for (int y = thisYear; y >= c.year() - 5 && acqResult == null; y--) {
            Optional<EvaluationRuns.Run> run = runs.latestOfficial(acquirer.regionCode(), y, Scope.system(acquirer.regionCode()));
            if (run.isPresent()) {
                acqResult = runs.result(run.get(), acquirer.uscc(), Scope.system(acquirer.regionCode())).orElse(null);
            }
        }
        if (acqResult == null || acqResult.finalClass() == null) {
            throw new IllegalArgumentException("兼并方没有评价等级，只有 A、B 类企业可作为兼并方 / the acquirer has no evaluation class; only class A or B may acquire");
        }
        EvaluationClass cls = acqResult.finalClass();
        int classYear = runs.find(acqResult.runId(), Scope.system(acquirer.regionCode()), null).map(r -> r.header().year()).orElse(thisYear);
        if (cls != EvaluationClass.A && cls != EvaluationClass.B) {
            throw new IllegalArgumentException("兼并方 " + classYear + " 年评价为 " + cls.name() + " 类，只有 A、B 类企业可作为兼并方 / the acquirer is class " + cls.name()
                    + " (" + classYear + "); only class A or B may acquire");
        }
        // the quotas: the merged enterprise's figures of its newest run
        BigDecimal land = BigDecimal.ZERO;
        BigDecimal energy = BigDecimal.ZERO;
        BigDecimal emission = BigDecimal.ZERO;
        for (int y = thisYear; y >= c.year(); y--) {
            Optional<EvaluationRuns.Run> run = runs.latestOfficial(c.regionCode(), y, Scope.system(c.regionCode()));
            Optional<EvaluationRuns.InputRow> in = run.flatMap(r -> runs.input(r, c.uscc(), Scope.system(c.regionCode())));
            if (in.isPresent()) {
                land = nz(Screenings.dec(in.get().input().landMu()));
                energy = nz(Screenings.dec(in.get().input().energyTce()));
                emission = nz(Screenings.dec(in.get().input().emissionsT()));
                break;
            }
        }
        final BigDecimal fLand = land;
        final BigDecimal fEnergy = energy;
        final BigDecimal fEmission = emission;
        final int fClassYear = classYear;
        return cases.act(caseId, CaseAction.MERGE, new ScreeningCases.Move(version, rewardBasis, files),
                "兼并方 " + acquirer.uscc() + " " + acquirer.name() + "（" + classYear + " 年 " + cls.name() + " 类）", user, updated -> {
                    List<String> moved = parcels.transferOwnership(c.uscc(), acquirer.uscc(), Scope.system(c.regionCode()));
                    long id = jdbc.sql("""
                                    insert into screening_merger (case_id, region_code, uscc, acquirer_uscc, acquirer_name, acquirer_class, class_year,
                                      land_mu, energy_tce, emission_t, parcels, reward_basis, recorded_by)
                                    values (:c, :r, :u, :a, :an, :ac, :cy, :l, :e, :em, :p, :rb, :by) returning id""")
                            .param("c", caseId).param("r", c.regionCode()).param("u", c.uscc()).param("a", acquirer.uscc()).param("an", acquirer.name())
                            .param("ac", cls.name()).param("cy", fClassYear).param("l", fLand).param("e", fEnergy).param("em", fEmission)
                            .param("p", String.join(",", moved)).param("rb", rewardBasis.strip()).param("by", user.username()).query(Long.class).single();
                    audit.append(user.username(), "SCREENING_MERGER", "screening-merger:" + id, c.uscc() + " → " + acquirer.uscc() + " class " + cls.name()
                            + " land " + fLand + " mu, energy " + fEnergy + " tce, emission " + fEmission + " t, parcels " + moved + "; basis: " + rewardBasis.strip());
                    setStatus(updated, "MERGED", acquirer.uscc(), user);
                });
    }

    public Optional<Merger> merger(long caseId, Scope scope) {
        return cases.find(caseId, scope).flatMap(c -> jdbc.sql("select * from screening_merger where case_id = :c").param("c", caseId)
                .query((rs, n) -> new Merger(rs.getLong("id"), rs.getLong("case_id"), rs.getString("region_code"), rs.getString("uscc"),
                        rs.getString("acquirer_uscc"), rs.getString("acquirer_name"), rs.getString("acquirer_class"), rs.getInt("class_year"),
                        rs.getBigDecimal("land_mu").stripTrailingZeros(), rs.getBigDecimal("energy_tce").stripTrailingZeros(),
                        rs.getBigDecimal("emission_t").stripTrailingZeros(), rs.getString("parcels"), rs.getString("reward_basis"),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant())).optional());
    }

    /** The enterprise master record follows the case: closed, or merged into the acquirer. */
    private void setStatus(ScreeningCases.Case c, String status, String mergedInto, MujunUser user) {
        Scope system = Scope.system(c.regionCode());
        enterprises.findByUscc(c.uscc(), system).ifPresent(e -> enterprises.update(e.id(), new Enterprises.Update(e.name(), e.regionCode(), e.zoneId(),
                e.industryCode(), e.sizeClass(), status, mergedInto, e.flags(), e.version()), system, user.username()));
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
