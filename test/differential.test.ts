// Differential tests: every program under test/lua/**/*.lua is run by the reference
// interpreter (`lua5.4`, the oracle) and by Endymion (`node core/dist/cli.js lua <file>`),
// and the two runs must agree on stdout (byte for byte), on the exit status and, when the
// oracle wrote to stderr, on the first stderr line (with the program-name prefix normalized).
//
// Both interpreters run from the repository root with the same relative path, so chunk
// names and error positions ("test/lua/errors/x.lua:3: ...") match. See test/lua/README.md.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = path.join(ROOT, "test", "lua");
const ORACLE = process.env.LUA_ORACLE ?? "lua5.4";
// ENDYMION_CLI lets the harness be pointed at another build; the default is the real one.
const CLI = process.env.ENDYMION_CLI ?? path.join(ROOT, "core", "dist", "cli.js");
const RUN_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 3 * RUN_TIMEOUT_MS;
const MARKER = "<lua>: ";
/** The oracle prefixes messages with its argv[0] ("lua5.4: "); the engine with "lua: ". */
const ORACLE_PREFIX = new RegExp(`^(?:${ORACLE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|lua5\\.4): `);

/** Fixed environment: UTC time zone, C locale, and no LUA_INIT code injected into the oracle. */
const ENV: NodeJS.ProcessEnv = (() => {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", LC_ALL: "C", LANG: "C" };
  for (const name of Object.keys(env)) if (/^LUA_(INIT|PATH|CPATH)/.test(name)) delete env[name];
  return env;
})();

interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit code, or a description such as "signal SIGKILL" / "timeout after 30000 ms". */
  status: number | string;
}

/** Limits how many interpreter processes run at once (node start-up is CPU bound). */
class Pool {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
const pool = new Pool(Math.max(2, os.availableParallelism()) + 1);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = ENV): Promise<RunResult> {
  return pool.run(
    () =>
      new Promise<RunResult>((resolve) => {
        const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, RUN_TIMEOUT_MS);
        child.stdout.on("data", (b: Buffer) => out.push(b));
        child.stderr.on("data", (b: Buffer) => err.push(b));
        const finish = (status: number | string) => {
          clearTimeout(timer);
          resolve({
            // latin1 maps every byte to one char, so strings compare byte for byte.
            stdout: Buffer.concat(out).toString("latin1"),
            stderr: Buffer.concat(err).toString("latin1"),
            status,
          });
        };
        child.on("error", (e) => finish(`spawn error: ${e.message}`));
        child.on("close", (code, signal) => {
          if (timedOut) finish(`timeout after ${RUN_TIMEOUT_MS} ms`);
          else finish(code ?? `signal ${signal}`);
        });
      }),
  );
}

/** First stderr line with the interpreter's name prefix ("lua5.4: " / "lua: ") normalized. */
function firstStderrLine(stderr: string, prefix: RegExp): string {
  const line = stderr.split("\n", 1)[0].replace(/\r$/, "");
  return line.replace(prefix, MARKER);
}

function listPrograms(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listPrograms(full));
    else if (entry.isFile() && entry.name.endsWith(".lua")) found.push(full);
  }
  return found.sort();
}

/** Programs grouped by area (the first directory below test/lua). */
const areas = new Map<string, string[]>();
for (const file of listPrograms(CORPUS)) {
  const rel = path.relative(CORPUS, file).split(path.sep);
  const area = rel.length > 1 ? rel[0] : "(root)";
  const list = areas.get(area) ?? [];
  list.push(path.relative(ROOT, file).split(path.sep).join("/"));
  areas.set(area, list);
}

/**
 * The engine runs every program twice: as it runs by default (functions are compiled to
 * JavaScript once they are hot) and with ENDYMION_JIT=eager, where every function is
 * compiled before its first call, so that the compiled tier meets the whole corpus.
 */
const JIT_ENV: NodeJS.ProcessEnv = { ...ENV, ENDYMION_JIT: "eager" };

/** All programs in run order; each test also starts the next few runs so the pool stays busy. */
const ordered = [...areas.values()].flat();
const PREFETCH = 12;
const started = new Map<string, Promise<[RunResult, RunResult, RunResult]>>();
function results(rel: string): Promise<[RunResult, RunResult, RunResult]> {
  const at = ordered.indexOf(rel);
  for (const next of [rel, ...ordered.slice(at + 1, at + 1 + PREFETCH)]) {
    if (!started.has(next))
      started.set(
        next,
        Promise.all([
          run(ORACLE, [next]),
          run(process.execPath, [CLI, "lua", next]),
          run(process.execPath, [CLI, "lua", next], JIT_ENV),
        ]),
      );
  }
  return started.get(rel) as Promise<[RunResult, RunResult, RunResult]>;
}

const cliBuilt = fs.existsSync(CLI);
const CLI_MISSING = `Endymion CLI not found at ${path.relative(ROOT, CLI) || CLI}: run \`npm run build\` first.`;
const oracleProbe = spawnSync(ORACLE, ["-v"], { encoding: "latin1", env: ENV });
const oracleOk = oracleProbe.status === 0 && /Lua 5\.4/.test(oracleProbe.stdout + oracleProbe.stderr);
const ORACLE_MISSING = `Reference interpreter \`${ORACLE}\` (Lua 5.4) is not runnable: install lua5.4 or set LUA_ORACLE.`;

describe("differential corpus setup", () => {
  it("has programs to run", () => {
    expect(areas.size, `no .lua files found under ${CORPUS}`).toBeGreaterThan(0);
  });
  it("has the engine built (core/dist/cli.js)", () => {
    if (!cliBuilt) throw new Error(CLI_MISSING);
  });
  it(`has the oracle (${ORACLE})`, () => {
    if (!oracleOk) throw new Error(ORACLE_MISSING);
  });
});

for (const [area, files] of areas) {
  describe.concurrent(area, () => {
    for (const rel of files) {
      it(path.posix.basename(rel), { timeout: TEST_TIMEOUT_MS }, async () => {
        if (!cliBuilt) throw new Error(CLI_MISSING);
        if (!oracleOk) throw new Error(ORACLE_MISSING);

        const [oracle, engine, compiled] = await results(rel);

        const stderrOf = (r: RunResult, how: string) =>
          r.stderr ? `engine stderr, ${how} (first lines):\n${r.stderr.split("\n").slice(0, 8).join("\n")}` : "";
        const context = [
          `program: ${rel}`,
          `oracle: ${ORACLE} ${rel}  (status ${oracle.status})`,
          `engine: node ${path.relative(ROOT, CLI) || CLI} lua ${rel}  (status ${engine.status}; ENDYMION_JIT=eager: ${compiled.status})`,
          stderrOf(engine, "default"),
          stderrOf(compiled, "ENDYMION_JIT=eager"),
        ]
          .filter(Boolean)
          .join("\n");

        // One structural comparison so that a failure shows every difference at once.
        const compareStderr = oracle.stderr.length > 0;
        const outcome = (r: RunResult, prefix: RegExp) => ({
          stdout: r.stdout,
          status: r.status,
          stderrFirstLine: compareStderr ? firstStderrLine(r.stderr, prefix) : "(not compared)",
        });
        const expected = outcome(oracle, ORACLE_PREFIX);
        expect({ default: outcome(engine, /^lua: /), compiled: outcome(compiled, /^lua: /) }, context).toEqual({
          default: expected,
          compiled: expected,
        });
      });
    }
  });
}
