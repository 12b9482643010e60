package riko.reactive.feed;

import java.util.Set;

/**
 * The two rewrites feedparser's HTML processor applies before sgmllib scans the markup, done
 * with plain searches (they run over every summary and content of every entry):
 * {@code <!} not followed by {@code DOCTYPE}, {@code --} or {@code [} becomes {@code &lt;!}
 * (the regex {@code <!((?!DOCTYPE|--|\[))}, ASCII case-insensitive), and a self-closing tag
 * {@code <x/>} becomes {@code <x />} for void elements and {@code <x></x>} otherwise (the regex
 * {@code <([^<>\s]+?)\s*\/>}).
 */
final class MarkupPreparation {

  private MarkupPreparation() {}

  /** {@code html} with each stray {@code <!} written {@code &lt;!}. */
  static String escapeBangs(String html) {
    int at = html.indexOf("<!");
    if (at < 0) {
      return html;
    }
    StringBuilder out = null;
    int copied = 0;
    while (at >= 0) {
      if (!declarationFollows(html, at + 2)) {
        if (out == null) {
          out = new StringBuilder(html.length() + 16);
        }
        out.append(html, copied, at).append("&lt;!");
        copied = at + 2;
      }
      at = html.indexOf("<!", at + 2);
    }
    return out == null ? html : out.append(html, copied, html.length()).toString();
  }

  private static boolean declarationFollows(String html, int at) {
    return html.startsWith("--", at) || html.startsWith("[", at) || startsWithAsciiIgnoringCase(html, at, "DOCTYPE");
  }

  /** Like the regex flag CASE_INSENSITIVE without UNICODE_CASE: only ASCII letters fold. */
  private static boolean startsWithAsciiIgnoringCase(String text, int at, String upper) {
    if (at + upper.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < upper.length(); k++) {
      char c = text.charAt(at + k);
      if (c >= 128 || Character.toUpperCase(c) != upper.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** {@code html} with each {@code <x/>} expanded, {@code voidElements} written {@code <x />}. */
  static String expandSelfClosing(String html, Set<String> voidElements) {
    int n = html.length();
    int at = html.indexOf('<');
    StringBuilder out = null;
    int copied = 0;
    while (at >= 0) {
      int next = at + 1;
      for (int k = at + 1; k < n; k++) {
        char c = html.charAt(k);
        if (c == '<' || c == '>' || isSpace(c)) {
          break;
        }
        int slash = k + 1;
        while (slash < n && isSpace(html.charAt(slash))) {
          slash++;
        }
        if (html.startsWith("/>", slash)) {
          String tag = html.substring(at + 1, k + 1);
          if (out == null) {
            out = new StringBuilder(n + 16);
          }
          out.append(html, copied, at).append('<').append(tag);
          if (voidElements.contains(tag)) {
            out.append(" />");
          } else {
            out.append("></").append(tag).append('>');
          }
          copied = slash + 2;
          next = copied;
          break;
        }
      }
      at = next < n ? html.indexOf('<', next) : -1;
    }
    return out == null ? html : out.append(html, copied, n).toString();
  }

  /** The regex class {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }
}
