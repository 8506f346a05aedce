package org.mujun.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.mujun.common.IndustryCode;
import org.mujun.common.Uscc;
import org.mujun.demo.DemoWorld.Dirty;
import org.mujun.demo.DemoWorld.Firm;
import org.mujun.demo.DemoWorld.Lease;
import org.mujun.demo.DemoWorld.ParcelPlan;
import org.mujun.demo.DemoWorld.Role;
import org.mujun.demo.DemoWorld.YearFigures;

/** The pure generator: codes, determinism, the shape of the data and where it lies. */
class DemoWorldUnitTest {

    static final String[] DEFAULT = {"331082", "331003", "330522"};
    static final int LAST = 2025;

    static DemoWorld world(long seed, int n, String... counties) {
        return new DemoWorld(seed, n, DemoCountiesForTest.of(counties), LAST, 0);
    }

    // ------------------------------------------------------------------ codes

    @Test
    void usccsAreValidUniqueAndMarkedAsDemo() {
        DemoWorld first = world(20221, 5000, DEFAULT);
        DemoWorld appended = new DemoWorld(20221, 2000, DemoCountiesForTest.of("330522"), LAST, 1);
        Set<String> seen = new HashSet<>();
        for (DemoWorld w : List.of(first, appended)) {
            for (int i = 0; i < w.size(); i++) {
                Firm f = w.firm(i);
                String u = f.uscc();
                assertThat(Uscc.isValid(u)).as(u).isTrue();
                assertThat(seen.add(u)).as("unique " + u).isTrue();
                // 9 (market regulator) 1 (enterprise), the county, then the demo mark MD and the batch
                assertThat(u).startsWith("91" + w.counties.get(f.county()).code() + "MD" + Uscc.ALPHABET.charAt(w.batch));
                assertThat(DemoWorld.organisationCheck(u.substring(8, 16))).isEqualTo(u.charAt(16));
            }
        }
    }

    @Test
    void organisationCodeCheckCharacterFollowsGb11714() {
        // body 12345678, weights 3,7,9,10,5,8,4,2:
        // 1×3 + 2×7 + 3×9 + 4×10 + 5×5 + 6×8 + 7×4 + 8×2 = 3+14+27+40+25+48+28+16 = 201; 201 mod 11 = 3; 11 − 3 = 8
        assertThat(DemoWorld.organisationCheck("12345678")).isEqualTo('8');
        // body MA000000: M = 22, A = 10: 22×3 + 10×7 = 136; 136 mod 11 = 4; 11 − 4 = 7
        assertThat(DemoWorld.organisationCheck("MA000000")).isEqualTo('7');
        // body 00000001: 1×2 = 2; 11 − 2 = 9.   Body 00000010: 1×4 = 4 → 7.   Body 0000000B: 11×2 = 22 ≡ 0 → 11 → '0'
        assertThat(DemoWorld.organisationCheck("00000001")).isEqualTo('9');
        assertThat(DemoWorld.organisationCheck("0000000B")).isEqualTo('0');
        // body 00000005: 5×2 = 10; 11 − 10 = 1.   Body 0000001A: 1×4 + 10×2 = 24 ≡ 2 → 9.   Body 00000006: 12 ≡ 1 → 10 → 'X'
        assertThat(DemoWorld.organisationCheck("00000006")).isEqualTo('X');
    }

    @Test
    void namesAreUniqueInACountyAndLookLocal() {
        DemoWorld w = world(20221, 3000, DEFAULT);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            assertThat(names.add(f.name())).as(f.name()).isTrue();
            assertThat(f.name()).matches("(临海市|台州市黄岩|长兴县|浙江).+(有限公司|股份有限公司)");
        }
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void theSameSeedGivesByteIdenticalRows() throws Exception {
        String a = hash(world(20221, 400, "331082", "330522"));
        String b = hash(world(20221, 400, "331082", "330522"));
        assertThat(a).isEqualTo(b);
        assertThat(hash(world(20222, 400, "331082", "330522"))).isNotEqualTo(a);
        assertThat(hash(new DemoWorld(20221, 400, DemoCountiesForTest.of("331082", "330522"), LAST, 1))).isNotEqualTo(a);
    }

    /** SHA-256 over every table's COPY lines, zones included. */
    static String hash(DemoWorld w) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long[] zoneIds = new long[w.zones().size()];
        for (int z = 0; z < zoneIds.length; z++) {
            zoneIds[z] = z + 1;
            md.update((w.zones().get(z).name() + w.zones().get(z).geojson()).getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder sb = new StringBuilder();
        for (DemoTable t : DemoTable.values()) {
            for (int i = 0; i < w.size(); i++) {
                t.write(w, w.firm(i), zoneIds, sb);
            }
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    // ------------------------------------------------------------------ distributions (SPEC §5 magnitudes)

    @Test
    void aggregatesOfTheDefaultDemoMatchTheSpecMagnitudes() {
        DemoAggregates a = DemoAggregates.of(world(20221, 3000, DEFAULT));
        // about 35–40 % 规上
        assertThat(a.aboveShare()).isBetween(0.35, 0.40);
        // 规上 亩均税收 Σtax/Σ亩 around 20–25 万元/亩, 亩均增加值 around 100–140 万元/亩
        assertThat(a.aboveTaxPerMu()).isBetween(20.0, 25.0);
        assertThat(a.aboveValueAddedPerMu()).isBetween(100.0, 140.0);
        // 规下 much lower
        assertThat(a.belowTaxPerMu()).isLessThan(a.aboveTaxPerMu() / 3);
        // energy intensity higher in 化工, 非金属, 黑色, 有色 than in machinery
        assertThat(a.energyIntensity(List.of("C26", "C30", "C31", "C32")))
                .isGreaterThan(3 * a.energyIntensity(List.of("C34", "C35", "C38")));
        // most enterprises in a zone, some outside
        assertThat((double) a.inZone / a.total).isBetween(0.55, 0.85);
        assertThat((double) a.operating / a.total).isBetween(0.9, 0.98);
    }

    @Test
    void aLargerSampleStaysInTheBand() {
        DemoAggregates a = DemoAggregates.of(world(7, 20_000, DEFAULT));
        assertThat(a.aboveTaxPerMu()).isBetween(20.0, 25.0);
        assertThat(a.aboveValueAddedPerMu()).isBetween(100.0, 140.0);
        assertThat(a.aboveShare()).isBetween(0.35, 0.40);
    }

    @Test
    void aLongTailOfLowPerformersAndAFewStars() {
        DemoWorld w = world(20221, 3000, DEFAULT);
        int low = 0;
        int stars = 0;
        int above = 0;
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            if (!f.above() || f.role() == Role.TENANT || f.ownedMu() <= 0 || f.dirty() != Dirty.NONE) {
                continue;
            }
            YearFigures y = last(w, f);
            if (y == null) {
                continue;
            }
            above++;
            double taxPerMu = y.tax() / (f.ownedMu() - f.leasedOutMu());
            low += taxPerMu < 3 ? 1 : 0;   // the future 高耗低效 candidates
            stars += taxPerMu > 100 ? 1 : 0;
        }
        assertThat((double) low / above).isBetween(0.04, 0.25);
        assertThat(stars).isGreaterThan(0);
        assertThat((double) stars / above).isLessThan(0.05);
    }

    @Test
    void yearlyFiguresHangTogether() {
        DemoWorld w = world(20221, 2000, DEFAULT);
        int growthChecked = 0;
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            List<YearFigures> ys = w.figures(f);
            for (YearFigures y : ys) {
                assertThat(y.year()).isBetween(LAST - 2, LAST);
                assertThat(y.year()).isGreaterThanOrEqualTo(f.registeredYear());
                if (f.dirty() == Dirty.NONE) {
                    assertThat(y.tax()).isLessThanOrEqualTo(y.revenue());
                    assertThat(y.valueAdded() / y.output()).isBetween(0.1, 0.6);        // 增加值 ≈ 20–30 % of output
                    assertThat(y.rnd() / y.revenue()).isLessThan(0.13);                 // R&D ≈ 1–4 %
                    assertThat(y.vat() + y.cit() + y.otherTax()).isCloseTo(y.tax(), org.assertj.core.data.Offset.offset(1e-6));
                    if (f.above()) {
                        assertThat(y.kwhByMonth()[0]).isEqualTo(java.util.Arrays.stream(y.kwhByMonth(), 1, 13).sum());
                    }
                }
            }
            if (f.dirty() == Dirty.NONE && ys.size() == 3 && f.registeredYear() < LAST - 2) {
                double g = ys.get(2).output() / ys.get(1).output();
                assertThat(g).as("modest year-on-year growth").isBetween(0.3, 2.0);
                growthChecked++;
            }
        }
        assertThat(growthChecked).isGreaterThan(1000);
    }

    // ------------------------------------------------------------------ master data

    @Test
    void masterDataLooksLikeZhejiang() {
        DemoWorld w = world(20221, 3000, DEFAULT);
        Map<String, Integer> statuses = new HashMap<>();
        Map<String, Integer> flags = new HashMap<>();
        int young = 0;
        int manufacturing = 0;
        Set<String> knownDivisions = Set.of("B10", "C13", "C14", "C15", "C17", "C18", "C19", "C20", "C21", "C22", "C23", "C24", "C25", "C26",
                "C27", "C28", "C29", "C30", "C31", "C32", "C33", "C34", "C35", "C36", "C37", "C38", "C39", "C40", "C41", "C42", "C43",
                "D44", "D45", "D46");
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            DemoCounty county = w.counties.get(f.county());
            assertThat(county.towns().stream().map(DemoCounty.Town::code)).contains(w.townCode(f));
            assertThat(knownDivisions).contains(IndustryCode.of(f.industry()).division());
            manufacturing += f.industry().startsWith("C") ? 1 : 0;
            statuses.merge(f.status(), 1, Integer::sum);
            f.flags().forEach(x -> flags.merge(x, 1, Integer::sum));
            assertThat(f.registered()).isBetween(LocalDate.of(1995, 1, 1), LocalDate.of(LAST, 12, 31));
            young += f.registeredYear() >= LAST - 1 ? 1 : 0;
            if (f.zone() >= 0) {
                assertThat(w.zones().get(f.zone()).towns()).contains(f.town());
            }
        }
        assertThat(manufacturing).isGreaterThan(2800);
        assertThat(statuses.get("OPERATING")).isGreaterThan(2700);
        assertThat(statuses.get("SUSPENDED")).isBetween(30, 200);
        assertThat(statuses.get("CLOSED")).isBetween(20, 150);
        assertThat(young).as("registered less than two years ago: exempt").isBetween(60, 300);
        assertThat(flags.get(DemoWorld.DEMO_FLAG)).isEqualTo(3000);
        assertThat(flags.get("公用事业")).isEqualTo(12);      // 热电, 燃气, 水务, 污水处理 per county
        assertThat(flags.get("高新技术")).isBetween(200, 600);
        assertThat(flags.get("专精特新")).isBetween(50, 250);
        assertThat(flags).containsKeys("小巨人", "上市");
        // zones: a 开发区, 工业园区, 小微企业园 with stars and a 特色小镇 in each county, inside the county
        for (DemoWorld.Zone z : w.zones()) {
            assertThat(w.counties.get(z.county()).boundary().contains(z.polygon())).isTrue();
            assertThat(z.stars() != null).isEqualTo(z.kind() == DemoWorld.Kind.MICRO_PARK);
        }
        assertThat(w.zones().stream().map(DemoWorld.Zone::name)).contains("临海经济开发区", "黄岩模具小镇", "长兴新能源小镇");
        assertThat(w.zones()).hasSize(21);
    }

    @Test
    void theSameCountyHasTheSameGeographyForEverySeed() {
        DemoWorld a = world(1, 100, "331082");
        DemoWorld b = world(2, 5000, "331082", "330522");
        assertThat(a.zones().stream().map(DemoWorld.Zone::geojson).toList())
                .isEqualTo(b.zones().stream().filter(z -> z.regionCode().startsWith("331082")).map(DemoWorld.Zone::geojson).toList());
    }

    // ------------------------------------------------------------------ land

    @Test
    void parcelsLieInsideTheirCountyAndMostlyInsideTheirZone() {
        DemoWorld w = world(20221, 1500, "331082", "330522"); // 临海 has islands and a coastline
        int parcels = 0;
        int zoned = 0;
        int inZone = 0;
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            List<ParcelPlan> plans = w.parcels(f);
            if (f.role() == Role.TENANT) {
                assertThat(plans).isEmpty();
                continue;
            }
            assertThat(plans).hasSizeBetween(1, 3);
            var shapes = w.parcelShapes(f, plans);
            Geometry county = w.counties.get(f.county()).boundary();
            for (int j = 0; j < plans.size(); j++) {
                String json = DemoGeometry.toGeoJson(shapes.get(j));
                Geometry g = DemoGeometry.parse(json); // as stored: six decimals
                assertThat(g.isValid()).isTrue();
                assertThat(county.contains(g)).as(plans.get(j).certificate()).isTrue();
                // the drawn area matches the recorded one (degrees → metres at this latitude)
                double m2 = g.getArea() * 111_320 * 111_320 * StrictMath.cos(StrictMath.toRadians(g.getCentroid().getY()));
                assertThat(m2 / plans.get(j).areaM2()).isBetween(0.75, 1.25);
                assertThat(plans.get(j).certificate()).matches("浙\\(20\\d\\d\\)(临海市|长兴县)不动产权第\\d{7}号");
                parcels++;
                if (f.zone() >= 0) {
                    zoned++;
                    inZone += w.zones().get(f.zone()).polygon().contains(g) ? 1 : 0;
                }
            }
        }
        assertThat(parcels).isGreaterThan(1500);
        assertThat((double) inZone / zoned).isGreaterThan(0.85);
    }

    @Test
    void parcelAreasAreSkewedBySize() {
        DemoWorld w = world(20221, 3000, DEFAULT);
        List<Double> above = new java.util.ArrayList<>();
        List<Double> below = new java.util.ArrayList<>();
        int standard = 0;
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            if (f.role() != Role.PLAIN) {
                continue;
            }
            (f.above() ? above : below).add(f.ownedMu());
            for (ParcelPlan p : w.parcels(f)) {
                standard += p.standardLand() ? 1 : 0;
                if (p.standardLand()) {
                    assertThat(p.transferDate().getYear()).isGreaterThanOrEqualTo(2018);
                    assertThat(p.priceWan()).isPositive();
                }
            }
        }
        // lognormal: medians near 30 亩 (规上) and 8 亩 (规下), means above the medians
        assertThat(median(above)).isBetween(24.0, 38.0);
        assertThat(median(below)).isBetween(6.0, 10.5);
        assertThat(above.stream().mapToDouble(x -> x).average().orElseThrow()).isGreaterThan(median(above));
        assertThat(standard).isGreaterThan(100);
    }

    @Test
    void tenantsLeaseFromLandlordsAndAFewLandlordsLeaseOutTooMuch() {
        DemoWorld w = world(20221, 3000, DEFAULT);
        Map<String, Double> leasedOut = new HashMap<>();
        Map<String, Integer> tenantsOf = new HashMap<>();
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            Lease l = w.lease(f);
            if (f.role() == Role.TENANT) {
                Firm landlord = w.firm(f.landlord());
                assertThat(landlord.role()).isEqualTo(Role.LANDLORD);
                assertThat(l.lessor()).isEqualTo(landlord.uscc());
                assertThat(l.certificate()).isEqualTo(w.parcels(landlord).get(0).certificate());
                assertThat(l.startYear()).isLessThanOrEqualTo(Math.max(LAST - 2, f.registeredYear()));
                assertThat(l.endYear()).isGreaterThanOrEqualTo(LAST);
                assertThat(f.town()).isEqualTo(landlord.town());
                leasedOut.merge(l.lessor(), l.areaM2(), Double::sum);
                tenantsOf.merge(l.lessor(), 1, Integer::sum);
            } else {
                assertThat(l).isNull();
            }
        }
        int mismatched = 0;
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            if (f.role() == Role.LANDLORD) {
                double owned = w.parcels(f).stream().mapToDouble(ParcelPlan::areaM2).sum();
                boolean tooMuch = leasedOut.get(f.uscc()) > owned;
                assertThat(tooMuch).isEqualTo(f.dirty() == Dirty.LAND_MISMATCH);
                mismatched += tooMuch ? 1 : 0;
            }
        }
        assertThat(mismatched).isBetween(3, 40);
        assertThat(tenantsOf.values().stream().filter(n -> n >= 3).count()).as("landlords with several tenants").isGreaterThan(5);
        assertThat(tenantsOf.values().stream().mapToInt(x -> x).sum()).isBetween(150, 600);
    }

    @Test
    void everyKindOfPlantedProblemIsPresentEvenInASmallLoad() {
        DemoWorld w = world(20221, 300, "330522");
        Map<Dirty, Integer> kinds = new HashMap<>();
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            kinds.merge(f.dirty(), 1, Integer::sum);
            List<YearFigures> ys = w.figures(f);
            switch (f.dirty()) {
                case TAX_GT_REVENUE -> assertThat(ys).allMatch(y -> y.tax() > y.revenue());
                case ENERGY_ZERO_OUTPUT_LARGE -> assertThat(ys).allMatch(y -> y.kwhByMonth() == null && y.fuel() == null)
                        .anyMatch(y -> y.output() >= 1000);
                case YOY_JUMP -> assertThat(ys).hasSize(3);
                default -> { }
            }
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(Dirty.values());
        assertThat(kinds.get(Dirty.NONE)).isGreaterThan(280);
    }

    @Test
    void refusesImpossibleRequests() {
        assertThatThrownBy(() -> world(1, 0, "330522")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world(1, DemoWorld.MAX_ENTERPRISES + 1, "330522")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoWorld(1, 10, List.of(), LAST, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedPointFormattingIsPlain() {
        assertThat(DemoText.fixed(3.14159, 4)).isEqualTo("3.1416");
        assertThat(DemoText.fixed(12.5, 0)).isEqualTo("13");
        assertThat(DemoText.fixed(-0.004, 2)).isEqualTo("0.00");
        assertThat(DemoText.fixed(-2.5, 1)).isEqualTo("-2.5");
        assertThat(DemoText.fixed(1234567.891, 2)).isEqualTo("1234567.89");
        assertThat(DemoText.fixed(0.05, 2)).isEqualTo("0.05");
        assertThat(DemoText.csv(new StringBuilder(), "{\"a\":[1,2]}").toString()).isEqualTo("\"{\"\"a\"\":[1,2]}\"");
    }

    private static YearFigures last(DemoWorld w, Firm f) {
        return w.figures(f).stream().filter(y -> y.year() == LAST).findFirst().orElse(null);
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }
}
