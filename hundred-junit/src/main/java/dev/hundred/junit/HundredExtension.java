package dev.hundred.junit;

import dev.hundred.client.HmsClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link HundredTest}: starts and stops the server as the annotation says,
 * resets it between tests when asked, and resolves {@link HundredServer} and {@link HmsClient} parameters.
 */
public final class HundredExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(HundredExtension.class);
    private static final String SERVER = "server";

    @Override
    public void beforeAll(ExtensionContext context) {
        HundredTest options = options(context);
        if (options.lifecycle() == HundredTest.Lifecycle.PER_CLASS && server(context) == null) { // @Nested: the outer's
            context.getStore(NS).put(SERVER, HundredServer.start(options));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context.getStore(NS).remove(SERVER, HundredServer.class));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HundredTest options = options(context);
        if (options.lifecycle() == HundredTest.Lifecycle.PER_METHOD) {
            context.getStore(NS).put(SERVER, HundredServer.start(options));
        } else if (options.reset()) {
            server(context).resetOrAbort();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (options(context).lifecycle() == HundredTest.Lifecycle.PER_METHOD) {
            close(context.getStore(NS).remove(SERVER, HundredServer.class));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == HundredServer.class || type == HmsClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        HundredServer server = server(context);
        if (server == null) {
            throw new ParameterResolutionException("no Hundred server here: with lifecycle PER_METHOD, "
                    + "@BeforeAll methods cannot take one");
        }
        return parameter.getParameter().getType() == HmsClient.class ? server.client() : server;
    }

    /** The nearest server: the method's (per method), else the class's (found through the parent stores). */
    private static HundredServer server(ExtensionContext context) {
        return context.getStore(NS).get(SERVER, HundredServer.class);
    }

    private static HundredTest options(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(c, HundredTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException(type + " is not annotated @HundredTest");
    }

    private static void close(HundredServer server) {
        if (server != null) {
            server.close();
        }
    }
}
