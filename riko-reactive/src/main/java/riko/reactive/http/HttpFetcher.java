package riko.reactive.http;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceHandler;
import riko.spi.ResourceInfo;
import riko.spi.ResourceRequest;

/**
 * Reads {@code http:} and {@code https:} URLs with Reactor Netty, within the limits of an
 * {@link HttpFetcherConfig}: one {@link HttpClient} and one connection pool per fetcher, shared by
 * every fetch it makes.
 *
 * <p>Each fetch is a {@code GET}:
 * <ul>
 *   <li><b>Connections</b> come from the fetcher's own pool: at most {@code maxConnectionsPerHost}
 *       per host, at most {@code maxPendingAcquires} requests waiting for one (each for at most
 *       {@code pendingAcquireTimeout}); idle connections are closed after {@code maxIdleTime}.
 *   <li><b>Time</b>: {@code connectTimeout} to connect, {@code responseTimeout} of silence at most,
 *       and a {@code deadline} for the whole fetch (redirects, retries and the whole body).
 *   <li><b>Size</b>: gzip and deflate bodies are decoded on the fly; at most
 *       {@code maxResponseBytes} decoded bytes are read, then the download stops with an error.
 *   <li><b>Redirects</b> (301, 302, 303, 307, 308) are followed up to {@code maxRedirects} hops, to
 *       {@code http:} and {@code https:} URLs only; a loop is an error naming the chain. The
 *       {@code Authorization}, {@code Cookie} and {@code Proxy-Authorization} headers are sent only
 *       to the origin (scheme, host and port) of the URL asked for. The handler sees the final URL.
 *   <li><b>Retries</b>: a connection failure (refused, reset, closed or silent before the response)
 *       and the statuses 429, 502, 503 and 504 are retried up to {@code maxRetries} times, with
 *       jittered exponential backoff from {@code retryBackoff} up to {@code maxRetryBackoff}, or
 *       after the server's {@code Retry-After} (seconds or an HTTP date) when it sends one; a
 *       {@code Retry-After} longer than {@code maxRetryAfter} fails at once. Nothing is retried
 *       once the response has reached the handler, so a reader never sees data twice.
 *   <li><b>Headers</b>: {@code User-Agent} (default {@code riko-java/<version>}),
 *       {@code Accept-Encoding: gzip, deflate}, the config's {@code headers}, then the request's
 *       own (a name already set is replaced).
 * </ul>
 *
 * <p>The response body reaches the {@link ResourceHandler} as a stream of byte arrays while the
 * connection is open, so a handler that stops early (a {@code truncate} downstream) closes the
 * connection, which frees its place in the pool, and stops the download. Nothing here blocks: the
 * handler runs on Netty's event loop and must hand blocking or heavy work to another scheduler.
 *
 * <p>Failures are {@link FetchException}s naming the URL (and where it was redirected): a status
 * outside 2xx (with the status code and reason), a refused or timed-out connection, a transfer
 * that breaks off, a limit reached (naming the limit and its setting). When retries were made the
 * message says how many attempts there were. Errors raised by the handler itself pass through
 * unchanged.
 *
 * <pre>{@code
 * try (HttpFetcher fetcher = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(8))) {
 *   Flux<String> types = fetcher.fetch("https://example.org/", (info, body) -> Flux.just(info.mediaType()));
 * }
 * }</pre>
 *
 * <p>A fetcher is thread-safe and meant to be long-lived; {@link #close()} releases its pooled
 * connections.
 */
public final class HttpFetcher implements ResourceFetcher, AutoCloseable {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpFetcherConfig config;
  private final ConnectionProvider connections;
  private final HttpClient client;
  private final RetryPolicy retries;

  /** A fetcher with its own connection pool, configured by {@code config}. */
  public HttpFetcher(HttpFetcherConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.retries = new RetryPolicy(config.retryBackoff(), config.maxRetryBackoff());
    this.connections = ConnectionProvider.builder("riko-http")
        .maxConnections(config.maxConnectionsPerHost())
        .pendingAcquireMaxCount(config.maxPendingAcquires())
        .pendingAcquireTimeout(config.pendingAcquireTimeout())
        .maxIdleTime(config.maxIdleTime())
        .maxLifeTime(config.maxLifeTime())
        .evictInBackground(config.maxIdleTime())
        .build();
    this.client = HttpClient.create(connections)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
        .responseTimeout(config.responseTimeout())
        .compress(true)
        .followRedirect(false)
        .headers(headers -> headers
            .set(HttpHeaderNames.USER_AGENT, config.userAgent())
            .set(HttpHeaderNames.ACCEPT_ENCODING, "gzip, deflate"));
  }

  /** A fetcher with {@link HttpFetcherConfig#defaults()}. */
  public HttpFetcher() {
    this(HttpFetcherConfig.defaults());
  }

  /** The settings this fetcher was made with. */
  public HttpFetcherConfig config() {
    return config;
  }

  /**
   * GETs the request's URL and streams what {@code handler} makes of the response body. Nothing
   * happens until the result is subscribed to; each subscription fetches anew.
   *
   * @param request an {@code http:} or {@code https:} URL and headers to send with it
   * @param handler reads the response; called once, with the final URL after redirects and the
   *     response's {@code Content-Type}
   * @return the handler's values, or a {@link FetchException} naming the URL
   */
  @Override
  public <T> Flux<T> fetch(ResourceRequest request, ResourceHandler<T> handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    return Flux.defer(() -> {
      Fetch<T> fetch = new Fetch<>(request, handler);
      Mono<T> deadline = Mono.delay(config.deadline()).then(Mono.error(() -> new FetchException(request.url(),
          fetch.where(), -1, "not finished within " + HttpFetcherConfig.show(config.deadline()) + " (deadline)", null)));
      return send(fetch, request.url(), List.of(), 1).takeUntilOther(deadline);
    });
  }

  /** Releases the pooled connections; fetches still running may fail. */
  @Override
  public void close() {
    connections.dispose();
  }

  /**
   * One request to {@code url}, the {@code attempt}-th to it, after following the redirects in
   * {@code chain}; what comes next (a redirect, a retry, an error) is decided by {@link #after}.
   */
  private <T> Flux<T> send(Fetch<T> fetch, String url, List<String> chain, int attempt) {
    fetch.current = url;
    boolean sameOrigin = CredentialHeaders.sameOrigin(url, fetch.request.url());
    return client
        .headers(headers -> {
          addHeaders(headers, config.headers(), sameOrigin);
          addHeaders(headers, fetch.request.headers(), sameOrigin);
        })
        .get()
        .uri(url)
        .responseConnection((response, connection) -> respond(fetch, url, response, connection))
        .onErrorResume(e -> after(fetch, url, chain, attempt, e));
  }

  private static void addHeaders(HttpHeaders headers, Map<String, String> extra, boolean sameOrigin) {
    extra.forEach((name, value) -> {
      if (sameOrigin || !CredentialHeaders.isCredential(name)) {
        headers.set(name, value);
      }
    });
  }

  private <T> Flux<T> respond(Fetch<T> fetch, String url, HttpClientResponse response, Connection connection) {
    int code = response.status().code();
    HttpHeaders headers = response.responseHeaders();
    if (REDIRECTS.contains(code)) {
      return discardBody(connection, new Redirect(code, headers.get(HttpHeaderNames.LOCATION)));
    }
    if (code < 200 || code > 299) {
      return discardBody(connection, new StatusFailure(code, response.status().reasonPhrase(), headers.get(HttpHeaderNames.RETRY_AFTER)));
    }
    long declared = declaredLength(headers);
    if (declared > config.maxResponseBytes()) {
      return discardBody(connection, new PassThrough(tooLarge(fetch, "declares " + declared + " bytes (Content-Length), more than")));
    }
    ResourceInfo info = new ResourceInfo(url, headers.get(HttpHeaderNames.CONTENT_TYPE));
    // From here on the silence that counts is the server's only (BodySilenceTimeout).
    connection.removeHandler(NettyPipeline.ResponseTimeoutHandler);
    connection.addHandlerLast(BodySilenceTimeout.NAME, new BodySilenceTimeout(config.responseTimeout()));
    ByteBufFlux body = connection.inbound().receive();
    AtomicBoolean bodyRead = new AtomicBoolean();
    Flux<byte[]> bytes = Flux.defer(() -> {
      bodyRead.set(true);
      long[] total = {0};
      return body.asByteArray().<byte[]>handle((chunk, sink) -> {
        total[0] += chunk.length;
        if (total[0] > config.maxResponseBytes()) {
          sink.error(tooLarge(fetch, "is larger than"));
        } else {
          sink.next(chunk);
        }
      });
    }).onErrorMap(e -> asFetchException(fetch, e, 1));
    return Flux.from(fetch.handler.handle(info, bytes))
        .onErrorMap(PassThrough::new)
        .doFinally(signal -> {
          if (!bodyRead.get()) {
            connection.dispose(); // the handler never read the body: release it
          }
        });
  }

  /**
   * Fails with {@code error} without reading the response body (a redirect, an error status, a
   * body declared too large): the connection is closed, which releases the body's buffers (left
   * unread, they would leak).
   */
  private static <T> Flux<T> discardBody(Connection connection, Throwable error) {
    connection.dispose();
    return Flux.error(error);
  }

  private FetchException tooLarge(Fetch<?> fetch, String what) {
    return new FetchException(fetch.request.url(), fetch.where(), -1, "the response " + what + " "
        + config.maxResponseBytes() + " bytes (maxResponseBytes; counted after decompression)", null);
  }

  private static long declaredLength(HttpHeaders headers) {
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    if (length == null || headers.contains(HttpHeaderNames.CONTENT_ENCODING)) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Decides what follows a failed request: follow a redirect, retry, or give up. */
  private <T> Flux<T> after(Fetch<T> fetch, String url, List<String> chain, int attempt, Throwable error) {
    if (error instanceof PassThrough passed) {
      return Flux.error(passed.getCause());
    }
    if (error instanceof Redirect redirect) {
      return follow(fetch, url, chain, redirect);
    }
    boolean retryable = error instanceof StatusFailure status ? RetryPolicy.retriesStatus(status.code) : RetryPolicy.retries(error);
    if (!retryable || attempt > config.maxRetries()) {
      return Flux.error(failure(fetch, error, attempt, ""));
    }
    Duration wait = retries.backoff(attempt);
    if (error instanceof StatusFailure status && status.retryAfter != null) {
      Duration asked = RetryPolicy.retryAfter(status.retryAfter);
      if (asked != null) {
        if (asked.compareTo(config.maxRetryAfter()) > 0) {
          return Flux.error(failure(fetch, error, attempt, "; the server asked to retry after "
              + HttpFetcherConfig.show(asked) + ", longer than " + HttpFetcherConfig.show(config.maxRetryAfter())
              + " (maxRetryAfter)"));
        }
        wait = asked;
      }
    }
    return Mono.delay(wait).thenMany(Flux.defer(() -> send(fetch, url, chain, attempt + 1)));
  }

  private <T> Flux<T> follow(Fetch<T> fetch, String url, List<String> chain, Redirect redirect) {
    String original = fetch.request.url();
    String where = fetch.where();
    if (redirect.location == null || redirect.location.isBlank()) {
      return Flux.error(new FetchException(original, where, redirect.code,
          FetchException.statusText(redirect.code, "redirect") + " without a Location header", null));
    }
    URI next;
    try {
      next = URI.create(url).resolve(redirect.location.strip());
    } catch (IllegalArgumentException e) {
      return Flux.error(new FetchException(original, where, redirect.code,
          "redirected to an invalid Location '" + redirect.location + "'", e));
    }
    String nextUrl = next.toString();
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Flux.error(new FetchException(original, where, redirect.code,
          "redirected to " + nextUrl + ", which is not an http or https URL", null));
    }
    List<String> hops = new ArrayList<>(chain);
    hops.add(url);
    if (hops.contains(nextUrl)) {
      return Flux.error(new FetchException(original, original, redirect.code,
          "redirect loop: " + String.join(" -> ", hops) + " -> " + nextUrl, null));
    }
    if (hops.size() > config.maxRedirects()) {
      return Flux.error(new FetchException(original, original, redirect.code, "more than " + config.maxRedirects()
          + " redirects (maxRedirects): " + String.join(" -> ", hops) + " -> " + nextUrl, null));
    }
    return send(fetch, nextUrl, List.copyOf(hops), 1);
  }




  private FetchException failure(Fetch<?> fetch, Throwable error, int attempts, String more) {
    String tries = attempts > 1 ? " (gave up after " + attempts + " attempts)" : "";
    if (error instanceof StatusFailure status) {
      return FetchException.status(fetch.request.url(), fetch.where(), status.code, status.reason, more + tries);
    }
    return asFetchException(fetch, error, attempts);
  }

  private FetchException asFetchException(Fetch<?> fetch, Throwable error, int attempts) {
    if (error instanceof FetchException fetchException) {
      return fetchException;
    }
    String problem;
    String name = error.getClass().getSimpleName();
    if (error instanceof ReadTimeoutException) {
      problem = "the server sent nothing for " + HttpFetcherConfig.show(config.responseTimeout()) + " (responseTimeout)";
    } else if (error instanceof io.netty.channel.ConnectTimeoutException) {
      problem = "no connection within " + HttpFetcherConfig.show(config.connectTimeout()) + " (connectTimeout)";
    } else if (error instanceof TimeoutException && name.startsWith("PoolAcquire")) {
      problem = "no connection to the host became free within " + HttpFetcherConfig.show(config.pendingAcquireTimeout())
          + " (pendingAcquireTimeout; at most " + config.maxConnectionsPerHost() + " per host, maxConnectionsPerHost)";
    } else if (name.equals("PoolAcquirePendingLimitException")) {
      problem = "more than " + config.maxPendingAcquires() + " requests are waiting for a connection to the host "
          + "(maxPendingAcquires)";
    } else {
      String message = error.getMessage();
      problem = message == null || message.isBlank() ? name : message;
    }
    String tries = attempts > 1 ? " (gave up after " + attempts + " attempts)" : "";
    return new FetchException(fetch.request.url(), fetch.where(), -1, problem + tries, error);
  }

  /** One call of {@link #fetch}: what was asked, and the URL being read now (for messages). */
  private static final class Fetch<T> {
    final ResourceRequest request;
    final ResourceHandler<T> handler;
    volatile String current;

    Fetch(ResourceRequest request, ResourceHandler<T> handler) {
      this.request = request;
      this.handler = handler;
      this.current = request.url();
    }

    /** The URL asked for, and where it was redirected if it was. */
    String where() {
      String now = current;
      return now.equals(request.url()) ? now : request.url() + " (redirected to " + now + ")";
    }
  }

  /** Carries an error that must reach the caller unchanged (the handler's own, or a final one). */
  private static final class PassThrough extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PassThrough(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /** The server answered with a redirect. */
  private static final class Redirect extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;
    final @Nullable String location;

    Redirect(int code, @Nullable String location) {
      super("redirect " + code, null, false, false);
      this.code = code;
      this.location = location;
    }
  }

  /** The server answered with a status outside 2xx that is no redirect. */
  private static final class StatusFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;
    final String reason;
    final @Nullable String retryAfter;

    StatusFailure(int code, String reason, @Nullable String retryAfter) {
      super("status " + code, null, false, false);
      this.code = code;
      this.reason = reason;
      this.retryAfter = retryAfter;
    }
  }
}
