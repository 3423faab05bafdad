package dev.hundred.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Logging set up in code (found by logback through META-INF/services), not from logback.xml: reading
 * XML costs logback some 400 classes at start-up, a tenth of the time to `listening`. Lines go to
 * stderr, so stdout carries only what serve prints for people and scripts.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    private static final String APPENDER = "stderr";
    /** Logs one line per answered request; on (INFO) with --log-format json, where a collector wants them. */
    public static final String ACCESS_LOGGER = "dev.hundred.server.access";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        Line layout = new Line();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        for (String noisy : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb", "io.javalin"}) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
        context.getLogger(ACCESS_LOGGER).setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code json}: one JSON object per line, and the access log on; {@code human}: as configured. */
    public static void useFormat(String format) {
        if (!format.equals("json") || !(org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> console
                && console.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> encoder) {
            JsonLine layout = new JsonLine();
            layout.setContext(context);
            layout.start();
            encoder.setLayout(layout);
        }
        context.getLogger(ACCESS_LOGGER).setLevel(Level.INFO);
    }

    /** {@code HH:mm:ss.SSS LEVEL logger - message}, then the stack trace if any. */
    static final class Line extends LayoutBase<ILoggingEvent> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(128)
                    .append(TIME.format(LocalTime.ofInstant(event.getInstant(), ZoneId.systemDefault())))
                    .append(' ').append(String.format("%-5s", event.getLevel()))
                    .append(' ').append(event.getLoggerName());
            String request = event.getMDCPropertyMap().get("request_id");
            if (request != null) {
                line.append(" [").append(request).append(']');
            }
            line.append(" - ").append(event.getFormattedMessage()).append('\n');
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                line.append(ThrowableProxyUtil.asString(error)).append('\n');
            }
            return line.toString();
        }
    }

    /**
     * {@code {"time","level","logger","message"}} plus the request's context when there is one
     * ({@code request_id}, and on access lines {@code method}, {@code route}, {@code status},
     * {@code duration_ms}) and {@code error} with the stack trace.
     */
    static final class JsonLine extends LayoutBase<ILoggingEvent> {
        private static final java.util.Set<String> NUMBERS = java.util.Set.of("status", "duration_ms");

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(256).append('{');
            field(line, "time", event.getInstant().toString());
            field(line, "level", event.getLevel().toString());
            field(line, "logger", event.getLoggerName());
            field(line, "message", event.getFormattedMessage());
            event.getMDCPropertyMap().forEach((key, value) -> {
                if (NUMBERS.contains(key)) {
                    line.append(",\"").append(key).append("\":").append(value);
                } else {
                    field(line, key, value);
                }
            });
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                field(line, "error", ThrowableProxyUtil.asString(error));
            }
            return line.append("}\n").toString();
        }

        private static void field(StringBuilder line, String name, String value) {
            if (line.length() > 1) {
                line.append(',');
            }
            line.append('"').append(name).append("\":\"")
                    .append(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(value == null ? "" : value))
                    .append('"');
        }
    }
}
