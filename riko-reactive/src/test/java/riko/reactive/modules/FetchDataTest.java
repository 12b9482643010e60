package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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
import riko.testing.SharedData;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.spi.ModuleType;

class FetchDataTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final Path DATA = SharedData.fixtures();
  private static final ModuleContext CONTEXT =
      ModuleContext.defaults().withTest(true).withFetcher(new StandardFetcher(http, new FileFetcher(DATA)));

  private final FetchData fetchdata = new FetchData();

  @AfterAll
  static void close() {
    http.close();
  }

  /** The module's output when called once, without input. */
  private Flux<Item> run(RawConf conf) {
    return run(conf, CallOptions.none(), List.of(Item.empty()));
  }

  private Flux<Item> run(RawConf conf, CallOptions options, List<Item> input) {
    ModuleCall call = ModuleCall.of("fetchdata", conf).withOptions(options).withContext(CONTEXT);
    return Flux.fromIterable(input).transform(fetchdata.create(call));
  }

  private List<Item> list(RawConf conf) {
    return run(conf).collectList().block(TIMEOUT);
  }

  private List<String> json(RawConf conf) {
    return list(conf).stream().map(ItemJson::toJson).toList();
  }

  private static RawConf urlConf(String url, String path) {
    return path == null ? RawConf.of("url", url) : RawConf.of("url", url, "path", path);
  }

  /** Serves a JSON document at a fresh path, returns its URL. */
  private static String serveJson(String name, String json) {
    String path = "/" + name + "-" + System.nanoTime() + ".json";
    server.file(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    return server.url(path);
  }

  private static List<Item> expected(String caseName) {
    try {
      String text = Files.readString(SharedData.conformanceCase(caseName).resolve("expected.jsonl"));
      return text.lines().filter(line -> !line.isBlank()).map(line -> Item.ofValue(ItemJson.parse(line))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  // ---- metadata and registration

  @Test
  void isARegisteredSource() {
    assertThat(fetchdata.name()).isEqualTo("fetchdata");
    assertThat(fetchdata.metadata().type()).isEqualTo(ModuleType.PROCESSOR);
    assertThat(fetchdata.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(fetchdata.spec().defaults()).containsEntry("encoding", "utf-8");
    assertThat(ModuleRegistry.standard().find("fetchdata")).containsInstanceOf(FetchData.class);
  }

  // ---- conformance cases (recorded from riko)

  @Test
  void conformanceJsonPath() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/people.json") + "\"},"
        + " \"path\": {\"type\": \"text\", \"value\": \"people\"}}");
    List<Item> output = list(conf);
    assertThat(output).containsExactlyElementsOf(expected("fetchdata-json-path"));
    assertThat(output.get(0).keys()).containsExactly(
        "id", "name", "age", "score", "city", "tags", "address", "joined", "email", "note");
  }

  @Test
  void conformanceXmlPath() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/catalog.xml") + "\"},"
        + " \"path\": {\"type\": \"text\", \"value\": \"book\"}}");
    assertThat(list(conf)).containsExactlyElementsOf(expected("fetchdata-xml-path"));
  }

  @Test
  void conformanceXmlRoot() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/catalog.xml") + "\"}}");
    assertThat(list(conf)).containsExactlyElementsOf(expected("fetchdata-xml-root"));
  }

  @Test
  void conformanceEmptyArrayGivesNoItems() {
    StepVerifier.create(run(urlConf(server.url("/empty.json"), null)))
        .expectComplete()
        .verify(TIMEOUT);
  }

  // ---- the spec's examples (modules.md, fetchdata)

  @Test
  void specGigsValueItems() {
    List<Item> gigs = list(urlConf("file://riko/data/gigs.json", "value.items"));
    assertThat(gigs).hasSize(49);
    assertThat(gigs.get(0).get("title")).isEqualTo("Business System Analyst");
    assertThat(gigs.get(0).get("link")).isEqualTo("http://www.guru.com/jobs/business-system-analyst/1059058");
    assertThat(gigs.get(0).keys()).contains("pubDate").doesNotContain("pubdate");
    assertThat(gigs.get(0).get("pubDate")).isEqualTo("Tue, 05 Aug 2014 15:20:47 GMT");
  }

  @Test
  void specPlacesAppointments() {
    assertThat(list(urlConf("file://riko/data/places.xml", "appointment"))).containsExactly(
        item("{\"begin\": \"1181251680\", \"uid\": \"040000008200E000\", \"alarmTime\": \"1181572063\", "
            + "\"places\": {\"placekey\": [\"West Virginia\", \"Wisconsin\", \"Wyoming\", \"Puerto Rico\", "
            + "\"U.S. Virgin Islands\"]}, \"duration\": \"1800\", \"subject\": \"Bring pizza home\"}"),
        item("{\"begin\": \"1234360800\", \"uid\": \"604f4792-eb89-478b-a14f-dd34d3cc6c21-1234360800\", "
            + "\"alarmTime\": \"1181572063\", \"places\": {\"placekey\": [\"Arusha\", \"Nairobi\", \"Joburg\", "
            + "\"Moshi\", \"Kampala\"]}, \"duration\": \"1800\", \"subject\": \"Check MS Office website for updates\"}"));
  }

  @Test
  void specPlacesWithEmptyPathIsTheRoot() {
    List<Item> root = list(urlConf("file://riko/data/places.xml", ""));
    assertThat(root).hasSize(1);
    assertThat(root.get(0).keys()).containsExactly("reminder", "appointment");
    assertThat(root.get(0).get("reminder")).isEqualTo("15");
    assertThat((List<?>) root.get(0).get("appointment")).hasSize(2);
    assertThat(root.get(0).get("appointment.subject")).isEqualTo(List.of("Bring pizza home", "Check MS Office website for updates"));
  }

  @Test
  void specSchoolRows() {
    List<Item> rows = list(urlConf("file://riko/data/schools.xml", "data.row"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).isEqualTo(item(
        "{\"district_name\": \"Turkana\", \"poverty_rate_2005_06_\": \"94.3\", \"number_of_poor_2005_06_\": \"481442\"}"));
    assertThat(rows).extracting(row -> row.get("district_name")).containsExactly("Turkana", "Marsabit", "Mandera");
  }

  @Test
  void specMissingJsonPathGivesEmptyContent() {
    assertThat(json(urlConf("file://riko/data/quote.json", "nope"))).containsExactly("{\"content\":\"\"}");
  }

  @Test
  void specJsonWithoutPathIsTheRootObjectWithItsKeys() {
    List<Item> quote = list(urlConf("file://riko/data/quote.json", null));
    assertThat(quote).hasSize(1);
    Item root = quote.get(0);
    assertThat(root.get("disclaimer")).isEqualTo("Usage subject to terms: https://openexchangerates.org/terms");
    assertThat(root.get("base")).isEqualTo("USD");
    assertThat(root.get("timestamp")).isEqualTo(1534633200L);
    assertThat(root.get("rates.AED")).isEqualTo(3.673181);
    assertThat(((Item) root.get("rates")).keys()).contains("AED", "GBP").doesNotContain("aed");
  }

  // ---- JSON paths (conf.md 6.2)

  private static final String PATHS_DOC = "{\"stanzas\": {\"verses\": [\"v1\", \"v2\"]},"
      + " \"a\": [{\"b\": 1}, {\"b\": 2}],"
      + " \"Obj\": {\"Inner\": {\"Deep\": 1, \"List\": [{\"X\": 1}]}},"
      + " \"title\": \"x\", \"n\": 5, \"flag\": true, \"nil\": null, \"2014\": [\"year\"],"
      + " \"typed\": [{\"value\": 3}, {\"type\": \"int\", \"value\": \"4\"}, {\"value\": 5, \"more\": 1}]}";

  private List<String> path(String path) {
    return json(urlConf(serveJson("paths", PATHS_DOC), path));
  }

  @Test
  void pathToAListOfScalarsEmitsRawValues() {
    assertThat(path("stanzas.verses")).containsExactly("\"v1\"", "\"v2\"");
    assertThat(path("STANZAS.Verses")).containsExactly("\"v1\"", "\"v2\"");
    assertThat(path("stanzas.verses.")).containsExactly("\"v1\"", "\"v2\"");
  }

  @Test
  void integerSegmentsIndexListsOfScalars() {
    assertThat(path("stanzas.verses.1")).containsExactly("{\"content\":\"v2\"}");
    assertThat(path("stanzas.verses.-1")).containsExactly("{\"content\":\"v2\"}");
    assertThat(path("stanzas.verses.5")).containsExactly("{\"content\":\"\"}");
  }

  @Test
  void keysThatLookLikeIntegersAreUnreachable() {
    assertThat(path("2014")).containsExactly("{\"content\":\"\"}");
  }

  @Test
  void pluckingAcrossAListOfObjects() {
    assertThat(path("a.b")).containsExactly("1", "2");
    assertThat(path("a.0")).containsExactly("{\"content\":\"\"}");
    assertThat(path("a")).containsExactly("{\"b\":1}", "{\"b\":2}");
  }

  @Test
  void aSingleObjectIsOneItemWithEveryKeyLowerCased() {
    assertThat(path("obj")).containsExactly("{\"inner\":{\"deep\":1,\"list\":[{\"x\":1}]}}");
    assertThat(path("Obj.Inner")).containsExactly("{\"deep\":1,\"list\":[{\"x\":1}]}");
  }

  @Test
  void textIsContentAndDescendingPastTextKeepsIt() {
    assertThat(path("title")).containsExactly("{\"content\":\"x\"}");
    assertThat(path("title.foo")).containsExactly("{\"content\":\"x\"}");
  }

  @Test
  void missingAndNullGiveEmptyContent() {
    assertThat(path("missing")).containsExactly("{\"content\":\"\"}");
    assertThat(path("missing.deeper")).containsExactly("{\"content\":\"\"}");
    assertThat(path("stanzas.missing")).containsExactly("{\"content\":\"\"}");
    assertThat(path("nil")).containsExactly("{\"content\":\"\"}");
  }

  @Test
  void typedValueMapsCollapseInsideTheSelectedList() {
    assertThat(path("typed")).containsExactly("3", "4", "{\"value\":5,\"more\":1}");
  }

  @Test
  void pathMayBeAListOfSegments() {
    RawConf conf = RawConf.of("url", serveJson("paths", PATHS_DOC), "path", List.of("stanzas", "verses"));
    assertThat(json(conf)).containsExactly("\"v1\"", "\"v2\"");
  }

  @Test
  void numberOrBooleanAtThePathIsAnErrorNamingModuleAndUrl() {
    String url = serveJson("paths", PATHS_DOC);
    for (String path : List.of("n", "flag")) {
      StepVerifier.create(run(urlConf(url, path)))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
              .hasMessageContaining("fetchdata").hasMessageContaining(url).hasMessageContaining("'" + path + "'"))
          .verify(TIMEOUT);
    }
  }

  @Test
  void pathOnARootArrayIsAnError() {
    String url = serveJson("array", "[{\"a\": 1}]");
    StepVerifier.create(run(urlConf(url, "a")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining(url).hasMessageContaining("object at the root"))
        .verify(TIMEOUT);
  }

  @Test
  void rootArrayEmitsNonNullElements() {
    String url = serveJson("root", "[{\"A\": 1, \"value\": {\"value\": 2}}, null, \"s\", 4, [5], {\"value\": 6}]");
    assertThat(json(urlConf(url, null)))
        .containsExactly("{\"A\":1,\"value\":2}", "\"s\"", "4", "[5]", "{\"value\":6}");
  }

  @Test
  void rootStringIsContentAndRootNumberIsAnError() {
    assertThat(json(urlConf(serveJson("string", "\"hello\""), null))).containsExactly("{\"content\":\"hello\"}");
    String url = serveJson("number", "42");
    StepVerifier.create(run(urlConf(url, null)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining(url).hasMessageContaining("a number"))
        .verify(TIMEOUT);
  }

  @Test
  void invalidJsonFailsAfterTheRecordsAlreadyRead() {
    String url = serveJson("broken", "{\"items\": [{\"a\": 1}, {\"a\": 2}, oops");
    StepVerifier.create(run(urlConf(url, "items")))
        .expectNext(item("{\"a\": 1}"), item("{\"a\": 2}"))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchdata").hasMessageContaining("invalid JSON").hasMessageContaining(url))
        .verify(TIMEOUT);
  }

  @Test
  void truncatedOrEmptyOrTrailingJsonIsAnError() {
    for (String doc : List.of("{\"items\": [1, 2]", "", "  ", "{} {}")) {
      String url = serveJson("bad", doc);
      StepVerifier.create(run(urlConf(url, null)).then())
          .expectErrorSatisfies(e -> assertThat(e).as(doc).isInstanceOf(ModuleException.class)
              .hasMessageContaining("invalid JSON in " + url))
          .verify(TIMEOUT);
    }
  }

  @Test
  void jsonIsReadWhateverTheChunkBoundaries() {
    byte[] doc = LocalHttpServer.resource("people.json");
    String path = "/bytewise-" + System.nanoTime() + ".json";
    server.route(path, (request, response) -> response.sendByteArray(
        Flux.range(0, doc.length).map(i -> new byte[] {doc[i]})));
    assertThat(list(urlConf(server.url(path), "people"))).containsExactlyElementsOf(expected("fetchdata-json-path"));
  }

  // ---- streaming and cancellation

  @Test
  void slowChunkedResponsesGiveTheSameRecords() {
    assertThat(list(urlConf(server.url("/slow/people.json"), "people")))
        .containsExactlyElementsOf(expected("fetchdata-json-path"));
    assertThat(list(urlConf(server.url("/slow/catalog.xml"), "book")))
        .containsExactlyElementsOf(expected("fetchdata-xml-path"));
  }

  @Test
  void itemsArriveWhileTheBodyIsStillDownloading() {
    String path = "/gated-" + System.nanoTime() + ".json";
    Sinks.Empty<Void> gate = Sinks.empty();
    server.route(path, (request, response) -> response.header("Content-Type", "application/json").sendString(Flux.concat(
        Mono.just("{\"meta\": {\"skip\": [1, {\"items\": 0}]}, \"Items\": [{\"n\": 1}, {\"n\": 2},"),
        gate.asMono().then(Mono.just(" {\"n\": 3}]}")))));
    StepVerifier.create(run(urlConf(server.url(path), "items")))
        .expectNext(item("{\"n\": 1}"), item("{\"n\": 2}"))
        .then(gate::tryEmitEmpty)
        .expectNext(item("{\"n\": 3}"))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void takingTwoItemsCancelsTheDownload() throws InterruptedException {
    String path = "/endless-" + System.nanoTime() + ".json";
    CountDownLatch cancelled = new CountDownLatch(1);
    server.route(path, (request, response) -> response.sendString(Flux.concat(
            Mono.just("[{\"n\": 1}, {\"n\": 2}, {\"n\": 3},"), Flux.<String>never())
        .doOnCancel(cancelled::countDown)));
    StepVerifier.create(run(urlConf(server.url(path), null)).take(2))
        .expectNext(item("{\"n\": 1}"), item("{\"n\": 2}"))
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the server saw the download cancelled").isTrue();
  }

  // ---- formats and charsets

  @Test
  void withoutExtensionTheContentTypeDecides() {
    String json = "/api/people-" + System.nanoTime();
    server.file(json, "application/vnd.example+json", "{\"people\": [{\"n\": 1}]}".getBytes(StandardCharsets.UTF_8));
    assertThat(json(urlConf(server.url(json), "people"))).containsExactly("{\"n\":1}");
    String xml = "/api/xml-" + System.nanoTime();
    server.file(xml, "application/atom+xml", "<feed><entry>a</entry><entry>b</entry></feed>".getBytes(StandardCharsets.UTF_8));
    assertThat(json(urlConf(server.url(xml), "entry"))).containsExactly("{\"content\":\"a\"}", "{\"content\":\"b\"}");
    String html = "/api/html-" + System.nanoTime() + "?page=1";
    server.file(html.substring(0, html.indexOf('?')), "text/html; charset=utf-8",
        "<html><body><p>Zoë</p></body></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(json(urlConf(server.url(html), "body.p"))).containsExactly("{\"content\":\"Zoë\"}");
  }

  @Test
  void unknownContentTypeIsAnInvalidFileType() {
    String path = "/api/text-" + System.nanoTime();
    server.file(path, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    StepVerifier.create(run(urlConf(server.url(path), null)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("Invalid file type 'plain'").hasMessageContaining(server.url(path)))
        .verify(TIMEOUT);
  }

  @Test
  void invalidExtensionFailsAtAssemblyNamingTheUrl() {
    assertThatThrownBy(() -> fetchdata.create(ModuleCall.of("fetchdata", urlConf("http://127.0.0.1/data.csv", null))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("url")
        .hasMessageContaining("Invalid file type 'csv'")
        .hasMessageContaining("http://127.0.0.1/data.csv");
  }

  @Test
  void invalidExtensionFromAnItemFailsInTheStream() {
    RawConf conf = conf("{\"url\": {\"subkey\": \"src\"}}");
    StepVerifier.create(run(conf, CallOptions.none(), items("[{\"src\": \"file://riko/data/x.txt\"}]")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("Invalid file type 'txt'"))
        .verify(TIMEOUT);
  }

  @Test
  void missingUrlOrUnknownEncodingFailAtAssembly() {
    assertThatThrownBy(() -> fetchdata.create(ModuleCall.of("fetchdata", conf("{\"path\": \"x\"}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'").hasMessageContaining("required");
    assertThatThrownBy(() -> fetchdata.create(ModuleCall.of("fetchdata", RawConf.of("url", "a.xml", "encoding", "klingon"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'encoding'").hasMessageContaining("klingon");
  }

  @Test
  void theResponsesCharsetDecodesXml() {
    String path = "/latin-" + System.nanoTime() + ".xml";
    server.file(path, "application/xml; charset=iso-8859-1", "<r><name>Zoë</name></r>".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(json(urlConf(server.url(path), "name"))).containsExactly("{\"content\":\"Zoë\"}");
  }

  @Test
  void withoutCharsetXmlUsesTheEncodingConf() {
    String path = "/conf-latin-" + System.nanoTime() + ".xml";
    server.file(path, "application/xml", "<r><name>Zoë</name></r>".getBytes(StandardCharsets.ISO_8859_1));
    RawConf conf = RawConf.of("url", server.url(path), "path", "name", "encoding", "latin-1");
    assertThat(json(conf)).containsExactly("{\"content\":\"Zoë\"}");
    assertThat(json(urlConf(server.url(path), "name"))).containsExactly("{\"content\":\"Zo\uFFFD\"}");
  }

  @Test
  void textTypesWithoutCharsetAreLatin1WhateverTheEncodingConf() {
    String path = "/text-xml-" + System.nanoTime() + ".xml";
    server.file(path, "text/xml", "<r><name>Zoë</name></r>".getBytes(StandardCharsets.UTF_8));
    RawConf conf = RawConf.of("url", server.url(path), "path", "name", "encoding", "utf-8");
    assertThat(json(conf)).containsExactly("{\"content\":\"ZoÃ«\"}");
  }

  @Test
  void jsonByContentTypeFollowsTheCharsetRules() {
    String path = "/latin-json-" + System.nanoTime();
    server.file(path, "application/json; charset=iso-8859-1", "{\"a\": [\"Zoë\"]}".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(json(urlConf(server.url(path), "a"))).containsExactly("\"Zoë\"");
  }

  @Test
  void jsonByExtensionIsReadAsUtf8Bytes() {
    String path = "/declared-latin-" + System.nanoTime() + ".json";
    server.file(path, "text/plain; charset=iso-8859-1", "{\"a\": [\"Zoë\"]}".getBytes(StandardCharsets.UTF_8));
    assertThat(json(urlConf(server.url(path), "a"))).containsExactly("\"Zoë\"");
  }

  // ---- XML and HTML

  @Test
  void defaultNamespaceDoesNotGetInTheWay() {
    assertThat(json(urlConf("file://riko/data/capnorth.xml", "code")))
        .containsExactly("{\"content\":\"WEPA41 PAAQ 020332\"}", "{\"content\":\"TSUWCA\"}");
    List<Item> info = list(urlConf("file://riko/data/capnorth.xml", "info"));
    assertThat(info).hasSize(1);
    assertThat(info.get(0).keys()).doesNotContain("event", "senderName");
    assertThat(info.get(0).get("category")).isEqualTo("Geo");
    assertThat((String) info.get(0).get("headline")).startsWith("THIS TSUNAMI ADVISORY").endsWith("ONLY");
  }

  @Test
  void rootConversionDropsEmptyElementsAndListsRepeatedOnes() {
    Item alert = list(urlConf("file://riko/data/capnorth.xml", null)).get(0);
    assertThat(alert.keys()).doesNotContain("xmlns");
    assertThat(alert.get("code")).isEqualTo(List.of("WEPA41 PAAQ 020332", "TSUWCA"));
  }

  @Test
  void absolutePathsStartAtTheDocument() {
    assertThat(list(urlConf("file://riko/data/places.xml", "/zAppointments/appointment"))).hasSize(2);
  }

  @Test
  void selectedAttributesAreContent() {
    assertThat(json(urlConf(server.url("/catalog.xml"), "book/@id")))
        .containsExactly("{\"content\":\"b1\"}", "{\"content\":\"b2\"}", "{\"content\":\"b3\"}");
  }

  @Test
  void noMatchGivesNothing() {
    StepVerifier.create(run(urlConf(server.url("/catalog.xml"), "nothing.here")))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void invalidXmlIsAnErrorNamingTheUrl() {
    String path = "/broken-" + System.nanoTime() + ".xml";
    server.file(path, "application/xml", "<r><unclosed></r>".getBytes(StandardCharsets.UTF_8));
    StepVerifier.create(run(urlConf(server.url(path), "x")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchdata").hasMessageContaining("invalid XML").hasMessageContaining(server.url(path)))
        .verify(TIMEOUT);
  }

  @Test
  void externalEntitiesAreNeverResolved() {
    String path = "/xxe-" + System.nanoTime() + ".xml";
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file://" + SharedData.conformanceData().resolve("people.json")
        + "\">]><r><a>&x;</a><b>kept</b></r>";
    server.file(path, "application/xml", xxe.getBytes(StandardCharsets.UTF_8));
    assertThat(json(urlConf(server.url(path), null))).containsExactly("{\"b\":\"kept\"}");
  }

  @Test
  void entityExpansionIsCapped() {
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      bomb.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(10)).append("\">");
    }
    bomb.append("]><r>&e9;</r>");
    String path = "/bomb-" + System.nanoTime() + ".xml";
    server.file(path, "application/xml", bomb.toString().getBytes(StandardCharsets.UTF_8));
    StepVerifier.create(run(urlConf(server.url(path), null)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("invalid XML"))
        .verify(TIMEOUT);
  }

  @Test
  void fileWithoutExtensionIsAnInvalidFileType(@TempDir Path folder) throws IOException {
    java.nio.file.Files.writeString(folder.resolve("README"), "{}");
    ModuleCall call = ModuleCall.of("fetchdata", urlConf("README", null))
        .withContext(ModuleContext.defaults().withFetcher(new StandardFetcher(http, new FileFetcher(folder))));
    StepVerifier.create(Flux.just(Item.empty()).transform(fetchdata.create(call)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("Invalid file type for README: no extension and no content type"))
        .verify(TIMEOUT);
  }

  @Test
  void htmlElementsAreConvertedAlike() {
    assertThat(json(urlConf(server.url("/page.html"), "body.ul.li")))
        .containsExactly("{\"content\":\"Apple\"}", "{\"content\":\"Banana – yellow\"}", "{\"content\":\"Cherry\"}");
    assertThat(json(urlConf(server.url("/page.html"), "/html/head/title"))).containsExactly("{\"content\":\"Sample Page\"}");
    assertThat(json(urlConf(server.url("/page.html"), "body.div"))).containsExactly(
        "{\"id\":\"intro\",\"p\":{\"content\":\"Welcome to the\",\"b\":\"sample\",\"i\":\"content\"}}");
  }

  // ---- fetching

  @Test
  void notFoundIsAnErrorNamingModuleUrlAndStatus() {
    String url = server.url("/missing.json");
    StepVerifier.create(run(urlConf(url, null)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchdata").hasMessageContaining(url).hasMessageContaining("404"))
        .verify(TIMEOUT);
  }

  @Test
  void refusedConnectionIsAnErrorNamingTheUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/people.json";
    StepVerifier.create(run(urlConf(url, "people")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchdata").hasMessageContaining(url))
        .verify(TIMEOUT);
  }

  @Test
  void fileUrlsAndBareNames() {
    assertThat(list(urlConf("quote.json", "base"))).containsExactly(Item.of("content", "USD"));
    assertThat(list(urlConf("file://" + SharedData.conformanceData().resolve("people.json"), "people")))
        .containsExactlyElementsOf(expected("fetchdata-json-path"));
  }

  @Test
  void missingFileIsAnErrorNamingThePath() {
    StepVerifier.create(run(urlConf("file://riko/data/absent.json", null)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchdata").hasMessageContaining(DATA.resolve("absent.json").toString()))
        .verify(TIMEOUT);
  }

  @Test
  void aListOfUrlsIsReadInTurn() {
    String first = serveJson("first", "[{\"n\": 1}, {\"n\": 2}]");
    String second = serveJson("second", "[{\"n\": 3}]");
    RawConf conf = RawConf.of("url", List.of(first, second));
    assertThat(json(conf)).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
  }

  @Test
  void runsOncePerInputItemAndIgnoresItsFields() {
    List<Item> input = items("[{\"content\": \"ignored\"}, {\"other\": 1}]");
    StepVerifier.create(run(urlConf(server.url("/people.json"), "people"), CallOptions.none(), input))
        .expectNextCount(12)
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void assignsInsteadOfEmittingWhenAsked() {
    String url = serveJson("assign", "[{\"n\": 1}, {\"n\": 2}]");
    List<Item> out = run(urlConf(url, null), CallOptions.none().withEmit(false).withAssign("data"),
        items("[{\"k\": \"v\"}]")).collectList().block(TIMEOUT);
    assertThat(out).containsExactly(item("{\"k\": \"v\", \"data\": [{\"n\": 1}, {\"n\": 2}]}"));
  }

  @Test
  void javaCallersReadWithATypedConf() {
    FetchData.Conf conf = new FetchData.Conf(List.of("file://riko/data/schools.xml"), "data.row", StandardCharsets.UTF_8);
    StepVerifier.create(FetchData.read(conf, new StandardFetcher(http, new FileFetcher(DATA))))
        .expectNextCount(3)
        .expectComplete()
        .verify(TIMEOUT);
    assertThatThrownBy(() -> new FetchData.Conf(List.of("a.csv"), "", StandardCharsets.UTF_8))
        .isInstanceOf(ConfException.class).hasMessageContaining("Invalid file type 'csv'");
  }
}
