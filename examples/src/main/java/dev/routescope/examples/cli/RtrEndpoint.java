package dev.routescope.examples.cli;

import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.rtr.RtrClient;
import dev.routescope.rpki.rtr.RtrException;
import java.time.Duration;

/** {@code host:port} of an RTR cache, and a synchronised client for it. */
record RtrEndpoint(String host, int port) {

    static RtrEndpoint parse(String text) throws CliException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new CliException("bad RTR cache '" + text + "' (expected: HOST:PORT, e.g. 127.0.0.1:3323)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException ex) {
            throw new CliException("bad RTR cache '" + text + "': port is not a number", ex);
        }
        if (port < 1 || port > 65535) {
            throw new CliException("bad RTR cache '" + text + "': port " + port + " (expected: 1..65535)");
        }
        return new RtrEndpoint(host, port);
    }

    /**
     * Connects and waits for the first complete data set.
     *
     * @param timeout how long to wait for it
     * @return the started, synchronised client; the caller closes it
     * @throws CliException if the cache is unreachable, refuses every protocol version or is too slow
     */
    RtrClient connect(Duration timeout) throws CliException, InterruptedException {
        RtrClient client = RtrClient.builder()
                .host(host)
                .port(port)
                .validator(RouteOriginValidator.empty())
                .connectTimeout(timeout)
                .build();
        try {
            client.start();
            client.awaitSynced(timeout);
            return client;
        } catch (RtrException ex) {
            client.close();
            // the client's message names the endpoint, the state and the last failure
            throw new CliException("unreachable RTR cache: " + Cli.describe(ex), ex);
        } catch (InterruptedException | RuntimeException ex) {
            client.close();
            throw ex;
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
