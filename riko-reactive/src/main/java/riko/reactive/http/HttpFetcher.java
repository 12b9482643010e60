package riko.reactive.http;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceHandler;
import riko.spi.ResourceRequest;
import riko.spi.ResourceInfo;

/**
 * Reads {@code http:} and {@code https:} URLs with Reactor Netty: one {@link HttpClient} and one
 * connection pool per fetcher, shared by every fetch it makes, set up from an
 * {@link HttpFetcherConfig}.
 *
 * <p>Each fetch is a {@code GET} that accepts gzip and deflate (decompressed on the fly) and
 * follows redirects. The response body reaches the {@link ResourceHandler} as a stream of byte
 * arrays while the connection is open, so a handler that stops early (a {@code truncate}
 * downstream) closes the connection and stops the download. Nothing here blocks: the handler runs
 * on Netty's event loop and must hand blocking or heavy work to another scheduler.
 *
 * <p>Failures are {@link FetchException}s naming the URL: a status outside 2xx (with the status
 * code and reason), a refused or timed-out connection, a transfer that breaks off. Errors raised
 * by the handler itself pass through unchanged.
 *
 * <pre>{@code
 * try (HttpFetcher fetcher = new HttpFetcher(HttpFetcherConfig.defaults())) {
 *   Flux<String> types = fetcher.fetch("https://example.org/", (info, body) -> Flux.just(info.mediaType()));
 * }
 * }</pre>
 *
 * <p>A fetcher is thread-safe and meant to be long-lived; {@link #close()} releases its pooled
 * connections.
 */
public final class HttpFetcher implements ResourceFetcher, AutoCloseable {

  private final HttpFetcherConfig config;
  private final ConnectionProvider connections;
  private final HttpClient client;

  /** A fetcher with its own connection pool, configured by {@code config}. */
  public HttpFetcher(HttpFetcherConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.connections = ConnectionProvider.builder("riko-http")
        .maxConnections(config.maxConnectionsPerHost())
        .pendingAcquireMaxCount(-1)
        .maxIdleTime(Duration.ofSeconds(20))
        .build();
    this.client = HttpClient.create(connections)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
        .responseTimeout(config.responseTimeout())
        .compress(true)
        .followRedirect(true)
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
   * GETs the request's URL and streams what {@code handler} makes of the response body.
   *
   * @param request an {@code http:} or {@code https:} URL and headers to send with it
   * @param handler reads the response; called once, with the final URL after redirects and the
   *     response's {@code Content-Type}
   * @return the handler's values, or a {@link FetchException} naming the URL
   */
  @Override
  public <T> Flux<T> fetch(ResourceRequest request, ResourceHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    String url = request.url();
    return Flux.defer(() -> client.headers(headers -> request.headers().forEach(headers::set)).get()
            .uri(url)
            .response((response, body) -> read(url, response, body, handler)))
        .onErrorMap(e -> e instanceof HandlerFailure failure ? failure.getCause() : asFetchException(url, e));
  }

  private <T> Flux<T> read(String url, HttpClientResponse response, ByteBufFlux body, ResourceHandler<T> handler) {
    String finalUrl = response.resourceUrl() != null ? response.resourceUrl() : url;
    int code = response.status().code();
    if (code < 200 || code > 299) {
      String where = finalUrl.equals(url) ? url : url + " (redirected to " + finalUrl + ")";
      return Flux.error(FetchException.status(where, code, response.status().reasonPhrase()));
    }
    ResourceInfo info = new ResourceInfo(finalUrl, response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE));
    Flux<byte[]> bytes = body.asByteArray().onErrorMap(e -> asFetchException(url, e));
    return Flux.from(handler.handle(info, bytes)).onErrorMap(HandlerFailure::new);
  }

  private Throwable asFetchException(String url, Throwable error) {
    if (error instanceof FetchException) {
      return error;
    }
    if (error instanceof ReadTimeoutException) {
      return new FetchException(url, "the server sent nothing for " + config.responseTimeout(), error);
    }
    String message = error.getMessage();
    return new FetchException(url, message == null || message.isBlank() ? error.getClass().getSimpleName() : message, error);
  }

  /** Releases the pooled connections; fetches still running may fail. */
  @Override
  public void close() {
    connections.dispose();
  }

  /** Carries an error raised by the handler past the transport error mapping, unchanged. */
  private static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerFailure(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
