package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

  @ParameterizedTest
  @CsvSource({"500ms,500", "10s,10000", "5m,300000", "24h,86400000", "7d,604800000", " 3s ,3000"})
  void duration_withUnit_isParsed(String text, long millis) {
    assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void duration_withoutUnit_isRejectedWithExample() {
    assertThatThrownBy(() -> new DurationConverter().convert("10"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("10s");
  }

  @ParameterizedTest
  @CsvSource({"512,512", "64KB,65536", "512mb,536870912", "2GB,2147483648"})
  void byteSize_withUnit_isParsed(String text, long bytes) {
    assertThat(new ByteSizeConverter().convert(text)).isEqualTo(bytes);
  }

  @Test
  void byteSize_garbage_isRejected() {
    assertThatThrownBy(() -> new ByteSizeConverter().convert("lots")).isInstanceOf(TypeConversionException.class);
  }
}
