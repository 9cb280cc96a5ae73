/** Load generator and benchmarks for jvirtd and libvirtd. */
package io.jvirtd.bench;
