package riko.modules.processor;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.PyStr;

/**
 * riko's {@code substr}: a substring of a text field, by position.
 *
 * <p><b>Conf.</b> {@code start} (int, default 0): the first character, negative counting from the
 * end; {@code length} (int, default 0): how many characters, 0 meaning "to the end". Both are
 * read with riko's int cast ({@code "3"} and {@code 3.9} are 3, anything unreadable is 0) and may
 * be item or terminal references. The field ({@code field} option, default {@code content}) is
 * read as text: a missing field is {@code ""}.
 *
 * <p>The result is Python's slice {@code text[start:start + length]} when {@code length} is not
 * 0, else {@code text[start:]}, counted in code points: out-of-range bounds are clamped, and a
 * negative bound counts from the end: of {@code "hello world"}, {@code start -3} gives
 * {@code "rld"}, {@code start -3, length 2} gives {@code "rl"}, and {@code start 0, length -2}
 * (an end bound of -2) gives {@code "hello wor"}.
 *
 * <p><b>Emits</b> each item with the substring assigned under {@code assign} (default
 * {@code substr}).
 *
 * <p><b>Errors.</b> None at assembly: every conf value reads as an integer. At runtime, as in
 * riko, an infinite value ({@code "inf"}) cannot be an integer and fails the item.
 *
 * <p><b>Example.</b> {@code new SubStr.Conf(3, 4).apply("hello world")} is {@code "lo w"}; in a
 * pipeline: {@code {"type": "substr", "conf": {"start": 3, "length": 4}}}.
 */
public final class SubStr extends ProcessorModule {

  /**
   * The module's conf.
   *
   * @param start the first character (negative: from the end)
   * @param length how many characters; 0 means to the end
   */
  public record Conf(long start, long length) {

    /** Python's {@code text[start:start + length or None]} on code points. */
    public String apply(String text) {
      int size = text.codePointCount(0, text.length());
      long from = bound(start, size);
      long to = length == 0 ? size : bound(start + length, size);
      if (to <= from) {
        return "";
      }
      return text.substring(text.offsetByCodePoints(0, (int) from), text.offsetByCodePoints(0, (int) to));
    }

    /** A Python slice bound: negative counts from the end, then clamped to {@code [0, size]}. */
    private static long bound(long index, int size) {
      long i = index < 0 ? index + size : index;
      return Math.max(0, Math.min(i, size));
    }
  }

  /** The module, as registered. */
  public SubStr() {
    super(ModuleMetadata.transformer("substr", "A substring of a text field, by position."),
        ProcessorSpec.transformer(Map.of("start", 0L, "length", 0L), "content", FieldCast.TEXT, "substr"));
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(new Conf(conf.integer("start"), conf.integer("length"))
        .apply(value == null ? "" : PyStr.str(value)));
  }
}
