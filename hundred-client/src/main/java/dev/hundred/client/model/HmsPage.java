package dev.hundred.client.model;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list, and the way to the next. {@link #autoPagingIterable()} and {@link #stream()} walk
 * every page from this one, fetching each only when the previous is used up. A list ends on an empty page
 * (the API may answer {@code "data": null}), an empty cursor, or a page shorter than its {@code limit}.
 *
 * @param <T> the item type
 */
public final class HmsPage<T> implements Iterable<T> {
    private final List<T> data;
    private final String cursor;
    private final boolean hasMore;
    private final Integer limit;
    private final Long total;
    private final Function<String, HmsPage<T>> next;

    /**
     * @param data    the items (never null: an absent {@code data} is an empty list)
     * @param cursor  what the next page starts from ({@code last}, {@code next}, or a page number), or null
     * @param hasMore whether a next page may exist
     * @param limit   the {@code limit} the server answered, or null
     * @param total   the {@code total} the server answered (analytics events), or null
     * @param next    fetches the page that starts at a cursor
     */
    public HmsPage(List<T> data, String cursor, boolean hasMore, Integer limit, Long total, Function<String, HmsPage<T>> next) {
        this.data = data == null ? List.of() : List.copyOf(data);
        this.cursor = cursor;
        this.hasMore = hasMore && cursor != null && !cursor.isEmpty() && !this.data.isEmpty();
        this.limit = limit;
        this.total = total;
        this.next = next;
    }

    /** The items of this page only. */
    public List<T> data() {
        return data;
    }

    /** The cursor the server gave ({@code last} or {@code next}), or null. */
    public String cursor() {
        return cursor;
    }

    public Integer limit() {
        return limit;
    }

    /** Analytics events' {@code total}; null elsewhere. */
    public Long total() {
        return total;
    }

    public boolean hasMore() {
        return hasMore;
    }

    /** The next page, or an empty last page when there is none. */
    public HmsPage<T> nextPage() {
        return hasMore ? next.apply(cursor) : new HmsPage<>(List.of(), null, false, limit, total, next);
    }

    @Override
    public Iterator<T> iterator() {
        return data.iterator();
    }

    /** Every item of this page and the ones after it. */
    public Iterable<T> autoPagingIterable() {
        return () -> new Iterator<>() {
            private HmsPage<T> page = HmsPage.this;
            private Iterator<T> items = page.data.iterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext()) {
                    if (!page.hasMore) {
                        return false;
                    }
                    page = page.nextPage();
                    items = page.data.iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }

    /** {@link #autoPagingIterable()} as a lazy, sequential stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(autoPagingIterable().iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
