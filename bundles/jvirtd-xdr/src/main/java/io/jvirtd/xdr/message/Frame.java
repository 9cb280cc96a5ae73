package io.jvirtd.xdr.message;

/**
 * One message as read off the stream: its header and its payload bytes (XDR, not yet decoded).
 *
 * @param header the decoded header
 * @param payload the bytes after the header
 */
public record Frame(MessageHeader header, byte[] payload) {
}
