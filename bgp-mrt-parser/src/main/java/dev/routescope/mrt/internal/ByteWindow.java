package dev.routescope.mrt.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A window of the decompressed MRT stream: either a whole buffer (memory-mapped file, caller's {@code ByteBuf}) or a
 * bounded, growable heap buffer refilled from an {@link InputStream}. Indices into {@link #buf()} stay valid until the
 * next {@link #request}, which may compact or replace the buffer.
 */
public abstract class ByteWindow implements Closeable {
    protected ByteBuf buf;
    protected int start;
    protected int end;
    /** Stream offset of index 0 of {@link #buf}. */
    protected long base;

    ByteWindow(ByteBuf buf, int start, int end) {
        this.buf = buf;
        this.start = start;
        this.end = end;
    }

    /** {@return the current buffer; indices are absolute (use {@code getByte(index)}, not reader indices)} */
    public final ByteBuf buf() {
        return buf;
    }

    /** {@return index of the first unconsumed byte} */
    public final int start() {
        return start;
    }

    /** {@return unconsumed bytes currently buffered} */
    public final int available() {
        return end - start;
    }

    /**
     * Stream offset of a buffer index.
     *
     * @param index index into {@link #buf()}
     * @return byte offset in the decompressed stream
     */
    public final long offsetOf(int index) {
        return base + index;
    }

    /**
     * Marks bytes as consumed.
     *
     * @param n bytes, at most {@link #available()}
     */
    public final void consume(int n) {
        start += n;
    }

    /**
     * Makes at least {@code n} unconsumed bytes available.
     *
     * @param n bytes wanted
     * @return false if the input ends first ({@link #available()} then tells how many there are)
     * @throws IOException if reading or decompressing fails
     */
    public abstract boolean request(int n) throws IOException;

    /**
     * A window over a whole buffer; the caller keeps ownership and must not release it while the window is in use.
     *
     * @param buf the data between its reader and writer index
     * @return the window
     */
    public static ByteWindow of(ByteBuf buf) {
        return new Fixed(buf);
    }

    /**
     * A streaming window.
     *
     * @param in the decompressed input; closed by {@link #close()}
     * @param initialCapacity first buffer size
     * @param maxCapacity largest buffer (largest record plus header)
     * @return the window
     */
    public static ByteWindow of(InputStream in, int initialCapacity, int maxCapacity) {
        return new Streaming(in, initialCapacity, maxCapacity);
    }

    private static final class Fixed extends ByteWindow {
        Fixed(ByteBuf buf) {
            super(buf, buf.readerIndex(), buf.writerIndex());
        }

        @Override
        public boolean request(int n) {
            return end - start >= n;
        }

        @Override
        public void close() {}
    }

    private static final class Streaming extends ByteWindow {
        private final InputStream in;
        private final int maxCapacity;
        private byte[] array;
        private boolean eof;

        Streaming(InputStream in, int initialCapacity, int maxCapacity) {
            super(Unpooled.EMPTY_BUFFER, 0, 0);
            this.in = in;
            this.maxCapacity = maxCapacity;
            this.array = new byte[Math.min(initialCapacity, maxCapacity)];
            this.buf = Unpooled.wrappedBuffer(array);
        }

        @Override
        public boolean request(int n) throws IOException {
            if (end - start >= n) {
                return true;
            }
            if (eof) {
                return false;
            }
            if (n > array.length) {
                // Records larger than the window: grow, bounded by the caller's limit (checked before asking).
                int cap = (int) Math.min(maxCapacity, Math.max((long) n, 2L * array.length));
                byte[] bigger = new byte[Math.max(cap, n)];
                System.arraycopy(array, start, bigger, 0, end - start);
                base += start;
                end -= start;
                start = 0;
                array = bigger;
                buf = Unpooled.wrappedBuffer(array);
            } else if (start + n > array.length) {
                System.arraycopy(array, start, array, 0, end - start);
                base += start;
                end -= start;
                start = 0;
            }
            while (end - start < n) {
                int r = in.read(array, end, array.length - end);
                if (r < 0) {
                    eof = true;
                    return false;
                }
                end += r;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
