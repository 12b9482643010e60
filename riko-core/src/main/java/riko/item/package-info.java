/** Immutable items: insertion-ordered, case-insensitive records of JSON-like values, read and written with riko's dotted paths. */
@NullMarked
package riko.item;

import org.jspecify.annotations.NullMarked;
