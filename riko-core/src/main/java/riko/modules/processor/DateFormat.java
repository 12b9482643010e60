package riko.modules.processor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.Cast;
import riko.value.PyStr;
import riko.value.Strftime;

/**
 * riko's {@code dateformat}: formats a date field with a C/Python {@code strftime} pattern.
 *
 * <p><b>Conf.</b> {@code format} (text, default {@value #DEFAULT_FORMAT}): the pattern, with
 * every directive of {@link Strftime} ({@code %a %A %b %B %c %d %D %e %f %H %I %j %m %M %p %R %S
 * %T %U %w %W %x %X %y %Y %z %Z %%} and the rest of glibc's, English names, C-locale
 * {@code %c %x %X}); unknown directives are copied as written. It may be dynamic
 * ({@code {"subkey": "pattern"}}).
 *
 * <p>The field ({@code field} option, default {@code date}: QUIRK, not {@code content}) is cast
 * to a calendar date as the {@code date} cast does ({@code conf.md} 7.3): dates, date-times
 * (their own calendar date, whatever their zone), time tuples, epoch seconds (integers, UTC) and
 * date strings ({@code 5/4/82}, {@code 2008-02-12 20:45}, {@code Jan. 12, 2001},
 * {@code tomorrow}, {@code +3 days}; "today" read from the context's clock). QUIRK: a missing,
 * {@code null} or unreadable value is 1970-01-01, and that date is formatted (no error); a
 * digit-only string such as {@code "1181230100"} is unreadable, only real integers are epoch
 * seconds. QUIRK: the value is always reduced to its calendar date first, so time directives
 * print midnight ({@code %H:%M:%S} is {@code 00:00:00}, {@code %I %p} is {@code 12 AM}) and
 * {@code %z %Z} print nothing, even for a date-time with a zone.
 *
 * <p><b>Emits</b> each item with the formatted text assigned under {@code assign} (default
 * {@code dateformat}); with {@code emit} the bare text.
 *
 * <p><b>Errors.</b> A {@code format} that is not text ({@code null}, a number) is a
 * {@link ConfException}: at assembly when static, otherwise when the item arrives (riko raises
 * Python's {@code TypeError} there). Unreadable dates are never errors.
 *
 * <p><b>Example.</b> {@code new DateFormat.Conf("%A, %b %d, %y").apply(LocalDate.of(2015, 5,
 * 4))} is {@code "Monday, May 04, 15"}; in a pipeline:
 * {@code {"type": "dateformat", "conf": {"format": "%A, %b %d, %y at %I:%M %p"}}} turns
 * {@code {"date": "2008-02-12 20:45"}} into
 * {@code {"date": "2008-02-12 20:45", "dateformat": "Tuesday, Feb 12, 08 at 12:00 AM"}}.
 */
public final class DateFormat extends ProcessorModule {

  /** riko's default pattern. */
  public static final String DEFAULT_FORMAT = "%m/%d/%Y %H:%M:%S";

  /**
   * The module's conf.
   *
   * @param format the {@code strftime} pattern
   */
  public record Conf(String format) {

    /** Formats a calendar date. */
    public String apply(LocalDate date) {
      return Strftime.format(date, format);
    }

    /** Casts {@code value} to a date as the module does (today from {@code clock}), then formats it. */
    public String apply(@Nullable Object value, Clock clock) {
      return apply((LocalDate) Cast.DATE.apply(value, clock));
    }

    static Conf from(ResolvedConf conf) {
      Object format = conf.get("format");
      if (!(format instanceof String text)) {
        throw new ConfException(conf.module(), "format",
            "must be text, a strftime pattern such as \"%Y-%m-%d\"; was " + PyStr.repr(format));
      }
      return new Conf(text);
    }
  }

  /** The module, as registered. */
  public DateFormat() {
    // The field is read raw and cast here, so that "today" comes from the context's clock.
    super(ModuleMetadata.transformer("dateformat", "Formats a date with a strftime pattern."),
        ProcessorSpec.transformer(Map.<String, @Nullable Object>of("format", DEFAULT_FORMAT), "date", FieldCast.PASS,
            "dateformat"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(conf.parsed(Conf.class, Conf::from).apply(value, call.context().clock()));
  }
}
