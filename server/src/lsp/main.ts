import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

/**
 * Entry of the server bundle (dist/server.cjs) and of the
 * `thongbao-language-server` bin. The transport comes from the command line:
 * --stdio, --node-ipc or --socket=N, as vscode-languageserver reads them.
 */
export function main(): void {
  if (!process.argv.some((argument) => argument === '--stdio' || argument === '--node-ipc' || argument.startsWith('--socket') || argument.startsWith('--pipe'))) {
    process.argv.push('--stdio');
  }
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
}
