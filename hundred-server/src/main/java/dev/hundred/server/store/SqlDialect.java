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
        return hasState(error, "23505");
    }

    /**
     * A row points at one that is not there, or a deleted row is still pointed at: another request changed
     * the other side meanwhile. PostgreSQL says 23503 for both; H2 says 23506 for the first, 23503 for the second.
     */
    public static boolean isForeignKeyViolation(Throwable error) {
        return hasState(error, "23503") || hasState(error, "23506");
    }

    /** Rolled back to break a deadlock (PostgreSQL 40P01, H2 40001): the database asks for it to be run again. */
    public static boolean isDeadlockVictim(Throwable error) {
        return hasState(error, "40P01") || hasState(error, "40001");
    }

    private static boolean hasState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
