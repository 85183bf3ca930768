import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in the command line: `runCli` prints it with the usage, exit 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** A command's arguments (positionals allowed); parseArgs's own complaints become usage errors. */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true as const, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
