package org.mujun.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mujun.common.Mu;
import org.mujun.common.WanYuan;

/**
 * 零增地技改 (technical upgrading without new land) policy calculators, SPEC §7, with the Linhai
 * 2022 rules as the shipped data ({@link #linhai2022()}):
 * <ul>
 * <li><b>equipment subsidy</b> (设备补助): the first tier whose thresholds the project meets pays
 * rate × equipment investment, at most the tier's cap — 10 % when the project invests ≥ 1,000 万 and
 * the equipment ≥ 500 万 (cap 300 万), else 5 % when the equipment ≥ 200 万 (cap 200 万), else nothing;</li>
 * <li><b>floor-area reward</b> (新增建筑面积奖励) on two bases: by the enterprise's class (A 60 / B 50
 * 元/m², cap 100 万) and by the building's floors (4 / 5 / 6+ floors: 30 / 40 / 50 元/m², cap 100 万).
 * The Linhai rules list the bases as alternatives, so by default the enterprise gets the
 * <b>higher</b> of the two, once ({@link Combination#HIGHER}); a county that pays both sets
 * {@link Combination#SUM} with an optional cap on the sum;</li>
 * <li><b>land-transfer checks</b> (土地分割转让): a parcel split into at most 3 parcels, each at least 10 亩,
 * and never transferred to a C or D class enterprise.</li>
 * </ul>
 * All thresholds are inclusive ("≥"), amounts in 万元 with 4 decimals (1 元), half-up.
 *
 * @param equipmentTiers  in order; the first tier met applies
 * @param classRates      元/m² of new floor area by enterprise class (absent: no reward)
 * @param classRewardCap  cap of the class-based reward
 * @param floorTiers      元/m² by floors; the tier with the most floors not above the building's applies
 * @param floorRewardCap  cap of the floors-based reward
 * @param combination     how the two bases combine
 * @param combinedCap     cap of the sum for {@link Combination#SUM} (null: none)
 * @param maxParcels      a split yields at most this many parcels
 * @param minParcelArea   each parcel at least this area
 * @param barredClasses   classes that may not receive land
 */
public record ZeroLandTechRules(List<EquipmentTier> equipmentTiers, Map<EnterpriseClass, BigDecimal> classRates, WanYuan classRewardCap,
                                List<FloorTier> floorTiers, WanYuan floorRewardCap, Combination combination, WanYuan combinedCap,
                                int maxParcels, Mu minParcelArea, Set<EnterpriseClass> barredClasses) {

    static final int SCALE = 4;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal YUAN_PER_WAN = new BigDecimal("10000");

    public ZeroLandTechRules {
        equipmentTiers = List.copyOf(equipmentTiers);
        classRates = classRates.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(classRates));
        floorTiers = floorTiers.stream().sorted(Comparator.comparingInt(FloorTier::minFloors)).toList();
        barredClasses = barredClasses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(barredClasses));
        Objects.requireNonNull(classRewardCap, "classRewardCap");
        Objects.requireNonNull(floorRewardCap, "floorRewardCap");
        Objects.requireNonNull(combination, "combination");
        Objects.requireNonNull(minParcelArea, "minParcelArea");
        if (maxParcels < 1) {
            throw new IllegalArgumentException("分割宗数上限至少为1 / the parcel limit must be at least 1");
        }
        for (BigDecimal r : classRates.values()) {
            if (r == null || r.signum() < 0) {
                throw new IllegalArgumentException("奖励标准不能为负 / a reward rate must not be negative");
            }
        }
    }

    /** The Linhai 2022 rules of SPEC §7. */
    public static ZeroLandTechRules linhai2022() {
        return new ZeroLandTechRules(
                List.of(new EquipmentTier(WanYuan.of("1000"), WanYuan.of("500"), new BigDecimal("10"), WanYuan.of("300")),
                        new EquipmentTier(WanYuan.ZERO, WanYuan.of("200"), new BigDecimal("5"), WanYuan.of("200"))),
                Map.of(EnterpriseClass.A, new BigDecimal("60"), EnterpriseClass.B, new BigDecimal("50")), WanYuan.of("100"),
                List.of(new FloorTier(4, new BigDecimal("30")), new FloorTier(5, new BigDecimal("40")), new FloorTier(6, new BigDecimal("50"))),
                WanYuan.of("100"), Combination.HIGHER, null,
                3, new Mu(new BigDecimal("10")), EnumSet.of(EnterpriseClass.C, EnterpriseClass.D));
    }

    /** The 亩均 evaluation class of an enterprise (A best … D worst). */
    public enum EnterpriseClass { A, B, C, D }

    /** How the class-based and floors-based rewards combine. */
    public enum Combination {
        /** The higher of the two (each after its own cap), paid once. */
        HIGHER,
        /** Both (each after its own cap), then the combined cap if any. */
        SUM
    }

    /** An equipment-subsidy tier: both thresholds inclusive; rate in % of the equipment investment. */
    public record EquipmentTier(WanYuan minProjectInvestment, WanYuan minEquipment, BigDecimal ratePercent, WanYuan cap) {
        public EquipmentTier {
            Objects.requireNonNull(minProjectInvestment, "minProjectInvestment");
            Objects.requireNonNull(minEquipment, "minEquipment");
            Objects.requireNonNull(cap, "cap");
            if (ratePercent == null || ratePercent.signum() < 0) {
                throw new IllegalArgumentException("补助比例不能为负 / a subsidy rate must not be negative");
            }
        }
    }

    /** A floors tier: buildings with at least {@code minFloors} floors get {@code yuanPerM2}. */
    public record FloorTier(int minFloors, BigDecimal yuanPerM2) {
        public FloorTier {
            if (minFloors < 1 || yuanPerM2 == null || yuanPerM2.signum() < 0) {
                throw new IllegalArgumentException("层数须为正、奖励标准不能为负 / floors must be positive and the rate not negative");
            }
        }
    }

    /** The equipment subsidy: the tier applied (0-based, -1 none), the amount before and after the cap. */
    public record EquipmentSubsidy(int tier, BigDecimal ratePercent, WanYuan uncapped, WanYuan cap, WanYuan amount, String explanation) {
        public boolean capped() {
            return cap != null && uncapped.value().compareTo(cap.value()) > 0;
        }
    }

    /**
     * Equipment subsidy for a project investing {@code projectInvestment} 万元 of which {@code equipment}
     * 万元 in equipment.
     */
    public EquipmentSubsidy equipmentSubsidy(WanYuan projectInvestment, WanYuan equipment) {
        Objects.requireNonNull(projectInvestment, "projectInvestment");
        Objects.requireNonNull(equipment, "equipment");
        if (projectInvestment.value().signum() < 0 || equipment.value().signum() < 0) {
            throw new IllegalArgumentException("投资额不能为负 / investment must not be negative");
        }
        if (equipment.value().compareTo(projectInvestment.value()) > 0) {
            throw new IllegalArgumentException("设备投资 " + equipment.value().toPlainString() + " 万元超过项目总投资 " + projectInvestment.value().toPlainString()
                    + " 万元 / equipment investment exceeds the project's total investment");
        }
        for (int t = 0; t < equipmentTiers.size(); t++) {
            EquipmentTier tier = equipmentTiers.get(t);
            if (projectInvestment.value().compareTo(tier.minProjectInvestment().value()) >= 0
                    && equipment.value().compareTo(tier.minEquipment().value()) >= 0) {
                BigDecimal uncapped = equipment.value().multiply(tier.ratePercent()).divide(HUNDRED).setScale(SCALE, RoundingMode.HALF_UP);
                BigDecimal amount = uncapped.min(tier.cap().value().setScale(SCALE, RoundingMode.HALF_UP));
                String why = "设备投资 " + equipment.value().toPlainString() + " 万元 × " + tier.ratePercent().toPlainString() + "% = "
                        + uncapped.toPlainString() + " 万元" + (uncapped.compareTo(amount) > 0 ? "，按上限 " + amount.toPlainString() + " 万元" : "")
                        + " / equipment " + equipment.value().toPlainString() + " 万元 × " + tier.ratePercent().toPlainString() + " % = "
                        + uncapped.toPlainString() + " 万元" + (uncapped.compareTo(amount) > 0 ? ", capped at " + amount.toPlainString() + " 万元" : "");
                return new EquipmentSubsidy(t, tier.ratePercent(), new WanYuan(uncapped), tier.cap(), new WanYuan(amount), why);
            }
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(SCALE);
        return new EquipmentSubsidy(-1, BigDecimal.ZERO, new WanYuan(zero), null, new WanYuan(zero),
                "未达到任一补助档次 / meets no subsidy tier");
    }

    /** Which basis the reward was paid on. */
    public enum RewardBasis { NONE, CLASS, FLOORS, BOTH }

    /** Each basis after its own cap, the basis chosen and the amount paid. */
    public record FloorReward(WanYuan byClass, WanYuan byFloors, RewardBasis basis, WanYuan amount, String explanation) {
    }

    /**
     * Floor-area reward for {@code newFloorAreaM2} m² of new floor area in a building of
     * {@code floors} floors built by an enterprise of class {@code cls} (null: not evaluated, no class reward).
     */
    public FloorReward floorReward(EnterpriseClass cls, BigDecimal newFloorAreaM2, int floors) {
        if (newFloorAreaM2 == null || newFloorAreaM2.signum() < 0) {
            throw new IllegalArgumentException("新增建筑面积不能为空或负数 / new floor area must be given and not negative");
        }
        if (floors < 1) {
            throw new IllegalArgumentException("层数必须为正 / the number of floors must be positive");
        }
        BigDecimal classRate = cls == null ? null : classRates.get(cls);
        BigDecimal byClass = classRate == null ? zero() : capped(newFloorAreaM2, classRate, classRewardCap);
        FloorTier tier = null;
        for (FloorTier t : floorTiers) {
            if (floors >= t.minFloors()) {
                tier = t;
            }
        }
        BigDecimal byFloors = tier == null ? zero() : capped(newFloorAreaM2, tier.yuanPerM2(), floorRewardCap);

        RewardBasis basis;
        BigDecimal amount;
        if (combination == Combination.HIGHER) {
            amount = byClass.max(byFloors);
            basis = amount.signum() == 0 ? RewardBasis.NONE : byClass.compareTo(byFloors) >= 0 ? RewardBasis.CLASS : RewardBasis.FLOORS;
        } else {
            amount = byClass.add(byFloors);
            if (combinedCap != null) {
                amount = amount.min(combinedCap.value().setScale(SCALE, RoundingMode.HALF_UP));
            }
            basis = byClass.signum() > 0 && byFloors.signum() > 0 ? RewardBasis.BOTH
                    : byClass.signum() > 0 ? RewardBasis.CLASS : byFloors.signum() > 0 ? RewardBasis.FLOORS : RewardBasis.NONE;
        }
        String area = newFloorAreaM2.toPlainString();
        String why = "按企业类别" + (classRate == null ? "：无（" + (cls == null ? "未评价" : cls + "类") + "）" : " " + cls + "类 " + area + " m² × "
                + classRate.toPlainString() + " 元/m² = " + byClass.toPlainString() + " 万元")
                + "；按层数" + (tier == null ? "：无（" + floors + "层）" : " " + floors + "层 " + area + " m² × " + tier.yuanPerM2().toPlainString() + " 元/m² = "
                + byFloors.toPlainString() + " 万元")
                + "；" + (combination == Combination.HIGHER ? "取高者" : "合计") + " " + amount.toPlainString() + " 万元 / by class "
                + (classRate == null ? "none" : cls + ": " + byClass.toPlainString() + " 万元") + "; by floors "
                + (tier == null ? "none" : floors + ": " + byFloors.toPlainString() + " 万元") + "; "
                + (combination == Combination.HIGHER ? "the higher" : "the sum") + ": " + amount.toPlainString() + " 万元 (each basis capped)";
        return new FloorReward(new WanYuan(byClass), new WanYuan(byFloors), basis, new WanYuan(amount), why);
    }

    /** A failed land-transfer check: a code for programs and a bilingual reason. */
    public record TransferProblem(String code, String reason) {
    }

    /**
     * Checks a split-and-transfer: the areas of the parcels after the split, and the class of the
     * enterprise receiving land (null when it has not been evaluated, e.g. a new enterprise: allowed).
     * Returns every failed check; empty means the transfer may proceed.
     */
    public List<TransferProblem> transferChecks(List<Mu> parcelsAfterSplit, EnterpriseClass transfereeClass) {
        if (parcelsAfterSplit == null || parcelsAfterSplit.isEmpty()) {
            throw new IllegalArgumentException("至少需要一宗地块 / at least one parcel is needed");
        }
        List<TransferProblem> problems = new ArrayList<>();
        if (parcelsAfterSplit.size() > maxParcels) {
            problems.add(new TransferProblem("TOO_MANY_PARCELS", "分割为 " + parcelsAfterSplit.size() + " 宗，超过上限 " + maxParcels + " 宗 / split into "
                    + parcelsAfterSplit.size() + " parcels; at most " + maxParcels + " are allowed"));
        }
        for (int i = 0; i < parcelsAfterSplit.size(); i++) {
            Mu m = parcelsAfterSplit.get(i);
            if (m.value().compareTo(minParcelArea.value()) < 0) {
                problems.add(new TransferProblem("PARCEL_TOO_SMALL", "第 " + (i + 1) + " 宗 " + m.value().stripTrailingZeros().toPlainString() + " 亩，小于 "
                        + minParcelArea.value().stripTrailingZeros().toPlainString() + " 亩 / parcel " + (i + 1) + " has "
                        + m.value().stripTrailingZeros().toPlainString() + " 亩, less than the minimum of "
                        + minParcelArea.value().stripTrailingZeros().toPlainString() + " 亩"));
            }
        }
        if (transfereeClass != null && barredClasses.contains(transfereeClass)) {
            problems.add(new TransferProblem("TRANSFEREE_CLASS", "受让企业为 " + transfereeClass + " 类，不得转让给 " + classes(barredClasses) + " 类企业 / the transferee is class "
                    + transfereeClass + "; land may not go to class " + classes(barredClasses) + " enterprises"));
        }
        return problems;
    }

    private static BigDecimal capped(BigDecimal m2, BigDecimal yuanPerM2, WanYuan cap) {
        BigDecimal wan = m2.multiply(yuanPerM2).divide(YUAN_PER_WAN).setScale(SCALE, RoundingMode.HALF_UP);
        return wan.min(cap.value().setScale(SCALE, RoundingMode.HALF_UP));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

    private static String classes(Set<EnterpriseClass> s) {
        return String.join("/", s.stream().map(Enum::name).toList());
    }
}
