package org.mujun.evaluation;

import java.time.LocalDate;
import java.util.Set;

/**
 * One enterprise-year as the engine reads it. Missing figures are null (a missing numerator or a zero or
 * missing denominator makes an indicator missing, SPEC §5.1 step 2). Money in 万元 unless named otherwise.
 *
 * @param renter            a 租赁企业 (occupies leased land only); evaluated in the TENANT population when the scheme has one
 * @param tenantCount       how many enterprises rent land from this one (出租对象), for the tenant deduction
 * @param landMu            evaluated land (用地面积, owned + leased-in − leased-out), 亩
 * @param events            event types of the evaluation year (MAJOR_SAFETY_ACCIDENT, ENVIRONMENTAL_PENALTY, …)
 * @param exemptionApplied  reason of an approved application for 不定等级 (e.g. 政策性搬迁), or null
 */
public record EnterpriseInput(String uscc, String regionCode, String industryCode, SizeClass sizeClass, Status status,
                              LocalDate registeredOn, Set<String> flags, boolean renter, int tenantCount,
                              Double landMu, Double taxWan, Double valueAddedWan, Double revenueWan, Double energyTce,
                              Double emissionsT, Double employees, Double rndWan, Double electricityKwh, Double waterM3,
                              Double gasM3, Double landUseTaxYuan, Set<String> events, Double fixedAssetInvestmentWan,
                              LocalDate landTransferredOn, String exemptionApplied) {

    public EnterpriseInput {
        if (uscc == null || uscc.isBlank()) {
            throw new IllegalArgumentException("统一社会信用代码为空 / USCC is empty");
        }
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        events = events == null ? Set.of() : Set.copyOf(events);
        sizeClass = sizeClass == null ? SizeClass.ABOVE : sizeClass;
        status = status == null ? Status.OPERATING : status;
    }

    /** The figure for a quantity, or null. */
    public Double quantity(Quantity q) {
        return switch (q) {
            case LAND -> landMu;
            case TAX -> taxWan;
            case VALUE_ADDED -> valueAddedWan;
            case REVENUE -> revenueWan;
            case ENERGY -> energyTce;
            case EMISSIONS -> emissionsT;
            case EMPLOYEES -> employees;
            case RND -> rndWan;
            case ELECTRICITY -> electricityKwh;
            case WATER -> waterM3;
            case GAS -> gasM3;
            case LAND_USE_TAX -> landUseTaxYuan;
            case FIXED_ASSET_INVESTMENT -> fixedAssetInvestmentWan;
        };
    }

    public static Builder builder(String uscc) {
        return new Builder(uscc);
    }

    public Builder toBuilder() {
        Builder b = new Builder(uscc);
        b.regionCode = regionCode;
        b.industryCode = industryCode;
        b.sizeClass = sizeClass;
        b.status = status;
        b.registeredOn = registeredOn;
        b.flags = flags;
        b.renter = renter;
        b.tenantCount = tenantCount;
        for (Quantity q : Quantity.values()) {
            b.quantities[q.ordinal()] = quantity(q);
        }
        b.events = events;
        b.landTransferredOn = landTransferredOn;
        b.exemptionApplied = exemptionApplied;
        return b;
    }

    /** Readable construction for tests and adapters. */
    public static final class Builder {
        private final String uscc;
        private String regionCode;
        private String industryCode;
        private SizeClass sizeClass = SizeClass.ABOVE;
        private Status status = Status.OPERATING;
        private LocalDate registeredOn;
        private Set<String> flags = Set.of();
        private boolean renter;
        private int tenantCount;
        private final Double[] quantities = new Double[Quantity.values().length];
        private Set<String> events = Set.of();
        private LocalDate landTransferredOn;
        private String exemptionApplied;

        private Builder(String uscc) {
            this.uscc = uscc;
        }

        public Builder region(String v) {
            regionCode = v;
            return this;
        }

        public Builder industry(String v) {
            industryCode = v;
            return this;
        }

        public Builder size(SizeClass v) {
            sizeClass = v;
            return this;
        }

        public Builder status(Status v) {
            status = v;
            return this;
        }

        public Builder registeredOn(LocalDate v) {
            registeredOn = v;
            return this;
        }

        public Builder flags(String... v) {
            flags = Set.of(v);
            return this;
        }

        public Builder renter(boolean v) {
            renter = v;
            return this;
        }

        public Builder tenants(int v) {
            tenantCount = v;
            return this;
        }

        public Builder set(Quantity q, Double v) {
            quantities[q.ordinal()] = v;
            return this;
        }

        public Builder land(Double v) {
            return set(Quantity.LAND, v);
        }

        public Builder tax(Double v) {
            return set(Quantity.TAX, v);
        }

        public Builder valueAdded(Double v) {
            return set(Quantity.VALUE_ADDED, v);
        }

        public Builder revenue(Double v) {
            return set(Quantity.REVENUE, v);
        }

        public Builder energy(Double v) {
            return set(Quantity.ENERGY, v);
        }

        public Builder emissions(Double v) {
            return set(Quantity.EMISSIONS, v);
        }

        public Builder employees(Double v) {
            return set(Quantity.EMPLOYEES, v);
        }

        public Builder rnd(Double v) {
            return set(Quantity.RND, v);
        }

        public Builder kwh(Double v) {
            return set(Quantity.ELECTRICITY, v);
        }

        public Builder water(Double v) {
            return set(Quantity.WATER, v);
        }

        public Builder gas(Double v) {
            return set(Quantity.GAS, v);
        }

        public Builder landUseTax(Double yuan) {
            return set(Quantity.LAND_USE_TAX, yuan);
        }

        public Builder events(String... v) {
            events = Set.of(v);
            return this;
        }

        public Builder investment(Double v) {
            return set(Quantity.FIXED_ASSET_INVESTMENT, v);
        }

        public Builder landTransferredOn(LocalDate v) {
            landTransferredOn = v;
            return this;
        }

        public Builder exemptionApplied(String v) {
            exemptionApplied = v;
            return this;
        }

        public EnterpriseInput build() {
            Double[] q = quantities;
            return new EnterpriseInput(uscc, regionCode, industryCode, sizeClass, status, registeredOn, flags, renter, tenantCount,
                    q[Quantity.LAND.ordinal()], q[Quantity.TAX.ordinal()], q[Quantity.VALUE_ADDED.ordinal()], q[Quantity.REVENUE.ordinal()],
                    q[Quantity.ENERGY.ordinal()], q[Quantity.EMISSIONS.ordinal()], q[Quantity.EMPLOYEES.ordinal()], q[Quantity.RND.ordinal()],
                    q[Quantity.ELECTRICITY.ordinal()], q[Quantity.WATER.ordinal()], q[Quantity.GAS.ordinal()],
                    q[Quantity.LAND_USE_TAX.ordinal()], events, q[Quantity.FIXED_ASSET_INVESTMENT.ordinal()], landTransferredOn,
                    exemptionApplied);
        }
    }
}
