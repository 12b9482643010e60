package riko.reactive.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * feedparser's view of markup in feed text: content type names, whether plain text looks like
 * HTML, XML escaping of text inside XHTML content, and unwrapping an Atom XHTML {@code div}.
 */
final class FeedMarkup {

  private static final Set<String> HTML_TYPES = Set.of("application/xhtml+xml", "text/html");
  private static final Pattern END_TAG = Pattern.compile("</(\\w+)>");
  private static final Pattern ANY_REFERENCE = Pattern.compile("&#?\\w+;");
  private static final Pattern TAG = Pattern.compile("</?(\\w+)");
  private static final Pattern NAMED_REFERENCE = Pattern.compile("&(\\w+);");

  private FeedMarkup() {}

  /** Whether a content type (or its short name: {@code html}, {@code xhtml}) is HTML or XHTML. */
  static boolean isHtml(String type) {
    return HTML_TYPES.contains(mapContentType(type));
  }

  /** feedparser's full name of a content type: {@code text}, {@code html}, {@code xhtml} expanded, any other lower-cased. */
  static String mapContentType(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "text", "plain" -> "text/plain";
      case "html" -> "text/html";
      case "xhtml" -> "application/xhtml+xml";
      default -> lower;
    };
  }

  /** Whether plain text looks like HTML to feedparser: it has an end tag or a reference, and only known elements and entities. */
  static boolean looksLikeHtml(String text) {
    if (!END_TAG.matcher(text).find() && !ANY_REFERENCE.matcher(text).find()) {
      return false;
    }
    Matcher tags = TAG.matcher(text);
    while (tags.find()) {
      if (!HtmlSanitizer.ACCEPTABLE_ELEMENTS.contains(tags.group(1).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    Matcher references = NAMED_REFERENCE.matcher(text);
    while (references.find()) {
      if (!HtmlSanitizer.ENTITY_NAMES.contains(references.group(1))) {
        return false;
      }
    }
    return true;
  }

  /** The text with {@code &}, {@code <} and {@code >} escaped. */
  static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The pieces of an Atom XHTML construct without the one {@code div} that wraps them all (and blank pieces around it). */
  static List<String> unwrapDiv(List<String> original) {
    List<String> pieces = new ArrayList<>(original);
    while (pieces.size() > 1 && pieces.get(pieces.size() - 1).isBlank()) {
      pieces.remove(pieces.size() - 1);
    }
    while (pieces.size() > 1 && pieces.get(0).isBlank()) {
      pieces.remove(0);
    }
    if (!pieces.isEmpty() && (pieces.get(0).equals("<div>") || pieces.get(0).startsWith("<div "))
        && pieces.get(pieces.size() - 1).equals("</div>")) {
      int level = 0;
      for (String piece : pieces.subList(0, pieces.size() - 1)) {
        if (piece.startsWith("</")) {
          level--;
          if (level == 0) {
            return pieces;
          }
        } else if (piece.startsWith("<") && !piece.endsWith("/>")) {
          level++;
        }
      }
      return new ArrayList<>(pieces.subList(1, pieces.size() - 1));
    }
    return pieces;
  }
}
