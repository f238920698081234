package dev.rendergate.gateway.statics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void closedRange_withinLength() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange.Part(0, 9));
    }

    @Test
    void closedRange_pastEnd_isClipped() {
        assertThat(ByteRange.parse("bytes=90-200", 100)).isEqualTo(new ByteRange.Part(90, 99));
    }

    @Test
    void openRange_toTheEnd() {
        assertThat(ByteRange.parse("bytes=95-", 100)).isEqualTo(new ByteRange.Part(95, 99));
    }

    @Test
    void suffixRange_lastBytes_andLongerThanFile() {
        assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange.Part(90, 99));
        assertThat(ByteRange.parse("bytes=-500", 100)).isEqualTo(new ByteRange.Part(0, 99));
    }

    @Test
    void startAtOrBeyondLength_isUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void malformedOrMultiple_isIgnored() {
        for (String header : new String[] {"bytes=5-2", "bytes=a-b", "items=0-1", "bytes=0-1,3-4", "bytes=", "bytes=--1",
            "bytes=99999999999999999999999-"}) {
            assertThat(ByteRange.parse(header, 100)).as(header).isInstanceOf(ByteRange.Whole.class);
        }
        assertThat(ByteRange.parse(null, 100)).isInstanceOf(ByteRange.Whole.class);
    }
}
