package riko.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads pipeline JSON in either of riko's formats ({@code pipelines.md}): the full pipe
 * definition (modules, an {@code output} module, wire objects) or the bare-bones DAG (no
 * {@code output} module; wires absent or {@code [source, target]} pairs), which is expanded the
 * way riko's {@code convert_dag} does it. Ids and port names are normalised.
 */
public final class PipelineReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineReader() {}

  /** Reads a definition file; the pipeline is named after the file. */
  public static PipelineDefinition read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new PipelineException("cannot read pipeline '" + file + "': " + e.getMessage(), e);
    }
    return parse(file.getFileName().toString(), text);
  }

  /** Reads a definition from JSON text. */
  public static PipelineDefinition parse(String name, String json) {
    Object tree;
    try {
      tree = JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new PipelineException("pipeline '" + name + "' is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new PipelineException("pipeline '" + name + "' must be a JSON object with 'modules'");
    }
    return fromMap(name, map);
  }

  /** Reads a definition from an already parsed JSON object. */
  public static PipelineDefinition fromMap(String name, Map<?, ?> map) {
    Object modules = map.get("modules");
    if (!(modules instanceof List<?> moduleList)) {
      throw new PipelineException("pipeline '" + name + "' has no 'modules' list");
    }
    Object wires = map.get("wires");
    if (isDag(moduleList, wires)) {
      return expandDag(name, moduleList, wires);
    }
    List<ModuleDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < moduleList.size(); i++) {
      definitions.add(module(name, moduleList.get(i), i, null));
    }
    List<Wire> wireList = new ArrayList<>();
    if (wires != null) {
      if (!(wires instanceof List<?> list)) {
        throw new PipelineException("pipeline '" + name + "': 'wires' must be a list");
      }
      for (Object w : list) {
        wire(name, w).ifPresent(wireList::add);
      }
    }
    return new PipelineDefinition(name, definitions, wireList);
  }

  private static boolean isDag(List<?> modules, @Nullable Object wires) {
    for (Object m : modules) {
      if (m instanceof Map<?, ?> map && "output".equals(map.get("type"))) {
        return false;
      }
    }
    if (wires == null) {
      return true;
    }
    if (wires instanceof List<?> list) {
      return list.stream().allMatch(w -> w instanceof List<?>);
    }
    return false;
  }

  /** riko's {@code convert_dag}: ids {@code sw-N}, chain without wires, an appended output fed by every sink. */
  private static PipelineDefinition expandDag(String name, List<?> modules, @Nullable Object wires) {
    List<ModuleDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < modules.size(); i++) {
      definitions.add(module(name, modules.get(i), i, "sw-" + (i + 1)));
    }
    List<String[]> pairs = new ArrayList<>();
    if (wires instanceof List<?> list && !list.isEmpty()) {
      for (Object w : list) {
        List<?> pair = (List<?>) w;
        if (pair.size() != 2) {
          throw new PipelineException("pipeline '" + name + "': a DAG wire must be [source, target], was " + pair);
        }
        pairs.add(new String[] {normaliseId(String.valueOf(pair.get(0))), normaliseId(String.valueOf(pair.get(1)))});
      }
    } else {
      for (int i = 0; i + 1 < definitions.size(); i++) {
        pairs.add(new String[] {definitions.get(i).id(), definitions.get(i + 1).id()});
      }
    }
    List<Wire> wireList = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    for (String[] pair : pairs) {
      wireList.add(new Wire("_w" + (wireList.size() + 1), pair[0], pair[1], "_INPUT"));
      sources.add(pair[0]);
    }
    for (ModuleDefinition m : definitions) {
      if (!sources.contains(m.id())) {
        wireList.add(new Wire("_w" + (wireList.size() + 1), m.id(), "_OUTPUT", "_INPUT"));
      }
    }
    definitions.add(new ModuleDefinition("_OUTPUT", "output", Map.of(), null, null, null, null, null));
    return new PipelineDefinition(name, definitions, wireList);
  }

  private static ModuleDefinition module(String pipeline, @Nullable Object value, int index, @Nullable String defaultId) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new PipelineException("pipeline '" + pipeline + "': module #" + (index + 1) + " must be an object");
    }
    Object id = map.get("id");
    if (id == null) {
      if (defaultId == null) {
        throw new PipelineException("pipeline '" + pipeline + "': module #" + (index + 1) + " has no 'id'");
      }
      id = defaultId;
    }
    Object type = map.get("type");
    if (!(type instanceof String typeName) || typeName.isBlank()) {
      throw new PipelineException("pipeline '" + pipeline + "': module '" + id + "' has no 'type'");
    }
    Object conf = map.get("conf");
    if (conf != null && !(conf instanceof Map<?, ?>)) {
      throw new PipelineException("pipeline '" + pipeline + "': module '" + id + "': 'conf' must be an object");
    }
    Object func = map.get("func");
    if (func != null && !(func instanceof String name && !name.isBlank())) {
      throw new PipelineException("pipeline '" + pipeline + "': module '" + id + "': 'func' must be the name of a "
          + "function registered with ModuleContext.withFunction, was " + func);
    }
    ModuleDefinition.Embed embed = null;
    if (map.get("embed") instanceof Map<?, ?> e && e.get("type") instanceof String embedType) {
      embed = new ModuleDefinition.Embed(normaliseId(String.valueOf(e.get("id"))), embedType);
    }
    return new ModuleDefinition(
        normaliseId(String.valueOf(id)),
        typeName,
        conf == null ? Map.of() : stringKeys((Map<?, ?>) conf),
        map.get("emit") instanceof Boolean b ? b : null,
        map.get("assign") instanceof String s ? s : null,
        map.get("field") instanceof String s ? s : null,
        map.get("count") instanceof String s ? s : null,
        embed,
        (String) func);
  }

  private static Optional<Wire> wire(String pipeline, @Nullable Object value) {
    if (!(value instanceof Map<?, ?> map)
        || !(map.get("src") instanceof Map<?, ?> src)
        || !(map.get("tgt") instanceof Map<?, ?> tgt)) {
      throw new PipelineException("pipeline '" + pipeline + "': every wire needs 'src' and 'tgt' objects, got " + value);
    }
    String srcPort = String.valueOf(src.get("id"));
    if (!srcPort.startsWith("_OUTPUT")) {
      return Optional.empty();
    }
    Object source = src.get("moduleid");
    Object target = tgt.get("moduleid");
    Object port = tgt.get("id");
    if (source == null || target == null || port == null) {
      throw new PipelineException("pipeline '" + pipeline + "': wire '" + map.get("id")
          + "' needs src.moduleid, tgt.moduleid and tgt.id");
    }
    return Optional.of(new Wire(String.valueOf(map.get("id")), normaliseId(String.valueOf(source)),
        normaliseId(String.valueOf(target)), normaliseId(String.valueOf(port))));
  }

  private static Map<String, @Nullable Object> stringKeys(Map<?, ?> map) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /**
   * riko's id and port normalisation: {@code -}, {@code :} and {@code /} become {@code _}, and a
   * leading digit or non-ASCII character gets a {@code _} prefix ({@code sw-502} is
   * {@code sw_502}, {@code 1_URL} is {@code _1_URL}).
   */
  public static String normaliseId(String id) {
    String replaced = id.replace('-', '_').replace(':', '_').replace('/', '_');
    if (replaced.isEmpty()) {
      return replaced;
    }
    char first = replaced.charAt(0);
    return Character.isDigit(first) || first > 127 ? "_" + replaced : replaced;
  }
}
