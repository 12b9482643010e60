package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.io.IOException;
import java.io.UncheckedIOException;
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

class FetchTextTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final StandardFetcher FETCHER = new StandardFetcher(http, new FileFetcher(SharedData.fixtures()));
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withTest(true).withFetcher(FETCHER);

  private final FetchText fetchtext = new FetchText();

  @AfterAll
  static void close() {
    http.close();
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    ModuleCall call = ModuleCall.of("fetchtext", conf).withOptions(CallOptions.none()).withContext(CONTEXT);
    return Flux.fromIterable(input).transform(fetchtext.create(call));
  }

  private Flux<Item> run(RawConf conf) {
    return run(conf, List.of(Item.empty()));
  }

  private List<Object> lines(RawConf conf) {
    return run(conf).<Object>map(Item::rawValue).collectList().block(TIMEOUT);
  }

  private static String serve(String contentType, byte[] body) {
    String path = "/text-" + System.nanoTime() + ".txt";
    server.file(path, contentType, body);
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

  @Test
  void isARegisteredSourceWithRikosDefaults() {
    assertThat(fetchtext.name()).isEqualTo("fetchtext");
    assertThat(fetchtext.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(fetchtext.spec().defaults()).containsEntry("encoding", "utf-8");
    assertThat(ModuleRegistry.standard().find("fetchtext")).containsInstanceOf(FetchText.class);
  }

  // ---- conformance cases and the spec's example

  @Test
  void conformanceLorem() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/lorem.txt") + "\"}}");
    List<Item> output = run(conf).collectList().block(TIMEOUT);
    assertThat(output).containsExactlyElementsOf(expected("fetchtext-lorem"));
    assertThat(output).allMatch(Item::isRaw);
  }

  @Test
  void conformanceUnicode() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/unicode.txt") + "\"}}");
    assertThat(run(conf).collectList().block(TIMEOUT)).containsExactlyElementsOf(expected("fetchtext-unicode"));
  }

  @Test
  void specLoremFromTheDataDirectory() {
    List<Object> lines = lines(RawConf.of("url", "file://riko/data/lorem.txt"));
    assertThat(lines).startsWith("What is Lorem Ipsum?",
        "Lorem Ipsum is simply dummy text of the printing and typesetting industry.",
        "Lorem Ipsum has been the industry's standard dummy text ever since the 1500s,");
    assertThat(lines).hasSize(32).contains("");
  }

  // ---- lines

  @Test
  void everyKindOfLineBreakEndsALineAndLinesAreStripped() {
    String url = serve("text/plain; charset=utf-8",
        "  a \r\nb\rc\n\n\td\u000Be\u2028f\u00A0\nlast".getBytes(StandardCharsets.UTF_8));
    assertThat(lines(RawConf.of("url", url))).containsExactly("a", "b", "c", "", "d", "e", "f", "last");
  }

  @Test
  void anEmptyFileGivesNothingAndATrailingBreakNoExtraLine() {
    StepVerifier.create(run(RawConf.of("url", serve("text/plain; charset=utf-8", new byte[0]))))
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(lines(RawConf.of("url", serve("text/plain; charset=utf-8", "x\n".getBytes(StandardCharsets.UTF_8)))))
        .containsExactly("x");
  }

  @Test
  void multiByteCharactersAndCrLfSplitAcrossChunksAreJoined() {
    byte[] doc = "Zoë\r\nMalmö – café\r\n".getBytes(StandardCharsets.UTF_8);
    String path = "/bytewise-" + System.nanoTime() + ".txt";
    server.route(path, (request, response) -> response.header("Content-Type", "text/plain; charset=utf-8")
        .sendByteArray(Flux.range(0, doc.length).map(i -> new byte[] {doc[i]})));
    assertThat(lines(RawConf.of("url", server.url(path)))).containsExactly("Zoë", "Malmö – café");
  }

  // ---- charsets

  @Test
  void theServersCharsetWinsOverTheEncodingConf() {
    String url = serve("text/plain; charset=utf-8", "Zoë".getBytes(StandardCharsets.UTF_8));
    assertThat(lines(RawConf.of("url", url, "encoding", "latin-1"))).containsExactly("Zoë");
  }

  @Test
  void textWithoutCharsetIsLatin1WhateverTheEncodingConf() {
    String url = serve("text/plain", "Zoë".getBytes(StandardCharsets.UTF_8));
    assertThat(lines(RawConf.of("url", url, "encoding", "utf-8"))).containsExactly("ZoÃ«");
  }

  @Test
  void otherTypesWithoutCharsetUseTheEncodingConf() {
    String url = serve("application/octet-stream", "Zoë".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(lines(RawConf.of("url", url, "encoding", "iso-8859-1"))).containsExactly("Zoë");
    assertThat(lines(RawConf.of("url", url))).containsExactly("Zo\uFFFD");
  }

  // ---- streaming, failures, per-item URLs

  @Test
  void linesArriveWhileTheBodyIsStillDownloading() {
    String path = "/gated-" + System.nanoTime() + ".txt";
    Sinks.Empty<Void> gate = Sinks.empty();
    server.route(path, (request, response) -> response.header("Content-Type", "text/plain; charset=utf-8")
        .sendString(Flux.concat(Mono.just("one\ntw"), gate.asMono().then(Mono.just("o\nthree")))));
    StepVerifier.create(run(RawConf.of("url", server.url(path))).map(Item::rawValue))
        .expectNext("one")
        .then(gate::tryEmitEmpty)
        .expectNext("two", "three")
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void truncatingCancelsTheDownload() throws InterruptedException {
    String path = "/endless-" + System.nanoTime() + ".txt";
    CountDownLatch cancelled = new CountDownLatch(1);
    server.route(path, (request, response) -> response.header("Content-Type", "text/plain; charset=utf-8")
        .sendString(Flux.interval(Duration.ofMillis(5)).map(i -> "line " + i + "\n").doOnCancel(cancelled::countDown)));
    StepVerifier.create(run(RawConf.of("url", server.url(path))).map(Item::rawValue).take(3))
        .expectNext("line 0", "line 1", "line 2")
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the server saw the download cancelled").isTrue();
  }

  @Test
  void slowChunkedResponsesGiveTheSameLines() {
    RawConf conf = conf("{\"url\": \"" + server.url("/slow/lorem.txt") + "\"}");
    assertThat(run(conf).collectList().block(TIMEOUT)).containsExactlyElementsOf(expected("fetchtext-lorem"));
  }

  @Test
  void aFailedFetchIsAnErrorAfterTheLinesAlreadyEmitted() {
    String missing = server.url("/status/404");
    StepVerifier.create(run(RawConf.of("url", List.of(server.url("/unicode.txt"), missing))).map(Item::rawValue))
        .expectNext("Zeile eins", "Ümlaut zwei – drei", "", "café")
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchtext").hasMessageContaining(missing))
        .verify(TIMEOUT);
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    StepVerifier.create(run(RawConf.of("url", "file://riko/data/no-such-file.txt")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchtext").hasMessageContaining("no-such-file.txt"))
        .verify(TIMEOUT);
  }

  @Test
  void eachInputItemReadsItsOwnUrlInOrder() {
    RawConf conf = conf("{\"url\": {\"subkey\": \"src\"}}");
    List<Item> input = items("[{\"src\": \"" + server.url("/slow/unicode.txt") + "\"}, {\"src\": \""
        + server.url("/unicode.txt") + "\"}]");
    assertThat(run(conf, input).map(Item::rawValue).collectList().block(TIMEOUT))
        .containsExactly("Zeile eins", "Ümlaut zwei – drei", "", "café", "Zeile eins", "Ümlaut zwei – drei", "", "café");
  }

  @Test
  void headersAreSentWithTheRequest() {
    String path = "/headers-" + System.nanoTime() + ".txt";
    server.route(path, (request, response) -> response.header("Content-Type", "text/plain; charset=utf-8")
        .sendString(Mono.just("token=" + request.requestHeaders().get("X-Token"))));
    RawConf conf = RawConf.of("url", server.url(path), "headers", java.util.Map.of("X-Token", "abc"));
    assertThat(lines(conf)).containsExactly("token=abc");
  }

  // ---- conf errors and the Java API

  @Test
  void missingUrlUnknownEncodingAndBadHeadersFailAtAssembly() {
    assertThatThrownBy(() -> fetchtext.create(ModuleCall.of("fetchtext", RawConf.empty())))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'").hasMessageContaining("required");
    assertThatThrownBy(() -> fetchtext.create(ModuleCall.of("fetchtext", RawConf.of("url", "a.txt", "encoding", "klingon"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'encoding'").hasMessageContaining("klingon");
    assertThatThrownBy(() -> fetchtext.create(ModuleCall.of("fetchtext", RawConf.of("url", "a.txt", "headers", "x"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'headers'");
  }

  @Test
  void javaCallersReadStrings() {
    StepVerifier.create(FetchText.read(new FetchText.Conf(List.of("lorem.txt"), StandardCharsets.UTF_8), FETCHER).take(1))
        .expectNext("What is Lorem Ipsum?")
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void filesAreReadFromAbsoluteFileUrls() {
    Path file = SharedData.fixtures().resolve("lorem.txt");
    assertThat(lines(RawConf.of("url", file.toUri().toString()))).hasSize(32);
  }
}
