package dev.routescope.rislive.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue between transports (producers) and the single consumer. Under {@code BLOCK} a
 * full queue pauses the transport (it stops requesting frames: WebSocket {@code request(n)}, HTTP
 * body demand) and resumes it once the consumer has drained a quarter of the capacity; nothing is
 * ever dropped, but one in-flight network chunk may overshoot the capacity. Under {@code
 * DROP_OLDEST} the oldest queued frame makes room and is counted.
 *
 * <p>Thread-safe: any number of producer threads, one consumer thread.
 */
public final class FrameQueue implements FrameSink {
    private final int capacity;
    private final int resumeBelow;
    private final boolean dropOldest;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<String> frames;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final BiConsumer<String, Long> oversizedReporter;
    private @Nullable Runnable pendingResume;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long lastFrameMillis = System.currentTimeMillis();
    private boolean ended;

    /**
     * A queue.
     *
     * @param capacity frames held before the policy applies
     * @param dropOldest true for DROP_OLDEST, false for BLOCK
     * @param oversizedReporter told about frames discarded for their size
     */
    public FrameQueue(int capacity, boolean dropOldest, BiConsumer<String, Long> oversizedReporter) {
        this.capacity = capacity;
        this.resumeBelow = Math.max(1, capacity - Math.max(1, capacity / 4));
        this.dropOldest = dropOldest;
        this.frames = new ArrayDeque<>(Math.min(capacity, 1 << 16) + 16);
        this.oversizedReporter = oversizedReporter;
    }

    @Override
    public boolean offer(String frame, Runnable resume) {
        received.incrementAndGet();
        lastActivityNanos = System.nanoTime();
        lastFrameMillis = System.currentTimeMillis();
        lock.lock();
        try {
            if (ended) {
                return false; // closing: nothing more will be consumed, and nothing should be requested
            }
            if (dropOldest && frames.size() >= capacity) {
                frames.pollFirst();
                dropped.incrementAndGet();
            }
            frames.addLast(frame);
            notEmpty.signal();
            if (!dropOldest && frames.size() >= capacity) {
                pendingResume = resume;
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void oversized(String head, long length) {
        received.incrementAndGet();
        lastActivityNanos = System.nanoTime();
        oversizedReporter.accept(head, length);
    }

    /**
     * Moves up to {@code max} frames into {@code out}, waiting up to the timeout for the first.
     *
     * @param out receives the frames in arrival order
     * @param max most frames to move
     * @param timeoutNanos how long to wait when empty
     * @return the number moved; 0 on timeout; -1 once ended and empty
     * @throws InterruptedException if interrupted while waiting
     */
    public int drainTo(List<String> out, int max, long timeoutNanos) throws InterruptedException {
        Runnable resume = null;
        int n = 0;
        lock.lockInterruptibly();
        try {
            long nanos = timeoutNanos;
            while (frames.isEmpty()) {
                if (ended) {
                    return -1;
                }
                if (nanos <= 0) {
                    return 0;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            while (n < max && !frames.isEmpty()) {
                out.add(frames.pollFirst());
                n++;
            }
            if (pendingResume != null && frames.size() < resumeBelow) {
                resume = pendingResume;
                pendingResume = null;
            }
        } finally {
            lock.unlock();
        }
        if (resume != null) {
            lastActivityNanos = System.nanoTime(); // the pause was ours, not the server's: restart the stall clock
            resume.run();
        }
        return n;
    }

    /** Marks the end of input: the consumer drains what is left, then sees the end. */
    public void end() {
        lock.lock();
        try {
            ended = true;
            pendingResume = null;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@return true while a BLOCK pause is in effect (the transport waits for the consumer)} */
    public boolean paused() {
        lock.lock();
        try {
            return pendingResume != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Nanos since the last frame arrived or the last pause ended, for stall detection.
     *
     * @param now {@link System#nanoTime()}
     * @return idle nanos
     */
    public long idleNanos(long now) {
        return now - lastActivityNanos;
    }

    /** Restarts the stall clock (a new connection). */
    public void touch() {
        lastActivityNanos = System.nanoTime();
    }

    /** {@return wall-clock milliseconds of the last frame offered} */
    public long lastFrameMillis() {
        return lastFrameMillis;
    }

    /** {@return frames received (including dropped and oversized ones)} */
    public long received() {
        return received.get();
    }

    /** {@return frames dropped by DROP_OLDEST} */
    public long dropped() {
        return dropped.get();
    }

    /** {@return frames waiting} */
    public int size() {
        lock.lock();
        try {
            return frames.size();
        } finally {
            lock.unlock();
        }
    }
}
