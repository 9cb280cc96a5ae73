package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;
import io.jvirtd.xdr.codec.XdrUnsigned;

/**
 * {@code remote_connect_list_all_node_devices_ret}: the devices (empty unless need_results) and the number matching.
 */
public record ConnectListAllNodeDevicesRet(
        @XdrMax(RemoteProgram.NODE_DEVICE_LIST_MAX) List<RemoteNonnullNodeDevice> devices, @XdrUnsigned int ret) {
}
