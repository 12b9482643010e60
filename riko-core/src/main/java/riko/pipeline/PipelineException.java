package riko.pipeline;

import riko.spi.RikoException;

/**
 * A pipeline definition cannot be used: malformed JSON or shape, a wire to a module that does
 * not exist, a cycle, an unknown sub-pipeline. The message names the pipeline and the module or
 * wire at fault.
 */
public class PipelineException extends RikoException {

  private static final long serialVersionUID = 1L;

  /** An error with a complete message. */
  public PipelineException(String message) {
    super(message);
  }

  /** An error with a complete message and its cause. */
  public PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
