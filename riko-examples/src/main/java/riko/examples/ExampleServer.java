package riko.examples;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The examples' web server: a Reactor Netty {@link HttpServer} on 127.0.0.1 (a free port) serving
 * the bundled data files ({@code riko-examples/data}, on the class path under
 * {@code riko/examples/data/}) by name, so that every example fetches over real HTTP without
 * the internet: {@code server.url("crimes.json")} is {@code http://127.0.0.1:PORT/crimes.json}.
 *
 * <pre>{@code
 * try (ExampleServer server = ExampleServer.start(Duration.ofMillis(100))) {
 *   List<Item> items = SyncCollection.ofUrls(server.url("news.xml"), server.url("events.xml"))
 *       .withParallel(true).toList();
 *   System.out.println(server.requests() + " requests, " + server.maxInFlight() + " at once");
 * }
 * }</pre>
 *
 * <p>It counts the requests and the largest number answered at once, and can hold each response
 * back for a fixed delay so that concurrent fetching shows (two sources fetched at once take one
 * delay, not two). Content types follow the file extension ({@code .json}, {@code .xml},
 * {@code .html}, {@code .txt}); in an HTML file, {@code {{server}}} is replaced by the server's
 * own base URL (a page that links a feed on the same server). An unknown name is a 404, any method
 * but GET a 405. Files are read off the event loop, once, and kept in memory.
 */
public final class ExampleServer implements AutoCloseable {

  private static final String DATA = "riko/examples/data/";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Handler handler;
  private final DisposableServer server;

  private ExampleServer(Duration delay) {
    this.handler = new Handler(delay);
    this.server = HttpServer.create().host("127.0.0.1").port(0).handle(handler::serve).bindNow();
  }

  /** A server answering at once. */
  public static ExampleServer start() {
    return start(Duration.ZERO);
  }

  /**
   * A server holding each response back for {@code delay}, so that concurrent fetches are visible.
   *
   * @throws IllegalArgumentException when {@code delay} is negative
   */
  public static ExampleServer start(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    return new ExampleServer(delay);
  }

  /** The URL of a bundled file: {@code url("crimes.json")}. */
  public String url(String name) {
    return "http://" + address() + "/" + name;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return "127.0.0.1:" + server.port();
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** How long each response is held back. */
  public Duration delay() {
    return handler.delay;
  }

  /** How many requests have arrived so far. */
  public int requests() {
    return handler.requested.size();
  }

  /** The paths requested so far, in order of arrival, e.g. {@code ["/news.xml", "/events.xml"]}. */
  public List<String> requested() {
    return List.copyOf(handler.requested);
  }

  /** The largest number of requests that were being answered at the same time. */
  public int maxInFlight() {
    return handler.maxInFlight.get();
  }

  /** Stops the server (its open connections are closed). */
  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }

  /** Answers requests and keeps the counts; separate from the server so that nothing escapes a constructor. */
  private static final class Handler {
    private final Duration delay;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    Handler(Duration delay) {
      this.delay = delay;
    }

    Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
      String path = request.fullPath();
      requested.add(path);
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Mono<Void> reply;
      if (!HttpMethod.GET.equals(request.method())) {
        reply = response.status(HttpResponseStatus.METHOD_NOT_ALLOWED).send();
      } else {
        String name = request.path();
        String host = request.requestHeaders().get(HttpHeaderNames.HOST, "127.0.0.1");
        Mono<Void> wait = delay.isZero() ? Mono.empty() : Mono.delay(delay).then();
        reply = wait.then(file(name)).flatMap(body -> body
            .map(bytes -> response.status(HttpResponseStatus.OK)
                .header(HttpHeaderNames.CONTENT_TYPE, contentType(name))
                .sendByteArray(Mono.just(withServer(name, bytes, "http://" + host)))
                .then())
            .orElseGet(() -> response.status(HttpResponseStatus.NOT_FOUND).send().then()));
      }
      return reply.doFinally(signal -> inFlight.decrementAndGet());
    }

    /** The file's bytes (empty when there is no such file), read on boundedElastic, once. */
    private Mono<Optional<byte[]>> file(String name) {
      if (!NAME.matcher(name).matches()) {
        return Mono.just(Optional.empty());
      }
      Optional<byte[]> known = files.get(name);
      if (known != null) {
        return Mono.just(known);
      }
      return Mono.fromCallable(() -> files.computeIfAbsent(name, Handler::read))
          .subscribeOn(Schedulers.boundedElastic());
    }

    private static Optional<byte[]> read(String name) {
      try (InputStream in = ExampleServer.class.getClassLoader().getResourceAsStream(DATA + name)) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled file " + name, e);
      }
    }

    private static byte[] withServer(String name, byte[] bytes, String base) {
      if (!name.endsWith(".html")) {
        return bytes;
      }
      return new String(bytes, StandardCharsets.UTF_8).replace("{{server}}", base).getBytes(StandardCharsets.UTF_8);
    }

    private static String contentType(String name) {
      String extension = name.substring(name.lastIndexOf('.') + 1);
      return switch (extension) {
        case "json" -> "application/json";
        case "xml" -> "application/xml";
        case "html" -> "text/html; charset=utf-8";
        case "txt" -> "text/plain; charset=utf-8";
        default -> "application/octet-stream";
      };
    }
  }
}
