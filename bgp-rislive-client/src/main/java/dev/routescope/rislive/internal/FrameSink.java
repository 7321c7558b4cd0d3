package dev.routescope.rislive.internal;

/** Where a transport puts the frames it receives. Implemented by {@link FrameQueue}. */
public interface FrameSink {

    /**
     * Accepts one frame.
     *
     * @param frame the frame text
     * @param resume called once, later, when the sink has room again, if this returns false
     * @return true if the transport may ask its source for more now; false if it must wait for {@code
     *     resume}
     */
    boolean offer(String frame, Runnable resume);

    /**
     * Reports a frame that was discarded because it was longer than the limit.
     *
     * @param head the start of the frame
     * @param length its length in characters (or bytes), at least as far as it was read
     */
    void oversized(String head, long length);
}
