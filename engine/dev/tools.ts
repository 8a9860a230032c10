// Development tools that do not come from npm: the Temporal CLI (dev server) and the Java time-skipping
// test server. Both live in a cache folder outside the repo and are built or fetched once.
// The CLI version is pinned here and only here; the test server's version is pinned in its pom.xml.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

const testServerPom = join(__dirname, '../../scripts/temporal-test-server/pom.xml');

export function testServerVersion(): string {
  const match = /<artifactId>temporal-test-server<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(readFileSync(testServerPom, 'utf8'));
  if (!match?.[1]) throw new Error(`no temporal-test-server version in ${testServerPom}`);
  return match[1];
}

export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, cmd);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function cachedCliPath(cacheDir: string): string {
  return join(cacheDir, 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

/** The `temporal` binary: from PATH, else from the cache; undefined when neither has it. */
export function findTemporalCli(cacheDir: string): string | undefined {
  const cached = cachedCliPath(cacheDir);
  if (existsSync(cached)) return cached;
  return onPath('temporal');
}

/** The Go toolchain on PATH, else the one of the official tarball's place. */
export function findGo(): string | undefined {
  return onPath('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

/** `go version`'s answer, and whether it is 1.25 or later (what the Temporal modules' go lines need). */
export function goVersion(go: string): { text: string; ok: boolean } {
  const text = execFileSync(go, ['version'], { encoding: 'utf8' }).trim();
  const m = /go(\d+)\.(\d+)/.exec(text);
  return { text, ok: !!m && (Number(m[1]) > 1 || Number(m[2]) >= 25) };
}

/**
 * `go install pkg@version…` into `gobin`, its output on our terminal and a line every 30 s saying it still builds
 * (these builds take minutes). A failed build is a MissingToolError naming the packages.
 */
export async function goInstall(go: string, packages: string[], opts: { gobin: string; what: string; log: (line: string) => void; cwd?: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  const started = Date.now();
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(go, ['install', ...packages], {
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
      env: { ...process.env, ...opts.env, GOBIN: opts.gobin },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const ticker = setInterval(() => opts.log(`  still building ${opts.what} (${Math.round((Date.now() - started) / 1000)} s)…`), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(ticker);
      if (code === 0) resolvePromise();
      else reject(new MissingToolError(`go install ${packages.join(' ')} failed with exit code ${code} (its output is above)`));
    });
  });
}

/** Finds the Temporal CLI or builds it once with `go install` (about six minutes on two cores, ~250 MB). */
export async function ensureTemporalCli(cacheDir: string, log: (line: string) => void = console.log): Promise<string> {
  const found = findTemporalCli(cacheDir);
  if (found) return found;
  const go = findGo();
  if (!go || !goVersion(go).ok) {
    throw new MissingToolError(
      `The Temporal CLI ${TEMPORAL_CLI_VERSION} is missing: it is not on PATH nor in ${cachedCliPath(cacheDir)}, ` +
        `and Go >= 1.25 is not installed to build it. Install Go (or put \`temporal\` on PATH), or set TEMPORAL_ADDRESS to a running server.`,
    );
  }
  const gobin = join(cacheDir, 'temporal-cli', TEMPORAL_CLI_VERSION);
  mkdirSync(gobin, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${gobin}.`);
  log('This happens once and takes about six minutes on a two-core machine (the binary is about 250 MB).');
  const started = Date.now();
  await goInstall(go, [`${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], { gobin, what: 'the Temporal CLI', log });
  log(`Built the Temporal CLI in ${Math.round((Date.now() - started) / 1000)} s.`);
  return cachedCliPath(cacheDir);
}

function testServerDir(cacheDir: string): string {
  return join(cacheDir, 'temporal-test-server', testServerVersion());
}

/** The wrapper script that starts the Java test server, or undefined when its jars were never fetched. */
export function findTestServer(cacheDir: string): string | undefined {
  const wrapper = join(testServerDir(cacheDir), 'test-server');
  return existsSync(wrapper) ? wrapper : undefined;
}

/** Fetches the Java time-skipping test server with Maven (once) and writes its start wrapper. */
export function ensureTestServer(cacheDir: string, log: (line: string) => void = console.log): string {
  const found = findTestServer(cacheDir);
  if (found) return found;
  const dir = testServerDir(cacheDir);
  const lib = join(dir, 'lib');
  if (!onPath('mvn') || !onPath('java')) {
    throw new MissingToolError('The Temporal Java test server is missing and Maven/Java are not installed to fetch it (apt-get install maven default-jre-headless).');
  }
  log(`Fetching io.temporal:temporal-test-server:${testServerVersion()} with Maven into ${lib}…`);
  mkdirSync(lib, { recursive: true });
  execFileSync('mvn', ['-q', '-f', testServerPom, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`], { stdio: 'inherit' });
  if (!readdirSync(lib).some((f) => f.startsWith('temporal-test-server'))) {
    throw new MissingToolError(`Maven ran but ${lib} holds no temporal-test-server jar`);
  }
  // The jar has no Class-Path in its manifest, so the wrapper puts every dependency on the class path.
  const wrapper = join(dir, 'test-server');
  writeFileSync(wrapper, `#!/bin/sh\nexec java -cp "${lib}/*" io.temporal.testserver.TestServer "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}
