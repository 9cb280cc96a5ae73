package io.jvirtd.xdr.remote;

/** {@code remote_node_device_list_caps_args}: a device name and at most maxnames capabilities. */
public record NodeDeviceListCapsArgs(String name, int maxnames) {
}
