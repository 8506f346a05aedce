package org.mujun.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mujun.demo.DemoWorld.Firm;
import org.mujun.demo.DemoWorld.Lease;
import org.mujun.demo.DemoWorld.ParcelPlan;
import org.mujun.demo.DemoWorld.YearFigures;

/**
 * The SPEC §5 aggregates of a generated world, computed in Java the way {@link DemoData#figures}
 * computes them in SQL: operating enterprises, utilities left out, evaluated land (owned + leased-in
 * − leased-out) above zero, Σ tax / Σ 亩 of the last year.
 */
final class DemoAggregates {

    double aboveMu;
    double aboveTax;
    double aboveVa;
    double aboveTce;
    long aboveN;
    double belowMu;
    double belowTax;
    long belowN;
    long total;
    long above;
    long inZone;
    long operating;
    /** Σ tce and Σ value added by division, for energy intensity. */
    final Map<String, double[]> energyByDivision = new HashMap<>();

    static DemoAggregates of(DemoWorld w) {
        DemoAggregates a = new DemoAggregates();
        Map<String, Double> leasedIn = new HashMap<>();
        Map<String, Double> leasedOut = new HashMap<>();
        for (int i = 0; i < w.size(); i++) {
            Lease l = w.lease(w.firm(i));
            if (l != null && l.startYear() <= w.lastYear && l.endYear() >= w.lastYear) {
                leasedIn.merge(l.lessee(), l.areaM2(), Double::sum);
                leasedOut.merge(l.lessor(), l.areaM2(), Double::sum);
            }
        }
        for (int i = 0; i < w.size(); i++) {
            Firm f = w.firm(i);
            a.total++;
            if (f.above()) {
                a.above++;
            }
            if (f.zone() >= 0) {
                a.inZone++;
            }
            if (!f.status().equals("OPERATING")) {
                continue;
            }
            a.operating++;
            YearFigures last = w.figures(f).stream().filter(y -> y.year() == w.lastYear).findFirst().orElse(null);
            if (last == null || f.flags().contains("公用事业")) {
                continue;
            }
            double tce = 0;
            if (last.kwhByMonth() != null) {
                tce += last.kwhByMonth()[0] * DemoIndustries.TCE_PER_KWH;
            }
            if (last.fuel() != null) {
                for (int j = 0; j < last.fuel().length; j++) {
                    tce += last.fuel()[j] * DemoIndustries.TCE_PER_UNIT[j];
                }
            }
            double[] e = a.energyByDivision.computeIfAbsent(f.division().code(), k -> new double[2]);
            e[0] += tce;
            e[1] += last.valueAdded();
            double m2 = 0;
            for (ParcelPlan p : w.parcels(f)) {
                m2 += p.areaM2();
            }
            m2 += leasedIn.getOrDefault(f.uscc(), 0.0) - leasedOut.getOrDefault(f.uscc(), 0.0);
            double mu = m2 / DemoWorld.M2_PER_MU;
            if (mu <= 0) {
                continue;
            }
            if (f.above()) {
                a.aboveN++;
                a.aboveMu += mu;
                a.aboveTax += last.tax();
                a.aboveVa += last.valueAdded();
                a.aboveTce += tce;
            } else {
                a.belowN++;
                a.belowMu += mu;
                a.belowTax += last.tax();
            }
        }
        return a;
    }

    double aboveTaxPerMu() {
        return aboveTax / aboveMu;
    }

    double aboveValueAddedPerMu() {
        return aboveVa / aboveMu;
    }

    double belowTaxPerMu() {
        return belowTax / belowMu;
    }

    double aboveShare() {
        return (double) above / total;
    }

    /** tce per 万元 value added of a set of divisions. */
    double energyIntensity(List<String> divisions) {
        double tce = 0;
        double va = 0;
        for (String d : divisions) {
            double[] e = energyByDivision.getOrDefault(d, new double[2]);
            tce += e[0];
            va += e[1];
        }
        return tce / va;
    }

    @Override
    public String toString() {
        return String.format("enterprises %d, 规上 %.1f%%, in zone %.1f%%, operating %.1f%%; 规上 (n=%d) 亩均税收 %.2f, 亩均增加值 %.2f, "
                        + "tce/万元VA %.3f, 亩 %.0f; 规下 (n=%d) 亩均税收 %.2f", total, 100.0 * above / total, 100.0 * inZone / total,
                100.0 * operating / total, aboveN, aboveTaxPerMu(), aboveValueAddedPerMu(), aboveTce / aboveVa, aboveMu, belowN, belowTaxPerMu());
    }
}
