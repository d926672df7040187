// The viewer's wire format, browser side. Text messages are JSON; binary ones (frames, recordings) are a
// little-endian u32 header length, the JSON header, then the payload bytes.

/** Splits a binary message into its JSON header and payload. */
export function decodeBinary(buffer) {
  const view = new DataView(buffer);
  const length = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
  return { header, payload: new Uint8Array(buffer, 4 + length) };
}

/** Inflates zlib-deflated bytes with the browser's own decompressor. */
export async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The WebSocket URL of this page's server, carrying the page's ?token= along. */
export function socketUrl(location) {
  const url = new URL('/ws', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token');
  url.search = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return url.href;
}
