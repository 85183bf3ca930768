import { format } from 'node:util';
import { StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';

/** Larger than any document the server accepts; a bigger frame would hold the reader until it arrived. */
const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

interface HeaderBuffer {
  tryReadHeaders(lowerCaseKeys?: boolean): Map<string, string> | undefined;
  tryReadBody(length: number): unknown;
  readonly numberOfBytes: number;
}

/**
 * vscode-jsonrpc's stream reader with the Content-Length checked before it is
 * used. The library takes whatever `parseInt` makes of it: a negative length
 * left it waiting for a body it can never read, and every later message was
 * lost. A length that is not a whole number of bytes (or is absurdly large) is
 * handled as the library handles one that is not a number: the frame is dropped
 * with the rest of the bytes received with it, the error is reported on the
 * reader (and logged), and reading goes on with the next chunk.
 */
export class CheckedStreamMessageReader extends StreamMessageReader {
  constructor(readable: NodeJS.ReadableStream) {
    super(readable);
    // `buffer` is the reader's own (protected in the library, not in its typings).
    const buffer = (this as unknown as { buffer: HeaderBuffer }).buffer;
    const readHeaders = buffer.tryReadHeaders.bind(buffer);
    buffer.tryReadHeaders = (lowerCaseKeys) => {
      const headers = readHeaders(lowerCaseKeys);
      const length = headers?.get('content-length');
      if (length !== undefined && (!/^\s*\d+\s*$/u.test(length) || Number(length) > MAX_MESSAGE_BYTES)) {
        buffer.tryReadBody(buffer.numberOfBytes);
        throw new Error(`Content-Length must be a whole number of bytes up to ${MAX_MESSAGE_BYTES}, got "${length}"; the message is dropped`);
      }
      return headers;
    };
  }
}

/** The stdio transport, read through the checked reader. */
export function stdioTransport(): [CheckedStreamMessageReader, StreamMessageWriter] {
  return [new CheckedStreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)];
}

/**
 * What vscode-languageserver does for the stdio transport it sets up itself,
 * and not for one it is given: stdout carries the protocol, so console output
 * (pdf.js warns through it) goes to the client's log; and the server ends when
 * the client closes stdin, with exit code 0 only after a shutdown request.
 */
export function adoptStdio(connection: Connection, shutDown: () => boolean): void {
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  const end = () => process.exit(shutDown() ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
}
