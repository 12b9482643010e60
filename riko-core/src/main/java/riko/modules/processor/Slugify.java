package riko.modules.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.MatchResult;
import net.gcardone.junidecode.Junidecode;
import org.jspecify.annotations.Nullable;
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
import riko.value.PythonRegex;

/**
 * riko's {@code slugify}: a URL slug of a text field, as python-slugify (8.x, default options)
 * makes it.
 *
 * <p><b>Conf.</b> {@code separator} (text, default {@code -}; {@code null} also means {@code -};
 * may be an item or terminal reference): what joins the words. The field ({@code field} option,
 * default {@code content}) is read as text: a missing field is {@code ""}.
 *
 * <p>The text is stripped of Python whitespace, then, as python-slugify does: every run of
 * apostrophes becomes {@code -}; NFKD normalisation; ASCII transliteration in the manner of
 * Text::Unidecode ({@code é} is {@code e}, {@code ß} is {@code ss}, {@code Æ} is {@code AE},
 * {@code 北京} is {@code Bei Jing}); HTML character references are decoded AFTER that
 * (named HTML 4 entities such as {@code &eacute;}, decimal {@code &#233;} and hexadecimal
 * {@code &#xe9;}; a non-ASCII character they produce is not transliterated and ends up as a
 * separator, QUIRK: {@code caf&eacute;} is {@code cafe}, as the accent is cut off); NFKD
 * again; lower case; apostrophes removed; commas between digits removed ({@code 1,000} is
 * {@code 1000}); every run of characters other than {@code a-z}, {@code 0-9} and {@code -}
 * becomes {@code -}; repeated {@code -} collapse and are trimmed at both ends; finally each
 * {@code -} becomes the separator.
 *
 * <p>Transliteration uses junidecode's tables, which come from Text::Unidecode as those of
 * text-unidecode (python-slugify's default) do: they agree on every character text-unidecode
 * transliterates, except the shapes U+25F4-U+25F7 ({@code #} there, {@code O} here); characters
 * text-unidecode does not know ({@code [?]}, giving a separator) may get letters here. Characters
 * beyond the Basic Multilingual Plane that NFKD leaves alone (emoji) are dropped, as there.
 *
 * <p><b>Emits</b> each item with the slug assigned under {@code assign} (default
 * {@code slugify}).
 *
 * <p><b>Errors.</b> None: any text has a slug (possibly empty).
 *
 * <p><b>Example.</b> {@code new Slugify.Conf("_").apply("it's Héllo  Wörld!")} is
 * {@code "it_s_hello_world"}; in a pipeline: {@code {"type": "slugify", "conf": {"separator": "_"}}}.
 */
public final class Slugify extends ProcessorModule {

  private static final String DEFAULT_SEPARATOR = "-";
  private static final PythonRegex QUOTES = PythonRegex.compile("[']+");
  private static final PythonRegex NAMED_REFERENCE = PythonRegex.compile("&([A-Za-z0-9]+);");
  private static final PythonRegex DECIMAL_REFERENCE = PythonRegex.compile("&#(\\d+);");
  private static final PythonRegex HEX_REFERENCE = PythonRegex.compile("&#x([\\da-fA-F]+);");
  private static final PythonRegex NUMBER_COMMAS = PythonRegex.compile("(?<=\\d),(?=\\d)");
  private static final PythonRegex DISALLOWED = PythonRegex.compile("[^-a-zA-Z0-9]+");
  private static final PythonRegex DASHES = PythonRegex.compile("-{2,}");

  /**
   * The module's conf.
   *
   * @param separator what joins the words of the slug
   */
  public record Conf(String separator) {

    /** The slug of a text (the text is stripped first, as riko does). */
    public String apply(String text) {
      String slug = PythonStringMethods.strip(text, null);
      slug = QUOTES.sub(DEFAULT_SEPARATOR, slug, 0);
      slug = transliterate(Normalizer.normalize(slug, Normalizer.Form.NFKD));
      slug = decodeReferences(slug);
      slug = Normalizer.normalize(slug, Normalizer.Form.NFKD);
      slug = PythonStringMethods.lower(slug);
      slug = QUOTES.sub("", slug, 0);
      slug = NUMBER_COMMAS.sub("", slug, 0);
      slug = DISALLOWED.sub(DEFAULT_SEPARATOR, slug, 0);
      slug = PythonStringMethods.strip(DASHES.sub(DEFAULT_SEPARATOR, slug, 0), DEFAULT_SEPARATOR);
      return separator.equals(DEFAULT_SEPARATOR) ? slug : slug.replace(DEFAULT_SEPARATOR, separator);
    }
  }

  /** Text::Unidecode-style ASCII: ASCII kept, other BMP characters by table, the rest dropped. */
  static String transliterate(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c < 0x80) {
        out.append((char) c);
      } else if (c <= 0xFFFF && !Character.isSurrogate((char) c)) {
        out.append(Junidecode.unidecode(Character.toString(c)));
      }
    });
    return out.toString();
  }

  /**
   * python-slugify's entity, decimal and hexadecimal references, in that order. A numeric kind is
   * all or nothing: one reference beyond Unicode leaves every reference of that kind as it is.
   */
  static String decodeReferences(String text) {
    String named = replace(NAMED_REFERENCE, text, m -> {
      Integer code = Entities.NAMES.get(m.group(1));
      return code == null ? m.group() : Character.toString(code);
    });
    String decimal = numeric(DECIMAL_REFERENCE, named, 10);
    return numeric(HEX_REFERENCE, decimal, 16);
  }

  private static String numeric(PythonRegex reference, String text, int radix) {
    try {
      return replace(reference, text, m -> {
        long code;
        try {
          code = Long.parseLong(m.group(1), radix);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("chr() arg not in range", e);
        }
        if (code > Character.MAX_CODE_POINT) {
          throw new IllegalArgumentException("chr() arg not in range(0x110000)");
        }
        return Character.toString((int) code);
      });
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String replace(PythonRegex regex, String text, Function<MatchResult, String> replacement) {
    List<MatchResult> matches = regex.finditer(text);
    if (matches.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    for (MatchResult m : matches) {
      out.append(text, last, m.start()).append(replacement.apply(m));
      last = m.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  /** The HTML 4 entity names (Python's {@code html.entities.name2codepoint}). */
  private static final class Entities {
    static final Map<String, Integer> NAMES = load();

    private static Map<String, Integer> load() {
      Properties table = new Properties();
      try (InputStream in = Slugify.class.getResourceAsStream("html4-entities.properties")) {
        if (in == null) {
          throw new IllegalStateException("missing resource html4-entities.properties next to " + Slugify.class.getName());
        }
        table.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, Integer> names = new HashMap<>();
      table.forEach((name, code) -> names.put((String) name, Integer.valueOf((String) code)));
      return Map.copyOf(names);
    }
  }

  /** The module, as registered. */
  public Slugify() {
    super(ModuleMetadata.transformer("slugify", "A URL slug of a text field."),
        ProcessorSpec.transformer(Map.of("separator", DEFAULT_SEPARATOR), "content", FieldCast.TEXT, "slugify"));
  }

  /** Reads the entity table now, at assembly, so that the first item does not block the thread processing it. */
  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    Entities.NAMES.size();
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    Object separator = conf.get("separator");
    return ProcessorResult.of(new Conf(separator == null ? DEFAULT_SEPARATOR : PyStr.str(separator))
        .apply(value == null ? "" : PyStr.str(value)));
  }
}
