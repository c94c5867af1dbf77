import { type FuzzRequest } from './fuzz-cases';

/** The bytes of one request, split where the case says (chunked bodies are written chunk by chunk). */
export function encodeRequest(request: FuzzRequest, last: boolean): Buffer[] {
  const head = [`${request.method} ${request.path} HTTP/1.1`, 'host: 127.0.0.1'];
  for (const [name, value] of request.headers) head.push(`${name}: ${value}`);
  if (last) head.push('connection: close');
  const body = request.body;
  if (body === undefined) return [Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1')];
  if (request.chunks === undefined) {
    head.push(`content-length: ${body.length}`);
    return [Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body];
  }
  head.push('transfer-encoding: chunked');
  const parts: Buffer[] = [Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1')];
  let offset = 0;
  let index = 0;
  while (offset < body.length) {
    const size = Math.min(request.chunks[index % request.chunks.length], body.length - offset);
    const sizeLine = request.badChunkSize && index === 0 ? 'zz' : size.toString(16);
    parts.push(
      Buffer.concat([
        Buffer.from(`${sizeLine}\r\n`),
        body.subarray(offset, offset + size),
        Buffer.from('\r\n'),
      ]),
    );
    offset += size;
    index++;
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return parts;
}
