package org.healthcode.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time used by the benchmark's processes, grouped by what they are: each service (by the module
 * whose jar it runs), Kafka, PostgreSQL (its server and all its backends) and the benchmark's own
 * JVM (the load generator). Take one snapshot before and one after a run; {@link #since} gives each group's share
 * and its resident memory at the end (PostgreSQL's counts pages its processes share more than once).
 */
final class CpuUse {

    private final Map<String, Duration> byGroup;
    /** The largest resident set of a process of the group (PostgreSQL: all its processes together), in MiB. */
    private final Map<String, Long> rssByGroup;

    private CpuUse(Map<String, Duration> byGroup, Map<String, Long> rssByGroup) {
        this.byGroup = byGroup;
        this.rssByGroup = rssByGroup;
    }

    /**
     * Each group's CPU so far. PostgreSQL runs detached from the test JVM: its server is the
     * {@code postgres} process listening on {@code postgresPort}, with all its backends.
     */
    static CpuUse now(int postgresPort) {
        Map<String, Duration> groups = new TreeMap<>();
        Map<String, Long> rss = new TreeMap<>();
        Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants()).forEach(process -> {
            ProcessHandle.Info info = process.info();
            String group = group(process, info);
            info.totalCpuDuration().ifPresent(cpu -> groups.merge(group, cpu, Duration::plus));
            rss.merge(group, rssMiB(process), Math::max);
        });
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").matches(".*/postgres .*-p " + postgresPort + "( .*|$)"))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .forEach(process -> {
                    process.info().totalCpuDuration().ifPresent(cpu -> groups.merge("postgresql", cpu, Duration::plus));
                    rss.merge("postgresql", rssMiB(process), Long::sum);
                });
        return new CpuUse(groups, rss);
    }

    /** The process's resident set now (Linux), in MiB; 0 when it cannot be read. */
    private static long rssMiB(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended between listing and reading
        }
        return 0;
    }

    private static String group(ProcessHandle process, ProcessHandle.Info info) {
        if (process.pid() == ProcessHandle.current().pid()) {
            return "load generator";
        }
        String line = info.commandLine().orElse(info.command().orElse("?"));
        for (String module : new String[] {"gateway", "declaration-service", "risk-scoring-service", "code-issuer-service",
                "scan-checkpoint-service", "contact-trace-service"}) {
            if (line.contains("/" + module + "/target/")) {
                return module;
            }
        }
        if (line.contains("kafka") || line.contains("Kafka")) {
            return "kafka";
        }
        return "other";
    }

    /** Each group's CPU between {@code before} and now, in milliseconds per unit of {@code work} (e.g. per request). */
    String since(CpuUse before, long work, Duration wall) {
        StringBuilder out = new StringBuilder();
        double totalMillis = 0;
        for (Map.Entry<String, Duration> group : byGroup.entrySet()) {
            double millis = group.getValue().minus(before.byGroup.getOrDefault(group.getKey(), Duration.ZERO)).toNanos() / 1e6;
            totalMillis += millis;
            if (millis >= 1) {
                out.append(String.format("    %-24s %6.1f%% of a core   %6.3f ms CPU per request   RSS %,5d MiB%n",
                        group.getKey(), 100 * millis / wall.toMillis(), work == 0 ? 0 : millis / work,
                        rssByGroup.getOrDefault(group.getKey(), 0L)));
            }
        }
        out.append(String.format("    %-24s %6.1f%% of a core   %6.3f ms CPU per request%n", "all",
                100 * totalMillis / wall.toMillis(), work == 0 ? 0 : totalMillis / work));
        return out.toString();
    }
}
