package riko.reactive.feed;

import org.jsoup.nodes.Entities;

/**
 * HTML's named character references (such as {@code &nbsp;}) are not defined in XML, yet feeds
 * use them; feedparser then falls back to its lenient parser, which decodes them. Here they are
 * rewritten as numeric references before the strict parse, outside CDATA sections and comments
 * (where they are text, and must stay as written).
 */
final class HtmlEntities {

  private HtmlEntities() {}

  static String toNumeric(String xml) {
    int amp = xml.indexOf('&');
    if (amp < 0) {
      return xml;
    }
    StringBuilder out = null;
    int copied = 0;
    int n = xml.length();
    int bang = xml.indexOf("<!");
    int i = 0;
    // jumps from one '&' to the next, past the CDATA sections and comments ("<!...") in between
    while (true) {
      if (amp < i) {
        amp = xml.indexOf('&', i);
      }
      if (amp < 0) {
        break;
      }
      if (bang >= 0 && bang < i) {
        bang = xml.indexOf("<!", i);
      }
      if (bang >= 0 && bang < amp) {
        i = skipped(xml, bang);
        continue;
      }
      i = amp;
      int semi = i + 1;
      while (semi < n && semi - i <= 32 && Character.isLetterOrDigit(xml.charAt(semi))) {
        semi++;
      }
      if (semi < n && xml.charAt(semi) == ';' && semi > i + 1 && Character.isLetter(xml.charAt(i + 1))) {
        String name = xml.substring(i + 1, semi);
        if (HtmlSanitizer.ENTITY_NAMES.contains(name) && !isXmlEntity(name)) {
          String value = Entities.getByName(name);
          if (!value.isEmpty()) {
            if (out == null) {
              out = new StringBuilder(n + 16);
            }
            out.append(xml, copied, i).append("&#").append(value.codePointAt(0)).append(';');
            copied = semi + 1;
          }
        }
        i = semi + 1;
        continue;
      }
      i++;
    }
    if (out == null) {
      return xml;
    }
    return out.append(xml, copied, n).toString();
  }

  /** Where scanning resumes after the {@code <!} at {@code at}: past a CDATA section or comment, else past the {@code <}. */
  private static int skipped(String xml, int at) {
    if (xml.startsWith("<![CDATA[", at)) {
      int end = xml.indexOf("]]>", at + 9);
      return end < 0 ? xml.length() : end + 3;
    }
    if (xml.startsWith("<!--", at)) {
      int end = xml.indexOf("-->", at + 4);
      return end < 0 ? xml.length() : end + 3;
    }
    return at + 1;
  }

  private static boolean isXmlEntity(String name) {
    return name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot") || name.equals("apos");
  }
}
