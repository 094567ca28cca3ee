// Download headers. Browsers read the UTF-8 name from filename* (RFC 6266 + RFC 5987); the plain
// filename is an ASCII fallback for the few clients that do not, and never carries raw non-ASCII
// bytes (Node refuses them in headers, and older clients mangle them).

/** RFC 5987 ext-value: every byte outside attr-char percent-encoded (encodeURIComponent leaves '()* and '!' too). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** RFC 9530 Repr-Digest of the bytes sent: the same SHA-256 the audit row records, in base64. */
export function reprDigest(sha256Hex: string): string {
  return `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`;
}
