package riko.reactive.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps credentials with the server they were meant for: {@code Authorization}, {@code Cookie}
 * and {@code Proxy-Authorization} headers given for one origin (scheme, host and port) are not
 * sent to another, whether a redirect or a document (a page advertising a feed) leads there.
 *
 * <pre>{@code
 * Map<String, String> safe = CredentialHeaders.forUrl(headers, feedLink, pageUrl);
 * }</pre>
 */
public final class CredentialHeaders {

  private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

  private CredentialHeaders() {}

  /** Whether {@code name} is a credential header (any letter case). */
  public static boolean isCredential(String name) {
    return CREDENTIALS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The headers that may go with a request to {@code url} when they were given for
   * {@code origin}: all of them on the same origin, all but the credentials elsewhere.
   */
  public static Map<String, String> forUrl(Map<String, String> headers, String url, String origin) {
    if (headers.isEmpty() || sameOrigin(url, origin)) {
      return headers;
    }
    Map<String, String> kept = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      if (!isCredential(name)) {
        kept.put(name, value);
      }
    });
    return kept;
  }

  /** Whether two URLs have the same scheme, host and port (default ports filled in). */
  public static boolean sameOrigin(String url, String other) {
    if (url.equals(other)) {
      return true;
    }
    try {
      URI a = URI.create(url);
      URI b = URI.create(other);
      return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
          && Objects.equals(lower(a.getHost()), lower(b.getHost()))
          && port(a) == port(b);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static @Nullable String lower(@Nullable String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
