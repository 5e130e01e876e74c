/**
 * Articles from WARC archives (`.warc`, `.warc.gz`), read with warcio (Webrecorder's maintained
 * reader; gzip members handled). HTML `response` records go through the same Readability extraction
 * as fetched pages; `resource` and `conversion` (WET) records of plain text are taken as they are.
 * Streamed record by record, so archive size does not bound memory.
 */
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { decodeBytes } from '../ingest/decode.js';
import { extractHtml } from '../ingest/html.js';
import { fail, type IngestItem, ok, type Result } from '../ingest/types.js';

export function isWarcPath(path: string): boolean {
  return /\.warc(\.gz)?$/i.test(path);
}

/** Largest record body read (bigger ones are skipped with an error). */
const MAX_RECORD_BYTES = 20 * 1024 * 1024;

export async function* readWarc(path: string): AsyncGenerator<Result<IngestItem>> {
  let parser: WARCParser;
  try {
    parser = new WARCParser(createReadStream(path));
  } catch (e) {
    yield fail(path, `cannot read WARC: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  let n = 0;
  try {
    for await (const record of parser) {
      n++;
      const type = record.warcType;
      const url = record.warcTargetURI ?? null;
      const origin = `${path}#${n}${url ? ` ${url}` : ''}`;
      if (type !== 'response' && type !== 'resource' && type !== 'conversion') continue;
      const length = Number(record.warcHeader('Content-Length') ?? 0);
      if (length > MAX_RECORD_BYTES) {
        yield fail(origin, 'record too large');
        continue;
      }
      let contentType: string | null;
      if (type === 'response') {
        const status = Number(record.httpHeaders?.statusCode ?? 0);
        if (status !== 200) continue;
        contentType = record.httpHeaders?.headers.get('content-type') ?? null;
      } else contentType = record.warcContentType ?? null;
      const ct = (contentType ?? '').toLowerCase();
      const isHtml = ct.includes('html');
      const isText = ct.startsWith('text/plain');
      if (!isHtml && !isText) continue;
      const bytes = await record.readFully(true);
      const text = decodeBytes(bytes, contentType).text;
      if (isHtml) {
        const page = extractHtml(text, url);
        if (!page?.input.text.trim()) {
          yield fail(origin, 'no article text found');
          continue;
        }
        yield ok({ input: { ...page.input, url: page.input.url ?? url }, origin });
      } else if (text.trim()) {
        yield ok({
          // WARC-Date is when it was crawled, not published: left for the dateline to supply.
          input: { text, url, firstLineIsTitle: true },
          origin,
        });
      }
    }
  } catch (e) {
    yield fail(
      `${path}#${n}`,
      `malformed WARC: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  }
}
