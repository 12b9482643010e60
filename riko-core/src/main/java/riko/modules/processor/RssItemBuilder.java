package riko.modules.processor;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ItemTransformer;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.spi.RikoModule;

/**
 * riko's {@code rssitembuilder}: builds one RSS-style item from conf values.
 *
 * <p><b>Conf.</b> All keys optional, matched case-insensitively ({@code mediaThumbURL},
 * {@code mediathumburl}), each copied to its output key (a dot means nesting):
 *
 * <table>
 *   <caption>Conf keys and output keys</caption>
 *   <tr><th>Conf key</th><th>Output key</th></tr>
 *   <tr><td>{@code title}</td><td>{@code y:title}</td></tr>
 *   <tr><td>{@code description}</td><td>{@code description}</td></tr>
 *   <tr><td>{@code author}</td><td>{@code author}</td></tr>
 *   <tr><td>{@code guid}</td><td>{@code y:id}</td></tr>
 *   <tr><td>{@code link}</td><td>{@code link}</td></tr>
 *   <tr><td>{@code pubDate}</td><td>{@code pubDate}</td></tr>
 *   <tr><td>{@code mediaContentURL}, {@code mediaContentType}, {@code mediaContentHeight},
 *       {@code mediaContentWidth}</td><td>{@code media:content.url}, {@code .type},
 *       {@code .height}, {@code .width}</td></tr>
 *   <tr><td>{@code mediaThumbURL}, {@code mediaThumbHeight}, {@code mediaThumbWidth}</td>
 *       <td>{@code media:thumbnail.url}, {@code .height}, {@code .width}</td></tr>
 * </table>
 *
 * <p>Values are copied as resolved: typed values are cast, item references
 * ({@code {"subkey": "thumbnail"}}) read the input item, and empty strings and {@code null}s
 * are kept. Other conf keys are ignored. QUIRK: {@code pubDate} defaults to the ISO-8601
 * timestamp of the moment riko loaded the module (process start), in UTC with microseconds as
 * Python's {@code isoformat()} writes it ({@code 2026-11-24T12:43:13.907362+00:00}; no fraction
 * when it is zero), so every built item has a {@code pubDate} unless the conf sets one. This port
 * takes that timestamp once per assembly ({@link #create}) from the context's clock
 * ({@link riko.spi.ModuleContext#clock()}): every item of one assembled pipe or pipeline gets the
 * same one, which for a pipeline run from the command line is the start of the run, and a test
 * pins it with {@code ModuleContext.withClock}.
 *
 * <p><b>Emits</b> one built item per input item, REPLACING it (riko's metadata says
 * transformer, but the module always emits): the input item only serves to resolve references.
 * With {@code emit: false} the built item is assigned under {@code assign} (default
 * {@code rssitembuilder}). Run first in a pipeline, it builds one item.
 *
 * <p><b>Errors.</b> None of its own: unknown keys are ignored and every value is accepted.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * RawConf conf = RawConf.of("title", "Hi", "guid", "a1", "mediaThumbURL", "image.png");
 * Flux.just(Item.empty()).transform(new RssItemBuilder().create(ModuleCall.of("rssitembuilder", conf)));
 * // {"pubDate": "<assembly time>", "y:title": "Hi", "y:id": "a1", "media:thumbnail": {"url": "image.png"}}
 * }</pre>
 * In a pipeline: {@code {"type": "rssitembuilder", "conf": {"title": {"subkey": "heading"},
 * "pubdate": "2020-01-02"}}}.
 */
public final class RssItemBuilder implements RikoModule {

  private static final ModuleMetadata METADATA =
      ModuleMetadata.transformer("rssitembuilder", "Builds an RSS item (y:title, y:id, media:thumbnail, ...) from conf values.");
  private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  /** Lower-cased conf key to output key. */
  private static final Map<String, String> OUTPUT_KEYS = outputKeys(
      "author", "author",
      "description", "description",
      "guid", "y:id",
      "link", "link",
      "mediaContentHeight", "media:content.height",
      "mediaContentType", "media:content.type",
      "mediaContentURL", "media:content.url",
      "mediaContentWidth", "media:content.width",
      "mediaThumbHeight", "media:thumbnail.height",
      "mediaThumbURL", "media:thumbnail.url",
      "mediaThumbWidth", "media:thumbnail.width",
      "pubDate", "pubDate",
      "title", "y:title");

  /** The module, as registered. */
  public RssItemBuilder() {}

  @Override
  public ModuleMetadata metadata() {
    return METADATA;
  }

  /** Takes the {@code pubDate} default for this call from the context's clock. */
  @Override
  public ItemTransformer create(ModuleCall call) {
    return new Assembled(isoTimestamp(call.context().clock())).create(call);
  }

  /**
   * The item riko builds from a resolved conf (keys lower-cased, as {@link ResolvedConf} holds
   * them): mapped keys only, in conf order, dotted output keys nested.
   */
  public static Item build(ResolvedConf conf) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    conf.asMap().forEach((key, value) -> {
      String output = OUTPUT_KEYS.get(key.toLowerCase(Locale.ROOT));
      if (output != null) {
        fields.put(output, value);
      }
    });
    return Item.of(fields);
  }

  /** Python's {@code datetime.now(UTC).isoformat()} at the clock's instant. */
  static String isoTimestamp(Clock clock) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    String seconds = now.format(ISO_SECONDS);
    int micros = now.getNano() / 1000;
    return (micros == 0 ? seconds : seconds + String.format(Locale.ROOT, ".%06d", micros)) + "+00:00";
  }

  private static Map<String, String> outputKeys(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i].toLowerCase(Locale.ROOT), pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** The module for one call, with its {@code pubDate} default. */
  private static final class Assembled extends ProcessorModule {

    Assembled(String pubDate) {
      super(METADATA, ProcessorSpec.transformer(Map.<String, @Nullable Object>of("pubDate", pubDate), null,
          FieldCast.PASS, "rssitembuilder").emitting());
    }

    @Override
    protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
      return ProcessorResult.of(build(conf));
    }
  }
}
