package riko.reactive.modules;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.StandardFetcher;
import riko.reactive.http.WholeBody;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceInfo;
import riko.value.PyStr;

/**
 * riko's {@code fetchdata}: fetches a JSON, XML or HTML document and emits the records found at a
 * path. A source: it ignores its input item's fields and runs once per input item (once when
 * called without input).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code url} (text or list of texts, required): the document; a list is read URL by URL,
 *       in order. {@code http(s):} URLs, {@code file:} URLs and bare data file names, as
 *       {@link StandardFetcher} reads them (or the context's fetcher).
 *   <li>{@code path} (dotted text, or a list of segments joined with {@code .}; default none):
 *       where the records are.
 *   <li>{@code encoding} (text, default {@code utf-8}): the charset of XML, HTML, and JSON chosen
 *       by content type, when the response names none and is not {@code text/*}
 *       ({@link ResponseCharset}). JSON chosen by its {@code .json} extension is read as UTF-8
 *       bytes, as riko reads it.
 *   <li>{@code html5} (bool, default false): accepted for compatibility; HTML is always parsed
 *       with jsoup's HTML5 parser.
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with every HTTP fetch.
 * </ul>
 * The format comes from the extension of the URL's last path segment ({@code .json},
 * {@code .xml}, {@code .html}); without one, from the response's content type (any {@code xml}
 * type, any {@code json} type, else the subtype {@code html}).
 *
 * <p><b>Emits</b>, per URL, in document order:
 * <ul>
 *   <li>JSON without a path: a root array's non-null elements (objects as items, scalars as raw
 *       values); a root object as one item, keys as written; a root string as
 *       {@code {"content": s}}.
 *   <li>JSON with a path ({@code conf.md} 6.2: case-insensitive keys, plucking across lists of
 *       objects, integer segments index lists of scalars): a list's non-null elements; a single
 *       object as one item with all keys lower-cased (QUIRK); text as {@code {"content": s}};
 *       nothing there as {@code {"content": ""}} (QUIRK). The root must be an object. Values are
 *       read as an item reads them: typed-value maps ({@code {"value": x}}) collapse
 *       ({@code conf.md} 6.5).
 *   <li>XML and HTML (S2): with a path, each selected element converted Yahoo-style (attributes
 *       and child elements as keys, text as {@code content}, repeated children as lists; an
 *       element holding only text gives {@code {"content": text}}); selected attributes and text
 *       give {@code {"content": value}}; no match gives nothing. Without a path, the converted
 *       root element (a map as one item, text as a raw value).
 * </ul>
 * JSON is parsed as it arrives with Jackson's non-blocking parser: when the path leads through
 * objects to an array (or there is no path and the root is an array), each element is emitted as
 * soon as it has been read, and cancelling downstream (a {@code truncate}) stops the download.
 * XML and HTML need the whole document; they are parsed on {@code boundedElastic}, off the event
 * loop.
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a missing {@code url}, a URL whose
 * extension is not json, xml or html ("Invalid file type"), or an unknown {@code encoding} is a
 * {@link ConfException} naming the key. At runtime, as a {@link ModuleException} naming the
 * module and the URL, after the records already emitted: a fetch that fails (HTTP status outside
 * 2xx, connection refused, missing file), a document whose format cannot be told, invalid JSON or
 * XML, a JSON path selecting a number or boolean, and a path on a JSON document whose root is not
 * an object. riko's own sync engine logs fetch failures and invalid JSON and yields nothing
 * instead ({@code conf.md} 8 lets a port choose); riko-java reports them, so that a broken source
 * is never mistaken for an empty one. When an object repeats a key along the path (in any letter
 * case), the streaming reader follows the first one where riko keeps the last; an object on the
 * path whose only keys are {@code value} (and {@code type}) is walked into rather than collapsed.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> jobs = FetchData.read(
 *     new FetchData.Conf(List.of("file://riko/data/gigs.json"), "value.items", StandardCharsets.UTF_8),
 *     StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "fetchdata",
 *  "conf": {"url": {"type": "url", "value": "http://example.org/people.json"},
 *           "path": {"type": "text", "value": "people"}}}
 * }</pre>
 */
public final class FetchData extends FetchingModule<FetchData.Conf> {

  private static final String NAME = "fetchdata";

  /**
   * A typed conf for Java callers.
   *
   * @param urls the documents, read in order
   * @param path where the records are (dotted); empty for the whole document
   * @param encoding the charset for documents that do not name theirs (see the class comment)
   * @param headers request headers sent with every HTTP fetch
   */
  public record Conf(List<String> urls, String path, Charset encoding, Map<String, String> headers) {
    /** Checks every URL's extension. */
    public Conf {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(encoding, "encoding");
      urls = List.copyOf(urls);
      headers = Map.copyOf(headers);
      for (String url : urls) {
        checkExtension(NAME, url);
      }
    }

    /** A conf without extra request headers. */
    public Conf(List<String> urls, String path, Charset encoding) {
      this(urls, path, encoding, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      List<String> urls = SourceFetch.urls(conf, "the JSON, XML or HTML document to read");
      for (String url : urls) {
        checkExtension(conf.module(), url);
      }
      Charset encoding = ResponseCharset.forEncoding(conf.module(), conf.text("encoding", "utf-8"));
      return new Conf(urls, path(conf.get("path")), encoding, SourceFetch.headers(conf));
    }

    private static String path(@Nullable Object path) {
      if (path == null) {
        return "";
      }
      if (path instanceof List<?> segments) {
        List<String> texts = new ArrayList<>(segments.size());
        for (Object segment : segments) {
          texts.add(PyStr.str(segment));
        }
        return String.join(".", texts);
      }
      return PyStr.str(path);
    }

    private static void checkExtension(String module, String url) {
      try {
        DocumentFormat.byExtension(url);
      } catch (IllegalArgumentException e) {
        throw new ConfException(module, "url", "has an " + e.getMessage());
      }
    }
  }

  /** The module, as registered. */
  public FetchData() {
    super(ModuleMetadata.source(NAME, "Fetches a JSON, XML or HTML document and emits the records at a path."),
        ProcessorSpec.source(Map.<String, @Nullable Object>of("encoding", "utf-8")),
        Conf::from, FetchData::read);
  }

  /**
   * The records of every URL of {@code conf}, read with {@code fetcher}, for Java callers.
   * Errors are {@link ModuleException}s labelled {@code fetchdata}.
   */
  public static Flux<Item> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  private static Flux<Item> read(Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    return Flux.fromIterable(conf.urls()).concatMap(url -> readOne(url, conf, fetcher, label), 0);
  }

  private static Flux<Item> readOne(String url, Conf conf, ResourceFetcher fetcher, String label) {
    return document(url, DocumentFormat.byExtension(url), conf.path(), conf.encoding(), conf.headers(), fetcher, label);
  }

  /**
   * The records at {@code path} of one document, as fetchdata reads them (shared with
   * xpathfetchpage, which decides the format its own way).
   *
   * @param format the format, when the URL tells it; else the response's content type decides
   */
  static Flux<Item> document(String url, Optional<DocumentFormat> format, String path, Charset encoding,
      Map<String, String> headers, ResourceFetcher fetcher, String label) {
    return SourceFetch.<Item>fetch(fetcher, url, headers, label, (info, body) -> {
      DocumentFormat chosen = format.orElseGet(() -> DocumentFormat.byContentType(info, label, url));
      return switch (chosen) {
        case JSON -> json(url, path, encoding, info, body, format.isPresent(), label);
        case XML -> markup(url, path, encoding, info, body, false, label);
        case HTML -> markup(url, path, encoding, info, body, true, label);
      };
    });
  }

  private static Flux<Item> json(String url, String path, Charset encoding, ResourceInfo info, Flux<byte[]> body,
      boolean byExtension, String label) {
    Charset charset = byExtension ? StandardCharsets.UTF_8 : ResponseCharset.of(info, encoding);
    return JsonRecords.read(label, url, path, body, charset);
  }

  private static Flux<Item> markup(String url, String path, Charset encoding, ResourceInfo info, Flux<byte[]> body,
      boolean html, String label) {
    Charset charset = ResponseCharset.of(info, encoding);
    return WholeBody.read(body, url, WholeBody.maxBytes())
        .publishOn(Schedulers.boundedElastic())
        .flatMapIterable(bytes -> {
          String text = ResponseCharset.decode(bytes, charset);
          Document document = html ? XmlDocuments.parseHtml(text, url) : XmlDocuments.parseXml(text, label, url);
          return records(document, path, label, url);
        });
  }

  private static List<Item> records(Document document, String path, String label, String url) {
    if (path.isEmpty()) {
      return List.of(Item.ofValue(ElementConversion.convert(document.getDocumentElement())));
    }
    List<Item> records = new ArrayList<>();
    for (Node node : XmlDocuments.select(document, path, label, url)) {
      if (node instanceof Element element) {
        Object value = ElementConversion.convert(element);
        if (value instanceof List<?> values) {
          values.forEach(each -> records.add(Item.ofValue(each)));
        } else {
          records.add(value instanceof String text ? Item.of("content", text) : Item.ofValue(value));
        }
      } else if (node instanceof Attr attribute) {
        records.add(Item.of("content", attribute.getValue()));
      } else if (node instanceof Text text) {
        records.add(Item.of("content", text.getData()));
      }
    }
    return records;
  }
}
