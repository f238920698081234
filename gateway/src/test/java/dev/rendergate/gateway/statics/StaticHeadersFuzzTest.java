package dev.rendergate.gateway.statics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the request headers the static site reads ({@code Range}, {@code Accept-Encoding}) over
 * realistic and hostile values: no exception, a bounded call, a byte range always inside the file, and a coding
 * given {@code q=0} never chosen.
 */
class StaticHeadersFuzzTest {

    private static final Gen<String> NUMBER = Gen.of("0", "1", "499", "500", "501", "9223372036854775807",
            "9223372036854775808", "-1", "+5", "00", "1e3", " 7 ", "\u0661\u0662", "0x10", "", "18446744073709551616");

    private static final Gen<String> RANGE = HostileText.headerValue(random ->
            Gen.of("bytes=", "BYTES=", "bytes =", "items=", "bytes=", "").next(random)
                    + Gen.oneOf(random2 -> NUMBER.next(random2) + "-" + NUMBER.next(random2),
                            random2 -> "-" + NUMBER.next(random2),
                            random2 -> NUMBER.next(random2) + "-",
                            random2 -> NUMBER.next(random2) + "-" + NUMBER.next(random2) + "," + NUMBER.next(random2) + "-")
                    .next(random));

    private static final Gen<String> CODING = Gen.of("gzip", "br", "identity", "*", "deflate", "GZIP", "x-gzip", "zstd", "");
    private static final Gen<String> Q = Gen.of("", ";q=0", ";q=1", ";q=0.5", ";Q=0", "; q=0", ";q=NaN", ";q=-1",
            ";q=1e9", ";q=Infinity", ";q=", ";q=0x1p3", ";level=1", ";q=0;q=1", ";q=0.000");

    private static final Gen<String> ACCEPT_ENCODING = HostileText.headerValue(random -> {
        int n = random.nextInt(5);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : Gen.of(",", ", ", " ,").next(random)).append(CODING.next(random)).append(Q.next(random));
        }
        return out.toString();
    });

    @Test
    void byteRange_anyHeader_givesARangeInsideTheFile() {
        Property.forAll(random -> new Object[] {RANGE.next(random),
            Gen.of(0L, 1L, 500L, 1_000_000L, Long.MAX_VALUE).next(random)}).tries(4_000).check(input -> {
                long length = (Long) input[1];
                ByteRange range = ByteRange.parse((String) input[0], length);
                assertThat(range).isNotNull();
                if (range instanceof ByteRange.Part part) {
                    assertThat(part.first()).isBetween(0L, part.last());
                    assertThat(part.last()).isLessThan(length);
                    assertThat(part.length()).isPositive();
                }
            });
    }

    @Test
    void acceptEncoding_anyHeader_neverChoosesACodingRefusedWithQZero() {
        Property.forAll(random -> new String[] {ACCEPT_ENCODING.next(random), Gen.of("gzip", "br").next(random)})
                .tries(4_000).check(input -> {
                    String header = input[0];
                    String coding = input[1];
                    boolean accepted = AcceptEncoding.accepts(header, coding);
                    if (header != null && header.replace(" ", "").toLowerCase().matches("(.*,)?" + coding + ";q=0(\\.0*)?")) {
                        assertThat(accepted).as("refused with q=0 as the last item").isFalse();
                    }
                });
    }
}
