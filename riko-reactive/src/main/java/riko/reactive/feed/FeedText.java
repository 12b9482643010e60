package riko.reactive.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * feedparser's repairs and checks of element text: base64 and double-encoded UTF-8 decoding,
 * Windows-1252 characters, relative URIs, and feedparser's truthiness of a value.
 */
final class FeedText {

  private FeedText() {}

  /** The text decoded from base64 as UTF-8; the text as it is when it is not that (feedparser keeps it). */
  static String decodeBase64(String text) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Base64.getMimeDecoder().decode(text))).toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return text;
    }
  }

  /** Text that reads as UTF-8 bytes shown as Latin-1 is decoded again, as feedparser does for UTF-8 documents. */
  static String repairDoubleEncoding(String text) {
    boolean high = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xFF) {
        return text;
      }
      high |= c >= 0x80;
    }
    if (!high) {
      return text;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
    } catch (CharacterCodingException e) {
      return text;
    }
  }

  /** The text with C1 control characters read as the Windows-1252 characters they stand for. */
  static String cp1252(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        StringBuilder out = new StringBuilder(text.length());
        for (int j = 0; j < text.length(); j++) {
          out.append(HtmlSanitizer.cp1252(text.charAt(j)));
        }
        return out.toString();
      }
    }
    return text;
  }

  /** {@code uri} resolved against {@code base} (as it is when there is no base). */
  static String resolve(String base, String uri) {
    if (base.isEmpty()) {
      return uri;
    }
    return HtmlSanitizer.join(base, uri.strip());
  }

  /** feedparser's truthiness of a value read from a feed: present and not the empty string. */
  static boolean truthy(@Nullable Object value) {
    return value != null && !(value instanceof String s && s.isEmpty());
  }
}
