/** The one boundary between items and Jackson: reading JSON into items and writing items as JSON. */
@NullMarked
package riko.json;

import org.jspecify.annotations.NullMarked;
