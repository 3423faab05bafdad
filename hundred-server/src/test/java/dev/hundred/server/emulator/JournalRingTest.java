package dev.hundred.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalRingTest {
    private static JournalEntry entry(String query, int bodyChars) {
        return new JournalEntry(Instant.EPOCH, "GET", "/v2/rooms", query, Map.of(), "b".repeat(bodyChars), false, 200, 1, null);
    }

    private static List<String> queries(RequestJournal journal, String ws) {
        return journal.list(ws, e -> true, 1000).stream().map(JournalEntry::query).toList();
    }

    @Test
    void each_workspace_keeps_its_newest_entries() {
        RequestJournal journal = new RequestJournal(2);
        journal.add("a", entry("a1", 0));
        journal.add("b", entry("b1", 0));
        journal.add("a", entry("a2", 0));
        journal.add("a", entry("a3", 0));
        assertThat(queries(journal, "a")).containsExactly("a3", "a2");
        assertThat(queries(journal, "b")).containsExactly("b1");
        assertThat(journal.list("a", e -> e.query().equals("a2"), 10)).hasSize(1);
        assertThat(journal.list("a", e -> true, 1)).extracting(JournalEntry::query).containsExactly("a3");
        assertThat(queries(journal, "nobody")).isEmpty();
    }

    @Test
    void past_the_node_budget_the_oldest_entries_of_any_workspace_go_first() {
        long weight = entry("q1", 1000).weight();
        RequestJournal journal = new RequestJournal(100, weight * 3);
        journal.add("quiet", entry("q1", 1000));
        journal.add("busy", entry("b1", 1000));
        journal.add("busy", entry("b2", 1000));
        assertThat(queries(journal, "quiet")).containsExactly("q1");
        journal.add("busy", entry("b3", 1000));
        assertThat(queries(journal, "quiet")).isEmpty();
        assertThat(queries(journal, "busy")).containsExactly("b3", "b2", "b1");
        journal.add("quiet", entry("q2", 1000));
        assertThat(queries(journal, "busy")).containsExactly("b3", "b2");
        assertThat(queries(journal, "quiet")).containsExactly("q2");
    }

    @Test
    void dropped_entries_do_not_pile_up_and_clear_frees_the_budget() {
        long weight = entry("b99999", 10).weight();
        RequestJournal journal = new RequestJournal(5, weight * 10);
        journal.add("old", entry("o", 10));
        for (int i = 0; i < 100_000; i++) {
            journal.add("busy", entry("b" + i, 10));
        }
        assertThat(queries(journal, "old")).containsExactly("o");
        assertThat(queries(journal, "busy")).containsExactly("b99999", "b99998", "b99997", "b99996", "b99995");
        assertThat(journal.clear("busy")).isEqualTo(5);
        assertThat(journal.clear("busy")).isZero();
        for (int i = 0; i < 9; i++) {
            journal.add("new" + i, entry("n", 10));
        }
        assertThat(queries(journal, "old")).as("the budget had room again").containsExactly("o");
    }

    @Test
    void size_zero_keeps_nothing_and_sizes_are_bounded() {
        RequestJournal journal = new RequestJournal(0);
        journal.add("a", entry("a1", 0));
        assertThat(queries(journal, "a")).isEmpty();
        assertThatThrownBy(() -> new RequestJournal(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestJournal(RequestJournal.MAX_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
