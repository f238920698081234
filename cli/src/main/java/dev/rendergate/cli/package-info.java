/**
 * The {@code rendergate} command line: one executable jar whose subcommands run the embedded default
 * ({@code up}: gateway + farm + sample site in one process), a farm node, a gateway, the crawler
 * classifier over standard input, and a one-off render. Every option can also be set through a
 * {@code RENDERGATE_*} environment variable; wiring is done by hand here, below {@code main} nothing
 * reads the environment.
 */
package dev.rendergate.cli;
