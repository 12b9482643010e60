package riko.reactive.modules;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.StandardFetcher;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;
import riko.value.PyStr;

/**
 * riko's {@code xpathfetchpage}: fetches an XML or HTML document and emits the elements an XPath
 * selects, converted Yahoo-style ({@code modules.md} S2). A source: it ignores its input item's
 * fields and runs once per input item (once when called without input).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code url} (text or list of texts, required): the document; a list is read URL by URL, in
 *       order ({@link StandardFetcher} URL forms).
 *   <li>{@code xpath} (text, default none: the whole document): the XPath, evaluated from the root
 *       element after every {@code .} is turned into {@code /} (QUIRK, S2: {@code ./a} or
 *       {@code ..} are mangled); unprefixed names match elements of the root's default namespace.
 *   <li>{@code html5} (bool, default false): accepted for compatibility; HTML is always parsed with
 *       jsoup's HTML5 parser, and its element and attribute names carry no XHTML namespace.
 *   <li>{@code encoding} (text, default {@code utf-8}): the charset of XML and HTML when the
 *       response names none and is not {@code text/*} ({@link ResponseCharset}).
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with every HTTP fetch.
 * </ul>
 * The format comes from the extension of the URL's last path segment: {@code xml}, {@code html},
 * or {@code json} (read like fetchdata's JSON, with the xpath as a dotted path); an {@code http(s)}
 * URL without extension is HTML.
 *
 * <p><b>Emits</b>, per URL, in document order: each selected element converted per S2 (a map as an
 * item, text as {@code {"content": text}}), selected attributes and text nodes as
 * {@code {"content": value}}, nothing when nothing matches; without an xpath, the converted root
 * element (a map as one item, text as a raw value). XML and HTML are read whole and parsed on
 * {@code boundedElastic}; XML is parsed securely (no DTD loading, no external entities). JSON
 * streams as {@link FetchData} describes.
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a missing {@code url}, a URL without
 * extension that is not {@code http(s)}, an extension other than xml, html and json ("Invalid
 * file type"), an unknown {@code encoding}: each a {@link ConfException} naming the key (the same
 * URL problems from an item's value are {@link ModuleException}s). At runtime, as a
 * {@link ModuleException} naming the module and the URL, after the items already emitted: a fetch
 * that fails (HTTP status outside 2xx, connection refused, missing file), invalid XML or JSON, an
 * XPath the JDK cannot evaluate. riko's sync engine logs fetch failures instead.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> items = XPathFetchPage.read(
 *     new XPathFetchPage.Conf(List.of("file://riko/data/ouseful.xml"), "/rss/channel/item", StandardCharsets.UTF_8),
 *     StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "xpathfetchpage",
 *  "conf": {"url": {"type": "url", "value": "http://example.org/page"},
 *           "xpath": {"type": "text", "value": "/html/body/ul/li"}}}
 * }</pre>
 */
public final class XPathFetchPage extends ProcessorModule {

  private static final String NAME = "xpathfetchpage";

  /**
   * A typed conf for Java callers.
   *
   * @param urls the documents, read in order
   * @param xpath the XPath (dots become slashes); empty for the whole document
   * @param encoding the charset for documents that do not name theirs
   * @param headers request headers sent with every HTTP fetch
   */
  public record Conf(List<String> urls, String xpath, Charset encoding, Map<String, String> headers) {
    /**
     * Copies the lists and checks every URL's extension.
     *
     * @throws ConfException when a URL names no format xpathfetchpage reads
     */
    public Conf {
      Objects.requireNonNull(xpath, "xpath");
      Objects.requireNonNull(encoding, "encoding");
      urls = List.copyOf(urls);
      headers = Map.copyOf(headers);
      for (String url : urls) {
        format(url, problem -> new ConfException(NAME, "url", problem));
      }
    }

    /** A conf without extra request headers. */
    public Conf(List<String> urls, String xpath, Charset encoding) {
      this(urls, xpath, encoding, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      List<String> urls = SourceFetch.urls(conf, "the XML, HTML or JSON document to read");
      for (String url : urls) {
        format(url, problem -> new ConfException(conf.module(), "url", problem));
      }
      return from(urls, conf);
    }

    /** The conf without its URLs (read item by item, each checked when its turn comes). */
    static Conf withoutUrls(ResolvedConf conf) {
      return from(List.of(), conf);
    }

    private static Conf from(List<String> urls, ResolvedConf conf) {
      Object xpath = conf.get("xpath");
      return new Conf(urls, xpath == null ? "" : PyStr.str(xpath),
          ResponseCharset.forEncoding(conf.module(), conf.text("encoding", "utf-8")), SourceFetch.headers(conf));
    }
  }

  /** The module, as registered. */
  public XPathFetchPage() {
    super(ModuleMetadata.source(NAME, "Fetches an XML or HTML page and emits the elements an XPath selects."),
        ProcessorSpec.source(Map.<String, @Nullable Object>of("encoding", "utf-8")));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    List<String> urls = SourceFetch.urls(conf, "the XML, HTML or JSON document to read");
    Conf settings = Conf.withoutUrls(conf);
    ResourceFetcher fetcher = StandardFetcher.forContext(call.context());
    return ProcessorResult.stream(
        Flux.fromIterable(urls).concatMap(url -> readOne(url, settings, fetcher, call.label()), 0));
  }

  /**
   * The items of every URL of {@code conf}, read with {@code fetcher}, for Java callers. Errors are
   * {@link ModuleException}s labelled {@code xpathfetchpage}.
   */
  public static Flux<Item> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  private static Flux<Item> read(Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    return Flux.fromIterable(conf.urls()).concatMap(url -> readOne(url, conf, fetcher, label), 0);
  }

  private static Flux<Item> readOne(String url, Conf conf, ResourceFetcher fetcher, String label) {
    DocumentFormat format = format(url, problem -> new ModuleException(label, "url " + problem));
    return FetchData.document(url, Optional.of(format), conf.xpath(), conf.encoding(), conf.headers(), fetcher, label);
  }

  /** riko's choice: the URL's extension, or HTML for an {@code http(s)} URL without one. */
  private static DocumentFormat format(String url, Function<String, RuntimeException> failure) {
    String extension = DocumentFormat.extension(url);
    return switch (extension) {
      case "xml" -> DocumentFormat.XML;
      case "html" -> DocumentFormat.HTML;
      case "json" -> DocumentFormat.JSON;
      case "" -> {
        if (url.startsWith("http")) {
          yield DocumentFormat.HTML;
        }
        throw failure.apply("has no extension: " + url + " (xpathfetchpage reads xml, html and json, and "
            + "http(s) URLs without extension as html)");
      }
      default -> throw failure.apply("has an Invalid file type '" + extension + "' for " + url
          + " (xpathfetchpage reads xml, html and json)");
    };
  }
}
