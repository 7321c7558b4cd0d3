/**
 * A loopback RIS Live server for tests (Netty): WebSocket and firehose endpoints, scripted
 * misbehaviour, and a converter from {@code bgpdump -m} lines to RIS Live frames.
 */
@NullMarked
package dev.routescope.rislive.loopback;

import org.jspecify.annotations.NullMarked;
