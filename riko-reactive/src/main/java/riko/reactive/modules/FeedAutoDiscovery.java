package riko.reactive.modules;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.feed.FeedLinks;
import riko.reactive.http.StandardFetcher;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;
import riko.value.PyStr;

/**
 * riko's {@code feedautodiscovery}: lists the feed links an HTML page advertises. A source: runs
 * once per input item (once when called without input).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code url} (text, required): the page ({@code http(s):}, {@code file:} or a bare data file
 *       name). QUIRK: riko scans a url that is not a URL at all as HTML itself; riko-java does so
 *       for text starting with {@code <}.
 *   <li>{@code strict} (bool, default true): only a feed-like {@code type} attribute qualifies a
 *       tag; when false, an {@code href} ending with a feed suffix qualifies too.
 *   <li>{@code sort} (bool, default false): order the links by the first of
 *       {@link FeedLinks#SUFFIXES} their {@code type} ends with (stable; others last).
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with the HTTP fetch.
 * </ul>
 *
 * <p><b>Emits</b> one item per candidate tag, in document order unless sorted: every start tag
 * counts ({@code <link>}, {@code <a>}, ...) when its {@code href} is non-empty and does not start
 * with {@code /}; the item holds the tag's attributes plus {@code link} (the {@code href}, not
 * resolved against the page URL) and {@code tag} (the element name). See {@link FeedLinks}.
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a missing or empty {@code url} is a
 * {@link ConfException}. At runtime, as a {@link ModuleException} naming the module and the URL,
 * after the links already emitted: a fetch that fails (HTTP status outside 2xx, connection
 * refused, missing file). riko logs these and yields nothing.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> links = FeedAutoDiscovery.read(
 *     new FeedAutoDiscovery.Conf("file://riko/data/bbc.html", false, true), StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "feedautodiscovery",
 *  "conf": {"url": {"type": "url", "value": "http://example.org/"}, "strict": {"type": "bool", "value": false}}}
 * }</pre>
 */
public final class FeedAutoDiscovery extends FetchingModule<FeedAutoDiscovery.Conf> {

  private static final String NAME = "feedautodiscovery";

  /**
   * A typed conf for Java callers.
   *
   * @param url the page
   * @param strict whether only the {@code type} attribute qualifies a tag
   * @param sort whether to rank the links by type
   * @param headers request headers sent with the HTTP fetch
   */
  public record Conf(String url, boolean strict, boolean sort, Map<String, String> headers) {
    /** Checks the url. */
    public Conf {
      if (url.isEmpty()) {
        throw new ConfException(NAME, "url", "is required (the page to scan for feed links)");
      }
      headers = Map.copyOf(headers);
    }

    /** A conf without extra request headers. */
    public Conf(String url, boolean strict, boolean sort) {
      this(url, strict, sort, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      Object url = conf.get("url");
      if (url == null || PyStr.str(url).isEmpty()) {
        throw new ConfException(conf.module(), "url", "is required (the page to scan for feed links)");
      }
      return new Conf(PyStr.str(url), conf.flag("strict", true), conf.flag("sort", false), SourceFetch.headers(conf));
    }
  }

  /** The module, as registered. */
  public FeedAutoDiscovery() {
    super(ModuleMetadata.source(NAME, "Lists the feed links an HTML page advertises."),
        ProcessorSpec.source(Map.<String, @Nullable Object>of("strict", true, "sort", false)),
        Conf::from, FeedAutoDiscovery::read);
  }

  /** The feed links of the page, read with {@code fetcher}; errors are labelled {@code feedautodiscovery}. */
  public static Flux<Item> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  private static Flux<Item> read(Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    return FeedDiscovery.links(fetcher, conf.url(), conf.headers(), conf.strict(), conf.sort(), label);
  }
}
