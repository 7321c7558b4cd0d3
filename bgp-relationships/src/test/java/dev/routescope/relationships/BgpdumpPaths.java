package dev.routescope.relationships;

import dev.routescope.model.AsPath;
import dev.routescope.testsupport.ExternalTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/** AS paths (field 7) of the announcement lines of {@code bgpdump -m}, streamed. */
final class BgpdumpPaths {
    private BgpdumpPaths() {}

    static long forEach(Path mrt, Consumer<AsPath> consumer) throws IOException, InterruptedException {
        Path bgpdump = ExternalTool.require("bgpdump");
        Process p = new ProcessBuilder(bgpdump.toString(), "-m", mrt.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long n = 0;
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\\|", -1);
                if (f.length > 6 && (f[2].equals("A") || f[2].equals("B"))) {
                    consumer.accept(AsPath.parse(f[6]));
                    n++;
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IOException("bgpdump exited with " + p.exitValue() + " for " + mrt);
        }
        return n;
    }
}
