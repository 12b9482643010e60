package riko.reactive.modules;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.StandardFetcher;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;

/**
 * riko's {@code fetchtext}: emits the lines of a text file, one raw string per line. A source: it
 * ignores its input item's fields and runs once per input item (once when called without input).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code url} (text or list of texts, required): the text; a list is read URL by URL, in
 *       order. {@code http(s):} URLs, {@code file:} URLs and bare data file names, as
 *       {@link StandardFetcher} reads them (or the context's fetcher).
 *   <li>{@code encoding} (text, default {@code utf-8}): the charset when the response names none
 *       and is not {@code text/*}; a {@code text/*} response without charset is ISO-8859-1, and a
 *       charset named by the server always wins ({@link ResponseCharset}).
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with every HTTP fetch.
 * </ul>
 *
 * <p><b>Emits</b> every line as a raw string (an item reading as {@code {"content": line}}), with
 * surrounding whitespace stripped as Python's {@code str.strip()} strips it, empty lines included,
 * in order. Lines end at Python's {@code splitlines} boundaries ({@code \n}, {@code \r\n},
 * {@code \r}, and the rarer ones listed in {@link TextLines}). The body is decoded as it arrives
 * (characters split across chunks are joined) and each line is emitted as soon as its break has
 * arrived; cancelling downstream (a {@code truncate}) stops the download.
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a missing {@code url} or an unknown
 * {@code encoding} is a {@link ConfException} naming the key. At runtime, a fetch that fails (HTTP
 * status outside 2xx, connection refused, missing file) is a {@link ModuleException} naming the
 * module and the URL, after the lines already emitted. riko's sync engine instead logs the failure
 * and yields exactly one empty string (a QUIRK that hides broken sources); riko-java reports it.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<String> lines = FetchText.read(
 *     new FetchText.Conf(List.of("file://riko/data/lorem.txt"), StandardCharsets.UTF_8),
 *     StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "fetchtext",
 *  "conf": {"url": {"type": "url", "value": "http://example.org/lorem.txt"}}}
 * }</pre>
 */
public final class FetchText extends FetchingModule<FetchText.Conf> {

  private static final String NAME = "fetchtext";

  /**
   * A typed conf for Java callers.
   *
   * @param urls the texts, read in order
   * @param encoding the charset for responses that name none (see the class comment)
   * @param headers request headers sent with every HTTP fetch
   */
  public record Conf(List<String> urls, Charset encoding, Map<String, String> headers) {
    /** Copies the lists. */
    public Conf {
      Objects.requireNonNull(encoding, "encoding");
      urls = List.copyOf(urls);
      headers = Map.copyOf(headers);
    }

    /** A conf without extra request headers. */
    public Conf(List<String> urls, Charset encoding) {
      this(urls, encoding, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      return new Conf(SourceFetch.urls(conf, "the text file to read"),
          ResponseCharset.forEncoding(conf.module(), conf.text("encoding", "utf-8")), SourceFetch.headers(conf));
    }
  }

  /** The module, as registered. */
  public FetchText() {
    super(ModuleMetadata.source(NAME, "Fetches a text file and emits its lines."),
        ProcessorSpec.source(Map.<String, @Nullable Object>of("encoding", "utf-8")),
        Conf::from, FetchText::read);
  }

  /**
   * The stripped lines of every URL of {@code conf}, read with {@code fetcher}, for Java callers.
   * Errors are {@link ModuleException}s labelled {@code fetchtext}.
   */
  public static Flux<String> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  private static Flux<String> read(Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    return Flux.fromIterable(conf.urls()).concatMap(url -> SourceFetch.<String>fetch(fetcher, url, conf.headers(), label,
        (info, body) -> TextLines.of(ResponseCharset.decode(body, ResponseCharset.of(info, conf.encoding())))
            .map(ElementConversion::pyStrip)), 0);
  }
}
