package dev.routescope.rislive.internal;

import java.io.IOException;
import java.time.Duration;

/** Opens connections that feed frames into a {@link FrameSink}. */
public interface Transport {

    /**
     * Opens one connection.
     *
     * @param sink where frames go
     * @param timeout how long opening may take
     * @return the open connection
     * @throws IOException if it cannot be opened (the supervisor retries with backoff)
     * @throws InterruptedException if interrupted while opening
     */
    Connection open(FrameSink sink, Duration timeout) throws IOException, InterruptedException;

    /** {@return false for a finite source (replay): its end is the end of the stream, not a loss} */
    boolean reconnects();

    /** {@return a short description for logs and gap reports} */
    String describe();
}
