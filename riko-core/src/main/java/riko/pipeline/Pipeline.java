package riko.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleContext;

/**
 * A pipeline definition ready to run: the entry point for riko's JSON pipelines.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.load(Path.of("news.json")).withInputs(Map.of("limit", "4"));
 * pipeline.flux().subscribe(item -> ...);          // async
 * List<Item> items = pipeline.toList();            // blocking, for scripts and tests
 * }</pre>
 *
 * <p>Immutable: each {@code with...} returns a new pipeline, and each subscription to
 * {@link #flux()} runs the definition afresh. {@code pipe:<id>} modules are looked up as
 * {@code pipe_<id>.json} next to a loaded file.
 */
public final class Pipeline {

  /** How long the blocking methods wait by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final PipelineDefinition definition;
  private final ModuleRegistry registry;
  private final ModuleContext context;
  private final SubPipelines subPipelines;

  private Pipeline(PipelineDefinition definition, ModuleRegistry registry, ModuleContext context,
      SubPipelines subPipelines) {
    this.definition = definition;
    this.registry = registry;
    this.context = context;
    this.subPipelines = subPipelines;
  }

  /** Reads a definition file (either format); sub-pipelines are looked for beside it. */
  public static Pipeline load(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    return new Pipeline(PipelineReader.read(file), ModuleRegistry.standard(), ModuleContext.defaults(),
        directory == null ? SubPipelines.none() : SubPipelines.directory(directory));
  }

  /** A pipeline from a definition already read. */
  public static Pipeline of(PipelineDefinition definition) {
    return new Pipeline(definition, ModuleRegistry.standard(), ModuleContext.defaults(), SubPipelines.none());
  }

  /** A copy using another registry. */
  public Pipeline withRegistry(ModuleRegistry other) {
    return new Pipeline(definition, other, context, subPipelines);
  }

  /** A copy using another context. */
  public Pipeline withContext(ModuleContext other) {
    return new Pipeline(definition, registry, other, subPipelines);
  }

  /** A copy with these user inputs for its {@code input} modules. */
  public Pipeline withInputs(Map<String, ?> inputs) {
    return withContext(context.withInputs(inputs));
  }

  /** A copy finding {@code pipe:<id>} definitions through {@code other}. */
  public Pipeline withSubPipelines(SubPipelines other) {
    return new Pipeline(definition, registry, context, other);
  }

  /** The definition. */
  public PipelineDefinition definition() {
    return definition;
  }

  /**
   * The output stream. Definition errors (unknown module, dangling wire, cycle, bad conf) are
   * thrown here; data errors arrive through the stream.
   */
  public Flux<Item> flux() {
    return new PipelineAssembler(registry, context, subPipelines).assemble(definition);
  }

  /** Every output item, waiting at most {@link #DEFAULT_TIMEOUT}. Blocking: for scripts, tests and the CLI. */
  public List<Item> toList() {
    List<Item> items = flux().collectList().block(DEFAULT_TIMEOUT);
    return items == null ? List.of() : items;
  }

  /** The output as a blocking iterable: each item is produced as the loop asks for it. */
  public Iterable<Item> toIterable() {
    return flux().toIterable();
  }
}
