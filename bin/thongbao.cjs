#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm install` (the "prepare" script runs `npm run build`).
const ARCHIVE = require('./nodeOptions.cjs');

/**
 * The command line to run this CLI again under, or undefined to run it here. Commands that may check an
 * archive need V8 options that only Node's command line sets (a `#!/usr/bin/env -S node …` first line
 * would fail where env has no -S, as BusyBox's on Alpine), so they start one child process with them.
 */
function relaunchArgs(args, execArgv) {
  if (args[0] !== 'check' && args[0] !== 'baseline') return undefined;
  if (ARCHIVE.options.every((option) => execArgv.includes(option))) return undefined;
  return [...ARCHIVE.options, ...execArgv, __filename, ...args];
}

/** The child's environment: this one, with the archive settings it does not set itself. */
function relaunchEnvironment(env) {
  return { ...ARCHIVE.environment, ...env };
}

function relaunch(nodeArgs) {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit', env: relaunchEnvironment(process.env) });
  // A signal sent to this process is passed on (a terminal's Ctrl-C reaches the child too; it stops at the first).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`thongbao: could not start Node (${error.message})\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 2);
  });
}

if (require.main === module) {
  const nodeArgs = relaunchArgs(process.argv.slice(2), process.execArgv);
  if (nodeArgs) relaunch(nodeArgs);
  else require('../dist/cli.cjs').main();
}

module.exports = { relaunchArgs, relaunchEnvironment };
