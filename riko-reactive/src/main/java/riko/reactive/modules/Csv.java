package riko.reactive.modules;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.StandardFetcher;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;

/**
 * riko's {@code csv}: fetches a delimited text file and emits one item per row. A source: it
 * ignores its input item's fields and runs once per input item (once when called without input).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code url} (text or list of texts, required): the file; a list is read URL by URL, in
 *       order ({@link StandardFetcher} URL forms).
 *   <li>{@code delimiter} (one character, default {@code ,}): the field delimiter.
 *   <li>{@code quotechar} (one character, default {@code "}): the quote character; a doubled quote
 *       inside a quoted field is a literal quote, and quoted fields may span lines.
 *   <li>{@code encoding} (text, default {@code utf-8}): the charset when the response names none
 *       and is not {@code text/*} ({@link ResponseCharset}).
 *   <li>{@code skip_rows} (int, default 0): physical lines dropped before the header.
 *   <li>{@code has_header} (bool, default true): the first line read is a header.
 *   <li>{@code col_names} (list of texts, default none): names used instead of the header's; with
 *       {@code has_header} false, names for a file without header.
 *   <li>{@code sanitize} (bool, default false): names slugified with {@code _} (lower-case ASCII,
 *       runs of other characters become {@code _}).
 *   <li>{@code dedupe} (bool, default true): repeated names get suffixes {@code _2}, {@code _3}...
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with every HTTP fetch.
 * </ul>
 *
 * <p><b>Emits</b> one item per row, in file order, values as text (not trimmed). Names: the header
 * (or {@code col_names}) with blank names removed (QUIRK: the later columns shift left onto them),
 * then sanitized, then deduplicated; without header and {@code col_names}, {@code column_1} ..
 * {@code column_N}. Extra fields are dropped, missing trailing fields are {@code null}, rows whose
 * values are all blank are skipped, a leading byte-order mark is removed, and a dotted name nests
 * (QUIRK: {@code No. of Journeys} gives {@code {"No": {" of Journeys": "8"}}}). Rows stream out as
 * the bytes arrive (details in {@link DelimitedRecords}: Python's csv state machine, fed chunk by
 * chunk without blocking); cancelling downstream (a {@code truncate}) stops the download. riko's
 * async engine reads the whole file first; the output is the same.
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a missing {@code url}, a
 * {@code delimiter} or {@code quotechar} that is not one character, or an unknown {@code encoding}
 * is a {@link ConfException} naming the key. At runtime, a fetch that fails (HTTP status outside
 * 2xx, connection refused, missing file) is a {@link ModuleException} naming the module and the
 * URL, after the rows already emitted; riko's sync engine logs it and yields nothing instead. An
 * empty file yields nothing (riko fails on it).
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> rows = Csv.read(Csv.Conf.of(List.of("file://riko/data/spreadsheet.csv")), StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "csv",
 *  "conf": {"url": {"type": "url", "value": "http://example.org/data.csv"},
 *           "delimiter": {"type": "text", "value": ";"}}}
 * }</pre>
 */
public final class Csv extends FetchingModule<Csv.Conf> {

  private static final String NAME = "csv";

  /**
   * A typed conf for Java callers; see the class comment for each key.
   *
   * @param urls the files, read in order
   * @param delimiter the field delimiter
   * @param quotechar the quote character
   * @param encoding the charset for responses that name none
   * @param skipRows physical lines dropped before the header (negative counts as 0)
   * @param hasHeader whether the first line read is a header
   * @param colNames explicit column names; empty for none
   * @param sanitize whether names are slugified
   * @param dedupe whether repeated names get suffixes
   * @param headers request headers sent with every HTTP fetch
   */
  public record Conf(List<String> urls, char delimiter, char quotechar, Charset encoding, int skipRows,
      boolean hasHeader, List<String> colNames, boolean sanitize, boolean dedupe, Map<String, String> headers) {
    /** Copies the lists. */
    public Conf {
      Objects.requireNonNull(encoding, "encoding");
      urls = List.copyOf(urls);
      colNames = List.copyOf(colNames);
      headers = Map.copyOf(headers);
    }

    /** riko's defaults for {@code urls}. */
    public static Conf of(List<String> urls) {
      return new Conf(urls, ',', '"', StandardCharsets.UTF_8, 0, true, List.of(), false, true, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      DelimitedRecords.Layout layout = DelimitedRecords.Layout.from(conf, false, ",");
      return new Conf(SourceFetch.urls(conf, "the CSV file to read"), layout.delimiter(), layout.quote(),
          ResponseCharset.forEncoding(conf.module(), conf.text("encoding", "utf-8")), layout.skipRows(),
          layout.hasHeader(), layout.colNames(), layout.sanitize(), layout.dedupe(), SourceFetch.headers(conf));
    }

    DelimitedRecords.Layout layout() {
      return new DelimitedRecords.Layout(delimiter, quotechar, Math.max(0, skipRows), hasHeader, colNames, sanitize,
          dedupe);
    }
  }

  /** riko's defaults. */
  static Map<String, @Nullable Object> defaults(boolean sanitize) {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("delimiter", ",");
    defaults.put("quotechar", "\"");
    defaults.put("encoding", "utf-8");
    defaults.put("skip_rows", 0L);
    defaults.put("sanitize", sanitize);
    defaults.put("dedupe", true);
    defaults.put("col_names", null);
    defaults.put("has_header", true);
    return defaults;
  }

  /** The module, as registered. */
  public Csv() {
    super(ModuleMetadata.source(NAME, "Fetches a CSV file and emits one item per row."),
        ProcessorSpec.source(defaults(false)),
        Conf::from, Csv::read);
  }

  private static Flux<Item> read(Conf conf, ResourceFetcher fetcher, String label) {
    return read(conf.urls(), conf.layout(), conf.encoding(), conf.headers(), fetcher, label);
  }

  /**
   * The rows of every URL of {@code conf}, read with {@code fetcher}, for Java callers. Errors are
   * {@link ModuleException}s labelled {@code csv}.
   */
  public static Flux<Item> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  /** The rows of every URL, as csv and fetchtable's CSV/TSV read them. */
  static Flux<Item> read(List<String> urls, DelimitedRecords.Layout layout, Charset encoding,
      Map<String, String> headers, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    return Flux.fromIterable(urls).concatMap(url -> rows(url, layout, encoding, headers, fetcher, label), 0);
  }

  /** The rows of one URL. */
  static Flux<Item> rows(String url, DelimitedRecords.Layout layout, Charset encoding, Map<String, String> headers,
      ResourceFetcher fetcher, String label) {
    return SourceFetch.fetch(fetcher, url, headers, label, (info, body) ->
        DelimitedRecords.read(ResponseCharset.decode(body, ResponseCharset.of(info, encoding)), layout));
  }
}
