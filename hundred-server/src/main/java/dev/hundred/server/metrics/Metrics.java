package dev.hundred.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;

/**
 * The server's one meter registry, in Prometheus form. Features record into {@link #registry()} (Micrometer is
 * the facade, so nothing else knows Prometheus); {@code GET /metrics} renders it.
 *
 * <p>The JVM's meters are bound on a thread of their own while the server starts: their MXBeans and classes
 * were a fifth of the main thread's work before {@code listening}. A scrape and {@link #close()} wait for them,
 * so no scrape ever lacks them.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CompletableFuture<JvmGcMetrics> jvm;

    public Metrics() {
        jvm = new CompletableFuture<>();
        Thread binder = new Thread(() -> {
            try {
                jvm.complete(bindJvm(registry));
            } catch (RuntimeException | Error e) {
                jvm.completeExceptionally(e);
            }
        }, "hundred-jvm-meters");
        binder.setDaemon(true);
        binder.start();
    }

    private static JvmGcMetrics bindJvm(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return gc;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    String scrape() {
        jvm.exceptionally(failed -> null).join(); // binding failed: the server's own meters still render
        return registry.scrape();
    }

    @Override
    public void close() {
        JvmGcMetrics gc = jvm.exceptionally(failed -> null).join();
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
