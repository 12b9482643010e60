package riko.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import riko.conf.CallOptions;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.RikoModule;

/**
 * Runs one module the way the engine does, for module tests: {@code run(module, conf, input)}
 * gives the output stream for StepVerifier, {@code list(...)} the collected items.
 */
public final class ModuleRunner {

  /** How long a test waits for a module before failing. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private ModuleRunner() {}

  /** Items from a JSON array of objects (or bare values, which become raw items). */
  public static List<Item> items(String jsonArray) {
    Object parsed = ItemJson.parse(jsonArray);
    if (!(parsed instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a JSON array, got " + jsonArray);
    }
    List<Item> items = new ArrayList<>();
    for (Object element : list) {
      items.add(Item.ofValue(element));
    }
    return items;
  }

  /** One item from a JSON object. */
  public static Item item(String jsonObject) {
    return Item.ofValue(ItemJson.parse(jsonObject));
  }

  /** A conf map from a JSON object, read as plain maps so typed values reach the resolver uncast. */
  public static RawConf conf(String jsonObject) {
    try {
      return RawConf.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(jsonObject,
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("invalid conf JSON: " + jsonObject, e);
    }
  }

  /** The module's output for these inputs. */
  public static Flux<Item> run(RikoModule module, RawConf conf, CallOptions options, List<Item> input) {
    return run(module, ModuleCall.of(module.name(), conf).withOptions(options), input);
  }

  /** The module's output for these inputs, with no options. */
  public static Flux<Item> run(RikoModule module, RawConf conf, List<Item> input) {
    return run(module, conf, CallOptions.none(), input);
  }

  /** The module's output for a full call. */
  public static Flux<Item> run(RikoModule module, ModuleCall call, List<Item> input) {
    return Flux.fromIterable(input).transform(module.create(call));
  }

  /** The module's output for these inputs, collected (fails after {@link #TIMEOUT}). */
  public static List<Item> list(RikoModule module, RawConf conf, CallOptions options, List<Item> input) {
    List<Item> out = run(module, conf, options, input).collectList().block(TIMEOUT);
    return out == null ? List.of() : out;
  }

  /** The output as JSON lines, for compact assertions. */
  public static List<String> json(RikoModule module, RawConf conf, CallOptions options, List<Item> input) {
    return list(module, conf, options, input).stream().map(ItemJson::toJson).toList();
  }

  /** As {@link #json(RikoModule, RawConf, CallOptions, List)} with no options. */
  public static List<String> json(RikoModule module, RawConf conf, List<Item> input) {
    return json(module, conf, CallOptions.none(), input);
  }

  /** A context for tests. */
  public static ModuleContext context() {
    return ModuleContext.defaults().withTest(true);
  }
}
