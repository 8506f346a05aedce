package org.mujun.ingest;

/** The whole file is refused (format, encoding, size, header): nothing of it is applied. */
class RejectedFileException extends RuntimeException {
    RejectedFileException(String message) {
        super(message);
    }

    RejectedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
