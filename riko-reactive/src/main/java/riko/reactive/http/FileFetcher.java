package riko.reactive.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceHandler;
import riko.spi.ResourceRequest;
import riko.spi.ResourceInfo;

/**
 * Reads local files named the ways riko names them ({@code conf.md} 8):
 *
 * <ul>
 *   <li>{@code file:///absolute/path} (or {@code file:/absolute/path}): that file;
 *   <li>{@code file://riko/data/<name>}: {@code <name>} in the data directory, where riko keeps its
 *       bundled data files;
 *   <li>any other {@code file://relative/path}: that path relative to the working directory;
 *   <li>a bare {@code <name>} without a scheme (riko's offline mode, e.g. {@code quote.json}):
 *       {@code <name>} in the data directory.
 * </ul>
 *
 * <p>Percent escapes in {@code file:} URLs are decoded ({@code %20} is a space; {@code +} stays a
 * plus). The data directory is given to the constructor; {@link #defaultDataDirectory()} is the
 * system property {@value #DATA_DIRECTORY_PROPERTY} when set, else {@code riko/data} under the
 * working directory (riko's own layout).
 *
 * <p>Files are opened and read in chunks of {@value #CHUNK_SIZE} bytes on
 * {@link Schedulers#boundedElastic()}, never on the caller's thread; the handler sees no content
 * type, so text is decoded with the module's {@code encoding}. A missing or unreadable file is a
 * {@link FetchException} naming the URL and the path it resolved to.
 */
public final class FileFetcher implements ResourceFetcher {

  /** The system property that sets {@link #defaultDataDirectory()}. */
  public static final String DATA_DIRECTORY_PROPERTY = "riko.data.dir";

  /** How many bytes each body chunk holds at most. */
  public static final int CHUNK_SIZE = 16 * 1024;

  private static final String RIKO_DATA = "riko/data/";

  private final Path dataDirectory;

  /** A fetcher resolving riko's data names against {@code dataDirectory}. */
  public FileFetcher(Path dataDirectory) {
    this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
  }

  /** A fetcher resolving riko's data names against {@link #defaultDataDirectory()}. */
  public FileFetcher() {
    this(defaultDataDirectory());
  }

  /**
   * The system property {@value #DATA_DIRECTORY_PROPERTY} when set, else {@code riko/data} under
   * the working directory.
   */
  public static Path defaultDataDirectory() {
    String configured = System.getProperty(DATA_DIRECTORY_PROPERTY);
    Path directory = configured == null || configured.isBlank() ? Path.of("riko", "data") : Path.of(configured);
    return directory.toAbsolutePath().normalize();
  }

  /** The folder riko's bundled data names resolve against. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * The file a URL or bare name stands for.
   *
   * @throws IllegalArgumentException when {@code url} is neither a {@code file:} URL nor a bare
   *     name, or is not a usable path
   */
  public Path resolve(String url) {
    try {
      if (!url.regionMatches(true, 0, "file:", 0, 5)) {
        if (url.contains("://")) {
          throw new IllegalArgumentException("not a file: URL or a bare data file name: " + url);
        }
        return dataDirectory.resolve(url).normalize();
      }
      String rest = percentDecode(url.substring(5));
      if (rest.startsWith("///") || (rest.startsWith("/") && !rest.startsWith("//"))) {
        return Path.of(rest.substring(rest.startsWith("///") ? 2 : 0)).normalize();
      }
      String relative = rest.startsWith("//") ? rest.substring(2) : rest;
      if (relative.startsWith(RIKO_DATA)) {
        return dataDirectory.resolve(relative.substring(RIKO_DATA.length())).normalize();
      }
      return Path.of(relative).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a usable path: " + url + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Streams the file behind the request's URL to {@code handler}; headers are ignored.
   *
   * @return the handler's values, or a {@link FetchException} naming the URL and the path
   */
  @Override
  public <T> Flux<T> fetch(ResourceRequest request, ResourceHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(request, "request");
    String url = request.url();
    return Mono.fromCallable(() -> check(url))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMapMany(path -> handler.handle(new ResourceInfo(url, null), chunks(url, path)));
  }

  private Path check(String url) {
    Path path;
    try {
      path = resolve(url);
    } catch (IllegalArgumentException e) {
      throw new FetchException(url, e.getMessage(), e);
    }
    if (!Files.exists(path)) {
      throw new FetchException(url, "no such file: " + path, null);
    }
    if (!Files.isRegularFile(path)) {
      throw new FetchException(url, "not a regular file: " + path, null);
    }
    if (!Files.isReadable(path)) {
      throw new FetchException(url, "file not readable: " + path, null);
    }
    return path;
  }

  private static Flux<byte[]> chunks(String url, Path path) {
    return Flux.using(
            () -> FileChannel.open(path, StandardOpenOption.READ),
            channel -> Flux.<byte[]>generate(sink -> {
              ByteBuffer buffer = ByteBuffer.allocate(CHUNK_SIZE);
              try {
                int read = channel.read(buffer);
                if (read < 0) {
                  sink.complete();
                } else {
                  sink.next(Arrays.copyOf(buffer.array(), read));
                }
              } catch (IOException e) {
                sink.error(e);
              }
            }),
            FileFetcher::closeQuietly)
        .onErrorMap(IOException.class, e -> new FetchException(url, "error reading " + path + ": " + e, e))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was written; a failing close loses nothing
    }
  }

  /** Decodes {@code %XX} escapes as UTF-8; a {@code %} not followed by two hex digits stays as it is. */
  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT), 16));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }
}
