package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.reactive.testing.LocalHttpServer;
import riko.spi.ModuleContext;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceHandler;
import riko.spi.ResourceRequest;

class StandardFetcherTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();

  private static final ResourceHandler<String> TEXT = (info, body) -> body
      .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
      .map(out -> out.toString(StandardCharsets.UTF_8));

  @TempDir
  Path data;

  @AfterAll
  static void close() {
    http.close();
  }

  @Test
  void routesHttpToTheHttpFetcher() {
    StandardFetcher fetcher = new StandardFetcher(http, new FileFetcher(data));
    assertThat(fetcher.fetch(server.url("/people.json"), TEXT).blockLast(TIMEOUT))
        .isEqualTo(new String(LocalHttpServer.resource("people.json"), StandardCharsets.UTF_8));
  }

  @Test
  void routesFileUrlsAndBareNamesToTheFileFetcher() throws IOException {
    Files.writeString(data.resolve("x.json"), "{}");
    StandardFetcher fetcher = new StandardFetcher(http, new FileFetcher(data));
    assertThat(fetcher.fetch("file://riko/data/x.json", TEXT).blockLast(TIMEOUT)).isEqualTo("{}");
    assertThat(fetcher.fetch("x.json", TEXT).blockLast(TIMEOUT)).isEqualTo("{}");
    assertThat(fetcher.fetch("file://" + data.resolve("x.json"), TEXT).blockLast(TIMEOUT)).isEqualTo("{}");
  }

  @Test
  void otherSchemesAreAnErrorNamingTheScheme() {
    StepVerifier.create(new StandardFetcher(http, new FileFetcher(data)).fetch("ftp://127.0.0.1/x.json", TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessageContaining("ftp://127.0.0.1/x.json").hasMessageContaining("'ftp'"))
        .verify(TIMEOUT);
  }

  @Test
  void theContextsFetcherWins() {
    ResourceFetcher mine = new ResourceFetcher() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Flux<T> fetch(ResourceRequest request, ResourceHandler<T> handler) {
        return (Flux<T>) Flux.just("mine:" + request.url());
      }
    };
    assertThat(StandardFetcher.forContext(ModuleContext.defaults().withFetcher(mine))).isSameAs(mine);
  }

  @Test
  void theContextsDataDirectoryResolvesBareNames() throws IOException {
    Files.writeString(data.resolve("mine.json"), "[1]");
    ResourceFetcher fetcher = StandardFetcher.forContext(ModuleContext.defaults().withDataDirectory(data));
    assertThat(fetcher.fetch("mine.json", TEXT).blockLast(TIMEOUT)).isEqualTo("[1]");
  }

  @Test
  void theSharedHttpSettingsComeFromRikoHttpProperties() {
    Properties properties = new Properties();
    properties.setProperty("riko.http.maxConnectionsPerHost", "64");
    properties.setProperty("riko.http.deadline", "90s");
    StandardFetcher configured = StandardFetcher.configured(properties);
    try {
      assertThat(configured.http().config()).isEqualTo(HttpFetcherConfig.defaults()
          .withMaxConnectionsPerHost(64).withDeadline(Duration.ofSeconds(90)));
    } finally {
      configured.http().close();
    }
    properties.setProperty("riko.http.maxRetries", "-1");
    assertThatThrownBy(() -> StandardFetcher.configured(properties))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riko.http.maxRetries");
  }

  @Test
  void withoutFetcherOrDataDirectoryTheSharedInstanceIsUsed() {
    assertThat(StandardFetcher.forContext(ModuleContext.defaults())).isSameAs(StandardFetcher.shared());
    assertThat(StandardFetcher.shared()).isSameAs(StandardFetcher.shared());
  }
}
