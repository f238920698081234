/**
 * The Chromium render engine: launches Debian's headless Chromium, speaks the Chrome DevTools Protocol
 * to it over the JDK's WebSocket client, and renders each page in a pre-opened tab of a browser context of
 * its own, disposed after the render.
 *
 * <p>{@link dev.rendergate.farm.render.chromium.ChromiumBrowser} is the facade; everything else but the
 * option and result records is package-private. Each render emulates the device, blocks images, fonts,
 * media and every request the caller's predicate rejects, waits for {@code window.prerenderReady} or
 * network idle within a hard budget, and returns the serialized DOM with the main response's status.
 * The browser's whole process tree is owned and killed on close.
 */
package dev.rendergate.farm.render.chromium;
