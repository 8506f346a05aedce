package org.mujun.land;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.audit.AuditLog;
import org.mujun.common.Mu;
import org.mujun.common.Uscc;
import org.mujun.common.WanYuan;
import org.mujun.land.StandardLandContract.AgreedDates;
import org.mujun.land.StandardLandContract.ConsequenceRule;
import org.mujun.land.StandardLandContract.Indicator;
import org.mujun.land.StandardLandContract.PenaltyBasis;
import org.mujun.land.StandardLandContract.PenaltyTerm;
import org.mujun.land.StandardLandContract.ReviewOutcome;
import org.mujun.land.StandardLandContract.Stage;
import org.mujun.land.StandardLandContract.StageChange;
import org.mujun.land.StandardLandContract.Terms;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The 标准地 contract register (SPEC §7): contracts stored for {@link StandardLandContract}, moved
 * only through the aggregate's guarded transitions, reviewed with {@link StandardLandReview}. Every
 * read goes through {@link Jurisdiction} (a contract outside the user's scope is 404); every change
 * is checked against the row version (stale → {@link OptimisticLockingFailureException}, 409),
 * written to the {@link AuditLog} in the same transaction and announced as a
 * {@link StandardLandEvents} event.
 */
@Component
class StandardLandContracts {

    /** The moves a user can ask for (the review is recorded separately). */
    enum Move {
        START, COMPLETE, PRODUCE, RECTIFY, RECLAIM
    }

    record Summary(long id, String contractNo, long parcelId, String certificateNo, String uscc, String enterpriseName, Long enterpriseId,
                   String regionCode, BigDecimal areaM2, BigDecimal landPriceWan, LocalDate transferredOn, LocalDate agreedStart,
                   LocalDate agreedReview, Stage stage, int version) {
        public BigDecimal areaMu() {
            return Mu.ofSquareMetres(areaM2).value().setScale(2, java.math.RoundingMode.HALF_UP);
        }
    }

    record CommitmentLine(Indicator indicator, BigDecimal committed, PenaltyTerm ownTerm) {
    }

    record HistoryRow(Stage from, Stage to, LocalDate on, String note, String by, Instant at) {
    }

    record ReviewLine(Indicator indicator, BigDecimal committed, BigDecimal dataValue, BigDecimal actual, String source, String basis,
                      String overrideReason, boolean passed, BigDecimal shortfallPercent, BigDecimal penaltyWan, String explanation) {
    }

    record ReviewRow(long id, int round, LocalDate reviewedOn, int dataYear, boolean passed, BigDecimal penaltyBeforeCapWan,
                     BigDecimal penaltyCapWan, BigDecimal penaltyWan, LocalDate rectificationDeadline, boolean reclaim, List<String> reasons,
                     String creditKind, String creditReason, String reviewedBy, Instant recordedAt, List<ReviewLine> lines) {
    }

    /** A contract as a page or the API shows it, with its aggregate (for guards) and history. */
    record Detail(Summary summary, List<CommitmentLine> commitments, ConsequenceRule rule, AgreedDates agreed, String note,
                  String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, List<HistoryRow> history,
                  List<ReviewRow> reviews, List<Move> allowedMoves, boolean reviewable, boolean amendable) {
    }

    /** The terms a user enters (register or amend). Nulls in the rule fields take the defaults. */
    record TermsForm(String contractNo, Long parcelId, String uscc, BigDecimal landPriceWan, LocalDate transferredOn,
                     LocalDate agreedDelivery, LocalDate agreedStart, LocalDate agreedCompletion, LocalDate agreedProduction,
                     LocalDate agreedReview, Map<Indicator, BigDecimal> commitments, Map<Indicator, PenaltyTerm> termOverrides,
                     PenaltyBasis penaltyBasis, BigDecimal penaltyRate, BigDecimal capPercent, BigDecimal capAmountWan,
                     Integer rectificationMonths, BigDecimal reclaimShortfallPercent, Integer reclaimAfterFailedReReviews,
                     Boolean penaltyOnReReview, BigDecimal tolerancePercent, String note) {
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final StandardLandActuals actuals;

    StandardLandContracts(JdbcClient jdbc, Jurisdiction jurisdiction, AuditLog audit, ApplicationEventPublisher events,
                          StandardLandActuals actuals) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.audit = audit;
        this.events = events;
        this.actuals = actuals;
    }

    private static final String SUMMARY_SELECT = """
            select c.id, c.contract_no, c.parcel_id, p.certificate_no, c.uscc, e.name ename, e.id eid, c.region_code, c.area_m2,
                   c.land_price_wan, c.transferred_on, c.agreed_start, c.agreed_review, c.stage, c.version
            from standard_land_contract c join parcel p on p.id = c.parcel_id left join enterprise e on e.uscc = c.uscc
            """;

    private static Summary summary(ResultSet rs, int n) throws SQLException {
        return new Summary(rs.getLong("id"), rs.getString("contract_no"), rs.getLong("parcel_id"), rs.getString("certificate_no"),
                rs.getString("uscc"), rs.getString("ename"), rs.getObject("eid", Long.class), rs.getString("region_code"), rs.getBigDecimal("area_m2"),
                rs.getBigDecimal("land_price_wan"), rs.getObject("transferred_on", LocalDate.class), rs.getObject("agreed_start", LocalDate.class),
                rs.getObject("agreed_review", LocalDate.class), Stage.valueOf(rs.getString("stage")), rs.getInt("version"));
    }

    // ---------------------------------------------------------------- reading

    /** Contracts in the current user's scope, newest first, filtered by region prefix, stage and text. */
    Page list(String regionPrefix, Stage stage, String q, int page, int size) {
        return list(regionPrefix, stage, q, null, page, size, jurisdiction.current());
    }

    Page list(String regionPrefix, Stage stage, String q, String uscc, int page, int size, Scope scope) {
        String where = " where SCOPE(c.region_code, c.uscc) and c.region_code like :rp and (cast(:st as text) is null or c.stage = :st)"
                + " and (cast(:q as text) is null or c.contract_no ilike :q or e.name ilike :q or c.uscc like :q or p.certificate_no ilike :q)"
                + " and (cast(:u as text) is null or c.uscc = :u)";
        String rp = (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
        String st = stage == null ? null : stage.name();
        String qq = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        long total = jurisdiction.sql("select count(*) from standard_land_contract c join parcel p on p.id = c.parcel_id"
                        + " left join enterprise e on e.uscc = c.uscc" + where, scope)
                .param("rp", rp).param("st", st).param("q", qq).param("u", uscc).query(Long.class).single();
        List<Summary> items = jurisdiction.sql(SUMMARY_SELECT + where + " order by c.id desc limit :lim offset :off", scope)
                .param("rp", rp).param("st", st).param("q", qq).param("u", uscc)
                .param("lim", size).param("off", (long) page * size).query(StandardLandContracts::summary).list();
        return new Page(items, page, size, total);
    }

    /** One contract in the current user's scope, or 404. */
    Detail find(long id) {
        return load(id).detail();
    }

    private record Loaded(Detail detail, StandardLandContract contract) {
    }

    private Loaded load(long id) {
        Summary s = jurisdiction.sql(SUMMARY_SELECT + " where SCOPE(c.region_code, c.uscc) and c.id = :id")
                .param("id", id).query(StandardLandContracts::summary).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "标准地合同不存在 / standard-land contract not found"));
        record Row(ConsequenceRule rule, AgreedDates agreed, String note, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
        }
        List<CommitmentLine> lines = jdbc.sql("select indicator, committed, penalty_basis, penalty_rate from standard_land_commitment where contract_id = :id")
                .param("id", id).query((rs, n) -> new CommitmentLine(Indicator.valueOf(rs.getString(1)), rs.getBigDecimal(2),
                        rs.getString(3) == null ? null : new PenaltyTerm(PenaltyBasis.valueOf(rs.getString(3)), rs.getBigDecimal(4)))).list();
        lines = lines.stream().sorted(java.util.Comparator.comparing(CommitmentLine::indicator)).toList();
        Map<Indicator, PenaltyTerm> overrides = new EnumMap<>(Indicator.class);
        Map<Indicator, BigDecimal> commitments = new EnumMap<>(Indicator.class);
        for (CommitmentLine l : lines) {
            commitments.put(l.indicator(), l.committed());
            if (l.ownTerm() != null) {
                overrides.put(l.indicator(), l.ownTerm());
            }
        }
        Row row = jdbc.sql("select * from standard_land_contract where id = :id").param("id", id).query((rs, n) -> new Row(
                new ConsequenceRule(new PenaltyTerm(PenaltyBasis.valueOf(rs.getString("penalty_basis")), rs.getBigDecimal("penalty_rate")), overrides,
                        rs.getBigDecimal("cap_percent"), rs.getBigDecimal("cap_amount_wan") == null ? null : new WanYuan(rs.getBigDecimal("cap_amount_wan")),
                        rs.getInt("rectification_months"), rs.getBigDecimal("reclaim_shortfall_percent"), rs.getInt("reclaim_after_rereviews"),
                        rs.getBoolean("penalty_on_rereview"), rs.getBigDecimal("tolerance_percent")),
                new AgreedDates(rs.getObject("agreed_delivery", LocalDate.class), rs.getObject("agreed_start", LocalDate.class),
                        rs.getObject("agreed_completion", LocalDate.class), rs.getObject("agreed_production", LocalDate.class),
                        rs.getObject("agreed_review", LocalDate.class)),
                rs.getString("note"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant())).single();
        List<HistoryRow> history = jdbc.sql("select * from standard_land_stage_change where contract_id = :id order by id")
                .param("id", id).query((rs, n) -> new HistoryRow(Stage.valueOf(rs.getString("from_stage")), Stage.valueOf(rs.getString("to_stage")),
                        rs.getObject("on_date", LocalDate.class), rs.getString("note"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant())).list();
        boolean maskTax = maskTax();
        List<ReviewRow> reviews = new ArrayList<>();
        for (ReviewRow r : jdbc.sql("select * from standard_land_review where contract_id = :id order by round").param("id", id).query((rs, n) -> {
            List<String> reasons = rs.getString("reasons").isEmpty() ? List.of() : List.of(rs.getString("reasons").split("\n"));
            return new ReviewRow(rs.getLong("id"), rs.getInt("round"), rs.getObject("reviewed_on", LocalDate.class), rs.getInt("data_year"),
                    rs.getBoolean("passed"), rs.getBigDecimal("penalty_before_cap_wan"), rs.getBigDecimal("penalty_cap_wan"), rs.getBigDecimal("penalty_wan"),
                    rs.getObject("rectification_deadline", LocalDate.class), rs.getBoolean("reclaim"),
                    maskTax ? reasons.stream().map(StandardLandContracts::maskTaxText).toList() : reasons,
                    rs.getString("credit_kind"), rs.getString("credit_reason"), rs.getString("reviewed_by"),
                    rs.getTimestamp("recorded_at").toInstant(), List.of());
        }).list()) {
            List<ReviewLine> rl = jdbc.sql("select * from standard_land_review_line where review_id = :r").param("r", r.id())
                    .query((r2, n) -> reviewLine(r2, maskTax)).list().stream()
                    .sorted(java.util.Comparator.comparing(ReviewLine::indicator)).toList();
            reviews.add(new ReviewRow(r.id(), r.round(), r.reviewedOn(), r.dataYear(), r.passed(), r.penaltyBeforeCapWan(), r.penaltyCapWan(),
                    r.penaltyWan(), r.rectificationDeadline(), r.reclaim(), r.reasons(), r.creditKind(), r.creditReason(), r.reviewedBy(),
                    r.recordedAt(), rl));
        }
        Terms terms = new Terms(s.contractNo(), s.parcelId(), new Uscc(s.uscc()), Mu.ofSquareMetres(s.areaM2()), new WanYuan(s.landPriceWan()),
                s.transferredOn(), commitments, row.agreed(), row.rule());
        StandardLandContract contract = StandardLandContract.restore(terms, s.stage(),
                history.stream().map(h -> new StageChange(h.from(), h.to(), h.on(), h.note())).toList(),
                reviews.stream().map(r -> new ReviewOutcome(r.round(), r.reviewedOn(), r.passed(), r.reclaim(), r.rectificationDeadline())).toList());
        Detail d = new Detail(s, lines, row.rule(), row.agreed(), row.note(), row.createdBy(), row.createdAt(), row.updatedBy(), row.updatedAt(),
                history, reviews, allowedMoves(contract), s.stage() == Stage.IN_PRODUCTION || s.stage() == Stage.RECTIFYING,
                reviews.isEmpty() && s.stage() != Stage.RECLAIMED);
        return new Loaded(d, contract);
    }

    private static ReviewLine reviewLine(ResultSet rs, boolean maskTax) throws SQLException {
        Indicator ind = Indicator.valueOf(rs.getString("indicator"));
        boolean mask = maskTax && ind == Indicator.TAX_PER_MU;
        return new ReviewLine(ind, rs.getBigDecimal("committed"), mask ? null : rs.getBigDecimal("data_value"), mask ? null : rs.getBigDecimal("actual"),
                rs.getString("source"), mask ? "***" : rs.getString("basis"), rs.getString("override_reason"), rs.getBoolean("passed"),
                rs.getBigDecimal("shortfall_percent"), rs.getBigDecimal("penalty_wan"), mask ? maskTaxText(rs.getString("explanation")) : rs.getString("explanation"));
    }

    /** Tax figures are masked for roles that do not see tax (SPEC §11): the town officer. */
    static boolean maskTax() {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && !u.role().seesTax();
    }

    static String maskTaxText(String s) {
        return s != null && s.startsWith(Indicator.TAX_PER_MU.nameZh()) ? Indicator.TAX_PER_MU.nameZh() + "：*** / "
                + Indicator.TAX_PER_MU.nameEn() + ": ***" : s;
    }

    /** The moves the aggregate would accept now (the page offers only these). */
    static List<Move> allowedMoves(StandardLandContract c) {
        List<Move> out = new ArrayList<>();
        switch (c.stage()) {
            case TRANSFERRED -> {
                out.add(Move.START);
                out.add(Move.RECLAIM);
            }
            case STARTED -> {
                out.add(Move.COMPLETE);
                out.add(Move.RECLAIM);
            }
            case COMPLETED -> out.add(Move.PRODUCE);
            case REVIEW_FAILED -> out.add(c.lastReview() != null && c.lastReview().reclaim() ? Move.RECLAIM : Move.RECTIFY);
            default -> {
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- registering and amending

    /** Parcels a new contract may be registered on: 标准地 parcels in scope without a live contract. */
    List<Map<String, Object>> eligibleParcels() {
        return jurisdiction.sql("""
                        select p.id, p.certificate_no, p.region_code, p.area_m2, p.owner_uscc, p.transfer_date, p.transfer_price_wan
                        from parcel p where SCOPE(p.region_code, p.owner_uscc) and p.standard_land
                          and not exists (select 1 from standard_land_contract c where c.parcel_id = p.id and c.stage <> 'RECLAIMED')
                        order by p.certificate_no limit 500""")
                .query().listOfRows();
    }

    @Transactional
    long register(TermsForm f, String actor) {
        if (f.parcelId() == null) {
            throw new IllegalArgumentException("请选择地块 / choose a parcel");
        }
        record P(String region, BigDecimal m2, boolean standard, LocalDate transferDate, BigDecimal price) {
        }
        P p = jurisdiction.sql("select p.region_code, p.area_m2, p.standard_land, p.transfer_date, p.transfer_price_wan from parcel p"
                        + " where SCOPE(p.region_code, p.owner_uscc) and p.id = :id")
                .param("id", f.parcelId()).query((rs, n) -> new P(rs.getString(1), rs.getBigDecimal(2), rs.getBoolean(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5))).optional()
                .orElseThrow(() -> new IllegalArgumentException("地块不存在或不在管辖范围内 / parcel not found in your jurisdiction"));
        if (!p.standard()) {
            throw new IllegalArgumentException("该地块不是标准地 / this parcel is not marked as 标准地 (standard land)");
        }
        Integer live = jdbc.sql("select count(*) from standard_land_contract where parcel_id = :id and stage <> 'RECLAIMED'")
                .param("id", f.parcelId()).query(Integer.class).single();
        if (live > 0) {
            throw new IllegalArgumentException("该地块已有未收回的标准地合同 / this parcel already has a live standard-land contract");
        }
        String uscc = enterpriseInScope(f.uscc());
        Terms t = terms(f, f.parcelId(), uscc, p.m2(),
                f.landPriceWan() != null ? f.landPriceWan() : p.price(), f.transferredOn() != null ? f.transferredOn() : p.transferDate());
        requireUniqueNo(t.contractNo(), null);
        long id = jdbc.sql("""
                        insert into standard_land_contract (contract_no, parcel_id, uscc, region_code, area_m2, land_price_wan, transferred_on,
                          agreed_delivery, agreed_start, agreed_completion, agreed_production, agreed_review, penalty_basis, penalty_rate,
                          cap_percent, cap_amount_wan, rectification_months, reclaim_shortfall_percent, reclaim_after_rereviews,
                          penalty_on_rereview, tolerance_percent, stage, note, created_by)
                        values (:no, :parcel, :uscc, :region, :m2, :price, :tr, :d1, :d2, :d3, :d4, :d5, :basis, :rate, :capp, :capa, :months,
                          :reclaim, :rr, :por, :tol, 'TRANSFERRED', :note, :by) returning id""")
                .params(termParams(t)).param("parcel", f.parcelId()).param("uscc", uscc).param("region", p.region()).param("m2", p.m2())
                .param("note", blankToNull(f.note())).param("by", actor)
                .query(Long.class).single();
        writeCommitments(id, t);
        audit.append(actor, "STANDARD_LAND_REGISTER", "standard_land_contract:" + id,
                "合同 " + t.contractNo() + "，地块 " + f.parcelId() + "，企业 " + uscc + "，约定 " + t.commitments());
        events.publishEvent(new StandardLandEvents.ContractTermsSaved(id, t.contractNo(), uscc, p.region(), t.commitments(),
                t.agreed().review(), false, actor));
        return id;
    }

    /** Amends the terms while no review has been recorded; the parcel stays the same. */
    @Transactional
    void amend(long id, int version, TermsForm f, String actor) {
        Loaded l = load(id);
        requireVersion(l, version);
        if (!l.detail().amendable()) {
            throw new IllegalArgumentException("已复核或已收回的合同不能修改条款 / the terms cannot change after a review or reclaiming");
        }
        Summary s = l.detail().summary();
        String uscc = f.uscc() == null || f.uscc().isBlank() ? s.uscc() : enterpriseInScope(f.uscc());
        Terms t = terms(f, s.parcelId(), uscc, s.areaM2(), f.landPriceWan() != null ? f.landPriceWan() : s.landPriceWan(),
                f.transferredOn() != null ? f.transferredOn() : s.transferredOn());
        if (!l.contract().history().isEmpty() && t.transferredOn().isAfter(l.contract().history().get(0).on())) {
            throw new IllegalArgumentException("出让日期不能晚于已记录的开工日期 / the transfer date cannot be after the recorded start");
        }
        requireUniqueNo(t.contractNo(), id);
        int n = jdbc.sql("""
                        update standard_land_contract set contract_no = :no, uscc = :uscc, land_price_wan = :price, transferred_on = :tr,
                          agreed_delivery = :d1, agreed_start = :d2, agreed_completion = :d3, agreed_production = :d4, agreed_review = :d5,
                          penalty_basis = :basis, penalty_rate = :rate, cap_percent = :capp, cap_amount_wan = :capa,
                          rectification_months = :months, reclaim_shortfall_percent = :reclaim, reclaim_after_rereviews = :rr,
                          penalty_on_rereview = :por, tolerance_percent = :tol, note = :note, version = version + 1,
                          updated_by = :by, updated_at = now()
                        where id = :id and version = :v""")
                .params(termParams(t)).param("uscc", uscc).param("note", blankToNull(f.note())).param("by", actor)
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw stale(id);
        }
        jdbc.sql("delete from standard_land_commitment where contract_id = :id").param("id", id).update();
        writeCommitments(id, t);
        audit.append(actor, "STANDARD_LAND_AMEND", "standard_land_contract:" + id, "合同 " + t.contractNo() + " 条款修改 / terms amended: "
                + t.commitments() + "，约定日期 " + t.agreed() + (f.note() == null ? "" : "；说明 " + f.note()));
        events.publishEvent(new StandardLandEvents.ContractTermsSaved(id, t.contractNo(), uscc, s.regionCode(), t.commitments(),
                t.agreed().review(), true, actor));
    }

    private String enterpriseInScope(String raw) {
        String u = Uscc.normalise(raw);
        if (u == null || u.isEmpty()) {
            throw new IllegalArgumentException("请填写受让企业统一社会信用代码 / the enterprise's USCC is required");
        }
        return jurisdiction.sql("select e.uscc from enterprise e where SCOPE(e.region_code, e.uscc) and e.uscc = :u")
                .param("u", u).query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("企业 " + u + " 不存在或不在管辖范围内 / enterprise " + u + " not found in your jurisdiction"));
    }

    private void requireUniqueNo(String no, Long except) {
        Integer n = jdbc.sql("select count(*) from standard_land_contract where contract_no = :no and (cast(:id as bigint) is null or id <> :id)")
                .param("no", no).param("id", except).query(Integer.class).single();
        if (n > 0) {
            throw new IllegalArgumentException("合同编号 " + no + " 已存在 / contract number " + no + " exists already");
        }
    }

    static Terms terms(TermsForm f, long parcelId, String uscc, BigDecimal areaM2, BigDecimal price, LocalDate transferredOn) {
        ConsequenceRule d = ConsequenceRule.defaults();
        Map<Indicator, PenaltyTerm> overrides = f.termOverrides() == null ? Map.of() : f.termOverrides();
        PenaltyTerm def = new PenaltyTerm(f.penaltyBasis() != null ? f.penaltyBasis() : d.defaultTerm().basis(),
                f.penaltyRate() != null ? f.penaltyRate() : d.defaultTerm().rate());
        ConsequenceRule rule = new ConsequenceRule(def, overrides,
                f.capPercent(), f.capAmountWan() == null ? null : new WanYuan(f.capAmountWan()),
                f.rectificationMonths() != null ? f.rectificationMonths() : d.rectificationMonths(),
                f.reclaimShortfallPercent(),
                f.reclaimAfterFailedReReviews() != null ? f.reclaimAfterFailedReReviews() : d.reclaimAfterFailedReReviews(),
                f.penaltyOnReReview() != null ? f.penaltyOnReReview() : d.penaltyOnReReview(),
                f.tolerancePercent() != null ? f.tolerancePercent() : d.tolerancePercent());
        if (transferredOn == null) {
            throw new IllegalArgumentException("缺少出让日期 / the transfer date is missing");
        }
        AgreedDates agreed = new AgreedDates(f.agreedDelivery(), f.agreedStart(), f.agreedCompletion(), f.agreedProduction(), f.agreedReview());
        if (agreed.delivery().isBefore(transferredOn)) {
            throw new IllegalArgumentException("约定交地日期早于出让日期 / the agreed delivery date is before the transfer date");
        }
        Map<Indicator, BigDecimal> commitments = new EnumMap<>(Indicator.class);
        if (f.commitments() != null) {
            f.commitments().forEach((k, v) -> {
                if (v != null) {
                    commitments.put(k, v);
                }
            });
        }
        for (Indicator i : overrides.keySet()) {
            if (!commitments.containsKey(i)) {
                throw new IllegalArgumentException(i.nameZh() + " 未约定，不能单独设置违约金 / " + i.nameEn() + " is not committed; it cannot have its own penalty");
            }
        }
        return new Terms(f.contractNo() == null ? null : f.contractNo().trim(), parcelId, new Uscc(uscc), Mu.ofSquareMetres(areaM2),
                price == null ? null : new WanYuan(price), transferredOn, commitments, agreed, rule);
    }

    private static Map<String, Object> termParams(Terms t) {
        ConsequenceRule r = t.rule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("no", t.contractNo());
        m.put("price", t.landPrice().value());
        m.put("tr", t.transferredOn());
        m.put("d1", t.agreed().delivery());
        m.put("d2", t.agreed().start());
        m.put("d3", t.agreed().completion());
        m.put("d4", t.agreed().production());
        m.put("d5", t.agreed().review());
        m.put("basis", r.defaultTerm().basis().name());
        m.put("rate", r.defaultTerm().rate());
        m.put("capp", r.capPercentOfLandPrice());
        m.put("capa", r.capAmount() == null ? null : r.capAmount().value());
        m.put("months", r.rectificationMonths());
        m.put("reclaim", r.reclaimShortfallPercent());
        m.put("rr", r.reclaimAfterFailedReReviews());
        m.put("por", r.penaltyOnReReview());
        m.put("tol", r.tolerancePercent());
        return m;
    }

    private void writeCommitments(long id, Terms t) {
        for (Map.Entry<Indicator, BigDecimal> c : t.commitments().entrySet()) {
            PenaltyTerm own = t.rule().termOverrides().get(c.getKey());
            jdbc.sql("insert into standard_land_commitment (contract_id, indicator, committed, penalty_basis, penalty_rate) values (:id, :i, :c, :b, :r)")
                    .param("id", id).param("i", c.getKey().name()).param("c", c.getValue())
                    .param("b", own == null ? null : own.basis().name()).param("r", own == null ? null : own.rate()).update();
        }
    }

    // ---------------------------------------------------------------- moving

    /** Applies one move through the aggregate's guard; the engine's message explains a refusal. */
    @Transactional
    Detail move(long id, int version, Move move, LocalDate on, String reason, String actor) {
        Loaded l = load(id);
        requireVersion(l, version);
        StandardLandContract c = l.contract();
        if (on == null) {
            throw new IllegalArgumentException("请填写日期 / the date is required");
        }
        switch (move) {
            case START -> c.markStarted(on);
            case COMPLETE -> c.markCompleted(on);
            case PRODUCE -> c.markInProduction(on);
            case RECTIFY -> c.startRectification(on);
            case RECLAIM -> c.markReclaimed(on, reason);
        }
        StageChange change = c.history().get(c.history().size() - 1);
        String note = move == Move.RECLAIM ? change.note() : join(change.note(), reason);
        persistStage(id, version, change, note, actor);
        audit.append(actor, "STANDARD_LAND_" + move.name(), "standard_land_contract:" + id,
                l.detail().summary().contractNo() + "：" + change.from() + " → " + change.to() + "，日期 " + on + (note == null ? "" : "，原因/说明 " + note));
        return load(id).detail();
    }

    private void persistStage(long id, int version, StageChange change, String note, String actor) {
        int n = jdbc.sql("update standard_land_contract set stage = :s, version = version + 1, updated_by = :by, updated_at = now()"
                        + " where id = :id and version = :v")
                .param("s", change.to().name()).param("by", actor).param("id", id).param("v", version).update();
        if (n == 0) {
            throw stale(id);
        }
        jdbc.sql("insert into standard_land_stage_change (contract_id, from_stage, to_stage, on_date, note, changed_by) values (:id, :f, :t, :d, :n, :by)")
                .param("id", id).param("f", change.from().name()).param("t", change.to().name()).param("d", change.on())
                .param("n", note).param("by", actor).update();
    }

    // ---------------------------------------------------------------- 达产复核

    /** The review computed from the data and the official's entries, without changing anything. */
    StandardLandActuals.Preview preview(long id, StandardLandActuals.Input input) {
        Loaded l = load(id);
        return actuals.preview(l.contract(), l.detail().summary(), input, jurisdiction.current());
    }

    /** Records the review: pass/fail per indicator, 违约金, 整改期限, 收回 and the credit entry. */
    @Transactional
    StandardLandActuals.Preview record(long id, int version, StandardLandActuals.Input input, String actor) {
        Loaded l = load(id);
        requireVersion(l, version);
        StandardLandContract c = l.contract();
        StandardLandActuals.Preview p = actuals.preview(c, l.detail().summary(), input, jurisdiction.current());
        StandardLandReview.Result r = p.result();
        c.recordReview(r);
        StageChange change = c.history().get(c.history().size() - 1);
        persistStage(id, version, change, change.note(), actor);
        StandardLandReview.Consequence q = r.consequence();
        long rid = jdbc.sql("""
                        insert into standard_land_review (contract_id, round, reviewed_on, data_year, passed, penalty_before_cap_wan, penalty_cap_wan,
                          penalty_wan, rectification_deadline, reclaim, reasons, credit_kind, credit_reason, reviewed_by)
                        values (:id, :round, :on, :y, :passed, :pbc, :cap, :pen, :dl, :reclaim, :reasons, :ck, :cr, :by) returning id""")
                .param("id", id).param("round", r.round()).param("on", r.reviewedOn()).param("y", p.dataYear()).param("passed", r.passed())
                .param("pbc", q.penaltyBeforeCap().value()).param("cap", q.penaltyCap() == null ? null : q.penaltyCap().value())
                .param("pen", q.penalty().value()).param("dl", q.rectificationDeadline()).param("reclaim", q.reclaim())
                .param("reasons", String.join("\n", q.reasons())).param("ck", r.credit().kind().name()).param("cr", r.credit().reason())
                .param("by", actor).query(Long.class).single();
        Map<Indicator, BigDecimal> used = new EnumMap<>(Indicator.class);
        for (StandardLandReview.IndicatorResult ir : r.indicators()) {
            StandardLandActuals.ActualLine a = p.line(ir.indicator());
            jdbc.sql("""
                            insert into standard_land_review_line (review_id, indicator, committed, data_value, actual, source, basis, override_reason,
                              passed, shortfall_percent, penalty_wan, explanation)
                            values (:r, :i, :c, :dv, :a, :src, :basis, :why, :passed, :sf, :pen, :ex)""")
                    .param("r", rid).param("i", ir.indicator().name()).param("c", ir.committed()).param("dv", a.dataValue())
                    .param("a", ir.actual()).param("src", a.source()).param("basis", a.basis()).param("why", a.overrideReason())
                    .param("passed", ir.passed()).param("sf", ir.shortfallPercent()).param("pen", ir.penalty().value())
                    .param("ex", ir.explanation()).update();
            if (ir.actual() != null) {
                used.put(ir.indicator(), ir.actual());
            }
        }
        Summary s = l.detail().summary();
        audit.append(actor, "STANDARD_LAND_REVIEW", "standard_land_contract:" + id, s.contractNo() + " 第 " + r.round() + " 次复核（"
                + r.reviewedOn() + "，数据年度 " + p.dataYear() + "）：" + (r.passed() ? "通过 / passed" : "未通过 / failed") + "，违约金 "
                + q.penalty().value().toPlainString() + " 万元" + (q.reclaim() ? "，收回" : "") + "；实际值 " + used
                + (p.overrides().isEmpty() ? "" : "；调整 " + p.overrides()));
        events.publishEvent(new StandardLandEvents.ReviewRecorded(id, s.contractNo(), s.uscc(), s.regionCode(), r.round(), r.reviewedOn(),
                r.passed(), q.penalty().value(), q.reclaim(), q.rectificationDeadline(), r.credit().kind().name(), r.credit().reason(), used, actor));
        return p;
    }

    // ---------------------------------------------------------------- helpers

    private static void requireVersion(Loaded l, int version) {
        if (l.detail().summary().version() != version) {
            throw stale(l.detail().summary().id());
        }
    }

    private static OptimisticLockingFailureException stale(long id) {
        return new OptimisticLockingFailureException("standard_land_contract " + id + " was changed by someone else");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String join(String a, String b) {
        String x = blankToNull(a);
        String y = blankToNull(b);
        return x == null ? y : y == null ? x : x + "；" + y;
    }

    /** The contract of a parcel that is not reclaimed, if any (used by the idle-land check). */
    Optional<Long> liveContractOfParcel(long parcelId) {
        return jdbc.sql("select id from standard_land_contract where parcel_id = :p and stage <> 'RECLAIMED'").param("p", parcelId)
                .query(Long.class).optional();
    }
}
