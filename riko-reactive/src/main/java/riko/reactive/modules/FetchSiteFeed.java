package riko.reactive.modules;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.http.CredentialHeaders;
import riko.reactive.http.StandardFetcher;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;
import riko.value.PyStr;

/**
 * riko's {@code fetchsitefeed}: fetches the first feed an HTML page advertises and emits its
 * entries. A source: runs once per input item (once when called without input).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code url} (text, required): the page ({@code http(s):}, {@code file:} or a bare data file
 *       name).
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with both fetches;
 *       credentials ({@code Authorization}, {@code Cookie}, {@code Proxy-Authorization}) go to the
 *       feed only when it is on the page's origin ({@link CredentialHeaders}).
 * </ul>
 *
 * <p><b>Emits</b> the entries of the feed, as {@link Fetch} emits them ({@code modules.md} S1).
 * The feed is the {@code link} of the page's first feed link ({@code feedautodiscovery} strict
 * and unsorted: a {@code <link>} or other tag whose {@code type} ends with {@code rss+xml},
 * {@code atom+xml}, {@code rdf+xml} or {@code xml}, with an {@code href} not starting with
 * {@code /}). The link is not resolved against the page URL: a relative link is read as riko
 * reads any URL ({@code conf.md} 8: a bare name is a bundled data file).
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a missing {@code url} is a
 * {@link ConfException}. At runtime, as a {@link ModuleException} naming the module and the URL:
 * a page that advertises no feed (riko fails too); a fetch of the page or the feed that fails; a
 * feed that is not a feed (see {@link Fetch}). riko logs fetch failures and yields nothing.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> entries = FetchSiteFeed.read(new FetchSiteFeed.Conf("file://riko/data/bbc.html"), StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "fetchsitefeed", "conf": {"url": {"type": "url", "value": "http://example.org/"}}}
 * }</pre>
 */
public final class FetchSiteFeed extends FetchingModule<FetchSiteFeed.Conf> {

  private static final String NAME = "fetchsitefeed";

  /**
   * A typed conf for Java callers.
   *
   * @param url the page
   * @param headers request headers sent with both fetches
   */
  public record Conf(String url, Map<String, String> headers) {
    /** Checks the url. */
    public Conf {
      if (url.isEmpty()) {
        throw new ConfException(NAME, "url", "is required (the page that advertises the feed)");
      }
      headers = Map.copyOf(headers);
    }

    /** A conf without extra request headers. */
    public Conf(String url) {
      this(url, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      Object url = conf.get("url");
      if (url == null || PyStr.str(url).isEmpty()) {
        throw new ConfException(conf.module(), "url", "is required (the page that advertises the feed)");
      }
      return new Conf(PyStr.str(url), SourceFetch.headers(conf));
    }
  }

  /** The module, as registered. */
  public FetchSiteFeed() {
    super(ModuleMetadata.source(NAME, "Fetches the first feed an HTML page advertises and emits its entries."),
        ProcessorSpec.source(Map.<String, @Nullable Object>of()),
        Conf::from, FetchSiteFeed::read);
  }

  /** The entries of the page's first feed, read with {@code fetcher}; errors are labelled {@code fetchsitefeed}. */
  public static Flux<Item> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  private static Flux<Item> read(Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    return FeedDiscovery.links(fetcher, conf.url(), conf.headers(), true, false, label)
        .next()
        .switchIfEmpty(Flux.<Item>error(() -> new ModuleException(label,
            "no feed link found in " + conf.url() + " (a tag whose type ends with rss+xml, atom+xml, rdf+xml or xml)")).next())
        .flatMapMany(link -> {
          String feed = PyStr.str(link.get("link"));
          return Fetch.entries(fetcher, feed, CredentialHeaders.forUrl(conf.headers(), feed, conf.url()),
              StandardCharsets.UTF_8, label);
        });
  }

}
