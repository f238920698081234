package dev.rendergate.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads byte sizes such as {@code 512MB}, {@code 64KB} or {@code 2GB} (powers of 1024). */
final class ByteSizeConverter implements ITypeConverter<Long> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,12})(B|KB|MB|GB)?");

  @Override
  public Long convert(String text) {
    Matcher matcher = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new TypeConversionException("'" + text + "' is not a size; write for example 64KB, 512MB or 2GB");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "B" : matcher.group(2);
    return switch (unit) {
      case "KB" -> amount << 10;
      case "MB" -> amount << 20;
      case "GB" -> amount << 30;
      default -> amount;
    };
  }
}
