/**
 * The riko modules that read resources (HTTP, local files, and the lookup tables riko bundles):
 * each a small final class registered through {@code META-INF/services/riko.spi.RikoModule}, with
 * package-private helpers for the document formats they share.
 */
@NullMarked
package riko.reactive.modules;

import org.jspecify.annotations.NullMarked;
