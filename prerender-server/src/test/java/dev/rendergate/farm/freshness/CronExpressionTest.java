package dev.rendergate.farm.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 3 * * *          | 2026-11-28T02:59:00Z | 2026-11-28T03:00Z
            0 3 * * *          | 2026-11-28T03:00:00Z | 2026-11-29T03:00Z
            0 3 * * *          | 2026-12-31T03:30:00Z | 2027-01-01T03:00Z
            */15 * * * *       | 2026-11-28T10:07:30Z | 2026-11-28T10:15Z
            */15 * * * *       | 2026-11-28T10:45:00Z | 2026-11-28T11:00Z
            5,35 8-9 * * *     | 2026-11-28T09:36:00Z | 2026-11-29T08:05Z
            0 8-18/4 * * *     | 2026-11-28T12:01:00Z | 2026-11-28T16:00Z
            30 2 * * 1-5       | 2026-11-28T00:00:00Z | 2026-11-30T02:30Z
            0 0 * * 0          | 2026-11-28T00:00:00Z | 2026-11-29T00:00Z
            0 0 * * 7          | 2026-11-28T00:00:00Z | 2026-11-29T00:00Z
            0 0 1 * *          | 2026-11-28T00:00:00Z | 2026-12-01T00:00Z
            0 0 29 2 *         | 2026-03-01T00:00:00Z | 2028-02-29T00:00Z
            0 12 13 * 5        | 2026-11-28T00:00:00Z | 2026-12-04T12:00Z
            0 0 1 1,7 *        | 2026-01-01T00:00:00Z | 2026-07-01T00:00Z
            59 23 31 12 *      | 2026-11-28T00:00:00Z | 2026-12-31T23:59Z
            """)
    void next_table(String expression, String after, String expected) {
        ZonedDateTime next = CronExpression.parse(expression).next(ZonedDateTime.parse(after));
        assertThat(next).isEqualTo(ZonedDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            0 3 * *            | 5 fields
            0 3 * * * *        | 5 fields
            60 3 * * *         | minute must be 0-59
            0 24 * * *         | hour must be 0-23
            0 0 0 * *          | day of month must be 1-31
            0 0 * 13 *         | month must be 1-12
            0 0 * * 8          | day of week must be 0-7
            5-1 * * * *        | runs backwards
            */0 * * * *        | minute must be 1-60
            a * * * *          | minute must be 0-59
            """)
    void parse_malformed_saysWhichField(String expression, String message) {
        assertThatThrownBy(() -> CronExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void next_neverFiring_saysSo() {
        assertThatThrownBy(() -> CronExpression.parse("0 0 30 2 *").next(ZonedDateTime.parse("2026-01-01T00:00Z")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never fires");
    }
}
