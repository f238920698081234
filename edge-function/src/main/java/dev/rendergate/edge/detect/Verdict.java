package dev.rendergate.edge.detect;

import java.util.Objects;

/**
 * The outcome of classifying one request: a person, or a bot with its class and stable name.
 *
 * @param bot whether the client is automated
 * @param botClass the bot's class; null for people
 * @param name a stable lower-case crawler name such as {@code googlebot}; null for people
 * @param device the device class to render for
 */
public record Verdict(boolean bot, BotClass botClass, String name, Device device) {

    public Verdict {
        Objects.requireNonNull(device, "device");
        if (bot) {
            Objects.requireNonNull(botClass, "botClass");
            Objects.requireNonNull(name, "name");
        } else if (botClass != null || name != null) {
            throw new IllegalArgumentException("a human verdict has no bot class or name");
        }
    }

    /** A person on the given device. */
    public static Verdict human(Device device) {
        return new Verdict(false, null, null, device);
    }

    /** A bot of the given class and name on the given device. */
    public static Verdict bot(BotClass botClass, String name, Device device) {
        return new Verdict(true, botClass, name, device);
    }
}
