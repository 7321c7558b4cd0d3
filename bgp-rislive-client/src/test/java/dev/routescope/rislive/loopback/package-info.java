/**
 * A loopback RIS Live server for tests (Netty): WebSocket and firehose endpoints, scripted
 * misbehaviour; byte builders for BGP messages and MRT records.
 */
@NullMarked
package dev.routescope.rislive.loopback;

import org.jspecify.annotations.NullMarked;
