package riko.spi;

import reactor.core.publisher.Flux;

/**
 * Reads the resource behind a URL as a stream of byte chunks, for the fetching modules. The
 * standard implementation (riko-reactive) speaks HTTP over Reactor Netty and reads
 * {@code file:} URLs; tests and embedders may supply their own.
 *
 * <p>The body is handed to {@code handler} while the resource is open, so the handler's
 * publisher controls the read: cancelling it (a {@code truncate} downstream) stops the
 * download. Implementations never block the calling thread.
 */
public interface ResourceFetcher {

  /**
   * Opens the request's URL and streams what {@code handler} makes of it.
   *
   * @param request the URL, and headers to send with it
   * @param handler turns the response's metadata and body chunks into values
   * @return the handler's values; an error naming the URL when it cannot be read
   */
  <T> Flux<T> fetch(ResourceRequest request, ResourceHandler<T> handler);

  /**
   * Opens {@code url} (without extra headers) and streams what {@code handler} makes of it.
   *
   * @param url an {@code http(s):} or {@code file:} URL
   * @param handler turns the response's metadata and body chunks into values
   * @return the handler's values; an error naming the URL when it cannot be read
   */
  default <T> Flux<T> fetch(String url, ResourceHandler<T> handler) {
    return fetch(ResourceRequest.of(url), handler);
  }
}
