package riko.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import reactor.core.publisher.Flux;
import riko.conf.CallOptions;
import riko.conf.Count;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleType;
import riko.spi.RikoModule;
import riko.value.DecimalNaN;
import riko.value.TimeTuple;

/**
 * Runs the examples of {@code spec/modules.md} (each a JSON object with {@code conf},
 * {@code options}, {@code input} and {@code output}) through the registered modules and
 * compares outputs as the conformance suite does (numbers by value, key order ignored).
 *
 * <p>Examples that cannot be checked mechanically are skipped: elided values ({@code "..."}),
 * prose outputs, Python functions, and the splitter's list of streams (copies are the
 * assembler's job). An output written as {@code "ERROR (...)"} expects the run to fail.
 */
public final class SpecExamples {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SECTION = Pattern.compile("(?m)^## (\\w+)\\s*$");
  private static final Pattern BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  private SpecExamples() {}

  /** One dynamic test per checkable example of the named modules (those the registry has). */
  public static Stream<DynamicTest> forModules(ModuleRegistry registry, Set<String> modules, ModuleContext context) {
    String spec = read();
    List<DynamicTest> tests = new ArrayList<>();
    Matcher section = SECTION.matcher(spec);
    List<int[]> bounds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (section.find()) {
      names.add(section.group(1));
      bounds.add(new int[] {section.end(), 0});
    }
    for (int i = 0; i < names.size(); i++) {
      int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : spec.length();
      String name = names.get(i);
      if (!modules.contains(name) || registry.find(name).isEmpty()) {
        continue;
      }
      Matcher block = BLOCK.matcher(spec.substring(bounds.get(i)[0], end));
      int n = 0;
      while (block.find()) {
        JsonNode examples = parse(block.group(1));
        if (!examples.isArray()) {
          continue;
        }
        for (JsonNode example : examples) {
          if (!example.has("output") || !checkable(name, example)) {
            continue;
          }
          RikoModule module = registry.lookup(name);
          n++;
          tests.add(DynamicTest.dynamicTest(name + " example " + n + ": " + example.get("conf"),
              () -> check(module, example, context)));
        }
      }
    }
    return tests.stream();
  }

  private static boolean checkable(String module, JsonNode example) {
    String text = example.toString();
    if (text.contains("...") || text.contains("\"<") || module.equals("split")) {
      return false;
    }
    JsonNode output = example.get("output");
    if (output.isTextual() && !output.asText().startsWith("ERROR")) {
      return false;
    }
    if (output.isArray() && output.size() == 1 && output.get(0).isTextual() && output.get(0).asText().startsWith("the ")) {
      return false; // prose describing the output, e.g. ["the same 7 entries"]
    }
    JsonNode input = example.get("input");
    if (input != null && input.isTextual()) {
      return false;
    }
    JsonNode options = example.path("options");
    return !options.has("func") && !options.has("embed");
  }

  private static void check(RikoModule module, JsonNode example, ModuleContext context) {
    JsonNode options = example.path("options");
    CallOptions callOptions = CallOptions.none()
        .withField(options.has("field") ? options.get("field").asText() : null)
        .withAssign(options.has("assign") ? options.get("assign").asText() : null)
        .withEmit(options.has("emit") ? options.get("emit").asBoolean() : null)
        .withCount(options.has("count") ? Count.parse(options.get("count").asText()).orElse(null) : null);
    ModuleContext runContext = context;
    if (options.has("inputs")) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      options.get("inputs").properties().forEach(e -> inputs.put(e.getKey(), e.getValue().asText()));
      runContext = context.withInputs(inputs);
    }
    Map<String, Flux<Item>> terminals = new LinkedHashMap<>();
    if (options.has("other")) {
      terminals.put("other", Flux.fromIterable(items(options.get("other"))));
    }
    List<Flux<Item>> others = new ArrayList<>();
    for (JsonNode other : options.path("others")) {
      others.add(Flux.fromIterable(items(other)));
    }
    JsonNode input = example.get("input");
    List<Item> in;
    if (input == null || input.isNull()) {
      in = module.metadata().type() == ModuleType.PROCESSOR ? List.of(Item.empty()) : List.of();
    } else if (input.isArray()) {
      in = items(input);
    } else {
      in = List.of(Item.ofValue(value(input)));
    }
    ModuleCall call = new ModuleCall(module.name(), RawConf.of(map(example.get("conf"))), callOptions, terminals, others,
        null, runContext);
    JsonNode expected = example.get("output");
    if (expected.isTextual()) {
      Assertions.assertThrows(RuntimeException.class,
          () -> Flux.fromIterable(in).transform(module.create(call)).collectList().block(ModuleRunner.TIMEOUT),
          "expected " + expected.asText());
      return;
    }
    List<Item> out = Flux.fromIterable(in).transform(module.create(call)).collectList().block(ModuleRunner.TIMEOUT);
    List<JsonNode> actual = new ArrayList<>();
    for (Item item : out == null ? List.<Item>of() : out) {
      actual.add(parse(ItemJson.toJson(item)));
    }
    List<JsonNode> wanted = new ArrayList<>();
    expected.forEach(node -> wanted.add(expectedJson(node)));
    Assertions.assertEquals(wanted.size(), actual.size(), () -> "outputs differ: expected " + wanted + ", got " + actual);
    for (int i = 0; i < wanted.size(); i++) {
      int at = i;
      Assertions.assertTrue(same(wanted.get(i), actual.get(i)),
          () -> "output " + at + " differs: expected " + wanted.get(at) + ", got " + actual.get(at));
    }
  }

  private static List<Item> items(JsonNode array) {
    List<Item> items = new ArrayList<>();
    array.forEach(node -> items.add(Item.ofValue(value(node))));
    return items;
  }

  private static @Nullable Map<String, Object> map(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    Object value = value(node);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  /** A JSON value with the spec's markers turned into riko values; objects as plain maps. */
  private static @Nullable Object value(JsonNode node) {
    if (node.isObject()) {
      if (node.size() == 1) {
        String key = node.fieldNames().next();
        String text = node.get(key).asText();
        switch (key) {
          case "$decimal":
            return text.equals("NaN") ? DecimalNaN.INSTANCE : new BigDecimal(text);
          case "$date":
            return LocalDate.parse(text);
          case "$datetime":
            return OffsetDateTime.parse(text).toZonedDateTime();
          case "$timetuple":
            return new TimeTuple(LocalDateTime.parse(text.replace("Z", "")));
          default:
            break;
        }
      }
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(value(n)));
      return list;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    return node.asText();
  }

  /** The expected output with markers written the way riko-java prints them. */
  private static JsonNode expectedJson(JsonNode node) {
    return parse(ItemJson.toJson(Item.ofValue(value(node))));
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = a.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (!b.has(e.getKey()) || !same(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return JsonNodeFactory.instance.textNode(json);
    }
  }

  private static String read() {
    try {
      return Files.readString(SharedData.root().resolve("spec").resolve("modules.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
