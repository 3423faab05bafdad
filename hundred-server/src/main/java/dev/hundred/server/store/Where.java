package dev.hundred.server.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A WHERE clause built from optional filters, so a list query names only the filters it was given
 * (PostgreSQL cannot type a bare {@code :p IS NULL} parameter).
 */
public final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> bindings = new LinkedHashMap<>();

    /** Adds {@code condition}, which refers to {@code :name}, bound to {@code value}. */
    public Where and(String condition, String name, Object value) {
        conditions.add(condition);
        bindings.put(name, value);
        return this;
    }

    /** Adds {@code condition} only when {@code value} is present (not null). */
    public Where andIf(Object value, String condition, String name) {
        return value == null ? this : and(condition, name, value);
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the filters' values to a query, or to an update that selects with them (INSERT ... SELECT). */
    public <S extends SqlStatement<S>> S bind(S statement) {
        bindings.forEach(statement::bind);
        return statement;
    }
}
