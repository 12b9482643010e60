package riko.reactive.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

class HtmlEntitiesTest {

  @Test
  void namedReferencesBecomeNumericOutsideCdataAndComments() {
    assertThat(HtmlEntities.toNumeric("<p>a&nbsp;b &amp; &eacute;</p><![CDATA[&nbsp;]]><!-- &copy; -->&copy;"))
        .isEqualTo("<p>a&#160;b &amp; &#233;</p><![CDATA[&nbsp;]]><!-- &copy; -->&#169;");
    assertThat(HtmlEntities.toNumeric("&unknown; &nbsp &<!x&nbsp;")).isEqualTo("&unknown; &nbsp &<!x&#160;");
    assertThat(HtmlEntities.toNumeric("<![CDATA[ &nbsp; no end")).isEqualTo("<![CDATA[ &nbsp; no end");
    assertThat(HtmlEntities.toNumeric("plain")).isEqualTo("plain");
  }

  @Test
  void agreesWithACharacterByCharacterScanOnRandomText() {
    String[] pieces = {"&", ";", "nbsp", "amp", "copy", "x", "<!", "<![CDATA[", "]]>", "<!--", "-->", "<", "!", "-",
        " ", "1", "\u00e9"};
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(14);
      for (int k = 0; k < length; k++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String xml = text.toString();
      assertThat(HtmlEntities.toNumeric(xml)).as(xml).isEqualTo(characterByCharacter(xml));
    }
  }

  /** The straightforward scan, one character at a time, the jumping one must equal. */
  private static String characterByCharacter(String xml) {
    StringBuilder out = new StringBuilder();
    int copied = 0;
    int i = 0;
    int n = xml.length();
    while (i < n) {
      char c = xml.charAt(i);
      if (c == '<' && xml.startsWith("<![CDATA[", i)) {
        int end = xml.indexOf("]]>", i + 9);
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (c == '<' && xml.startsWith("<!--", i)) {
        int end = xml.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (c == '&') {
        int semi = i + 1;
        while (semi < n && semi - i <= 32 && Character.isLetterOrDigit(xml.charAt(semi))) {
          semi++;
        }
        if (semi < n && xml.charAt(semi) == ';' && semi > i + 1 && Character.isLetter(xml.charAt(i + 1))) {
          String name = xml.substring(i + 1, semi);
          boolean xmlEntity = name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot")
              || name.equals("apos");
          if (HtmlSanitizer.ENTITY_NAMES.contains(name) && !xmlEntity && !Entities.getByName(name).isEmpty()) {
            out.append(xml, copied, i).append("&#").append(Entities.getByName(name).codePointAt(0)).append(';');
            copied = semi + 1;
          }
          i = semi + 1;
          continue;
        }
      }
      i++;
    }
    return out.append(xml, copied, n).toString();
  }
}
