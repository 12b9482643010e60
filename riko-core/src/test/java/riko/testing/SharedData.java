package riko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * riko's data files for tests, read where the workplace keeps them: the {@code shared/} folder
 * beside the project ({@code shared/fixtures/riko-data/} holds riko's own fixtures,
 * {@code shared/conformance/} the conformance suite and its data). The build passes its location
 * as the {@code riko.shared.dir} system property; without it the folder is looked for beside the
 * working directory's ancestors.
 */
public final class SharedData {

  private SharedData() {}

  /** The shared folder. */
  public static Path root() {
    String configured = System.getProperty("riko.shared.dir");
    if (configured != null && Files.isDirectory(Path.of(configured, "fixtures"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("fixtures")) && Files.isDirectory(candidate.resolve("conformance"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("riko-java's tests read riko's data files from the shared/ folder beside the "
        + "project (shared/fixtures, shared/conformance), which was not found; set -Driko.shared.dir=<path>");
  }

  /** riko's fixtures: what {@code file://riko/data/<name>} names. */
  public static Path fixtures() {
    return root().resolve("fixtures").resolve("riko-data");
  }

  /** The files the conformance suite serves. */
  public static Path conformanceData() {
    return root().resolve("conformance").resolve("data");
  }

  /** One conformance case's folder. */
  public static Path conformanceCase(String name) {
    return root().resolve("conformance").resolve(name);
  }

  /**
   * A data file's bytes: from the conformance data, else from riko's fixtures.
   *
   * @throws IllegalArgumentException when neither has the file
   */
  public static byte[] file(String name) {
    Path path = conformanceData().resolve(name);
    if (!Files.isRegularFile(path)) {
      path = fixtures().resolve(name);
    }
    if (name.contains("..") || !Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no shared data file " + name);
    }
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("no shared data file " + name, e);
    }
  }
}
