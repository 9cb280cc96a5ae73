package io.jvirtd.xdr.message;

/**
 * One message as read off the stream: its header and its payload bytes (XDR, not yet decoded).
 * For CALL_WITH_FDS and REPLY_WITH_FDS the payload starts with the 4-byte count of passed file
 * descriptors. The payload array is owned by the frame; do not modify it.
 *
 * @param header the decoded header
 * @param payload the bytes after the header
 */
public record Frame(MessageHeader header, byte[] payload) {
}
