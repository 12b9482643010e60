package riko.reactive.modules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The column names of csv and fetchtable, made as riko's table reader makes them from the header
 * (or {@code col_names}): blank names removed, then optionally sanitized, then optionally
 * deduplicated.
 */
final class ColumnNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern QUOTES = Pattern.compile("'+");
  private static final Pattern DIGIT_COMMA = Pattern.compile("(?<=\\d),(?=\\d)");
  private static final Pattern DISALLOWED = Pattern.compile("[^-a-z0-9]+");
  private static final Pattern DASHES = Pattern.compile("-{2,}");

  /** Letters that do not decompose into an ASCII letter and marks, spelled as a transliteration would. */
  private static final Map<Character, String> LETTERS = Map.ofEntries(
      Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('ø', "o"), Map.entry('Ø', "O"),
      Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('đ', "d"), Map.entry('Đ', "D"), Map.entry('ł', "l"),
      Map.entry('Ł', "L"), Map.entry('þ', "th"), Map.entry('Þ', "Th"), Map.entry('ð', "d"), Map.entry('Ð', "D"),
      Map.entry('ı', "i"));

  private ColumnNames() {}

  /**
   * The names riko uses: names that are blank after stripping are removed (QUIRK: the later
   * columns shift left onto them), then each is sanitized, then duplicates get suffixes.
   */
  static List<String> of(List<String> names, boolean sanitize, boolean dedupe) {
    List<String> kept = new ArrayList<>(names.size());
    for (String name : names) {
      if (!ElementConversion.pyStrip(name).isEmpty()) {
        kept.add(sanitize ? sanitize(name) : name);
      }
    }
    return dedupe ? dedupe(kept) : kept;
  }

  /**
   * python-slugify with {@code _} as separator: transliterated to ASCII, lower-cased, apostrophes
   * and commas between digits removed, every run of characters other than {@code a-z}, {@code 0-9}
   * and {@code -} becomes a separator, separators at the ends are dropped, and every {@code -}
   * becomes {@code _}. Transliteration decomposes accented letters and spells a few others
   * ({@code ß} as {@code ss}, {@code æ} as {@code ae}...); letters of other scripts are dropped
   * (riko transliterates them phonetically: a known divergence).
   */
  static String sanitize(String name) {
    StringBuilder ascii = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      String spelled = LETTERS.get(c);
      ascii.append(spelled != null ? spelled : String.valueOf(c));
    }
    String text = MARKS.matcher(Normalizer.normalize(ascii, Normalizer.Form.NFKD)).replaceAll("");
    text = text.replaceAll("[^\\x00-\\x7F]", "").toLowerCase(Locale.ROOT);
    text = QUOTES.matcher(text).replaceAll("");
    text = DIGIT_COMMA.matcher(text).replaceAll("");
    text = DISALLOWED.matcher(text).replaceAll("-");
    text = DASHES.matcher(text).replaceAll("-");
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end).replace('-', '_');
  }

  /**
   * The second occurrence of a name becomes {@code name_2}, the third {@code name_3}... (a
   * suffixed name is not checked against the other names, as in riko).
   */
  static List<String> dedupe(List<String> names) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> unique = new ArrayList<>(names.size());
    for (String name : names) {
      int count = seen.merge(name, 1, Integer::sum);
      unique.add(count == 1 ? name : name + "_" + count);
    }
    return unique;
  }
}
