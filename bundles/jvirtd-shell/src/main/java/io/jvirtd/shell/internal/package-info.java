/** Gogo commands of scope {@code virt}: thin components rendering data from jvirtd's services. Internal. */
package io.jvirtd.shell.internal;
