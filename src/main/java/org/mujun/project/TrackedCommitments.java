package org.mujun.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mujun.audit.AuditLog;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;
import org.mujun.land.EnterpriseFigures;
import org.mujun.land.StandardLandContract;
import org.mujun.land.StandardLandEvents;
import org.mujun.project.Commitments.ClawbackMode;
import org.mujun.project.Commitments.SourceKind;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every commitment an enterprise made (SPEC §7), tracked and evaluated with {@link Commitments}:
 * <ul>
 * <li>a 标准地 contract's commitment is created with the contract (its committed indicators due on the
 * agreed review date) and measured only by the contract's 达产复核 figures: it waits (AWAITING) until a
 * review is recorded;</li>
 * <li>a subsidy's (or other) conditions are entered by an official; each condition is measured by the
 * figure an official reported, else by the enterprise's data for the condition's data year (by default
 * the latest year with data, not after the deadline's year).</li>
 * </ul>
 * Evaluated on demand and daily ({@code mujun.project.commitment-check-cron}); MET and BREACHED are
 * final for the daily run. The first breach puts the enterprise on the 失信 list with the clawback of
 * the benefits received ({@link CreditRecords}).
 */
@Component
class TrackedCommitments {

    private static final Logger log = LoggerFactory.getLogger(TrackedCommitments.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What a condition can measure: the 标准地 indicators and a few totals; some only by a reported figure. */
    enum Indicator {
        INVESTMENT_INTENSITY("万元/亩", false), FLOOR_AREA_RATIO("", false), TAX_PER_MU("万元/亩", true), VALUE_ADDED_PER_MU("万元/亩", true),
        VALUE_ADDED_PER_ENERGY("万元/tce", true), ENERGY_PER_VALUE_ADDED("tce/万元", true), VALUE_ADDED_PER_EMISSION("万元/t", true),
        RD_SHARE("%", true), TAX("万元", true), REVENUE("万元", true), VALUE_ADDED("万元", true), INVESTMENT("万元", false), EMPLOYEES("人", false);

        final String unit;
        final boolean fromData;

        Indicator(String unit, boolean fromData) {
            this.unit = unit;
            this.fromData = fromData;
        }

        public String getUnit() {
            return unit;
        }

        public boolean isFromData() {
            return fromData;
        }
    }

    record Condition(long id, String indicator, String name, String direction, BigDecimal threshold, LocalDate deadline, Integer dataYear,
                     BigDecimal reportedActual, String reportedReason) {
    }

    record Benefit(long id, BigDecimal amountWan, LocalDate receivedOn, String description) {
    }

    record Evaluation(long id, LocalDate asOf, String status, boolean breached, BigDecimal sharePercent, BigDecimal principalWan,
                      BigDecimal interestWan, BigDecimal clawbackWan, List<String> detail, String by, Instant at) {
    }

    record Row(long id, String uscc, String enterpriseName, Long enterpriseId, String regionCode, String sourceKind, String reference,
               Long contractId, String clawbackMode, BigDecimal interestPercent, int dayCountBasis, String status, LocalDate lastEvaluatedOn,
               int version) {
    }

    record Detail(Row commitment, String note, String createdBy, Instant createdAt, List<Condition> conditions, List<Benefit> benefits,
                  List<Evaluation> evaluations) {
    }

    record ConditionForm(String indicator, String name, Commitments.Direction direction, BigDecimal threshold, LocalDate deadline, Integer dataYear) {
    }

    record BenefitForm(BigDecimal amountWan, LocalDate receivedOn, String description) {
    }

    record Form(String uscc, SourceKind sourceKind, String reference, ClawbackMode clawbackMode, BigDecimal interestPercent, Integer dayCountBasis,
                String note, List<ConditionForm> conditions, List<BenefitForm> benefits) {
    }

    record Page(List<Row> items, int page, int size, long total) {
    }

    record Outcome(long commitmentId, String status, boolean breached, BigDecimal clawbackWan, boolean recorded, List<String> detail) {
    }

    record RunSummary(LocalDate asOf, int evaluated, int met, int breached, int pending) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final EnterpriseFigures figures;
    private final CreditRecords credit;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    TrackedCommitments(JdbcClient jdbc, Jurisdiction jurisdiction, EnterpriseFigures figures, CreditRecords credit, AuditLog audit,
                       PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.figures = figures;
        this.credit = credit;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- reading

    private static final String SELECT = "select c.*, e.name ename, e.id eid from commitment c left join enterprise e on e.uscc = c.uscc ";

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("uscc"), rs.getString("ename"), rs.getObject("eid", Long.class), rs.getString("region_code"),
                rs.getString("source_kind"), rs.getString("reference"), rs.getObject("contract_id", Long.class), rs.getString("clawback_mode"),
                rs.getBigDecimal("interest_percent"), rs.getInt("day_count_basis"), rs.getString("status"),
                rs.getObject("last_evaluated_on", LocalDate.class), rs.getInt("version"));
    }

    Page list(String regionPrefix, String status, String sourceKind, String q, String uscc, int page, int size, Scope scope) {
        String where = "where SCOPE(c.region_code, c.uscc) and c.region_code like :rp and (cast(:st as text) is null or c.status = :st)"
                + " and (cast(:sk as text) is null or c.source_kind = :sk)"
                + " and (cast(:q as text) is null or e.name ilike :q or c.uscc like :q or c.reference ilike :q)"
                + " and (cast(:u as text) is null or c.uscc = :u)";
        String rp = (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
        String st = status == null || status.isBlank() ? null : status;
        String sk = sourceKind == null || sourceKind.isBlank() ? null : sourceKind;
        String qq = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        long total = jurisdiction.sql("select count(*) from commitment c left join enterprise e on e.uscc = c.uscc " + where, scope)
                .param("rp", rp).param("st", st).param("sk", sk).param("q", qq).param("u", uscc).query(Long.class).single();
        List<Row> items = jurisdiction.sql(SELECT + where + " order by c.id desc limit :lim offset :off", scope)
                .param("rp", rp).param("st", st).param("sk", sk).param("q", qq).param("u", uscc).param("lim", size).param("off", (long) page * size)
                .query(TrackedCommitments::map).list();
        return new Page(items, page, size, total);
    }

    Page list(String regionPrefix, String status, String sourceKind, String q, int page, int size) {
        return list(regionPrefix, status, sourceKind, q, null, page, size, jurisdiction.current());
    }

    Detail find(long id) {
        return find(id, jurisdiction.current());
    }

    Detail find(long id, Scope scope) {
        Row r = jurisdiction.sql(SELECT + "where SCOPE(c.region_code, c.uscc) and c.id = :id", scope).param("id", id)
                .query(TrackedCommitments::map).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "承诺不存在 / commitment not found"));
        record Meta(String note, String by, Instant at) {
        }
        Meta m = jdbc.sql("select note, created_by, created_at from commitment where id = :id").param("id", id)
                .query((rs, n) -> new Meta(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).single();
        List<Condition> conditions = jdbc.sql("select * from commitment_condition where commitment_id = :id order by id").param("id", id)
                .query((rs, n) -> {
                    int y = rs.getInt("data_year");
                    Integer dataYear = rs.wasNull() ? null : y;
                    return new Condition(rs.getLong("id"), rs.getString("indicator"), rs.getString("name"), rs.getString("direction"),
                            rs.getBigDecimal("threshold"), rs.getObject("deadline", LocalDate.class), dataYear, rs.getBigDecimal("reported_actual"),
                            rs.getString("reported_reason"));
                }).list();
        List<Benefit> benefits = jdbc.sql("select * from commitment_benefit where commitment_id = :id order by received_on, id").param("id", id)
                .query((rs, n) -> new Benefit(rs.getLong("id"), rs.getBigDecimal("amount_wan"), rs.getObject("received_on", LocalDate.class),
                        rs.getString("description"))).list();
        List<Evaluation> evaluations = jdbc.sql("select * from commitment_evaluation where commitment_id = :id order by id desc limit 100")
                .param("id", id).query((rs, n) -> new Evaluation(rs.getLong("id"), rs.getObject("as_of", LocalDate.class), rs.getString("status"),
                        rs.getBoolean("breached"), rs.getBigDecimal("share_percent"), rs.getBigDecimal("principal_wan"), rs.getBigDecimal("interest_wan"),
                        rs.getBigDecimal("clawback_wan"), List.of(rs.getString("detail").split("\n")), rs.getString("evaluated_by"),
                        rs.getTimestamp("evaluated_at").toInstant())).list();
        if (ProjectWeb.maskTax()) {
            // SPEC §11: the town officer sees no tax figures (conditions on tax and their evaluation lines)
            java.util.Set<String> taxNames = new java.util.HashSet<>();
            conditions = conditions.stream().map(c -> {
                if (!TAX_INDICATORS.contains(c.indicator())) {
                    return c;
                }
                taxNames.add(c.name());
                return new Condition(c.id(), c.indicator(), c.name(), c.direction(), c.threshold(), c.deadline(), c.dataYear(), null,
                        c.reportedReason() == null ? null : "***");
            }).toList();
            evaluations = evaluations.stream().map(e -> new Evaluation(e.id(), e.asOf(), e.status(), e.breached(), e.sharePercent(), e.principalWan(),
                    e.interestWan(), e.clawbackWan(), e.detail().stream().map(line -> taxNames.stream().anyMatch(n -> line.startsWith(n + "："))
                    ? line.substring(0, line.indexOf('：') + 1) + "*** / masked" : line).toList(), e.by(), e.at())).toList();
        }
        return new Detail(r, m.note(), m.by(), m.at(), conditions, benefits, evaluations);
    }

    static final java.util.Set<String> TAX_INDICATORS = java.util.Set.of("TAX", "TAX_PER_MU");

    // ---------------------------------------------------------------- writing

    /** A subsidy's (or other) commitment entered by an official. 标准地 commitments come with their contracts. */
    @Transactional
    long create(Form f, String actor) {
        if (f.sourceKind() == null || f.sourceKind() == SourceKind.STANDARD_LAND) {
            throw new IllegalArgumentException("请选择来源：补助兑现条件或其他承诺（标准地承诺随合同登记） / choose SUBSIDY or OTHER (standard-land commitments come with the contract)");
        }
        String uscc = Uscc.normalise(f.uscc());
        String region = jurisdiction.sql("select e.region_code from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = :u")
                .param("u", uscc == null ? "" : uscc).query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("企业 " + f.uscc() + " 不存在或不在管辖范围内 / enterprise not found in your jurisdiction"));
        Commitments.ClawbackRule d = Commitments.ClawbackRule.defaults();
        Commitments.ClawbackRule rule = new Commitments.ClawbackRule(f.clawbackMode() != null ? f.clawbackMode() : d.mode(),
                f.interestPercent() != null ? f.interestPercent() : d.annualInterestPercent(), f.dayCountBasis() != null ? f.dayCountBasis() : d.dayCountBasis());
        List<ConditionForm> conditions = f.conditions() == null ? List.of() : f.conditions();
        // validate through the engine's records
        new Commitments.Commitment("new", new Uscc(uscc), new Commitments.Source(f.sourceKind(), f.reference()),
                conditions.stream().map(TrackedCommitments::engineCondition).toList(),
                (f.benefits() == null ? List.<BenefitForm>of() : f.benefits()).stream().map(TrackedCommitments::engineBenefit).toList(), rule);
        long id = jdbc.sql("""
                        insert into commitment (uscc, region_code, source_kind, reference, clawback_mode, interest_percent, day_count_basis, status, note, created_by)
                        values (:u, :r, :sk, :ref, :mode, :rate, :basis, 'PENDING', :note, :by) returning id""")
                .param("u", uscc).param("r", region).param("sk", f.sourceKind().name()).param("ref", f.reference() == null ? "" : f.reference().trim())
                .param("mode", rule.mode().name()).param("rate", rule.annualInterestPercent()).param("basis", rule.dayCountBasis())
                .param("note", ProjectWeb.blankToNull(f.note())).param("by", actor).query(Long.class).single();
        for (ConditionForm c : conditions) {
            insertCondition(id, c);
        }
        for (BenefitForm b : f.benefits() == null ? List.<BenefitForm>of() : f.benefits()) {
            insertBenefit(id, b);
        }
        audit.append(actor, "COMMITMENT_CREATE", "commitment:" + id, f.sourceKind().nameZh() + " " + (f.reference() == null ? "" : f.reference()) + "，企业 "
                + uscc + "，条件 " + conditions.size() + " 项，兑现 " + (f.benefits() == null ? 0 : f.benefits().size()) + " 笔");
        return id;
    }

    static Commitments.Condition engineCondition(ConditionForm c) {
        if (c.indicator() == null) {
            throw new IllegalArgumentException("承诺条件缺少指标 / a condition needs an indicator");
        }
        Indicator i;
        try {
            i = Indicator.valueOf(c.indicator());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知指标 / unknown indicator: " + c.indicator());
        }
        if (c.deadline() == null) {
            throw new IllegalArgumentException("承诺条件缺少期限 / a condition needs a deadline");
        }
        if (c.dataYear() != null && (c.dataYear() < 1990 || c.dataYear() > c.deadline().getYear())) {
            throw new IllegalArgumentException("数据年度应不晚于期限年度 / the data year must not be after the deadline's year");
        }
        return new Commitments.Condition(i.name(), c.name(), c.direction(), c.threshold(), c.deadline());
    }

    static Commitments.Benefit engineBenefit(BenefitForm b) {
        return new Commitments.Benefit(b.amountWan() == null ? null : new WanYuan(b.amountWan()), b.receivedOn(), b.description());
    }

    private void insertCondition(long id, ConditionForm c) {
        Commitments.Condition e = engineCondition(c);
        jdbc.sql("insert into commitment_condition (commitment_id, indicator, name, direction, threshold, deadline, data_year) values (:id, :i, :n, :d, :t, :dl, :y)")
                .param("id", id).param("i", e.indicator()).param("n", e.name()).param("d", e.direction().name()).param("t", e.threshold())
                .param("dl", e.deadline()).param("y", c.dataYear()).update();
    }

    private void insertBenefit(long id, BenefitForm b) {
        Commitments.Benefit e = engineBenefit(b);
        jdbc.sql("insert into commitment_benefit (commitment_id, amount_wan, received_on, description) values (:id, :a, :d, :x)")
                .param("id", id).param("a", e.amount().value()).param("d", e.receivedOn()).param("x", e.description()).update();
    }

    @Transactional
    void addBenefit(long id, int version, BenefitForm b, String actor) {
        Detail d = find(id);
        bump(d.commitment(), version);
        insertBenefit(id, b);
        audit.append(actor, "COMMITMENT_BENEFIT", "commitment:" + id, "兑现 / benefit " + b.amountWan() + " 万元，" + b.receivedOn() + "，" + b.description());
    }

    /** An official's figure for a condition (with a reason); replaces the data figure in evaluations. */
    @Transactional
    void reportActual(long id, int version, long conditionId, BigDecimal value, String reason, String actor) {
        Detail d = find(id);
        if (d.commitment().contractId() != null) {
            throw new IllegalArgumentException("标准地承诺按合同达产复核的实际值评价，请在合同复核中调整 / a standard-land commitment is measured by its contract's review");
        }
        Condition c = d.conditions().stream().filter(x -> x.id() == conditionId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "承诺条件不存在 / condition not found"));
        if (value != null && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("填报实际值须写明原因或来源 / a reported figure needs a reason or source");
        }
        bump(d.commitment(), version);
        jdbc.sql("update commitment_condition set reported_actual = :v, reported_reason = :why where id = :id")
                .param("v", value).param("why", value == null ? null : reason.trim()).param("id", conditionId).update();
        audit.append(actor, "COMMITMENT_ACTUAL", "commitment:" + id, c.name() + "：" + c.reportedActual() + " → " + value + (reason == null ? "" : "（" + reason.trim() + "）"));
    }

    private void bump(Row r, int version) {
        int n = jdbc.sql("update commitment set version = version + 1 where id = :id and version = :v").param("id", r.id()).param("v", version).update();
        if (n == 0 || r.version() != version) {
            throw new OptimisticLockingFailureException("commitment " + r.id() + " was changed by someone else");
        }
    }

    // ---------------------------------------------------------------- 标准地 contracts

    @EventListener
    void onContractTerms(StandardLandEvents.ContractTermsSaved e) {
        Long existing = jdbc.sql("select id from commitment where contract_id = :c").param("c", e.contractId()).query(Long.class).optional().orElse(null);
        long id;
        if (existing == null) {
            Commitments.ClawbackRule d = Commitments.ClawbackRule.defaults();
            id = jdbc.sql("""
                            insert into commitment (uscc, region_code, source_kind, reference, contract_id, clawback_mode, interest_percent, day_count_basis,
                              status, created_by)
                            values (:u, :r, 'STANDARD_LAND', :ref, :c, :mode, :rate, :basis, 'AWAITING', :by) returning id""")
                    .param("u", e.uscc()).param("r", e.regionCode()).param("ref", e.contractNo()).param("c", e.contractId())
                    .param("mode", d.mode().name()).param("rate", d.annualInterestPercent()).param("basis", d.dayCountBasis()).param("by", e.actor())
                    .query(Long.class).single();
            audit.append(e.actor(), "COMMITMENT_CREATE", "commitment:" + id, "标准地协议 " + e.contractNo() + "：" + e.commitments());
        } else {
            id = existing;
            jdbc.sql("update commitment set uscc = :u, region_code = :r, reference = :ref, version = version + 1 where id = :id")
                    .param("u", e.uscc()).param("r", e.regionCode()).param("ref", e.contractNo()).param("id", id).update();
            jdbc.sql("delete from commitment_condition where commitment_id = :id").param("id", id).update();
            audit.append(e.actor(), "COMMITMENT_AMEND", "commitment:" + id, "标准地协议 " + e.contractNo() + " 条款修改：" + e.commitments());
        }
        for (Map.Entry<StandardLandContract.Indicator, BigDecimal> c : e.commitments().entrySet()) {
            StandardLandContract.Indicator i = c.getKey();
            jdbc.sql("insert into commitment_condition (commitment_id, indicator, name, direction, threshold, deadline) values (:id, :i, :n, :d, :t, :dl)")
                    .param("id", id).param("i", i.name()).param("n", i.nameZh()).param("d", i.direction() == StandardLandContract.Direction.HIGHER_IS_BETTER
                            ? "AT_LEAST" : "AT_MOST").param("t", c.getValue()).param("dl", e.agreedReview()).update();
        }
    }

    @EventListener
    void onReview(StandardLandEvents.ReviewRecorded e) {
        credit.recordReview(e);
        Long id = jdbc.sql("select id from commitment where contract_id = :c").param("c", e.contractId()).query(Long.class).optional().orElse(null);
        if (id == null) {
            return;
        }
        String why = (e.round() == 1 ? "达产复核" : "第 " + e.round() + " 次复核") + " " + e.reviewedOn() + " / capacity review";
        for (Condition c : find(id, Scope.system("")).conditions()) {
            BigDecimal actual = null;
            for (Map.Entry<StandardLandContract.Indicator, BigDecimal> a : e.actuals().entrySet()) {
                if (a.getKey().name().equals(c.indicator())) {
                    actual = a.getValue();
                }
            }
            jdbc.sql("update commitment_condition set reported_actual = :v, reported_reason = :why where id = :id")
                    .param("v", actual).param("why", actual == null ? "复核无数据 / no figure at the review" : why).param("id", c.id()).update();
        }
        jdbc.sql("update commitment set status = case when status = 'AWAITING' then 'PENDING' else status end, version = version + 1 where id = :id")
                .param("id", id).update();
        evaluate(id, e.reviewedOn(), e.actor(), Scope.system(""), true);
    }

    // ---------------------------------------------------------------- evaluating

    /** Evaluates one commitment on demand (always recorded). */
    @Transactional
    Outcome evaluate(long id, LocalDate asOf, String actor) {
        return evaluate(id, asOf, actor, jurisdiction.current(), true);
    }

    /** The daily evaluation of every commitment still open (PENDING), across all regions. */
    @Scheduled(cron = "${mujun.project.commitment-check-cron:0 45 1 * * *}", zone = "Asia/Shanghai")
    void daily() {
        // called on this instance, not through the proxy: open the run's transaction here
        RunSummary s = transaction.execute(t -> evaluateAll(LocalDate.now(ZONE), "system", Scope.system("")));
        log.info("commitment check as of {}: {} evaluated, {} met, {} breached, {} pending", s.asOf(), s.evaluated(), s.met(), s.breached(), s.pending());
    }

    @Transactional
    RunSummary evaluateAll(LocalDate asOf, String actor, Scope scope) {
        List<Long> ids = jurisdiction.sql("select c.id from commitment c where SCOPE(c.region_code, c.uscc) and c.status = 'PENDING' order by c.id", scope)
                .query(Long.class).list();
        int met = 0;
        int breached = 0;
        int pending = 0;
        for (long id : ids) {
            Outcome o = evaluate(id, asOf, actor, scope, false);
            switch (o.status()) {
                case "MET" -> met++;
                case "BREACHED" -> breached++;
                default -> pending++;
            }
        }
        audit.append(actor, "COMMITMENT_CHECK", "commitment", "截至 / as of " + asOf + "：评价 " + ids.size() + "，达到 " + met + "，违约 " + breached + "，未到期 " + pending);
        return new RunSummary(asOf, ids.size(), met, breached, pending);
    }

    private Outcome evaluate(long id, LocalDate asOf, String actor, Scope scope, boolean alwaysRecord) {
        if (asOf == null) {
            throw new IllegalArgumentException("请填写评价日期 / the evaluation date is required");
        }
        Detail d = find(id, scope);
        Row r = d.commitment();
        if ("AWAITING".equals(r.status())) {
            List<String> detail = List.of("等待标准地合同 " + r.reference() + " 的达产复核 / awaiting the capacity review of contract " + r.reference());
            if (alwaysRecord) {
                record(id, asOf, "AWAITING", false, null, detail, actor);
            }
            return new Outcome(id, "AWAITING", false, null, alwaysRecord, detail);
        }
        Map<String, BigDecimal> actuals = new HashMap<>();
        List<String> detail = new ArrayList<>();
        Map<Integer, EnterpriseFigures.Figures> byYear = new HashMap<>();
        for (Condition c : d.conditions()) {
            if (c.reportedActual() != null || r.contractId() != null) {
                if (c.reportedActual() != null) {
                    actuals.put(c.indicator(), c.reportedActual());
                }
                detail.add(c.name() + "：" + (c.reportedActual() == null ? "无数据 / none" : c.reportedActual().toPlainString())
                        + "（" + (c.reportedReason() == null ? "" : c.reportedReason()) + "）");
                continue;
            }
            Indicator ind = Indicator.valueOf(c.indicator());
            if (!ind.fromData) {
                detail.add(c.name() + "：未填报 / not reported");
                continue;
            }
            Integer year = c.dataYear() != null ? c.dataYear() : latestDataYear(r.uscc(), c.deadline().getYear());
            if (year == null) {
                detail.add(c.name() + "：无数据 / no data");
                continue;
            }
            EnterpriseFigures.Figures f = byYear.computeIfAbsent(year, y -> figures.of(r.uscc(), y, Scope.system(r.regionCode())).orElse(null));
            BigDecimal v = f == null ? null : f.indicator(c.indicator());
            if (v != null) {
                actuals.put(c.indicator(), v);
            }
            detail.add(c.name() + "：" + (v == null ? "无数据 / no data" : v.toPlainString()) + "（" + year + " 年数据 / data of " + year + "）");
        }
        Commitments.Commitment c = new Commitments.Commitment(Long.toString(id), new Uscc(r.uscc()),
                new Commitments.Source(SourceKind.valueOf(r.sourceKind()), r.reference()),
                d.conditions().stream().map(x -> new Commitments.Condition(x.indicator(), x.name(), Commitments.Direction.valueOf(x.direction()),
                        x.threshold(), x.deadline())).toList(),
                d.benefits().stream().map(b -> new Commitments.Benefit(new WanYuan(b.amountWan()), b.receivedOn(), b.description())).toList(),
                new Commitments.ClawbackRule(ClawbackMode.valueOf(r.clawbackMode()), r.interestPercent(), r.dayCountBasis()));
        Commitments.Evaluation ev = Commitments.evaluate(c, actuals, asOf);
        boolean allMet = ev.conditions().stream().allMatch(x -> x.status() == Commitments.ConditionStatus.MET);
        String status = ev.breached() ? "BREACHED" : allMet ? "MET" : "PENDING";
        for (Commitments.ConditionResult cr : ev.conditions()) {
            detail.add(cr.condition().name() + " " + (cr.condition().direction() == Commitments.Direction.AT_LEAST ? "≥ " : "≤ ")
                    + cr.condition().threshold().toPlainString() + "（" + cr.condition().deadline() + "）：" + cr.status().nameZh() + " / " + cr.status().nameEn()
                    + (cr.shortfallPercent() == null || cr.shortfallPercent().signum() == 0 ? "" : "，差距 " + cr.shortfallPercent().toPlainString() + "%"));
        }
        BigDecimal clawback = ev.clawback() == null ? null : ev.clawback().total().value();
        if (ev.breached()) {
            for (Commitments.ClawbackLine l : ev.clawback().lines()) {
                detail.add("追回 / clawback " + l.benefit().amount().value().toPlainString() + " 万元（" + l.benefit().receivedOn() + "）× "
                        + ev.clawback().sharePercent().toPlainString() + "% = " + l.principal().value().toPlainString() + " 万元，利息 " + l.days() + " 天 "
                        + l.interest().value().toPlainString() + " 万元");
            }
            detail.add("追回合计 / clawback total " + ev.clawback().total().value().toPlainString() + " 万元");
        }
        boolean changed = !status.equals(r.status());
        jdbc.sql("update commitment set status = :s, last_evaluated_on = :d where id = :id").param("s", status).param("d", asOf).param("id", id).update();
        boolean recorded = alwaysRecord || changed;
        if (recorded) {
            record(id, asOf, status, ev.breached(), ev.clawback(), detail, actor);
        }
        if (ev.breached() && !"BREACHED".equals(r.status())) {
            boolean merged = r.contractId() != null && credit.addClawbackToReview(r.contractId(), clawback, actor);
            if (!merged) {
                credit.recordBreach(id, r.uscc(), r.regionCode(), asOf, new Commitments.Source(SourceKind.valueOf(r.sourceKind()), r.reference()).describe(),
                        ev.dishonesty().reason(), clawback, actor);
            }
        }
        if (recorded) {
            audit.append(actor, "COMMITMENT_EVALUATE", "commitment:" + id, "截至 " + asOf + "：" + status + (clawback == null ? "" : "，追回 " + clawback + " 万元"));
        }
        return new Outcome(id, status, ev.breached(), clawback, recorded, detail);
    }

    private void record(long id, LocalDate asOf, String status, boolean breached, Commitments.Clawback cb, List<String> detail, String actor) {
        jdbc.sql("""
                        insert into commitment_evaluation (commitment_id, as_of, status, breached, share_percent, principal_wan, interest_wan, clawback_wan,
                          detail, evaluated_by) values (:id, :d, :s, :b, :share, :p, :i, :t, :detail, :by)""")
                .param("id", id).param("d", asOf).param("s", status).param("b", breached).param("share", cb == null ? null : cb.sharePercent())
                .param("p", cb == null ? null : cb.principal().value()).param("i", cb == null ? null : cb.interest().value())
                .param("t", cb == null ? null : cb.total().value()).param("detail", String.join("\n", detail)).param("by", actor).update();
    }

    /** The latest year, not after {@code maxYear}, with tax or statistics data for the enterprise. */
    private Integer latestDataYear(String uscc, int maxYear) {
        return jdbc.sql("""
                        select max(y) from (select year y from tax_record where uscc = :u and year <= :m
                                            union all select year from stats_record where uscc = :u and year <= :m) t""")
                .param("u", uscc).param("m", maxYear).query(Integer.class).optional().orElse(null);
    }
}
