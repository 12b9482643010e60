package riko.reactive.modules;

import java.util.Optional;
import riko.spi.ModuleException;
import riko.spi.ResourceInfo;

/**
 * The document formats {@code fetchdata} reads, chosen as riko chooses them ({@code modules.md}
 * S3): by the extension of the URL's last path segment, else by the response's content type.
 */
enum DocumentFormat {
  JSON,
  XML,
  HTML;

  /** What an error says fetchdata accepts. */
  static final String ACCEPTED = "fetchdata reads json, xml and html";

  /**
   * The extension of the URL's last path segment (query and fragment ignored), without the dot;
   * empty when there is none. Leading dots do not start an extension ({@code .json} has none).
   */
  static String extension(String url) {
    String path = url;
    int cut = path.indexOf('#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    cut = path.indexOf('?');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    String segment = path.substring(path.lastIndexOf('/') + 1);
    int start = 0;
    while (start < segment.length() && segment.charAt(start) == '.') {
      start++;
    }
    int dot = segment.lastIndexOf('.');
    return dot < start ? "" : segment.substring(dot + 1);
  }

  /**
   * The format a URL's extension names; empty when it has no extension.
   *
   * @throws IllegalArgumentException naming the extension when it is not json, xml or html
   */
  static Optional<DocumentFormat> byExtension(String url) {
    String extension = extension(url);
    return switch (extension) {
      case "" -> Optional.empty();
      case "json" -> Optional.of(JSON);
      case "xml" -> Optional.of(XML);
      case "html" -> Optional.of(HTML);
      default -> throw new IllegalArgumentException("Invalid file type '" + extension + "' for " + url + " (" + ACCEPTED + ")");
    };
  }

  /**
   * The format a response's content type names: any {@code xml} type is XML, any {@code json}
   * type JSON, otherwise the subtype must be {@code html}.
   *
   * @throws ModuleException naming the module, URL and content type otherwise
   */
  static DocumentFormat byContentType(ResourceInfo info, String label, String url) {
    String media = info.mediaType();
    if (media.contains("xml")) {
      return XML;
    }
    if (media.contains("json")) {
      return JSON;
    }
    String subtype = media.substring(media.indexOf('/') + 1);
    if (subtype.equals("html")) {
      return HTML;
    }
    if (media.isEmpty()) {
      throw new ModuleException(label, "Invalid file type for " + url + ": no extension and no content type (" + ACCEPTED + ")");
    }
    throw new ModuleException(label, "Invalid file type '" + subtype + "' for " + url + ": content type '"
        + info.contentType() + "' (" + ACCEPTED + ")");
  }
}
