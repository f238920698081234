package dev.rendergate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rendergate.edge.verify.AddressRange;
import java.io.IOException;

/**
 * Checks one downloaded crawler address list against the format Google and Bing document:
 * {@code {"creationTime": "...", "prefixes": [{"ipv4Prefix": "a.b.c.d/n"} | {"ipv6Prefix": "x::/n"}, ...]}},
 * with sane sizes, before it may replace the stored copy.
 */
final class PublishedRangeList {

  static final int MAX_BYTES = 1024 * 1024;
  static final int MAX_PREFIXES = 20_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private PublishedRangeList() {
  }

  /**
   * @param body          the downloaded bytes
   * @param storedCount   the number of prefixes in the stored copy (0 when there is none)
   * @param allowShrink   whether a list with fewer than half the stored prefixes is accepted
   * @return the number of prefixes
   * @throws IllegalArgumentException saying what is wrong with the list
   */
  static int check(byte[] body, int storedCount, boolean allowShrink) {
    if (body.length > MAX_BYTES) {
      throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
    }
    JsonNode prefixes = parse(body).path("prefixes");
    if (!prefixes.isArray()) {
      throw new IllegalArgumentException("no \"prefixes\" array (not the published format)");
    }
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException("\"prefixes\" is empty");
    }
    if (prefixes.size() > MAX_PREFIXES) {
      throw new IllegalArgumentException(prefixes.size() + " prefixes, more than the sane " + MAX_PREFIXES);
    }
    for (int i = 0; i < prefixes.size(); i++) {
      checkPrefix(prefixes.get(i), i);
    }
    if (!allowShrink && prefixes.size() * 2 < storedCount) {
      throw new IllegalArgumentException(prefixes.size() + " prefixes where the stored copy has " + storedCount
          + "; if the operator really dropped that many, run again with --allow-shrink");
    }
    return prefixes.size();
  }

  /** @return the number of prefixes of a stored copy, 0 when it cannot be read as a list */
  static int count(byte[] stored) {
    try {
      JsonNode prefixes = JSON.readTree(stored).path("prefixes");
      return prefixes.isArray() ? prefixes.size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("not readable (" + e.getMessage() + ")");
    }
  }

  private static void checkPrefix(JsonNode entry, int index) {
    JsonNode v4 = entry.get("ipv4Prefix");
    JsonNode v6 = entry.get("ipv6Prefix");
    if ((v4 == null) == (v6 == null)) {
      throw new IllegalArgumentException("prefixes[" + index + "] needs exactly one of ipv4Prefix and ipv6Prefix");
    }
    JsonNode value = v4 != null ? v4 : v6;
    if (!value.isTextual()) {
      throw new IllegalArgumentException("prefixes[" + index + "] is not text");
    }
    String cidr = value.asText();
    if ((v4 != null) == cidr.contains(":")) {
      throw new IllegalArgumentException("prefixes[" + index + "] '" + cidr + "' is not an "
          + (v4 != null ? "IPv4" : "IPv6") + " block");
    }
    AddressRange range;
    try {
      range = AddressRange.parse(cidr);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("prefixes[" + index + "]: " + e.getMessage());
    }
    // A crawler list never needs a block this wide; one would verify a good part of the internet.
    if (range.prefixLength() < (v4 != null ? 96 + 8 : 16)) {
      throw new IllegalArgumentException("prefixes[" + index + "] '" + cidr + "' is too broad for a crawler list");
    }
  }
}
