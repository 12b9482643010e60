/** Pipes: immutable, fluent chains of modules with an async face ({@code flux()}) and a blocking bridge. */
@NullMarked
package riko.pipe;

import org.jspecify.annotations.NullMarked;
