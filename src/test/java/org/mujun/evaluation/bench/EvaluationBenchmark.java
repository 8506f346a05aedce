package org.mujun.evaluation.bench;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mujun.common.Uscc;
import org.mujun.evaluation.EnterpriseInput;
import org.mujun.evaluation.Enterprises;
import org.mujun.evaluation.Evaluation;
import org.mujun.evaluation.EvaluationResult;
import org.mujun.evaluation.Scheme;
import org.mujun.evaluation.SizeClass;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * SPEC §11: evaluation of 1,000,000 enterprises (compute only: scores, benchmarks, order, ranks,
 * classes and overrides from inputs already in columns) in under 1 s on 2 cores.
 * <p>
 * Run: {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test}
 * then {@code java -cp target/test-classes:target/classes:$(cat target/bench.cp) org.mujun.evaluation.bench.EvaluationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "-Xms3g"})
public class EvaluationBenchmark {

    @Param({"1000000"})
    public int enterprises;

    private Scheme scheme;
    private Enterprises inputs;

    @Setup
    public void setUp() {
        scheme = Scheme.defaultScheme("33", 2025);
        inputs = generate(enterprises, 42);
    }

    /**
     * Deterministic synthetic province: 40 % 规上 (six indicators), 60 % 规下 on 1–200 亩; 10 % without
     * emissions, 5 % without energy, 3 % registered last year (exempt), 0.5 % with a veto event, 0.5 %
     * investing ≥ 3,000 万元; industries over 31 manufacturing divisions.
     */
    public static Enterprises generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Enterprises.Builder b = Enterprises.builder(n);
        for (int k = 0; k < n; k++) {
            String first17 = String.format("9133%013d", k);
            boolean above = r.nextInt(10) < 4;
            double land = above ? 5 + r.nextInt(500) : 1 + r.nextInt(200);
            double revenue = land * (20 + r.nextDouble() * 400);
            double va = revenue * (0.15 + r.nextDouble() * 0.2);
            EnterpriseInput.Builder e = EnterpriseInput.builder(first17 + Uscc.checkChar(first17))
                    .region("33" + String.format("%02d", 1 + r.nextInt(11)) + String.format("%02d", 1 + r.nextInt(20)) + "001")
                    .industry("C" + (13 + r.nextInt(31)) + (1 + r.nextInt(9)))
                    .size(above ? SizeClass.ABOVE : SizeClass.BELOW)
                    .registeredOn(r.nextInt(100) < 3 ? LocalDate.of(2025, 3, 1) : LocalDate.of(2000 + r.nextInt(20), 1, 1))
                    .land(land).revenue(revenue).valueAdded(va).tax(revenue * r.nextDouble() * 0.08)
                    .energy(r.nextInt(20) == 0 ? null : va * (0.05 + r.nextDouble()))
                    .emissions(r.nextInt(10) == 0 ? null : va * r.nextDouble() * 0.01)
                    .employees((double) (5 + r.nextInt(500))).rnd(revenue * r.nextDouble() * 0.05)
                    .kwh(land * (1000 + r.nextInt(100_000)))
                    .tenants(r.nextInt(20) == 0 ? 2 + r.nextInt(3) : 0)
                    .investment(r.nextInt(200) == 0 ? 3000.0 + r.nextInt(20000) : null);
            if (r.nextInt(200) == 0) {
                e.events("MAJOR_SAFETY_ACCIDENT");
            }
            b.add(e.build());
        }
        return b.build();
    }

    @Benchmark
    public EvaluationResult evaluate() {
        return Evaluation.run(scheme, inputs);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(EvaluationBenchmark.class.getSimpleName()).build()).run();
    }
}
