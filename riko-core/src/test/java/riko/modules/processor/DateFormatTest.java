package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;
import riko.value.TimeTuple;

class DateFormatTest {

  private final DateFormat dateformat = new DateFormat();

  private List<String> run(String conf, String input) {
    return json(dateformat, conf(conf), List.of(item(input)));
  }

  private String formatted(String format, Object date) {
    List<Item> out = ModuleRunner.list(dateformat, RawConf.of("format", format), CallOptions.none(), List.of(Item.of("date", date)));
    return (String) out.get(0).get("dateformat");
  }

  @Test
  void theSpecExamples() {
    assertThat(run("{}", "{\"date\": \"2015-05-04\"}"))
        .containsExactly("{\"date\":\"2015-05-04\",\"dateformat\":\"05/04/2015 00:00:00\"}");
    assertThat(formatted("%Y", LocalDate.of(2015, 5, 4))).isEqualTo("2015");
    assertThat(json(dateformat, RawConf.empty(), List.of(Item.of("date", LocalDate.of(2015, 5, 4)))))
        .containsExactly("{\"date\":\"2015-05-04\",\"dateformat\":\"05/04/2015 00:00:00\"}");
    assertThat(run("{}", "{\"date\": \"05/04/2015\"}"))
        .containsExactly("{\"date\":\"05/04/2015\",\"dateformat\":\"05/04/2015 00:00:00\"}");
    assertThat(run("{\"format\": \"%A, %b %d, %y at %I:%M %p\"}", "{\"date\": \"2008-02-12 20:45\"}"))
        .containsExactly("{\"date\":\"2008-02-12 20:45\",\"dateformat\":\"Tuesday, Feb 12, 08 at 12:00 AM\"}");
    assertThat(run("{}", "{}")).containsExactly("{\"dateformat\":\"01/01/1970 00:00:00\"}");
  }

  /** Conformance case dateformat-custom: dates.json through a typed format. */
  @Test
  void conformanceDateformatCustom() {
    RawConf conf = conf("{\"format\": {\"type\": \"text\", \"value\": \"%A, %b %d, %y at %I:%M %p\"}}");
    assertThat(ModuleRunner.list(dateformat, conf, CallOptions.none(), Dates.all()).stream().map(i -> i.get("dateformat")))
        .containsExactly(
            "Monday, May 04, 15 at 12:00 AM",
            "Tuesday, Feb 12, 08 at 12:00 AM",
            "Tuesday, May 04, 82 at 12:00 AM",
            "Thursday, Jan 01, 70 at 12:00 AM",
            "Tuesday, Dec 02, 14 at 12:00 AM",
            "Monday, Jan 01, 01 at 12:00 AM");
  }

  @Test
  void theDefaultFieldIsDateNotContent() {
    assertThat(run("{\"format\": \"%Y\"}", "{\"content\": \"2015-05-04\"}"))
        .containsExactly("{\"content\":\"2015-05-04\",\"dateformat\":\"1970\"}");
    assertThat(dateformat.spec().field()).isEqualTo("date");
    assertThat(dateformat.spec().defaults()).containsEntry("format", "%m/%d/%Y %H:%M:%S");
  }

  @Test
  void timeDirectivesAlwaysPrintMidnight() {
    // QUIRK: the value is reduced to its calendar date before formatting, zone and all.
    ZonedDateTime evening = ZonedDateTime.of(2008, 2, 12, 20, 45, 7, 0, ZoneId.of("America/New_York"));
    assertThat(formatted("%H:%M:%S|%I %p|%R|%T|%X|%c", evening))
        .isEqualTo("00:00:00|12 AM|00:00|00:00:00|00:00:00|Tue Feb 12 00:00:00 2008");
    assertThat(formatted("[%z][%Z][%f]", evening)).isEqualTo("[][][000000]");
    assertThat(run("{\"format\": \"%H:%M\"}", "{\"date\": \"2014-12-02T15:30:00Z\"}"))
        .containsExactly("{\"date\":\"2014-12-02T15:30:00Z\",\"dateformat\":\"00:00\"}");
  }

  @Test
  void aDateTimeKeepsItsOwnCalendarDate() {
    ZonedDateTime lateInNewYork = ZonedDateTime.of(2020, 1, 1, 23, 0, 0, 0, ZoneId.of("America/New_York"));
    assertThat(formatted("%F", lateInNewYork)).as("not the UTC date, 2 January").isEqualTo("2020-01-01");
  }

  @Test
  void missingNullAndUnreadableValuesFormatTheEpoch() {
    assertThat(run("{\"format\": \"%F\"}", "{\"title\": \"no date\"}"))
        .containsExactly("{\"title\":\"no date\",\"dateformat\":\"1970-01-01\"}");
    assertThat(run("{\"format\": \"%F\"}", "{\"date\": null}")).containsExactly("{\"date\":null,\"dateformat\":\"1970-01-01\"}");
    assertThat(run("{\"format\": \"%F\"}", "{\"date\": \"bogus\"}"))
        .containsExactly("{\"date\":\"bogus\",\"dateformat\":\"1970-01-01\"}");
    assertThat(run("{\"format\": \"%F\"}", "{\"date\": [1, 2]}")).containsExactly("{\"date\":[1,2],\"dateformat\":\"1970-01-01\"}");
  }

  @Test
  void integersAreEpochSecondsButDigitStringsAreNot() {
    assertThat(run("{\"format\": \"%F\"}", "{\"date\": 1181230100}"))
        .containsExactly("{\"date\":1181230100,\"dateformat\":\"2007-06-07\"}");
    assertThat(run("{\"format\": \"%F\"}", "{\"date\": \"1181230100\"}"))
        .containsExactly("{\"date\":\"1181230100\",\"dateformat\":\"1970-01-01\"}");
  }

  @Test
  void timeTuplesAndFreeFormTextAreDates() {
    assertThat(formatted("%F", new TimeTuple(LocalDateTime.of(2009, 5, 11, 22, 10, 1)))).isEqualTo("2009-05-11");
    assertThat(formatted("%F", "Jan. 12, 2001")).isEqualTo("2001-01-12");
    assertThat(formatted("%F", "15 JUN 06")).isEqualTo("2006-06-15");
    assertThat(formatted("%F", "Tue, 02 Dec 2014 10:00:00 GMT")).isEqualTo("2014-12-02");
  }

  @Test
  void relativeDatesReadTheContextClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-08-15T10:20:30Z"), ZoneOffset.UTC);
    ModuleCall call = ModuleCall.of("dateformat", conf("{\"format\": \"%a %d %b %Y\"}"))
        .withContext(ModuleRunner.context().withClock(clock));
    StepVerifier.create(ModuleRunner.run(dateformat, call, items("[{\"date\": \"today\"}, {\"date\": \"+3 days\"}, {\"date\": \"yesterday\"}]"))
            .map(i -> i.get("dateformat")))
        .expectNext("Sat 15 Aug 2026", "Tue 18 Aug 2026", "Fri 14 Aug 2026")
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void everyStrftimeDirectiveIsAvailable() {
    LocalDate date = LocalDate.of(2015, 5, 4);
    assertThat(formatted("%a %A %b %B %d %m %y %Y %j %U %W %w", date)).isEqualTo("Mon Monday May May 04 05 15 2015 124 18 18 1");
    assertThat(formatted("%x|%X|%c|%D|%R|%e|%Z|%z|%%", date))
        .isEqualTo("05/04/15|00:00:00|Mon May  4 00:00:00 2015|05/04/15|00:00| 4|||%");
    assertThat(formatted("100%% %Q", date)).as("unknown directives are copied").isEqualTo("100% %Q");
  }

  @Test
  void fieldAssignAndEmitOptions() {
    List<Item> input = List.of(item("{\"alt\": \"May 4, 1982\"}"));
    assertThat(json(dateformat, conf("{\"format\": \"%Y\"}"), CallOptions.none().withField("alt").withAssign("meta.year"), input))
        .containsExactly("{\"alt\":\"May 4, 1982\",\"meta\":{\"year\":\"1982\"}}");
    assertThat(json(dateformat, conf("{\"format\": \"%Y\"}"), CallOptions.none().withField("alt").withEmit(true), input))
        .containsExactly("\"1982\"");
  }

  @Test
  void theFormatMayComeFromTheItem() {
    assertThat(run("{\"format\": {\"subkey\": \"pattern\"}}", "{\"date\": \"2015-05-04\", \"pattern\": \"%d.%m.%Y\"}"))
        .containsExactly("{\"date\":\"2015-05-04\",\"pattern\":\"%d.%m.%Y\",\"dateformat\":\"04.05.2015\"}");
  }

  @Test
  void aFormatThatIsNotTextFailsAtAssembly() {
    assertThatThrownBy(() -> dateformat.create(ModuleCall.of("dateformat (sw-2)", conf("{\"format\": 5}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("dateformat (sw-2)")
        .hasMessageContaining("'format'")
        .hasMessageContaining("strftime pattern");
    assertThatThrownBy(() -> dateformat.create(ModuleCall.of("dateformat", conf("{\"format\": null}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("None");
  }

  @Test
  void aDynamicFormatThatIsNotTextFailsAfterTheItemsBefore() {
    List<Item> input = items("[{\"date\": \"2015-05-04\", \"pattern\": \"%Y\"}, {\"date\": \"2015-05-04\", \"pattern\": 7}]");
    StepVerifier.create(ModuleRunner.run(dateformat, conf("{\"format\": {\"subkey\": \"pattern\"}}"), input))
        .expectNextMatches(i -> "2015".equals(i.get("dateformat")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("format"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emptyInputGivesEmptyOutputAndOrderIsKept() {
    assertThat(json(dateformat, RawConf.empty(), List.of())).isEmpty();
    StepVerifier.create(Flux.fromIterable(items("[{\"date\": \"2001-01-01\"}, {\"date\": \"2002-02-02\"}]"))
            .transform(dateformat.create(ModuleCall.of("dateformat", conf("{\"format\": \"%Y\"}")))), 1)
        .expectNextMatches(i -> "2001".equals(i.get("dateformat")))
        .thenRequest(1)
        .expectNextMatches(i -> "2002".equals(i.get("dateformat")))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void theConfRecordFormatsDatesForJavaCallers() {
    DateFormat.Conf conf = new DateFormat.Conf("%A, %b %d, %y");
    assertThat(conf.apply(LocalDate.of(2015, 5, 4))).isEqualTo("Monday, May 04, 15");
    assertThat(conf.apply(null, Clock.systemUTC())).isEqualTo("Thursday, Jan 01, 70");
  }

  @Test
  void isRegisteredAsALoopableTransformer() {
    assertThat(ModuleRegistry.standard().find("dateformat")).get().isInstanceOf(DateFormat.class);
    assertThat(dateformat.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(dateformat.metadata().loopable()).isTrue();
    assertThat(dateformat.spec().assign()).isEqualTo("dateformat");
    assertThat(dateformat.spec().alwaysEmit()).isFalse();
  }
}
