package riko.reactive.feed;

import org.jspecify.annotations.Nullable;
import riko.spi.RikoException;

/** A document that cannot be read as a feed (not RSS, Atom or JSON Feed, or not decodable). */
public final class FeedException extends RikoException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the document
   * @param cause the underlying failure, if any
   */
  public FeedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
