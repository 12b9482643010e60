package riko.modules.operator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.Count;
import riko.item.Item;
import riko.spi.ItemTransformer;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.RikoModule;

/**
 * riko's {@code loop} (the Yahoo! Pipes Loop): runs an embedded module once per input item and
 * folds its results back into the stream.
 *
 * <p><b>Conf.</b> The loop has no conf of its own: its conf is the EMBED's conf, resolved by the
 * embed against each input item (so {@code {"subkey": ...}} references read the current item).
 * Terminal references are not resolved (QUIRK: riko passes no wired streams to the embed, so the
 * raw {@code {"terminal": ...}} map reaches it). The per-call options are the loop's:
 * <ul>
 *   <li>{@code embed} (required; {@link ModuleCall#embed()}): a loopable module (any processor
 *       but {@code input}) or a sub-pipeline {@code pipe:<id>}. In JSON, the module object's
 *       {@code "embed": {"id": ..., "type": ...}}.</li>
 *   <li>{@code field} (default none): passed to the embed as its {@code field} (empty: the
 *       embed's own default, as in riko).</li>
 *   <li>{@code count} ({@code first} or {@code all}, default all): {@code first} keeps only the
 *       first result per item and cancels the embed after it.</li>
 *   <li>{@code emit} (default true) and {@code assign} (default {@code loop}): the fold mode.</li>
 *   <li>{@code func}: handed to the embed (the function of an embedded {@code udf}).</li>
 * </ul>
 * The embed is always called with {@code emit: true} and the loop's {@code field}: its own
 * {@code emit}, {@code assign}, {@code count} and {@code skip_if} do not apply. A sub-pipeline
 * embed is called with the item as its input and ignores the conf and {@code field}.
 *
 * <p><b>Emits</b>, for each input item P in order (one at a time: the next item is requested only
 * when P's results are out):
 * <ul>
 *   <li>emit mode: each result as it is (maps as items, bare values raw); no results, nothing for
 *       P;</li>
 *   <li>assign mode ({@code emit: false}): for each result r, a copy of P with {@code assign} set
 *       to r (one copy PER RESULT, not a list); no results, P unchanged.</li>
 * </ul>
 *
 * <p><b>Errors.</b> A missing embed, or one that is not loopable (an operator, {@code input}), is
 * a {@link ConfException} when the loop is assembled, naming the loop and the embed (riko logs an
 * error and passes the items through; this port fails early as it does for any unusable static
 * setting). An unknown embed type fails the pipeline's assembly. The embed's own conf errors
 * surface as the embed reports them (at assembly when static); its runtime errors end the output
 * after the items already emitted.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).loop("tokenizer", Map.of("delimiter", " "),
 * CallOptions.none().withField("name").withEmit(false).withAssign("part"))}; in JSON:
 * {@code {"id": "sw-2", "type": "loop", "conf": {"delimiter": {"type": "text", "value": " "}},
 * "embed": {"id": "sw-9", "type": "tokenizer"}, "field": "name", "emit": false, "assign": "part",
 * "count": "all"}}.
 */
public final class Loop implements RikoModule {

  private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

  private static final ModuleMetadata METADATA =
      ModuleMetadata.composer("loop", "Runs an embedded module once per item and folds its results back in.");

  /** The module, as registered. */
  public Loop() {}

  @Override
  public ModuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public ItemTransformer create(ModuleCall call) {
    RikoModule embed = loopable(call);
    CallOptions options = call.options();
    String field = options.field() == null || options.field().isEmpty() ? null : options.field(); // "" is riko's "unset"
    ModuleCall embedCall = new ModuleCall(embed.name() + " (embedded in " + call.label() + ")", call.conf(),
        CallOptions.none().withField(field).withEmit(true).withFunc(options.func()), Map.of(), List.of(), null, call.context());
    embed.create(embedCall); // the embed checks its conf now
    boolean emit = options.explicitEmit().orElse(true);
    String assign = options.assign() != null ? options.assign() : "loop";
    if (emit && options.assign() != null) {
      LOG.warn("{}: assign is set to '{}' but is ignored since emit is true", call.label(), assign);
    }
    boolean first = options.count() == Count.FIRST;
    return input -> Flux.defer(() -> {
      ItemTransformer perItem = embed.create(embedCall);
      return input.concatMap(parent -> {
        Item item = parent.normalised();
        Flux<Item> results = Flux.just(item).transform(perItem);
        if (first) {
          results = results.take(1);
        }
        if (emit) {
          return results;
        }
        return results.map(result -> item.with(assign, value(result))).defaultIfEmpty(item);
      }, 0);
    });
  }

  private static @Nullable Object value(Item result) {
    return result.isRaw() ? result.rawValue() : result;
  }

  private static RikoModule loopable(ModuleCall call) {
    RikoModule embed = call.embed();
    if (embed == null) {
      throw new ConfException(call.label(), "embed", "is missing: a loop needs an embedded module, any processor but "
          + "input or a sub-pipeline pipe:<id> (in JSON: \"embed\": {\"id\": ..., \"type\": ...} next to \"conf\")");
    }
    if (!embed.metadata().loopable()) {
      throw new ConfException(call.label(), "embed", "names '" + embed.name() + "', a " + embed.metadata().type()
          .name().toLowerCase(Locale.ROOT) + " that is not loopable; a loop embeds any processor but input, "
          + "or a sub-pipeline pipe:<id>");
    }
    return embed;
  }
}
