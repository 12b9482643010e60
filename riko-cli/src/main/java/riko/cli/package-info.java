/** The {@code riko} command: runs pipeline definitions and lists modules. */
@NullMarked
package riko.cli;

import org.jspecify.annotations.NullMarked;
