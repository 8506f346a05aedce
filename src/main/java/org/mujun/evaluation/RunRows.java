package org.mujun.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mujun.evaluation.EvaluationResult.AdjustmentScore;
import org.mujun.evaluation.EvaluationResult.EnterpriseResult;
import org.mujun.evaluation.EvaluationResult.Outcome;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a run's input and result rows with PostgreSQL COPY (text format) on the transaction's
 * connection: one COPY per table, rows streamed in 128 KiB chunks.
 */
final class RunRows {

    static final String INPUT_COLUMNS = "run_id, uscc, name, region_code, industry_code, size_class, size_source, status, registered_on, flags, "
            + "renter, tenant_count, land_mu, land_owned_m2, land_leased_in_m2, land_leased_out_m2, land_merged_into, tax_wan, "
            + "value_added_wan, revenue_wan, energy_tce, emissions_t, employees, rnd_wan, electricity_kwh, electricity_from_months, water_m3, "
            + "gas_m3, land_use_tax_yuan, events, fixed_asset_investment_wan, land_transferred_on, exemption_applied, tax_upload, "
            + "stats_upload, electricity_upload, energy_upload, emission_upload";

    static final String RESULT_COLUMNS = "run_id, uscc, name, region_code, industry_code, industry_division, industry_group, population, "
            + "outcome, reason_zh, reason_en, indicator_values, indicator_scores, industry_percentile, "
            + "industry_peers, adjustments, adjustment_total, total, tax_per_mu, rank, population_size, industry_rank, industry_size, "
            + "score_class, final_class, managed_as, overrides";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunRows.class);

    private RunRows() {
    }

    static void writeInputs(Connection con, long runId, List<EvaluationInputs.Row> rows) throws SQLException, IOException {
        try (BinaryCopy w = new BinaryCopy(con, "evaluation_run_input", INPUT_COLUMNS)) {
            for (EvaluationInputs.Row r : rows) {
                EnterpriseInput e = r.input();
                w.int8(runId).text(e.uscc()).text(r.name()).text(e.regionCode()).text(e.industryCode()).text(e.sizeClass().name())
                        .text(r.sizeSource()).text(e.status().name()).date(e.registeredOn())
                        .textArray(e.flags()).bool(e.renter()).int4(e.tenantCount()).float8(e.landMu()).float8(r.landOwnedM2())
                        .float8(r.landLeasedInM2()).float8(r.landLeasedOutM2()).text(r.landMergedInto()).float8(e.taxWan())
                        .float8(e.valueAddedWan()).float8(e.revenueWan()).float8(e.energyTce()).float8(e.emissionsT()).float8(e.employees())
                        .float8(e.rndWan()).float8(e.electricityKwh()).bool(r.electricityFromMonths()).float8(e.waterM3()).float8(e.gasM3())
                        .float8(e.landUseTaxYuan()).textArray(e.events()).float8(e.fixedAssetInvestmentWan()).date(e.landTransferredOn())
                        .text(e.exemptionApplied()).int8(r.taxUpload()).int8(r.statsUpload()).int8(r.electricityUpload()).int8(r.energyUpload())
                        .int8(r.emissionUpload()).end();
            }
        }
    }

    /**
     * The result rows, read straight from the engine's columns (no per-enterprise view objects except for the
     * few enterprises with overrides, adjustments or an exemption, whose texts the views build).
     */
    static void writeResults(Connection con, long runId, EvaluationResult result, List<EvaluationInputs.Row> rows) throws SQLException, IOException {
        long t0 = System.nanoTime();
        EvaluationResult.IndustryPercentiles pct = result.industryPercentiles();
        long tPct = System.nanoTime();
        long copyNanos;
        BinaryCopy writer;
        Enterprises e = result.inputs;
        double[] fai = e.q[Quantity.FIXED_ASSET_INVESTMENT.ordinal()];
        int graded = Outcome.GRADED.ordinal();
        int exempt = Outcome.EXEMPT.ordinal();
        // the run's partition: created without indexes, filled, then attached (PostgreSQL then builds the
        // partitioned indexes on it in one pass; the CHECK spares the scan that would prove the bound)
        String part = "evaluation_result_r" + runId; // runId is a number from the sequence
        try (java.sql.Statement st = con.createStatement()) {
            st.execute("create table " + part + " (like evaluation_result including defaults including constraints, check (run_id = " + runId + "))");
        }
        try (BinaryCopy w = new BinaryCopy(con, part, RESULT_COLUMNS)) {
            int n = result.size();
            for (int i = 0; i < n; i++) {
                int o = result.outcome[i];
                Evaluation.PopulationRun run = result.popOf[i] < 0 ? null : result.runs[result.popOf[i]];
                boolean needView = o == exempt || (o == graded && (e.events[i].length > 0 || fai[i] == fai[i]
                        || (!run.def.adjustments().isEmpty() && (e.tenants[i] > 1 || e.flags[i].length > 0))));
                EnterpriseResult er = needView ? result.enterprise(i) : null;
                String division = e.division(i);
                w.int8(runId).text(e.uscc[i]).text(rows.get(i).name()).text(e.region[i]).text(e.industryCode(i))
                        .text(division == null || division.isEmpty() ? null : division)
                        .text(run == null || o != graded && o != exempt ? null : run.groupName(i))
                        .text(run == null ? null : run.kind.name()).text(Outcome.values()[o].name());
                if (o == graded) {
                    w.nul().nul();
                    int a = result.memberPos[i];
                    int k = run.k;
                    double[] values = new double[k];
                    double[] scores = new double[k];
                    double[] pc = new double[k];
                    int[] peers = new int[k];
                    for (int j = 0; j < k; j++) {
                        values[j] = run.x[j][a];
                        scores[j] = run.s[j][a];
                        pc[j] = pct.percentile(i, j);
                        peers[j] = pct.peers(i, j);
                    }
                    w.float8Array(values).float8Array(scores).float8Array(pc).int4Array(peers);
                    List<AdjustmentScore> adj = er == null ? List.of() : er.adjustments();
                    int fin = result.finalClass[i];
                    String finCls = fin < 0 ? null : EvaluationClass.values()[fin].name();
                    w.jsonb(adj.isEmpty() ? null : RunJson.write(adj)).float8(run.adj[a]).float8(run.total[a])
                            .float8(EvaluationResult.nullIfNaN(run.tpm[a])).int4(run.rank[a]).int4(run.n).int4(run.industryRank[a])
                            .int4(run.divisionCount[e.divisionOfIndustry[e.industry[i]]])
                            .text(EvaluationClass.values()[run.scoreClass[a]].name()).text(finCls).text(finCls)
                            .jsonb(er == null || er.overrides().isEmpty() ? null : RunJson.write(er.overrides())).end();
                } else if (o == exempt) {
                    w.text(er.reasonZh()).text(er.reasonEn()).nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul()
                            .nul().nul().text(EvaluationClass.B.name()).jsonb(er.overrides().isEmpty() ? null : RunJson.write(er.overrides())).end();
                } else {
                    EvaluationResult.NotEvaluatedReason r = EvaluationResult.NotEvaluatedReason.values()[result.reason[i]];
                    w.text(r.zh).text(r.en).nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul()
                            .nul().end();
                }
            }
            writer = w;
        }
        copyNanos = writer.sendNanos;
        long tCopy = System.nanoTime();
        try (java.sql.Statement st = con.createStatement()) {
            st.execute("alter table evaluation_result attach partition " + part + " for values in (" + runId + ")");
            long tAttach = System.nanoTime();
            // statistics now, so that the first page views of the run get plans made for its data
            st.execute("set local default_statistics_target = 20"); // a 6,000-row sample is plenty for these plans
            st.execute("analyze " + part);
            long tAnalyze = System.nanoTime();
            LOG.info("run {} results: percentiles {} ms, rows {} ms (of which waiting for COPY {} ms), attach with indexes {} ms, analyze {} ms",
                    runId, (tPct - t0) / 1_000_000, (tCopy - tPct) / 1_000_000, copyNanos / 1_000_000, (tAttach - tCopy) / 1_000_000,
                    (tAnalyze - tAttach) / 1_000_000);
        }
    }

    /**
     * One {@code COPY table (columns) FROM STDIN (FORMAT binary)}: no number is turned into text and parsed back
     * (doubles go as their IEEE 754 bytes, exactly), text is UTF-8 with its length. Chunks of about 256 KiB.
     */
    private static final class BinaryCopy implements AutoCloseable {
        private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
        private static final int FLOAT8 = 701;
        private static final int INT4 = 23;
        private static final int TEXT = 25;
        private static final long PG_EPOCH_DAY = java.time.LocalDate.of(2000, 1, 1).toEpochDay();

        private final CopyIn copy;
        private final short fields;
        private byte[] buf = new byte[1 << 18];
        private int pos;
        private boolean rowStarted;
        long sendNanos;

        BinaryCopy(Connection con, String table, String columns) throws SQLException {
            fields = (short) columns.split(",").length;
            copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin with (format binary)");
            System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
            pos = HEADER.length;
        }

        private void field() {
            if (!rowStarted) {
                ensure(2);
                putShort(fields);
                rowStarted = true;
            }
        }

        BinaryCopy nul() {
            field();
            ensure(4);
            putInt(-1);
            return this;
        }

        BinaryCopy text(String s) {
            if (s == null) {
                return nul();
            }
            field();
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ensure(4 + b.length);
            putInt(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return this;
        }

        /** jsonb's binary form: version 1, then the JSON text. */
        BinaryCopy jsonb(String json) {
            if (json == null) {
                return nul();
            }
            field();
            byte[] b = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ensure(5 + b.length);
            putInt(b.length + 1);
            buf[pos++] = 1;
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return this;
        }

        BinaryCopy int4(Integer v) {
            return v == null ? nul() : int4(v.intValue());
        }

        BinaryCopy int4(int v) {
            field();
            ensure(8);
            putInt(4);
            putInt(v);
            return this;
        }

        BinaryCopy int8(Long v) {
            return v == null ? nul() : int8(v.longValue());
        }

        BinaryCopy int8(long v) {
            field();
            ensure(12);
            putInt(8);
            putLong(v);
            return this;
        }

        BinaryCopy bool(boolean v) {
            field();
            ensure(5);
            putInt(1);
            buf[pos++] = (byte) (v ? 1 : 0);
            return this;
        }

        BinaryCopy float8(Double v) {
            if (v == null || v.isNaN()) {
                return nul();
            }
            return float8(v.doubleValue());
        }

        BinaryCopy float8(double v) {
            if (v != v) {
                return nul();
            }
            field();
            ensure(12);
            putInt(8);
            putLong(Double.doubleToRawLongBits(v));
            return this;
        }

        BinaryCopy float8(java.math.BigDecimal v) {
            return v == null ? nul() : float8(v.doubleValue());
        }

        BinaryCopy date(java.time.LocalDate d) {
            if (d == null) {
                return nul();
            }
            field();
            ensure(8);
            putInt(4);
            putInt((int) (d.toEpochDay() - PG_EPOCH_DAY));
            return this;
        }

        /** float8[] with NaN as NULL elements. */
        BinaryCopy float8Array(double[] v) {
            field();
            boolean nulls = false;
            int size = 20;
            for (double d : v) {
                nulls |= d != d;
                size += d != d ? 4 : 12;
            }
            ensure(4 + size);
            putInt(size);
            putInt(1);
            putInt(nulls ? 1 : 0);
            putInt(FLOAT8);
            putInt(v.length);
            putInt(1);
            for (double d : v) {
                if (d != d) {
                    putInt(-1);
                } else {
                    putInt(8);
                    putLong(Double.doubleToRawLongBits(d));
                }
            }
            return this;
        }

        BinaryCopy int4Array(int[] v) {
            field();
            int size = 20 + 8 * v.length;
            ensure(4 + size);
            putInt(size);
            putInt(1);
            putInt(0);
            putInt(INT4);
            putInt(v.length);
            putInt(1);
            for (int x : v) {
                putInt(4);
                putInt(x);
            }
            return this;
        }

        /** text[] in sorted order (an empty set is an empty array). */
        BinaryCopy textArray(java.util.Set<String> values) {
            field();
            if (values.isEmpty()) {
                ensure(16);
                putInt(12);
                putInt(0);
                putInt(0);
                putInt(TEXT);
                return this;
            }
            List<byte[]> items = values.stream().sorted().map(x -> x.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
            int size = 20;
            for (byte[] b : items) {
                size += 4 + b.length;
            }
            ensure(4 + size);
            putInt(size);
            putInt(1);
            putInt(0);
            putInt(TEXT);
            putInt(items.size());
            putInt(1);
            for (byte[] b : items) {
                putInt(b.length);
                System.arraycopy(b, 0, buf, pos, b.length);
                pos += b.length;
            }
            return this;
        }

        void end() throws SQLException {
            rowStarted = false;
            if (pos >= buf.length - (1 << 14)) {
                flush();
            }
        }

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        private void putShort(short v) {
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        private void putInt(int v) {
            buf[pos++] = (byte) (v >>> 24);
            buf[pos++] = (byte) (v >>> 16);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        private void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        private void flush() throws SQLException {
            if (pos > 0) {
                long s0 = System.nanoTime();
                copy.writeToCopy(buf, 0, pos);
                sendNanos += System.nanoTime() - s0;
                pos = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                ensure(2);
                putShort((short) -1);
                flush();
                long s0 = System.nanoTime();
                copy.endCopy();
                sendNanos += System.nanoTime() - s0;
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }
}
