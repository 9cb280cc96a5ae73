package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/**
 * {@code remote_node_list_devices_ret}, {@code remote_node_device_list_caps_ret}: node device names or capability
 * names, at most 65536 (REMOTE_NODE_DEVICE_LIST_MAX, REMOTE_NODE_DEVICE_CAPS_LIST_MAX).
 */
public record NodeDeviceNamesRet(@XdrMax(RemoteProgram.NODE_DEVICE_LIST_MAX) List<String> names) {
}
