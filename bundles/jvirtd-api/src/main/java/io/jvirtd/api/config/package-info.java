/**
 * Reading ConfigAdmin dictionaries with libvirtd.conf-style keys, the same way in every bundle:
 * {@link io.jvirtd.api.config.ConfigValues} turns a wrong value into a message naming the key, the
 * value and the rule, so a component can log it and keep its old settings.
 */
@Export
@Version("1.0.0")
package io.jvirtd.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
