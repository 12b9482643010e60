package riko.spi;

/**
 * The root of riko's own errors. Its message always names what failed: the module (with its
 * pipeline id when it has one), the conf key or URL, and the problem.
 */
public class RikoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with a complete message. */
  public RikoException(String message) {
    super(message);
  }

  /** An error with a complete message and its cause. */
  public RikoException(String message, Throwable cause) {
    super(message, cause);
  }
}
