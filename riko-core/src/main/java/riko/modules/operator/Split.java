package riko.modules.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.ConfResolver;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.conf.Terminals;
import riko.item.Item;
import riko.spi.ItemTransformer;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.RikoModule;

/**
 * riko's {@code split}: N identical copies of the stream, for fanning one stream out to several
 * consumers.
 *
 * <p><b>Conf.</b> {@code splits} (int, default 2; text is cast with riko's int rule): how many
 * copies.
 *
 * <p><b>Emits</b>, as a module in a pipe or pipeline, its input unchanged. riko yields N deep
 * copies so that one branch cannot change another's items; riko-java items are immutable, so one
 * stream serves every branch, and the pipeline assembler gives each outgoing wire of a splitter
 * its own replay of it. Java callers who want the copies themselves use
 * {@link #copies(Flux, Conf)}. A splitter ignores {@code field}, {@code assign} and {@code emit},
 * which is why this module implements {@link RikoModule} directly.
 *
 * <p><b>Errors.</b> A {@code splits} below 1 is a {@link ConfException}, at assembly when the
 * conf is static (riko would yield no copies at all).
 *
 * <p><b>Example.</b> {@code List<Flux<Item>> two = Split.copies(items, new Split.Conf(2))}; in
 * JSON: {@code {"id": "sw-2", "type": "split", "conf": {}}} with two wires leaving
 * {@code sw-2}.
 */
public final class Split implements RikoModule {

  private static final ModuleMetadata METADATA =
      ModuleMetadata.splitter("split", "Splits the stream into identical copies, one per outgoing wire.");
  private static final Map<String, Object> DEFAULTS = Map.of("splits", 2L);

  /** @param splits how many copies; at least 1 */
  public record Conf(long splits) {
    /** Checks there is at least one copy. */
    public Conf {
      if (splits < 1) {
        throw new ConfException("split", "splits", "must be >= 1, was " + splits);
      }
    }

    static Conf from(ResolvedConf conf) {
      long splits = conf.integer("splits");
      if (splits < 1) {
        throw new ConfException(conf.module(), "splits", "must be >= 1, was " + splits);
      }
      return new Conf(splits);
    }
  }

  /** The module, as registered. */
  public Split() {}

  @Override
  public ModuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public ItemTransformer create(ModuleCall call) {
    RawConf conf = call.conf().withDefaults(DEFAULTS);
    if (!conf.isDynamic(call.terminals().keySet())) {
      Conf.from(new ConfResolver(call.context().clock()).resolve(call.label(), conf, Item.empty(), Terminals.none()));
    }
    return items -> items;
  }

  /**
   * The copies themselves: {@code conf.splits()} streams over one shared, cached subscription
   * to {@code items}, each replaying every item from the start. The source is subscribed once,
   * when the first copy is.
   */
  public static List<Flux<Item>> copies(Flux<Item> items, Conf conf) {
    Flux<Item> shared = items.cache();
    List<Flux<Item>> copies = new ArrayList<>();
    for (long i = 0; i < conf.splits(); i++) {
      copies.add(shared);
    }
    return List.copyOf(copies);
  }
}
