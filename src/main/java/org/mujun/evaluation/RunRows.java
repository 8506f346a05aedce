package org.mujun.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mujun.evaluation.EvaluationResult.AdjustmentScore;
import org.mujun.evaluation.EvaluationResult.EnterpriseResult;
import org.mujun.evaluation.EvaluationResult.IndicatorScore;
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
            + "outcome, reason_zh, reason_en, indicator_values, indicator_benchmarks, indicator_scores, indicator_flags, industry_percentile, "
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

    static void writeResults(Connection con, long runId, EvaluationResult result, List<EvaluationInputs.Row> rows) throws SQLException, IOException {
        EvaluationResult.IndustryPercentiles pct = result.industryPercentiles();
        try (CopyWriter w = new CopyWriter(con, "copy evaluation_result (" + RESULT_COLUMNS + ") from stdin")) {
            int n = result.size();
            for (int i = 0; i < n; i++) {
                EnterpriseResult er = result.enterprise(i);
                boolean graded = er.outcome() == Outcome.GRADED;
                w.num(runId).text(er.uscc()).text(rows.get(i).name()).text(er.regionCode()).text(er.industryCode())
                        .text(er.industryDivision() == null || er.industryDivision().isEmpty() ? null : er.industryDivision())
                        .text(er.industryGroup()).text(er.population() == null ? null : er.population().name()).text(er.outcome().name())
                        .text(er.reasonZh()).text(er.reasonEn());
                if (graded) {
                    List<IndicatorScore> ind = er.indicators();
                    int k = ind.size();
                    double[] values = new double[k];
                    double[] bench = new double[k];
                    double[] scores = new double[k];
                    int[] flags = new int[k];
                    double[] pc = new double[k];
                    int[] peers = new int[k];
                    for (int j = 0; j < k; j++) {
                        IndicatorScore s = ind.get(j);
                        values[j] = s.value() == null ? Double.NaN : s.value();
                        bench[j] = s.benchmark() == null ? Double.NaN : s.benchmark();
                        scores[j] = s.score();
                        flags[j] = (s.missing() ? 1 : 0) | (s.averageApplied() ? 2 : 0) | (s.capped() ? 4 : 0);
                        pc[j] = pct.percentile(i, j);
                        peers[j] = pct.peers(i, j);
                    }
                    w.dblArray(values).dblArray(bench).dblArray(scores).intArray(flags).dblArray(pc).intArray(peers);
                    List<AdjustmentScore> adj = er.adjustments();
                    w.json(adj.isEmpty() ? null : RunJson.write(adj)).dbl(result.adjustmentTotal(i)).dbl(er.total())
                            .dbl(EvaluationResult.nullIfNaN(result.taxPerMu(i))).num(er.rank()).num(er.populationSize()).num(er.industryRank())
                            .num(er.industrySize());
                } else {
                    w.nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul().nul();
                }
                w.text(er.scoreClass() == null ? null : er.scoreClass().name()).text(er.finalClass() == null ? null : er.finalClass().name())
                        .text(er.managedAs() == null ? null : er.managedAs().name())
                        .json(er.overrides().isEmpty() ? null : RunJson.write(er.overrides())).end();
            }
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
