package dev.hundred.server;

/**
 * What {@code main} does to shorten the start (bench/run.sh times it).
 *
 * <p>The start is mostly class loading and static initialisation. {@link #begin()} hands some of it to a background
 * thread while the main thread sets logging up and opens the database: the JSON mapper (a static set-up safe to
 * run from any thread: the main thread blocks on a class's initialisation if it gets there first, and it waits on
 * nothing the main thread initialises), the JDK's locale list (behind its own lock), the HTTP stack's classes,
 * loaded but not initialised (no static initialiser runs there, so no two threads can wait on each other's class
 * initialisation), and, once logging is set up, JDBI's JFR event registration.
 */
final class StartUp {
    /** Loaded early, beside the logging set-up and the services: the largest of what Javalin and Jetty load at start. */
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

    /** Open once the main thread set logging up: SLF4J set up by two threads at once warns on stderr. */
    private static final java.util.concurrent.CountDownLatch LOGGING = new java.util.concurrent.CountDownLatch(1);

    private StartUp() {}

    /**
     * Sets logging up (logback, configured by {@link LogSetup}) on the calling thread, before any other thread logs;
     * the preload thread waits for it before what may log. The --log-format is applied later.
     */
    static void setUpLogging() {
        try {
            org.slf4j.LoggerFactory.getILoggerFactory();
        } finally {
            LOGGING.countDown();
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
        dev.hundred.server.http.Json.MAPPER.getClass(); // Jackson's static set-up (it logs nothing)
        java.util.Locale.getAvailableLocales(); // every locale's data: Jetty's MimeTypes reads the list once
        for (String name : HTTP_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // a library renamed a class: this is only a head start, the main thread loads what it needs
            }
        }
        try {
            LOGGING.await();
        } catch (InterruptedException e) {
            return;
        }
        initialise("org.jdbi.v3.core.statement.internal.JfrSupport", loader); // JDBI's JFR event, registered once
    }
}
