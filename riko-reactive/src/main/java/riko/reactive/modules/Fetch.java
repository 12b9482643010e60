package riko.reactive.modules;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.feed.FeedEntries;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.StandardFetcher;
import riko.reactive.http.WholeBody;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;
import riko.value.Cast;
import riko.value.PyStr;

/**
 * riko's {@code fetch}: fetches RSS, Atom, RDF or JSON feeds and emits their entries. A source: it
 * ignores its input item's fields and runs once per input item (once when called without input),
 * so {@code {"url": {"subkey": "link"}}} fetches one feed per item.
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code url} (text or list of texts; default none): the feeds, read in order.
 *       {@code http(s):} URLs, {@code file:} URLs and bare data file names, as
 *       {@link StandardFetcher} reads them. Missing or empty: nothing is emitted.
 *   <li>{@code encoding} (text, default {@code utf-8}): the charset of an XML feed that names
 *       none. Feeds are otherwise decoded as the document says (byte order mark, XML
 *       declaration), or with the response's charset when the server names one.
 *   <li>{@code delay} (number of seconds, default 0): waits this long, without blocking, before
 *       fetching (riko's async engine's network-latency simulation).
 *   <li>{@code memoize} (bool): accepted, no effect.
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with every HTTP fetch.
 * </ul>
 *
 * <p><b>Emits</b> one item per feed entry, in feed order, shaped as {@code modules.md} S1 says
 * ({@link FeedEntries}): feedparser's entry keys ({@code title}, {@code title_detail},
 * {@code link}, {@code links}, {@code id}, {@code guidislink}, {@code published},
 * {@code published_parsed}, {@code updated}, {@code summary}, {@code summary_detail},
 * {@code content}, {@code authors}, {@code author_detail}, {@code tags}, {@code comments},
 * extension elements as {@code prefix_localname}) and riko's additions ({@code author} as
 * {@code {name, uri}}, {@code dc:creator}, {@code y:id}, {@code y:title}, {@code y:published},
 * {@code pubDate}, {@code updated_parsed}). Dates are UTC time tuples. A feed is read whole (up
 * to {@link WholeBody#maxBytes()}) and parsed on {@code boundedElastic}.
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: an unknown {@code encoding}, or a
 * {@code delay} that is not a number, is a {@link ConfException}. At runtime, as a
 * {@link ModuleException} naming the module and the URL, after the entries already emitted: a
 * fetch that fails (HTTP status outside 2xx, connection refused, missing file), and a document
 * that is not a feed (neither RSS, Atom, RDF nor JSON Feed; a feed with no entries is not an
 * error). riko logs these and yields nothing; riko-java reports them, so that a broken source is
 * never mistaken for an empty one. Malformed XML is read leniently: what entries can be recovered
 * are emitted.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> entries = Fetch.read(new Fetch.Conf(List.of("file://riko/data/feed.xml")), StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "fetch",
 *  "conf": {"url": {"type": "url", "value": "http://example.org/feed.xml"}}}
 * }</pre>
 */
public final class Fetch extends FetchingModule<Fetch.Conf> {

  private static final String NAME = "fetch";

  /**
   * A typed conf for Java callers.
   *
   * @param urls the feeds, read in order
   * @param encoding the charset of an XML feed that names none
   * @param delay how long to wait before fetching
   * @param headers request headers sent with every HTTP fetch
   */
  public record Conf(List<String> urls, Charset encoding, Duration delay, Map<String, String> headers) {
    /** Copies the lists; the delay must not be negative. */
    public Conf {
      urls = List.copyOf(urls);
      headers = Map.copyOf(headers);
      Objects.requireNonNull(encoding, "encoding");
      if (delay.isNegative()) {
        throw new ConfException(NAME, "delay", "must not be negative, was " + delay);
      }
    }

    /** The feeds, read as UTF-8 unless they say otherwise, without delay or extra headers. */
    public Conf(List<String> urls) {
      this(urls, StandardCharsets.UTF_8, Duration.ZERO, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      List<String> urls = new ArrayList<>();
      if (conf.get("url") != null) {
        for (Object each : conf.list("url")) {
          String url = each == null ? "" : PyStr.str(each);
          if (!url.isEmpty()) {
            urls.add(url);
          }
        }
      }
      Charset encoding = ResponseCharset.forEncoding(conf.module(), conf.text("encoding", "utf-8"));
      return new Conf(urls, encoding, delay(conf), SourceFetch.headers(conf));
    }

    private static Duration delay(ResolvedConf conf) {
      Object value = conf.get("delay");
      if (value == null || (value instanceof String s && s.isBlank())) {
        return Duration.ZERO;
      }
      double seconds;
      try {
        seconds = Cast.toFloat(value);
      } catch (RuntimeException e) {
        throw new ConfException(conf.module(), "delay", "must be a number of seconds, was " + PyStr.repr(value));
      }
      if (Double.isNaN(seconds) || seconds < 0) {
        throw new ConfException(conf.module(), "delay", "must be a non-negative number of seconds, was " + PyStr.repr(value));
      }
      return Duration.ofNanos((long) (seconds * 1e9));
    }
  }

  /** The module, as registered. */
  public Fetch() {
    super(ModuleMetadata.source(NAME, "Fetches RSS, Atom, RDF or JSON feeds and emits their entries."),
        ProcessorSpec.source(Map.<String, @Nullable Object>of("encoding", "utf-8", "delay", 0L)),
        Conf::from, Fetch::read);
  }

  /**
   * The entries of every feed of {@code conf}, read with {@code fetcher}, for Java callers.
   * Errors are {@link ModuleException}s labelled {@code fetch}.
   */
  public static Flux<Item> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  private static Flux<Item> read(Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    if (conf.urls().isEmpty()) {
      return Flux.empty();
    }
    Flux<Item> entries = Flux.fromIterable(conf.urls())
        .concatMap(url -> entries(fetcher, url, conf.headers(), conf.encoding(), label), 0);
    return conf.delay().isZero() ? entries : Mono.delay(conf.delay()).thenMany(entries);
  }

  /** The entries of one feed; failures are {@link ModuleException}s naming {@code label} and the URL. */
  static Flux<Item> entries(ResourceFetcher fetcher, String url, Map<String, String> headers, Charset encoding,
      String label) {
    return SourceFetch.<Item>fetch(fetcher, url, headers, label, (info, body) ->
        WholeBody.read(body, url, WholeBody.maxBytes())
            .publishOn(Schedulers.boundedElastic())
            .flatMapIterable(bytes -> FeedEntries.read(bytes, info.contentType(), encoding)));
  }
}
