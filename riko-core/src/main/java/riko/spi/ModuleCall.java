package riko.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.CallOptions;
import riko.conf.RawConf;
import riko.item.Item;

/**
 * Everything one call of a module receives: its conf, the per-call options, the extra streams
 * wired into it, and the context.
 *
 * @param label how errors name this call: the module name, with its pipeline id when it has one
 *     ({@code sort (sw-3)})
 * @param conf the conf as written
 * @param options field, assign, emit, count, skip_if
 * @param terminals named extra streams consumed by terminal references in the conf; {@code join}
 *     reads its right-hand stream from the terminal named {@code other}
 * @param others the {@code _OTHER*} streams of {@code union} and {@code send}, in wire order
 * @param embed the module a {@code loop} runs per item, or {@code null}
 * @param context services and user inputs shared by every module of a run
 */
public record ModuleCall(
    String label,
    RawConf conf,
    CallOptions options,
    Map<String, Flux<Item>> terminals,
    List<Flux<Item>> others,
    @Nullable RikoModule embed,
    ModuleContext context) {

  /** Copies the collections. */
  public ModuleCall {
    terminals = Map.copyOf(terminals);
    others = List.copyOf(others);
  }

  /** A call with a conf and nothing else. */
  public static ModuleCall of(String label, RawConf conf) {
    return new ModuleCall(label, conf, CallOptions.none(), Map.of(), List.of(), null, ModuleContext.defaults());
  }

  /** A copy with other options. */
  public ModuleCall withOptions(CallOptions options) {
    return new ModuleCall(label, conf, options, terminals, others, embed, context);
  }

  /** A copy with other terminals. */
  public ModuleCall withTerminals(Map<String, Flux<Item>> terminals) {
    return new ModuleCall(label, conf, options, terminals, others, embed, context);
  }

  /** A copy with other {@code _OTHER*} streams. */
  public ModuleCall withOthers(List<Flux<Item>> others) {
    return new ModuleCall(label, conf, options, terminals, others, embed, context);
  }

  /** A copy with an embedded module. */
  public ModuleCall withEmbed(@Nullable RikoModule embed) {
    return new ModuleCall(label, conf, options, terminals, others, embed, context);
  }

  /** A copy with another context. */
  public ModuleCall withContext(ModuleContext context) {
    return new ModuleCall(label, conf, options, terminals, others, embed, context);
  }

  /** The terminal stream of that name, if wired. */
  public Optional<Flux<Item>> terminal(String name) {
    return Optional.ofNullable(terminals.get(name));
  }
}
