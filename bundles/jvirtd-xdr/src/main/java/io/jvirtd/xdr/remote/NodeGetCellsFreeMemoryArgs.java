package io.jvirtd.xdr.remote;

/** {@code remote_node_get_cells_free_memory_args}: the first NUMA cell and how many. */
public record NodeGetCellsFreeMemoryArgs(int startCell, int maxcells) {
}
