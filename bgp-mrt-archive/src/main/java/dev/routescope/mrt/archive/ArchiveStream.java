package dev.routescope.mrt.archive;

import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementCursor;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtLimits;
import dev.routescope.mrt.MrtProblemListener;
import dev.routescope.mrt.MrtReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Many MRT files of many collectors as one element stream in timestamp order: a k-way merge of
 * {@link MrtElementReader}s with an {@link ElementFilter} applied inside each file's reader, so
 * elements that do not match never reach the merge or an event object.
 *
 * <pre>{@code
 * MrtArchive ris = MrtArchive.ris();
 * Instant from = Instant.parse("2021-01-01T05:00:00Z"), until = Instant.parse("2021-01-01T06:00:00Z");
 * try (ArchiveDownloader downloader = ArchiveDownloader.builder().cacheDirectory(cache).build();
 *      ArchiveStream stream = ArchiveStream.builder()
 *              .files(ris.listUpdates(List.of("rrc00", "rrc12"), from, until))
 *              .downloader(downloader)
 *              .filter(ElementFilter.builder().timeRange(from, until)
 *                      .prefixes(ElementFilter.PrefixMatch.MORE_SPECIFIC, List.of(Prefix.parse("193.0.0.0/16")))
 *                      .build())
 *              .build()) {
 *     while (stream.advance()) {
 *         MrtElement e = stream.element();        // valid until the next advance()
 *         RouteEvent event = e.toEvent();         // build a value only for what you keep
 *     }
 *     System.out.println(stream.stats());        // missing files, problems, out-of-order count
 * }
 * }</pre>
 *
 * <p><b>Order.</b> Elements come out by (timestamp, microseconds), ties in file order (start time,
 * RIBs first, collector). Each file is read in its own order; the merge always takes the file whose
 * next matching element is earliest. Files are opened only when the merge reaches their start time,
 * so the number of open files stays near the number of collectors however long the range; an
 * element older than its file's nominal start is delivered late and counted in {@link
 * ArchiveStreamStats#outOfOrder()}.
 *
 * <p><b>Files.</b> Remote files are fetched through the {@link ArchiveDownloader}, started ahead of
 * the merge ({@code prefetch} files beyond the ones open) so transfer overlaps parsing. A file the
 * archive lacks or that fails is skipped and listed in {@link #stats()}; parser problems go to the
 * {@link MrtProblemListener} with the file path as source.
 *
 * <p>Threading: not thread-safe; one consumer pulls. Cost per delivered element: one heap
 * re-insert, O(log open files); nothing is allocated per element on the {@link #advance()} path.
 *
 * @since 0.1
 */
public final class ArchiveStream implements MrtElementCursor {

    private static final Comparator<Source> ORDER =
            Comparator.<Source>comparingLong(s -> s.key).thenComparingInt(s -> s.order);

    private final List<ArchiveFile> files;
    private final @Nullable ArchiveDownloader downloader;
    private final ElementFilter filter;
    private final MrtProblemListener problemListener;
    private final MrtLimits limits;
    private final int prefetch;

    private final List<@Nullable CompletableFuture<DownloadResult>> fetches;
    private final PriorityQueue<Source> heap = new PriorityQueue<>(ORDER);
    private final List<Source> open = new ArrayList<>();
    private final List<DownloadResult.Missing> missing = new ArrayList<>();
    private final List<DownloadResult.Failed> failed = new ArrayList<>();
    private int nextToOpen;
    private int nextToFetch;
    private @Nullable Source current;
    private long lastKey = Long.MIN_VALUE;
    private int filesOpened;
    private int filesFinished;
    private long elementsRead;
    private long elementsMatched;
    private long outOfOrder;
    private long finishedProblems;
    private boolean closed;

    /** One open file: its reader, positioned on its next matching element. */
    private static final class Source {
        final ArchiveFile file;
        final int order;
        final MrtElementReader reader;
        long key;

        Source(ArchiveFile file, int order, MrtElementReader reader) {
            this.file = file;
            this.order = order;
            this.reader = reader;
        }
    }

    private ArchiveStream(Builder b, List<ArchiveFile> files) {
        this.files = files;
        this.downloader = b.downloader;
        this.filter = b.filter;
        this.problemListener = b.problemListener;
        this.limits = b.limits;
        ArchiveDownloader d = b.downloader;
        this.prefetch = b.prefetch > 0 ? b.prefetch : d == null ? 0 : 2 * d.parallelism();
        this.fetches = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            fetches.add(null);
        }
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Moves to the next matching element of all files, in timestamp order.
     *
     * @return false when every file is exhausted
     * @throws IllegalStateException if the stream is closed, or the thread is interrupted while
     *     waiting for a download (the interrupt flag is kept)
     */
    @Override
    public boolean advance() {
        if (closed) {
            throw new IllegalStateException("archive stream is closed");
        }
        Source done = current;
        current = null;
        if (done != null) {
            if (next(done)) {
                heap.add(done);
            } else {
                finish(done);
            }
        }
        openDue();
        Source min = heap.poll();
        if (min == null) {
            return false;
        }
        if (min.key < lastKey) {
            outOfOrder++;
        } else {
            lastKey = min.key;
        }
        current = min;
        return true;
    }

    /**
     * The current element.
     *
     * @return the parser's view; valid until the next {@link #advance()}
     * @throws IllegalStateException if {@link #advance()} was not called or returned false
     */
    @Override
    public MrtElement element() {
        return currentSource().reader.element();
    }

    /**
     * The file the current element comes from.
     *
     * @return the archive file
     * @throws IllegalStateException if there is no current element
     */
    public ArchiveFile file() {
        return currentSource().file;
    }

    private Source currentSource() {
        Source s = current;
        if (s == null) {
            throw new IllegalStateException("no current element (call advance() first and check its result)");
        }
        return s;
    }

    /** {@return the counters so far} */
    public ArchiveStreamStats stats() {
        long problems = finishedProblems;
        for (Source s : open) {
            problems += s.reader.stats().problems();
        }
        return new ArchiveStreamStats(
                filesOpened, filesFinished, elementsRead, elementsMatched, outOfOrder, problems, missing, failed);
    }

    /** Advances a source to its next matching element; the filter runs here, before the merge. */
    private boolean next(Source s) {
        MrtElementReader reader = s.reader;
        while (reader.advance()) {
            elementsRead++;
            MrtElement e = reader.element();
            if (filter.test(e)) {
                elementsMatched++;
                s.key = e.timestamp() * 1_000_000L + e.microseconds();
                return true;
            }
        }
        return false;
    }

    /** Opens every file whose start is not after the earliest pending element. */
    private void openDue() {
        while (nextToOpen < files.size()) {
            Source min = heap.peek();
            ArchiveFile f = files.get(nextToOpen);
            if (min != null && ElementFilter.micros(f.start()) > min.key) {
                return;
            }
            int order = nextToOpen++;
            fetchAhead();
            Path path = await(order, f);
            if (path == null) {
                continue;
            }
            MrtElementReader reader;
            try {
                MrtReader records = MrtReader.builder()
                        .collector(f.collector())
                        .limits(limits)
                        .problemListener(problemListener)
                        .open(path);
                reader = new MrtElementReader(records);
            } catch (IOException e) {
                failed.add(new DownloadResult.Failed(f, "cannot open " + path + ": " + e, 0, e));
                continue;
            }
            filesOpened++;
            Source s = new Source(f, order, reader);
            open.add(s);
            if (next(s)) {
                heap.add(s);
            } else {
                finish(s);
            }
        }
    }

    private void fetchAhead() {
        ArchiveDownloader d = downloader;
        while (nextToFetch < files.size() && nextToFetch < nextToOpen + prefetch) {
            ArchiveFile f = files.get(nextToFetch);
            if (d != null && !f.isLocal()) {
                fetches.set(nextToFetch, d.downloadAsync(f));
            }
            nextToFetch++;
        }
    }

    private @Nullable Path await(int index, ArchiveFile f) {
        CompletableFuture<DownloadResult> future = fetches.get(index);
        fetches.set(index, null);
        DownloadResult result;
        if (future == null) {
            ArchiveDownloader d = downloader;
            if (f.isLocal()) {
                Path local = Path.of(f.uri());
                if (!Files.isRegularFile(local)) {
                    missing.add(new DownloadResult.Missing(f, 0));
                    return null;
                }
                return local;
            }
            if (d == null) {
                throw new IllegalStateException("no downloader for remote file " + f.uri());
            }
            future = d.downloadAsync(f);
        }
        try {
            result = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + f.uri(), e);
        } catch (ExecutionException e) {
            result = new DownloadResult.Failed(f, "download task failed: " + e.getCause(), 0, e);
        }
        if (result instanceof DownloadResult.Stored stored) {
            return stored.path();
        }
        if (result instanceof DownloadResult.Missing m) {
            missing.add(m);
        } else {
            failed.add((DownloadResult.Failed) result);
        }
        return null;
    }

    private void finish(Source s) {
        filesFinished++;
        finishedProblems += s.reader.stats().problems();
        open.remove(s);
        try {
            s.reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + s.file.uri(), e);
        }
    }

    /** Closes open files and cancels downloads started ahead. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        current = null;
        heap.clear();
        for (CompletableFuture<DownloadResult> f : fetches) {
            if (f != null) {
                f.cancel(true);
            }
        }
        IOException first = null;
        for (Source s : open) {
            try {
                s.reader.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        if (first != null) {
            throw new UncheckedIOException("closing archive stream", first);
        }
    }

    @Override
    public String toString() {
        return "ArchiveStream{files=" + files.size() + ", filter=" + filter + ", " + stats() + "}";
    }

    /**
     * Configures an {@link ArchiveStream}. Each setting may be given once. Not thread-safe.
     *
     * <pre>{@code
     * ArchiveStream s = ArchiveStream.builder()
     *         .files(mirror.listUpdates(List.of("rrc04", "rrc12"), from, until))
     *         .filter(ElementFilter.builder().originAsns(List.of(Asn.of(13335))).build())
     *         .build();
     * }</pre>
     *
     * @since 0.1
     */
    public static final class Builder {
        private @Nullable List<ArchiveFile> files;
        private @Nullable ArchiveDownloader downloader;
        private ElementFilter filter = ElementFilter.ALL;
        private boolean filterSet;
        private MrtProblemListener problemListener = MrtProblemListener.IGNORE;
        private boolean problemListenerSet;
        private MrtLimits limits = MrtLimits.DEFAULT;
        private boolean limitsSet;
        private int prefetch;

        private Builder() {}

        private static void once(boolean set, String what, Object current) {
            if (set) {
                throw new IllegalStateException(what + " was already set to " + current);
            }
        }

        /**
         * The files to merge, e.g. from {@link MrtArchive#list}; any order, duplicates dropped.
         *
         * @param archiveFiles the files
         * @return this builder
         */
        public Builder files(Collection<ArchiveFile> archiveFiles) {
            once(files != null, "files", files == null ? "" : files.size() + " files");
            files = archiveFiles.stream().distinct().sorted().toList();
            return this;
        }

        /**
         * Fetches remote files; not needed when every file is local. The stream does not close it.
         *
         * @param d the downloader
         * @return this builder
         */
        public Builder downloader(ArchiveDownloader d) {
            once(downloader != null, "downloader", String.valueOf(downloader));
            downloader = d;
            return this;
        }

        /**
         * Which elements to deliver (default: all).
         *
         * @param f the filter
         * @return this builder
         */
        public Builder filter(ElementFilter f) {
            once(filterSet, "filter", filter);
            filter = Objects.requireNonNull(f, "filter");
            filterSet = true;
            return this;
        }

        /**
         * Receives the parser's problems (default: ignored, but counted in {@link #stats()}).
         *
         * @param listener called on the consumer's thread
         * @return this builder
         */
        public Builder problemListener(MrtProblemListener listener) {
            once(problemListenerSet, "problem listener", problemListener);
            problemListener = Objects.requireNonNull(listener, "listener");
            problemListenerSet = true;
            return this;
        }

        /**
         * Parser limits (default {@link MrtLimits#DEFAULT}).
         *
         * @param l the limits
         * @return this builder
         */
        public Builder limits(MrtLimits l) {
            once(limitsSet, "limits", limits);
            limits = Objects.requireNonNull(l, "limits");
            limitsSet = true;
            return this;
        }

        /**
         * How many files beyond those open are downloaded ahead (default: twice the downloader's
         * parallelism).
         *
         * @param files 1..1024
         * @return this builder
         */
        public Builder prefetch(int files) {
            once(prefetch != 0, "prefetch", prefetch);
            if (files < 1 || files > 1024) {
                throw new IllegalArgumentException("prefetch " + files + " (expected: 1..1024)");
            }
            prefetch = files;
            return this;
        }

        /**
         * Builds the stream; nothing is opened or fetched before the first {@link #advance()}.
         *
         * @return the stream; close it
         * @throws IllegalStateException if no files were given, or a file is remote and no
         *     downloader was set
         */
        public ArchiveStream build() {
            List<ArchiveFile> list = files;
            if (list == null) {
                throw new IllegalStateException("files(..) is required");
            }
            if (downloader == null) {
                for (ArchiveFile f : list) {
                    if (!f.isLocal()) {
                        throw new IllegalStateException("file " + f.uri() + " is remote: set downloader(..)");
                    }
                }
            }
            return new ArchiveStream(this, list);
        }
    }
}
