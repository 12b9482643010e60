package riko.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * A pipe definition in riko's full format: modules and the wires between their ports
 * ({@code pipelines.md} 1). Bare-bones DAGs are expanded into this form by
 * {@link PipelineReader}.
 *
 * @param name how errors name the pipeline (usually its file name)
 * @param modules the modules, in the order written
 * @param wires the wires, in the order written (the order matters for {@code _OTHER} ports and
 *     for several wires into one {@code _INPUT})
 */
public record PipelineDefinition(String name, List<ModuleDefinition> modules, List<Wire> wires) {

  /** Copies the lists. */
  public PipelineDefinition {
    modules = List.copyOf(modules);
    wires = List.copyOf(wires);
  }

  /** The module with this (normalised) id; the last one wins when ids collide, as in riko. */
  public Optional<ModuleDefinition> module(String id) {
    ModuleDefinition found = null;
    for (ModuleDefinition m : modules) {
      if (m.id().equals(id)) {
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }
}
