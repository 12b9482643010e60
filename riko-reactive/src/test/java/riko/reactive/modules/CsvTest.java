package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.reactive.http.FileFetcher;
import riko.reactive.http.HttpFetcher;
import riko.reactive.http.StandardFetcher;
import riko.reactive.testing.LocalHttpServer;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.testing.SharedData;

class CsvTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String GOOGLE = "file://riko/data/spreadsheets.google.com_pub_key=p1rHUqg4g420UMaN1sPvaRg&output=csv&range=a1_AB646.csv";

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final StandardFetcher FETCHER = new StandardFetcher(http, new FileFetcher(SharedData.fixtures()));
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withTest(true).withFetcher(FETCHER);

  private final Csv csv = new Csv();

  @AfterAll
  static void close() {
    http.close();
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    ModuleCall call = ModuleCall.of("csv", conf).withOptions(CallOptions.none()).withContext(CONTEXT);
    return Flux.fromIterable(input).transform(csv.create(call));
  }

  private List<Item> list(RawConf conf) {
    return run(conf, List.of(Item.empty())).collectList().block(TIMEOUT);
  }

  /** The rows of {@code text} served as UTF-8 CSV, read with the given extra conf keys. */
  private List<Item> rows(String text, Object... keysAndValues) {
    return list(confFor(serve("text/csv; charset=utf-8", text.getBytes(StandardCharsets.UTF_8)), keysAndValues));
  }

  private static RawConf confFor(String url, Object... keysAndValues) {
    List<Object> all = new ArrayList<>(List.of("url", url));
    all.addAll(Arrays.asList(keysAndValues));
    return RawConf.of(all.toArray());
  }

  private static String serve(String contentType, byte[] body) {
    String path = "/table-" + System.nanoTime() + ".csv";
    server.file(path, contentType, body);
    return server.url(path);
  }

  static List<Item> expected(String caseName) {
    try {
      String text = Files.readString(SharedData.conformanceCase(caseName).resolve("expected.jsonl"));
      return text.lines().filter(line -> !line.isBlank()).map(line -> Item.ofValue(ItemJson.parse(line))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void isARegisteredSourceWithRikosDefaults() {
    assertThat(csv.name()).isEqualTo("csv");
    assertThat(csv.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(csv.spec().defaults()).containsEntry("delimiter", ",").containsEntry("quotechar", "\"")
        .containsEntry("encoding", "utf-8").containsEntry("skip_rows", 0L).containsEntry("sanitize", false)
        .containsEntry("dedupe", true).containsEntry("col_names", null).containsEntry("has_header", true);
    assertThat(ModuleRegistry.standard().find("csv")).containsInstanceOf(Csv.class);
  }

  // ---- conformance cases and the spec's example

  @Test
  void conformanceSimple() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/simple.csv") + "\"}}");
    List<Item> rows = list(conf);
    assertThat(rows).containsExactlyElementsOf(expected("csv-simple"));
    assertThat(rows.get(0).keys()).containsExactly("name", "age", "city");
  }

  @Test
  void conformanceDelimiterAndQuotechar() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/semicolon.csv") + "\"},"
        + " \"delimiter\": {\"type\": \"text\", \"value\": \";\"}, \"quotechar\": {\"type\": \"text\", \"value\": \"'\"}}");
    assertThat(list(conf)).containsExactlyElementsOf(expected("csv-delimiter-quotechar"));
  }

  @Test
  void specSpreadsheetWithDottedNamesNested() {
    List<Item> rows = list(RawConf.of("url", "file://riko/data/spreadsheet.csv"));
    Item first = rows.get(0);
    assertThat(first.get("Member")).isEqualTo("Joyce");
    assertThat(first.get("Name")).isEqualTo("Eric");
    assertThat(first.get("TOTAL ALLOWANCES CLAIMED, INC TRAVEL")).isEqualTo("187334");
    assertThat(first.get("Mileage")).isEqualTo("7213");
    assertThat(first.get("Family Total")).isEqualTo("3075");
    assertThat(first.get("Employee Total")).isEqualTo("1396");
    assertThat(first.get("No")).isEqualTo(item(
        "{\" of Journeys\": \"8\", \" of Journeys_2\": \"20\", \" of Journeys_3\": \"9\"}"));
    assertThat(first.keys()).doesNotContain("No. of Journeys");
    assertThat(rows).hasSizeGreaterThan(600).allMatch(row -> row.get("Member") != null);
  }

  // ---- names

  @Test
  void blankHeaderNamesAreRemovedAndLaterColumnsShiftLeft() {
    Item first = list(RawConf.of("url", GOOGLE)).get(0);
    assertThat(first.get("Member")).isEqualTo("Joyce");
    assertThat(first.get("TOTAL ALLOWANCES CLAIMED, INC TRAVEL")).isEqualTo("Eric");
    assertThat(first.keys()).doesNotContain("");
    assertThat(rows("a, ,b\n1,2,3\n")).containsExactly(item("{\"a\": \"1\", \"b\": \"2\"}"));
  }

  @Test
  void sanitizeSlugifiesNamesAndDedupeSuffixesRepeats() {
    assertThat(rows("MP Misc (see notes),No. of Journeys,No. of Journeys,Zoë's Café,x-y,1,000\n1,2,3,4,5,6,7\n",
        "sanitize", true).get(0).keys())
        .containsExactly("mp_misc_see_notes", "no_of_journeys", "no_of_journeys_2", "zoes_cafe", "x_y", "1", "000");
  }

  @Test
  void withoutDedupeTheLastOfRepeatedColumnsWins() {
    assertThat(rows("a,a,b\n1,2,3\n", "dedupe", false)).containsExactly(item("{\"a\": \"2\", \"b\": \"3\"}"));
    assertThat(rows("a,a,a\n1,2,3\n")).containsExactly(item("{\"a\": \"1\", \"a_2\": \"2\", \"a_3\": \"3\"}"));
  }

  @Test
  void aNameSanitizedToNothingDropsItsColumn() {
    assertThat(rows("a,$%,b\n1,2,3\n", "sanitize", true)).containsExactly(item("{\"a\": \"1\", \"b\": \"3\"}"));
  }

  @Test
  void colNamesReplaceTheHeader() {
    assertThat(rows("a,b\n1,2\n", "col_names", List.of("x", "y"))).containsExactly(item("{\"x\": \"1\", \"y\": \"2\"}"));
  }

  @Test
  void withoutHeaderTheFirstLineIsDataAndColumnsAreNumbered() {
    assertThat(rows("1,2,3\n4,5\n", "has_header", false)).containsExactly(
        item("{\"column_1\": \"1\", \"column_2\": \"2\", \"column_3\": \"3\"}"),
        item("{\"column_1\": \"4\", \"column_2\": \"5\", \"column_3\": null}"));
    assertThat(rows("1,2\n", "has_header", false, "col_names", List.of("x", " ", "y")))
        .containsExactly(item("{\"x\": \"1\", \"y\": \"2\"}"));
  }

  @Test
  void skipRowsDropsPhysicalLinesBeforeTheHeader() {
    assertThat(rows("junk,\"with\nmore junk\na,b\n1,2\n", "skip_rows", 2)).containsExactly(item("{\"a\": \"1\", \"b\": \"2\"}"));
    assertThat(rows("junk\n1,2\n", "skip_rows", 1, "has_header", false))
        .containsExactly(item("{\"column_1\": \"1\", \"column_2\": \"2\"}"));
  }

  @Test
  void aByteOrderMarkIsRemoved() {
    assertThat(rows("\uFEFFa,b\n1,2\n").get(0).keys()).containsExactly("a", "b");
  }

  // ---- rows

  @Test
  void extraFieldsAreDroppedAndMissingOnesAreNull() {
    assertThat(rows("a,b\n1\n1,2,3\n")).containsExactly(
        item("{\"a\": \"1\", \"b\": null}"), item("{\"a\": \"1\", \"b\": \"2\"}"));
  }

  @Test
  void blankRowsAreSkippedAndValuesAreNotTrimmed() {
    assertThat(rows("a,b\n , \n\n,\n 1 ,2\n")).containsExactly(item("{\"a\": \" 1 \", \"b\": \"2\"}"));
  }

  @Test
  void quotingFollowsPythonsCsvModule() {
    assertThat(rows("a,b,c\n\"x \"\"q\"\" y\",\"multi\r\nline\",\"ab\"c\nd\"e,,\"\"\n\"open at the end"))
        .containsExactly(
            item("{\"a\": \"x \\\"q\\\" y\", \"b\": \"multi\\r\\nline\", \"c\": \"abc\"}"),
            item("{\"a\": \"d\\\"e\", \"b\": \"\", \"c\": \"\"}"),
            item("{\"a\": \"open at the end\", \"b\": null, \"c\": null}"));
  }

  @Test
  void everyLineEndingEndsARecord() {
    assertThat(rows("a,b\r1,2\r\n3,4\n5,6")).containsExactly(item("{\"a\": \"1\", \"b\": \"2\"}"),
        item("{\"a\": \"3\", \"b\": \"4\"}"), item("{\"a\": \"5\", \"b\": \"6\"}"));
  }

  @Test
  void anEmptyFileGivesNothing() {
    assertThat(rows("")).isEmpty();
    assertThat(rows("a,b\n")).isEmpty();
  }

  // ---- fetching and streaming

  @Test
  void textWithoutCharsetIsLatin1AndTheServersCharsetWins() {
    byte[] utf8 = "name\nZoë\n".getBytes(StandardCharsets.UTF_8);
    assertThat(list(confFor(serve("text/csv", utf8)))).containsExactly(item("{\"name\": \"ZoÃ«\"}"));
    assertThat(list(confFor(serve("text/csv; charset=utf-8", utf8), "encoding", "latin-1")))
        .containsExactly(item("{\"name\": \"Zoë\"}"));
    byte[] latin = "name\nZoë\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(list(confFor(serve("application/octet-stream", latin), "encoding", "latin-1")))
        .containsExactly(item("{\"name\": \"Zoë\"}"));
  }

  @Test
  void rowsAreReadWhateverTheChunkBoundaries() {
    byte[] doc = LocalHttpServer.resource("simple.csv");
    String path = "/bytewise-" + System.nanoTime() + ".csv";
    server.route(path, (request, response) -> response.header("Content-Type", "text/csv; charset=utf-8")
        .sendByteArray(Flux.range(0, doc.length).map(i -> new byte[] {doc[i]})));
    assertThat(list(confFor(server.url(path)))).containsExactlyElementsOf(expected("csv-simple"));
    assertThat(list(confFor(server.url("/slow/simple.csv")))).containsExactlyElementsOf(expected("csv-simple"));
  }

  @Test
  void rowsArriveWhileTheBodyIsStillDownloading() {
    String path = "/gated-" + System.nanoTime() + ".csv";
    Sinks.Empty<Void> gate = Sinks.empty();
    server.route(path, (request, response) -> response.header("Content-Type", "text/csv; charset=utf-8")
        .sendString(Flux.concat(Mono.just("n\n1\n2\n\"th"), gate.asMono().then(Mono.just("ree\"\n")))));
    StepVerifier.create(run(confFor(server.url(path)), List.of(Item.empty())))
        .expectNext(item("{\"n\": \"1\"}"), item("{\"n\": \"2\"}"))
        .then(gate::tryEmitEmpty)
        .expectNext(item("{\"n\": \"three\"}"))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void truncatingCancelsTheDownload() throws InterruptedException {
    String path = "/endless-" + System.nanoTime() + ".csv";
    CountDownLatch cancelled = new CountDownLatch(1);
    server.route(path, (request, response) -> response.header("Content-Type", "text/csv; charset=utf-8")
        .sendString(Flux.concat(Mono.just("n\n"), Flux.interval(Duration.ofMillis(5)).map(i -> i + "\n"))
            .doOnCancel(cancelled::countDown)));
    StepVerifier.create(run(confFor(server.url(path)), List.of(Item.empty())).take(2))
        .expectNext(item("{\"n\": \"0\"}"), item("{\"n\": \"1\"}"))
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the server saw the download cancelled").isTrue();
  }

  @Test
  void aFailedFetchIsAnErrorAfterTheRowsAlreadyEmitted() {
    String missing = server.url("/status/404");
    StepVerifier.create(run(RawConf.of("url", List.of(server.url("/semicolon.csv"), missing), "delimiter", ";"),
            List.of(Item.empty())))
        .expectNextCount(2)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("csv").hasMessageContaining(missing))
        .verify(TIMEOUT);
  }

  @Test
  void eachInputItemReadsItsOwnFile() {
    RawConf conf = conf("{\"url\": {\"subkey\": \"src\"}, \"delimiter\": \"\\t\"}");
    List<Item> input = items("[{\"src\": \"" + server.url("/tabs.tsv") + "\"}, {\"src\": \"" + server.url("/slow/tabs.tsv") + "\"}]");
    assertThat(run(conf, input).collectList().block(TIMEOUT)).hasSize(4)
        .containsSequence(expected("fetchtable-tsv")).endsWith(expected("fetchtable-tsv").get(1));
  }

  // ---- conf errors and the Java API

  @Test
  void badStaticConfFailsAtAssemblyNamingTheKey() {
    assertThatThrownBy(() -> csv.create(ModuleCall.of("csv", RawConf.of("delimiter", ";"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'").hasMessageContaining("required");
    assertThatThrownBy(() -> csv.create(ModuleCall.of("csv", RawConf.of("url", "a.csv", "delimiter", ""))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'delimiter'").hasMessageContaining("single character");
    assertThatThrownBy(() -> csv.create(ModuleCall.of("csv", RawConf.of("url", "a.csv", "delimiter", ";;"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'delimiter'");
    assertThatThrownBy(() -> csv.create(ModuleCall.of("csv", RawConf.of("url", "a.csv", "quotechar", ""))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'quotechar'");
    assertThatThrownBy(() -> csv.create(ModuleCall.of("csv", RawConf.of("url", "a.csv", "encoding", "klingon"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'encoding'");
  }

  @Test
  void aBadDelimiterFromAnItemFailsInTheStream() {
    RawConf conf = conf("{\"url\": \"" + server.url("/simple.csv") + "\", \"delimiter\": {\"subkey\": \"d\"}}");
    StepVerifier.create(run(conf, items("[{\"d\": \"||\"}]")))
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("'delimiter'"))
        .verify(TIMEOUT);
  }

  @Test
  void javaCallersReadRows() {
    StepVerifier.create(Csv.read(Csv.Conf.of(List.of("spreadsheet.csv")), FETCHER).take(1))
        .assertNext(row -> assertThat(row.get("Member")).isEqualTo("Joyce"))
        .expectComplete()
        .verify(TIMEOUT);
  }
}
