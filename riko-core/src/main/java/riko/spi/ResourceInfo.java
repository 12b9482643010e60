package riko.spi;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a fetched resource before its body is read.
 *
 * @param url the URL that was read (after redirects)
 * @param contentType the {@code Content-Type}, or {@code null} when none was given
 */
public record ResourceInfo(String url, @Nullable String contentType) {

  /** The charset named by the content type, if any and if the JVM knows it. */
  public Optional<Charset> charset() {
    if (contentType == null) {
      return Optional.empty();
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring("charset=".length()).replace("\"", "").strip();
        try {
          return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The media type without parameters, lower-cased; empty when there is no content type. */
  public String mediaType() {
    if (contentType == null) {
      return "";
    }
    return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
  }
}
