/**
 * Ref-counted, individually locked driver objects (domains, networks, pools, devices) kept in keyed lists that hand out locked, referenced handles.
 */
@Export
@Version("1.1.0")
package io.jvirtd.api.object;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
