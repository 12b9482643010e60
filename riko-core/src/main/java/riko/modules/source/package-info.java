/** Built-in source modules that need no I/O. */
@NullMarked
package riko.modules.source;

import org.jspecify.annotations.NullMarked;
