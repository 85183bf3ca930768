import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMessageGuard } from './guard.js';
import { startServer } from './server.js';
import { adoptStdio, stdioTransport } from './transport.js';

/**
 * Entry of the server bundle (dist/server.cjs) and of the
 * `thongbao-language-server` bin. The transport comes from the command line:
 * --stdio (the default), --node-ipc or --socket=N/--pipe=NAME, as
 * vscode-languageserver reads them. Every incoming message passes the guard.
 */
export function main(): void {
  const otherTransport = process.argv.some((argument) => argument === '--node-ipc' || argument.startsWith('--socket') || argument.startsWith('--pipe'));
  const guard = createMessageGuard();
  const options = { messageStrategy: guard.messageStrategy };
  const connection = otherTransport ? createConnection(ProposedFeatures.all, options) : createConnection(ProposedFeatures.all, ...stdioTransport(), options);
  if (!otherTransport) adoptStdio(connection, guard.shutDown);
  guard.attach(connection);
  startServer(connection);
}
