package riko.pipeline;

import java.util.List;
import riko.spi.ItemTransformer;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ModuleSubtype;
import riko.spi.ModuleType;
import riko.spi.RikoModule;

/**
 * A pipeline run as a module ({@code pipe:<id>}): its input becomes the main input of the
 * sub-pipeline's first module, and the sub-pipeline's result is the module's output. Its conf is
 * ignored. It is loopable, so it can be a {@code loop}'s embed.
 */
final class SubPipelineModule implements RikoModule {

  private final PipelineDefinition definition;
  private final PipelineAssembler assembler;
  private final ModuleMetadata metadata;

  SubPipelineModule(String name, PipelineDefinition definition, PipelineAssembler assembler) {
    this.definition = definition;
    this.assembler = assembler;
    this.metadata = new ModuleMetadata(name, ModuleType.PROCESSOR, List.of(ModuleSubtype.TRANSFORMER), true, false,
        "sub-pipeline " + definition.name());
  }

  @Override
  public ModuleMetadata metadata() {
    return metadata;
  }

  @Override
  public ItemTransformer create(ModuleCall call) {
    PipelineAssembler inner = assembler.withContext(call.context());
    PipelineAssembler.Graph graph = inner.check(definition); // once: a loop applies this to every item
    return input -> inner.assemble(graph, input);
  }
}
