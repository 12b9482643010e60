package riko.reactive.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.spi.ModuleContext;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceHandler;
import riko.spi.ResourceRequest;

/**
 * The fetcher modules use when the {@link ModuleContext} names none: routes {@code http:} and
 * {@code https:} URLs to an {@link HttpFetcher}, and {@code file:} URLs and bare data file names
 * to a {@link FileFetcher}. Any other scheme is a {@link FetchException}.
 *
 * <pre>{@code
 * ResourceFetcher fetcher = StandardFetcher.forContext(call.context());
 * }</pre>
 *
 * <p>{@link #shared()} is created on first use and lives as long as the JVM: its
 * {@link HttpFetcher} uses {@link HttpFetcherConfig#fromSystemProperties()} (the defaults, changed
 * by any {@code -Driko.http.<setting>=<value>}) and its {@link FileFetcher}
 * {@link FileFetcher#defaultDataDirectory()}. To use other settings for a run, give the context a
 * fetcher of your own:
 *
 * <pre>{@code
 * HttpFetcher http = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(8));
 * ModuleContext context = ModuleContext.defaults().withFetcher(new StandardFetcher(http, new FileFetcher()));
 * }</pre>
 */
public final class StandardFetcher implements ResourceFetcher {

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private static volatile @Nullable StandardFetcher shared;

  private final HttpFetcher http;
  private final FileFetcher files;

  /** A fetcher routing to these two. */
  public StandardFetcher(HttpFetcher http, FileFetcher files) {
    this.http = Objects.requireNonNull(http, "http");
    this.files = Objects.requireNonNull(files, "files");
  }

  /**
   * The shared instance, created on first use.
   *
   * @throws IllegalArgumentException naming the property, when a {@code riko.http.*} system
   *     property is not usable (asked again, the properties are read again)
   */
  public static StandardFetcher shared() {
    StandardFetcher instance = shared;
    if (instance == null) {
      synchronized (StandardFetcher.class) {
        instance = shared;
        if (instance == null) {
          instance = configured(System.getProperties());
          shared = instance;
        }
      }
    }
    return instance;
  }

  /** A fetcher whose HTTP settings are the defaults changed by the {@code riko.http.*} properties. */
  static StandardFetcher configured(Properties properties) {
    return new StandardFetcher(new HttpFetcher(HttpFetcherConfig.fromProperties(properties)), new FileFetcher());
  }

  /** The HTTP fetcher this one routes {@code http:} and {@code https:} URLs to. */
  HttpFetcher http() {
    return http;
  }

  /**
   * The fetcher for a run: the context's own when it has one; otherwise the shared HTTP client with
   * the context's data directory (or the shared instance when the context names none).
   */
  public static ResourceFetcher forContext(ModuleContext context) {
    if (context.fetcher().isPresent()) {
      return context.fetcher().get();
    }
    return context.dataDirectory()
        .<ResourceFetcher>map(directory -> new StandardFetcher(shared().http, new FileFetcher(directory)))
        .orElseGet(StandardFetcher::shared);
  }

  /** Fetches the request's URL with the fetcher its scheme calls for. */
  @Override
  public <T> Flux<T> fetch(ResourceRequest request, ResourceHandler<T> handler) {
    Objects.requireNonNull(request, "request");
    String url = request.url();
    Matcher scheme = SCHEME.matcher(url);
    if (!scheme.find()) {
      return files.fetch(request, handler);
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    switch (name) {
      case "http":
      case "https":
        return http.fetch(request, handler);
      case "file":
        return files.fetch(request, handler);
      default:
        return Flux.error(new FetchException(url, "unsupported URL scheme '" + name + "' (use http, https or file)", null));
    }
  }
}
