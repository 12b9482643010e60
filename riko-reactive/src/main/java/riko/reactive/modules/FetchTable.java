package riko.reactive.modules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.StandardFetcher;
import riko.reactive.http.WholeBody;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;
import riko.value.PyStr;

/**
 * riko's {@code fetchtable}: reads a table file into items, choosing the reader by the URL's
 * extension. A source: it ignores its input item's fields and runs once per input item (once when
 * called without input).
 *
 * <p><b>Conf.</b> The keys of {@link Csv} ({@code url}, {@code delimiter}, {@code quotechar},
 * {@code encoding}, {@code skip_rows}, {@code has_header}, {@code col_names}, {@code sanitize},
 * {@code dedupe}, {@code headers}) with the same defaults, except that {@code sanitize} defaults to
 * TRUE. The table keys only apply to CSV and TSV.
 *
 * <p><b>Formats</b>, by the extension of the URL's last path segment, case-insensitive:
 * <ul>
 *   <li>{@code csv}: as {@link Csv} (streamed row by row).
 *   <li>{@code tsv}: as {@link Csv} with a tab delimiter unless the conf names one. (riko passes
 *       its default {@code ,} delimiter over the tab dialect, so its TSV reading only works with
 *       an explicit tab delimiter; riko-java follows the spec's "tab-delimited".)
 *   <li>{@code json}: a root array gives one item per non-null element (objects as items, other
 *       values as raw values), streamed as parsed; a root object is one item; a root string is
 *       {@code {"content": s}}; a root number or boolean is an error (fetchdata's JSON reading
 *       without a path).
 *   <li>{@code yaml}, {@code yml}: the first document; a list gives one item per non-null element
 *       (maps as items, other values as raw values), a map is one item, anything else is an error.
 *       Read whole and parsed on {@code boundedElastic}. Scalars keep YAML's types as Jackson
 *       reads them (integers, floats, booleans, text; dates stay text).
 * </ul>
 * riko also reads {@code xls}, {@code xlsx}, {@code mdb}, {@code geojson}, {@code sqlite},
 * {@code dbf}, {@code html} and {@code fixed}; riko-java does not support them yet.
 *
 * <p><b>Emits</b> one item per row or record, in file order. CSV and TSV as {@link Csv} describes
 * (with the sanitize default: {@code No. of Journeys} becomes {@code no_of_journeys}, its
 * duplicates {@code no_of_journeys_2}, {@code no_of_journeys_3}).
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a missing {@code url}; a URL without
 * extension or with one riko does not know ("Invalid file type"); one of the formats not supported
 * yet (the message lists them); a {@code delimiter} or {@code quotechar} that is not one character;
 * an unknown {@code encoding}: each a {@link ConfException} naming the key. With a URL read from
 * an item the same URL problems are {@link ModuleException}s. At runtime, as a
 * {@link ModuleException} naming the module and the URL, after the items already emitted: a fetch
 * that fails (HTTP status outside 2xx, connection refused, missing file), invalid JSON or YAML, a
 * document that is not a table. riko's sync engine logs fetch failures and yields nothing instead.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> rows = FetchTable.read(FetchTable.Conf.of(List.of("file://riko/data/spreadsheet.csv")),
 *     StandardFetcher.shared());
 * }</pre>
 * In a pipeline:
 * <pre>{@code
 * {"id": "sw-1", "type": "fetchtable",
 *  "conf": {"url": {"type": "url", "value": "http://example.org/data.tsv"}}}
 * }</pre>
 */
public final class FetchTable extends ProcessorModule {

  private static final String NAME = "fetchtable";

  /** The extensions riko-java reads. */
  static final List<String> SUPPORTED = List.of("csv", "tsv", "json", "yaml", "yml");

  /** The extensions riko reads that riko-java does not read yet. */
  static final List<String> NOT_YET = List.of("xls", "xlsx", "mdb", "geojson", "sqlite", "dbf", "html", "fixed");

  private enum Format { CSV, TSV, JSON, YAML }

  /**
   * A typed conf for Java callers; see {@link Csv} for each key.
   *
   * @param urls the files, read in order
   * @param delimiter the field delimiter; {@code null} for the format's own ({@code ,} for CSV,
   *     tab for TSV)
   * @param quotechar the quote character
   * @param encoding the charset for responses that name none
   * @param skipRows physical lines dropped before the header (negative counts as 0)
   * @param hasHeader whether the first line read is a header
   * @param colNames explicit column names; empty for none
   * @param sanitize whether names are slugified
   * @param dedupe whether repeated names get suffixes
   * @param headers request headers sent with every HTTP fetch
   */
  public record Conf(List<String> urls, @Nullable Character delimiter, char quotechar, Charset encoding, int skipRows,
      boolean hasHeader, List<String> colNames, boolean sanitize, boolean dedupe, Map<String, String> headers) {
    /**
     * Copies the lists and checks every URL's extension.
     *
     * @throws ConfException when a URL names no format fetchtable reads
     */
    public Conf {
      Objects.requireNonNull(encoding, "encoding");
      urls = List.copyOf(urls);
      colNames = List.copyOf(colNames);
      headers = Map.copyOf(headers);
      for (String url : urls) {
        format(url, message -> new ConfException(NAME, "url", message));
      }
    }

    /** riko's defaults for {@code urls} (sanitize on). */
    public static Conf of(List<String> urls) {
      return new Conf(urls, null, '"', StandardCharsets.UTF_8, 0, true, List.of(), true, true, Map.of());
    }

    /** The conf without its URLs (read item by item, each checked when its turn comes). */
    static Conf withoutUrls(ResolvedConf conf, boolean explicitDelimiter) {
      return from(List.of(), conf, explicitDelimiter);
    }

    static Conf from(ResolvedConf conf, boolean explicitDelimiter) {
      List<String> urls = SourceFetch.urls(conf, "the table file to read");
      for (String url : urls) {
        format(url, message -> new ConfException(conf.module(), "url", message));
      }
      return from(urls, conf, explicitDelimiter);
    }

    private static Conf from(List<String> urls, ResolvedConf conf, boolean explicitDelimiter) {
      DelimitedRecords.Layout layout = DelimitedRecords.Layout.from(conf, true, ",");
      return new Conf(urls, explicitDelimiter ? layout.delimiter() : null, layout.quote(),
          ResponseCharset.forEncoding(conf.module(), conf.text("encoding", "utf-8")), layout.skipRows(),
          layout.hasHeader(), layout.colNames(), layout.sanitize(), layout.dedupe(), SourceFetch.headers(conf));
    }

    DelimitedRecords.Layout layout(char defaultDelimiter) {
      return new DelimitedRecords.Layout(delimiter != null ? delimiter : defaultDelimiter, quotechar,
          Math.max(0, skipRows), hasHeader, colNames, sanitize, dedupe);
    }
  }

  /** The module, as registered. */
  public FetchTable() {
    super(ModuleMetadata.source(NAME, "Fetches a table (CSV, TSV, JSON, YAML) and emits one item per row."),
        ProcessorSpec.source(Csv.defaults(true)));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(resolved -> Conf.from(resolved, call.conf().has("delimiter")));
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    List<String> urls = SourceFetch.urls(conf, "the table file to read");
    Conf settings = Conf.withoutUrls(conf, call.conf().has("delimiter"));
    ResourceFetcher fetcher = StandardFetcher.forContext(call.context());
    return ProcessorResult.stream(
        Flux.fromIterable(urls).concatMap(url -> readOne(url, settings, fetcher, call.label()), 0));
  }

  /**
   * The records of every URL of {@code conf}, read with {@code fetcher}, for Java callers. Errors
   * are {@link ModuleException}s labelled {@code fetchtable}.
   */
  public static Flux<Item> read(Conf conf, ResourceFetcher fetcher) {
    return read(conf, fetcher, NAME);
  }

  private static Flux<Item> read(Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    return Flux.fromIterable(conf.urls()).concatMap(url -> readOne(url, conf, fetcher, label), 0);
  }

  private static Flux<Item> readOne(String url, Conf conf, ResourceFetcher fetcher, String label) {
    return switch (format(url, message -> new ModuleException(label, "url " + message))) {
      case CSV -> Csv.rows(url, conf.layout(','), conf.encoding(), conf.headers(), fetcher, label);
      case TSV -> Csv.rows(url, conf.layout('\t'), conf.encoding(), conf.headers(), fetcher, label);
      case JSON -> SourceFetch.fetch(fetcher, url, conf.headers(), label,
          (info, body) -> JsonRecords.read(label, url, "", body, ResponseCharset.of(info, conf.encoding())));
      case YAML -> SourceFetch.fetch(fetcher, url, conf.headers(), label, (info, body) ->
          WholeBody.read(body, url, WholeBody.maxBytes())
              .publishOn(Schedulers.boundedElastic())
              .flatMapIterable(bytes -> yaml(ResponseCharset.decode(bytes, ResponseCharset.of(info, conf.encoding())),
                  label, url)));
    };
  }

  /** The records of a YAML document: a list's non-null elements, or a map as one item. */
  static List<Item> yaml(String text, String label, String url) {
    Object document;
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      document = parser.nextToken() == null ? null : ItemJson.readValue(parser);
    } catch (IOException e) {
      throw new ModuleException(label, "invalid YAML in " + url + ": " + e.getMessage(), e);
    }
    if (document instanceof List<?> list) {
      List<Item> records = new ArrayList<>(list.size());
      for (Object element : list) {
        if (element != null) {
          records.add(Item.ofValue(element));
        }
      }
      return records;
    }
    if (document instanceof Item record && !record.isRaw()) {
      return List.of(record);
    }
    if (document instanceof Map<?, ?>) {
      return List.of(Item.ofValue(document));
    }
    throw new ModuleException(label, "the YAML document " + url + " is not a table (a list of records or one record), "
        + "it is " + PyStr.repr(document));
  }

  /** The format of a URL, or the error {@code failure} makes of the problem. */
  private static Format format(String url, Function<String, RuntimeException> failure) {
    String extension = DocumentFormat.extension(url).toLowerCase(Locale.ROOT);
    return switch (extension) {
      case "csv" -> Format.CSV;
      case "tsv" -> Format.TSV;
      case "json" -> Format.JSON;
      case "yaml", "yml" -> Format.YAML;
      default -> {
        if (Set.copyOf(NOT_YET).contains(extension)) {
          throw failure.apply("names a ." + extension + " file (" + url + "): fetchtable does not support " + extension
              + " yet (riko-java reads " + String.join(", ", SUPPORTED) + "; not yet " + String.join(", ", NOT_YET) + ")");
        }
        throw failure.apply("has an Invalid file type '" + extension + "' for " + url + " (fetchtable reads "
            + String.join(", ", SUPPORTED) + ")");
      }
    };
  }
}
