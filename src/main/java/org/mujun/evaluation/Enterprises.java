package org.mujun.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's input in columns: one primitive array per field, missing figures as NaN, codes and
 * flags dictionary-encoded. Built once from {@link EnterpriseInput} rows (or row by row with
 * {@link Builder}); the engine then never allocates per enterprise. Immutable once built.
 */
public final class Enterprises {

    static final int NO_DATE = Integer.MIN_VALUE;
    private static final int[] NONE = new int[0];

    final int n;
    final String[] uscc;
    final String[] region;
    /** Index into {@link #industries}; the code "" means unknown. */
    final int[] industry;
    final List<String> industries;
    /** Per industry code: index into {@link #divisions} (大类, e.g. C26; "" when unknown). */
    final int[] divisionOfIndustry;
    final List<String> divisions;
    final byte[] size;
    final byte[] status;
    final int[] registered;
    final int[] landTransfer;
    final int[][] flags;
    final List<String> flagNames;
    final int[][] events;
    final List<String> eventNames;
    final boolean[] renter;
    final int[] tenants;
    /** [Quantity.ordinal()][enterprise], NaN when missing. */
    final double[][] q;
    final String[] exemptionApplied;
    private final Map<String, Integer> byUscc;

    private Enterprises(Builder b) {
        n = b.n;
        uscc = Arrays.copyOf(b.uscc, n);
        region = Arrays.copyOf(b.region, n);
        industry = Arrays.copyOf(b.industry, n);
        industries = List.copyOf(b.industryIds.keySet());
        divisionOfIndustry = new int[industries.size()];
        Map<String, Integer> divs = new HashMap<>();
        List<String> divList = new ArrayList<>();
        for (int i = 0; i < industries.size(); i++) {
            String code = industries.get(i);
            String div = code.length() >= 3 ? code.substring(0, 3) : code;
            divisionOfIndustry[i] = divs.computeIfAbsent(div, k -> {
                divList.add(k);
                return divList.size() - 1;
            });
        }
        divisions = List.copyOf(divList);
        size = Arrays.copyOf(b.size, n);
        status = Arrays.copyOf(b.status, n);
        registered = Arrays.copyOf(b.registered, n);
        landTransfer = Arrays.copyOf(b.landTransfer, n);
        flags = Arrays.copyOf(b.flags, n);
        flagNames = List.copyOf(b.flagIds.keySet());
        events = Arrays.copyOf(b.events, n);
        eventNames = List.copyOf(b.eventIds.keySet());
        renter = Arrays.copyOf(b.renter, n);
        tenants = Arrays.copyOf(b.tenants, n);
        q = new double[Quantity.values().length][];
        for (int k = 0; k < q.length; k++) {
            q[k] = Arrays.copyOf(b.q[k], n);
        }
        exemptionApplied = Arrays.copyOf(b.exemptionApplied, n);
        // the order's last tie-break is the USCC: it must identify one row
        byUscc = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
        for (int i = 0; i < n; i++) {
            if (byUscc.putIfAbsent(uscc[i], i) != null) {
                throw new IllegalArgumentException("统一社会信用代码重复：" + uscc[i] + " / USCC repeated: " + uscc[i]);
            }
        }
    }

    public static Enterprises of(Collection<EnterpriseInput> rows) {
        Builder b = builder(rows.size());
        for (EnterpriseInput e : rows) {
            b.add(e);
        }
        return b.build();
    }

    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    public int size() {
        return n;
    }

    public String uscc(int i) {
        return uscc[i];
    }

    /** The figure, NaN when missing. */
    public double quantity(Quantity quantity, int i) {
        return q[quantity.ordinal()][i];
    }

    /** The row index of a USCC, or −1. */
    public int indexOf(String code) {
        return byUscc.getOrDefault(code, -1);
    }

    String industryCode(int i) {
        String c = industries.get(industry[i]);
        return c.isEmpty() ? null : c;
    }

    String division(int i) {
        return divisions.get(divisionOfIndustry[industry[i]]);
    }

    boolean hasFlag(int i, int flagId) {
        for (int f : flags[i]) {
            if (f == flagId) {
                return true;
            }
        }
        return false;
    }

    boolean hasEvent(int i, int eventId) {
        for (int e : events[i]) {
            if (e == eventId) {
                return true;
            }
        }
        return false;
    }

    int flagId(String name) {
        return flagNames.indexOf(name);
    }

    int eventId(String name) {
        return eventNames.indexOf(name);
    }

    /** Row i as a record again. */
    public EnterpriseInput get(int i) {
        Set<String> fl = new LinkedHashSet<>();
        for (int f : flags[i]) {
            fl.add(flagNames.get(f));
        }
        Set<String> ev = new LinkedHashSet<>();
        for (int e : events[i]) {
            ev.add(eventNames.get(e));
        }
        Double[] v = new Double[Quantity.values().length];
        for (int k = 0; k < v.length; k++) {
            v[k] = Double.isNaN(q[k][i]) ? null : q[k][i];
        }
        return new EnterpriseInput(uscc[i], region[i], industryCode(i), SizeClass.values()[size[i]], Status.values()[status[i]],
                registered[i] == NO_DATE ? null : LocalDate.ofEpochDay(registered[i]), fl, renter[i], tenants[i],
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], ev, v[12],
                landTransfer[i] == NO_DATE ? null : LocalDate.ofEpochDay(landTransfer[i]), exemptionApplied[i]);
    }

    /** A copy with row i replaced (what-if for one enterprise; O(n)). */
    public Enterprises with(int i, EnterpriseInput row) {
        Builder b = builder(n);
        for (int k = 0; k < n; k++) {
            b.add(k == i ? row : get(k));
        }
        return b.build();
    }

    /** Appends rows; grows by doubling. */
    public static final class Builder {
        private int n;
        private String[] uscc;
        private String[] region;
        private int[] industry;
        private byte[] size;
        private byte[] status;
        private int[] registered;
        private int[] landTransfer;
        private int[][] flags;
        private int[][] events;
        private boolean[] renter;
        private int[] tenants;
        private final double[][] q = new double[Quantity.values().length][];
        private String[] exemptionApplied;
        private final Map<String, Integer> industryIds = new java.util.LinkedHashMap<>();
        private final Map<String, Integer> flagIds = new java.util.LinkedHashMap<>();
        private final Map<String, Integer> eventIds = new java.util.LinkedHashMap<>();

        private Builder(int expected) {
            allocate(Math.max(16, expected));
        }

        private void allocate(int cap) {
            uscc = uscc == null ? new String[cap] : Arrays.copyOf(uscc, cap);
            region = region == null ? new String[cap] : Arrays.copyOf(region, cap);
            industry = industry == null ? new int[cap] : Arrays.copyOf(industry, cap);
            size = size == null ? new byte[cap] : Arrays.copyOf(size, cap);
            status = status == null ? new byte[cap] : Arrays.copyOf(status, cap);
            registered = registered == null ? new int[cap] : Arrays.copyOf(registered, cap);
            landTransfer = landTransfer == null ? new int[cap] : Arrays.copyOf(landTransfer, cap);
            flags = flags == null ? new int[cap][] : Arrays.copyOf(flags, cap);
            events = events == null ? new int[cap][] : Arrays.copyOf(events, cap);
            renter = renter == null ? new boolean[cap] : Arrays.copyOf(renter, cap);
            tenants = tenants == null ? new int[cap] : Arrays.copyOf(tenants, cap);
            for (int k = 0; k < q.length; k++) {
                q[k] = q[k] == null ? new double[cap] : Arrays.copyOf(q[k], cap);
            }
            exemptionApplied = exemptionApplied == null ? new String[cap] : Arrays.copyOf(exemptionApplied, cap);
        }

        public Builder add(EnterpriseInput e) {
            if (n == uscc.length) {
                allocate(n * 2);
            }
            int i = n++;
            uscc[i] = e.uscc();
            region[i] = e.regionCode() == null ? "" : e.regionCode();
            industry[i] = id(industryIds, e.industryCode() == null ? "" : e.industryCode().trim());
            size[i] = (byte) e.sizeClass().ordinal();
            status[i] = (byte) e.status().ordinal();
            registered[i] = e.registeredOn() == null ? NO_DATE : (int) e.registeredOn().toEpochDay();
            landTransfer[i] = e.landTransferredOn() == null ? NO_DATE : (int) e.landTransferredOn().toEpochDay();
            flags[i] = ids(flagIds, e.flags());
            events[i] = ids(eventIds, e.events());
            renter[i] = e.renter();
            tenants[i] = e.tenantCount();
            for (Quantity qt : Quantity.values()) {
                Double v = e.quantity(qt);
                q[qt.ordinal()][i] = v == null ? Double.NaN : v;
            }
            exemptionApplied[i] = e.exemptionApplied() == null || e.exemptionApplied().isBlank() ? null : e.exemptionApplied();
            return this;
        }

        private static int id(Map<String, Integer> dict, String key) {
            Integer v = dict.get(key);
            if (v == null) {
                v = dict.size();
                dict.put(key, v);
            }
            return v;
        }

        private static int[] ids(Map<String, Integer> dict, Set<String> keys) {
            if (keys.isEmpty()) {
                return NONE;
            }
            int[] r = new int[keys.size()];
            int j = 0;
            for (String k : keys) {
                r[j++] = id(dict, k);
            }
            return r;
        }

        public Enterprises build() {
            return new Enterprises(this);
        }
    }
}
