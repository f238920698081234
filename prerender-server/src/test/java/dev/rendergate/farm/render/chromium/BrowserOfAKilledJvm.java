package dev.rendergate.farm.render.chromium;

import dev.rendergate.farm.testing.TestEgress;
import java.io.IOException;

/** Launches a browser, prints its PID and waits on stdin: a JVM for a test to kill outright. */
final class BrowserOfAKilledJvm {
    private BrowserOfAKilledJvm() {
    }

    public static void main(String[] args) throws IOException {
        ChromiumBrowser browser = ChromiumBrowser.launch(ChromiumOptions.defaults().withTabs(1), TestEgress.allowing());
        System.out.println("PID " + browser.pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test kills this JVM
        }
        browser.close();
    }
}
