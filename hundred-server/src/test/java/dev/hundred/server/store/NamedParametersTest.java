package dev.hundred.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/**
 * Our parameter parser and attribute engine make the same statements as JDBI's own (ANTLR) ones: each statement
 * below goes through both, up to the moment it would run, and what each would send is compared.
 */
class NamedParametersTest {
    /** What a statement became: the SQL sent to the driver and the parameters it names, in order. */
    private record Made(String sql, List<String> names, boolean positional) {}

    /** Stops a statement just before it runs, once rendered and parsed. */
    private static final class Stop extends RuntimeException {
        final Made made;

        Stop(StatementContext ctx) {
            super(null, null, false, false);
            var parsed = ctx.getParsedSql();
            made = new Made(parsed.getSql(), parsed.getParameters().getParameterNames(),
                    parsed.getParameters().isPositional());
        }
    }

    private static final List<String> STATEMENTS = List.of(
            "SELECT * FROM rooms WHERE id = :id AND workspace_id = :workspaceId",
            "UPDATE t SET body = CAST(:body AS jsonb), n = n + 1 WHERE id = :id::text",
            "SELECT data::jsonb -> 'a:b' FROM t WHERE x = ':notParam' AND y = :y",
            "SELECT \"col:umn\" FROM t WHERE a = :a /* :comment */ AND b = ?",
            "SELECT 'it''s :quoted' , 'back\\'slash :q', :after FROM t",
            "SELECT a := 1, :p.q, :r#s, :t_9 FROM t",
            "SELECT * FROM t WHERE due_at <= :now AND a < b AND c<>d",
            "SELECT * FROM t WHERE id IN (<ids>) AND kind = :kind",
            "SELECT <cols> FROM t WHERE '<notAttr>' = :v /* <inComment> */",
            "SELECT pg_notify('hundred_invalidate', :what)",
            "INSERT INTO t (a, b) VALUES (:a, :b) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b RETURNING id",
            "SELECT ? , ? FROM t",
            "SELECT 1 :: int, x FROM t WHERE y = : z",
            "SELECT 1 FROM t WHERE a = :");

    private static final Map<String, Object> ATTRIBUTES = Map.of("ids", "1, 2, 3", "cols", "a, b");

    @Test
    void every_statement_reads_as_jdbis_own_parser_and_engine_read_it() {
        Jdbi theirs = Jdbi.create("jdbc:h2:mem:parsers-theirs");
        Jdbi ours = Jdbi.create("jdbc:h2:mem:parsers-ours");
        ours.getConfig(SqlStatements.class).setSqlParser(new NamedParameters()).setTemplateEngine(new DefinedAttributes());
        int refused = 0;
        for (String sql : STATEMENTS) {
            Object theirsMade = made(theirs, sql);
            assertThat(made(ours, sql)).as(sql).isEqualTo(theirsMade);
            refused += theirsMade instanceof String ? 1 : 0;
        }
        assertThat(refused).as("statements both refuse compare nothing: only the last is meant to be refused").isLessThanOrEqualTo(1);
        assertThat(made(ours, "SELECT * FROM t WHERE id = :id AND x IN (<ids>)"))
                .isEqualTo(new Made("SELECT * FROM t WHERE id = ? AND x IN (1, 2, 3)", List.of("id"), false));
    }

    @Test
    void an_attribute_that_is_not_defined_is_refused_as_jdbi_refuses_it() {
        Jdbi ours = Jdbi.create("jdbc:h2:mem:parsers-undefined");
        ours.getConfig(SqlStatements.class).setTemplateEngine(new DefinedAttributes());
        try (Handle h = ours.open()) {
            assertThatThrownBy(() -> h.createQuery("SELECT * FROM t WHERE id IN (<missing>)").mapToMap().list())
                    .hasMessageContaining("Undefined attribute for token '<missing>'");
        }
    }

    /** What {@code sql} would send to the driver: the statement is stopped where JDBI prepares it. */
    private static Object made(Jdbi jdbi, String sql) {
        jdbi.setStatementBuilderFactory(connection -> new StatementBuilder() {
            @Override
            public java.sql.Statement create(java.sql.Connection c, StatementContext ctx) {
                throw new Stop(ctx);
            }

            @Override
            public java.sql.PreparedStatement create(java.sql.Connection c, String sent, StatementContext ctx) {
                throw new Stop(ctx);
            }

            @Override
            public java.sql.CallableStatement createCall(java.sql.Connection c, String sent, StatementContext ctx) {
                throw new Stop(ctx);
            }

            @Override
            public void close(java.sql.Connection c, String sent, java.sql.Statement statement) {}
        });
        try (Handle h = jdbi.open()) {
            var query = h.createQuery(sql);
            ATTRIBUTES.forEach(query::define);
            query.mapToMap().list();
            throw new AssertionError("ran: " + sql);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Stop stop) {
                    return stop.made;
                }
            }
            return "refused: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
