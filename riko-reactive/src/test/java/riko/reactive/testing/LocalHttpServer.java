package riko.reactive.testing;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import riko.testing.SharedData;

/**
 * A real Reactor Netty HTTP server on 127.0.0.1 and a free port, for a test class:
 * {@code @RegisterExtension static final LocalHttpServer server = new LocalHttpServer();}.
 *
 * <p>It serves the shared data files ({@link SharedData}: the conformance suite's data, then riko's
 * fixtures) at {@code /<name>} with the
 * conformance runner's content types (query strings ignored, 404 for a missing file), plus:
 * {@code /status/<code>} answers that status; {@code /redirect/<name>} redirects (302) to
 * {@code /<name>}; {@code /gzip/<name>} and {@code /deflate/<name>} serve the file compressed
 * ({@code Content-Encoding: gzip} or {@code deflate}); {@code /slow/<name>} sends it chunked, in
 * {@link #SLOW_CHUNK}-byte pieces with a {@link #SLOW_DELAY} pause before each.
 *
 * <p>For the HTTP client's own tests:
 * <ul>
 *   <li>{@code /chain/<n>/<name>} redirects (302) {@code n} times, through {@code /chain/<n-1>/<name>},
 *       ending at {@code /<name>};
 *   <li>{@code /loop/a} and {@code /loop/b} redirect to each other, {@code /loop/self} to itself;
 *   <li>{@code /redirect-to?url=<url>&status=<code>} redirects to any (even relative or non-HTTP)
 *       {@code Location} with that status (default 302), also below any folder
 *       ({@code /a/b/redirect-to}) to test relative locations;
 *   <li>{@code /flaky/<key>?fail=<n>&status=<code>&retryAfter=<value>} fails its first {@code n}
 *       requests (counted per key) with that status (default 503; {@code close} drops the
 *       connection without answering) and that {@code Retry-After} header, then answers
 *       {@code ok <count>};
 *   <li>{@code /bytes/<n>?encoding=gzip|deflate} sends {@code n} bytes {@code 'x'} (with a
 *       {@code Content-Length}; compressed when asked for); {@code /endless?delayMs=<ms>} sends
 *       {@link #ENDLESS_CHUNK}-byte chunks until the client goes away, pausing between them;
 *   <li>{@code /echo-headers} answers the request's headers, one {@code name: value} per line.
 * </ul>
 *
 * <p>Tests add their own endpoints with {@link #route} and {@link #file}. Every request's headers
 * are recorded ({@link #requests()}) and counted by path ({@link #hits}).
 */
public final class LocalHttpServer implements BeforeAllCallback, AfterAllCallback {

  /** A test endpoint: what to answer to a request. */
  public interface Handler extends BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {}

  private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
      Map.entry("xml", "application/xml"),
      Map.entry("rss", "application/rss+xml"),
      Map.entry("atom", "application/atom+xml"),
      Map.entry("rdf", "application/rdf+xml"),
      Map.entry("json", "application/json"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("tsv", "text/tab-separated-values; charset=utf-8"),
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"));

  /** {@code /slow/<name>} sends this many bytes at a time... */
  public static final int SLOW_CHUNK = 64;

  /** ...with this pause before each chunk. */
  public static final Duration SLOW_DELAY = Duration.ofMillis(2);

  /** {@code /endless} sends chunks of this many bytes. */
  public static final int ENDLESS_CHUNK = 1024;

  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<HttpHeaders> requests = new CopyOnWriteArrayList<>();
  private DisposableServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = HttpServer.create()
        .host("127.0.0.1")
        .port(0)
        .handle(this::serve)
        .bindNow(Duration.ofSeconds(10));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.disposeNow(Duration.ofSeconds(5));
    }
  }

  /** The server's port. */
  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** Answers requests for {@code path} (exact, query ignored) with {@code handler}. */
  public void route(String path, Handler handler) {
    routes.put(path, handler);
  }

  /** Serves {@code body} at {@code path} with this {@code Content-Type} ({@code null}: none). */
  public void file(String path, String contentType, byte[] body) {
    route(path, (request, response) -> {
      if (contentType != null) {
        response.header(HttpHeaderNames.CONTENT_TYPE, contentType);
      }
      return response.sendByteArray(Mono.just(body));
    });
  }

  /** The headers of every request received so far, in order. */
  public List<HttpHeaders> requests() {
    return List.copyOf(requests);
  }

  /** How many requests for {@code path} (query ignored) arrived so far. */
  public int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  /** The bytes of a shared data file (conformance data, else riko's fixtures): see {@link SharedData}. */
  public static byte[] resource(String name) {
    return SharedData.file(name);
  }

  /** The conformance runner's content type for a file name. */
  public static String contentType(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
    requests.add(request.requestHeaders().copy());
    String uri = request.uri();
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Handler handler = routes.get(path);
    if (handler != null) {
      return handler.apply(request, response);
    }
    Map<String, List<String>> query = new QueryStringDecoder(uri).parameters();
    if (path.startsWith("/chain/")) {
      String[] parts = path.substring("/chain/".length()).split("/", 2);
      int left = Integer.parseInt(parts[0]);
      return response.sendRedirect(left > 1 ? "/chain/" + (left - 1) + "/" + parts[1] : "/" + parts[1]);
    }
    if (path.startsWith("/loop/")) {
      String name = path.substring("/loop/".length());
      return response.sendRedirect(name.equals("a") ? "/loop/b" : name.equals("b") ? "/loop/a" : path);
    }
    if (path.endsWith("/redirect-to")) {
      return response.status(Integer.parseInt(parameter(query, "status", "302")))
          .header(HttpHeaderNames.LOCATION, parameter(query, "url", "/"))
          .send();
    }
    if (path.startsWith("/flaky/")) {
      if (hit > Integer.parseInt(parameter(query, "fail", "1"))) {
        return response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").sendString(Mono.just("ok " + hit));
      }
      String status = parameter(query, "status", "503");
      if (status.equals("close")) {
        return Mono.<Void>fromRunnable(() -> request.withConnection(connection -> connection.channel().close()))
            .then(Mono.never());
      }
      String retryAfter = parameter(query, "retryAfter", "");
      if (!retryAfter.isEmpty()) {
        response.header(HttpHeaderNames.RETRY_AFTER, retryAfter);
      }
      return response.status(Integer.parseInt(status)).sendString(Mono.just("failing " + hit));
    }
    if (path.startsWith("/bytes/")) {
      byte[] body = new byte[Integer.parseInt(path.substring("/bytes/".length()))];
      Arrays.fill(body, (byte) 'x');
      String encoding = parameter(query, "encoding", "");
      if (!encoding.isEmpty()) {
        response.header(HttpHeaderNames.CONTENT_ENCODING, encoding);
        body = compress(body, encoding);
      }
      response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii");
      response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
      return response.sendByteArray(Mono.just(body));
    }
    if (path.equals("/endless")) {
      byte[] chunk = new byte[ENDLESS_CHUNK];
      Arrays.fill(chunk, (byte) 'x');
      Duration pause = Duration.ofMillis(Long.parseLong(parameter(query, "delayMs", "1")));
      response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii");
      return response.sendByteArray(Flux.interval(pause).map(i -> chunk.clone()));
    }
    if (path.equals("/echo-headers")) {
      StringBuilder lines = new StringBuilder();
      request.requestHeaders().forEach(header -> lines.append(header.getKey()).append(": ").append(header.getValue()).append('\n'));
      return response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").sendString(Mono.just(lines.toString()));
    }
    if (path.startsWith("/status/")) {
      int code = Integer.parseInt(path.substring("/status/".length()));
      return response.status(HttpResponseStatus.valueOf(code)).sendString(Mono.just("status " + code));
    }
    if (path.startsWith("/redirect/")) {
      return response.sendRedirect("/" + path.substring("/redirect/".length()));
    }
    if (path.startsWith("/slow/")) {
      String name = path.substring("/slow/".length());
      byte[] body = resource(name);
      response.header(HttpHeaderNames.CONTENT_TYPE, contentType(name));
      return response.sendByteArray(Flux.range(0, (body.length + SLOW_CHUNK - 1) / SLOW_CHUNK)
          .delayElements(SLOW_DELAY)
          .map(i -> Arrays.copyOfRange(body, i * SLOW_CHUNK, Math.min(body.length, (i + 1) * SLOW_CHUNK))));
    }
    String encoding = path.startsWith("/gzip/") ? "gzip" : path.startsWith("/deflate/") ? "deflate" : null;
    String name = path.substring(encoding == null ? 1 : encoding.length() + 2);
    byte[] body;
    try {
      body = resource(name);
    } catch (IllegalArgumentException missing) {
      return response.status(HttpResponseStatus.NOT_FOUND).sendString(Mono.just("not found: " + name));
    }
    response.header(HttpHeaderNames.CONTENT_TYPE, contentType(name));
    if (encoding != null) {
      response.header(HttpHeaderNames.CONTENT_ENCODING, encoding);
      body = compress(body, encoding);
    }
    return response.sendByteArray(Mono.just(body));
  }

  private static String parameter(Map<String, List<String>> query, String name, String fallback) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  private static byte[] compress(byte[] body, String encoding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.io.OutputStream zip = encoding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
