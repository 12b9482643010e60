package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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

class FetchTableTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final StandardFetcher FETCHER = new StandardFetcher(http, new FileFetcher(SharedData.fixtures()));
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withTest(true).withFetcher(FETCHER);

  private final FetchTable fetchtable = new FetchTable();

  @AfterAll
  static void close() {
    http.close();
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    ModuleCall call = ModuleCall.of("fetchtable", conf).withOptions(CallOptions.none()).withContext(CONTEXT);
    return Flux.fromIterable(input).transform(fetchtable.create(call));
  }

  private Flux<Item> run(RawConf conf) {
    return run(conf, List.of(Item.empty()));
  }

  private List<String> json(RawConf conf) {
    return run(conf).map(ItemJson::toJson).collectList().block(TIMEOUT);
  }

  /** Serves {@code text} at a fresh path ending in {@code extension}; returns its URL. */
  private static String serve(String extension, String contentType, String text) {
    String path = "/table-" + System.nanoTime() + "." + extension;
    server.file(path, contentType, text.getBytes(StandardCharsets.UTF_8));
    return server.url(path);
  }

  @Test
  void isARegisteredSourceWhoseSanitizeDefaultsToTrue() {
    assertThat(fetchtable.name()).isEqualTo("fetchtable");
    assertThat(fetchtable.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(fetchtable.spec().defaults()).containsEntry("sanitize", true).containsEntry("delimiter", ",")
        .containsEntry("dedupe", true).containsEntry("has_header", true).containsEntry("skip_rows", 0L);
    assertThat(ModuleRegistry.standard().find("fetchtable")).containsInstanceOf(FetchTable.class);
  }

  // ---- conformance cases and the spec's example

  @Test
  void conformanceCsv() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/simple.csv") + "\"}}");
    assertThat(run(conf).collectList().block(TIMEOUT)).containsExactlyElementsOf(CsvTest.expected("fetchtable-csv"));
  }

  @Test
  void conformanceTsv() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/tabs.tsv") + "\"},"
        + " \"delimiter\": {\"type\": \"text\", \"value\": \"\\t\"}}");
    assertThat(run(conf).collectList().block(TIMEOUT)).containsExactlyElementsOf(CsvTest.expected("fetchtable-tsv"));
  }

  @Test
  void specSpreadsheetWithSanitizedNames() {
    Item first = run(RawConf.of("url", "file://riko/data/spreadsheet.csv")).blockFirst(TIMEOUT);
    assertThat(first).isNotNull();
    assertThat(first.get("member")).isEqualTo("Joyce");
    assertThat(first.get("name")).isEqualTo("Eric");
    assertThat(first.get("total_allowances_claimed_inc_travel")).isEqualTo("187334");
    assertThat(first.get("mileage")).isEqualTo("7213");
    assertThat(first.get("mp_misc_see_notes")).isEqualTo("2224");
    assertThat(first.get("no_of_journeys")).isEqualTo("8");
    assertThat(first.get("no_of_journeys_2")).isEqualTo("20");
    assertThat(first.get("no_of_journeys_3")).isEqualTo("9");
  }

  // ---- CSV and TSV

  @Test
  void tsvIsTabDelimitedUnlessTheConfNamesADelimiter() {
    String tsv = serve("tsv", "text/tab-separated-values; charset=utf-8", "A b\tc,d\n1\t2,3\n");
    assertThat(json(RawConf.of("url", tsv))).containsExactly("{\"a_b\":\"1\",\"c_d\":\"2,3\"}");
    assertThat(json(RawConf.of("url", tsv, "delimiter", ","))).containsExactly("{\"a_b_c\":\"1\\t2\",\"d\":\"3\"}");
  }

  @Test
  void csvKeysApplyAsForCsv() {
    String csv = serve("CSV", "text/csv; charset=utf-8", "junk\nA;B\n1;2\n");
    assertThat(json(RawConf.of("url", csv, "skip_rows", 1, "delimiter", ";", "sanitize", false)))
        .containsExactly("{\"A\":\"1\",\"B\":\"2\"}");
    assertThat(json(RawConf.of("url", csv, "has_header", false, "col_names", List.of("x", "y"))))
        .containsExactly("{\"x\":\"junk\",\"y\":null}", "{\"x\":\"A;B\",\"y\":null}", "{\"x\":\"1;2\",\"y\":null}");
  }

  // ---- JSON and YAML

  @Test
  void aJsonArrayGivesOneItemPerRecord() {
    String url = serve("json", "application/json", "[{\"Name\": \"a\", \"n\": 1}, null, {\"Name\": \"b\", \"n\": 2.5}, \"raw\"]");
    assertThat(json(RawConf.of("url", url))).containsExactly("{\"Name\":\"a\",\"n\":1}", "{\"Name\":\"b\",\"n\":2.5}", "\"raw\"");
    assertThat(json(RawConf.of("url", serve("json", "application/json", "{\"one\": 1}")))).containsExactly("{\"one\":1}");
  }

  @Test
  void jsonRecordsStreamAndTruncatingCancelsTheDownload() throws InterruptedException {
    String path = "/endless-" + System.nanoTime() + ".json";
    CountDownLatch cancelled = new CountDownLatch(1);
    server.route(path, (request, response) -> response.sendString(Flux.concat(
        Mono.just("[{\"n\": 1}, {\"n\": 2}, {\"n\": 3},"), Flux.<String>never()).doOnCancel(cancelled::countDown)));
    StepVerifier.create(run(RawConf.of("url", server.url(path))).take(2))
        .expectNext(item("{\"n\": 1}"), item("{\"n\": 2}"))
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the server saw the download cancelled").isTrue();
  }

  @Test
  void invalidJsonIsAnErrorAfterTheRecordsRead() {
    String url = serve("json", "application/json", "[{\"a\": 1}, oops");
    StepVerifier.create(run(RawConf.of("url", url)))
        .expectNext(item("{\"a\": 1}"))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchtable").hasMessageContaining("invalid JSON").hasMessageContaining(url))
        .verify(TIMEOUT);
  }

  @Test
  void aYamlListGivesOneItemPerRecord() {
    String url = serve("yaml", "application/x-yaml", "- name: Zoë\n  n: 1\n  tags: [a, b]\n- name: Bob\n  n: 2.5\n  ok: true\n- ~\n");
    assertThat(json(RawConf.of("url", url))).containsExactly(
        "{\"name\":\"Zoë\",\"n\":1,\"tags\":[\"a\",\"b\"]}", "{\"name\":\"Bob\",\"n\":2.5,\"ok\":true}");
    assertThat(json(RawConf.of("url", serve("yml", "text/yaml; charset=utf-8", "a: 1\nb: x\n"))))
        .containsExactly("{\"a\":1,\"b\":\"x\"}");
  }

  @Test
  void aYamlScalarOrInvalidYamlIsAnError() {
    String scalar = serve("yml", "application/x-yaml", "just text\n");
    StepVerifier.create(run(RawConf.of("url", scalar)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("not a table").hasMessageContaining(scalar))
        .verify(TIMEOUT);
    String broken = serve("yaml", "application/x-yaml", "a: [1, 2\n");
    StepVerifier.create(run(RawConf.of("url", broken)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("invalid YAML").hasMessageContaining(broken))
        .verify(TIMEOUT);
  }

  // ---- formats and errors

  @Test
  void formatsRikoReadsButRikoJavaDoesNotYetFailAtAssembly() {
    for (String extension : List.of("xls", "xlsx", "mdb", "geojson", "sqlite", "dbf", "html", "fixed")) {
      assertThatThrownBy(() -> fetchtable.create(ModuleCall.of("fetchtable", RawConf.of("url", "http://127.0.0.1/t." + extension))))
          .as(extension)
          .isInstanceOf(ConfException.class)
          .hasMessageContaining("'url'")
          .hasMessageContaining("does not support " + extension + " yet")
          .hasMessageContaining("csv, tsv, json, yaml, yml");
    }
  }

  @Test
  void unknownOrMissingExtensionsAreInvalidFileTypes() {
    assertThatThrownBy(() -> fetchtable.create(ModuleCall.of("fetchtable", RawConf.of("url", "file://riko/data/lorem.txt"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("Invalid file type 'txt'");
    assertThatThrownBy(() -> fetchtable.create(ModuleCall.of("fetchtable", RawConf.of("url", "http://127.0.0.1/table"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("Invalid file type ''");
    assertThatThrownBy(() -> fetchtable.create(ModuleCall.of("fetchtable", RawConf.empty())))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'").hasMessageContaining("required");
    assertThatThrownBy(() -> fetchtable.create(ModuleCall.of("fetchtable", RawConf.of("url", "a.csv", "quotechar", "''"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'quotechar'");
  }

  @Test
  void anUnsupportedFormatFromAnItemFailsInTheStreamAfterEarlierUrls() {
    RawConf conf = conf("{\"url\": {\"subkey\": \"src\"}}");
    List<Item> input = items("[{\"src\": [\"" + server.url("/tabs.tsv") + "\", \"http://127.0.0.1/book.xlsx\"]}]");
    StepVerifier.create(run(conf, input))
        .expectNextCount(2)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchtable").hasMessageContaining("does not support xlsx yet"))
        .verify(TIMEOUT);
  }

  @Test
  void aFailedFetchIsAnErrorNamingTheUrl() {
    String missing = server.url("/missing-table.csv");
    StepVerifier.create(run(RawConf.of("url", missing)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchtable").hasMessageContaining(missing))
        .verify(TIMEOUT);
  }

  @Test
  void javaCallersReadRecords() {
    assertThatThrownBy(() -> FetchTable.Conf.of(List.of("t.xls"))).isInstanceOf(ConfException.class);
    StepVerifier.create(FetchTable.read(FetchTable.Conf.of(List.of("spreadsheet.csv")), FETCHER).take(1))
        .assertNext(row -> assertThat(row.get("member")).isEqualTo("Joyce"))
        .expectComplete()
        .verify(TIMEOUT);
  }
}
