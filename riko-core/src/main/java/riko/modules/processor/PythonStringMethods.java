package riko.modules.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Python 3.12's {@code str} methods that riko's text modules call ({@code strtransform},
 * {@code strreplace}, {@code strfind}, {@code refind}, {@code slugify}), on code points rather than UTF-16 units: full Unicode case mappings
 * ({@code "ß".upper()} is {@code "SS"}), the final-sigma rule of {@code lower()}, the
 * "cased letter" notion behind {@code title()} (a letter after any uncased character starts a
 * word: {@code "they're 3rd-party"} becomes {@code "They'Re 3Rd-Party"}), Python's whitespace set,
 * and the empty-substring cases of {@code replace}, {@code count} and {@code find}.
 */
final class PythonStringMethods {

  /**
   * Characters whose full title-case mapping is not "upper-case the first character, lower-case
   * the rest" of their full upper-case mapping (Unicode SpecialCasing).
   */
  private static final Map<Integer, String> IRREGULAR_TITLE = Map.of(
      0x0149, "\u02BC\u004E",
      0x1FB2, "\u1FBA\u0345",
      0x1FB4, "\u0386\u0345",
      0x1FC2, "\u1FCA\u0345",
      0x1FC4, "\u0389\u0345",
      0x1FF2, "\u1FFA\u0345",
      0x1FF4, "\u038F\u0345",
      0x1FB7, "\u0391\u0342\u0345",
      0x1FC7, "\u0397\u0342\u0345",
      0x1FF7, "\u03A9\u0342\u0345");

  private static final int CAPITAL_SIGMA = 0x03A3;

  private PythonStringMethods() {}

  /** {@code str.lower()}. */
  static String lower(String s) {
    int[] cps = s.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < cps.length; i++) {
      out.append(lowerAt(cps, i));
    }
    return out.toString();
  }

  /** {@code str.upper()}. */
  static String upper(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.append(upperOf(c)));
    return out.toString();
  }

  /** {@code str.swapcase()}: upper-case characters lowered, lower-case ones raised. */
  static String swapcase(String s) {
    int[] cps = s.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (Character.isUpperCase(c)) {
        out.append(lowerAt(cps, i));
      } else if (Character.isLowerCase(c)) {
        out.append(upperOf(c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /** {@code str.title()}: title-case after an uncased character, lower-case after a cased one. */
  static String title(String s) {
    int[] cps = s.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length());
    boolean previousCased = false;
    for (int i = 0; i < cps.length; i++) {
      out.append(previousCased ? lowerAt(cps, i) : titleOf(cps[i]));
      previousCased = isCased(cps[i]);
    }
    return out.toString();
  }

  /** {@code str.capitalize()}: the first character title-cased, the rest lower-cased. */
  static String capitalize(String s) {
    int[] cps = s.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < cps.length; i++) {
      out.append(i == 0 ? titleOf(cps[i]) : lowerAt(cps, i));
    }
    return out.toString();
  }

  /** {@code str.strip(chars)}; {@code null} chars strip Python's whitespace. */
  static String strip(String s, @Nullable String chars) {
    return rstrip(lstrip(s, chars), chars);
  }

  /** {@code str.lstrip(chars)}. */
  static String lstrip(String s, @Nullable String chars) {
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (!stripped(c, chars)) {
        break;
      }
      i += Character.charCount(c);
    }
    return s.substring(i);
  }

  /** {@code str.rstrip(chars)}. */
  static String rstrip(String s, @Nullable String chars) {
    int end = s.length();
    while (end > 0) {
      int c = s.codePointBefore(end);
      if (!stripped(c, chars)) {
        break;
      }
      end -= Character.charCount(c);
    }
    return s.substring(0, end);
  }

  /** {@code str.replace(old, new, count)}; a negative count replaces every occurrence. */
  static String replace(String s, String old, String replacement, long count) {
    long limit = count < 0 ? Long.MAX_VALUE : count;
    if (old.isEmpty()) {
      // Python inserts the replacement before every code point and at the end.
      StringBuilder out = new StringBuilder();
      long done = 0;
      int i = 0;
      while (i <= s.length()) {
        if (done < limit) {
          out.append(replacement);
          done++;
        }
        if (i == s.length()) {
          break;
        }
        int c = s.codePointAt(i);
        out.appendCodePoint(c);
        i += Character.charCount(c);
      }
      return out.toString();
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    long done = 0;
    int at;
    while (done < limit && (at = indexOf(s, old, from)) >= 0) {
      out.append(s, from, at).append(replacement);
      from = at + old.length();
      done++;
    }
    return out.append(s, from, s.length()).toString();
  }

  /**
   * The last occurrence of {@code old} replaced ({@code new.join(s.rsplit(old, 1))}).
   *
   * @throws IllegalArgumentException for an empty {@code old} ("empty separator"), as Python's
   *     {@code rsplit} does
   */
  static String replaceLast(String s, String old, String replacement) {
    if (old.isEmpty()) {
      throw new IllegalArgumentException("empty separator");
    }
    int at = lastIndexOf(s, old);
    return at < 0 ? s : s.substring(0, at) + replacement + s.substring(at + old.length());
  }

  /** {@code str.count(sub)}: non-overlapping occurrences; the empty string occurs len + 1 times. */
  static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.codePointCount(0, s.length()) + 1L;
    }
    long n = 0;
    int at = indexOf(s, sub, 0);
    while (at >= 0) {
      n++;
      at = indexOf(s, sub, at + sub.length());
    }
    return n;
  }

  /** {@code str.find(sub)}: the code-point index of the first occurrence, or -1. */
  static long find(String s, String sub) {
    int at = indexOf(s, sub, 0);
    return at < 0 ? -1 : s.codePointCount(0, at);
  }

  /** {@code str.rfind(sub)}: the code-point index of the last occurrence, or -1. */
  static long rfind(String s, String sub) {
    int at = lastIndexOf(s, sub);
    return at < 0 ? -1 : s.codePointCount(0, at);
  }

  /**
   * {@code str.split(sep, maxsplit)}: the pieces between the first {@code maxsplit} occurrences
   * of {@code sep} (every occurrence when {@code maxsplit} is negative).
   *
   * @throws IllegalArgumentException for an empty {@code sep} ("empty separator"), as Python does
   */
  static List<String> split(String s, String sep, int maxsplit) {
    if (sep.isEmpty()) {
      throw new IllegalArgumentException("empty separator");
    }
    List<String> pieces = new ArrayList<>();
    int from = 0;
    int at;
    while ((maxsplit < 0 || pieces.size() < maxsplit) && (at = indexOf(s, sep, from)) >= 0) {
      pieces.add(s.substring(from, at));
      from = at + sep.length();
    }
    pieces.add(s.substring(from));
    return pieces;
  }

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  private static boolean stripped(int c, @Nullable String chars) {
    return chars == null ? isSpace(c) : chars.codePoints().anyMatch(x -> x == c);
  }

  /** Like {@link String#indexOf(String, int)}, but never matching half of a surrogate pair. */
  private static int indexOf(String s, String sub, int from) {
    int at = s.indexOf(sub, from);
    while (at >= 0 && splitsPair(s, at, sub.length())) {
      at = s.indexOf(sub, at + 1);
    }
    return at;
  }

  private static int lastIndexOf(String s, String sub) {
    int at = s.lastIndexOf(sub);
    while (at >= 0 && splitsPair(s, at, sub.length())) {
      at = at == 0 ? -1 : s.lastIndexOf(sub, at - 1);
    }
    return at;
  }

  private static boolean splitsPair(String s, int start, int length) {
    int end = start + length;
    return (start > 0 && Character.isHighSurrogate(s.charAt(start - 1)) && Character.isLowSurrogate(s.charAt(start)))
        || (end < s.length() && end > 0 && Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end)));
  }

  private static String upperOf(int c) {
    return new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
  }

  /** The full lower-case mapping of {@code cps[i]}, with Python's final-sigma rule. */
  private static String lowerAt(int[] cps, int i) {
    if (cps[i] == CAPITAL_SIGMA) {
      return finalSigma(cps, i) ? "\u03C2" : "\u03C3";
    }
    return new String(Character.toChars(cps[i])).toLowerCase(Locale.ROOT);
  }

  /** The full title-case mapping of one code point. */
  private static String titleOf(int c) {
    String irregular = IRREGULAR_TITLE.get(c);
    if (irregular != null) {
      return irregular;
    }
    String upper = upperOf(c);
    int simple = Character.toTitleCase(c);
    if (upper.codePointCount(0, upper.length()) == 1 || Character.isTitleCase(simple)) {
      return new String(Character.toChars(simple));
    }
    int first = upper.codePointAt(0);
    return new String(Character.toChars(first)) + upper.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
  }

  /** A capital sigma preceded by a cased letter and not followed by one (skipping case-ignorables). */
  private static boolean finalSigma(int[] cps, int i) {
    int j = i - 1;
    while (j >= 0 && isCaseIgnorable(cps[j])) {
      j--;
    }
    if (j < 0 || !isCased(cps[j])) {
      return false;
    }
    int k = i + 1;
    while (k < cps.length && isCaseIgnorable(cps[k])) {
      k++;
    }
    return k == cps.length || !isCased(cps[k]);
  }

  /** Unicode's {@code Cased} property: upper, lower or title case (including Other_Upper/Lowercase). */
  static boolean isCased(int c) {
    return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
  }

  /** Unicode's {@code Case_Ignorable} property. */
  static boolean isCaseIgnorable(int c) {
    switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT,
          Character.MODIFIER_LETTER, Character.MODIFIER_SYMBOL -> {
        return true;
      }
      default -> {
        // Word_Break MidLetter, MidNumLet and Single_Quote.
        return switch (c) {
          case 0x0027, 0x002E, 0x003A, 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027,
              0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A -> true;
          default -> false;
        };
      }
    }
  }
}
