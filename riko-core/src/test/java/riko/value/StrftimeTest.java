package riko.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expected string below is what {@code value.strftime(format)} printed under CPython 3.12.1
 * on Linux (glibc 2.36) with {@code TZ=UTC}, for the Python equivalent of the Java value
 * ({@code date}, naive {@code datetime}, {@code datetime} with {@code timezone.utc} / a fixed
 * {@code timezone} / a {@code ZoneInfo}).
 */
class StrftimeTest {

  private static final LocalDate MAY_4 = LocalDate.of(2015, 5, 4);
  private static final LocalDateTime EVENING = LocalDateTime.of(2008, 2, 12, 20, 45, 7, 123_456_000);
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static Stream<Arguments> pythonOutputs() {
    return Stream.of(
        // Names and the C locale's composite formats.
        arguments(MAY_4, "%a %A %b %B %h", "Mon Monday May May May"),
        arguments(MAY_4, "%c", "Mon May  4 00:00:00 2015"),
        arguments(MAY_4, "%x", "05/04/15"),
        arguments(MAY_4, "%X", "00:00:00"),
        arguments(MAY_4, "%D", "05/04/15"),
        arguments(MAY_4, "%F", "2015-05-04"),
        arguments(MAY_4, "%R", "00:00"),
        arguments(MAY_4, "%T", "00:00:00"),
        arguments(MAY_4, "%r", "12:00:00 AM"),
        // Numbers; a date is midnight.
        arguments(MAY_4, "%d|%e|%j|%m|%y|%Y|%C", "04| 4|124|05|15|2015|20"),
        arguments(MAY_4, "%H|%I|%M|%S|%p|%k|%l|%P", "00|12|00|00|AM| 0|12|am"),
        arguments(MAY_4, "%U|%W|%w|%u|%V|%G|%g", "18|18|1|1|19|2015|15"),
        arguments(MAY_4, "%f", "000000"),
        arguments(MAY_4, "[%z][%Z][%:z]", "[][][]"),
        arguments(MAY_4, "%s", "1430697600"),
        arguments(MAY_4, "100%%", "100%"),
        arguments(MAY_4, "%m/%d/%Y %H:%M:%S", "05/04/2015 00:00:00"),
        arguments(MAY_4, "%A, %b %d, %y at %I:%M %p", "Monday, May 04, 15 at 12:00 AM"),
        // Naive date-times.
        arguments(EVENING, "%c", "Tue Feb 12 20:45:07 2008"),
        arguments(EVENING, "%I:%M %p|%l %P|%k", "08:45 PM| 8 pm|20"),
        arguments(EVENING, "%f", "123456"),
        arguments(EVENING, "%r", "08:45:07 PM"),
        arguments(EVENING, "%s", "1202849107"),
        arguments(EVENING, "[%z][%Z]", "[][]"),
        // Week numbers around the turn of the year.
        arguments(LocalDate.of(2016, 1, 3), "%U %W %V %G %j", "01 00 53 2015 003"),
        arguments(LocalDate.of(2016, 1, 4), "%U %W %V %G", "01 01 01 2016"),
        arguments(LocalDate.of(2012, 12, 31), "%U %W %V %G %g", "53 53 01 2013 13"),
        arguments(LocalDate.of(2021, 1, 1), "%U %W %V %G", "00 00 53 2020"),
        arguments(LocalDate.of(2008, 2, 29), "%j", "060"),
        // Small years are not padded; epoch seconds may be negative.
        arguments(LocalDate.of(999, 12, 31), "%Y %C %y %G %F %c", "999 9 99 1000 999-12-31 Tue Dec 31 00:00:00 999"),
        arguments(LocalDate.of(1, 1, 1), "%Y|%C|%G|%s", "1|0|1|-62135596800"),
        arguments(LocalDate.of(1969, 12, 31), "%s", "-86400"),
        // Unknown and malformed directives are copied; modifiers as glibc allows them.
        arguments(MAY_4, "%Q %q %i", "%Q %q %i"),
        arguments(MAY_4, "%", "%"),
        arguments(MAY_4, "50%", "50%"),
        arguments(MAY_4, "%Ea %Ob %Ed %OY %Ex %Oy", "%Ea May %Ed %OY 05/04/15 15"),
        // glibc flags and widths.
        arguments(MAY_4, "%-d %-m %-j", "4 5 124"),
        arguments(MAY_4, "%_d|%_m|%5d|%05e|%-5e|%_5Y", " 4| 5|00004|00004|    4| 2015"),
        arguments(MAY_4, "%^a %^B %#a %#B %^c", "MON MAY MON MAY MON MAY  4 00:00:00 2015"),
        arguments(MAY_4, "%10A|%-10A|%010A", "    Monday|    Monday|0000Monday"),
        arguments(MAY_4, "%#p %^P %#Z", "am am "),
        arguments(MAY_4, "%5%|%5Q|%5", "    %|  %5Q|   %5"),
        arguments(MAY_4, "%12D|%012D", "    05/04/15|000005/04/15"),
        // Python's own directives only right after the percent sign.
        arguments(MAY_4, "%%z %%f", "%z %f"),
        // CPython limits: the format ends at NUL; a result over its buffer is empty.
        arguments(MAY_4, "a\0%d", "a"),
        arguments(MAY_4, "%5000d", ""),
        arguments(MAY_4, "%t|%n", "\t|\n"),
        arguments(MAY_4, "é%Aé", "éMondayé"),
        // Aware values.
        arguments(ZonedDateTime.of(2015, 5, 4, 13, 5, 9, 1_234_000, ZoneOffset.UTC), "%z %:z %Z %f", "+0000 +00:00 UTC 001234"),
        arguments(OffsetDateTime.of(2015, 5, 4, 13, 5, 9, 0, ZoneOffset.ofHoursMinutes(-5, -30)), "%z %:z %Z %c",
            "-0530 -05:30 UTC-05:30 Mon May  4 13:05:09 2015"),
        arguments(ZonedDateTime.of(2015, 1, 4, 13, 5, 9, 0, NEW_YORK), "%z %:z %Z %s", "-0500 -05:00 EST 1420376709"),
        arguments(ZonedDateTime.of(2015, 7, 4, 13, 5, 9, 0, NEW_YORK), "%z %Z %s", "-0400 EDT 1436011509"),
        arguments(ZonedDateTime.of(2015, 7, 4, 13, 5, 9, 0, ZoneId.of("Europe/London")), "%Z %z", "BST +0100"),
        // Flagged zone directives reach glibc, which sees no zone for fixed offsets and UTC for regions.
        arguments(ZonedDateTime.of(2015, 5, 4, 13, 5, 9, 0, ZoneOffset.UTC), "[%5z][%^Z]", "[][]"),
        arguments(ZonedDateTime.of(2015, 1, 4, 13, 5, 9, 0, NEW_YORK), "[%5z][%-z][%5Z][%#Z]", "[    +00000][+0][  UTC][utc]"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("pythonOutputs")
  void formatsAsPythonOnLinux(TemporalAccessor value, String format, String expected) {
    assertThat(Strftime.format(value, format)).isEqualTo(expected);
  }

  @Test
  void aFormatWithoutDirectivesIsCopied() {
    assertThat(Strftime.format(MAY_4, "no directives")).isEqualTo("no directives");
    assertThat(Strftime.format(MAY_4, "")).isEmpty();
  }

  @Test
  void theLongestResultThatFitsCPythonsBufferIsKept() {
    // A 6-byte format gets a 2048-byte buffer (the first of 1024, 2048, ... reaching 256 * 6).
    assertThat(Strftime.format(MAY_4, "%1024d")).hasSize(1024).endsWith("04");
    assertThat(Strftime.format(MAY_4, "%2047d")).hasSize(2047).endsWith("04");
    assertThat(Strftime.format(MAY_4, "%2048d")).isEmpty();
  }

  @Test
  void refusesValuesPythonCannotFormat() {
    assertThatThrownBy(() -> Strftime.format(Instant.EPOCH, "%Y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LocalDate")
        .hasMessageContaining("Instant");
  }
}
