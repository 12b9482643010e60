package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.spi.ResourceHandler;

class FileFetcherTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final ResourceHandler<String> TEXT = (info, body) -> body
      .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
      .map(out -> out.toString(StandardCharsets.UTF_8));

  @TempDir
  Path data;

  private Path write(String name, String content) throws IOException {
    Path file = data.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void readsAbsoluteFileUrls() throws IOException {
    Path file = write("abs.json", "[1, 2]");
    FileFetcher fetcher = new FileFetcher(Path.of("unused"));
    assertThat(fetcher.fetch("file://" + file, TEXT).blockLast(TIMEOUT)).isEqualTo("[1, 2]");
    assertThat(fetcher.fetch("file:" + file, TEXT).blockLast(TIMEOUT)).isEqualTo("[1, 2]");
  }

  @Test
  void rikoDataUrlsAndBareNamesReadTheDataDirectory() throws IOException {
    write("quote.json", "{\"base\": \"USD\"}");
    FileFetcher fetcher = new FileFetcher(data);
    assertThat(fetcher.fetch("file://riko/data/quote.json", TEXT).blockLast(TIMEOUT)).isEqualTo("{\"base\": \"USD\"}");
    assertThat(fetcher.fetch("quote.json", TEXT).blockLast(TIMEOUT)).isEqualTo("{\"base\": \"USD\"}");
  }

  @Test
  void resolvesEveryFormRikoUses() {
    FileFetcher fetcher = new FileFetcher(data);
    assertThat(fetcher.resolve("file:///tmp/x.xml")).isEqualTo(Path.of("/tmp/x.xml"));
    assertThat(fetcher.resolve("file://riko/data/feed.xml")).isEqualTo(data.resolve("feed.xml"));
    assertThat(fetcher.resolve("feed.xml")).isEqualTo(data.resolve("feed.xml"));
    assertThat(fetcher.resolve("file://docs/feed.xml")).isEqualTo(Path.of("docs/feed.xml").toAbsolutePath());
    assertThat(fetcher.resolve("FILE:///tmp/a%20b+c.json")).isEqualTo(Path.of("/tmp/a b+c.json"));
    assertThat(fetcher.resolve("news.google.com_rss_q=enterprise+mashup.xml"))
        .isEqualTo(data.resolve("news.google.com_rss_q=enterprise+mashup.xml"));
  }

  @Test
  void otherSchemesAreNotFiles() {
    FileFetcher fetcher = new FileFetcher(data);
    assertThatThrownBy(() -> fetcher.resolve("http://127.0.0.1/x.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://127.0.0.1/x.json");
  }

  @Test
  void missingFileIsAnErrorNamingUrlAndPath() {
    FileFetcher fetcher = new FileFetcher(data);
    StepVerifier.create(fetcher.fetch("file://riko/data/nope.json", TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessageContaining("file://riko/data/nope.json")
            .hasMessageContaining(data.resolve("nope.json").toString()))
        .verify(TIMEOUT);
  }

  @Test
  void directoryIsNotAFile() throws IOException {
    Files.createDirectories(data.resolve("folder"));
    StepVerifier.create(new FileFetcher(data).fetch("folder", TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class).hasMessageContaining("not a regular file"))
        .verify(TIMEOUT);
  }

  @Test
  void readsLargeFilesInChunksOffTheCallersThread() throws IOException {
    byte[] content = new byte[FileFetcher.CHUNK_SIZE * 3 + 17];
    new Random(7).nextBytes(content);
    Path file = Files.write(data.resolve("big.bin"), content);
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    byte[] read = new FileFetcher(data).fetch("file://" + file, (info, body) -> body
            .doOnNext(chunk -> {
              sizes.add(chunk.length);
              threads.add(Thread.currentThread().getName());
            })
            .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
            .map(ByteArrayOutputStream::toByteArray))
        .blockLast(TIMEOUT);
    assertThat(read).isEqualTo(content);
    assertThat(sizes).containsExactly(FileFetcher.CHUNK_SIZE, FileFetcher.CHUNK_SIZE, FileFetcher.CHUNK_SIZE, 17);
    assertThat(threads).allMatch(name -> name.startsWith("boundedElastic"));
  }

  @Test
  void filesHaveNoContentTypeSoTheEncodingConfApplies() throws IOException {
    write("page.html", "<p>x</p>");
    StepVerifier.create(new FileFetcher(data).fetch("page.html", (info, body) -> Flux.just(String.valueOf(info.contentType()))))
        .expectNext("null")
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void takingFewerChunksCompletes() throws IOException {
    Files.write(data.resolve("many.bin"), new byte[FileFetcher.CHUNK_SIZE * 10]);
    StepVerifier.create(new FileFetcher(data).fetch("many.bin", (info, body) -> body.take(1).map(b -> b.length)))
        .expectNext(FileFetcher.CHUNK_SIZE)
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void defaultDataDirectoryIsRikoDataUnlessTheSystemPropertySaysOtherwise() {
    String before = System.getProperty(FileFetcher.DATA_DIRECTORY_PROPERTY);
    try {
      System.clearProperty(FileFetcher.DATA_DIRECTORY_PROPERTY);
      assertThat(FileFetcher.defaultDataDirectory()).isEqualTo(Path.of("riko", "data").toAbsolutePath());
      System.setProperty(FileFetcher.DATA_DIRECTORY_PROPERTY, data.toString());
      assertThat(FileFetcher.defaultDataDirectory()).isEqualTo(data.toAbsolutePath());
      assertThat(new FileFetcher().dataDirectory()).isEqualTo(data.toAbsolutePath());
    } finally {
      if (before == null) {
        System.clearProperty(FileFetcher.DATA_DIRECTORY_PROPERTY);
      } else {
        System.setProperty(FileFetcher.DATA_DIRECTORY_PROPERTY, before);
      }
    }
  }
}
