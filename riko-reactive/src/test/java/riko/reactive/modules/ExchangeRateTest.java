package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import riko.reactive.http.FetchException;
import riko.reactive.http.FileFetcher;
import riko.reactive.http.HttpFetcher;
import riko.reactive.http.StandardFetcher;
import riko.reactive.testing.LocalHttpServer;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceHandler;
import riko.spi.ResourceRequest;
import riko.testing.SharedData;
import riko.value.DecimalNaN;

class ExchangeRateTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final StandardFetcher FETCHER = new StandardFetcher(http, new FileFetcher(SharedData.fixtures()));
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withTest(true).withFetcher(FETCHER);

  /** Query strings of the requests for {@link #serve}d paths, in order. */
  private static final List<String> queries = new CopyOnWriteArrayList<>();

  private final ExchangeRate exchangerate = new ExchangeRate(name -> null);

  @AfterAll
  static void close() {
    http.close();
  }

  /** Serves {@code body} as JSON at a fresh path, recording each request's query string. */
  private static String serve(String contentType, byte[] body) {
    String path = "/rates-" + System.nanoTime() + ".json";
    server.route(path, (request, response) -> {
      String uri = request.uri();
      queries.add(uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : "");
      return response.header("Content-Type", contentType).sendByteArray(Mono.just(body));
    });
    return server.url(path);
  }

  private static String serve(String json) {
    return serve("application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static String quote() {
    return serve("application/json", LocalHttpServer.resource("quote.json"));
  }

  private Flux<Item> run(ExchangeRate module, RawConf conf, CallOptions options, List<Item> input) {
    ModuleCall call = ModuleCall.of("exchangerate", conf).withOptions(options).withContext(CONTEXT);
    return Flux.fromIterable(input).transform(module.create(call));
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    return run(exchangerate, conf, CallOptions.none(), input);
  }

  /** The rate assigned for one item {@code {"content": base}}. */
  private Object rate(RawConf conf, String base) {
    List<Item> out = run(conf, List.of(Item.of("content", base))).collectList().block(TIMEOUT);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).get("content")).isEqualTo(base);
    return out.get(0).get("exchangerate");
  }

  private static RawConf rates(String url, Object... more) {
    RawConf conf = RawConf.of("url", url);
    for (int i = 0; i < more.length; i += 2) {
      conf = conf.with((String) more[i], more[i + 1]);
    }
    return conf;
  }

  // ---- catalog

  @Test
  void isARegisteredLoopableTransformerWithRikosDefaults() {
    assertThat(exchangerate.name()).isEqualTo("exchangerate");
    assertThat(exchangerate.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(exchangerate.metadata().loopable()).isTrue();
    assertThat(exchangerate.spec().field()).isEqualTo("content");
    assertThat(exchangerate.spec().assign()).isEqualTo("exchangerate");
    assertThat(exchangerate.spec().defaults()).containsEntry("currency", "USD").containsEntry("precision", 6L)
        .containsEntry("delay", 0L).containsEntry("memoize", true).containsEntry("encoding", "utf-8")
        .containsEntry("url", "https://openexchangerates.org/api/latest.json");
    assertThat(new ExchangeRate(name -> name.equals("OPEN_EXCHANGE_RATES_ID") ? "k1" : null).spec().defaults().get("param"))
        .isEqualTo(Map.of("app_id", "k1"));
    assertThat(ModuleRegistry.standard().find("exchangerate")).containsInstanceOf(ExchangeRate.class);
  }

  // ---- the rates document

  @Test
  void ratesServedOverHttpGiveRikosDecimals() {
    String url = quote();
    assertThat(rate(rates(url), "GBP")).isEqualTo(new BigDecimal("1.275201"));
    assertThat(rate(rates(url, "currency", "EUR"), "GBP")).isEqualTo(new BigDecimal("1.113665"));
    assertThat(rate(rates(url, "currency", "TZS", "precision", 3), "USD")).isEqualTo(new BigDecimal("2282.466"));
    assertThat(rate(rates(url, "currency", "GBP"), "EUR")).isEqualTo(new BigDecimal("0.897936"));
  }

  @Test
  void theFixtureQuoteJsonIsReadFromRikosDataFolder() {
    assertThat(rate(rates("file://riko/data/quote.json"), "GBP")).isEqualTo(new BigDecimal("1.275201"));
    assertThat(rate(rates("quote.json", "currency", "TZS", "precision", 3), "USD"))
        .as("a bare name is a bundled data file").isEqualTo(new BigDecimal("2282.466"));
    ModuleContext dataDirectory = ModuleContext.defaults().withDataDirectory(SharedData.fixtures());
    StepVerifier.create(Flux.just(Item.of("content", "GBP"))
            .transform(exchangerate.create(ModuleCall.of("exchangerate", rates("file://riko/data/quote.json"))
                .withContext(dataDirectory))))
        .expectNext(Item.of("content", "GBP").put("exchangerate", new BigDecimal("1.275201")))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void ratesWithFractionsAreTheirDoublesExactExpansion() {
    String url = serve("{\"rates\": {\"USD\": 1, \"D\": 0.1, \"S\": \"0.1\"}}");
    assertThat(rate(rates(url, "precision", 20), "D")).as("1 / 0.1000000000000000055511151231257827...")
        .isEqualTo(new BigDecimal("9.99999999999999944489"));
    assertThat(rate(rates(url, "precision", 20), "S")).as("a string is read as written")
        .isEqualTo(new BigDecimal("10.00000000000000000000"));
    assertThat(rate(rates(url, "precision", 26, "currency", "S"), "D"))
        .as("1 / (0.1000000000000000055511151231257827 / 0.1)")
        .isEqualTo(new BigDecimal("0.99999999999999994448884877"));
  }

  @Test
  void integersAndBooleansAreExact() {
    String url = serve("{\"rates\": {\"USD\": 1, \"BIG\": 123456789012345678901234567, \"T\": true}}");
    assertThat(rate(rates(url, "currency", "BIG", "precision", 0), "USD"))
        .isEqualTo(new BigDecimal("123456789012345678901234567"));
    assertThat(rate(rates(url, "currency", "T"), "USD")).isEqualTo(new BigDecimal("1.000000"));
  }

  @Test
  void theBaseRateIsReadFromTheDocumentEvenForUsd() {
    String url = serve("{\"rates\": {\"USD\": 2, \"EUR\": 1}}");
    assertThat(rate(rates(url, "currency", "EUR"), "USD")).as("rates[EUR] / rates[USD]").isEqualTo(new BigDecimal("0.500000"));
    String withoutUsd = serve("{\"rates\": {\"EUR\": 1}}");
    assertThat(rate(rates(withoutUsd, "currency", "EUR"), "USD")).isEqualTo(DecimalNaN.INSTANCE);
    assertThat(rate(rates(withoutUsd), "EUR")).as("a USD target needs no USD rate").isEqualTo(new BigDecimal("1.000000"));
  }

  @Test
  void aMissingRateIsDecimalNaN() {
    String url = quote();
    assertThat(rate(rates(url, "currency", "XYZ"), "USD")).isEqualTo(DecimalNaN.INSTANCE);
    assertThat(rate(rates(url), "XYZ")).isEqualTo(DecimalNaN.INSTANCE);
    assertThat(rate(rates(url), "gbp")).as("codes are case-sensitive").isEqualTo(DecimalNaN.INSTANCE);
    assertThat(rate(rates(serve("{\"rates\": {\"GBP\": 0, \"EUR\": \"\", \"X\": null}}")), "GBP"))
        .as("zero and empty rates are dropped").isEqualTo(DecimalNaN.INSTANCE);
    assertThat(rate(rates(serve("{\"rates\": {\"GBP\": \"NaN\"}}")), "GBP")).isEqualTo(DecimalNaN.INSTANCE);
    assertThat(rate(rates(serve("{\"rates\": {\"GBP\": NaN}}")), "GBP")).as("Python's JSON reads NaN").isEqualTo(DecimalNaN.INSTANCE);
    assertThat(rate(rates(url), "")).as("a missing field reads as the empty code").isEqualTo(DecimalNaN.INSTANCE);
  }

  @Test
  void missingOrEmptyRatesGiveDecimalZero() {
    for (String document : List.of("{}", "{\"rates\": {}}", "{\"rates\": null}", "{\"rates\": []}", "{\"rates\": 0}",
        "{\"base\": \"USD\"}")) {
      assertThat(rate(rates(serve(document), "precision", 3), "GBP")).as(document).isEqualTo(BigDecimal.ZERO);
    }
  }

  @Test
  void lastRatesWinWhenTheDocumentRepeatsThem() {
    assertThat(rate(rates(serve("{\"rates\": {\"GBP\": 4}, \"rates\": {\"GBP\": 2}}")), "GBP"))
        .isEqualTo(new BigDecimal("0.500000"));
  }

  // ---- precision

  @Test
  void precisionQuantisesHalfEven() {
    String url = serve("{\"rates\": {\"A\": 8, \"B\": \"1.6\", \"C\": 3}}");
    assertThat(rate(rates(url, "precision", 2), "A")).isEqualTo(new BigDecimal("0.12"));
    assertThat(rate(rates(url, "precision", 1), "B")).as("0.625 -> 0.6").isEqualTo(new BigDecimal("0.6"));
    assertThat(rate(rates(url, "precision", 0), "C")).isEqualTo(new BigDecimal("0"));
    String quote = quote();
    assertThat(rate(rates(quote, "currency", "TZS", "precision", -2), "USD"))
        .as("QUIRK: Decimal(10) ** 2 is the integer 100, so negative precisions round to units").isEqualTo(new BigDecimal("2282"));
    assertThat(rate(rates(quote, "currency", "TZS", "precision", -28), "USD"))
        .as("10 ** 28 rounded to 28 digits has exponent 1").isEqualTo(new BigDecimal("2.28E+3"));
    assertThat(rate(rates(url, "precision", 10), "C")).isEqualTo(new BigDecimal("0.3333333333"));
    assertThat(rate(rates(url, "precision", true), "B")).as("True is 1").isEqualTo(new BigDecimal("0.6"));
  }

  @Test
  void aResultOfMoreThan28DigitsFails() {
    StepVerifier.create(run(rates(serve("{\"rates\": {\"C\": 3}}"), "precision", 30), List.of(Item.of("content", "C"))))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("exchangerate").hasMessageContaining("28 digits"))
        .verify(TIMEOUT);
  }

  @Test
  void quantiseFollowsPythonsLimits() {
    assertThat(ExchangeRate.quantize(new BigDecimal("2.5"), 0)).isEqualTo(new BigDecimal("2"));
    assertThat(ExchangeRate.quantize(new BigDecimal("3.5"), 0)).isEqualTo(new BigDecimal("4"));
    assertThat(ExchangeRate.quantize(DecimalNaN.INSTANCE, 6)).isEqualTo(DecimalNaN.INSTANCE);
    assertThat(ExchangeRate.quantize(new BigDecimal("9.99999"), 27)).isEqualTo(new BigDecimal("9.999990000000000000000000000"));
    assertThatThrownBy(() -> ExchangeRate.quantize(new BigDecimal("99.5"), 27)).isInstanceOf(ArithmeticException.class);
    assertThat(ExchangeRate.quantize(new BigDecimal("2282.5"), -27)).isEqualTo(new BigDecimal("2282"));
    assertThat(ExchangeRate.quantize(new BigDecimal("2282.5"), -30)).isEqualTo(new BigDecimal("2E+3"));
    assertThat(ExchangeRate.quantize(new BigDecimal("1"), -999_999)).isEqualTo(BigDecimal.ZERO.setScale(-999_972));
    assertThatThrownBy(() -> ExchangeRate.quantize(new BigDecimal("1"), -1_000_000)).isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("overflow");
    assertThatThrownBy(() -> ExchangeRate.quantize(new BigDecimal("1"), Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
  }

  // ---- base == target

  @Test
  void theSameCurrencyIsOneAndFetchesNothing() {
    String path = "/never-" + System.nanoTime() + ".json";
    int before = server.requests().size();
    assertThat(rate(rates(server.url(path)), "USD")).isEqualTo(BigDecimal.ONE);
    assertThat(rate(rates(server.url(path), "currency", "GBP"), "GBP")).isEqualTo(BigDecimal.ONE);
    assertThat(rate(rates("file://riko/data/does-not-exist.json", "currency", "EUR"), "EUR")).isEqualTo(BigDecimal.ONE);
    assertThat(server.hits(path)).isZero();
    assertThat(server.requests()).hasSize(before);
  }

  // ---- query parameters

  @Test
  void paramIsSentAsTheQueryOfHttpUrls() {
    String url = quote();
    queries.clear();
    assertThat(rate(rates(url, "param", Map.of("app_id", "abc123")), "GBP")).isEqualTo(new BigDecimal("1.275201"));
    assertThat(queries).containsExactly("app_id=abc123");
  }

  @Test
  void paramIsEncodedAsPythonRequestsEncodesIt() {
    String url = quote();
    queries.clear();
    Map<String, Object> param = new java.util.LinkedHashMap<>();
    param.put("App_ID", "a b&c=d/é~*");
    param.put("show", List.of("x", 2L));
    param.put("none", null);
    param.put("flag", true);
    rate(rates(url + "?format=json", "param", param), "GBP");
    assertThat(queries).containsExactly("format=json&app_id=a+b%26c%3Dd%2F%C3%A9~%2A&show=x&show=2&flag=True");
    assertThat(ExchangeRate.withQuery("http://h/r.json#top", Map.of("k", List.of("v")), false)).isEqualTo("http://h/r.json?k=v#top");
    assertThat(ExchangeRate.withQuery("file://riko/data/quote.json", Map.of("k", List.of("v")), false))
        .as("local files get no parameters").isEqualTo("file://riko/data/quote.json");
  }

  @Test
  void theDefaultAppIdComesFromTheEnvironmentAndIsLeftOutWhenUnset() {
    String url = quote();
    queries.clear();
    ExchangeRate withId = new ExchangeRate(name -> name.equals(ExchangeRate.APP_ID_VARIABLE) ? "env-id" : null);
    run(withId, rates(url), CallOptions.none(), List.of(Item.of("content", "GBP"))).blockLast(TIMEOUT);
    run(exchangerate, rates(url), CallOptions.none(), List.of(Item.of("content", "GBP"))).blockLast(TIMEOUT);
    run(withId, rates(url, "param", Map.of("other", "1")), CallOptions.none(), List.of(Item.of("content", "GBP")))
        .blockLast(TIMEOUT);
    assertThat(queries).as("a param conf replaces the default map").containsExactly("app_id=env-id", "", "other=1");
  }

  @Test
  void everyItemFetchesTheDocumentAgainWhateverMemoizeSays() {
    String url = quote();
    queries.clear();
    List<Item> out = run(rates(url, "memoize", true, "currency", "EUR"), items("[{\"content\": \"GBP\"}, {\"content\": \"EUR\"},"
        + " {\"content\": \"TZS\"}]")).collectList().block(TIMEOUT);
    assertThat(out).extracting(item -> item.get("exchangerate"))
        .containsExactly(new BigDecimal("1.113665"), BigDecimal.ONE, new BigDecimal("0.000383"));
    assertThat(queries).hasSize(2);
  }

  // ---- conf per item, emit and assign

  @Test
  void dynamicConfIsResolvedPerItem() {
    RawConf conf = conf("{\"url\": \"file://riko/data/quote.json\", \"currency\": {\"subkey\": \"to\"}}");
    List<Item> out = run(conf, items("[{\"content\": \"GBP\", \"to\": \"EUR\"}, {\"content\": \"USD\", \"to\": \"GBP\"}]"))
        .collectList().block(TIMEOUT);
    assertThat(out).extracting(item -> item.get("exchangerate"))
        .containsExactly(new BigDecimal("1.113665"), new BigDecimal("0.784190"));
  }

  @Test
  void theRateIsAssignedByDefaultAndEmittedOnRequest() {
    RawConf conf = rates("file://riko/data/quote.json");
    List<Item> assigned = run(exchangerate, conf, CallOptions.none().withField("code").withAssign("rate.usd"),
        items("[{\"code\": \"GBP\"}]")).collectList().block(TIMEOUT);
    assertThat(assigned).extracting(ItemJson::toJson).containsExactly("{\"code\":\"GBP\",\"rate\":{\"usd\":1.275201}}");
    List<Item> emitted = run(exchangerate, conf, CallOptions.none().withEmit(true), items("[{\"content\": \"GBP\"}]"))
        .collectList().block(TIMEOUT);
    assertThat(emitted).extracting(ItemJson::toJson).containsExactly("1.275201");
    assertThat(emitted.get(0).rawValue()).isEqualTo(new BigDecimal("1.275201"));
  }

  @Test
  void noInputGivesNoOutput() {
    StepVerifier.create(run(rates("file://riko/data/quote.json"), List.of())).expectComplete().verify(TIMEOUT);
  }

  // ---- encodings

  @Test
  void theEncodingConfDecodesResponsesThatNameNoCharset() {
    byte[] utf16 = "{\"rates\": {\"GBP\": 0.5}}".getBytes(StandardCharsets.UTF_16);
    assertThat(rate(rates(serve("application/json", utf16), "encoding", "utf-16"), "GBP")).isEqualTo(new BigDecimal("2.000000"));
    assertThat(rate(rates(serve("application/json; charset=utf-16", utf16)), "GBP"))
        .as("the server's charset wins over the utf-8 default").isEqualTo(new BigDecimal("2.000000"));
  }

  // ---- delay

  @Test
  void delayWaitsOnReactorsTimerBeforeFetching() {
    StepVerifier.withVirtualTime(() -> run(rates("file://riko/data/quote.json", "delay", 5), List.of(Item.of("content", "GBP"))))
        .expectSubscription()
        .expectNoEvent(Duration.ofSeconds(4))
        .thenAwait(Duration.ofSeconds(1))
        .expectNextMatches(item -> new BigDecimal("1.275201").equals(item.get("exchangerate")))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void theSameCurrencyDoesNotWaitForTheDelay() {
    StepVerifier.withVirtualTime(() -> run(rates("file://riko/data/quote.json", "delay", 5), List.of(Item.of("content", "USD"))))
        .expectSubscription()
        .expectNextMatches(item -> BigDecimal.ONE.equals(item.get("exchangerate")))
        .expectComplete()
        .verify(TIMEOUT);
  }

  // ---- errors

  @Test
  void badStaticConfFailsAtAssembly() {
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("currency", 5))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'currency'");
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("precision", "3"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'precision'").hasMessageContaining("integer");
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("precision", 2.0))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'precision'");
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("param", "app_id=x"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'param'");
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("delay", "soon"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'delay'");
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("delay", -1))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'delay'");
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("encoding", "klingon"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'encoding'");
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("url", ""))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'");
    assertThatThrownBy(() -> exchangerate.create(ModuleCall.of("exchangerate", RawConf.of("headers", "x"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'headers'");
  }

  @Test
  void aFailedFetchIsAModuleErrorNamingTheUrlAfterEarlierItems() {
    String url = server.url("/status/404");
    StepVerifier.create(run(rates(url), items("[{\"content\": \"USD\"}, {\"content\": \"GBP\"}]")))
        .expectNextMatches(item -> BigDecimal.ONE.equals(item.get("exchangerate")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("exchangerate").hasMessageContaining(url).hasMessageContaining("404"))
        .verify(TIMEOUT);
    StepVerifier.create(run(rates("file://riko/data/no-such-rates.json"), List.of(Item.of("content", "GBP"))))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("exchangerate").hasMessageContaining("no-such-rates.json"))
        .verify(TIMEOUT);
  }

  @Test
  void paramValuesAreMaskedInErrors() {
    String url = server.url("/status/401");
    StepVerifier.create(run(rates(url, "param", Map.of("app_id", "s3cret")), List.of(Item.of("content", "GBP"))))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining(url + "?app_id=***")
              .hasMessageContaining("401").hasMessageNotContaining("s3cret");
          for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(cause.getMessage()).doesNotContain("s3cret");
          }
        })
        .verify(TIMEOUT);
  }

  @Test
  void theDefaultApiWithoutAnAppIdFailsWithAHint() {
    List<String> asked = new CopyOnWriteArrayList<>();
    ResourceFetcher refusing = new ResourceFetcher() {
      @Override
      public <T> Flux<T> fetch(ResourceRequest request, ResourceHandler<T> handler) {
        asked.add(request.url());
        return Flux.error(new FetchException(request.url(), "HTTP status 401 Unauthorized", null));
      }
    };
    ModuleCall call = ModuleCall.of("exchangerate", RawConf.empty()).withContext(ModuleContext.defaults().withFetcher(refusing));
    StepVerifier.create(Flux.just(Item.of("content", "GBP")).transform(exchangerate.create(call)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("https://openexchangerates.org/api/latest.json").hasMessageContaining("401")
            .hasMessageContaining("OPEN_EXCHANGE_RATES_ID"))
        .verify(TIMEOUT);
    assertThat(asked).containsExactly("https://openexchangerates.org/api/latest.json");
  }

  @Test
  void documentsThatAreNotRatesFail() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("not json", "is not JSON"),
        Map.entry("[1, 2]", "is not a JSON object"),
        Map.entry("{\"rates\": {}} {}", "is not JSON"),
        Map.entry("{\"rates\": [1]}", "was array"),
        Map.entry("{\"rates\": {\"GBP\": \"abc\"}}", "not a number"),
        Map.entry("{\"rates\": {\"GBP\": [1]}}", "must be a finite number"),
        Map.entry("{\"rates\": {\"GBP\": 1e400}}", "must be a finite number"),
        Map.entry("{\"rates\": {\"GBP\": \"0\"}}", "division by zero"));
    cases.forEach((document, problem) -> {
      String url = serve(document);
      StepVerifier.create(run(rates(url), List.of(Item.of("content", "GBP"))))
          .expectErrorSatisfies(e -> assertThat(e).as(document).isInstanceOf(ModuleException.class)
              .hasMessageContaining("exchangerate").hasMessageContaining(url).hasMessageContaining(problem))
          .verify(TIMEOUT);
    });
  }

  @Test
  void aDynamicBadConfFailsForItsItem() {
    RawConf conf = conf("{\"url\": \"file://riko/data/quote.json\", \"precision\": {\"subkey\": \"p\"}}");
    StepVerifier.create(run(conf, items("[{\"content\": \"GBP\", \"p\": 2}, {\"content\": \"GBP\", \"p\": \"x\"}]")))
        .expectNextMatches(item -> new BigDecimal("1.28").equals(item.get("exchangerate")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("'precision'"))
        .verify(TIMEOUT);
  }

  // ---- Java API and conformance

  @Test
  void theJavaApiReadsTheSameRates() {
    StepVerifier.create(ExchangeRate.rate("GBP", new ExchangeRate.Conf("USD", "file://riko/data/quote.json"), FETCHER))
        .expectNext(new BigDecimal("1.275201"))
        .expectComplete()
        .verify(TIMEOUT);
    assertThatThrownBy(() -> new ExchangeRate.Conf("USD", "")).isInstanceOf(ConfException.class);
  }

  @Test
  void conformanceExchangerateDefault() throws Exception {
    String expected = Files.readString(SharedData.conformanceCase("exchangerate-default").resolve("expected.jsonl")).strip();
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/quote.json") + "\"}}");
    List<Item> out = run(conf, List.of(Item.of("content", "GBP"))).collectList().block(TIMEOUT);
    assertThat(out).extracting(ItemJson::toJson).containsExactly(expected);
  }
}
