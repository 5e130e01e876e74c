/**
 * Bytes to text: BOM first, then valid UTF-8, then a declared charset, then chardet's guess.
 * Invalid UTF-8 without a usable declaration is most often Windows-1252 in news archives, which is
 * also what browsers use for ISO-8859-1.
 */
import { detect } from 'chardet';
import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface Decoded {
  text: string;
  encoding: string;
}

function normaliseCharset(name: string): string {
  const n = name.trim().toLowerCase();
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'us-ascii' || n === 'ascii') return 'windows-1252';
  return n;
}

/** A charset declared in a Content-Type header or an HTML/XML prolog. */
export function declaredCharset(contentType: string | null, head: Uint8Array): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  if (m) return m[1];
  const ascii = Buffer.from(head.subarray(0, 2048)).toString('latin1');
  const meta =
    ascii.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i) ??
    ascii.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i);
  return meta ? meta[1] : null;
}

export function decodeBytes(bytes: Uint8Array, contentType: string | null = null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: Buffer.from(bytes.subarray(3)).toString('utf8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through
  }
  const declared = declaredCharset(contentType, bytes);
  const candidates = [declared, detect(bytes)].filter((x): x is string => !!x).map(normaliseCharset);
  for (const c of candidates) {
    if (c !== 'utf-8' && iconv.encodingExists(c))
      return { text: iconv.decode(Buffer.from(bytes), c), encoding: c };
  }
  return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
}

/**
 * Binary data (executables, images, archives) rather than text: NUL bytes or many control
 * characters in the first 8 KB. UTF-16 with a BOM is text.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}
