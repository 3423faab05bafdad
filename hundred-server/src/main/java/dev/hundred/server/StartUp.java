package dev.hundred.server;

/**
 * What {@code main} does before it parses the command line, to shorten the start (bench/run.sh times it).
 *
 * <p>The start is mostly class loading and static initialisation on the main thread while the second core idles.
 * {@link #begin()} hands some of it to a background thread: the JSON mapper (Jackson's static set-up is safe to
 * run from any thread; the main thread blocks on the class's initialisation if it gets there first), the
 * logging set-up and the JDK's locale list (both behind their own locks), and the HTTP stack's classes, loaded but not initialised (no static initialiser runs there, so no two threads can
 * wait on each other's class initialisation).
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

    private StartUp() {}

    static void begin() {
        Thread preload = new Thread(StartUp::preload, "hundred-preload");
        preload.setDaemon(true);
        preload.setPriority(Thread.NORM_PRIORITY - 1);
        preload.start();
    }

    private static void preload() {
        ClassLoader loader = StartUp.class.getClassLoader();
        dev.hundred.server.http.Json.MAPPER.getClass(); // Jackson's static set-up, off the main thread
        org.slf4j.LoggerFactory.getILoggerFactory(); // logback configured (LogSetup) before the first logger asks
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
