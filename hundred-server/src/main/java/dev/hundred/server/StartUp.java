package dev.hundred.server;

/**
 * What {@code main} does before it parses the command line, to shorten the start (bench/run.sh times it).
 *
 * <p>The start is mostly class loading and static initialisation on the main thread while the second core idles.
 * {@link #begin()} hands some of it to a background thread: the logging set-up, JDBI's JFR event registration and
 * the JSON mapper (static set-ups safe to run from any thread: the main thread blocks on a class's initialisation
 * if it gets there first, and none of them waits on what the main thread initialises), the JDK's locale list
 * (behind its own lock), and the HTTP stack's classes, loaded but not initialised (no static initialiser runs
 * there, so no two threads can wait on each other's class initialisation).
 */
final class StartUp {
    /** Loaded early, beside the command-line parsing: the largest of what Javalin and Jetty load at start. */
    private static final String[] HTTP_CLASSES = {
        "io.javalin.Javalin", "io.javalin.config.JavalinConfig", "io.javalin.jetty.JettyServer",
        "io.javalin.router.InternalRouter", "io.javalin.http.servlet.JavalinServlet",
        "org.eclipse.jetty.server.Server", "org.eclipse.jetty.server.ServerConnector",
        "org.eclipse.jetty.server.HttpConfiguration", "org.eclipse.jetty.server.handler.ContextHandler",
        "org.eclipse.jetty.ee10.servlet.ServletContextHandler", "org.eclipse.jetty.ee10.servlet.ServletHandler",
        "org.eclipse.jetty.ee10.servlet.ServletChannel", "org.eclipse.jetty.http.HttpParser",
        "org.eclipse.jetty.http.HttpGenerator", "org.eclipse.jetty.io.ManagedSelector",
        "org.eclipse.jetty.util.thread.QueuedThreadPool", "org.eclipse.jetty.websocket.core.WebSocketCoreSession",
    };

    /** Open once the preload thread set logging up: SLF4J set up by two threads at once warns on stderr. */
    private static final java.util.concurrent.CountDownLatch LOGGING = new java.util.concurrent.CountDownLatch(1);

    private StartUp() {}

    /**
     * Waits (a few seconds at most) until logging is set up, before the main thread's first logger: called once
     * the command line's model is built, which is what the logging set-up runs beside.
     */
    static void awaitLogging() {
        try {
            LOGGING.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void begin() {
        Thread preload = new Thread(StartUp::preload, "hundred-preload");
        preload.setDaemon(true);
        preload.setPriority(Thread.NORM_PRIORITY - 1);
        preload.start();
    }

    /** Loads and initialises {@code name} here (a library renamed it: nothing, the main thread does what it needs). */
    private static void initialise(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // only a head start
        }
    }

    private static void preload() {
        ClassLoader loader = StartUp.class.getClassLoader();
        // First what the main thread asks for first: a logger (Config's defaults name Timers, whose logger made
        // the main thread configure logback itself: 12 samples of JFR's 1 ms); the --log-format is applied later.
        try {
            org.slf4j.LoggerFactory.getILoggerFactory(); // logback configured (LogSetup) before the first logger asks
        } finally {
            LOGGING.countDown();
        }
        initialise("org.jdbi.v3.core.statement.internal.JfrSupport", loader); // JDBI's JFR event, registered once
        dev.hundred.server.http.Json.MAPPER.getClass(); // Jackson's static set-up, off the main thread
        java.util.Locale.getAvailableLocales(); // every locale's data: Jetty's MimeTypes reads the list once
        for (String name : HTTP_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // a library renamed a class: this is only a head start, the main thread loads what it needs
            }
        }
    }
}
