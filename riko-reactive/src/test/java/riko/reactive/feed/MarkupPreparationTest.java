package riko.reactive.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkupPreparationTest {

  /** feedparser's own regexes: the plain searches must give the same text. */
  private static final Pattern BANG = Pattern.compile("<!((?!DOCTYPE|--|\\[))", Pattern.CASE_INSENSITIVE);
  private static final Pattern SELF_CLOSING = Pattern.compile("<([^<>\\s]+?)\\s*/>");
  private static final Set<String> VOID = Set.of("br", "img", "hr");

  private static String bangsByRegex(String html) {
    return BANG.matcher(html).replaceAll("&lt;!$1");
  }

  private static String selfClosingByRegex(String html) {
    return SELF_CLOSING.matcher(html).replaceAll(match -> {
      String tag = match.group(1);
      return Matcher.quoteReplacement(VOID.contains(tag) ? "<" + tag + " />" : "<" + tag + "></" + tag + ">");
    });
  }

  @Test
  void strayBangsAreEscapedDeclarationsCommentsAndCdataAreNot() {
    assertThat(MarkupPreparation.escapeBangs("a <!x> <!DOCTYPE html> <!doctype> <!-- c --> <![CDATA[d]]> <!"))
        .isEqualTo("a &lt;!x> <!DOCTYPE html> <!doctype> <!-- c --> <![CDATA[d]]> &lt;!");
    assertThat(MarkupPreparation.escapeBangs("<!\u0130OCTYPE <!dOcTyPe")).isEqualTo("&lt;!\u0130OCTYPE <!dOcTyPe");
    assertThat(MarkupPreparation.escapeBangs("plain")).isEqualTo("plain");
  }

  @Test
  void selfClosingTagsAreExpandedVoidOnesKeepTheirSlash() {
    assertThat(MarkupPreparation.expandSelfClosing("<br/><p/><img  /><a/b/><x//> <y\n/>< z/>", VOID))
        .isEqualTo("<br /><p></p><img /><a/b></a/b><x/></x/> <y></y>< z/>");
    assertThat(MarkupPreparation.expandSelfClosing("<a href=\"x\"/> <p>text</p>", VOID))
        .isEqualTo("<a href=\"x\"/> <p>text</p>");
  }

  @Test
  void bothAgreeWithFeedparsersRegexesOnRandomMarkup() {
    String[] pieces = {"<", ">", "/", "/>", "<!", "!", "--", "[", "DOCTYPE", "doctype", " ", "\n", "\t", "br", "p",
        "a", "x", "=", "\"", "\u00e9", "\ud83d\ude00", "&", "img"};
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder html = new StringBuilder();
      int length = random.nextInt(16);
      for (int k = 0; k < length; k++) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = html.toString();
      assertThat(MarkupPreparation.escapeBangs(text)).as(text).isEqualTo(bangsByRegex(text));
      assertThat(MarkupPreparation.expandSelfClosing(text, VOID)).as(text).isEqualTo(selfClosingByRegex(text));
    }
  }
}
