import type { Duplex } from 'node:stream';
import { errorBody } from './errors.js';

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };

/** The status and message for an error Node's HTTP parser raised before Fastify saw a request. */
function classify(error: NodeJS.ErrnoException): { status: number; message: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: 'the request line or headers are too large (at most 16 KB)' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'the request took too long to arrive' };
    case 'HPE_URI_TOO_LONG':
      return { status: 414, message: 'the URL is too long' };
    default:
      return { status: 400, message: 'the request is not valid HTTP' };
  }
}

/**
 * Answers on the raw socket with the one error body: Node's default is a bare "400 Bad Request"
 * or a 431 without a body. Nothing of the parser's message (which can echo the request) is sent.
 */
export function rawError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, message } = classify(error);
  const body = JSON.stringify(errorBody(status, message));
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** A short message for errors Fastify raises itself before routing (FST_ERR_BAD_URL, ...). */
export function frameworkMessage(error: { code?: string; statusCode?: number; message: string }): string {
  if (error.code === 'FST_ERR_BAD_URL') return 'the URL is malformed (a "%" must start an escape such as %20)';
  if (frameworkStatus(error) === 414) return 'the URL is too long (a path segment holds at most 200 characters)';
  return 'the request is malformed';
}

export function frameworkStatus(error: { statusCode?: number }): number {
  return error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
}
