import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy, type NotificationMessage, type RequestMessage } from 'vscode-languageserver';
import { z } from 'zod';

/**
 * The one gate every incoming message passes before any handler runs (the
 * connection's message strategy). It checks the parameters of each method
 * the server handles, so handlers may trust them:
 * - a request with malformed parameters is answered InvalidParams;
 * - a notification with malformed parameters is dropped, with a logged error
 *   (a notification has no answer), so one bad didOpen cannot kill the server;
 * - after `shutdown`, every request is answered InvalidRequest (LSP spec).
 * Positions are checked here and only here: whole numbers ≥ 0.
 */

const uri = z.string();
const position = z.object({ line: z.number().int().nonnegative(), character: z.number().int().nonnegative() });
const range = z.object({ start: position, end: position });
const textDocument = z.object({ textDocument: z.object({ uri }) });
const atPosition = z.object({ textDocument: z.object({ uri }), position });
const folder = z.object({ uri, name: z.string() });

const PARAMS: Record<string, z.ZodType> = {
  initialize: z.object({
    capabilities: z.object({}),
    rootUri: uri.nullish(),
    workspaceFolders: z.array(folder).nullish(),
  }),
  'textDocument/didOpen': z.object({ textDocument: z.object({ uri, languageId: z.string(), version: z.number().int(), text: z.string() }) }),
  'textDocument/didChange': z.object({
    textDocument: z.object({ uri, version: z.number().int() }),
    contentChanges: z.array(z.object({ range: range.optional(), rangeLength: z.number().int().nonnegative().optional(), text: z.string() })),
  }),
  'textDocument/didSave': textDocument,
  'textDocument/didClose': textDocument,
  'workspace/didChangeConfiguration': z.object({}),
  'workspace/didChangeWatchedFiles': z.object({ changes: z.array(z.object({ uri, type: z.union([z.literal(1), z.literal(2), z.literal(3)]) })) }),
  'workspace/didChangeWorkspaceFolders': z.object({ event: z.object({ added: z.array(folder), removed: z.array(folder) }) }),
  'textDocument/codeAction': z.object({
    textDocument: z.object({ uri }),
    range,
    context: z.object({ diagnostics: z.array(z.object({ range, message: z.string() })), only: z.array(z.string()).optional() }),
  }),
  'textDocument/hover': atPosition,
  'textDocument/completion': atPosition,
  'textDocument/definition': atPosition,
  'textDocument/references': atPosition.extend({ context: z.object({ includeDeclaration: z.boolean() }) }),
  'textDocument/documentSymbol': textDocument,
  'textDocument/foldingRange': textDocument,
  'workspace/symbol': z.object({ query: z.string() }),
  'thongbao/preview': z.object({ uri }),
  'thongbao/exportDocx': z.object({ uri }),
  'thongbao/import': z.object({ uri }),
  'thongbao/tasks': z.object({ uri: uri.optional() }).nullish(),
};

/** The internal request a rejected request is turned into, so that the connection answers it with the error. */
const REJECTED = '$/thongbao/rejected';
PARAMS[REJECTED] = z.object({ code: z.number().int(), message: z.string() });

interface Rejection {
  code: number;
  message: string;
}

/** What is wrong with a message's parameters, or undefined when the method is unchecked or they are fine. */
export function paramsProblem(method: string, params: unknown): string | undefined {
  const schema = Object.hasOwn(PARAMS, method) ? PARAMS[method] : undefined;
  if (!schema) return undefined;
  const result = schema.safeParse(params);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  return `invalid params of ${method}${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}`;
}

export interface MessageGuard {
  messageStrategy: MessageStrategy;
  /** Registers the answer of rejected requests and the log of dropped notifications on the connection. */
  attach(connection: Connection): void;
  /** Whether a shutdown request has arrived. */
  shutDown(): boolean;
}

export function createMessageGuard(): MessageGuard {
  let log: (text: string) => void = (text) => process.stderr.write(`${text}\n`);
  let shutDown = false;
  const reject = (request: RequestMessage, rejection: Rejection): RequestMessage => ({ jsonrpc: request.jsonrpc, id: request.id, method: REJECTED, params: rejection });
  return {
    messageStrategy: {
      handleMessage(message, next) {
        if (Message.isRequest(message)) {
          if (shutDown) return next(reject(message, { code: ErrorCodes.InvalidRequest, message: `the server is shut down; ${message.method} is not served` }));
          if (message.method === 'shutdown') shutDown = true;
          const problem = paramsProblem(message.method, message.params);
          return next(problem ? reject(message, { code: ErrorCodes.InvalidParams, message: problem }) : message);
        }
        if (Message.isNotification(message)) {
          const problem = paramsProblem(message.method, (message as NotificationMessage).params);
          if (problem) {
            log(`thongbao: notification dropped, ${problem}`);
            return;
          }
        }
        return next(message);
      },
    },
    attach(connection) {
      log = (text) => connection.console.error(text);
      connection.onRequest(REJECTED, (rejection: Rejection) => new ResponseError(rejection.code, rejection.message));
    },
    shutDown: () => shutDown,
  };
}
