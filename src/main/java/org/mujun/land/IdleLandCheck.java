package org.mujun.land;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mujun.audit.AuditLog;
import org.mujun.common.WanYuan;
import org.mujun.land.IdleLandRules.Share;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The daily 闲置土地 check (SPEC §7): applies {@link IdleLandRules} (the version in force for each
 * parcel's region) to every parcel with an agreed start date — from its 标准地 contract or its
 * development record — and stores the result per parcel with the as-of date and reasons. History
 * keeps a row whenever a parcel's finding changes. Runs daily ({@code mujun.land.idle-check-cron}),
 * on demand (button, API) and from the CLI ({@code idle-land-check}).
 * <p>
 * Inputs: agreed start = the development record's, else the contract's; actual start = the record's,
 * else the date the contract moved to 开工; a contract at 竣工 or later counts as fully developed;
 * developed share = developed m² ÷ parcel m², invested share = invested ÷ total investment; land price
 * = the contract's, else the parcel's transfer price. A stopped parcel without the two shares, or a
 * parcel without a land price, is {@code INCOMPLETE} (data to complete), never silently "not idle".
 */
@Component
class IdleLandCheck {

    private static final Logger log = LoggerFactory.getLogger(IdleLandCheck.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Set<String> FLAGGED = Set.of("IDLE", "RECLAIM_CANDIDATE", "INCOMPLETE");
    private static final long LOCK_KEY = 0x69646c65L; // "idle"
    private static final Set<String> BUILT = Set.of("COMPLETED", "IN_PRODUCTION", "REVIEWED", "REVIEW_FAILED", "RECTIFYING");

    record RunSummary(long runId, LocalDate asOf, String scopePrefix, int parcels, int idle, int reclaim, int incomplete, int changed) {
    }

    record RunRow(long id, LocalDate asOf, String trigger, String scopePrefix, String startedBy, Instant startedAt, int parcels, int idle,
                  int reclaim, int incomplete, int changed) {
    }

    record StatusRow(long parcelId, String certificateNo, String regionCode, String uscc, String enterpriseName, Long enterpriseId,
                     Long contractId, LocalDate asOf, String status, String basis, LocalDate since, LocalDate idleFrom, LocalDate reclaimFrom,
                     BigDecimal feeWan, BigDecimal landPriceWan, List<String> reasons, String rules) {
    }

    record FindingRow(long id, long runId, LocalDate asOf, String status, String previousStatus, String basis, LocalDate idleFrom,
                      LocalDate reclaimFrom, BigDecimal feeWan, List<String> reasons) {
    }

    record Development(LocalDate agreedStart, LocalDate actualStart, BigDecimal developedAreaM2, BigDecimal investedWan,
                       BigDecimal totalInvestmentWan, LocalDate stoppedOn, boolean governmentCaused, String note, int version,
                       String updatedBy, Instant updatedAt) {
    }

    record ParcelInfo(long id, String certificateNo, String regionCode, String ownerUscc, BigDecimal areaM2, boolean standardLand,
                      LocalDate transferDate, BigDecimal transferPriceWan, Long contractId, String contractNo, LocalDate contractAgreedStart,
                      String contractStage, Development development, StatusRow status, List<FindingRow> history) {
    }

    record Page(List<StatusRow> items, int page, int size, long total) {
    }

    /** One parcel's inputs as read for the check. */
    private record Input(long parcelId, String region, String uscc, BigDecimal areaM2, Long contractId, String stage, LocalDate agreedStart,
                         LocalDate actualStart, BigDecimal developedM2, BigDecimal investedWan, BigDecimal totalWan, LocalDate stoppedOn,
                         boolean governmentCaused, BigDecimal landPrice) {
    }

    private record Outcome(String status, String basis, LocalDate idleFrom, LocalDate reclaimFrom, BigDecimal fee, List<String> reasons) {
    }

    private record Previous(String status, String basis, LocalDate since, LocalDate idleFrom, LocalDate reclaimFrom, BigDecimal fee) {
    }

    private final JdbcClient jdbc;
    private final Jurisdiction jurisdiction;
    private final LandSettings settings;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    IdleLandCheck(JdbcClient jdbc, Jurisdiction jurisdiction, LandSettings settings, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.settings = settings;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The daily run over every region, as of today in China Standard Time. */
    @Scheduled(cron = "${mujun.land.idle-check-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void daily() {
        // called on this instance, not through the proxy: open the run's transaction here
        RunSummary s = transaction.execute(t -> run(LocalDate.now(ZONE), "SCHEDULED", "system", Scope.system("")));
        log.info("idle-land check as of {}: {} parcels, {} idle, {} reclaim candidates, {} incomplete, {} changed",
                s.asOf(), s.parcels(), s.idle(), s.reclaim(), s.incomplete(), s.changed());
    }

    /** The effective rules for a region and a label saying where they come from. */
    record Effective(IdleLandRules rules, IdleRulesForm form, String label, Optional<LandSettings.Version> version) {
    }

    Effective effective(String regionCode) {
        Optional<LandSettings.Version> v = settings.effective(LandSettings.IDLE_LAND, regionCode);
        IdleRulesForm f = v.map(x -> IdleRulesForm.fromJson(x.body())).orElse(IdleRulesForm.of(IdleLandRules.defaults()));
        return new Effective(f.toRules(), f, v.map(x -> x.regionCode() + " v" + x.version()).orElse("默认 / defaults"), v);
    }

    @Transactional
    RunSummary run(LocalDate asOf, String trigger, String actor, Scope scope) {
        Objects.requireNonNull(asOf, "asOf");
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK_KEY).query().singleRow();
        String prefix = scope.regionPrefix() == null ? "" : scope.regionPrefix();
        long runId = jdbc.sql("insert into idle_land_run (as_of, trigger, scope_prefix, started_by) values (:d, :t, :p, :by) returning id")
                .param("d", asOf).param("t", trigger).param("p", prefix).param("by", actor).query(Long.class).single();
        List<LandSettings.Version> versions = settings.latestPerRegion(LandSettings.IDLE_LAND);
        Map<String, Effective> rulesByVersion = new HashMap<>();
        List<Input> inputs = jurisdiction.sql("""
                        select p.id, p.region_code, coalesce(c.uscc, p.owner_uscc) uscc, p.area_m2, c.id cid, c.stage,
                               coalesce(d.agreed_start, c.agreed_start) agreed_start,
                               coalesce(d.actual_start, (select max(h.on_date) from standard_land_stage_change h
                                                         where h.contract_id = c.id and h.to_stage = 'STARTED')) actual_start,
                               d.developed_area_m2, d.invested_wan, d.total_investment_wan, d.stopped_on, coalesce(d.government_caused, false) gov,
                               coalesce(c.land_price_wan, p.transfer_price_wan) price
                        from parcel p
                        left join standard_land_contract c on c.parcel_id = p.id and c.stage <> 'RECLAIMED'
                        left join land_development d on d.parcel_id = p.id
                        where SCOPE(p.region_code, p.owner_uscc) and coalesce(d.agreed_start, c.agreed_start) is not null
                        order by p.id""", scope)
                .query((rs, n) -> new Input(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                        rs.getObject(12, LocalDate.class), rs.getBoolean(13), rs.getBigDecimal(14))).list();
        Map<Long, Previous> previous = new HashMap<>();
        jurisdiction.sql("select s.parcel_id, s.status, s.basis, s.since, s.idle_from, s.reclaim_from, s.fee_wan from idle_land_status s"
                        + " where SCOPE(s.region_code, s.uscc)", scope)
                .query(rs -> {
                    previous.put(rs.getLong(1), new Previous(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7)));
                });
        int idle = 0;
        int reclaim = 0;
        int incomplete = 0;
        int changed = 0;
        for (Input in : inputs) {
            Optional<LandSettings.Version> v = LandSettings.covering(versions, in.region());
            Effective eff = rulesByVersion.computeIfAbsent(v.map(x -> x.regionCode() + " v" + x.version()).orElse(""), k -> {
                IdleRulesForm f = v.map(x -> IdleRulesForm.fromJson(x.body())).orElse(IdleRulesForm.of(IdleLandRules.defaults()));
                return new Effective(f.toRules(), f, v.map(x -> x.regionCode() + " v" + x.version()).orElse("默认 / defaults"), v);
            });
            Outcome o = evaluate(in, eff.rules(), asOf);
            switch (o.status()) {
                case "IDLE" -> idle++;
                case "RECLAIM_CANDIDATE" -> reclaim++;
                case "INCOMPLETE" -> incomplete++;
                default -> {
                }
            }
            Previous prev = previous.get(in.parcelId());
            boolean differs = prev == null ? !o.status().equals("NOT_IDLE")
                    : !prev.status().equals(o.status()) || !Objects.equals(prev.basis(), o.basis()) || !Objects.equals(prev.idleFrom(), o.idleFrom())
                    || !Objects.equals(prev.reclaimFrom(), o.reclaimFrom()) || prev.fee().compareTo(o.fee()) != 0;
            LocalDate since = prev == null || differs ? asOf : prev.since();
            String reasons = String.join("\n", o.reasons());
            jdbc.sql("""
                            insert into idle_land_status (parcel_id, region_code, uscc, contract_id, as_of, status, basis, since, idle_from, reclaim_from,
                              fee_wan, land_price_wan, reasons, rules, run_id)
                            values (:p, :r, :u, :c, :d, :s, :b, :since, :if, :rf, :fee, :price, :why, :rules, :run)
                            on conflict (parcel_id) do update set region_code = excluded.region_code, uscc = excluded.uscc,
                              contract_id = excluded.contract_id, as_of = excluded.as_of, status = excluded.status, basis = excluded.basis,
                              since = excluded.since, idle_from = excluded.idle_from, reclaim_from = excluded.reclaim_from, fee_wan = excluded.fee_wan,
                              land_price_wan = excluded.land_price_wan, reasons = excluded.reasons, rules = excluded.rules, run_id = excluded.run_id""")
                    .param("p", in.parcelId()).param("r", in.region()).param("u", in.uscc()).param("c", in.contractId()).param("d", asOf)
                    .param("s", o.status()).param("b", o.basis()).param("since", since).param("if", o.idleFrom()).param("rf", o.reclaimFrom())
                    .param("fee", o.fee()).param("price", in.landPrice()).param("why", reasons).param("rules", eff.label()).param("run", runId).update();
            if (differs) {
                changed++;
                jdbc.sql("""
                                insert into idle_land_finding (run_id, parcel_id, region_code, uscc, as_of, status, previous_status, basis, idle_from,
                                  reclaim_from, fee_wan, reasons)
                                values (:run, :p, :r, :u, :d, :s, :prev, :b, :if, :rf, :fee, :why)""")
                        .param("run", runId).param("p", in.parcelId()).param("r", in.region()).param("u", in.uscc()).param("d", asOf)
                        .param("s", o.status()).param("prev", prev == null ? null : prev.status()).param("b", o.basis())
                        .param("if", o.idleFrom()).param("rf", o.reclaimFrom()).param("fee", o.fee()).param("why", reasons).update();
            }
        }
        jdbc.sql("update idle_land_run set parcels = :n, idle = :i, reclaim = :r, incomplete = :x, changed = :c where id = :id")
                .param("n", inputs.size()).param("i", idle).param("r", reclaim).param("x", incomplete).param("c", changed).param("id", runId).update();
        audit.append(actor, "IDLE_LAND_CHECK", "idle_land_run:" + runId, "截至 / as of " + asOf + "，范围 / scope " + (prefix.isEmpty() ? "全部" : prefix)
                + "：" + inputs.size() + " 宗，闲置 " + idle + "，拟收回 " + reclaim + "，待补数据 " + incomplete + "，变化 " + changed);
        return new RunSummary(runId, asOf, prefix, inputs.size(), idle, reclaim, incomplete, changed);
    }

    private static Outcome evaluate(Input in, IdleLandRules rules, LocalDate asOf) {
        if (in.landPrice() == null) {
            return new Outcome("INCOMPLETE", null, null, null, BigDecimal.ZERO,
                    List.of("缺少土地出让价款（合同或地块） / the land price is missing (contract or parcel)"));
        }
        boolean built = in.stage() != null && BUILT.contains(in.stage());
        Share developed;
        Share invested;
        LocalDate stopped = in.stoppedOn();
        if (built) {
            developed = new Share(BigDecimal.ONE, BigDecimal.ONE);
            invested = new Share(BigDecimal.ONE, BigDecimal.ONE);
            stopped = null;
        } else {
            developed = in.developedM2() == null ? null : new Share(in.developedM2(), in.areaM2());
            invested = in.investedWan() == null || in.totalWan() == null ? null : new Share(in.investedWan(), in.totalWan());
            boolean started = in.actualStart() != null && !in.actualStart().isAfter(asOf);
            if (started && stopped != null && !stopped.isAfter(asOf) && (developed == null || invested == null)) {
                return new Outcome("INCOMPLETE", null, null, null, BigDecimal.ZERO, List.of("已于 " + stopped
                        + " 停工，但缺少已开发面积或投资额，无法判断 / stopped on " + stopped + ", but the developed area or the investment is missing"));
            }
            if (in.actualStart() != null) {
                // started and still building: the shares do not matter (only a stop makes started land idle)
                developed = developed == null ? new Share(BigDecimal.ZERO, BigDecimal.ONE) : developed;
                invested = invested == null ? new Share(BigDecimal.ZERO, BigDecimal.ONE) : invested;
            }
        }
        IdleLandRules.Result r;
        try {
            r = rules.evaluate(new IdleLandRules.Parcel(in.agreedStart(), in.actualStart(), developed, invested, stopped,
                    new WanYuan(in.landPrice()), in.governmentCaused()), asOf);
        } catch (IllegalArgumentException e) {
            return new Outcome("INCOMPLETE", null, null, null, BigDecimal.ZERO, List.of(e.getMessage()));
        }
        boolean started = in.actualStart() != null && !in.actualStart().isAfter(asOf);
        String basis = r.status() == IdleLandRules.Status.NOT_IDLE ? null : started ? "STALLED" : "NOT_STARTED";
        return new Outcome(r.status().name(), basis, r.idleFrom(), r.reclaimFrom(), r.fee().value(), r.reasons());
    }

    // ---------------------------------------------------------------- reading

    private static final String STATUS_SELECT = """
            select s.*, p.certificate_no, e.name ename, e.id eid from idle_land_status s join parcel p on p.id = s.parcel_id
            left join enterprise e on e.uscc = s.uscc
            """;

    private static StatusRow status(ResultSet rs, int n) throws SQLException {
        return new StatusRow(rs.getLong("parcel_id"), rs.getString("certificate_no"), rs.getString("region_code"), rs.getString("uscc"),
                rs.getString("ename"), rs.getObject("eid", Long.class), rs.getObject("contract_id", Long.class), rs.getObject("as_of", LocalDate.class), rs.getString("status"),
                rs.getString("basis"), rs.getObject("since", LocalDate.class), rs.getObject("idle_from", LocalDate.class),
                rs.getObject("reclaim_from", LocalDate.class), rs.getBigDecimal("fee_wan"), rs.getBigDecimal("land_price_wan"),
                List.of(rs.getString("reasons").split("\n")), rs.getString("rules"));
    }

    /** Current findings in the user's scope. {@code status}: a status, "FLAGGED" (default: idle, reclaim, incomplete) or "ALL". */
    Page list(String regionPrefix, String status, int page, int size) {
        String st = status == null || status.isBlank() ? "FLAGGED" : status;
        String where = " where SCOPE(s.region_code, s.uscc) and s.region_code like :rp and (:st = 'ALL' or s.status = :st"
                + " or (:st = 'FLAGGED' and s.status in ('IDLE', 'RECLAIM_CANDIDATE', 'INCOMPLETE')))";
        String rp = (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
        long total = jurisdiction.sql("select count(*) from idle_land_status s" + where).param("rp", rp).param("st", st).query(Long.class).single();
        List<StatusRow> items = jurisdiction.sql(STATUS_SELECT + where + " order by s.status desc, s.region_code, s.parcel_id limit :lim offset :off")
                .param("rp", rp).param("st", st).param("lim", size).param("off", (long) page * size).query(IdleLandCheck::status).list();
        return new Page(items, page, size, total);
    }

    /** The latest runs that cover or lie inside the user's region. */
    List<RunRow> runs(String userRegion, int limit) {
        return jdbc.sql("""
                        select * from idle_land_run where (:r like scope_prefix || '%' or scope_prefix like :r || '%')
                        order by id desc limit :lim""")
                .param("r", userRegion).param("lim", limit)
                .query((rs, n) -> new RunRow(rs.getLong("id"), rs.getObject("as_of", LocalDate.class), rs.getString("trigger"),
                        rs.getString("scope_prefix"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), rs.getInt("parcels"),
                        rs.getInt("idle"), rs.getInt("reclaim"), rs.getInt("incomplete"), rs.getInt("changed"))).list();
    }

    /** A parcel with its development record, status and history; 404 outside the user's scope. */
    ParcelInfo parcel(long parcelId) {
        record P(long id, String cert, String region, String owner, BigDecimal m2, boolean standard, LocalDate transfer, BigDecimal price) {
        }
        P p = jurisdiction.sql("select p.id, p.certificate_no, p.region_code, p.owner_uscc, p.area_m2, p.standard_land, p.transfer_date,"
                        + " p.transfer_price_wan from parcel p where SCOPE(p.region_code, p.owner_uscc) and p.id = :id")
                .param("id", parcelId).query((rs, n) -> new P(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getBigDecimal(8))).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "地块不存在 / parcel not found"));
        record C(long id, String no, LocalDate start, String stage) {
        }
        Optional<C> c = jdbc.sql("select id, contract_no, agreed_start, stage from standard_land_contract where parcel_id = :p and stage <> 'RECLAIMED'")
                .param("p", parcelId).query((rs, n) -> new C(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4))).optional();
        Development d = jdbc.sql("select * from land_development where parcel_id = :p").param("p", parcelId)
                .query((rs, n) -> new Development(rs.getObject("agreed_start", LocalDate.class), rs.getObject("actual_start", LocalDate.class),
                        rs.getBigDecimal("developed_area_m2"), rs.getBigDecimal("invested_wan"), rs.getBigDecimal("total_investment_wan"),
                        rs.getObject("stopped_on", LocalDate.class), rs.getBoolean("government_caused"), rs.getString("note"), rs.getInt("version"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant())).optional().orElse(null);
        StatusRow s = jdbc.sql(STATUS_SELECT + " where s.parcel_id = :p").param("p", parcelId).query(IdleLandCheck::status).optional().orElse(null);
        List<FindingRow> history = jdbc.sql("select * from idle_land_finding where parcel_id = :p order by id desc limit 200").param("p", parcelId)
                .query((rs, n) -> new FindingRow(rs.getLong("id"), rs.getLong("run_id"), rs.getObject("as_of", LocalDate.class), rs.getString("status"),
                        rs.getString("previous_status"), rs.getString("basis"), rs.getObject("idle_from", LocalDate.class),
                        rs.getObject("reclaim_from", LocalDate.class), rs.getBigDecimal("fee_wan"), List.of(rs.getString("reasons").split("\n")))).list();
        return new ParcelInfo(p.id(), p.cert(), p.region(), p.owner(), p.m2(), p.standard(), p.transfer(), p.price(),
                c.map(C::id).orElse(null), c.map(C::no).orElse(null), c.map(C::start).orElse(null), c.map(C::stage).orElse(null), d, s, history);
    }

    /** Saves a parcel's development record (version 0 creates it at version 1); stale version → 409. */
    @Transactional
    void saveDevelopment(long parcelId, int version, Development d, String actor) {
        ParcelInfo p = parcel(parcelId);
        if (d.developedAreaM2() != null && d.developedAreaM2().compareTo(p.areaM2()) > 0) {
            throw new IllegalArgumentException("已开发面积大于地块面积 / the developed area exceeds the parcel's area");
        }
        if (d.investedWan() != null && d.totalInvestmentWan() == null) {
            throw new IllegalArgumentException("填写已投资额时须填写总投资额 / give the total investment with the invested amount");
        }
        if (d.stoppedOn() != null && (d.actualStart() == null && p.contractId() == null)) {
            throw new IllegalArgumentException("未动工的地块不能有停工日期 / a parcel never started cannot have a stop date");
        }
        int n;
        if (p.development() == null) {
            if (version != 0) {
                throw new OptimisticLockingFailureException("land_development " + parcelId);
            }
            n = jdbc.sql("""
                            insert into land_development (parcel_id, agreed_start, actual_start, developed_area_m2, invested_wan, total_investment_wan,
                              stopped_on, government_caused, note, version, updated_by) values (:p, :as, :ac, :dev, :inv, :tot, :st, :gov, :note, 1, :by)
                            on conflict do nothing""")
                    .params(devParams(d)).param("p", parcelId).param("by", actor).update();
        } else {
            n = jdbc.sql("""
                            update land_development set agreed_start = :as, actual_start = :ac, developed_area_m2 = :dev, invested_wan = :inv,
                              total_investment_wan = :tot, stopped_on = :st, government_caused = :gov, note = :note, version = version + 1,
                              updated_by = :by, updated_at = now() where parcel_id = :p and version = :v""")
                    .params(devParams(d)).param("p", parcelId).param("by", actor).param("v", version).update();
        }
        if (n == 0) {
            throw new OptimisticLockingFailureException("land_development " + parcelId);
        }
        audit.append(actor, "LAND_DEVELOPMENT_SAVE", "parcel:" + parcelId, "约定动工 " + d.agreedStart() + "，实际动工 " + d.actualStart()
                + "，已开发 " + d.developedAreaM2() + " m²，已投资 " + d.investedWan() + " / " + d.totalInvestmentWan() + " 万元，停工 " + d.stoppedOn()
                + "，政府原因 " + d.governmentCaused() + (d.note() == null ? "" : "，说明 " + d.note()));
    }

    private static Map<String, Object> devParams(Development d) {
        Map<String, Object> m = new HashMap<>();
        m.put("as", d.agreedStart());
        m.put("ac", d.actualStart());
        m.put("dev", d.developedAreaM2());
        m.put("inv", d.investedWan());
        m.put("tot", d.totalInvestmentWan());
        m.put("st", d.stoppedOn());
        m.put("gov", d.governmentCaused());
        m.put("note", d.note() == null || d.note().isBlank() ? null : d.note().trim());
        return m;
    }

    /** All rows of a listing for export (no paging). */
    List<StatusRow> export(String regionPrefix, String status) {
        return list(regionPrefix, status, 0, 1_000_000).items();
    }

    static List<String> flaggedOrder() {
        return new ArrayList<>(List.of("IDLE", "RECLAIM_CANDIDATE", "INCOMPLETE", "NOT_IDLE"));
    }
}
