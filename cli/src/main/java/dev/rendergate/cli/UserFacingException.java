package dev.rendergate.cli;

/** A failure whose message tells the person at the terminal what went wrong and how to fix it. */
final class UserFacingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserFacingException(String message) {
    super(message);
  }

  UserFacingException(String message, Throwable cause) {
    super(message, cause);
  }
}
