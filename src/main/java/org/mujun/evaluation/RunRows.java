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

    private RunRows() {
    }

    static void writeInputs(Connection con, long runId, List<EvaluationInputs.Row> rows) throws SQLException, IOException {
        try (CopyWriter w = new CopyWriter(con, "copy evaluation_run_input (" + INPUT_COLUMNS + ") from stdin")) {
            for (EvaluationInputs.Row r : rows) {
                EnterpriseInput e = r.input();
                w.num(runId).text(e.uscc()).text(r.name()).text(e.regionCode()).text(e.industryCode()).text(e.sizeClass().name())
                        .text(r.sizeSource()).text(e.status().name()).text(e.registeredOn() == null ? null : e.registeredOn().toString())
                        .textArray(e.flags()).bool(e.renter()).num(e.tenantCount()).dbl(e.landMu()).dec(r.landOwnedM2())
                        .dec(r.landLeasedInM2()).dec(r.landLeasedOutM2()).text(r.landMergedInto()).dbl(e.taxWan()).dbl(e.valueAddedWan())
                        .dbl(e.revenueWan()).dbl(e.energyTce()).dbl(e.emissionsT()).dbl(e.employees()).dbl(e.rndWan())
                        .dbl(e.electricityKwh()).bool(r.electricityFromMonths()).dbl(e.waterM3()).dbl(e.gasM3()).dbl(e.landUseTaxYuan())
                        .textArray(e.events()).dbl(e.fixedAssetInvestmentWan())
                        .text(e.landTransferredOn() == null ? null : e.landTransferredOn().toString()).text(e.exemptionApplied())
                        .lng(r.taxUpload()).lng(r.statsUpload()).lng(r.electricityUpload()).lng(r.energyUpload()).lng(r.emissionUpload())
                        .end();
            }
        }
    }

    /**
     * The result rows, read straight from the engine's columns (no per-enterprise view objects except for the
     * few enterprises with overrides, adjustments or an exemption, whose texts the views build).
     */
    static void writeResults(Connection con, long runId, EvaluationResult result, List<EvaluationInputs.Row> rows) throws SQLException, IOException {
        EvaluationResult.IndustryPercentiles pct = result.industryPercentiles();
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
        try (CopyWriter w = new CopyWriter(con, "copy " + part + " (" + RESULT_COLUMNS + ") from stdin")) {
            int n = result.size();
            for (int i = 0; i < n; i++) {
                int o = result.outcome[i];
                Evaluation.PopulationRun run = result.popOf[i] < 0 ? null : result.runs[result.popOf[i]];
                boolean needView = o == exempt || (o == graded && (e.events[i].length > 0 || fai[i] == fai[i]
                        || (!run.def.adjustments().isEmpty() && (e.tenants[i] > 1 || e.flags[i].length > 0))));
                EnterpriseResult er = needView ? result.enterprise(i) : null;
                String division = e.division(i);
                w.num(runId).text(e.uscc[i]).text(rows.get(i).name()).text(e.region[i]).text(e.industryCode(i))
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
                    w.dblArray(values).dblArray(scores).dblArray(pc).intArray(peers);
                    List<AdjustmentScore> adj = er == null ? List.of() : er.adjustments();
                    int fin = result.finalClass[i];
                    String finCls = fin < 0 ? null : EvaluationClass.values()[fin].name();
                    w.json(adj.isEmpty() ? null : RunJson.write(adj)).dbl(run.adj[a]).dbl(run.total[a])
                            .dbl(EvaluationResult.nullIfNaN(run.tpm[a])).num(run.rank[a]).num(run.n).num(run.industryRank[a])
                            .num(run.divisionCount[e.divisionOfIndustry[e.industry[i]]])
                            .text(EvaluationClass.values()[run.scoreClass[a]].name()).text(finCls).text(finCls)
                            .json(er == null || er.overrides().isEmpty() ? null : RunJson.write(er.overrides())).end();
                } else if (o == exempt) {
                    w.text(er.reasonZh()).text(er.reasonEn()).nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul()
                            .nul().nul().text(EvaluationClass.B.name()).json(er.overrides().isEmpty() ? null : RunJson.write(er.overrides())).end();
                } else {
                    EvaluationResult.NotEvaluatedReason r = EvaluationResult.NotEvaluatedReason.values()[result.reason[i]];
                    w.text(r.zh).text(r.en).nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul()
                            .nul().end();
                }
            }
        }
        try (java.sql.Statement st = con.createStatement()) {
            st.execute("alter table evaluation_result attach partition " + part + " for values in (" + runId + ")");
            // statistics now, so that the first page views of the run get plans made for its data
            st.execute("analyze " + part);
        }
    }

    /** One COPY … FROM STDIN in text format: tab-separated, \N for null, backslash escapes. */
    private static final class CopyWriter implements AutoCloseable {
        private final CopyIn copy;
        private final StringBuilder buf = new StringBuilder(1 << 17);
        private boolean first = true;

        CopyWriter(Connection con, String sql) throws SQLException {
            copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        private StringBuilder next() {
            if (!first) {
                buf.append('\t');
            }
            first = false;
            return buf;
        }

        CopyWriter nul() {
            next().append("\\N");
            return this;
        }

        CopyWriter text(String s) {
            if (s == null) {
                return nul();
            }
            StringBuilder b = next();
            escape(b, s);
            return this;
        }

        CopyWriter json(String s) {
            return text(s);
        }

        CopyWriter num(Integer v) {
            if (v == null) {
                return nul();
            }
            next().append(v.intValue());
            return this;
        }

        CopyWriter num(long v) {
            next().append(v);
            return this;
        }

        CopyWriter lng(Long v) {
            return v == null ? nul() : num(v.longValue());
        }

        CopyWriter bool(boolean v) {
            next().append(v ? 't' : 'f');
            return this;
        }

        CopyWriter dbl(Double v) {
            if (v == null || v.isNaN()) {
                return nul();
            }
            next().append(Double.toString(v));
            return this;
        }

        CopyWriter dec(BigDecimal v) {
            if (v == null) {
                return nul();
            }
            next().append(v.toPlainString());
            return this;
        }

        CopyWriter dblArray(double[] v) {
            StringBuilder b = next().append('{');
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(Double.isNaN(v[i]) ? "NULL" : Double.toString(v[i]));
            }
            b.append('}');
            return this;
        }

        CopyWriter intArray(int[] v) {
            StringBuilder b = next().append('{');
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(v[i]);
            }
            b.append('}');
            return this;
        }

        CopyWriter textArray(Set<String> values) {
            StringBuilder b = next().append('{');
            boolean firstItem = true;
            for (String s : values.stream().sorted().toList()) {
                if (!firstItem) {
                    b.append(',');
                }
                firstItem = false;
                // array element quoted with " and \ escaped; then the whole escaped again for COPY text
                StringBuilder el = new StringBuilder("\"");
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') {
                        el.append('\\');
                    }
                    el.append(c);
                }
                el.append('"');
                escape(b, el.toString());
            }
            b.append('}');
            return this;
        }

        void end() throws SQLException {
            buf.append('\n');
            first = true;
            if (buf.length() >= (1 << 17) - 4096) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (buf.length() > 0) {
                byte[] bytes = buf.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buf.setLength(0);
            }
        }

        private static void escape(StringBuilder b, String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(c);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }
}
