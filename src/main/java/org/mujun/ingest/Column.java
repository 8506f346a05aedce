package org.mujun.ingest;

import java.math.BigDecimal;

/**
 * One column of a data-set template: its code (API field and staging column), Chinese and
 * English headers, unit, kind (how a cell is parsed and checked), whether it is required or part
 * of the key, and the SQL expression that yields the target column's value from the staging row.
 */
public record Column(String code, String zh, String en, String unit, Kind kind, boolean required, boolean key,
              BigDecimal max, String targetColumn, String selectExpression) {

    public enum Kind {
        USCC("char(18)"), YEAR("integer"), MONTH("integer"), DECIMAL("numeric"), TEXT("text"), BOOL("boolean"),
        DATE("date"), TOWN("text"), INDUSTRY("text"), ENERGY_TYPE("text"), ENERGY_UNIT("text"), SIZE("text"),
        STATUS("text"), FLAGS("text[]"), EVENT_TYPE("text"), GEOJSON("text");

        final String sqlType;

        Kind(String sqlType) {
            this.sqlType = sqlType;
        }

        /** Whether values of this kind are strings, so sorted under a collation. */
        boolean collatable() {
            return sqlType.startsWith("text") && !sqlType.endsWith("[]") || sqlType.startsWith("char");
        }
    }

    static Column of(String code, String zh, String en, String unit, Kind kind) {
        return new Column(code, zh, en, unit, kind, false, false, null, code, "s." + code);
    }

    Column asRequired() {
        return new Column(code, zh, en, unit, kind, true, key, max, targetColumn, selectExpression);
    }

    Column asKey() {
        return new Column(code, zh, en, unit, kind, true, true, max, targetColumn, selectExpression);
    }

    Column withMax(String value) {
        return new Column(code, zh, en, unit, kind, required, key, new BigDecimal(value), targetColumn, selectExpression);
    }

    /** Writes into another target column through an SQL expression over staging row {@code s}. */
    Column into(String target, String expression) {
        return new Column(code, zh, en, unit, kind, required, key, max, target, expression);
    }

    /** The header as in the template: 名称(单位). */
    public String header() {
        return unit == null ? zh : zh + "(" + unit + ")";
    }

    public String headerEn() {
        return unit == null ? en : en + " (" + unit + ")";
    }
}
