/**
 * Throwaway PostgreSQL clusters for the integration tests.
 *
 * `startPostgresCluster()` runs `initdb` into a fresh temporary directory,
 * starts `postgres` on a free TCP port on 127.0.0.1 (durability switched off:
 * the data is thrown away anyway), waits until it accepts connections and
 * hands back a superuser URL. `stop()` shuts the server down and deletes the
 * directory. PostgreSQL refuses to run as root, so when we are root the server
 * processes run as the `postgres` OS user.
 *
 * Clusters are also torn down when the process exits or is interrupted
 * (SIGINT/SIGTERM/SIGHUP), so an aborted test run leaves nothing behind.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** Superuser URL (`postgres` role, trust auth) for the `postgres` database. */
  readonly adminUrl: string;
  readonly port: number;
  /** Temporary directory holding the data directory, socket and server log. */
  readonly dir: string;
  /** Shut the server down and delete its directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPostgresClusterOptions {
  /**
   * Install SIGINT/SIGTERM/SIGHUP handlers that stop the cluster (then let the
   * signal take its default course if nobody else handles it). Default true.
   * Pass false if the caller handles signals itself and calls `stop()`.
   * An `exit` handler is always installed as a last resort.
   */
  handleSignals?: boolean;
}

const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 15_000;

function hasServerBinaries(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
}

/**
 * Directory holding the PostgreSQL server binaries (`initdb`, `postgres`), or
 * null when no server is installed. Looks at `pg_config --bindir`, then the
 * highest version under /usr/lib/postgresql/<version>/bin (Debian/Ubuntu),
 * then PATH.
 */
export function findPostgresBinaries(): string | null {
  try {
    const out = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    }).trim();
    if (out && hasServerBinaries(out)) return out;
  } catch {
    // no pg_config, or it belongs to a client-only install
  }

  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = join('/usr/lib/postgresql', version, 'bin');
      if (hasServerBinaries(dir)) return dir;
    }
  } catch {
    // no /usr/lib/postgresql
  }

  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && hasServerBinaries(dir)) return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

interface ServerUser {
  uid: number;
  gid: number;
}

/** When running as root, the `postgres` OS user to run the server as. */
function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) =>
      Number(
        execFileSync('id', [flag, 'postgres'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }).trim(),
      );
    const uid = id('-u');
    const gid = id('-g');
    if (Number.isInteger(uid) && Number.isInteger(gid) && uid !== 0) return { uid, gid };
  } catch {
    // fall through
  }
  throw new Error(
    'PostgreSQL refuses to run as root and there is no "postgres" OS user to run it as ' +
      '(installing the postgresql package creates one).',
  );
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------
// Live clusters and last-resort cleanup

interface LiveCluster {
  child: ChildProcess;
  dir: string;
  exited: boolean;
}

const live = new Set<LiveCluster>();
let signalHandlersWanted = 0;
let exitHandlerInstalled = false;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Whether a (child) process is still running: zombies count as gone. */
function processRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    if (!existsSync('/proc/self/stat')) {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    }
    return false;
  }
}

/** Synchronous teardown for `exit` and signal handlers. */
function stopAllSync(): void {
  for (const cluster of live) {
    const pid = cluster.child.pid;
    if (!cluster.exited && pid !== undefined) {
      try {
        process.kill(pid, 'SIGQUIT'); // immediate shutdown: postmaster reaps its backends
      } catch {
        // already gone
      }
      const deadline = Date.now() + 5_000;
      while (processRunning(pid) && Date.now() < deadline) sleepSync(25);
      if (processRunning(pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
        sleepSync(100);
      }
    }
    try {
      rmSync(cluster.dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // best effort
    }
    live.delete(cluster);
  }
}

function onSignal(signal: NodeJS.Signals): void {
  stopAllSync();
  removeSignalHandlers();
  // If nobody else handles the signal, let it do what it would have done.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHandlers(handleSignals: boolean): void {
  if (!exitHandlerInstalled) {
    process.on('exit', stopAllSync);
    exitHandlerInstalled = true;
  }
  if (handleSignals) {
    if (signalHandlersWanted === 0) for (const s of SIGNALS) process.on(s, onSignal);
    signalHandlersWanted++;
  }
}

function removeSignalHandlers(): void {
  if (signalHandlersWanted === 0) return;
  signalHandlersWanted = 0;
  for (const s of SIGNALS) process.off(s, onSignal);
}

function releaseHandlers(handleSignals: boolean): void {
  if (handleSignals && signalHandlersWanted > 0) {
    signalHandlersWanted--;
    if (signalHandlersWanted === 0) for (const s of SIGNALS) process.off(s, onSignal);
  }
}

// ---------------------------------------------------------------------------

function run(file: string, args: string[], user: ServerUser | undefined, cwd: string): void {
  try {
    execFileSync(file, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${file} failed: ${e.message}\n${tail(`${e.stdout ?? ''}\n${e.stderr ?? ''}`)}`,
    );
  }
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  hasExited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`postgres exited during startup (code ${child.exitCode})`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(
    `postgres did not accept connections within ${READY_TIMEOUT_MS / 1000} s: ${String(lastError)}`,
  );
}

function waitForExit(child: ChildProcess, hasExited: () => boolean, ms: number): Promise<boolean> {
  if (hasExited()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** Start a throwaway PostgreSQL cluster. See the module comment. */
export async function startPostgresCluster(
  options: StartPostgresClusterOptions = {},
): Promise<PostgresCluster> {
  const handleSignals = options.handleSignals ?? true;
  const bindir = findPostgresBinaries();
  if (!bindir) {
    throw new Error(
      'PostgreSQL server binaries not found (apt-get install postgresql, or put initdb/postgres on PATH)',
    );
  }
  const user = serverUser();

  const dir = mkdtempSync(join(tmpdir(), 'hearth-pg-'));
  const dataDir = join(dir, 'data');
  const logPath = join(dir, 'postgres.log');
  installHandlers(handleSignals);
  let registered: LiveCluster | undefined;

  try {
    if (user) chownSync(dir, user.uid, user.gid);

    run(
      join(bindir, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'],
      user,
      dir,
    );

    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const logFd = openSync(logPath, 'a');
      if (user) chownSync(logPath, user.uid, user.gid);
      let child: ChildProcess;
      try {
        child = spawn(
          join(bindir, 'postgres'),
          [
            '-D', dataDir,
            '-p', String(port),
            '-c', 'listen_addresses=127.0.0.1',
            '-c', `unix_socket_directories=${dir}`,
            '-c', 'fsync=off',
            '-c', 'full_page_writes=off',
            '-c', 'synchronous_commit=off',
          ],
          {
            cwd: dir,
            // Own process group: a Ctrl-C in the terminal reaches the test
            // runner, which shuts the server down in order, not the server.
            detached: true,
            stdio: ['ignore', logFd, logFd],
            ...(user ? { uid: user.uid, gid: user.gid } : {}),
          },
        );
      } finally {
        closeSync(logFd);
      }
      const cluster: LiveCluster = { child, dir, exited: false };
      child.once('exit', () => {
        cluster.exited = true;
      });
      child.once('error', () => {
        cluster.exited = true;
      });
      registered = cluster;
      live.add(cluster);

      const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
      try {
        await waitUntilReady(adminUrl, child, () => cluster.exited);
      } catch (error) {
        const log = readLog(logPath);
        if (!cluster.exited) {
          child.kill('SIGQUIT');
          if (!(await waitForExit(child, () => cluster.exited, 5_000))) child.kill('SIGKILL');
        }
        live.delete(cluster);
        registered = undefined;
        // Someone grabbed the port between our probe and postgres binding it.
        if (attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
        throw new Error(`${(error as Error).message}\n--- postgres log ---\n${tail(log)}`);
      }

      let stopping: Promise<void> | undefined;
      const stop = (): Promise<void> =>
        (stopping ??= (async () => {
          const hasExited = () => cluster.exited;
          if (!cluster.exited) {
            child.kill('SIGINT'); // fast shutdown
            if (!(await waitForExit(child, hasExited, STOP_TIMEOUT_MS))) {
              child.kill('SIGQUIT'); // immediate shutdown
              if (!(await waitForExit(child, hasExited, 5_000))) {
                child.kill('SIGKILL');
                await waitForExit(child, hasExited, 5_000);
              }
            }
          }
          live.delete(cluster);
          releaseHandlers(handleSignals);
          await rm(dir, { recursive: true, force: true, maxRetries: 3 });
        })());

      return { adminUrl, port, dir, stop };
    }
  } catch (error) {
    if (registered) live.delete(registered);
    releaseHandlers(handleSignals);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}
