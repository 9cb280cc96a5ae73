package io.jvirtd.xdr.remote;


/** {@code remote_connect_supports_feature_args}: a {@code virDrvFeature} number (10 = keepalive). */
public record ConnectSupportsFeatureArgs(int feature) {
}
