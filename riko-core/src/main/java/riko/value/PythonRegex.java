package riko.value;

import java.io.Serial;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A regular expression written in Python's {@code re} syntax, run on {@code java.util.regex}
 * with Python's semantics: the patterns riko users write in {@code regex}, {@code refind} and
 * {@code filter}'s {@code matches} behave as they do in riko (Python 3.11+ {@code str} patterns).
 *
 * <p><b>Translated.</b> The Python pattern is parsed and rewritten for Java:
 * <ul>
 *   <li>named groups {@code (?P<name>...)} (any Python identifier, underscores included),
 *       back-references {@code (?P=name)} and numbered ones {@code \1}..{@code \99};
 *   <li>{@code \Z} (Python's end of string, Java's {@code \z}); {@code \A};
 *   <li>{@code \d}, {@code \w}, {@code \s}, {@code \b}, {@code \B} and their negations with
 *       Python 3's Unicode meaning ({@code \d} = decimal digits {@code Nd}; {@code \w} = letters,
 *       numbers and {@code _}, without the combining marks Java adds; {@code \s} = Python's
 *       whitespace set, including {@code \x1c}-{@code \x1f}); ASCII meaning under
 *       {@code (?a)}/{@link #ASCII};
 *   <li>{@code ^}, {@code $} and {@code .} with Python's line rules: only {@code \n} ends a line,
 *       {@code (?m)^} also matches after a final newline, {@code $} matches before a final
 *       newline;
 *   <li>inline flags {@code (?aimsux)} at the start of the pattern (elsewhere they are an error,
 *       as in Python 3.11) and scoped flags {@code (?ims-ims:...)}, {@code (?a:...)};
 *       {@code (?x)} verbose mode (whitespace and {@code #} comments outside character sets are
 *       dropped); {@code (?#comment)}; case-insensitive matching is Unicode-aware unless ASCII;
 *   <li>escapes Java reads differently or not at all: {@code \v} (only {@code \x0b}),
 *       {@code \a}, {@code \U0001F600}, {@code \N{EM DASH}}, octal {@code \0}, {@code \012},
 *       {@code \141}; {@code \b} inside a set is a backspace; unknown escapes of ASCII letters
 *       ({@code \p}, {@code \h}, {@code \z}, {@code \Q}...) are errors as in Python;
 *   <li>set syntax: a {@code ]} first in a set is literal, {@code [} and {@code &&} inside a set
 *       are literal (Java would nest or intersect);
 *   <li>a <code>{</code> that does not start a repeat (<code>{}</code>, <code>{x}</code>) is
 *       literal; <code>{,n}</code> means <code>{0,n}</code>;
 *   <li>iteration: after an empty match Python may still match a non-empty text at the same
 *       position ({@code re.sub('(?=b)|b', '-', 'ab')} is {@code a--}), where Java's
 *       {@code find()} moves on; {@link #finditer}, {@link #sub}, {@link #split} and
 *       {@link #findall} follow Python.
 * </ul>
 * Replacement templates ({@link #replacement}) follow Python: {@code \1}, {@code \g<1>},
 * {@code \g<name>}, {@code \g<0>}, the escapes {@code \n \t \r \f \v \a \b \\}, octal
 * {@code \0}; a group that did not take part is replaced by {@code ""}; unknown escapes of
 * non-letters keep their backslash ({@code \&} stays {@code \&}); a {@code $} is literal.
 *
 * <p><b>Not translated.</b> Conditional groups {@code (?(1)yes|no)} have no Java equivalent and
 * fail with {@link InvalidPatternException}. Possessive quantifiers ({@code a*+}) and atomic
 * groups ({@code (?>...)}) are passed to Java, which has them (Python has them since 3.11).
 * Java accepts some look-behinds of bounded variable width that Python rejects, and compiles
 * them. Case-insensitive matching uses Java's simple case folding, which may differ from
 * Python's for a few characters. Bytes patterns and the {@code L} (locale) flag do not exist
 * here. Match positions ({@link MatchResult#start()}) are Java {@code String} indexes (UTF-16
 * units), where Python counts code points; texts are the same. Any other difference in Java's
 * engine (for example its handling of catastrophic backtracking) is Java's.
 *
 * <p>Instances are immutable and thread-safe; {@link #compile} keeps the last compiled patterns
 * in a small cache, as Python's {@code re} module does.
 */
public final class PythonRegex {

  /** Python's {@code re.IGNORECASE}. */
  public static final int IGNORECASE = 2;
  /** Python's {@code re.MULTILINE}. */
  public static final int MULTILINE = 8;
  /** Python's {@code re.DOTALL}. */
  public static final int DOTALL = 16;
  /** Python's {@code re.UNICODE} (the default for text patterns; accepted and redundant). */
  public static final int UNICODE = 32;
  /** Python's {@code re.VERBOSE}. */
  public static final int VERBOSE = 64;
  /** Python's {@code re.ASCII}. */
  public static final int ASCII = 256;

  private static final int KNOWN_FLAGS = IGNORECASE | MULTILINE | DOTALL | UNICODE | VERBOSE | ASCII;
  private static final int CACHE_SIZE = 512;
  private static final Map<Key, PythonRegex> CACHE = new ConcurrentHashMap<>();

  private final String pattern;
  private final int flags;
  private final Pattern compiled;
  private final Pattern advancing;
  private final int groups;
  private final Map<String, Integer> groupIndex;

  private PythonRegex(String pattern, int flags, Pattern compiled, Pattern advancing, int groups,
      Map<String, Integer> groupIndex) {
    this.pattern = pattern;
    this.flags = flags;
    this.compiled = compiled;
    this.advancing = advancing;
    this.groups = groups;
    this.groupIndex = groupIndex;
  }

  /**
   * Python's {@code re.compile(pattern)}.
   *
   * @throws InvalidPatternException when Python would reject the pattern, or Java cannot run it
   */
  public static PythonRegex compile(String pattern) {
    return compile(pattern, 0);
  }

  /**
   * Python's {@code re.compile(pattern, flags)}, flags being a sum of this class's constants.
   *
   * @throws InvalidPatternException when Python would reject the pattern, or Java cannot run it
   * @throws IllegalArgumentException for an unknown flag, or {@link #ASCII} with {@link #UNICODE}
   */
  public static PythonRegex compile(String pattern, int flags) {
    if ((flags & ~KNOWN_FLAGS) != 0) {
      throw new IllegalArgumentException("unknown regular expression flags: " + (flags & ~KNOWN_FLAGS));
    }
    if ((flags & ASCII) != 0 && (flags & UNICODE) != 0) {
      throw new IllegalArgumentException("ASCII and UNICODE flags are incompatible");
    }
    Key key = new Key(pattern, flags);
    PythonRegex cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    PythonRegex regex = translate(pattern, flags);
    if (CACHE.size() >= CACHE_SIZE) {
      CACHE.clear();
    }
    CACHE.put(key, regex);
    return regex;
  }

  private static PythonRegex translate(String pattern, int flags) {
    Translator translator = new Translator(pattern, flags);
    String source = translator.translate();
    int javaFlags = Pattern.UNIX_LINES;
    int merged = translator.globalFlags;
    if ((merged & IGNORECASE) != 0) {
      javaFlags |= Pattern.CASE_INSENSITIVE;
      if ((merged & ASCII) == 0) {
        javaFlags |= Pattern.UNICODE_CASE;
      }
    }
    if ((merged & DOTALL) != 0) {
      javaFlags |= Pattern.DOTALL;
    }
    try {
      return new PythonRegex(pattern, merged, Pattern.compile(source, javaFlags),
          Pattern.compile("(?:" + source + ")(?!\\G)", javaFlags), translator.groupCount,
          Collections.unmodifiableMap(translator.names));
    } catch (PatternSyntaxException e) {
      throw new InvalidPatternException(pattern, "not supported by java.util.regex: " + e.getDescription(), -1);
    }
  }

  /** The pattern as written (Python syntax). */
  public String pattern() {
    return pattern;
  }

  /** The flags: those passed to {@link #compile} plus the pattern's global inline flags. */
  public int flags() {
    return flags;
  }

  /** The equivalent {@code java.util.regex} pattern (Java's group numbers are Python's). */
  public Pattern javaPattern() {
    return compiled;
  }

  /** The number of capturing groups (Python's {@code pattern.groups}). */
  public int groupCount() {
    return groups;
  }

  /** Named groups and their numbers (Python's {@code pattern.groupindex}). */
  public Map<String, Integer> groupIndex() {
    return groupIndex;
  }

  /** Python's {@code pattern.search(text)}: the first match anywhere, if any. */
  public Optional<MatchResult> search(String text) {
    Matcher m = compiled.matcher(text);
    return m.find() ? Optional.of(m.toMatchResult()) : Optional.empty();
  }

  /** Python's {@code pattern.finditer(text)}, as a list. */
  public List<MatchResult> finditer(String text) {
    List<MatchResult> matches = new ArrayList<>();
    scan(text, 0, matches::add);
    return matches;
  }

  /**
   * Python's {@code pattern.findall(text)}: per match, the whole match when the pattern has no
   * group, the group's text when it has one, else the list (Python's tuple) of all groups' texts;
   * a group that did not take part reads as {@code ""}.
   */
  public List<Object> findall(String text) {
    List<Object> found = new ArrayList<>();
    scan(text, 0, m -> {
      if (groups == 0) {
        found.add(m.group());
      } else if (groups == 1) {
        found.add(orEmpty(m.group(1)));
      } else {
        List<String> tuple = new ArrayList<>(groups);
        for (int g = 1; g <= groups; g++) {
          tuple.add(orEmpty(m.group(g)));
        }
        found.add(Collections.unmodifiableList(tuple));
      }
    });
    return found;
  }

  /**
   * Python's {@code pattern.split(text, maxsplit)}: the pieces between matches, with the texts of
   * the pattern's groups inserted after each piece ({@code null} for a group that did not take
   * part). {@code maxsplit} 0 splits at every match; a negative one does not split.
   */
  public List<@Nullable String> split(String text, int maxsplit) {
    List<@Nullable String> pieces = new ArrayList<>();
    int[] last = {0};
    scan(text, maxsplit, m -> {
      pieces.add(text.substring(last[0], m.start()));
      for (int g = 1; g <= groups; g++) {
        pieces.add(m.group(g));
      }
      last[0] = m.end();
    });
    pieces.add(text.substring(last[0]));
    return pieces;
  }

  /**
   * A Python replacement template checked against this pattern's groups.
   *
   * @throws InvalidPatternException for a bad escape or a reference to a group that does not exist
   */
  public Replacement replacement(String template) {
    return new Replacement(template, this);
  }

  /**
   * Python's {@code pattern.sub(template, text, count)}: {@code count} 0 replaces every match, a
   * negative count none.
   *
   * @throws InvalidPatternException when the template is invalid for this pattern
   */
  public String sub(String template, String text, int count) {
    return subn(replacement(template), text, count).text();
  }

  /** Python's {@code pattern.subn(replacement, text, count)}: the new text and how many matches were replaced. */
  public Substitution subn(Replacement replacement, String text, int count) {
    if (replacement.regex != this && !replacement.regex.equals(this)) {
      throw new IllegalArgumentException("the replacement was made for another pattern: " + replacement.regex.pattern);
    }
    StringBuilder out = new StringBuilder(text.length());
    int[] state = {0, 0};
    scan(text, count, m -> {
      out.append(text, state[0], m.start()).append(replacement.expand(m));
      state[0] = m.end();
      state[1]++;
    });
    out.append(text, state[0], text.length());
    return new Substitution(out.toString(), state[1]);
  }

  /**
   * The matches in Python's order ({@code _sre}'s search loop): after an empty match at p, the
   * next match may start at p only if it is not empty. {@code limit} 0 means every match, a
   * negative limit none.
   */
  private void scan(String text, int limit, Consumer<MatchResult> action) {
    if (limit < 0) {
      return;
    }
    Matcher plain = compiled.matcher(text);
    Matcher advanced = null;
    int position = 0;
    boolean mustAdvance = false;
    int found = 0;
    while (position <= text.length() && (limit == 0 || found < limit)) {
      Matcher m;
      if (mustAdvance) {
        if (advanced == null) {
          advanced = advancing.matcher(text);
        }
        m = advanced;
      } else {
        m = plain;
      }
      if (!m.find(position)) {
        return;
      }
      action.accept(m.toMatchResult());
      found++;
      mustAdvance = m.start() == m.end();
      position = m.end();
    }
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PythonRegex r && r.pattern.equals(pattern) && r.flags == flags;
  }

  @Override
  public int hashCode() {
    return pattern.hashCode() * 31 + flags;
  }

  @Override
  public String toString() {
    return "re.compile(" + PyStr.repr(pattern) + (flags == 0 ? "" : ", " + flags) + ")";
  }

  /**
   * The result of {@link #subn}.
   *
   * @param text the text after replacement
   * @param count how many matches were replaced
   */
  public record Substitution(String text, int count) {}

  /** A Python replacement template parsed for one pattern ({@link #replacement}). */
  public static final class Replacement {
    private final String template;
    private final PythonRegex regex;
    /** Literal texts (String) and group numbers (Integer), in order. */
    private final List<Object> parts;

    Replacement(String template, PythonRegex regex) {
      this.template = template;
      this.regex = regex;
      this.parts = TemplateParser.parse(template, regex);
    }

    /** The template as written. */
    public String template() {
      return template;
    }

    /** The template expanded for one match (Python's {@code match.expand(template)}). */
    public String expand(MatchResult match) {
      StringBuilder out = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof Integer group) {
          String text = match.group(group);
          out.append(text == null ? "" : text);
        } else {
          out.append((String) part);
        }
      }
      return out.toString();
    }
  }

  /** A pattern or replacement template that Python rejects, or that Java cannot run. */
  public static final class InvalidPatternException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final String description;
    private final int index;

    /**
     * @param pattern the pattern (or template) as written
     * @param description what is wrong, in Python's words where Python has them
     * @param index the position of the problem, or -1
     */
    public InvalidPatternException(String pattern, String description, int index) {
      super(description + (index >= 0 ? " at position " + index : "") + " in " + PyStr.repr(pattern));
      this.pattern = pattern;
      this.description = description;
      this.index = index;
    }

    /** The pattern (or template) as written. */
    public String pattern() {
      return pattern;
    }

    /** What is wrong. */
    public String description() {
      return description;
    }

    /** The position of the problem in {@link #pattern()}, or -1. */
    public int index() {
      return index;
    }
  }

  private record Key(String pattern, int flags) {}

  /** Python's {@code _parser.parse_template}: literals and group references. */
  private static final class TemplateParser {

    static List<Object> parse(String template, PythonRegex regex) {
      List<Object> parts = new ArrayList<>();
      StringBuilder literal = new StringBuilder();
      int i = 0;
      int n = template.length();
      while (i < n) {
        char c = template.charAt(i);
        if (c != '\\') {
          literal.append(c);
          i++;
          continue;
        }
        if (i + 1 >= n) {
          throw new InvalidPatternException(template, "bad escape (end of pattern)", i);
        }
        char e = template.charAt(i + 1);
        int start = i;
        i += 2;
        if (e == 'g') {
          if (i >= n || template.charAt(i) != '<') {
            throw new InvalidPatternException(template, "missing <", i);
          }
          int close = template.indexOf('>', i + 1);
          if (close < 0) {
            throw new InvalidPatternException(template, "missing >, unterminated name", i + 1);
          }
          String name = template.substring(i + 1, close);
          if (name.isEmpty()) {
            throw new InvalidPatternException(template, "missing group name", i + 1);
          }
          int index;
          if (Translator.isIdentifier(name)) {
            Integer known = regex.groupIndex.get(name);
            if (known == null) {
              throw new InvalidPatternException(template, "unknown group name " + PyStr.repr(name), i + 1);
            }
            index = known;
          } else if (name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            index = parseGroupNumber(template, name, i + 1);
          } else {
            throw new InvalidPatternException(template, "bad character in group name " + PyStr.repr(name), i + 1);
          }
          addGroup(template, parts, literal, index, regex, i + 1);
          i = close + 1;
        } else if (e == '0') {
          int end = i;
          while (end < n && end < i + 2 && isOctal(template.charAt(end))) {
            end++;
          }
          literal.append((char) (Integer.parseInt(template.substring(start + 1, end), 8) & 0xff));
          i = end;
        } else if (e >= '1' && e <= '9') {
          if (i < n && isDigit(template.charAt(i))) {
            char second = template.charAt(i);
            if (isOctal(e) && isOctal(second) && i + 1 < n && isOctal(template.charAt(i + 1))) {
              int value = Integer.parseInt(template.substring(start + 1, i + 2), 8);
              if (value > 0377) {
                throw new InvalidPatternException(template,
                    "octal escape value " + template.substring(start, i + 2) + " outside of range 0-0o377", start);
              }
              literal.append((char) value);
              i += 2;
              continue;
            }
            i++;
          }
          addGroup(template, parts, literal, Integer.parseInt(template.substring(start + 1, i)), regex, start + 1);
        } else {
          String escaped = simpleEscape(e);
          if (escaped != null) {
            literal.append(escaped);
          } else if (isAsciiLetter(e)) {
            throw new InvalidPatternException(template, "bad escape \\" + e, start);
          } else {
            literal.append('\\').append(e);
          }
        }
      }
      if (!literal.isEmpty()) {
        parts.add(literal.toString());
      }
      return List.copyOf(parts);
    }

    private static int parseGroupNumber(String template, String digits, int position) {
      try {
        return Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        throw new InvalidPatternException(template, "invalid group reference " + digits, position);
      }
    }

    private static void addGroup(String template, List<Object> parts, StringBuilder literal, int index,
        PythonRegex regex, int position) {
      if (index > regex.groups) {
        throw new InvalidPatternException(template, "invalid group reference " + index, position);
      }
      if (!literal.isEmpty()) {
        parts.add(literal.toString());
        literal.setLength(0);
      }
      parts.add(index);
    }

    /** Python's {@code ESCAPES} of templates: {@code \a \b \f \n \r \t \v \\}. */
    private static @Nullable String simpleEscape(char e) {
      return switch (e) {
        case 'a' -> "\u0007";
        case 'b' -> "\b";
        case 'f' -> "\f";
        case 'n' -> "\n";
        case 'r' -> "\r";
        case 't' -> "\t";
        case 'v' -> "\u000b";
        case '\\' -> "\\";
        default -> null;
      };
    }
  }

  static boolean isOctal(int c) {
    return c >= '0' && c <= '7';
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHex(int c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Python's {@code _parser}, writing Java syntax as it goes. Python's flags that change the
   * parse ({@code x}) or the translation ({@code m}, {@code a}) are tracked per group; {@code i}
   * and {@code s} become Java flags.
   */
  private static final class Translator {
    private static final String UNICODE_WORD = "\\p{L}\\p{N}_";
    private static final String ASCII_WORD = "a-zA-Z0-9_";
    private static final String UNICODE_SPACE =
        "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
    private static final String ASCII_SPACE = "\\t\\n\\x0B\\f\\r ";

    /** What the last item was, for Python's "nothing to repeat" and "multiple repeat" checks. */
    private enum Last { NOTHING, ATOM, ANCHOR, REPEAT }

    /** The flags in force inside one group. */
    private record Scope(int flags, int group) {}

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Set<Integer> openGroups = new HashSet<>();
    final Map<String, Integer> names = new LinkedHashMap<>();
    int globalFlags;
    int groupCount;
    private int flags;
    private int pos;
    private Last last = Last.NOTHING;
    /** Whether nothing but global flags was read yet (where Python accepts {@code (?i)}). */
    private boolean atStart = true;

    Translator(String src, int flags) {
      this.src = src;
      this.flags = flags;
      this.globalFlags = flags;
    }

    String translate() {
      while (pos < src.length()) {
        int c = src.codePointAt(pos);
        if (verbose() && isVerboseSpace(c)) {
          pos++;
          continue;
        }
        if (verbose() && c == '#') {
          int newline = src.indexOf('\n', pos);
          pos = newline < 0 ? src.length() : newline + 1;
          continue;
        }
        int start = pos;
        pos += Character.charCount(c);
        switch (c) {
          case '\\' -> escape(start);
          case '[' -> {
            charClass(start);
            item(Last.ATOM);
          }
          case '(' -> openGroup(start);
          case ')' -> closeGroup(start);
          case '|' -> {
            out.append('|');
            last = Last.NOTHING;
            atStart = false;
          }
          case '^' -> {
            out.append(multiline() ? "(?:^|(?<=\\n))" : "^");
            item(Last.ANCHOR);
          }
          case '$' -> {
            out.append(multiline() ? "(?=\\n|\\z)" : "(?=\\n?\\z)");
            item(Last.ANCHOR);
          }
          case '.' -> {
            out.append('.');
            item(Last.ATOM);
          }
          case '*', '+', '?' -> repeat(start, Character.toString(c));
          case '{' -> brace(start);
          default -> {
            literal(c);
            item(Last.ATOM);
          }
        }
      }
      if (!scopes.isEmpty()) {
        throw error("missing ), unterminated subpattern", src.length());
      }
      return out.toString();
    }

    private void item(Last kind) {
      last = kind;
      atStart = false;
    }

    private boolean verbose() {
      return (flags & VERBOSE) != 0;
    }

    private boolean multiline() {
      return (flags & MULTILINE) != 0;
    }

    private boolean ascii() {
      return (flags & ASCII) != 0;
    }

    private static boolean isVerboseSpace(int c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private InvalidPatternException error(String description, int index) {
      return new InvalidPatternException(src, description, index);
    }

    private void repeat(int start, String quantifier) {
      if (last == Last.NOTHING || last == Last.ANCHOR) {
        throw error("nothing to repeat", start);
      }
      if (last == Last.REPEAT) {
        throw error("multiple repeat", start);
      }
      out.append(quantifier);
      if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
        out.append(src.charAt(pos));
        pos++;
      }
      last = Last.REPEAT;
    }

    /** {@code {m,n}} and its variants; anything else starting with {@code {} is a literal brace. */
    private void brace(int start) {
      int i = pos;
      int loStart = i;
      while (i < src.length() && isDigit(src.charAt(i))) {
        i++;
      }
      String lo = src.substring(loStart, i);
      String hi;
      boolean comma = i < src.length() && src.charAt(i) == ',';
      if (comma) {
        int hiStart = ++i;
        while (i < src.length() && isDigit(src.charAt(i))) {
          i++;
        }
        hi = src.substring(hiStart, i);
      } else {
        hi = lo;
      }
      boolean closed = i < src.length() && src.charAt(i) == '}';
      if (!closed || (src.startsWith("}", pos) && !comma)) {
        out.append("\\{");
        item(Last.ATOM);
        return;
      }
      long min = lo.isEmpty() ? 0 : parseRepeat(lo, start);
      long max = hi.isEmpty() ? -1 : parseRepeat(hi, start);
      if (max >= 0 && max < min) {
        throw error("min repeat greater than max repeat", start);
      }
      pos = i + 1;
      repeat(start, "{" + min + (comma ? "," + (max < 0 ? "" : String.valueOf(max)) : "") + "}");
    }

    private long parseRepeat(String digits, int start) {
      try {
        long value = Long.parseLong(digits);
        if (value > Integer.MAX_VALUE - 1) {
          throw error("the repetition number is too large", start);
        }
        return value;
      } catch (NumberFormatException e) {
        throw error("the repetition number is too large", start);
      }
    }

    private void literal(int c) {
      out.append(javaLiteral(c));
    }

    /** A literal code point in Java syntax, valid inside and outside sets. */
    private static String javaLiteral(int c) {
      if (c < 0x20 || c == 0x7F) {
        return String.format("\\x%02X", c);
      }
      if (c < 0x80) {
        return Character.isLetterOrDigit(c) ? Character.toString(c) : "\\" + (char) c;
      }
      if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
        return String.format("\\u%04X", c);
      }
      return Character.toString(c);
    }

    private void escape(int start) {
      if (pos >= src.length()) {
        throw error("bad escape (end of pattern)", start);
      }
      int c = src.codePointAt(pos);
      pos += Character.charCount(c);
      switch (c) {
        case 'A' -> {
          out.append("\\A");
          item(Last.ANCHOR);
        }
        case 'Z' -> {
          out.append("\\z");
          item(Last.ANCHOR);
        }
        case 'b' -> {
          String w = "[" + word() + "]";
          out.append("(?:(?<=").append(w).append(")(?!").append(w).append(")|(?<!").append(w).append(")(?=").append(w).append("))");
          item(Last.ANCHOR);
        }
        case 'B' -> {
          String w = "[" + word() + "]";
          out.append("(?:(?<=").append(w).append(")(?=").append(w).append(")|(?<!").append(w).append(")(?!").append(w).append("))");
          item(Last.ANCHOR);
        }
        case 'd', 'D', 's', 'S', 'w', 'W' -> {
          String set = category(c);
          out.append(set.startsWith("[") ? set : "[" + set + "]");
          item(Last.ATOM);
        }
        default -> {
          if (isDigit(c) && c != '0') {
            backReferenceOrOctal(start, c);
            return;
          }
          literal(escapedCodePoint(start, c, false));
          item(Last.ATOM);
        }
      }
    }

    private String word() {
      return ascii() ? ASCII_WORD : UNICODE_WORD;
    }

    /** A category escape as Java set syntax: a bare fragment for positive ones, a full set for negated ones. */
    private String category(int c) {
      return switch (c) {
        case 'd' -> ascii() ? "0-9" : "\\p{Nd}";
        case 'D' -> ascii() ? "[^0-9]" : "\\P{Nd}";
        case 's' -> ascii() ? ASCII_SPACE : UNICODE_SPACE;
        case 'S' -> "[^" + (ascii() ? ASCII_SPACE : UNICODE_SPACE) + "]";
        case 'w' -> word();
        default -> "[^" + word() + "]";
      };
    }

    /** {@code \1}..{@code \99}, or a three-digit octal escape such as {@code \141}. */
    private void backReferenceOrOctal(int start, int first) {
      String digits = Character.toString(first);
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        char second = src.charAt(pos);
        if (isOctal(first) && isOctal(second) && pos + 1 < src.length() && isOctal(src.charAt(pos + 1))) {
          int value = Integer.parseInt(src.substring(pos - 1, pos + 2), 8);
          if (value > 0377) {
            throw error("octal escape value \\" + src.substring(pos - 1, pos + 2) + " outside of range 0-0o377", start);
          }
          pos += 2;
          literal(value);
          item(Last.ATOM);
          return;
        }
        digits += second;
        pos++;
      }
      int group = Integer.parseInt(digits);
      if (group > groupCount) {
        throw error("invalid group reference " + group, start + 1);
      }
      if (openGroups.contains(group)) {
        throw error("cannot refer to an open group", start);
      }
      out.append("(?:\\").append(group).append(')');
      item(Last.ATOM);
    }

    /**
     * The code point of an escape that stands for one character ({@code \n}, {@code \x41},
     * {@code \N{...}}, an escaped punctuation mark, ...). {@code c} has been read already.
     */
    private int escapedCodePoint(int start, int c, boolean inSet) {
      switch (c) {
        case 'a':
          return 0x07;
        case 'f':
          return '\f';
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'v':
          return 0x0B;
        case 'x':
          return hex(start, 2);
        case 'u':
          return hex(start, 4);
        case 'U': {
          int value = hex(start, 8);
          if (value > Character.MAX_CODE_POINT || value < 0) {
            throw error("bad escape " + src.substring(start, pos), start);
          }
          return value;
        }
        case 'N':
          return namedCharacter(start);
        case '0': {
          int end = pos;
          while (end < src.length() && end < pos + 2 && isOctal(src.charAt(end))) {
            end++;
          }
          int value = Integer.parseInt(src.substring(pos - 1, end), 8);
          pos = end;
          return value;
        }
        default:
          break;
      }
      if (inSet && isOctal(c)) {
        int end = pos;
        while (end < src.length() && end < pos + 2 && isOctal(src.charAt(end))) {
          end++;
        }
        int value = Integer.parseInt(src.substring(pos - 1, end), 8);
        if (value > 0377) {
          throw error("octal escape value " + src.substring(start, end) + " outside of range 0-0o377", start);
        }
        pos = end;
        return value;
      }
      if (isAsciiLetter(c) || (inSet && isDigit(c))) {
        throw error("bad escape \\" + Character.toString(c), start);
      }
      return c;
    }

    private int hex(int start, int digits) {
      int end = pos;
      while (end < src.length() && end < pos + digits && isHex(src.charAt(end))) {
        end++;
      }
      if (end - pos != digits) {
        throw error("incomplete escape " + src.substring(start, end), start);
      }
      long value = Long.parseLong(src.substring(pos, end), 16);
      pos = end;
      return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private int namedCharacter(int start) {
      if (pos >= src.length() || src.charAt(pos) != '{') {
        throw error("missing {", pos);
      }
      int close = src.indexOf('}', pos + 1);
      if (close < 0 || close == pos + 1) {
        throw error("missing character name", pos + 1);
      }
      String name = src.substring(pos + 1, close);
      pos = close + 1;
      try {
        return Character.codePointOf(name);
      } catch (IllegalArgumentException e) {
        throw error("undefined character name " + PyStr.repr(name), start);
      }
    }

    private void charClass(int start) {
      StringBuilder set = new StringBuilder("[");
      if (pos < src.length() && src.charAt(pos) == '^') {
        set.append('^');
        pos++;
      }
      boolean empty = true;
      while (true) {
        if (pos >= src.length()) {
          throw error("unterminated character set", start);
        }
        int itemStart = pos;
        int c = src.codePointAt(pos);
        pos += Character.charCount(c);
        if (c == ']' && !empty) {
          break;
        }
        empty = false;
        // one element: a code point (possibly the start of a range) or a category
        String category = null;
        int lo = c;
        if (c == '\\') {
          if (pos >= src.length()) {
            throw error("bad escape (end of pattern)", itemStart);
          }
          int e = src.codePointAt(pos);
          pos += Character.charCount(e);
          if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
            category = category(e);
          } else if (e == 'b') {
            lo = '\b';
          } else {
            lo = escapedCodePoint(itemStart, e, true);
          }
        }
        if (pos < src.length() && src.charAt(pos) == '-') {
          pos++;
          if (pos >= src.length()) {
            throw error("unterminated character set", start);
          }
          int thatStart = pos;
          int that = src.codePointAt(pos);
          pos += Character.charCount(that);
          if (that == ']') {
            set.append(category != null ? category : javaLiteral(lo)).append("\\-");
            break;
          }
          String hiCategory = null;
          int hi = that;
          if (that == '\\') {
            if (pos >= src.length()) {
              throw error("bad escape (end of pattern)", thatStart);
            }
            int e = src.codePointAt(pos);
            pos += Character.charCount(e);
            if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
              hiCategory = category(e);
            } else if (e == 'b') {
              hi = '\b';
            } else {
              hi = escapedCodePoint(thatStart, e, true);
            }
          }
          if (category != null || hiCategory != null) {
            throw error("bad character range " + src.substring(itemStart, pos), itemStart);
          }
          if (hi < lo) {
            throw error("bad character range " + src.substring(itemStart, pos), itemStart);
          }
          set.append(javaLiteral(lo)).append('-').append(javaLiteral(hi));
        } else {
          set.append(category != null ? category : javaLiteral(lo));
        }
      }
      out.append(set).append(']');
    }

    private void openGroup(int start) {
      if (pos < src.length() && src.charAt(pos) == '?') {
        pos++;
        if (pos >= src.length()) {
          throw error("unexpected end of pattern", pos);
        }
        char c = src.charAt(pos++);
        switch (c) {
          case ':' -> push("(?:", -1);
          case '=', '!' -> push("(?" + c, -1);
          case '>' -> push("(?>", -1);
          case '<' -> {
            char d = pos < src.length() ? src.charAt(pos++) : '\0';
            if (d != '=' && d != '!') {
              throw error("unknown extension ?<" + (d == '\0' ? "" : Character.toString(d)), start + 1);
            }
            push("(?<" + d, -1);
          }
          case '#' -> {
            int close = src.indexOf(')', pos);
            if (close < 0) {
              throw error("missing ), unterminated comment", start);
            }
            pos = close + 1;
          }
          case '(' -> throw error("conditional groups (?(id/name)yes|no) are not supported by java.util.regex", start);
          case 'P' -> namedGroupSyntax(start);
          default -> {
            if (c == '-' || "aiLmsux".indexOf(c) >= 0) {
              inlineFlags(start, c);
            } else {
              throw error("unknown extension ?" + c, start + 1);
            }
          }
        }
        return;
      }
      groupCount++;
      openGroups.add(groupCount);
      push("(", groupCount);
    }

    private void push(String open, int group) {
      out.append(open);
      scopes.push(new Scope(flags, group));
      last = Last.NOTHING;
      atStart = false;
    }

    private void closeGroup(int start) {
      if (scopes.isEmpty()) {
        throw error("unbalanced parenthesis", start);
      }
      Scope scope = scopes.pop();
      flags = scope.flags();
      if (scope.group() > 0) {
        openGroups.remove(scope.group());
      }
      out.append(')');
      item(Last.ATOM);
    }

    private void namedGroupSyntax(int start) {
      if (pos >= src.length()) {
        throw error("unexpected end of pattern", pos);
      }
      char kind = src.charAt(pos++);
      if (kind == '<') {
        int close = src.indexOf('>', pos);
        if (close < 0) {
          throw error("missing >, unterminated name", pos);
        }
        String name = src.substring(pos, close);
        if (name.isEmpty()) {
          throw error("missing group name", pos);
        }
        if (!isIdentifier(name)) {
          throw error("bad character in group name " + PyStr.repr(name), pos);
        }
        if (names.containsKey(name)) {
          throw error("redefinition of group name " + PyStr.repr(name) + " as group " + (groupCount + 1)
              + "; was group " + names.get(name), pos);
        }
        pos = close + 1;
        groupCount++;
        names.put(name, groupCount);
        openGroups.add(groupCount);
        push("(", groupCount);
      } else if (kind == '=') {
        int close = src.indexOf(')', pos);
        if (close < 0) {
          throw error("missing ), unterminated name", pos);
        }
        String name = src.substring(pos, close);
        if (name.isEmpty()) {
          throw error("missing group name", pos);
        }
        if (!isIdentifier(name)) {
          throw error("bad character in group name " + PyStr.repr(name), pos);
        }
        Integer group = names.get(name);
        if (group == null) {
          throw error("unknown group name " + PyStr.repr(name), pos);
        }
        if (openGroups.contains(group)) {
          throw error("cannot refer to an open group", pos);
        }
        pos = close + 1;
        out.append("(?:\\").append(group).append(')');
        item(Last.ATOM);
      } else {
        throw error("unknown extension ?P" + kind, start + 1);
      }
    }

    /** {@code (?flags)} (global, only at the start) or {@code (?flags-flags:...)} (scoped). */
    private void inlineFlags(int start, char first) {
      int add = 0;
      int remove = 0;
      char c = first;
      if (c != '-') {
        while (true) {
          int flag = flagOf(c, start);
          if (flag == ASCII && (add & UNICODE) != 0 || flag == UNICODE && (add & ASCII) != 0) {
            throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", pos);
          }
          add |= flag;
          if (pos >= src.length()) {
            throw error("missing -, : or )", pos);
          }
          c = src.charAt(pos++);
          if (c == ')' || c == '-' || c == ':') {
            break;
          }
          if ("aiLmsux".indexOf(c) < 0) {
            throw error(Character.isLetter(c) ? "unknown flag" : "missing -, : or )", pos - 1);
          }
        }
      }
      if (c == ')') {
        if (!atStart || !scopes.isEmpty()) {
          throw error("global flags not at the start of the expression", start);
        }
        if ((add & ASCII) != 0 && (globalFlags & UNICODE) != 0 || (add & UNICODE) != 0 && (globalFlags & ASCII) != 0) {
          throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", start);
        }
        flags |= add;
        globalFlags |= add;
        return;
      }
      if (c == '-') {
        if (pos >= src.length()) {
          throw error("missing flag", pos);
        }
        c = src.charAt(pos++);
        if ("aiLmsux".indexOf(c) < 0) {
          throw error("unknown flag", pos - 1);
        }
        while (true) {
          int flag = flagOf(c, start);
          if (flag == ASCII || flag == UNICODE) {
            throw error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", pos - 1);
          }
          remove |= flag;
          if (pos >= src.length()) {
            throw error("missing :", pos);
          }
          c = src.charAt(pos++);
          if (c == ':') {
            break;
          }
          if ("aiLmsux".indexOf(c) < 0) {
            throw error(Character.isLetter(c) ? "unknown flag" : "missing :", pos - 1);
          }
        }
      }
      if ((add & remove) != 0) {
        throw error("bad inline flags: flag turned on and off", pos - 1);
      }
      int outer = flags;
      int inner = (outer | add) & ~remove;
      if ((add & ASCII) != 0) {
        inner &= ~UNICODE;
      }
      out.append("(?").append(javaScopedFlags(inner)).append(':');
      scopes.push(new Scope(outer, -1));
      flags = inner;
      last = Last.NOTHING;
      atStart = false;
    }

    private int flagOf(char c, int start) {
      return switch (c) {
        case 'a' -> ASCII;
        case 'i' -> IGNORECASE;
        case 'm' -> MULTILINE;
        case 's' -> DOTALL;
        case 'u' -> UNICODE;
        case 'x' -> VERBOSE;
        case 'L' -> throw error("bad inline flags: cannot use 'L' flag with a str pattern", start);
        default -> throw error("unknown flag", pos - 1);
      };
    }

    /** The Java flags of a scoped group, written out in full so nothing leaks from outside. */
    private static String javaScopedFlags(int python) {
      StringBuilder on = new StringBuilder();
      StringBuilder off = new StringBuilder();
      boolean ignoreCase = (python & IGNORECASE) != 0;
      (ignoreCase ? on : off).append('i');
      ((python & DOTALL) != 0 ? on : off).append('s');
      (ignoreCase && (python & ASCII) == 0 ? on : off).append('u');
      return off.isEmpty() ? on.toString() : on + "-" + off;
    }

    /** Python's {@code str.isidentifier()}, close enough: a letter or {@code _}, then letters, digits, {@code _}. */
    static boolean isIdentifier(String name) {
      if (name.isEmpty()) {
        return false;
      }
      int first = name.codePointAt(0);
      if (!(first == '_' || Character.isUnicodeIdentifierStart(first))) {
        return false;
      }
      return name.codePoints().skip(1).allMatch(c -> c == '_' || Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }
  }
}
