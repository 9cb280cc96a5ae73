/** Reading ConfigAdmin dictionaries with libvirtd.conf-style keys. Internal. */
package io.jvirtd.core.internal.config;
