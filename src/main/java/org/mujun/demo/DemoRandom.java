package org.mujun.demo;

/**
 * SplitMix64: a small, fully specified generator, so that a seed gives the same numbers on every JVM
 * and platform (java.util.Random's Gaussian and Math's transcendental functions are not guaranteed
 * to; this class uses StrictMath). One instance per enterprise and purpose, seeded from
 * {@link #seed(long, long...)}, so every row can be regenerated independently of the others.
 */
final class DemoRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    DemoRandom(long seed) {
        this.state = seed;
    }

    /** Mixes a seed with any number of keys (enterprise index, purpose, year…) into one well-spread seed. */
    static long seed(long seed, long... keys) {
        long h = mix(seed + GOLDEN);
        for (long k : keys) {
            h = mix(h ^ mix(k + GOLDEN));
        }
        return h;
    }

    static DemoRandom of(long seed, long... keys) {
        return new DemoRandom(seed(seed, keys));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [lo, hi] inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal (Box–Muller, one value per call). */
    double gaussian() {
        double u = 1.0 - nextDouble(); // (0, 1]
        double v = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** Lognormal with the given median and log-standard deviation. */
    double lognormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** Index chosen with probability proportional to its weight. */
    int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }
}
