package dev.hundred.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Three nodes started at the same moment on a fresh PostgreSQL without {@code --access-key}: each would find
 * no workspace and make its own, and print different credentials. They make one and all print it.
 */
@BesideOthers
class DefaultWorkspaceRaceTest {

    @Test
    void nodes_started_at_once_without_credentials_share_one_default_workspace() throws Exception {
        String db = Backends.freshPostgresUrl();
        List<CompletableFuture<ChildServer>> starting = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return ChildServer.startWithout(db, List.of("--node-name", name, "--print-credentials", "true"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, runnable -> new Thread(runnable, "start-" + name).start()));
        }
        List<ChildServer> nodes = starting.stream().map(CompletableFuture::join).toList();
        try {
            List<String> keys = nodes.stream().map(DefaultWorkspaceRaceTest::printedAccessKey).toList();
            assertThat(keys).doesNotContainNull();
            assertThat(keys.stream().distinct()).as("access keys printed by a, b, c: %s", keys).hasSize(1);
            try (Connection c = DriverManager.getConnection(db);
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM workspaces")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            for (ChildServer node : nodes) {
                node.close();
            }
        }
    }

    private static String printedAccessKey(ChildServer node) {
        return node.banner().stream().filter(line -> line.trim().startsWith("access key:"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(null);
    }
}
