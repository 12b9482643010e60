package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import riko.reactive.testing.LocalHttpServer;
import riko.spi.ResourceHandler;
import riko.spi.ResourceRequest;

class HttpRedirectsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher fetcher = new HttpFetcher(HttpFetcherConfig.defaults().withMaxRedirects(3));

  /** The final URL, a blank line, then the body. */
  private static final ResourceHandler<String> URL_AND_TEXT = (info, body) -> body
      .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
      .map(out -> info.url() + "\n\n" + out.toString(StandardCharsets.UTF_8));

  @AfterAll
  static void close() {
    fetcher.close();
  }

  private static String redirectTo(String location, int status) {
    return server.url("/redirect-to?status=" + status + "&url=" + URLEncoder.encode(location, StandardCharsets.UTF_8));
  }

  private static String localhost(String path) {
    return "http://localhost:" + server.port() + path;
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void followsEveryRedirectStatusToTheFinalUrl(int status) {
    String text = fetcher.fetch(redirectTo("/echo-headers", status), URL_AND_TEXT).blockLast(TIMEOUT);
    assertThat(text).startsWith(server.url("/echo-headers") + "\n\n").containsIgnoringCase("user-agent: riko-java/");
  }

  @Test
  void followsAChainUpToTheHopLimit() {
    String text = fetcher.fetch(server.url("/chain/3/people.json"), URL_AND_TEXT).blockLast(TIMEOUT);
    assertThat(text).isEqualTo(server.url("/people.json") + "\n\n"
        + new String(LocalHttpServer.resource("people.json"), StandardCharsets.UTF_8));
  }

  @Test
  void oneHopMoreThanTheLimitIsAnErrorNamingTheChain() {
    String url = server.url("/chain/4/people.json");
    StepVerifier.create(fetcher.fetch(url, URL_AND_TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessage("cannot read " + url + ": more than 3 redirects (maxRedirects): " + url
                + " -> " + server.url("/chain/3/people.json") + " -> " + server.url("/chain/2/people.json")
                + " -> " + server.url("/chain/1/people.json") + " -> " + server.url("/people.json")))
        .verify(TIMEOUT);
  }

  @Test
  void zeroRedirectsFollowsNone() {
    try (HttpFetcher strict = new HttpFetcher(HttpFetcherConfig.defaults().withMaxRedirects(0))) {
      StepVerifier.create(strict.fetch(server.url("/redirect/people.json"), URL_AND_TEXT))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
              .hasMessageContaining("more than 0 redirects (maxRedirects)"))
          .verify(TIMEOUT);
    }
  }

  @Test
  void aLoopIsAnErrorNamingTheChain() {
    String url = server.url("/loop/a");
    StepVerifier.create(fetcher.fetch(url, URL_AND_TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessage("cannot read " + url + ": redirect loop: " + url + " -> " + server.url("/loop/b") + " -> " + url))
        .verify(TIMEOUT);
    assertThat(server.hits("/loop/a")).isEqualTo(1);
  }

  @Test
  void aRedirectToItselfIsALoop() {
    String url = server.url("/loop/self");
    StepVerifier.create(fetcher.fetch(url, URL_AND_TEXT))
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("redirect loop: " + url + " -> " + url))
        .verify(TIMEOUT);
  }

  @Test
  void relativeLocationsResolveAgainstTheCurrentUrl() {
    String text = fetcher.fetch(redirectTo("../../people.json?x=1", 302).replace("/redirect-to", "/a/b/redirect-to"),
        URL_AND_TEXT).blockLast(TIMEOUT);
    assertThat(text).startsWith(server.url("/people.json?x=1") + "\n\n");
  }

  @Test
  void errorsAfterARedirectNameTheOriginalUrlAndWhereItWent() {
    String url = server.url("/redirect/missing.json");
    StepVerifier.create(fetcher.fetch(url, URL_AND_TEXT))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(FetchException.class).hasMessage("cannot read " + url + " (redirected to "
              + server.url("/missing.json") + "): HTTP status 404 Not Found");
          assertThat(((FetchException) e).url()).isEqualTo(url);
          assertThat(((FetchException) e).status()).hasValue(404);
        })
        .verify(TIMEOUT);
  }

  @Test
  void onlyHttpAndHttpsTargetsAreFollowed() {
    String url = redirectTo("file:///etc/passwd", 302);
    StepVerifier.create(fetcher.fetch(url, URL_AND_TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessageContaining(url).hasMessageContaining("redirected to file:///etc/passwd, which is not an http or https URL"))
        .verify(TIMEOUT);
  }

  @Test
  void aRedirectWithoutLocationIsAnError() {
    String path = "/no-location-" + System.nanoTime();
    server.route(path, (request, response) -> response.status(302).send());
    StepVerifier.create(fetcher.fetch(server.url(path), URL_AND_TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessageContaining(server.url(path)).hasMessageContaining("302").hasMessageContaining("without a Location"))
        .verify(TIMEOUT);
  }

  @Test
  void anUnreadableLocationIsAnError() {
    String url = redirectTo("http://bad host/x", 302);
    StepVerifier.create(fetcher.fetch(url, URL_AND_TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessageContaining("invalid Location 'http://bad host/x'"))
        .verify(TIMEOUT);
  }

  @Test
  void credentialsAreDroppedWhenTheHostChangesAndOtherHeadersKept() {
    ResourceRequest request = ResourceRequest.of(redirectTo(localhost("/echo-headers"), 302)).withHeaders(Map.of(
        "Authorization", "Bearer secret", "Cookie", "session=1", "Proxy-Authorization", "Basic eA==", "X-Trace", "t1"));
    String text = fetcher.fetch(request, URL_AND_TEXT).blockLast(TIMEOUT);
    assertThat(text).startsWith(localhost("/echo-headers") + "\n\n").contains("X-Trace: t1")
        .doesNotContainIgnoringCase("authorization").doesNotContainIgnoringCase("cookie");
  }

  @Test
  void credentialsStayOnTheSameHost() {
    ResourceRequest request = ResourceRequest.of(redirectTo("/echo-headers", 307))
        .withHeaders(Map.of("Authorization", "Bearer secret", "Cookie", "session=1"));
    String text = fetcher.fetch(request, URL_AND_TEXT).blockLast(TIMEOUT);
    assertThat(text).contains("Authorization: Bearer secret").contains("Cookie: session=1");
  }

  @Test
  void configCredentialsAreDroppedAcrossHostsToo() {
    try (HttpFetcher withAuth = new HttpFetcher(HttpFetcherConfig.defaults()
        .withHeaders(Map.of("Authorization", "Basic eA==", "Accept-Language", "mi")))) {
      String text = withAuth.fetch(redirectTo(localhost("/echo-headers"), 302), URL_AND_TEXT).blockLast(TIMEOUT);
      assertThat(text).contains("Accept-Language: mi").doesNotContainIgnoringCase("authorization");
    }
  }

  @Test
  void redirectsDoNotHoldOnToPooledConnections() {
    try (HttpFetcher single = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(1)
        .withPendingAcquireTimeout(Duration.ofSeconds(2)))) {
      for (int i = 0; i < 3; i++) {
        assertThat(single.fetch(server.url("/chain/3/people.json"), URL_AND_TEXT).blockLast(TIMEOUT))
            .startsWith(server.url("/people.json"));
      }
    }
  }
}
