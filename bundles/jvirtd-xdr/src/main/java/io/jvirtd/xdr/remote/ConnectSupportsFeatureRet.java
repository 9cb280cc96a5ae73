package io.jvirtd.xdr.remote;


/** {@code remote_connect_supports_feature_ret}: 1 if supported. */
public record ConnectSupportsFeatureRet(int supported) {
}
