package riko.pipeline;

/**
 * One wire of a pipe definition ({@code pipelines.md} 1.3): the output of {@code source} feeds
 * port {@code port} of {@code target}. Ids and port names are normalised.
 *
 * @param id the wire's id
 * @param source the producing module's id
 * @param target the consuming module's id
 * @param port the target port: {@code _INPUT}, {@code _OTHER...}, or a terminal name
 */
public record Wire(String id, String source, String target, String port) {

  /** Whether the wire feeds the target's main input. */
  public boolean isMainInput() {
    return port.equals("_INPUT");
  }

  /** Whether the wire feeds one of union's (or send's) extra streams. */
  public boolean isOther() {
    return port.startsWith("_OTHER");
  }

  /** Whether the wire feeds a named terminal. */
  public boolean isTerminal() {
    return !isMainInput() && !isOther();
  }
}
