package riko.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a source module asks a {@link ResourceFetcher} for: a URL and the request headers to send
 * with it (HTTP only; other schemes ignore them).
 *
 * <pre>{@code
 * ResourceRequest request = ResourceRequest.of("https://example.org/feed.xml")
 *     .withHeaders(Map.of("Authorization", "Bearer " + token));
 * }</pre>
 *
 * @param url an {@code http(s):} or {@code file:} URL, or a bare data file name
 * @param headers extra request headers, in the order given; they add to (and for the same name
 *     replace) the fetcher's own
 */
public record ResourceRequest(String url, Map<String, String> headers) {

  /** Copies the headers; neither the URL nor a header name or value may be null. */
  public ResourceRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "header name"),
        Objects.requireNonNull(value, () -> "value of header " + name)));
    headers = Collections.unmodifiableMap(copy);
  }

  /** A request for {@code url} without extra headers. */
  public static ResourceRequest of(String url) {
    return new ResourceRequest(url, Map.of());
  }

  /** A copy sending these headers instead. */
  public ResourceRequest withHeaders(Map<String, String> headers) {
    return new ResourceRequest(url, headers);
  }
}
