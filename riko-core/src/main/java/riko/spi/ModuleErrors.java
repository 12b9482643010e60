package riko.spi;

/** Gives every error leaving a module the module's label, unless it already names it. */
final class ModuleErrors {

  private ModuleErrors() {}

  static Throwable wrap(String label, Throwable error) {
    if (error instanceof RikoException) {
      return error;
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return new ModuleException(label, message, error);
  }
}
