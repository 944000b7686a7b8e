#!/usr/bin/env node
// `npm start`: the desktop app when this machine has an Electron runtime and a display; otherwise
// the headless server (`serve`) with the same UI on 127.0.0.1, printing its URL and, on the first
// run, the admin password. Arguments after `npm start --` go to Electron or to `serve`.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILDS, chooseMode, exitCodeFor, findElectronBinary, needsBuild } from './start-decision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function npmRun(script) {
  // Under `npm start`, npm_execpath is npm's own CLI: run it with this node, no shell needed.
  const npmCli = process.env.npm_execpath;
  const [command, commandArgs] = npmCli
    ? [process.execPath, [npmCli, 'run', script]]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script]];
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    shell: !npmCli && process.platform === 'win32',
  });
  return result.status === 0;
}

function buildIfNeeded(build) {
  const absolute = (list) => list.map((p) => path.join(root, p));
  if (!needsBuild({ outputs: absolute(build.outputs), inputs: absolute(build.inputs) })) return true;
  console.log(`Building (npm run ${build.script}) ...`);
  return npmRun(build.script);
}

/**
 * Runs the child and mirrors its end. On POSIX it gets its own process group, so a Ctrl+C in the
 * terminal reaches it once, through us, rather than twice (the terminal's and ours); on Windows the
 * console delivers Ctrl+C to every process itself.
 */
function run(command, commandArgs, env) {
  const posix = process.platform !== 'win32';
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env, detached: posix });
  const running = () => child.exitCode === null && child.signalCode === null;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (running() && (posix || signal !== 'SIGINT')) child.kill(signal);
    });
  }
  process.on('exit', () => {
    if (running()) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(exitCodeFor(code, signal, os.constants.signals)));
}

const decision = chooseMode({
  electronBinary: findElectronBinary(require),
  env: process.env,
  platform: process.platform,
});

if (decision.mode === 'electron') {
  if (!buildIfNeeded(BUILDS.desktop)) {
    console.error('The build failed; fix it and run npm start again.');
    process.exit(1);
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(decision.binary, [root, ...args], env);
} else {
  console.log(decision.reason);
  if (!buildIfNeeded(BUILDS.renderer)) {
    console.warn('The renderer build failed; the server starts anyway and its page says how to build the UI.');
  }
  // tsx as a loader, not its CLI: the CLI relays signals through a child process and, on a busy
  // machine, gives up waiting after 30 ms and kills the server instead of letting it shut down.
  run(process.execPath, ['--import', 'tsx', path.join(root, 'core/src/server/cli.ts'), 'serve', ...args], process.env);
}
