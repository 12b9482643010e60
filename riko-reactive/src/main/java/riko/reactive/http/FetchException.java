package riko.reactive.http;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import riko.spi.RikoException;

/**
 * A resource could not be read: the connection failed, the server answered with a non-2xx
 * status, the transfer broke off or outgrew a limit, or a local file is missing. The message always
 * names the URL (where it was redirected, if it was, and for local files the path it resolved to)
 * and, when a limit was reached, the limit and the setting that changes it.
 */
public class FetchException extends RikoException {

  private static final long serialVersionUID = 1L;

  /** The URL that could not be read. */
  private final String url;
  /** The HTTP status, or -1 when there was no response status. */
  private final int status;

  /**
   * @param url the URL that failed
   * @param problem what went wrong
   * @param cause the underlying error, if any
   */
  public FetchException(String url, String problem, @Nullable Throwable cause) {
    this(url, url, -1, problem, cause);
  }

  /**
   * @param url the URL asked for
   * @param where the URL with what became of it, e.g. {@code "<url> (redirected to <other>)"}
   */
  FetchException(String url, String where, int status, String problem, @Nullable Throwable cause) {
    super("cannot read " + where + ": " + problem, cause);
    this.url = url;
    this.status = status;
  }

  /** The server answered {@code url} with a status outside 2xx. */
  static FetchException status(String url, int code, String reason) {
    return status(url, url, code, reason, "");
  }

  /** The server answered a status outside 2xx; {@code more} is appended to the problem. */
  static FetchException status(String url, String where, int code, String reason, String more) {
    return new FetchException(url, where, code, statusText(code, reason) + more, null);
  }

  /** {@code HTTP status 404 Not Found}. */
  static String statusText(int code, String reason) {
    return "HTTP status " + code + (reason.isEmpty() ? "" : " " + reason);
  }

  /** The URL that failed (the one asked for, before any redirect). */
  public String url() {
    return url;
  }

  /** The HTTP status when the server answered with a non-2xx status; empty otherwise. */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
