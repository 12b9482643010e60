package riko.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.CallOptions;
import riko.conf.Count;
import riko.conf.RawConf;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleType;
import riko.spi.RikoModule;
import riko.spi.UserFunction;

/**
 * Turns a {@link PipelineDefinition} into one {@code Flux<Item>} ({@code pipelines.md} 2).
 *
 * <p>Assembly checks everything that can be checked before data flows: every module type is
 * known, every wire joins two defined modules, the graph has no cycle, and each module accepts
 * its conf. Modules that take part in no wire are dropped, as in riko. The result is the output
 * of the {@code output} module (or of the last module in topological order).
 *
 * <p>Each subscription runs the graph afresh. A module wired to several consumers (a
 * {@code split}, or any fan-out) gives each consumer its own replay of its items. A module with
 * no main input runs once on the empty item when it is a processor, and sees an empty stream
 * when it is an operator (the port behaviour {@code pipelines.md} 2.3 recommends).
 */
public final class PipelineAssembler {

  private final ModuleRegistry registry;
  private final ModuleContext context;
  private final SubPipelines subPipelines;

  /**
   * @param registry where module types are looked up
   * @param context user inputs and services for every module
   * @param subPipelines where {@code pipe:<id>} definitions are found
   */
  public PipelineAssembler(ModuleRegistry registry, ModuleContext context, SubPipelines subPipelines) {
    this.registry = registry;
    this.context = context;
    this.subPipelines = subPipelines;
  }

  PipelineAssembler withContext(ModuleContext other) {
    return new PipelineAssembler(registry, other, subPipelines);
  }

  /** The pipeline's output stream; a definition error is thrown now, before anything runs. */
  public Flux<Item> assemble(PipelineDefinition definition) {
    return assemble(definition, null);
  }

  /**
   * The pipeline's output stream, with {@code input} (when not null) as the main input of its
   * first module, as for a sub-pipeline.
   */
  public Flux<Item> assemble(PipelineDefinition definition, @Nullable Flux<Item> input) {
    return assemble(check(definition), input);
  }

  /** The output stream of a graph already {@link #check checked}, {@code input} as for a sub-pipeline. */
  Flux<Item> assemble(Graph graph, @Nullable Flux<Item> input) {
    return Flux.defer(() -> run(graph, input));
  }

  /** Validates the definition and returns its wired graph. */
  Graph check(PipelineDefinition definition) {
    Map<String, RikoModule> modules = new LinkedHashMap<>();
    for (ModuleDefinition m : definition.modules()) {
      if (!m.isOutput() && !m.isSubPipeline()) {
        modules.put(m.id(), registry.lookup(m.type(), where(definition, m)));
      }
    }
    for (Wire w : definition.wires()) {
      for (String end : List.of(w.source(), w.target())) {
        if (definition.module(end).isEmpty()) {
          throw new PipelineException("pipeline '" + definition.name() + "': wire '" + w.id()
              + "' refers to module '" + end + "', which the pipeline does not define");
        }
      }
    }
    List<String> order = topologicalOrder(definition);
    Graph graph = new Graph(definition, order, new LinkedHashMap<>(), new LinkedHashMap<>());
    for (String id : order) {
      ModuleDefinition m = definition.module(id).orElseThrow();
      if (m.isOutput()) {
        continue;
      }
      RikoModule module = m.isSubPipeline() ? subPipeline(definition, m, m.type()) : modules.get(id);
      RikoModule embed = m.embed() == null ? null : embedded(definition, m);
      Inputs wired = inputs(definition, id, source -> Flux.empty());
      module.create(call(m, wired, embed)); // checks the conf now; each run creates a fresh transformer
      graph.modules().put(id, module);
      if (embed != null) {
        graph.embeds().put(id, embed);
      }
    }
    return graph;
  }

  private RikoModule embedded(PipelineDefinition definition, ModuleDefinition loop) {
    ModuleDefinition.Embed embed = loop.embed();
    String type = embed.type();
    if (type.startsWith("pipe:") || type.startsWith("pipe_")) {
      return subPipeline(definition, loop, type);
    }
    return registry.lookup(type, "embed of module '" + loop.id() + "' in pipeline '" + definition.name() + "'");
  }

  private RikoModule subPipeline(PipelineDefinition definition, ModuleDefinition m, String type) {
    String name = PipelineReader.normaliseId(type);
    PipelineDefinition sub = subPipelines.find(name).orElseThrow(() -> new PipelineException(
        "Unsupported riko subpipeline: '" + type + "' (" + where(definition, m) + "); " + subPipelines.describe(name)));
    return new SubPipelineModule(name, sub, this);
  }

  private static String where(PipelineDefinition definition, ModuleDefinition m) {
    return "module '" + m.id() + "' in pipeline '" + definition.name() + "'";
  }

  private ModuleCall call(ModuleDefinition m, Inputs wired, @Nullable RikoModule embed) {
    return new ModuleCall(m.type() + " (" + m.id() + ")", RawConf.of(m.conf()), options(m),
        wired.terminals(), wired.others(), embed, context);
  }

  private static CallOptions options(ModuleDefinition m) {
    return CallOptions.none()
        .withField(m.field())
        .withAssign(m.assign())
        .withEmit(m.emit())
        .withCount(Count.parse(m.count()).orElse(null))
        .withFunc(m.func() == null ? null : UserFunction.named(m.func()));
  }

  /** Kahn's algorithm over the wired modules, ties broken by definition order; a cycle is an error. */
  private static List<String> topologicalOrder(PipelineDefinition definition) {
    Set<String> nodes = new LinkedHashSet<>();
    for (ModuleDefinition m : definition.modules()) {
      for (Wire w : definition.wires()) {
        if (w.source().equals(m.id()) || w.target().equals(m.id())) {
          nodes.add(m.id());
          break;
        }
      }
    }
    Map<String, Integer> incoming = new HashMap<>();
    nodes.forEach(n -> incoming.put(n, 0));
    for (Wire w : definition.wires()) {
      incoming.merge(w.target(), 1, Integer::sum);
    }
    List<String> order = new ArrayList<>();
    Deque<String> ready = new ArrayDeque<>();
    nodes.stream().filter(n -> incoming.get(n) == 0).forEach(ready::add);
    while (!ready.isEmpty()) {
      String next = ready.poll();
      order.add(next);
      List<String> released = new ArrayList<>();
      for (Wire w : definition.wires()) {
        if (w.source().equals(next) && incoming.merge(w.target(), -1, Integer::sum) == 0) {
          released.add(w.target());
        }
      }
      for (String n : nodes) {
        if (released.contains(n)) {
          ready.add(n);
        }
      }
    }
    if (order.size() < nodes.size()) {
      List<String> cycle = new ArrayList<>(nodes);
      cycle.removeAll(order);
      throw new PipelineException("pipeline '" + definition.name() + "' has a cycle through modules " + cycle
          + "; riko pipelines must be acyclic");
    }
    return order;
  }

  private Flux<Item> run(Graph graph, @Nullable Flux<Item> input) {
    PipelineDefinition definition = graph.definition();
    Map<String, Integer> uses = new HashMap<>();
    for (String id : graph.order()) {
      Wire main = mainInput(definition, id);
      if (main != null) {
        uses.merge(main.source(), 1, Integer::sum);
      }
      for (Wire w : definition.wires()) {
        if (w.target().equals(id) && !w.isMainInput()) {
          uses.merge(w.source(), 1, Integer::sum);
        }
      }
    }
    Map<String, Flux<Item>> outputs = new HashMap<>();
    Flux<Item> last = Flux.empty();
    Flux<Item> result = null;
    boolean first = true;
    for (String id : graph.order()) {
      ModuleDefinition m = definition.module(id).orElseThrow();
      Wire main = mainInput(definition, id);
      Flux<Item> mainFlux;
      if (main != null) {
        mainFlux = outputs.get(main.source());
      } else if (first && input != null) {
        mainFlux = input;
      } else if (m.isOutput()) {
        mainFlux = Flux.empty();
      } else {
        boolean processor = graph.modules().get(id).metadata().type() == ModuleType.PROCESSOR;
        mainFlux = processor ? Flux.just(Item.empty()) : Flux.empty();
      }
      first = false;
      Flux<Item> output;
      if (m.isOutput()) {
        output = mainFlux;
      } else {
        Inputs wired = inputs(definition, id, outputs::get);
        RikoModule module = graph.modules().get(id);
        output = mainFlux.transform(module.create(call(m, wired, graph.embeds().get(id))));
      }
      if (uses.getOrDefault(id, 0) > 1) {
        output = output.cache();
      }
      outputs.put(id, output);
      last = output;
      if (m.isOutput()) {
        result = output;
      }
    }
    return result != null ? result : last;
  }

  /** A module's extra inputs: terminal ports by name, and {@code _OTHER*} streams in wire order. */
  private record Inputs(Map<String, Flux<Item>> terminals, List<Flux<Item>> others) {}

  private static Inputs inputs(PipelineDefinition definition, String id, Function<String, Flux<Item>> outputOf) {
    Map<String, Flux<Item>> terminals = new LinkedHashMap<>();
    List<Flux<Item>> others = new ArrayList<>();
    for (Wire w : definition.wires()) {
      if (w.target().equals(id) && w.isOther()) {
        others.add(outputOf.apply(w.source()));
      } else if (w.target().equals(id) && w.isTerminal()) {
        terminals.put(w.port(), outputOf.apply(w.source()));
      }
    }
    return new Inputs(terminals, others);
  }

  private static @Nullable Wire mainInput(PipelineDefinition definition, String id) {
    for (Wire w : definition.wires()) {
      if (w.target().equals(id) && w.isMainInput()) {
        return w;
      }
    }
    return null;
  }

  /** A checked definition: its modules in run order, the module behind each id, and loop embeds. */
  record Graph(PipelineDefinition definition, List<String> order, Map<String, RikoModule> modules,
      Map<String, RikoModule> embeds) {}
}
