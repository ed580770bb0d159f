package io.ragline.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.security.ApiKeys;
import io.ragline.support.RaglineApps;
import io.ragline.support.RawHttp;

/**
 * What Tomcat refuses before any filter (a header over its size limit, too many headers, a malformed
 * Content-Length, TRACE, a header holding a byte HTTP forbids) is answered in the API's JSON, echoes
 * nothing of the request, and logs no credential.
 */
@Tag("slow")
@ExtendWith(OutputCaptureExtension.class)
class TomcatRefusalsTest {

    private static final String SECRET = "secret-key-material-51d0";

    @TempDir
    Path work;

    @Test
    void tomcatsOwnRefusalsAnswerInJsonAndLogNoKey(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = RaglineApps.start(work, ApiKeys.settings().toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String manyHeaders = "X-Many: " + SECRET + "\r\n";
            List<String> requests = List.of(
                    "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + SECRET + "a".repeat(9_000) + "\r\n\r\n",
                    "GET /health HTTP/1.1\r\nHost: x\r\n" + manyHeaders.repeat(120) + "\r\n",
                    "POST /api/query HTTP/1.1\r\nHost: x\r\nX-API-Key: " + SECRET + "\r\nContent-Length: 12x\r\n\r\n{}",
                    "TRACE /health HTTP/1.1\r\nHost: x\r\nX-API-Key: " + SECRET + "\r\n\r\n");
            for (String request : requests) {
                try (RawHttp raw = new RawHttp(port)) {
                    String reply = raw.send(request).readUntilClosedOrQuiet(3_000);
                    assertThat(reply).as(request.substring(0, 40)).matches("(?s)HTTP/1\\.1 4\\d\\d .*")
                            .contains("Content-Type: application/json").contains("\"success\":false").contains("\"error\":\"")
                            .doesNotContain(SECRET, "<html", "Apache Tomcat");
                }
            }

            // a key header holding a byte HTTP forbids: refused, and the key never reaches the log
            try (RawHttp raw = new RawHttp(port)) {
                byte[] head = ("POST /api/query HTTP/1.1\r\nHost: x\r\nX-API-Key: " + SECRET).getBytes(StandardCharsets.ISO_8859_1);
                raw.send(head).send(new byte[] {0x01}).send("\r\nContent-Length: 2\r\n\r\n{}");
                assertThat(raw.readUntilClosedOrQuiet(3_000)).startsWith("HTTP/1.1 400").doesNotContain(SECRET);
            }
            assertThat(output.getAll()).doesNotContain(SECRET);
        }
    }
}
