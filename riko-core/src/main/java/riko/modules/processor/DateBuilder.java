package riko.modules.processor;

import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ItemTransformer;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.spi.RikoModule;
import riko.value.DateParsing;
import riko.value.PyStr;
import riko.value.TimeTuple;

/**
 * riko's {@code datebuilder}: turns a date description ({@code 12/2/2014}, {@code 3 days},
 * {@code tomorrow}) into a time tuple.
 *
 * <p><b>Conf.</b> None: the conf is ignored entirely (riko's {@code ptype = none}). The field
 * ({@code field} option, default {@code content}) is read raw, without a field cast, and must be
 * text. Its text S is read by the first rule that applies:
 *
 * <ol>
 *   <li>S ends with {@code " day"} or {@code " days"}: its first space-separated word is a
 *       Python integer n ({@code 3 days}, {@code -1 day}, {@code +2 days}, {@code 1_0 days});
 *       the result is today (UTC) plus n days.
 *   <li>S ends with {@code " year"} or {@code " years"}: today with n added to the year.
 *   <li>S is exactly {@code today}, {@code tomorrow}, {@code yesterday} (midnight) or
 *       {@code now} (to the second, UTC).
 *   <li>Otherwise S is free-form date text read as python-dateutil reads it
 *       ({@link DateParsing#parseFreeForm}: {@code 5/4/82} is 4 May 1982, ISO 8601, RFC 822,
 *       {@code Jan. 12, 2001}, {@code 15 JUN 06}); fields it lacks come from today.
 * </ol>
 *
 * <p>QUIRK: riko evaluates {@code today}, {@code tomorrow}, {@code yesterday} and {@code now}
 * once, when the module is loaded (process start), and never again, while the days and years
 * rules read the clock on every item. This port evaluates the four words once per assembly
 * ({@link #create}), from the context's clock ({@link riko.spi.ModuleContext#clock()}): every
 * item of one assembled pipe or pipeline sees the same values, which for a pipeline run from
 * the command line is the start of the run, and a test pins them with
 * {@code ModuleContext.withClock}. The days and years rules and the free-form parser read the
 * context's clock when each item is processed. Other QUIRKs kept: relative text without a
 * trailing {@code day(s)}/{@code year(s)} ({@code next week}, {@code +3 weeks}) goes to the
 * free-form parser, which refuses it; {@code 1 year} on 29 February is an error when the target
 * year is not a leap year.
 *
 * <p><b>Emits</b> each item with a {@link TimeTuple} assigned under {@code assign} (default
 * {@code datebuilder}), written {@code YYYY-MM-DDTHH:MM:SS} without an offset: dates at
 * midnight, parsed date-times as their own wall-clock time to the second (an offset or zone in
 * the text is not applied: {@code 2014-12-02T15:30:00+02:00} gives {@code 2014-12-02T15:30:00},
 * as Python's {@code timetuple()} does); with {@code emit} the bare tuple.
 *
 * <p><b>Errors.</b> Nothing fails at assembly. At runtime, each a {@link ModuleException}
 * naming the module: a field that is missing, {@code null} or not text (naming the field, as
 * riko fails on it); text no rule reads (naming the text), including a count that is not an
 * integer ({@code three days}); a result outside the years 1-9999; {@code n years} from
 * 29 February into a year without one. Items already emitted stay emitted.
 *
 * <p><b>Example.</b> {@code DateBuilder.of("12/2/2014", Clock.systemUTC())} is the tuple
 * {@code 2014-12-02T00:00:00}; in a pipeline {@code {"type": "datebuilder", "conf": {}}} turns
 * {@code {"content": "3 days"}} into {@code {"content": "3 days", "datebuilder":
 * "<today + 3>T00:00:00"}}.
 */
public final class DateBuilder implements RikoModule {

  private static final ModuleMetadata METADATA = ModuleMetadata.transformer("datebuilder",
      "Turns date text (12/2/2014, 3 days, tomorrow) into a time tuple.");
  private static final ProcessorSpec SPEC =
      ProcessorSpec.transformer(Map.of(), "content", FieldCast.PASS, "datebuilder").rawField();
  private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final BigInteger MAX_DAYS = BigInteger.valueOf(999_999_999);

  /** The module, as registered. */
  public DateBuilder() {}

  @Override
  public ModuleMetadata metadata() {
    return METADATA;
  }

  /** Evaluates {@code today}, {@code tomorrow}, {@code yesterday} and {@code now} for this call. */
  @Override
  public ItemTransformer create(ModuleCall call) {
    return new Assembled(Keywords.at(call.context().clock())).create(call);
  }

  /**
   * The time tuple for {@code text}, reading "today" and "now" from {@code clock} (for all four
   * rules, as when the module is assembled at the moment of the call).
   *
   * @throws IllegalArgumentException when no rule reads the text, naming it
   */
  public static TimeTuple of(String text, Clock clock) {
    return build(text, Keywords.at(clock), clock);
  }

  private static TimeTuple build(String text, Keywords keywords, Clock clock) {
    if (text.endsWith(" day") || text.endsWith(" days")) {
      BigInteger days = count(text, "days");
      LocalDate today = today(clock);
      if (days.abs().compareTo(MAX_DAYS) > 0) {
        throw outOfRange(text);
      }
      return midnight(text, today.plusDays(days.longValueExact()));
    }
    if (text.endsWith(" year") || text.endsWith(" years")) {
      BigInteger years = count(text, "years");
      LocalDate today = today(clock);
      BigInteger year = years.add(BigInteger.valueOf(today.getYear()));
      if (year.compareTo(BigInteger.ONE) < 0 || year.compareTo(BigInteger.valueOf(9999)) > 0) {
        throw outOfRange(text);
      }
      int target = year.intValueExact();
      if (today.getMonth() == Month.FEBRUARY && today.getDayOfMonth() == 29 && !Year.isLeap(target)) {
        throw new IllegalArgumentException("cannot build the date " + PyStr.repr(text) + ": today is 29 February and "
            + target + " has no 29 February");
      }
      return midnight(text, today.withYear(target));
    }
    TimeTuple keyword = keywords.get(text);
    if (keyword != null) {
      return keyword;
    }
    ZonedDateTime parsed = DateParsing.parseFreeForm(text, clock)
        .orElseThrow(() -> new IllegalArgumentException("unrecognized date " + PyStr.repr(text)));
    return new TimeTuple(parsed.toLocalDateTime().withNano(0));
  }

  /** Python's {@code int()} of the first space-separated word. */
  private static BigInteger count(String text, String unit) {
    String word = text.split(" ", -1)[0].strip();
    if (!PY_INT.matcher(word).matches()) {
      throw new IllegalArgumentException("unrecognized date " + PyStr.repr(text) + ": " + PyStr.repr(word)
          + " is not a whole number of " + unit);
    }
    return new BigInteger(word.replace("_", ""));
  }

  private static TimeTuple midnight(String text, LocalDate date) {
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw outOfRange(text);
    }
    return new TimeTuple(date.atStartOfDay());
  }

  private static IllegalArgumentException outOfRange(String text) {
    return new IllegalArgumentException("cannot build the date " + PyStr.repr(text) + ": it falls outside the years 1-9999");
  }

  private static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** {@code today}, {@code tomorrow}, {@code yesterday} and {@code now}, as evaluated once. */
  private record Keywords(LocalDate today, LocalDateTime now) {

    static Keywords at(Clock clock) {
      LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
      return new Keywords(now.toLocalDate(), now);
    }

    @Nullable TimeTuple get(String text) {
      return switch (text) {
        case "today" -> new TimeTuple(today.atStartOfDay());
        case "tomorrow" -> new TimeTuple(today.plusDays(1).atStartOfDay());
        case "yesterday" -> new TimeTuple(today.minusDays(1).atStartOfDay());
        case "now" -> new TimeTuple(now);
        default -> null;
      };
    }
  }

  /** The module for one call, holding the words evaluated when it was assembled. */
  private static final class Assembled extends ProcessorModule {

    private final Keywords keywords;

    Assembled(Keywords keywords) {
      super(METADATA, SPEC);
      this.keywords = keywords;
    }

    @Override
    protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
      if (!(value instanceof String text)) {
        String field = call.options().field() != null ? call.options().field() : SPEC.field();
        throw new ModuleException(conf.module(), "field '" + field + "' must be text to build a date from, was "
            + (value == null ? "missing or None" : PyStr.repr(value)));
      }
      try {
        return ProcessorResult.of(build(text, keywords, call.context().clock()));
      } catch (IllegalArgumentException e) {
        throw new ModuleException(conf.module(), e.getMessage(), e);
      }
    }
  }
}
