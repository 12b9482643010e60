package riko.reactive.modules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fetchpage's {@code detag}: the text of an HTML fragment as riko collects it with Python's
 * {@code html.parser.HTMLParser} (character references not converted, the parser fed once and
 * never closed). Every text chunk the parser reports is kept, followed by {@code "\n"}; tags,
 * comments, declarations and processing instructions are dropped, and so are character and entity
 * references ({@code &amp;}, {@code &#8217;}: QUIRK, they are not decoded). Text is reported in
 * chunks that end at each {@code <} or {@code &}; a {@code <} or {@code &} that starts no markup
 * or reference is a chunk of its own. The content of {@code script} and {@code style} is one text
 * chunk. Because the parser is never closed, parsing stops at the first construct that is not
 * finished (a tag without {@code >}, an unterminated comment, a reference-like {@code &#} at the
 * end...), and what follows it is dropped, as in riko.
 */
final class HtmlText {

  private static final Pattern CHARREF = Pattern.compile("&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]");
  private static final Pattern ENTITYREF = Pattern.compile("&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]");
  private static final Pattern INCOMPLETE = Pattern.compile("&[a-zA-Z#]");
  private static final Pattern TAG_NAME = Pattern.compile("[a-zA-Z][^\\t\\n\\r\\f />\\x00]*");

  private HtmlText() {}

  /** The text chunks of {@code html}, each followed by a newline. */
  static String of(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int n = html.length();
    int i = 0;
    while (i < n) {
      int j = nextMarkup(html, i);
      if (i < j) {
        out.append(html, i, j).append('\n');
      }
      i = j;
      if (i == n) {
        break;
      }
      int next = html.charAt(i) == '<' ? afterMarkup(html, i, out) : afterReference(html, i, out);
      if (next < 0) {
        break; // unfinished: the parser waits for more input that never comes
      }
      i = next;
    }
    return out.toString();
  }

  private static int nextMarkup(String html, int from) {
    for (int i = from; i < html.length(); i++) {
      char c = html.charAt(i);
      if (c == '<' || c == '&') {
        return i;
      }
    }
    return html.length();
  }

  /** Skips the markup at {@code i} (a {@code <}); returns where text resumes, or -1 when unfinished. */
  private static int afterMarkup(String html, int i, StringBuilder out) {
    int n = html.length();
    Matcher name = TAG_NAME.matcher(html).region(Math.min(i + 1, n), n);
    if (i + 1 < n && name.lookingAt()) {
      int end = startTagEnd(html, name.end());
      if (end < 0) {
        return -1;
      }
      String tag = html.substring(i + 1, name.end()).toLowerCase(Locale.ROOT);
      boolean selfClosing = html.charAt(end - 2) == '/';
      if (!selfClosing && (tag.equals("script") || tag.equals("style"))) {
        return rawText(html, end, tag, out);
      }
      return end;
    }
    if (html.startsWith("</", i)) {
      int close = html.indexOf('>', i + 2);
      return close < 0 ? -1 : close + 1;
    }
    if (html.startsWith("<!--", i)) {
      int close = html.indexOf("-->", i + 4);
      return close < 0 ? -1 : close + 3;
    }
    if (html.startsWith("<![", i)) {
      int close = html.indexOf("]]>", i + 3);
      return close < 0 ? -1 : close + 3;
    }
    if (html.startsWith("<?", i) || html.startsWith("<!", i)) {
      int close = html.indexOf('>', i + 2);
      return close < 0 ? -1 : close + 1;
    }
    if (i + 1 < n) {
      out.append("<\n"); // a lone '<' is text of its own
      return i + 1;
    }
    return -1;
  }

  /** The index after the {@code >} closing a start tag whose name ends at {@code from}; -1 when unfinished. */
  private static int startTagEnd(String html, int from) {
    int n = html.length();
    boolean afterEquals = false;
    for (int i = from; i < n; i++) {
      char c = html.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if ((c == '"' || c == '\'') && afterEquals) {
        int close = html.indexOf(c, i + 1);
        if (close < 0) {
          return -1;
        }
        i = close;
        afterEquals = false;
      } else if (c == '=') {
        afterEquals = true;
      } else if (!Character.isWhitespace(c)) {
        afterEquals = false;
      }
    }
    return -1;
  }

  /** The raw content of a script or style element as one chunk; -1 when its end tag is missing. */
  private static int rawText(String html, int from, String tag, StringBuilder out) {
    Matcher end = Pattern.compile("</" + tag + "(?=[\\t\\n\\r\\f />])", Pattern.CASE_INSENSITIVE).matcher(html);
    if (!end.find(from)) {
      return -1;
    }
    if (end.start() > from) {
      out.append(html, from, end.start()).append('\n');
    }
    return end.start();
  }

  /** Skips the reference at {@code i} (a {@code &}); returns where text resumes, or -1 when unfinished. */
  private static int afterReference(String html, int i, StringBuilder out) {
    int n = html.length();
    for (Pattern reference : new Pattern[] {CHARREF, ENTITYREF}) {
      Matcher match = reference.matcher(html).region(i, n);
      if (match.lookingAt()) {
        int end = match.end();
        return html.charAt(end - 1) == ';' ? end : end - 1;
      }
    }
    if (html.startsWith("&#", i)) {
      if (html.indexOf(';', i) >= 0) {
        out.append("&#\n"); // the parser bails out, keeping "&#" as text
      }
      return -1;
    }
    if (INCOMPLETE.matcher(html).region(i, n).lookingAt()) {
      return -1;
    }
    if (i + 1 < n) {
      out.append("&\n"); // a lone '&' is text of its own
      return i + 1;
    }
    return -1;
  }
}
