package dev.rendergate.farm.render.chromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DevTools pipe framing (NUL-terminated JSON both ways) against a scripted browser end. */
class CdpConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int LIMIT = 1 << 16;

    private PipedOutputStream browserWrites;
    private PipedInputStream browserReads;
    private CdpConnection cdp;

    @BeforeEach
    void connect() throws IOException {
        browserWrites = new PipedOutputStream();
        PipedInputStream fromBrowser = new PipedInputStream(browserWrites, 1 << 20);
        PipedOutputStream toBrowser = new PipedOutputStream();
        browserReads = new PipedInputStream(toBrowser, 1 << 20);
        cdp = CdpConnection.open(fromBrowser, toBrowser, LIMIT, "test");
    }

    @AfterEach
    void close() throws IOException {
        cdp.close();
        browserWrites.close();
    }

    @Test
    void call_isWrittenNulTerminated_andItsAnswerMatchedById() throws Exception {
        var answer = cdp.send("S1", "Runtime.evaluate", Map.of("expression", "1+1"));

        String sent = readMessage(browserReads);
        assertThat(sent).isEqualTo("{\"id\":1,\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":\"1+1\"},"
                + "\"sessionId\":\"S1\"}");
        // An answer split across writes, with an event for another session before it.
        write("{\"method\":\"Page.loadEventFired\",\"params\":{},\"sessionId\":\"S2\"}\0{\"id\":1,\"res");
        write("ult\":{\"result\":{\"value\":2}}}\0");
        assertThat(answer.get()).isEqualTo(Map.of("result", Map.of("value", 2L)));
    }

    @Test
    void events_reachTheSinkOfTheirSession() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        cdp.onEvents("S1", (method, params) -> seen.add(method + params));

        write("{\"method\":\"Network.requestWillBeSent\",\"params\":{\"n\":1},\"sessionId\":\"S1\"}\0");
        write("{\"method\":\"Other.event\",\"params\":{},\"sessionId\":\"S9\"}\0");
        var barrier = cdp.send(null, "Browser.getVersion", Map.of());
        readMessage(browserReads);
        write("{\"id\":1,\"result\":{}}\0");
        barrier.get(); // answered after both events, on the same reader thread

        assertThat(seen).containsExactly("Network.requestWillBeSent{n=1}");
    }

    @Test
    void oversizedAnswer_failsItsCallOnly_andLaterMessagesStillArrive() throws Exception {
        var big = cdp.send(null, "DOM.getOuterHTML", Map.of());
        readMessage(browserReads);
        write("{\"id\":1,\"result\":{\"outerHTML\":\"" + "x".repeat(LIMIT) + "\"}}\0");
        assertThatThrownBy(big::get).hasRootCauseInstanceOf(CdpException.class)
                .hasMessageContaining("larger than " + LIMIT + " bytes");

        var small = cdp.send(null, "Browser.getVersion", Map.of());
        readMessage(browserReads);
        write("{\"id\":2,\"result\":{\"product\":\"Chrome/1\"}}\0");
        assertThat(small.get()).containsEntry("product", "Chrome/1");
    }

    @Test
    void browserClosingItsPipe_failsPendingCallsAndClosesTheConnection() throws Exception {
        var answer = cdp.send(null, "Browser.getVersion", Map.of());
        browserWrites.close();

        assertThatThrownBy(answer::get).hasMessageContaining("the browser closed its pipe");
        assertThat(cdp.isOpen()).isFalse();
        assertThatThrownBy(() -> cdp.call(null, "Page.enable", Map.of(), WAIT)).isInstanceOf(CdpException.class);
    }

    private void write(String text) throws IOException {
        browserWrites.write(text.getBytes(StandardCharsets.UTF_8));
        browserWrites.flush();
    }

    private static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
