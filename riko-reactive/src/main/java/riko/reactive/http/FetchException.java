package riko.reactive.http;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import riko.spi.RikoException;

/**
 * A resource could not be read: the connection failed, the server answered with a non-2xx
 * status, the transfer broke off, or a local file is missing. The message always names the URL
 * (and, for local files, the path it resolved to).
 */
public class FetchException extends RikoException {

  private static final long serialVersionUID = 1L;

  private final String url;
  private final int status;

  /**
   * @param url the URL that failed
   * @param problem what went wrong
   * @param cause the underlying error, if any
   */
  public FetchException(String url, String problem, @Nullable Throwable cause) {
    this(url, -1, problem, cause);
  }

  private FetchException(String url, int status, String problem, @Nullable Throwable cause) {
    super("cannot read " + url + ": " + problem, cause);
    this.url = url;
    this.status = status;
  }

  /** The server answered {@code url} with a status outside 2xx. */
  static FetchException status(String url, int code, String reason) {
    return new FetchException(url, code, "HTTP status " + code + (reason.isEmpty() ? "" : " " + reason), null);
  }

  /** The URL that failed. */
  public String url() {
    return url;
  }

  /** The HTTP status when the server answered with a non-2xx status; empty otherwise. */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
