package dev.hundred.server.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Base of every API test: the class runs once on H2 and once on PostgreSQL, and each test gets a
 * client for a workspace of its own on the shared server of that back end.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
public abstract class ApiTestBase {
    @Parameter
    protected String backend;

    protected Client api;

    @BeforeEach
    void newWorkspace() {
        api = Client.forNewWorkspace(Backends.server(backend));
    }
}
