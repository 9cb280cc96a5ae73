package io.jvirtd.xdr.remote;

import java.util.List;

import io.jvirtd.xdr.codec.XdrMax;

/** {@code remote_node_get_cells_free_memory_ret}: free memory per cell in bytes (unsigned hyper elements). */
public record NodeGetCellsFreeMemoryRet(@XdrMax(RemoteProgram.NODE_MAX_CELLS) List<Long> cells) {
}
