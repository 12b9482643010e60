package riko.reactive.modules;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.StandardFetcher;
import riko.reactive.http.WholeBody;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;
import riko.value.PyStr;

/**
 * riko's {@code fetchpage}: fetches a page as text, cuts out a region, optionally strips its tags
 * and splits it into strings. A source: it ignores its input item's fields and runs once per input
 * item (once when called without input).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code url} (text or list of texts, required): the page; a list is read URL by URL, in
 *       order ({@link StandardFetcher} URL forms).
 *   <li>{@code start} (text, default none): the region starts after its first occurrence.
 *   <li>{@code end} (text, default none): the region ends before its first occurrence (one that
 *       starts the region itself is ignored).
 *   <li>{@code token} (text, default none): splits the region into several strings.
 *   <li>{@code detag} (bool, default false): removes the HTML tags.
 *   <li>{@code encoding} (text, default {@code utf-8}): the charset when the response names none
 *       and is not {@code text/*} ({@link ResponseCharset}).
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with every HTTP fetch.
 * </ul>
 *
 * <p><b>Emits</b> raw strings, as riko's sync engine computes them:
 * <ol>
 *   <li>The page's lines (each keeping its break) from the first line containing {@code start}
 *       (all lines without {@code start}) through the first following line containing {@code end}
 *       (to the last line without {@code end}) are joined with {@code "\n"}: QUIRK, every line
 *       break in the region becomes a double break.
 *   <li>The text after the first {@code start}; then, in it, the text before the first
 *       {@code end} found at offset 1 or later (all of it when there is none). QUIRK, recorded by
 *       the conformance suite: without {@code start}, riko searches for the text {@code None}
 *       (its name for a missing value) and so normally drops the first three characters of the
 *       page; riko-java does the same (the spec's DIVERGENCE ALLOWED is not taken, to match the
 *       recorded output).
 *   <li>With {@code detag}, the text chunks between tags, each followed by {@code "\n"}; character
 *       and entity references are dropped, not decoded (QUIRK; details in {@link HtmlText}).
 *   <li>Split at every {@code token} (one piece without it); each piece stripped of surrounding
 *       whitespace and emitted, empty pieces included.
 * </ol>
 * The page is read whole (up to {@link WholeBody#maxBytes()}) and cut on {@code boundedElastic},
 * off the event loop.
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a missing {@code url} or an unknown
 * {@code encoding} is a {@link ConfException} naming the key. At runtime, a fetch that fails (HTTP
 * status outside 2xx, connection refused, missing file, a page over the size limit) is a
 * {@link ModuleException} naming the module and the URL, after the strings of earlier URLs. riko's
 * sync engine logs such failures and reads the page as empty instead.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<String> title = FetchPage.read(
 *     new FetchPage.Conf(List.of("file://riko/data/cnn.html"), "<title>", "</title>", null, false,
 *         StandardCharsets.UTF_8),
 *     StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "fetchpage",
 *  "conf": {"url": {"type": "url", "value": "http://example.org/page.html"},
 *           "start": {"type": "text", "value": "<title>"}, "end": {"type": "text", "value": "</title>"}}}
 * }</pre>
 */
public final class FetchPage extends FetchingModule<FetchPage.Conf> {

  private static final String NAME = "fetchpage";

  /** What riko searches for when {@code start} is missing: Python's {@code str(None)}. */
  private static final String MISSING_START = "None";

  /**
   * A typed conf for Java callers.
   *
   * @param urls the pages, read in order
   * @param start the region starts after this text; {@code null} or empty for none
   * @param end the region ends before this text; {@code null} or empty for none
   * @param token the pieces' separator; {@code null} or empty for a single piece
   * @param detag whether to remove the HTML tags
   * @param encoding the charset for responses that name none
   * @param headers request headers sent with every HTTP fetch
   */
  public record Conf(List<String> urls, @Nullable String start, @Nullable String end, @Nullable String token,
      boolean detag, Charset encoding, Map<String, String> headers) {
    /** Copies the lists. */
    public Conf {
      Objects.requireNonNull(encoding, "encoding");
      urls = List.copyOf(urls);
      headers = Map.copyOf(headers);
    }

    /** A conf without extra request headers. */
    public Conf(List<String> urls, @Nullable String start, @Nullable String end, @Nullable String token,
        boolean detag, Charset encoding) {
      this(urls, start, end, token, detag, encoding, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      return new Conf(SourceFetch.urls(conf, "the page to read"), text(conf, "start"), text(conf, "end"),
          text(conf, "token"), conf.flag("detag", false),
          ResponseCharset.forEncoding(conf.module(), conf.text("encoding", "utf-8")), SourceFetch.headers(conf));
    }

    private static @Nullable String text(ResolvedConf conf, String key) {
      Object value = conf.get(key);
      return value == null ? null : PyStr.str(value);
    }
  }

  /** The module, as registered. */
  public FetchPage() {
    super(ModuleMetadata.source(NAME, "Fetches a page and emits the text between two markers, optionally detagged and split."),
        ProcessorSpec.source(Map.<String, @Nullable Object>of("encoding", "utf-8")),
        Conf::from, FetchPage::read);
  }

  /**
   * The strings of every URL of {@code conf}, read with {@code fetcher}, for Java callers. Errors
   * are {@link ModuleException}s labelled {@code fetchpage}.
   */
  public static Flux<String> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  private static Flux<String> read(Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    return Flux.fromIterable(conf.urls()).concatMap(url -> SourceFetch.<String>fetch(fetcher, url, conf.headers(), label,
        (info, body) -> WholeBody.read(body, url, WholeBody.maxBytes())
            .publishOn(Schedulers.boundedElastic())
            .flatMapIterable(bytes -> pieces(ResponseCharset.decode(bytes, ResponseCharset.of(info, conf.encoding())), conf))),
        0);
  }

  /** The strings riko's sync engine makes of a page. */
  static List<String> pieces(String page, Conf conf) {
    String region = cut(String.join("\n", lines(page, conf.start(), conf.end())), conf.start(), conf.end());
    String text = conf.detag() ? HtmlText.of(region) : region;
    List<String> pieces = new ArrayList<>();
    for (String piece : split(text, conf.token())) {
      pieces.add(ElementConversion.pyStrip(piece));
    }
    return pieces;
  }

  /** The lines (with their breaks) from the first containing {@code start} through the next containing {@code end}. */
  private static List<String> lines(String page, @Nullable String start, @Nullable String end) {
    List<String> kept = new ArrayList<>();
    boolean started = isEmpty(start);
    for (String line : TextLines.split(page)) {
      if (!started) {
        started = line.contains(start);
        if (!started) {
          continue;
        }
      }
      kept.add(line);
      if (!isEmpty(end) && line.contains(end)) {
        break;
      }
    }
    return kept;
  }

  /** The text after {@code start} and before the first {@code end} at offset 1 or later, as riko slices it. */
  private static String cut(String content, @Nullable String start, @Nullable String end) {
    String marker = start == null ? MISSING_START : start;
    int from = marker.isEmpty() ? 0 : content.indexOf(marker) + marker.length();
    String right = content.substring(Math.min(from, content.length()));
    if (isEmpty(end) || right.isEmpty()) {
      return right;
    }
    int at = right.indexOf(end, 1);
    return at > 0 ? right.substring(0, at) : right;
  }

  /** Python's {@code str.split(token)}, or the whole text when there is no token. */
  private static List<String> split(String text, @Nullable String token) {
    if (isEmpty(token)) {
      return List.of(text);
    }
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, from)) {
      parts.add(text.substring(from, at));
      from = at + token.length();
    }
    parts.add(text.substring(from));
    return parts;
  }

  private static boolean isEmpty(@Nullable String text) {
    return text == null || text.isEmpty();
  }
}
