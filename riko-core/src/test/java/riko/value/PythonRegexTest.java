package riko.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PythonRegexTest {

  private static Arguments row(String why, String pattern, String text, String template, List<?> findall,
      List<?> split, String sub, int count) {
    return Arguments.of(why, pattern, text, template, findall, split, sub, count);
  }

  /**
   * Python-versus-Java cases: each expected value was produced by CPython 3.11's {@code re}
   * ({@code findall}, {@code split}, {@code subn}) on the same pattern, text and template.
   */
  static Stream<Arguments> pythonCases() {
    return Stream.of(
        row("groups and a Unicode \\w",
            "(\\w+)\\s(\\w+)", "Ünïcödé straße ÆØÅ", "\\2-\\1",
            List.of(List.of("Ünïcödé", "straße")),
            List.of("", "Ünïcödé", "straße", " ÆØÅ"),
            "straße-Ünïcödé ÆØÅ", 1),
        row("\\w has no combining marks and no connector punctuation but '_' (Java's Unicode \\w has both)",
            "\\w+", "e\u0301té ²x \u203fy_", "<\\g<0>>",
            List.of("e", "té", "²x", "y_"),
            List.of("", "\u0301", " ", " \u203f", ""),
            "<e>\u0301<té> <²x> \u203f<y_>", 4),
        row("\\d is any decimal digit (Nd), not superscripts",
            "\\d+", "a٣٤b12²", "[\\g<0>]",
            List.of("٣٤", "12"),
            List.of("a", "b", "²"),
            "a[٣٤]b[12]²", 2),
        row("\\s is Python's whitespace: \\x1c-\\x1f, \\x85, no-break spaces, not a zero-width space",
            "\\s+", "a\u001cb\u00a0c\u2007d\u200be\u0085f", "_",
            List.of("\u001c", "\u00a0", "\u2007", "\u0085"),
            List.of("a", "b", "c", "d\u200be", "f"),
            "a_b_c_d\u200be_f", 4),
        row("\\b between Python word characters",
            "\\bfoo\\b", "foo foo\u0301 éfoo foo_", "X",
            List.of("foo", "foo"),
            List.of("", " ", "\u0301 éfoo foo_"),
            "X X\u0301 éfoo foo_", 2),
        row("\\B",
            "\\Bo\\B", "foo boot", "0",
            List.of("o", "o", "o"),
            List.of("f", "o b", "", "t"),
            "f0o b00t", 3),
        row("named groups with underscores and their back-references",
            "(?P<first_name>\\w+) (?P=first_name)", "bob bob alice alice", "\\g<first_name>!",
            List.of("bob", "alice"),
            List.of("", "bob", " ", "alice", ""),
            "bob! alice!", 2),
        row("\\Z is the very end",
            "a\\Z", "a\na", "X",
            List.of("a"),
            List.of("a\n", ""),
            "a\nX", 1),
        row("$ also matches before a final newline",
            "a$", "a\n", "X",
            List.of("a"),
            List.of("", "\n"),
            "X\n", 1),
        row("(?m)^ also matches after a final newline",
            "(?m)^", "a\nb\n", "> ",
            List.of("", "", ""),
            List.of("", "a\n", "b\n", ""),
            "> a\n> b\n> ", 3),
        row("(?m)$ before every newline",
            "(?m)$", "a\nb\n", ";",
            List.of("", "", ""),
            List.of("a", "\nb", "\n", ""),
            "a;\nb;\n;", 3),
        row("only \\n ends a line for ^",
            "(?m)^x", "x\rx\u2028x\nx", "Y",
            List.of("x", "x"),
            List.of("", "\rx\u2028x\n", ""),
            "Y\rx\u2028x\nY", 2),
        row("only \\n stops the dot",
            ".+", "a\rb\u2028c\nd", "X",
            List.of("a\rb\u2028c", "d"),
            List.of("", "\n", ""),
            "X\nX", 2),
        row("DOTALL",
            "(?s).+", "a\nb", "X",
            List.of("a\nb"),
            List.of("", ""),
            "X", 1),
        row("empty matches next to non-empty ones",
            "x*", "axbc", "-",
            List.of("", "x", "", "", ""),
            List.of("", "a", "", "b", "c", ""),
            "-a--b-c-", 5),
        row("after an empty match a non-empty one may start at the same place",
            "(?=b)|b", "ab", "-",
            List.of("", "b"),
            List.of("a", "", ""),
            "a--", 2),
        row("empty pattern",
            "", "abc", "-",
            List.of("", "", "", ""),
            List.of("", "a", "b", "c", ""),
            "-a-b-c-", 4),
        row("{,n} is {0,n}",
            "a{,2}", "aaaaa", "X",
            List.of("aa", "aa", "a", ""),
            List.of("", "", "", "", ""),
            "XXXX", 4),
        row("a brace that starts no repeat is literal",
            "a{b}{", "a{b}{", "X",
            List.of("a{b}{"),
            List.of("", ""),
            "X", 1),
        row("a ] first in a set is literal",
            "[]a]+", "]a]b", "X",
            List.of("]a]"),
            List.of("", "b"),
            "Xb", 1),
        row("[ and && inside a set are literal",
            "[[&&]+", "a[&&]b", "X",
            List.of("[&&"),
            List.of("a", "]b"),
            "aX]b", 1),
        row("\\b in a set is a backspace; a trailing - is literal",
            "[\\b-]", "a\b-b", "X",
            List.of("\b", "-"),
            List.of("a", "", "b"),
            "aXXb", 2),
        row("categories inside a negated set",
            "[^\\W\\d]+", "a1_ é", "X",
            List.of("a", "_", "é"),
            List.of("", "1", " ", ""),
            "X1X X", 3),
        row("\\x, \\u, \\U, \\N{...}",
            "\\x41\\u00e9\\U0001F600\\N{EM DASH}", "xAé\ud83d\ude00—x", "X",
            List.of("Aé\ud83d\ude00—"),
            List.of("x", "x"),
            "xXx", 1),
        row("octal escapes",
            "\\141\\0\\07", "a\u0000\u0007", "X",
            List.of("a\u0000\u0007"),
            List.of("", ""),
            "X", 1),
        row("\\v is only the vertical tab",
            "\\v", "\u000b\n\f", "X",
            List.of("\u000b"),
            List.of("", "\n\f"),
            "X\n\f", 1),
        row("(?i) is Unicode-aware",
            "(?i)é+", "ÉéE", "X",
            List.of("Éé"),
            List.of("", "E"),
            "XE", 1),
        row("(?a) makes \\w ASCII",
            "(?a)\\w+", "abé", "X",
            List.of("ab"),
            List.of("", "é"),
            "Xé", 1),
        row("scoped ASCII",
            "(?a:\\w+)é", "abé", "X",
            List.of("abé"),
            List.of("", ""),
            "X", 1),
        row("scoped flags",
            "(?i:a)b", "AB Ab ab aB", "X",
            List.of("Ab", "ab"),
            List.of("AB ", " ", " aB"),
            "AB X X aB", 2),
        row("scoped flags turned off",
            "(?i)a(?-i:b)", "AB Ab ab aB", "X",
            List.of("Ab", "ab"),
            List.of("AB ", " ", " aB"),
            "AB X X aB", 2),
        row("verbose mode drops spaces and comments, not inside sets",
            "(?x) a [ ]b # comment\n c", "a bc abc", "X",
            List.of("a bc"),
            List.of("", " abc"),
            "X abc", 1),
        row("comments",
            "a(?#comment)b", "ab", "X",
            List.of("ab"),
            List.of("", ""),
            "X", 1),
        row("groups that did not take part",
            "(a)|(b)", "ab", "[\\1|\\2]",
            List.of(List.of("a", ""), List.of("", "b")),
            Arrays.asList("", "a", null, "", null, "b", ""),
            "[a|][|b]", 2),
        row("template escapes; $ is literal; unknown escapes of punctuation keep their backslash",
            "a", "a", "\\n\\t\\\\\\&$1",
            List.of("a"),
            List.of("", ""),
            "\n\t\\\\&$1", 1),
        row("\\g<1> followed by a digit, and a three-digit octal escape",
            "(a)", "a", "\\g<1>0\\101",
            List.of("a"),
            List.of("", "a", ""),
            "a0A", 1),
        row("possessive quantifiers and atomic groups (Python 3.11)",
            "(?>a+)b|c++", "aaab ccc", "X",
            List.of("aaab", "ccc"),
            List.of("", " ", ""),
            "X X", 2),
        row("findall with one group gives the group",
            "([a-z])\\d", "a1b2c3", "\\1",
            List.of("a", "b", "c"),
            List.of("", "a", "", "b", "", "c", ""),
            "abc", 3),
        row("findall with several groups gives tuples; split inserts the groups",
            "(a)(b)?", "ab a", "\\2",
            List.of(List.of("a", "b"), List.of("a", "")),
            Arrays.asList("", "a", "b", " ", "a", null, ""),
            "b ", 2),
        row("a literal # and space outside verbose mode",
            "# a", "1# a", "X",
            List.of("# a"),
            List.of("1", ""),
            "1X", 1));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("pythonCases")
  void behavesAsPython(String why, String pattern, String text, String template, List<?> findall,
      List<?> split, String sub, int count) {
    PythonRegex regex = PythonRegex.compile(pattern);
    assertThat(regex.findall(text)).as("findall").isEqualTo(findall);
    assertThat(regex.split(text, 0)).as("split").isEqualTo(split);
    PythonRegex.Substitution result = regex.subn(regex.replacement(template), text, 0);
    assertThat(result.text()).as("sub").isEqualTo(sub);
    assertThat(result.count()).as("count").isEqualTo(count);
  }

  /** Patterns CPython 3.11 rejects, with (the start of) its message. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      (                 | missing ), unterminated subpattern
      )                 | unbalanced parenthesis
      [a                | unterminated character set
      []                | unterminated character set
      a**               | multiple repeat
      a{2}{3}           | multiple repeat
      *a                | nothing to repeat
      ^*                | nothing to repeat
      \\b+              | nothing to repeat
      `a|*`             | nothing to repeat
      \\p{L}            | bad escape \\p
      \\z               | bad escape \\z
      `\\`              | bad escape (end of pattern)
      [\\8]             | bad escape \\8
      (?P<a>x)(?P<a>y)  | redefinition of group name 'a'
      (?P=nope)         | unknown group name 'nope'
      (?P<1a>x)         | bad character in group name '1a'
      (?<name>x)        | unknown extension ?<n
      (?Px)             | unknown extension ?Px
      a(?i)b            | global flags not at the start of the expression
      (?i)a(?m)         | global flags not at the start of the expression
      (?L)a             | bad inline flags: cannot use 'L' flag with a str pattern
      (?au)a            | bad inline flags: flags 'a', 'u' and 'L' are incompatible
      (?-a:x)           | bad inline flags: cannot turn off flags 'a', 'u' and 'L'
      (?i-i:x)          | bad inline flags: flag turned on and off
      \\1(a)            | invalid group reference 1
      \\8               | invalid group reference 8
      (a\\1)            | cannot refer to an open group
      \\400             | octal escape value \\400 outside of range 0-0o377
      x{3,2}            | min repeat greater than max repeat
      [b-a]             | bad character range b-a
      [\\w-z]           | bad character range \\w-z
      \\x4              | incomplete escape \\x4
      \\U00110000       | bad escape \\U00110000
      \\N{NO SUCH}      | undefined character name 'NO SUCH'
      (?#x              | missing ), unterminated comment
      a{99999999999}    | the repetition number is too large
      """)
  void rejectsWhatPythonRejects(String pattern, String message) {
    assertThatThrownBy(() -> PythonRegex.compile(pattern))
        .isInstanceOfSatisfying(PythonRegex.InvalidPatternException.class, e -> {
          assertThat(e.description()).startsWith(message);
          assertThat(e.pattern()).isEqualTo(pattern);
          assertThat(e.getMessage()).contains(PyStr.repr(pattern));
        });
  }

  @Test
  void conditionalGroupsAreNotSupported() {
    assertThatThrownBy(() -> PythonRegex.compile("(a)?(?(1)b|c)"))
        .isInstanceOf(PythonRegex.InvalidPatternException.class)
        .hasMessageContaining("conditional groups")
        .hasMessageContaining("not supported");
  }

  /** Templates CPython 3.11 rejects for the pattern {@code (?P<a>x)}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      \\9               | invalid group reference 9
      \\g<2>            | invalid group reference 2
      \\g<x>            | unknown group name 'x'
      \\g<a b>          | bad character in group name 'a b'
      \\g1              | missing <
      \\g<1             | missing >, unterminated name
      `\\`              | bad escape (end of pattern)
      \\q               | bad escape \\q
      \\400             | octal escape value \\400 outside of range 0-0o377
      """)
  void rejectsTemplatesPythonRejects(String template, String message) {
    PythonRegex regex = PythonRegex.compile("(?P<a>x)");
    assertThatThrownBy(() -> regex.replacement(template))
        .isInstanceOfSatisfying(PythonRegex.InvalidPatternException.class,
            e -> assertThat(e.description()).startsWith(message));
  }

  @Test
  void templatesReferToGroupsByNumberOrName() {
    PythonRegex regex = PythonRegex.compile("(?P<a>x)(y)?");
    assertThat(regex.sub("\\g<a>\\g<0>\\1[\\2]", "x", 0)).isEqualTo("xxx[]");
    assertThat(regex.sub("\\0|\\07", "x", 0)).isEqualTo("\0|\7");
    assertThat(regex.replacement("<\\g<a>>").template()).isEqualTo("<\\g<a>>");
  }

  @Test
  void subCountsLimitTheReplacements() {
    PythonRegex regex = PythonRegex.compile("a");
    assertThat(regex.sub("b", "aaa", 1)).isEqualTo("baa");
    assertThat(regex.sub("b", "aaa", 0)).isEqualTo("bbb");
    assertThat(regex.sub("b", "aaa", -1)).isEqualTo("aaa");
    assertThat(regex.subn(regex.replacement("b"), "xyz", 0)).isEqualTo(new PythonRegex.Substitution("xyz", 0));
  }

  @Test
  void splitHonoursMaxsplitAndInsertsUnmatchedGroupsAsNull() {
    PythonRegex regex = PythonRegex.compile("(-)|(\\+)");
    assertThat(regex.split("a-b+c", 0)).isEqualTo(Arrays.asList("a", "-", null, "b", null, "+", "c"));
    assertThat(regex.split("a-b+c", 1)).isEqualTo(Arrays.asList("a", "-", null, "b+c"));
    assertThat(regex.split("a-b+c", -1)).containsExactly("a-b+c");
    assertThat(regex.split("", 0)).containsExactly("");
  }

  @Test
  void findallOnNoMatchIsEmpty() {
    assertThat(PythonRegex.compile("z").findall("abc")).isEmpty();
    assertThat(PythonRegex.compile("(z)").findall("")).isEmpty();
  }

  @Test
  void searchAndFinditerGiveJavaMatchResults() {
    PythonRegex regex = PythonRegex.compile("(?P<n>\\d)");
    MatchResult first = regex.search("ab12").orElseThrow();
    assertThat(first.start()).isEqualTo(2);
    assertThat(first.group(1)).isEqualTo("1");
    assertThat(regex.search("abc")).isEmpty();
    assertThat(regex.finditer("1a2").stream().map(MatchResult::group)).containsExactly("1", "2");
    assertThat(regex.groupCount()).isEqualTo(1);
    assertThat(regex.groupIndex()).containsEntry("n", 1);
  }

  @Test
  void positionsAreJavaCharIndices() {
    // Python counts code points (the emoji is 1); Java strings count UTF-16 units (2)
    assertThat(PythonRegex.compile("b").search("\ud83d\ude00b").orElseThrow().start()).isEqualTo(2);
  }

  @Test
  void flagsMayBePassedOrWrittenInline() {
    assertThat(PythonRegex.compile("a.b", PythonRegex.IGNORECASE | PythonRegex.DOTALL).findall("A\nB"))
        .containsExactly("A\nB");
    assertThat(PythonRegex.compile("^b", PythonRegex.MULTILINE).findall("a\nb")).containsExactly("b");
    assertThat(PythonRegex.compile("a b", PythonRegex.VERBOSE).findall("ab")).containsExactly("ab");
    assertThat(PythonRegex.compile("\\w", PythonRegex.ASCII).findall("aé")).containsExactly("a");
    assertThat(PythonRegex.compile("(?ims)x").flags())
        .isEqualTo(PythonRegex.IGNORECASE | PythonRegex.MULTILINE | PythonRegex.DOTALL);
    assertThatThrownBy(() -> PythonRegex.compile("a", PythonRegex.ASCII | PythonRegex.UNICODE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PythonRegex.compile("a", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asciiIgnorecaseFoldsOnlyAscii() {
    assertThat(PythonRegex.compile("(?ai)é").findall("É")).isEmpty();
    assertThat(PythonRegex.compile("(?i)é").findall("É")).containsExactly("É");
  }

  @Test
  void compiledPatternsAreCachedAndEqualByPatternAndFlags() {
    PythonRegex one = PythonRegex.compile("(a)+");
    assertThat(PythonRegex.compile("(a)+")).isSameAs(one);
    assertThat(PythonRegex.compile("(a)+", PythonRegex.IGNORECASE)).isNotEqualTo(one);
    assertThat(one.pattern()).isEqualTo("(a)+");
    assertThat(one.javaPattern().matcher("aa").matches()).isTrue();
    assertThat(one).hasToString("re.compile('(a)+')");
  }

  @Test
  void aReplacementBelongsToItsPattern() {
    PythonRegex.Replacement other = PythonRegex.compile("b").replacement("x");
    assertThatThrownBy(() -> PythonRegex.compile("a").subn(other, "a", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
