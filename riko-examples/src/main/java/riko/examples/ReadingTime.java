package riko.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;

/**
 * {@code readingtime}, the example of a module of your own (example 8): how many seconds a text
 * field takes to read. Not one of riko's modules: it is registered by riko-examples'
 * {@code META-INF/services/riko.spi.RikoModule}, so {@code ModuleRegistry.standard()} finds it
 * wherever riko-examples is on the class path, and pipes and pipeline files can name it.
 *
 * <p><b>Conf.</b> {@code wpm} (integer, default 200): reading speed, in words per minute. The
 * field ({@code field} option, default {@code content}) is read as text (a missing field is
 * {@code ""}).
 *
 * <p><b>Emits</b> each item with the seconds, rounded up, assigned under {@code assign} (default
 * {@code readingtime}); words are the runs of non-whitespace characters. {@code "one two three"}
 * at 60 wpm is 3.
 *
 * <p><b>Errors.</b> A {@code wpm} below 1 is a {@link ConfException} naming {@code wpm}: at
 * assembly when the conf is static, otherwise when the item is processed.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Pipe.of("fetch", Map.of("url", feedUrl))
 *     .pipe("readingtime", Map.of("wpm", 180), CallOptions.none().withField("summary"));
 * }</pre>
 * In a pipeline: {@code {"type": "readingtime", "conf": {"wpm": 180}, "field": "summary"}}.
 */
public final class ReadingTime extends ProcessorModule {

  /** The default reading speed, in words per minute. */
  public static final long DEFAULT_WPM = 200;

  /** The module, as registered. */
  public ReadingTime() {
    super(ModuleMetadata.transformer("readingtime", "Seconds needed to read a text field (riko-java's example module)."),
        ProcessorSpec.transformer(defaults(), "content", FieldCast.TEXT, "readingtime"));
  }

  private static Map<String, @Nullable Object> defaults() {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("wpm", DEFAULT_WPM);
    return defaults;
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(resolved -> wpm(resolved, call));
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(seconds(String.valueOf(value), wpm(conf, call)));
  }

  /** The seconds {@code text} takes to read at {@code wpm} words per minute, rounded up. */
  public static long seconds(String text, long wpm) {
    String trimmed = text.strip();
    long words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    return (words * 60 + wpm - 1) / wpm;
  }

  private static long wpm(ResolvedConf conf, ModuleCall call) {
    long wpm = conf.integer("wpm");
    if (wpm < 1) {
      throw new ConfException(call.label(), "wpm", "must be a number of words per minute, at least 1; was " + conf.get("wpm"));
    }
    return wpm;
  }
}
