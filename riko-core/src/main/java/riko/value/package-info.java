/** Python value semantics riko relies on: truthiness, {@code str()}, equality, the cast table, decimal and date handling. */
@NullMarked
package riko.value;

import org.jspecify.annotations.NullMarked;
