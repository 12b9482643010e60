package riko.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code pipe:<id>} modules find their definitions ({@code pipelines.md} 2.4): by
 * normalised name ({@code pipe:shout} is {@code pipe_shout}).
 */
@FunctionalInterface
public interface SubPipelines {

  /** The definition registered under the normalised name, if any. */
  Optional<PipelineDefinition> find(String normalisedName);

  /** Where the named definition was looked for, for error messages. */
  default String describe(String normalisedName) {
    return "no sub-pipelines are configured";
  }

  /** None: every {@code pipe:} module is unknown. */
  static SubPipelines none() {
    return name -> Optional.empty();
  }

  /** Definitions kept as {@code <directory>/<normalised name>.json}, e.g. next to the main pipeline. */
  static SubPipelines directory(Path directory) {
    return new SubPipelines() {
      @Override
      public Optional<PipelineDefinition> find(String normalisedName) {
        Path file = directory.resolve(normalisedName + ".json");
        return Files.isRegularFile(file) ? Optional.of(PipelineReader.read(file)) : Optional.empty();
      }

      @Override
      public String describe(String normalisedName) {
        return "looked for " + directory.resolve(normalisedName + ".json");
      }
    };
  }
}
