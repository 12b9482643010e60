package riko.modules.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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
import riko.value.PyStr;

/**
 * riko's {@code tokenizer}: splits the text of a field into tokens, one output item each.
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code delimiter} (text, default {@code ","}): the literal separator. QUIRK kept from
 *       Python's {@code str.split}: an explicit {@code null} delimiter splits on runs of
 *       whitespace.
 *   <li>{@code dedupe} (bool, default false): drop repeated tokens, keeping the first occurrence
 *       of each in order (riko uses an unordered set; the spec asks a port to keep the order).
 *   <li>{@code sort} (bool, default false): sort the tokens by their lower-cased value; equal
 *       keys keep their order.
 *   <li>{@code token_key} (text, default {@code content}): the key of each output item; an empty
 *       key is kept as {@code ""} (riko 0.75), {@code null} falls back to {@code content}.
 * </ul>
 * Every key may be dynamic (item or terminal references). The {@code field} option defaults to
 * {@code content}; its value is cast to text ({@code null} reads as {@code ""}).
 *
 * <p><b>Emits</b> one item {@code {token_key: token}} per token, in order: the text is split on
 * the delimiter, empty pieces are dropped BEFORE stripping, the rest are stripped of (Python)
 * whitespace, so QUIRK a piece of only spaces is kept as {@code ""}; then dedupe and sort. The
 * result is a stream, so by default the tokens replace the input item (an empty text removes
 * it). With {@code emit: false} they are assigned under {@code assign} (default
 * {@code tokenizer}) by riko's fold: one token as a map, several as a list, none leaves the item
 * unchanged ({@code count: all} gives {@code []}).
 *
 * <p><b>Errors.</b> An empty delimiter, or one that is not text, is a {@link ConfException}: at
 * assembly when the conf is static, otherwise when the item is processed.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> tokens = items.transform(new Tokenizer().create(
 *     ModuleCall.of("tokenizer", RawConf.of("delimiter", "//", "sort", true))
 *         .withOptions(CallOptions.none().withField("description"))));
 * }</pre>
 * In a pipeline: {@code {"id": "sw-2", "type": "tokenizer", "conf": {"delimiter": {"type":
 * "text", "value": "//"}, "sort": {"type": "bool", "value": "true"}}}}.
 */
public final class Tokenizer extends ProcessorModule {

  /**
   * The resolved conf.
   *
   * @param delimiter the literal separator, or {@code null} to split on whitespace runs
   * @param dedupe whether repeated tokens are dropped
   * @param sort whether tokens are sorted case-insensitively
   * @param tokenKey the key of each output item
   */
  public record Conf(@Nullable String delimiter, boolean dedupe, boolean sort, String tokenKey) {
    /** Rejects an empty delimiter. */
    public Conf {
      if (delimiter != null && delimiter.isEmpty()) {
        throw new ConfException("tokenizer", "delimiter", "must not be empty (use a literal separator such as \",\")");
      }
    }

    static Conf from(ResolvedConf conf) {
      Object delimiter = conf.get("delimiter");
      if (delimiter != null && !(delimiter instanceof String)) {
        throw new ConfException(conf.module(), "delimiter", "must be text, was " + PyStr.repr(delimiter));
      }
      if ("".equals(delimiter)) {
        throw new ConfException(conf.module(), "delimiter", "must not be empty (use a literal separator such as \",\")");
      }
      return new Conf((String) delimiter, conf.flag("dedupe", false), conf.flag("sort", false),
          conf.text("token_key", "content"));
    }
  }

  /** The module, as registered. */
  public Tokenizer() {
    super(ModuleMetadata.transformer("tokenizer", "Splits a string into tokens, one item per token."),
        ProcessorSpec.transformer(defaults(), "content", FieldCast.TEXT, "tokenizer"));
  }

  private static Map<String, @Nullable Object> defaults() {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("delimiter", ",");
    defaults.put("dedupe", false);
    defaults.put("sort", false);
    defaults.put("token_key", "content");
    return defaults;
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    Conf parsed = conf.parsed(Conf.class, Conf::from);
    List<String> tokens = tokens(value == null ? "" : PyStr.str(value), parsed);
    return ProcessorResult.stream(Flux.fromIterable(tokens).map(token -> Map.of(parsed.tokenKey(), token)));
  }

  /** The tokens of {@code text} under {@code conf}, in output order. */
  static List<String> tokens(String text, Conf conf) {
    List<String> pieces = conf.delimiter() == null ? splitOnWhitespace(text) : split(text, conf.delimiter());
    List<String> tokens = new ArrayList<>(pieces.size());
    for (String piece : pieces) {
      if (!piece.isEmpty()) {
        tokens.add(strip(piece));
      }
    }
    if (conf.dedupe()) {
      tokens = new ArrayList<>(new LinkedHashSet<>(tokens));
    }
    if (conf.sort()) {
      tokens.sort(Comparator.comparing((String t) -> t.toLowerCase(Locale.ROOT), Tokenizer::compareCodePoints));
    }
    return tokens;
  }

  /** Python's {@code text.split(delimiter)}: literal, keeping empty pieces at both ends. */
  private static List<String> split(String text, String delimiter) {
    List<String> pieces = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = text.indexOf(delimiter, from)) >= 0) {
      pieces.add(text.substring(from, at));
      from = at + delimiter.length();
    }
    pieces.add(text.substring(from));
    return pieces;
  }

  /** Python's {@code text.split()}: pieces between runs of whitespace, none empty. */
  private static List<String> splitOnWhitespace(String text) {
    List<String> pieces = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      if (isPythonSpace(text.charAt(i))) {
        if (start >= 0) {
          pieces.add(text.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      pieces.add(text.substring(start));
    }
    return pieces;
  }

  /** Python's {@code str.strip()}, which also strips no-break and other Unicode spaces. */
  private static String strip(String text) {
    int begin = 0;
    int end = text.length();
    while (begin < end && isPythonSpace(text.charAt(begin))) {
      begin++;
    }
    while (end > begin && isPythonSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(begin, end);
  }

  /** Python's {@code str.isspace()} for one character (no whitespace lies outside the BMP). */
  private static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
  }

  /** Python's string ordering: by code point, not by UTF-16 unit. */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
