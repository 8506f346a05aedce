package org.mujun.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.mujun.common.Uscc;
import org.mujun.demo.DemoIndustries.Division;
import org.mujun.demo.DemoIndustries.Word;

/**
 * The demo world, generated from a seed (pure Java: no Spring, SQL or clock). Enterprise {@code i}
 * and everything about it (parcels, leases, three years of tax, statistics, electricity, energy,
 * emissions and events) is a function of (seed, batch, county, index in county) alone, so each table
 * can be streamed in its own pass with nothing held in memory, and the same seed gives byte-identical
 * rows. Geography (town centres, zones) depends only on the county, so every seed shares it.
 * <p>
 * Enterprises are laid out county by county; within a county, groups of {@value #GROUP} neighbours
 * may hold a landlord (出租方) and its tenants (承租方), who own no land and sit on the landlord's parcel.
 * A few rows are deliberately wrong so that the data-quality checks have something to find
 * ({@link Dirty}).
 */
final class DemoWorld {

    static final int GROUP = 10;
    static final int MAX_ENTERPRISES = 1_000_000;
    static final double M2_PER_MU = 666.67;
    static final String DEMO_FLAG = "DEMO";
    /** Demo USCCs read 91 + county + "MD" + batch + five characters + GB 11714 check + GB 32100 check. */
    static final String USCC_MARK = "MD";

    private static final long GEO_SEED = 0x6d756a756e67656fL; // geography is the same for every seed
    private static final double[] SEASON = {1.0, 0.62, 1.0, 1.02, 1.03, 1.05, 1.12, 1.12, 1.03, 1.0, 1.0, 1.02};
    private static final int[] UTILITY_SLOTS = {3, 4, 5, 6}; // in-county indices of the utilities (D44, D45, D46 ×2)
    private static final String[] SAFETY = {"车间发生火灾事故，造成1人死亡", "机械伤害事故，造成1人死亡", "危化品仓库爆燃事故，造成2人死亡",
            "高处坠落事故，造成1人死亡", "有限空间作业中毒事故，造成2人死亡"};
    private static final String[] ENVIRONMENT = {"废水超标排放", "废气未经处理直接排放", "危险废物贮存不规范", "未批先建，环保设施未验收",
            "在线监测数据异常"};
    private static final String[] DISHONEST = {"欠缴税款被列入税收违法失信名单", "未履行生效判决，被列为失信被执行人", "标准地出让合同约定指标未履约",
            "拖欠农民工工资被列入失信名单"};

    enum Kind { DEVELOPMENT_ZONE, INDUSTRIAL_PARK, MICRO_PARK, CHARACTERISTIC_TOWN }

    enum Role { PLAIN, LANDLORD, TENANT, UTILITY }

    enum Tier { NORMAL, STAR, LOW }

    /** Planted data problems, each of a kind {@code QualityChecks} reports. */
    enum Dirty { NONE, TAX_GT_REVENUE, YOY_JUMP, ENERGY_ZERO_OUTPUT_LARGE, LAND_MISMATCH }

    record Zone(int index, int county, String name, Kind kind, String regionCode, Integer stars, Polygon polygon,
                PreparedGeometry prepared, List<Integer> towns) {

        String geojson() {
            return DemoGeometry.toGeoJson(polygon);
        }
    }

    /** One enterprise as generated: master data and the shape of its economy (levels of the last year). */
    record Firm(int index, int county, int k, String uscc, String name, int town, int zone, String industry, Division division,
                boolean above, String status, LocalDate registered, int closedYear, List<String> flags, Role role, int landlord,
                Dirty dirty, Tier tier, double usedMu, double leasedOutMu, double ownedMu, double output, double revenueFactor,
                double vaRatio, double taxOnVa, boolean polluter) {

        int registeredYear() {
            return registered.getYear();
        }

    }

    /** What one enterprise reported in one year (money in 万元). */
    record YearFigures(int year, double revenue, double output, double valueAdded, long employees, double rnd, double tax, double vat,
                       double cit, double otherTax, Double refund, long[] kwhByMonth, double[] fuel, double[] emissions) {
    }

    record ParcelPlan(int ordinal, String certificate, double areaM2, String landUse, boolean standardLand, LocalDate transferDate,
                      Double priceWan) { }

    record Event(LocalDate date, String type, String description) { }

    final long seed;
    final int enterprises;
    final int lastYear;
    final int batch;
    final List<DemoCounty> counties;
    private final int[] countyStart;
    private final long[] countyKey; // the county code: random streams depend on the county, not on its position in the list
    private final PreparedGeometry[] boundaries;
    private final Coordinate[][] townCentres;
    private final double[][] townWeights;
    private final double[][] industryWeights;
    private final List<Zone> zones = new ArrayList<>();
    private final List<List<Zone>> zonesByTown = new ArrayList<>(); // flattened: county offset + town
    private final int[] townOffset;

    /**
     * @param lastYear the last of the three data years (the year before the current one)
     * @param batch    0 for the first load, n for the n-th {@code --append}: keeps USCCs and
     *                 certificate numbers of later loads apart from earlier ones
     */
    DemoWorld(long seed, int enterprises, List<DemoCounty> counties, int lastYear, int batch) {
        if (enterprises < 1 || enterprises > MAX_ENTERPRISES) {
            throw new IllegalArgumentException("企业数应为 1 至 " + MAX_ENTERPRISES + " / the number of enterprises must be 1 to " + MAX_ENTERPRISES);
        }
        if (counties.isEmpty()) {
            throw new IllegalArgumentException("至少需要一个县（市、区） / at least one county is needed");
        }
        if (batch < 0 || batch >= Uscc.ALPHABET.length()) {
            throw new IllegalArgumentException("演示数据最多追加 30 次 / demo data can be appended at most 30 times");
        }
        this.seed = seed;
        this.enterprises = enterprises;
        this.lastYear = lastYear;
        this.batch = batch;
        this.counties = List.copyOf(counties);
        int n = counties.size();
        countyStart = new int[n + 1];
        countyKey = new long[n];
        boundaries = new PreparedGeometry[n];
        townCentres = new Coordinate[n][];
        townWeights = new double[n][];
        industryWeights = new double[n][];
        townOffset = new int[n + 1];
        double[] countyWeights = new double[n];
        for (int c = 0; c < n; c++) {
            DemoCounty county = counties.get(c);
            boundaries[c] = DemoGeometry.prepare(county.boundary());
            countyKey[c] = Long.parseLong(county.code());
            industryWeights[c] = DemoIndustries.shares(county.code());
            long rural = county.towns().stream().filter(t -> !t.kind().equals("街道")).count();
            // more towns and a less urban county: more industrial enterprises
            countyWeights[c] = county.towns().size() * (0.3 + 0.7 * rural / county.towns().size());
            townOffset[c + 1] = townOffset[c] + county.towns().size();
        }
        apportion(countyWeights);
        for (int c = 0; c < n; c++) {
            layOut(c);
        }
    }

    /** Largest-remainder split of the enterprises over the counties by weight. */
    private void apportion(double[] weights) {
        double total = Arrays.stream(weights).sum();
        int n = weights.length;
        int[] count = new int[n];
        double[] rest = new double[n];
        int given = 0;
        for (int c = 0; c < n; c++) {
            double exact = enterprises * weights[c] / total;
            count[c] = (int) exact;
            rest[c] = exact - count[c];
            given += count[c];
        }
        while (given < enterprises) {
            int best = 0;
            for (int c = 1; c < n; c++) {
                if (rest[c] > rest[best]) {
                    best = c;
                }
            }
            count[best]++;
            rest[best] = -1;
            given++;
        }
        for (int c = 0; c < n; c++) {
            countyStart[c + 1] = countyStart[c] + count[c];
        }
    }

    /** Town centres and zones of a county: fixed by the county code, the same for every seed. */
    private void layOut(int c) {
        DemoCounty county = counties.get(c);
        long code = Long.parseLong(county.code());
        DemoRandom r = DemoRandom.of(GEO_SEED, code);
        PreparedGeometry boundary = boundaries[c];
        Geometry g = boundary.getGeometry();
        Coordinate middle = g.getInteriorPoint().getCoordinate();
        double spread = 0.12 * StrictMath.sqrt(g.getEnvelopeInternal().getArea()) * 111_320;
        List<DemoCounty.Town> towns = county.towns();
        townCentres[c] = new Coordinate[towns.size()];
        for (int t = 0; t < towns.size(); t++) {
            townCentres[c][t] = towns.get(t).kind().equals("街道")
                    ? DemoGeometry.randomPointNear(middle, spread, boundary, r)
                    : DemoGeometry.randomPointIn(boundary, r);
            zonesByTown.add(new ArrayList<>());
        }
        // zones: one 开发区 on 街道 (spilling into a neighbouring town), two 工业园区 and three 小微企业园
        // on 镇 where there are some, one 特色小镇
        List<Integer> used = new ArrayList<>();
        int dev = pickTown(towns, r, used, "街道", 4);
        if (dev >= 0) {
            int second = nearestTown(c, dev, used);
            addZone(c, county.shortName() + "经济开发区", Kind.DEVELOPMENT_ZONE, county.code(), null, 12e6,
                    second >= 0 ? List.of(dev, second) : List.of(dev), r);
        }
        for (int i = 0; i < 2; i++) {
            int t = pickTown(towns, r, used, "镇", 3);
            if (t >= 0) {
                addZone(c, towns.get(t).shortName() + "工业园区", Kind.INDUSTRIAL_PARK, towns.get(t).code(), null, 2.5e6, List.of(t), r);
            }
        }
        List<Integer> microUsed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int t = pickTown(towns, r, microUsed, "镇", 2);
            if (t >= 0) {
                int stars = 1 + r.pick(new double[]{10, 25, 35, 20, 10});
                addZone(c, county.shortName() + towns.get(t).shortName() + "小微企业园",
                        Kind.MICRO_PARK, towns.get(t).code(), stars, 0.25e6, List.of(t), r);
            }
        }
        int t = pickTown(towns, r, used, "镇", 2);
        if (t >= 0) {
            String theme = DemoIndustries.TOWN_THEME.getOrDefault(county.code(), r.pick(DemoIndustries.TOWN_THEMES));
            addZone(c, county.shortName() + theme + "小镇", Kind.CHARACTERISTIC_TOWN, towns.get(t).code(), null, 3e6, List.of(t), r);
        }
        double[] w = new double[towns.size()];
        for (int i = 0; i < towns.size(); i++) {
            double base = switch (towns.get(i).kind()) {
                case "街道" -> 1.6;
                case "镇" -> 1.4;
                case "乡" -> 0.25;
                default -> 1.0;
            };
            w[i] = base * (1 + 4 * zonesByTown.get(townOffset[c] + i).size());
        }
        townWeights[c] = w;
    }

    /** A town not yet in {@code used}, preferring the given kind by {@code preference}; -1 when none is left. */
    private static int pickTown(List<DemoCounty.Town> towns, DemoRandom r, List<Integer> used, String kind, double preference) {
        double[] w = new double[towns.size()];
        boolean any = false;
        for (int i = 0; i < w.length; i++) {
            if (!used.contains(i)) {
                String k = towns.get(i).kind();
                w[i] = k.equals(kind) ? preference : k.equals("乡") ? 0.2 : 1;
                any = true;
            }
        }
        if (!any) {
            return -1;
        }
        int t = r.pick(w);
        used.add(t);
        return t;
    }

    private int nearestTown(int c, int from, List<Integer> used) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < townCentres[c].length; i++) {
            if (i != from) {
                double d = townCentres[c][i].distance(townCentres[c][from]);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        if (best >= 0 && !used.contains(best)) {
            used.add(best);
        }
        return best;
    }

    private void addZone(int c, String name, Kind kind, String regionCode, Integer stars, double areaM2, List<Integer> towns, DemoRandom r) {
        PreparedGeometry boundary = boundaries[c];
        Coordinate home = townCentres[c][towns.get(0)];
        Polygon shape = null;
        double area = areaM2;
        for (int attempt = 0; attempt < 60 && shape == null; attempt++) {
            if (attempt > 0 && attempt % 10 == 0) {
                area *= 0.6; // a small county or a coastal town: shrink until it fits
            }
            Coordinate centre = attempt < 30 ? DemoGeometry.randomPointNear(home, 800, boundary, r) : DemoGeometry.randomPointIn(boundary, r);
            Polygon p = DemoGeometry.outline(centre, area, r);
            if (p.isValid() && boundary.contains(p)) {
                shape = p;
            }
        }
        if (shape == null) {
            return;
        }
        Zone z = new Zone(zones.size(), c, name, kind, regionCode, stars, shape, DemoGeometry.prepare(shape), List.copyOf(towns));
        zones.add(z);
        for (int t : towns) {
            zonesByTown.get(townOffset[c] + t).add(z);
        }
    }

    /** The nine-digit code of the enterprise's town. */
    String townCode(Firm f) {
        return counties.get(f.county()).towns().get(f.town()).code();
    }

    List<Zone> zones() {
        return zones;
    }

    int size() {
        return enterprises;
    }

    int countyOf(int i) {
        int c = Arrays.binarySearch(countyStart, i);
        if (c >= 0) {
            while (c + 1 < countyStart.length && countyStart[c + 1] == i) {
                c++; // skip counties that got no enterprises
            }
            return c;
        }
        return -c - 2;
    }

    int enterprisesIn(int county) {
        return countyStart[county + 1] - countyStart[county];
    }

    /** The first three data years end with {@link #lastYear}. */
    int[] years() {
        return new int[]{lastYear - 2, lastYear - 1, lastYear};
    }

    // ---------------------------------------------------------------- enterprises

    /** Landlord position in a group (-1 none), tenants as a bit set of positions, and whether the landlord leases out more than it owns. */
    private record GroupPlan(int landlord, int tenants, boolean mismatch) { }

    private GroupPlan plan(int c, int g) {
        int size = Math.min(GROUP, enterprisesIn(c) - g * GROUP);
        if (g == 0 || size < 2) {
            return new GroupPlan(-1, 0, false); // group 0 holds the utilities
        }
        DemoRandom r = DemoRandom.of(seed, 7, batch, countyKey[c], g);
        boolean forced = g % 29 == 3; // one group in 29 has a landlord leasing out more than it owns (dirty)
        if (!forced && !r.chance(0.45)) {
            return new GroupPlan(-1, 0, false);
        }
        int landlord = r.nextInt(size);
        int wanted = Math.min(size - 1, 1 + r.pick(new double[]{50, 25, 13, 7, 5}));
        int tenants = 0;
        while (Integer.bitCount(tenants) < wanted) {
            int p = r.nextInt(size);
            if (p != landlord) {
                tenants |= 1 << p;
            }
        }
        return new GroupPlan(landlord, tenants, forced);
    }

    /** Land a tenant rents (亩): its own stream, so that the landlord can add its tenants up without generating them. */
    private double tenantMu(int c, int k) {
        DemoRandom r = DemoRandom.of(seed, 5, batch, countyKey[c], k);
        return clamp(r.lognormal(4, 0.6), 0.3, 40);
    }

    Firm firm(int i) {
        if (i < 0 || i >= enterprises) {
            throw new IndexOutOfBoundsException(i);
        }
        int c = countyOf(i);
        int k = i - countyStart[c];
        DemoCounty county = counties.get(c);
        DemoRandom r = DemoRandom.of(seed, 1, batch, countyKey[c], k);
        int g = k / GROUP;
        int pos = k % GROUP;
        GroupPlan gp = plan(c, g);
        int utility = -1;
        for (int u = 0; u < UTILITY_SLOTS.length; u++) {
            if (k == UTILITY_SLOTS[u]) {
                utility = u;
            }
        }
        Role role = utility >= 0 ? Role.UTILITY : gp.landlord() == pos ? Role.LANDLORD
                : (gp.tenants() & (1 << pos)) != 0 ? Role.TENANT : Role.PLAIN;
        int landlord = role == Role.TENANT ? countyStart[c] + g * GROUP + gp.landlord() : -1;
        Dirty dirty = role == Role.UTILITY ? Dirty.NONE : role == Role.LANDLORD && gp.mismatch() ? Dirty.LAND_MISMATCH
                : switch (k % 199) { // about 0.5 % of each kind
                    case 13 -> Dirty.TAX_GT_REVENUE;
                    case 41 -> Dirty.YOY_JUMP;
                    case 71 -> Dirty.ENERGY_ZERO_OUTPUT_LARGE;
                    default -> Dirty.NONE;
                };

        Division division;
        Word word;
        if (role == Role.UTILITY) {
            division = DemoIndustries.UTILITIES.get(utility);
        } else {
            division = DemoIndustries.MANUFACTURING.get(r.pick(industryWeights[c]));
        }
        word = division.words().get(r.nextInt(division.words().size()));

        int regYear;
        if (role == Role.UTILITY) {
            regYear = r.between(1998, 2008);
        } else if (r.chance(0.06)) {
            regYear = lastYear - r.nextInt(2); // young: exempt for two years (SPEC §5)
        } else {
            int span = lastYear - 2 - 1995;
            regYear = 1995 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * (span + 1));
        }
        if (dirty != Dirty.NONE && regYear > lastYear - 2) {
            regYear = lastYear - 2 - r.nextInt(5);
        }
        LocalDate registered = LocalDate.of(regYear, 1, 1).plusDays(r.nextInt(365));
        int age = lastYear - regYear;

        double pAbove = switch (role) {
            case UTILITY -> 1;
            case TENANT -> 0.12;
            case LANDLORD -> 0.5;
            default -> age >= 8 ? 0.41 : age >= 3 ? 0.31 : 0.10;
        };
        boolean above = r.chance(pAbove) || dirty == Dirty.ENERGY_ZERO_OUTPUT_LARGE;

        String status = "OPERATING";
        int closedYear = 0;
        double s = r.nextDouble();
        if (role != Role.UTILITY && dirty == Dirty.NONE && regYear < lastYear) {
            if (s < 0.035) {
                status = "SUSPENDED";
            } else if (s < 0.055) {
                status = "CLOSED";
                closedYear = regYear < lastYear - 1 && r.chance(0.4) ? lastYear - 1 : lastYear;
            }
        }

        double t = r.nextDouble();
        Tier tier = role == Role.UTILITY || dirty != Dirty.NONE ? Tier.NORMAL : t < 0.03 ? Tier.STAR : t < 0.13 ? Tier.LOW : Tier.NORMAL;

        // land (亩): what the enterprise uses, what it leases out, what it owns
        double usedMu;
        if (role == Role.TENANT) {
            usedMu = tenantMu(c, k);
        } else if (role == Role.UTILITY) {
            usedMu = clamp(r.lognormal(switch (division.code()) { case "D44" -> 120; case "D45" -> 15; default -> 40; }, 0.3), 5, 400);
        } else if (above) {
            usedMu = clamp(r.lognormal(30, 0.8), 3, 800);
        } else {
            usedMu = clamp(r.lognormal(8, 0.75), 0.5, 150);
        }
        double leasedOut = 0;
        if (role == Role.LANDLORD) {
            int base = g * GROUP;
            for (int p = 0; p < GROUP; p++) {
                if ((gp.tenants() & (1 << p)) != 0) {
                    leasedOut += tenantMu(c, base + p);
                }
            }
        }
        double owned = role == Role.TENANT ? 0 : dirty == Dirty.LAND_MISMATCH ? leasedOut * r.uniform(0.5, 0.9) : usedMu + leasedOut;

        // economy of the last year: output per 亩 by size, industry and tier (SPEC §5 magnitudes)
        double intensity = (above ? 440 : 130) * division.output() * r.lognormal(1, above ? 0.55 : 0.7);
        double taxOnVa = 0.18 * division.tax() * r.lognormal(1, 0.3) * (above ? 1 : 0.9);
        switch (tier) {
            case STAR -> {
                intensity *= r.uniform(2.5, 4.5);
                taxOnVa *= 1.3;
            }
            case LOW -> {
                intensity *= r.uniform(0.2, 0.6);
                taxOnVa *= r.chance(0.2) ? 0 : r.uniform(0.02, 0.3);
            }
            default -> { }
        }
        double revenueFactor = r.uniform(0.93, 1.07);
        double output = usedMu * intensity;
        if (above && output * revenueFactor < 2000) {
            output = 2000 * r.uniform(1.02, 1.8) / revenueFactor; // 规上: revenue ≥ 2,000 万元
        } else if (!above && output * revenueFactor >= 2000) {
            output = 2000 * r.uniform(0.35, 0.97) / revenueFactor;
        }
        double vaRatio = division.vaRatio() * r.uniform(0.85, 1.15);
        boolean polluter = division.emissions() != null && r.chance(division.polluters());

        // where: tenants sit with their landlord; others in a town, mostly in one of its zones
        int town;
        int zone;
        if (role == Role.TENANT) {
            Firm l = firm(landlord);
            town = l.town();
            zone = l.zone();
        } else {
            town = r.pick(townWeights[c]);
            zone = pickZone(c, town, usedMu + leasedOut, role, r);
        }

        List<String> flags = new ArrayList<>(4);
        double revenue = output * revenueFactor;
        double tech = switch (division.code()) {
            case "C39", "C27", "C40", "C38", "C35" -> 1.5;
            case "C34", "C36", "C26" -> 1.2;
            case "C17", "C18", "C19", "C20", "C21", "C22", "C30", "C31", "C42", "B10" -> 0.4;
            default -> 1;
        };
        if (role != Role.UTILITY && r.chance((above ? 0.30 : 0.04) * tech)) {
            flags.add("高新技术");
        }
        boolean specialised = role != Role.UTILITY && r.chance(above ? 0.09 : 0.015);
        if (specialised) {
            flags.add("专精特新");
            if (above && r.chance(0.15)) {
                flags.add("小巨人");
            }
        }
        boolean listed = above && role != Role.UTILITY && r.chance(revenue > 100_000 ? 0.35 : revenue > 30_000 ? 0.06 : 0);
        if (listed) {
            flags.add("上市");
        }
        if (above && r.chance(listed ? 0.1 : 0.003)) {
            flags.add("单项冠军");
        }
        if (above && revenue > 50_000 && r.chance(0.1)) {
            flags.add("未来工厂");
        }
        if (role == Role.UTILITY) {
            flags.add("公用事业");
        }
        flags.add(DEMO_FLAG);

        String name = name(county, k, word.text(), listed, above && r.chance(0.12));
        return new Firm(i, c, k, uscc(county.code(), k), name, town, zone, word.code(), division, above, status, registered, closedYear,
                List.copyOf(flags), role, landlord, dirty, tier, usedMu, leasedOut, owned, output, revenueFactor, vaRatio, taxOnVa, polluter);
    }

    private int pickZone(int c, int town, double mu, Role role, DemoRandom r) {
        List<Zone> candidates = zonesByTown.get(townOffset[c] + town);
        if (candidates.isEmpty() || !r.chance(role == Role.UTILITY ? 0.3 : 0.9)) {
            return -1;
        }
        double[] w = new double[candidates.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = switch (candidates.get(i).kind()) {
                case DEVELOPMENT_ZONE -> 5;
                case INDUSTRIAL_PARK -> 3;
                case MICRO_PARK -> mu <= 15 && role != Role.UTILITY ? 3 : 0; // 小微企业园: small firms only
                case CHARACTERISTIC_TOWN -> 1.5;
            };
        }
        if (Arrays.stream(w).sum() == 0) {
            return -1;
        }
        return candidates.get(r.pick(w)).index();
    }

    /** 临海市 + 字号 + 行业词 + 有限公司; listed firms 浙江 + 字号 + 行业词 + 股份有限公司. 字号 are unique in a county and batch. */
    private String name(DemoCounty county, int k, String word, boolean listed, boolean joinStock) {
        String chars = DemoIndustries.ALL_CHARS;
        int n = chars.length();
        int pairs = n * (n - 1);
        long code = ((long) k * 1237 + 311L * Long.parseLong(county.code()) % pairs) % pairs; // 1237 is prime to pairs: a bijection
        long slot = k < pairs && batch == 0 ? code : pairs + (long) batch * 20_000 + k;
        StringBuilder brand = new StringBuilder(3);
        if (slot < pairs) {
            int a = (int) (slot / (n - 1));
            int b = (int) (slot % (n - 1));
            brand.append(chars.charAt(a)).append(chars.charAt(b >= a ? b + 1 : b));
        } else {
            long x = slot - pairs;
            brand.append(chars.charAt((int) (x % n))).append(chars.charAt((int) (x / n % n))).append(chars.charAt((int) (x / n / n % n)));
        }
        if (listed) {
            return "浙江" + brand + word + "股份有限公司";
        }
        return county.firmPrefix() + brand + word + (joinStock ? "股份有限公司" : "有限公司");
    }

    /**
     * A GB 32100 code: 9 (registered by the market regulator) 1 (enterprise), the county's code,
     * a nine-character organisation code "MD" + batch + five characters + its GB 11714 check character,
     * and the GB 32100 check character. "MD" marks demo codes.
     */
    String uscc(String countyCode, int k) {
        String alphabet = Uscc.ALPHABET;
        long space = 31L * 31 * 31 * 31 * 31;
        long x = ((long) k * 7_368_787L + 1_000_003L) % space; // 7,368,787 is prime to 31: a bijection
        StringBuilder org = new StringBuilder(9).append(USCC_MARK).append(alphabet.charAt(batch));
        char[] five = new char[5];
        for (int j = 4; j >= 0; j--) {
            five[j] = alphabet.charAt((int) (x % 31));
            x /= 31;
        }
        org.append(five);
        org.append(organisationCheck(org));
        String first17 = "91" + countyCode + org;
        return first17 + Uscc.checkChar(first17);
    }

    /** GB 11714-1997: weights 3,7,9,10,5,8,4,2; C9 = 11 − (Σ mod 11), 10 → X, 11 → 0; letters count A=10 … Z=35. */
    static char organisationCheck(CharSequence body8) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * w[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    // ---------------------------------------------------------------- yearly data

    /** The three years' figures of an enterprise (fewer when it was registered or closed in between). */
    List<YearFigures> figures(Firm f) {
        DemoRandom r = DemoRandom.of(seed, 2, batch, countyKey[f.county()], f.k());
        Division d = f.division();
        double perCapita = r.lognormal(f.above() ? 110 : 60, 0.45);
        double rndShare = f.above() ? clamp(r.lognormal(0.022, 0.5), 0.003, 0.08) * (f.flags().contains("高新技术") ? 1.5 : 1)
                : r.chance(0.25) ? r.uniform(0.005, 0.02) : 0;
        double kwhFactor = r.lognormal(1, 0.3) * (f.tier() == Tier.LOW ? r.uniform(1.5, 3) : 1); // 高耗低效: energy does not shrink with output
        double fuelFactor = r.lognormal(1, 0.5) * (f.tier() == Tier.LOW ? r.uniform(1.5, 3) : 1);
        boolean burnsFuel = f.above() || r.chance(0.5);
        boolean[] fuelUsed = new boolean[DemoIndustries.FUEL_TYPES.length];
        int main = -1;
        for (int j = 0; j < fuelUsed.length; j++) {
            double share = d.fuelShares()[j];
            fuelUsed[j] = share > 0 && r.chance(0.45 + share);
            if (share > 0 && (main < 0 || share > d.fuelShares()[main])) {
                main = j;
            }
        }
        if (main >= 0) {
            fuelUsed[main] = true;
        }
        double emissionFactor = r.lognormal(1, 0.5);
        boolean exporter = r.chance(0.15);
        double vatShare = r.uniform(0.5, 0.65);
        double citShare = f.tier() == Tier.LOW ? r.uniform(0, 0.05) : r.uniform(0.15, 0.3);
        int jumpYear = r.chance(0.5) ? lastYear : lastYear - 1;

        int[] years = years();
        double[] output = new double[3];
        output[2] = f.output();
        for (int y = 2; y > 0; y--) {
            double growth = 0.05 + 0.07 * r.gaussian() + (f.tier() == Tier.STAR ? 0.04 : f.tier() == Tier.LOW ? -0.03 : 0);
            output[y - 1] = output[y] / (1 + clamp(growth, -0.3, 0.5));
        }
        List<YearFigures> out = new ArrayList<>(3);
        for (int y = 0; y < 3; y++) {
            int year = years[y];
            // draw every year's noise even for inactive years so that the streams stay aligned
            double ramp = r.uniform(0.45, 0.85);
            double slump = r.uniform(0.4, 0.7);
            double revNoise = StrictMath.exp(0.03 * r.gaussian());
            double vaNoise = StrictMath.exp(0.03 * r.gaussian());
            double taxNoise = StrictMath.exp(0.08 * r.gaussian());
            double empNoise = StrictMath.exp(0.03 * r.gaussian());
            double kwhNoise = StrictMath.exp(0.05 * r.gaussian());
            double[] monthNoise = new double[12];
            for (int m = 0; m < 12; m++) {
                monthNoise[m] = StrictMath.exp(0.05 * r.gaussian());
            }
            double[] emissionNoise = {StrictMath.exp(0.1 * r.gaussian()), StrictMath.exp(0.1 * r.gaussian()),
                    StrictMath.exp(0.1 * r.gaussian()), StrictMath.exp(0.1 * r.gaussian())};
            boolean emissionReported = r.chance(0.92);
            double refundShare = r.uniform(0.03, 0.25);
            double jump = r.uniform(4, 6);
            if (year < f.registeredYear() || (f.closedYear() != 0 && year >= f.closedYear())) {
                continue;
            }
            double scale = year == f.registeredYear() ? ramp : 1;
            if (f.status().equals("SUSPENDED") && year == lastYear) {
                scale *= slump; // 停产: output, and with it tax, fall in the last year
            }
            double o = output[y] * scale;
            double va = o * f.vaRatio() * vaNoise;
            double revenue = o * f.revenueFactor() * revNoise;
            double tax = va * f.taxOnVa() * taxNoise;
            long employees = Math.max(3, Math.round(revenue / perCapita * empNoise));
            double rnd = revenue * rndShare;
            double reportedRevenue = revenue;
            double reportedOutput = o;
            if (f.dirty() == Dirty.TAX_GT_REVENUE) {
                reportedRevenue = tax * r.uniform(0.5, 0.95); // revenue reported net: below the tax paid
            } else if (f.dirty() == Dirty.YOY_JUMP && year == jumpYear) {
                reportedRevenue *= jump; // output and revenue entered in the wrong unit for one year
                reportedOutput *= jump;
            }
            long[] kwh = null;
            double[] fuel = null;
            if (f.dirty() != Dirty.ENERGY_ZERO_OUTPUT_LARGE) {
                double total = o * d.kwhPerWan() * kwhFactor * kwhNoise;
                kwh = new long[13];
                if (f.above()) {
                    double sumShares = 0;
                    for (int m = 0; m < 12; m++) {
                        sumShares += SEASON[m] * monthNoise[m];
                    }
                    for (int m = 0; m < 12; m++) {
                        kwh[m + 1] = Math.round(total * SEASON[m] * monthNoise[m] / sumShares);
                        kwh[0] += kwh[m + 1];
                    }
                } else {
                    kwh[0] = Math.max(1, Math.round(total));
                }
                if (burnsFuel && d.fuelTcePerWan() > 0) {
                    double tce = o * d.fuelTcePerWan() * fuelFactor * kwhNoise;
                    double used = 0;
                    for (int j = 0; j < fuelUsed.length; j++) {
                        used += fuelUsed[j] ? d.fuelShares()[j] : 0;
                    }
                    fuel = new double[fuelUsed.length];
                    for (int j = 0; j < fuelUsed.length; j++) {
                        if (fuelUsed[j]) {
                            fuel[j] = tce * d.fuelShares()[j] / used / DemoIndustries.TCE_PER_UNIT[j];
                        }
                    }
                }
            }
            double[] emissions = null;
            if (f.polluter() && emissionReported) {
                emissions = new double[4];
                for (int p = 0; p < 4; p++) {
                    emissions[p] = o * d.emissions()[p] * emissionFactor * emissionNoise[p];
                }
            }
            out.add(new YearFigures(year, reportedRevenue, reportedOutput, va, employees, rnd, tax, tax * vatShare, tax * citShare,
                    tax * (1 - vatShare - citShare), exporter && tax > 0 ? tax * refundShare : null, kwh, fuel, emissions));
        }
        return out;
    }

    /** 重大安全事故, 环保处罚 and 失信 events: rare, likelier for polluters, the energy-intensive and low performers. */
    List<Event> events(Firm f) {
        DemoRandom r = DemoRandom.of(seed, 3, batch, countyKey[f.county()], f.k());
        List<Event> out = new ArrayList<>(0);
        for (int year : years()) {
            double safety = r.nextDouble();
            double environment = r.nextDouble();
            double dishonest = r.nextDouble();
            LocalDate[] dates = {date(year, r), date(year, r), date(year, r)};
            String safetyText = r.pick(SAFETY);
            String environmentText = r.pick(ENVIRONMENT) + "，罚款" + DemoText.fixed(r.uniform(2, 50), 1) + "万元";
            String dishonestText = r.pick(DISHONEST);
            if (year < f.registeredYear() || (f.closedYear() != 0 && year >= f.closedYear())) {
                continue;
            }
            if (safety < 0.0015 * (f.division().energyIntensive() ? 2 : 1)) {
                out.add(new Event(dates[0], "MAJOR_SAFETY_ACCIDENT", safetyText));
            }
            if (environment < (f.polluter() ? 0.025 : 0.003)) {
                out.add(new Event(dates[1], "ENVIRONMENTAL_PENALTY", environmentText));
            }
            if (dishonest < 0.003 * (f.tier() == Tier.LOW ? 4 : 1)) {
                out.add(new Event(dates[2], "DISHONEST", dishonestText));
            }
        }
        return out;
    }

    private static LocalDate date(int year, DemoRandom r) {
        return LocalDate.of(year, 1, 1).plusDays(r.nextInt(365));
    }

    // ---------------------------------------------------------------- land

    /** Parcels an enterprise owns (none for tenants): 1 to 3, the first the largest, dated from registration on. */
    List<ParcelPlan> parcels(Firm f) {
        if (f.ownedMu() <= 0) {
            return List.of();
        }
        DemoRandom r = DemoRandom.of(seed, 4, batch, countyKey[f.county()], f.k());
        int n = f.ownedMu() < 2 ? 1 : 1 + r.pick(f.above() ? new double[]{55, 30, 15} : new double[]{75, 20, 5});
        double[] share = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            share[j] = r.uniform(0.3, 1) * (j == 0 ? 2 : 1);
            sum += share[j];
        }
        DemoCounty county = counties.get(f.county());
        List<ParcelPlan> out = new ArrayList<>(n);
        int firstYear = Math.min(lastYear, f.registeredYear() + r.between(0, 2));
        for (int j = 0; j < n; j++) {
            double m2 = f.ownedMu() * share[j] / sum * M2_PER_MU;
            if (f.dirty() != Dirty.LAND_MISMATCH) {
                m2 = Math.max(200, m2);
            }
            int year = j == 0 ? firstYear : r.between(firstYear, lastYear);
            boolean allocated = year < 2002 && r.chance(0.1); // 划拨 or converted collective land: no transfer
            LocalDate date = LocalDate.of(year, 1, 1).plusDays(r.nextInt(365));
            boolean standard = year >= 2018 && r.chance(0.7); // 标准地 since the 2018 reform
            double pricePerMu = (5 + (year - 1995) * 1.1) * r.uniform(0.8, 1.25);
            int certYear = year >= 2016 ? year : r.between(2016, Math.max(2016, Math.min(2020, lastYear)));
            String landUse = r.chance(0.03) ? "仓储用地" : "工业用地";
            int ordinal = f.index() * 3 + j;
            String number = Long.toString((long) batch * 10_000_000L + ordinal + 1);
            String cert = "浙(" + certYear + ")" + county.name() + "不动产权第" + "0".repeat(Math.max(0, 7 - number.length())) + number + "号";
            out.add(new ParcelPlan(ordinal, cert, round2(m2), landUse, standard && !allocated, allocated ? null : date,
                    allocated ? null : round2(m2 / M2_PER_MU * pricePerMu)));
        }
        return out;
    }

    /** The parcel polygons, inside the enterprise's zone where it has one and always inside its county. */
    List<Polygon> parcelShapes(Firm f, List<ParcelPlan> plans) {
        DemoRandom r = DemoRandom.of(seed, 6, batch, countyKey[f.county()], f.k());
        PreparedGeometry county = boundaries[f.county()];
        Zone zone = f.zone() >= 0 ? zones.get(f.zone()) : null;
        Coordinate townCentre = townCentres[f.county()][f.town()];
        List<Polygon> out = new ArrayList<>(plans.size());
        Coordinate anchor = null;
        for (ParcelPlan p : plans) {
            double aspect = r.uniform(1, 2.5);
            double angle = r.uniform(0, StrictMath.PI);
            Polygon shape = null;
            for (int attempt = 0; shape == null; attempt++) {
                Coordinate centre;
                if (anchor != null && attempt < 10) {
                    centre = DemoGeometry.offset(anchor, r.gaussian() * 300, r.gaussian() * 300);
                } else if (zone != null && attempt < 20) {
                    centre = DemoGeometry.randomPointIn(zone.prepared(), r);
                } else if (attempt < 40) {
                    centre = DemoGeometry.randomPointNear(townCentre, 2500, county, r);
                } else {
                    centre = DemoGeometry.randomPointIn(county, r);
                }
                double area = attempt < 60 ? p.areaM2() : p.areaM2() * StrictMath.pow(0.8, attempt - 59);
                Polygon q = DemoGeometry.quadrilateral(centre, area, aspect, angle, r);
                boolean inZone = zone == null || attempt >= 20 || zone.prepared().contains(q);
                if (inZone && county.contains(q)) {
                    shape = q;
                }
            }
            if (anchor == null) {
                anchor = shape.getCentroid().getCoordinate();
            }
            out.add(shape);
        }
        return out;
    }

    /** A tenant's lease (出租/承租) on its landlord's largest parcel, covering every data year. */
    record Lease(String certificate, String lessor, String lessee, double areaM2, int startYear, int endYear) { }

    Lease lease(Firm tenant) {
        if (tenant.role() != Role.TENANT) {
            return null;
        }
        Firm landlord = firm(tenant.landlord());
        List<ParcelPlan> plans = parcels(landlord);
        DemoRandom r = DemoRandom.of(seed, 8, batch, countyKey[tenant.county()], tenant.k());
        int start = Math.max(tenant.registeredYear(), lastYear - r.between(2, 8));
        // running into the future, but no later than the ingest template accepts (the current year + 1)
        int end = Math.min(Math.max(lastYear + r.between(0, 2), start + r.between(3, 10)), lastYear + 2);
        return new Lease(plans.get(0).certificate(), landlord.uscc(), tenant.uscc(), round2(tenantMu(tenant.county(), tenant.k()) * M2_PER_MU),
                start, end);
    }

    // ---------------------------------------------------------------- helpers

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
