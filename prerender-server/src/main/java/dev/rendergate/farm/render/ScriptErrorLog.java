package dev.rendergate.farm.render;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.ScriptException;
import org.htmlunit.corejs.javascript.EvaluatorException;
import org.htmlunit.corejs.javascript.Scriptable;
import org.htmlunit.corejs.javascript.ScriptableObject;
import org.htmlunit.corejs.javascript.Undefined;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;

/** Collects the script errors of one render (HtmlUnit is told not to throw them), bounded in count. */
final class ScriptErrorLog implements JavaScriptErrorListener {
    private static final int MAX_ERRORS = 20;
    private final GuardedConnection connection;
    private final List<String> messages = new ArrayList<>();
    private volatile boolean timedOut;
    private volatile boolean syntaxError;

    ScriptErrorLog(GuardedConnection connection) {
        this.connection = connection;
    }

    synchronized void clear() {
        messages.clear();
        timedOut = false;
        syntaxError = false;
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    synchronized boolean any() {
        return !messages.isEmpty();
    }

    /**
     * True when a script could not even be parsed: HtmlUnit's engine does not know syntax the page uses ({@code class},
     * {@code async}, spread), so no page of the site built that way can work in it.
     */
    boolean syntaxError() {
        return syntaxError;
    }

    /** True when a script ran past the JavaScript timeout and was stopped. */
    boolean timedOut() {
        return timedOut;
    }

    private synchronized void add(String message) {
        if (messages.size() < MAX_ERRORS) {
            messages.add(message);
        }
    }

    /**
     * Records a promise rejection that no handler took by the end of a script run: HtmlUnit reports none of them
     * itself, and an app whose data load rejected renders only part of the page.
     */
    void unhandledRejection(Object reason) {
        Object message = reason instanceof Scriptable s ? ScriptableObject.getProperty(s, "message") : reason;
        boolean hasMessage = message != null && message != Scriptable.NOT_FOUND && !(message instanceof Undefined);
        add("unhandled promise rejection: " + (hasMessage ? message : String.valueOf(reason)));
    }

    @Override
    public void scriptException(HtmlPage page, ScriptException e) {
        syntaxError |= e.getCause() instanceof EvaluatorException;
        add(e.getMessage());
    }

    @Override
    public void timeoutError(HtmlPage page, long allowedTime, long executionTime) {
        timedOut = true;
        add("script timeout after " + executionTime + " ms");
    }

    @Override
    public void malformedScriptURL(HtmlPage page, String url, MalformedURLException e) {
        add("malformed script URL " + url);
    }

    @Override
    public void loadScriptError(HtmlPage page, URL url, Exception e) {
        // A script we refused to fetch is our decision, not a broken page.
        if (!connection.wasRefused(url.toExternalForm())) {
            add("cannot load script " + url.getPath());
        }
    }

    @Override
    public void warn(String message, String sourceName, int line, String lineSource, int lineOffset) {
        // HtmlUnit's warnings are about its own emulation, not the page.
    }
}
