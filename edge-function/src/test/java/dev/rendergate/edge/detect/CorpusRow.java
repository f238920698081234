package dev.rendergate.edge.detect;

/**
 * One labelled User-Agent from a corpus file.
 *
 * @param label "bot", "human" or "unsure" (a doubtful source label: counted, never scored)
 * @param botClass expected class for bots; null for people and unsure rows
 * @param name expected stable name, or null when the source does not pin one
 * @param device expected device, or null when unchecked
 * @param source where the row comes from
 * @param userAgent the header value
 * @param line line number in the file, for messages
 */
record CorpusRow(String label, BotClass botClass, String name, Device device, String source, String userAgent, int line) {

    boolean isBot() {
        return label.equals("bot");
    }

    boolean isHuman() {
        return label.equals("human");
    }
}
