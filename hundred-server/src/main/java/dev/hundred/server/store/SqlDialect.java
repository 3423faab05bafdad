package dev.hundred.server.store;

import java.sql.SQLException;

/**
 * The few places where H2 and PostgreSQL differ (stack.md §4). Everything else is portable SQL.
 */
public enum SqlDialect {
    H2,
    POSTGRES;

    public static SqlDialect fromUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRES : H2;
    }

    /** A unique constraint was violated (both engines use SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
