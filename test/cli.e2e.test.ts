// End-to-end tests of the `endymion` command line: the real CLI (core/dist/cli.js, built by
// `npm run build`) started as a subprocess on the projects in fixtures/, as a user runs it.
// Every command is covered with its stdout, stderr and exit code (0 success, 1 handler
// error, 2 usage or project error): the seed README's "Quick taste" replayed verbatim through
// `sh`, states in files, folders and pipes, corrupted states, broken project files (one
// defect each, generated from a good project), failing host functions, logging and events.
//
// Tests that write anything work on copies in a temporary folder. The suites and their tests
// are concurrent: each CLI start costs 0.2 to 0.5 s of CPU, and tests overlap their waits.

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decode } from "cbor-x";
import { afterAll, beforeAll, describe, type ExpectStatic, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = path.join(ROOT, "core", "dist", "cli.js");
const FIXTURES = path.join(ROOT, "fixtures");
const ORDER = path.join(FIXTURES, "order");
const HOSTS = path.join(FIXTURES, "hosts-failing");
const LOGGING = path.join(FIXTURES, "logging");
const CONFIG = path.join(FIXTURES, "config");

/** The environment of every subprocess: no colors, whatever the terminal running the tests. */
const ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
delete ENV.FORCE_COLOR;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes (states written to "-"). */
  bytes: Buffer;
  ms: number;
}

interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
}

/** Runs a command to its end, collecting its output. */
function exec(cmd: string, args: string[], o: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const p = spawn(cmd, args, { cwd: o.cwd ?? ROOT, env: { ...ENV, ...o.env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on("data", (b: Buffer) => out.push(b));
    p.stderr.on("data", (b: Buffer) => err.push(b));
    p.on("error", reject);
    p.on("close", (code) => {
      const bytes = Buffer.concat(out);
      resolve({
        code,
        stdout: bytes.toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        bytes,
        ms: Date.now() - t0,
      });
    });
    p.stdin.on("error", () => {}); // a command that does not read its input
    p.stdin.end(o.input ?? "");
  });
}

/** `endymion <args>`. */
function endymion(args: string[], o: RunOptions = {}): Promise<Run> {
  return exec(process.execPath, [CLI, ...args], o);
}

/** A shell script in which `endymion` is the CLI, so README lines can be run as written. */
function sh(script: string, cwd: string): Promise<Run> {
  const prelude = 'endymion() { "$ENDYMION_NODE" "$ENDYMION_CLI" "$@"; }\n';
  return exec("sh", ["-c", prelude + script], { cwd, env: { ENDYMION_NODE: process.execPath, ENDYMION_CLI: CLI } });
}

let TMP = "";
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  TMP = fs.mkdtempSync(path.join(os.tmpdir(), "endymion-e2e-"));
});
afterAll(() => {
  if (TMP) fs.rmSync(TMP, { recursive: true, force: true });
});

/** A new empty folder under the test run's temporary folder. */
function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(TMP, `${name.replace(/[^\w-]+/g, "_")}-`));
}

/** A copy of a fixture project in a new temporary folder; `rename` renames its project file. */
function copyFixture(name: string, rename?: { from: string; to: string }): string {
  const dir = tmpDir(name);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  if (rename) fs.renameSync(path.join(dir, rename.from), path.join(dir, rename.to));
  return dir;
}

/** A copy of fixtures/order whose project file is project.json, as in the README. */
function orderAsProjectJson(): string {
  return copyFixture("order", { from: "order.endymion.json", to: "project.json" });
}

/** The non-empty lines of a text. */
function lines(s: string): string[] {
  return s.split("\n").filter((l) => l !== "");
}

/** 1-based line number of the first line containing `snippet`. */
function lineOf(text: string, snippet: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(snippet));
  if (i < 0) throw new Error(`'${snippet}' is not in the text`);
  return i + 1;
}

/** `run` of fixtures/order's handler with an input that goes through all three host calls. */
const RUN_ORDER = ["run", "order.endymion.json", "process_order", '{"orderId": 42, "userId": 1}'];

/** Makes a state of fixtures/order suspended at its 2nd host call (charge) in `dir`. */
async function orderState(dir: string, file = "good.state"): Promise<string> {
  const r = await endymion([...RUN_ORDER, "--dehydrate-after", "1", "--state", file], { cwd: dir });
  if (r.code !== 0) throw new Error(`could not make a state: ${r.stderr}`);
  return path.join(dir, file);
}

/** Checks that bytes are one Endymion state envelope and nothing else. */
function expectStateEnvelope(expect: ExpectStatic, bytes: Buffer): void {
  const env = decode(bytes) as unknown[]; // throws on trailing or missing bytes
  expect(Array.isArray(env)).toBe(true);
  expect(env[0]).toBe("endymion-state");
  expect(env[1]).toBe(1);
  expect(env[3]).toBeInstanceOf(Uint8Array);
  expect(decode(env[3] as Uint8Array)).toHaveLength(4); // [chunks, nodes, roots, host]
}

// ---------------------------------------------------------------------------------------

describe.concurrent("--help and usage errors", () => {
  const commands: [string, string][] = [
    ["run", "Usage: endymion run|call [options] <project> <handler> [input]"],
    ["call", "Usage: endymion run|call [options] <project> <handler> [input]"],
    ["resume", "Usage: endymion resume [options] <project>"],
    ["validate", "Usage: endymion validate [options] <project>"],
    ["list", "Usage: endymion list [options] <project>"],
    ["config", "Usage: endymion config [options] <project>"],
    ["watch", "Usage: endymion watch [options] <project> <handler> [input]"],
  ];

  it.concurrent.for(commands)("%s --help prints its usage and exits 0", async ([cmd, usage], { expect }) => {
    const r = await endymion([cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.startsWith(`${usage}\n`)).toBe(true);
    expect(r.stdout).toContain("--help");
    expect(r.stdout).toContain("--config-overlay <file>");
  });

  it.concurrent("--help lists every command", async ({ expect }) => {
    const r = await endymion(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: endymion [options] [command]");
    for (const c of ["run|call", "resume", "watch", "validate", "list", "config", "lua"]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c.replace("|", "\\|")} `, "m"));
    }
  });

  // Regression: `endymion lua --help` once tried to run a file named "--help".
  it.concurrent("lua --help prints its usage and exits 0", async ({ expect }) => {
    const r = await endymion(["lua", "--help"]);
    expect(r.stderr).not.toContain("cannot open --help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: endymion lua");
  });

  it.concurrent("help lua prints the usage of the lua command", async ({ expect }) => {
    const r = await endymion(["help", "lua"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: endymion lua [options] [script] [args...]");
  });

  it.concurrent.for([
    [["frobnicate"], "error: unknown command 'frobnicate'"],
    [["run"], "error: missing required argument 'project'"],
    [["run", "order.endymion.json"], "error: missing required argument 'handler'"],
    [["run", "order.endymion.json", "process_order", "--bogus"], "error: unknown option '--bogus'"],
    [["resume", "order.endymion.json"], "error: required option '--state <source>' not specified"],
    [
      ["run", "order.endymion.json", "process_order", "--dehydrate-after", "abc"],
      "error: --dehydrate-after must be a whole number, got 'abc'",
    ],
    [
      ["run", "order.endymion.json", "process_order", "--dehydrate-after", "-1"],
      "error: --dehydrate-after must be a whole number, got '-1'",
    ],
    [["run", "order.endymion.json", "process_order", "{orderId: 42}"], "error: input is not valid JSON"],
    [
      ["run", "order.endymion.json", "ship"],
      "error: unknown handler 'ship' in order.endymion.json (handlers: process_order)",
    ],
    [["validate", "missing.endymion.json"], "error: missing.endymion.json: cannot read project file: no such file"],
  ] as [string[], string][])("%j is a usage error: exit 2, one line", async ([args, message], { expect }) => {
    const r = await endymion(args, { cwd: ORDER });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------

describe.concurrent("run, call, validate, list on fixtures/order", () => {
  it.concurrent("run prints the result as JSON on stdout and nothing on stderr", async ({ expect }) => {
    const r = await endymion(["run", "order.endymion.json", "process_order", '{"orderId": 42, "userId": 1}'], {
      cwd: ORDER,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe('{\n  "status": "completed",\n  "user": "Ada"\n}\n');
  });

  it.concurrent("call is run: a declined charge is caught by the script", async ({ expect }) => {
    const r = await endymion(["call", "order.endymion.json", "process_order", '{"orderId": 13, "userId": 2}'], {
      cwd: ORDER,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ status: "charge_failed" });
  });

  it.concurrent("run finds the project from another folder, and the input defaults to {}", async ({ expect }) => {
    const project = path.join(HOSTS, "hosts-failing.endymion.json");
    const [r, d] = await Promise.all([
      endymion(["run", project, "call", '{"fn": "lookup", "payload": {"id": 2}}']),
      endymion(["run", project, "call"]),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id: 2, name: "Grace" });
    expect(d.code).toBe(1); // input {} has no fn
    expect(d.stderr).toBe(
      "error: handler 'call' failed: fixtures/hosts-failing/scripts/hosts.lua:11: bad argument #1 to 'invoke' (string expected, got nil)\n",
    );
  });

  it.concurrent("validate summarizes a valid project", async ({ expect }) => {
    const r = await endymion(["validate", "order.endymion.json"], { cwd: ORDER });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("order.endymion.json is valid: 1 script, 1 handler, 3 host functions, 3 scenarios\n");
  });

  it.concurrent("validate accepts every fixture project this test file uses", async ({ expect }) => {
    const files = [
      path.join(HOSTS, "hosts-failing.endymion.json"),
      path.join(LOGGING, "pretty.endymion.json"),
      path.join(LOGGING, "json.endymion.json"),
      path.join(CONFIG, "config.endymion.json"),
    ];
    const runs = await Promise.all(files.map((f) => endymion(["validate", f])));
    for (const r of runs) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/ is valid: /);
    }
  });

  it.concurrent("list prints the scripts, handlers, host functions and scenarios", async ({ expect }) => {
    const r = await endymion(["list", "order.endymion.json"], { cwd: ORDER });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "scripts (1)",
        "  order  scripts/order.lua  process_order",
        "handlers (1)",
        "  process_order  order.process_order",
        "host functions (3)",
        "  get_user    exec: node hosts/get_user.mjs    Looks a user up by id",
        "  charge      exec: node hosts/charge.mjs",
        "  send_email  exec: node hosts/send_email.mjs",
        "scenarios (3)",
        "  happy path                      handler process_order",
        "  charge declined                 handler process_order",
        "  dehydrate after the first call  handler process_order",
        "",
      ].join("\n"),
    );
  });

  it.concurrent("list --json prints the same as JSON", async ({ expect }) => {
    const r = await endymion(["list", "--json", "order.endymion.json"], { cwd: ORDER });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      scripts: [{ name: "order", path: "scripts/order.lua", handlers: ["process_order"] }],
      handlers: [{ name: "process_order", script: "order", entry: "process_order" }],
      hostFunctions: [
        { name: "get_user", exec: "node hosts/get_user.mjs", description: "Looks a user up by id" },
        { name: "charge", exec: "node hosts/charge.mjs", description: null },
        { name: "send_email", exec: "node hosts/send_email.mjs", description: null },
      ],
      scenarios: [
        { name: "happy path", handler: "process_order", description: null },
        { name: "charge declined", handler: "process_order", description: null },
        { name: "dehydrate after the first call", handler: "process_order", description: null },
      ],
    });
  });

  it.concurrent("a handler error exits 1 with one line naming the script's file and line", async ({ expect }) => {
    const dir = tmpDir("handler-error");
    fs.writeFileSync(
      path.join(dir, "p.endymion.json"),
      JSON.stringify({ scripts: { main: "main.lua" }, handlers: { boom: { script: "main" } } }),
    );
    fs.writeFileSync(
      path.join(dir, "main.lua"),
      "return { handlers = {\n  boom = sys.export(function(input)\n    local user = nil\n    return user.name\n  end),\n} }\n",
    );
    const r = await endymion(["run", "p.endymion.json", "boom"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("error: handler 'boom' failed: main.lua:4: attempt to index a nil value (local 'user')\n");
  });

  it.concurrent("--dehydrate-after beyond the last host call runs to the end and writes no state", async ({
    expect,
  }) => {
    const dir = copyFixture("order");
    const r = await endymion([...RUN_ORDER, "--dehydrate-after", "5", "--state", "s.state"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ status: "completed", user: "Ada" });
    expect(r.stderr).toBe("note: handler 'process_order' finished before 5 host calls; no state was written\n");
    expect(fs.existsSync(path.join(dir, "s.state"))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------

describe.concurrent("config: base < --config-overlay files < --set, checked against configSchema", () => {
  const P = "config.endymion.json";
  const staging = ["--config-overlay", "overlays/staging.json"];
  const local = ["--config-overlay", "overlays/local.json"];

  it.concurrent("config prints the base config", async ({ expect }) => {
    const r = await endymion(["config", P], { cwd: CONFIG });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      region: "eu-west-1",
      db: { host: "localhost", port: 5432, pool: 4 },
      features: ["audit"],
    });
  });

  it.concurrent("overlays apply in order, objects merge key by key, arrays replace", async ({ expect }) => {
    const r = await endymion(["config", P, ...staging, ...local], { cwd: CONFIG });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      region: "us-east-1",
      db: { host: "127.0.0.1", port: 6432, pool: 4 },
      features: ["audit", "beta"],
    });
    const reversed = await endymion(["config", P, ...local, ...staging], { cwd: CONFIG });
    expect(JSON.parse(reversed.stdout).db.host).toBe("db.staging.internal");
  });

  it.concurrent("--set wins over overlays; values are JSON when they parse, else strings", async ({ expect }) => {
    const r = await endymion(
      ["config", P, ...staging, "--set", "db.port=7000", "--set", "db.host=db.example.com", "--set", 'features=["x"]'],
      { cwd: CONFIG },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      region: "us-east-1",
      db: { host: "db.example.com", port: 7000, pool: 4 },
      features: ["x"],
    });
  });

  it.concurrent("the last --set of a key wins", async ({ expect }) => {
    const r = await endymion(["config", P, "--set", "db.pool=2", "--set", "db.pool=3"], { cwd: CONFIG });
    expect(JSON.parse(r.stdout).db.pool).toBe(3);
  });

  it.concurrent("run gives the handler the layered config through sys.config()", async ({ expect }) => {
    const r = await endymion(["run", P, "show", ...staging, "--set", "db.port=7000"], { cwd: CONFIG });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ region: "us-east-1", db: "db.staging.internal:7000", features: 2 });
  });

  it.concurrent.for([
    ["db.port=70000", "/config/db/port", "must be <= 65535"],
    ['db.port="5432"', "/config/db/port", "must be integer, got string"],
    ["db.user=bob", "/config/db/user", "unknown property 'user'"],
    ["region=eu-west-2", "/config/region", `must be one of "eu-west-1", "us-east-1" (did you mean 'eu-west-1'?)`],
  ])("--set %s violates configSchema: exit 2 naming %s", async ([assign, pointer, message], { expect }) => {
    const r = await endymion(["config", P, "--set", assign], { cwd: CONFIG });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^error: ${P}:\\d+:\\d+: `));
    expect(r.stderr).toContain(`: ${pointer}: config does not match configSchema: ${message}\n`);
  });

  it.concurrent("run checks the layered config the same way", async ({ expect }) => {
    const r = await endymion(["run", P, "show", "--set", "db.port=70000"], { cwd: CONFIG });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^error: config\.endymion\.json:\d+:\d+: \/config\/db\/port: config does not match configSchema: must be <= 65535\n$/,
    );
  });

  it.concurrent("an overlay that breaks configSchema is reported too", async ({ expect }) => {
    const dir = tmpDir("overlay-schema");
    fs.writeFileSync(path.join(dir, "bad.json"), '{ "db": { "port": 0 } }\n');
    const r = await endymion(["validate", path.join(CONFIG, P), "--config-overlay", "bad.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/config/db/port: config does not match configSchema: must be >= 1");
  });
});

// ---------------------------------------------------------------------------------------

describe.concurrent("the README's Quick taste, verbatim, on a copy of fixtures/order named project.json", () => {
  it.concurrent("Run a handler", async ({ expect }) => {
    const dir = orderAsProjectJson();
    const r = await sh(`endymion run project.json process_order '{"orderId": 42, "userId": 1}'`, dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ status: "completed", user: "Ada" });
  });

  it.concurrent("Dehydrate after 1st host call, save state; resume from saved state", async ({ expect }) => {
    const dir = orderAsProjectJson();
    const r = await sh(
      `endymion run project.json process_order '{"orderId": 42}' \\\n--dehydrate-after 1 --state ./state.cbor`,
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const size = fs.statSync(path.join(dir, "state.cbor")).size;
    expect(r.stderr).toBe(
      `state of handler 'process_order' saved at host call 'charge': ./state.cbor (${size} bytes)\n`,
    );
    expectStateEnvelope(expect, fs.readFileSync(path.join(dir, "state.cbor")));

    const resumed = await sh("endymion resume project.json --state ./state.cbor", dir);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toBe("");
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: "completed" });
    expect(fs.readdirSync(dir).sort()).toEqual(["hosts", "project.json", "scripts", "state.cbor"]);
  });

  it.concurrent("Pipe through S3 (simulated with cat): the state passes through pipes byte-exact", async ({
    expect,
  }) => {
    const dir = orderAsProjectJson();
    const out = await sh(
      `endymion run project.json process_order '{"orderId": 42, "userId": 1}' --dehydrate-after 1 --state - \\\n| cat > s.bin`,
      dir,
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toBe("");
    expect(out.stderr).not.toContain("error");
    const bytes = fs.readFileSync(path.join(dir, "s.bin"));
    expectStateEnvelope(expect, bytes); // one CBOR item, nothing added, nothing lost

    const back = await sh("cat s.bin \\\n| endymion resume project.json --state -", dir);
    expect(back.code).toBe(0);
    expect(back.stderr).toBe("");
    expect(JSON.parse(back.stdout)).toEqual({ status: "completed", user: "Ada" });
    expect(fs.readFileSync(path.join(dir, "s.bin")).equals(bytes)).toBe(true);
  });

  it.concurrent("Validate project file", async ({ expect }) => {
    const dir = orderAsProjectJson();
    const r = await sh("endymion validate project.json", dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("project.json is valid: 1 script, 1 handler, 3 host functions, 3 scenarios\n");
  });

  it.concurrent("Watch mode: re-runs on changes, survives a broken project file", async ({ expect }) => {
    const dir = orderAsProjectJson();
    const projectFile = path.join(dir, "project.json");
    const script = path.join(dir, "scripts", "order.lua");
    const good = fs.readFileSync(projectFile, "utf8");
    const w = startWatch(["watch", "project.json", "process_order", '{"orderId": 42}'], dir);
    try {
      const exits = () => w.stderr.split("--- exit 0; watching for changes ---").length - 1;

      await w.until(() => exits() === 1, "the first run");
      expect(w.stderr).toMatch(/^--- running process_order \(.+\) ---\n/);
      expect(JSON.parse(w.stdout)).toMatchObject({ status: "completed" });

      // Give the watcher a second, as a person would: today an edit made just after "watching for
      // changes" can be missed, because the scripts are only added to the watcher after that line.
      await new Promise((r) => setTimeout(r, 1000));
      fs.writeFileSync(script, fs.readFileSync(script, "utf8").replace('status = "completed"', 'status = "shipped"'));
      await w.until(() => exits() === 2, "the run after the script changed");
      expect(w.stdout).toContain('"status": "shipped"');

      fs.writeFileSync(projectFile, '{\n  "scripts": {\n    "order": "scripts/order.lua",,\n');
      await w.until(() => w.stderr.includes("--- project errors; watching for changes ---"), "the project errors");
      expect(w.stderr).toMatch(/^error: project\.json:3:\d+: invalid JSON: /m);
      expect(w.proc.exitCode).toBe(null); // still watching

      const shippedBefore = w.stdout.split('"shipped"').length;
      fs.writeFileSync(projectFile, good);
      await w.until(() => exits() === 3, "the run after the project file was fixed");
      expect(w.stdout.split('"shipped"').length).toBe(shippedBefore + 1);
      expect(w.proc.exitCode).toBe(null);
    } finally {
      await w.stop();
    }
  });
});

interface Watcher {
  proc: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Waits until `ok()` holds (checked every 50 ms), failing after `ms` or if the process ends. */
  until(ok: () => boolean, what: string, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a long-running CLI command (watch) and collects its output as it comes. */
function startWatch(args: string[], cwd: string): Watcher {
  const proc = spawn(process.execPath, [CLI, ...args], { cwd, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  proc.stdout?.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
  proc.stderr?.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
  const closed = new Promise<void>((resolve) => proc.on("close", () => resolve()));
  return {
    proc,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    until(ok, what, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const t0 = Date.now();
        const tick = setInterval(() => {
          if (ok()) {
            clearInterval(tick);
            resolve();
          } else if (proc.exitCode !== null || Date.now() - t0 > ms) {
            clearInterval(tick);
            reject(new Error(`watch: no ${what} (exit ${proc.exitCode})\nstdout:\n${stdout}\nstderr:\n${stderr}`));
          }
        }, 50);
      });
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      await closed;
    },
  };
}

// ---------------------------------------------------------------------------------------

describe.concurrent("states in files, folders and the project's state.path", () => {
  it.concurrent("--state <dir> writes a named file inside, prints its path; resume from it", async ({ expect }) => {
    const dir = copyFixture("order");
    fs.mkdirSync(path.join(dir, "states"));
    const r = await endymion([...RUN_ORDER, "--dehydrate-after", "1", "--state", "states"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    const file = r.stdout.trim();
    expect(file).toMatch(/^states\/process_order-[\w-]+\.state$/);
    expect(fs.readdirSync(path.join(dir, "states"))).toEqual([path.basename(file)]);
    expect(r.stderr).toBe(
      `state of handler 'process_order' saved at host call 'charge': ${file} (${fs.statSync(path.join(dir, file)).size} bytes)\n`,
    );

    const resumed = await endymion(["resume", "order.endymion.json", "--state", file], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toEqual({ status: "completed", user: "Ada" });

    const fromDir = await endymion(["resume", "order.endymion.json", "--state", "states"], { cwd: dir });
    expect(fromDir.code).toBe(2);
    expect(fromDir.stderr).toBe("error: --state states is a directory: give the state file to resume\n");
  });

  it.concurrent("two runs into the same folder make two files", async ({ expect }) => {
    const dir = copyFixture("order");
    fs.mkdirSync(path.join(dir, "states"));
    const args = [
      "run",
      "order.endymion.json",
      "process_order",
      '{"orderId": 1, "userId": 2}',
      "--dehydrate-after",
      "2",
    ];
    const [a, b] = await Promise.all([
      endymion([...args, "--state", "states"], { cwd: dir }),
      endymion([...args, "--state", "states"], { cwd: dir }),
    ]);
    expect(a.stdout).not.toBe(b.stdout);
    expect(fs.readdirSync(path.join(dir, "states"))).toHaveLength(2);
    expect(a.stderr).toContain("saved at host call 'send_email'");
  });

  // Regression: with a missing state.path folder the state was once written to a file named like the folder.
  it.concurrent("without --state the project's state.path folder gets a named file", async ({ expect }) => {
    const dir = copyFixture("order"); // state.path is "states", which does not exist yet
    const r = await endymion([...RUN_ORDER, "--dehydrate-after", "1"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(fs.statSync(path.join(dir, "states")).isDirectory()).toBe(true);
    const file = r.stdout.trim();
    expect(path.dirname(path.resolve(dir, file))).toBe(path.join(dir, "states"));
    const resumed = await endymion(["resume", "order.endymion.json", "--state", file], { cwd: dir });
    expect(JSON.parse(resumed.stdout)).toEqual({ status: "completed", user: "Ada" });
  });

  it.concurrent("--dehydrate-after without --state nor state.path is a usage error", async ({ expect }) => {
    const r = await endymion(
      ["run", "pretty.endymion.json", "ship", '{"parcel": "P1", "kg": 1}', "--dehydrate-after", "0"],
      {
        cwd: LOGGING,
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: --dehydrate-after needs --state <file|dir|-> (or a state.path in the project file)\n",
    );
  });

  it.concurrent("--state in a folder that does not exist is a usage error", async ({ expect }) => {
    const dir = copyFixture("order");
    const r = await endymion([...RUN_ORDER, "--dehydrate-after", "1", "--state", "nope/s.state"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: cannot write the state to nope/s.state: folder nope does not exist\n");
  });

  it.concurrent("resume --dehydrate-after stops again: in place by default, or to --out", async ({ expect }) => {
    const dir = copyFixture("order");
    const file = await orderState(dir, "s.state");
    const before = fs.readFileSync(file);

    const toOut = await endymion(
      ["resume", "order.endymion.json", "--state", "s.state", "--dehydrate-after", "1", "--out", "next.state"],
      { cwd: dir },
    );
    expect(toOut.code).toBe(0);
    expect(toOut.stdout).toBe("");
    expect(toOut.stderr).toMatch(
      /^state of handler 'process_order' saved at host call 'send_email': next\.state \(\d+ bytes\)\n$/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const inPlace = await endymion(["resume", "order.endymion.json", "--state", "s.state", "--dehydrate-after", "1"], {
      cwd: dir,
    });
    expect(inPlace.code).toBe(0);
    expect(inPlace.stderr).toContain("saved at host call 'send_email': s.state");
    expect(fs.readFileSync(file).equals(before)).toBe(false);
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".state"))
        .sort(),
    ).toEqual(["next.state", "s.state"]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]); // no temporary files left

    const [a, b] = await Promise.all([
      endymion(["resume", "order.endymion.json", "--state", "s.state"], { cwd: dir }),
      endymion(["resume", "order.endymion.json", "--state", "next.state"], { cwd: dir }),
    ]);
    expect(JSON.parse(a.stdout)).toEqual({ status: "completed", user: "Ada" });
    expect(JSON.parse(b.stdout)).toEqual({ status: "completed", user: "Ada" });
  });

  it.concurrent("resume after the script changed: exit 2 naming the script", async ({ expect }) => {
    const dir = copyFixture("order");
    await orderState(dir, "s.state");
    fs.appendFileSync(path.join(dir, "scripts", "order.lua"), "-- edited\n");
    const r = await endymion(["resume", "order.endymion.json", "--state", "s.state"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: cannot use the state: script 'order' changed since the state was saved: .* \[SCRIPT_MISMATCH\]\n$/,
    );
  });
});

// ---------------------------------------------------------------------------------------

describe.concurrent("resume from a corrupted state: exit 2, one clear line, the file untouched", () => {
  let good: Buffer;
  let project: string;
  beforeAll(async () => {
    project = copyFixture("order");
    good = fs.readFileSync(await orderState(project));
  });

  const flip = (b: Buffer, offsets: number[]) => {
    const c = Buffer.from(b);
    for (const o of offsets) c[o] ^= 0xff;
    return c;
  };
  // a reproducible byte string: a linear congruential generator
  const noise = (n: number) => {
    let x = 12345;
    return Buffer.from(Array.from({ length: n }, () => (x = (x * 1103515245 + 12345) % 2 ** 31) & 0xff));
  };
  const variants: [string, (b: Buffer) => Buffer][] = [
    ["truncated to half", (b) => b.subarray(0, b.length >> 1)],
    ["missing its last byte", (b) => b.subarray(0, b.length - 1)],
    ["empty", () => Buffer.alloc(0)],
    ["three flipped bytes in the magic", (b) => flip(b, [1, 5, 9])],
    ["three flipped bytes in the body", (b) => flip(b, [26, b.length >> 1, b.length - 40])],
    ["a flipped byte in the script hash", (b) => flip(b, [40])],
    ["a trailing byte", (b) => Buffer.concat([b, Buffer.from([0])])],
    ["text", () => Buffer.from("this is not a state\n")],
    ["random bytes", () => noise(512)],
  ];

  it.concurrent.for(variants)("%s", async ([, corrupt], { expect }) => {
    const dir = tmpDir("corrupt");
    const file = path.join(dir, "state.cbor");
    const bytes = corrupt(good);
    fs.writeFileSync(file, bytes);
    const r = await endymion(["resume", path.join(project, "order.endymion.json"), "--state", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^error: cannot use the state: .+ \[(NOT_A_STATE|UNSUPPORTED_VERSION|CORRUPT|TOO_LARGE|SCRIPT_MISMATCH|UNKNOWN_NATIVE)\]\n$/,
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["state.cbor"]);
  });
});

// ---------------------------------------------------------------------------------------

/** The parts of a project file the mistakes below change. */
interface ProjectDef {
  name: string;
  scripts: Record<string, string>;
  handlers: Record<string, Record<string, unknown>>;
  hostFunctions: Record<string, { args?: unknown; returns?: unknown; cli: Record<string, unknown> }>;
  configSchema: unknown;
  config: Record<string, unknown>;
  runtime: { namespace: string; stdlib: string[]; limits: Record<string, number> };
  scenarios: Record<
    string,
    {
      handler: string;
      input?: unknown;
      mocks: Record<string, Record<string, unknown>[]>;
      expect: { result?: unknown; calls: Record<string, number> };
    }
  >;
  log: Record<string, string>;
}

/** A good project file: each mistake below changes one thing in a fresh copy of it. */
function goodProject(): ProjectDef {
  return {
    name: "shop",
    scripts: { shop: "scripts/shop.lua" },
    handlers: { process_order: { script: "shop" } },
    hostFunctions: {
      get_user: {
        args: { type: "object", required: ["id"], properties: { id: { type: "integer" } } },
        returns: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
        cli: { exec: "node hosts/get_user.mjs", timeout: 1000 },
      },
    },
    configSchema: {
      type: "object",
      required: ["region"],
      properties: { region: { type: "string" }, retries: { type: "integer", minimum: 0 } },
    },
    config: { region: "eu-west-1", retries: 2 },
    runtime: {
      namespace: "sys",
      stdlib: ["base", "string", "table"],
      limits: { memory: 16_777_216, instructions: 1_000_000 },
    },
    scenarios: {
      happy: {
        handler: "process_order",
        input: { userId: 1 },
        mocks: { get_user: [{ returns: { name: "Ada" } }] },
        expect: { result: { user: "Ada" }, calls: { get_user: 1 } },
      },
    },
    log: { level: "info", format: "pretty" },
  };
}

const SHOP_LUA = `-- The shop: one handler that looks a user up.
return {
  handlers = {
    process_order = sys.export(function(input)
      local user = sys.invoke("get_user", { id = input.userId })
      return { user = user.name }
    end),
  },
}
`;

interface Mistake {
  /** Changes the project (and may write files in dir); a string return is the whole project file text. */
  change: (p: ProjectDef, dir: string) => string | undefined;
  /** The line of the error: its number, a snippet of that line in the project file, or a function of the file. */
  line: number | string | ((text: string) => number);
  /** The JSON path the error names. */
  pointer?: string | RegExp;
  /** Texts the error line contains (the did-you-mean suggestion among them). */
  says: string[];
  /** The command (default validate). */
  args?: string[];
}

const mistakes: Record<string, Mistake> = {
  "invalid JSON syntax": {
    change: (p) => JSON.stringify(p, null, 2).replace('"shop": "scripts/shop.lua"', '"shop": "scripts/shop.lua",'),
    line: 5, // the '}' after the trailing comma
    says: ["invalid JSON: property name expected"],
  },
  "missing required scripts": {
    change: (p) => {
      delete (p as Partial<ProjectDef>).scripts;
    },
    line: 1,
    pointer: /\/(scripts)?/, // a missing top-level property is reported at /
    says: ["missing required property 'scripts'"],
  },
  "unknown top-level property with a near-miss name": {
    change: (p) => {
      const text = JSON.stringify(p, null, 2);
      return text.replace('"hostFunctions":', '"hostFunction":');
    },
    line: '"hostFunction":',
    pointer: "/hostFunction",
    says: ["unknown property 'hostFunction' (did you mean 'hostFunctions'?)"],
  },
  "unknown property in a handler": {
    change: (p) => {
      p.handlers.process_order = { script: "shop", dehydrateAfterr: 1 };
    },
    line: '"dehydrateAfterr"',
    pointer: "/handlers/process_order/dehydrateAfterr",
    says: ["unknown property 'dehydrateAfterr' (did you mean 'dehydrateAfter'?)"],
  },
  "handler -> unknown script": {
    change: (p) => {
      p.handlers.process_order.script = "shp";
    },
    line: '"script": "shp"',
    pointer: "/handlers/process_order/script",
    says: ["unknown script 'shp' (did you mean 'shop'?)"],
  },
  "handler without its script": {
    change: (p) => {
      p.handlers.process_order = { entry: "process_order" };
    },
    line: '"process_order": {',
    pointer: "/handlers/process_order",
    says: ["missing required property 'script'"],
  },
  "scenario -> unknown handler": {
    change: (p) => {
      p.scenarios.happy.handler = "proces_order";
    },
    line: '"handler": "proces_order"',
    pointer: "/scenarios/happy/handler",
    says: ["unknown handler 'proces_order' (did you mean 'process_order'?)"],
  },
  "mock -> unknown host function": {
    change: (p) => {
      p.scenarios.happy.mocks = { get_usr: [{ returns: { name: "Ada" } }] };
    },
    line: '"get_usr"',
    pointer: "/scenarios/happy/mocks/get_usr",
    says: ["unknown host function 'get_usr' (did you mean 'get_user'?)"],
  },
  "expect.calls -> unknown host function": {
    change: (p) => {
      p.scenarios.happy.expect.calls = { get_users: 1 };
    },
    line: '"get_users"',
    pointer: "/scenarios/happy/expect/calls/get_users",
    says: ["unknown host function 'get_users' (did you mean 'get_user'?)"],
  },
  "script file missing": {
    change: (p) => {
      p.scripts.shop = "scripts/shop2.lua";
    },
    line: '"shop": "scripts/shop2.lua"',
    pointer: "/scripts/shop",
    says: ["script file not found: scripts/shop2.lua"],
  },
  "script with a Lua syntax error": {
    change: (_p, dir) => {
      fs.writeFileSync(path.join(dir, "scripts/shop.lua"), SHOP_LUA.replace("function(input)", "function(input"));
    },
    line: '"shop": "scripts/shop.lua"',
    pointer: "/scripts/shop",
    says: ["script 'shop' does not load: ", "scripts/shop.lua:5: ')' expected near 'local'"],
  },
  "script that errors at load": {
    change: (_p, dir) => {
      fs.writeFileSync(path.join(dir, "scripts/shop.lua"), `local region = sys.config().db.region\n${SHOP_LUA}`);
    },
    line: '"shop": "scripts/shop.lua"',
    pointer: "/scripts/shop",
    says: ["script 'shop' does not load: ", "scripts/shop.lua:1: attempt to index a nil value (field 'db')"],
  },
  "handler entry the script does not export": {
    change: (p) => {
      p.handlers.process_order.entry = "process_ordr";
    },
    line: '"entry": "process_ordr"',
    pointer: "/handlers/process_order/entry",
    says: [
      "script 'shop' exports no handler 'process_ordr' (did you mean 'process_order'?) (it exports: process_order)",
    ],
  },
  "handler the script does not export": {
    change: (p) => {
      p.handlers.refund = { script: "shop" };
    },
    line: (text) => lineOf(text, '"refund": {') + 1, // its "script"
    pointer: "/handlers/refund/script",
    says: ["script 'shop' exports no handler 'refund' (it exports: process_order)"],
  },
  "wrong type: a timeout as a string": {
    change: (p) => {
      p.hostFunctions.get_user.cli.timeout = "10";
    },
    line: '"timeout": "10"',
    pointer: "/hostFunctions/get_user/cli/timeout",
    says: ["must be integer, got string"],
  },
  "bad enum value in runtime.stdlib": {
    change: (p) => {
      p.runtime.stdlib = ["base", "strng"];
    },
    line: '"strng"', // array items are located at the item
    pointer: "/runtime/stdlib/1",
    says: ['must be one of "base", "string", "table", "math", "utf8", "coroutine", "os" (did you mean \'string\'?)'],
  },
  "invalid log.format": {
    change: (p) => {
      p.log.format = "jsonl";
    },
    line: '"format": "jsonl"',
    pointer: "/log/format",
    says: [`must be one of "pretty", "json" (did you mean 'json'?)`],
  },
  "invalid log.level": {
    change: (p) => {
      p.log.level = "verbose";
    },
    line: '"level": "verbose"',
    pointer: "/log/level",
    says: ['must be one of "debug", "info", "warn", "error"'],
  },
  "limits with a negative number": {
    change: (p) => {
      p.runtime.limits.memory = -1;
    },
    line: '"memory": -1',
    pointer: "/runtime/limits/memory",
    says: ["must be >= 1"],
  },
  "runtime.namespace that is not a Lua name": {
    change: (p) => {
      p.runtime.namespace = "my-sys";
    },
    line: '"namespace": "my-sys"',
    pointer: "/runtime/namespace",
    says: ['must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"'],
  },
  "configSchema that is not a schema": {
    change: (p) => {
      p.configSchema = { type: "objekt" };
    },
    line: '"configSchema": {',
    pointer: "/configSchema",
    says: ["invalid JSON Schema: "],
  },
  "host function args that is not a schema": {
    change: (p) => {
      p.hostFunctions.get_user.args = { type: 42 };
    },
    line: '"args": {',
    pointer: "/hostFunctions/get_user/args",
    says: ["invalid JSON Schema: "],
  },
  "config not matching configSchema": {
    change: (p) => {
      p.config = { region: "eu-west-1", retries: "two" };
    },
    line: '"retries": "two"',
    pointer: "/config/retries",
    says: ["config does not match configSchema: must be integer, got string"],
  },
  "config missing a property configSchema requires": {
    change: (p) => {
      p.config = { retries: 1 };
    },
    line: '"config": {',
    pointer: "/config",
    says: ["config does not match configSchema: missing required property 'region'"],
    args: ["config"],
  },
  "a mock with both returns and error": {
    change: (p) => {
      p.scenarios.happy.mocks.get_user = [{ returns: { name: "Ada" }, error: "boom" }];
    },
    // where the mock's object opens
    line: (text) => lineOf(text, '"get_user": [') + 1,
    pointer: "/scenarios/happy/mocks/get_user/0",
    says: ["must not have both 'returns' and 'error'"],
  },
  "a mock result not matching hostFunctions.returns": {
    change: (p) => {
      p.scenarios.happy.mocks.get_user = [{ returns: { name: 42 } }];
    },
    line: '"name": 42',
    pointer: "/scenarios/happy/mocks/get_user/0/returns/name",
    says: ["mock result does not match hostFunctions.get_user.returns: must be string, got integer"],
    args: ["run", "shop.endymion.json", "process_order"],
  },
  "a negative dehydrateAfter": {
    change: (p) => {
      p.handlers.process_order.dehydrateAfter = -1;
    },
    line: '"dehydrateAfter": -1',
    pointer: "/handlers/process_order/dehydrateAfter",
    says: ["must be >= 0"],
    args: ["list", "--json"],
  },
};

describe.concurrent("mistakes in project files: exit 2, file:line, JSON path, did-you-mean", () => {
  /** Writes the good project with one mistake in a new folder; returns the folder and file text. */
  function broken(m: Mistake | undefined): { dir: string; text: string } {
    const dir = tmpDir("mistake");
    fs.mkdirSync(path.join(dir, "scripts"));
    fs.writeFileSync(path.join(dir, "scripts/shop.lua"), SHOP_LUA);
    const p = goodProject();
    const replaced = m?.change(p, dir);
    const text = typeof replaced === "string" ? replaced : `${JSON.stringify(p, null, 2)}\n`;
    fs.writeFileSync(path.join(dir, "shop.endymion.json"), text);
    return { dir, text };
  }

  it.concurrent("the good project the mistakes start from is valid", async ({ expect }) => {
    const { dir } = broken(undefined);
    const r = await endymion(["validate", "shop.endymion.json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("shop.endymion.json is valid: 1 script, 1 handler, 1 host function, 1 scenario\n");
  });

  it.concurrent.for(Object.entries(mistakes))("%s", async ([, m], { expect }) => {
    const { dir, text } = broken(m);
    const args = m.args ?? ["validate"];
    const r = await endymion(args.length > 2 ? args : [...args, "shop.endymion.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    for (const l of lines(r.stderr)) expect(l).toMatch(/^error: /);
    const line = typeof m.line === "number" ? m.line : typeof m.line === "string" ? lineOf(text, m.line) : m.line(text);
    const first = lines(r.stderr)[0];
    expect(first).toMatch(new RegExp(`^error: shop\\.endymion\\.json:${line}:\\d+: `));
    if (m.pointer instanceof RegExp) {
      expect(first).toMatch(new RegExp(`:\\d+: ${m.pointer.source}: `));
    } else if (m.pointer) {
      expect(first).toContain(`: ${m.pointer}: `);
    }
    for (const s of m.says) expect(first).toContain(s);
  });

  it.concurrent("validate reports every problem, one line each", async ({ expect }) => {
    const { dir } = broken({
      change: (p) => {
        p.handlers.process_order.script = "shp";
        p.scenarios.happy.handler = "nope";
      },
      line: 1,
      says: [],
    });
    const r = await endymion(["validate", "shop.endymion.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(2);
    expect(r.stderr).toContain("/handlers/process_order/script: unknown script 'shp'");
    expect(r.stderr).toContain("/scenarios/happy/handler: unknown handler 'nope'");
  });

  // Regression: a bad overlay once also brought a false "missing required property 'region'" error.
  it.concurrent("a --config-overlay that is not valid JSON: the overlay's name and line", async ({ expect }) => {
    const { dir } = broken(undefined);
    fs.writeFileSync(path.join(dir, "prod.json"), '{\n  "region": "us-east-1",\n  "retries": 5,\n}\n');
    const r = await endymion(["config", "shop.endymion.json", "--config-overlay", "prod.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)[0]).toBe("error: prod.json:4:1: invalid JSON: property name expected");
    expect(r.stderr).not.toContain("missing required property 'region'");
  });

  it.concurrent("a --config-overlay that is missing or not an object", async ({ expect }) => {
    const { dir } = broken(undefined);
    fs.writeFileSync(path.join(dir, "list.json"), '["eu-west-1"]\n');
    const r = await endymion(["validate", "shop.endymion.json", "--config-overlay", "list.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toBe("error: list.json:1:1: a config overlay must be a JSON object");
    const m = await endymion(["validate", "shop.endymion.json", "--config-overlay", "nope.json"], { cwd: dir });
    expect(m.code).toBe(2);
    expect(lines(m.stderr)[0]).toMatch(/^error: nope\.json: cannot read config overlay: ENOENT/);
  });

  // Regression: a malformed --set once also brought a false "missing required property 'region'" error.
  it.concurrent.for([
    ["retries", "error: --set: 'retries' is not path=value (e.g. db.port=5432)"],
    ["=3", "error: --set: '=3' is not path=value (e.g. db.port=5432)"],
    ["db..port=3", "error: --set: 'db..port=3' has an empty key in its path"],
  ])("a malformed --set %s", async ([assign, message], { expect }) => {
    const { dir } = broken(undefined);
    const r = await endymion(["config", "shop.endymion.json", "--set", assign], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${message}\n`);
  });
});

// ---------------------------------------------------------------------------------------

describe.concurrent("host functions that fail (fixtures/hosts-failing)", () => {
  const P = "hosts-failing.endymion.json";
  const run = (handler: string, input: unknown) => endymion(["run", P, handler, JSON.stringify(input)], { cwd: HOSTS });

  const failures: [string, unknown, string][] = [
    [
      "exits non-zero",
      { fn: "fail" },
      "host function 'fail' exited with status 3: payments backend unavailable: connection refused",
    ],
    ["times out", { fn: "slow" }, "host function 'slow' timed out after 300 ms"],
    ["prints invalid JSON", { fn: "garbage" }, "host function 'garbage' printed invalid JSON ("],
    [
      "gets a payload that violates args",
      { fn: "lookup", payload: { id: "1" } },
      "host function 'lookup': invalid payload at /id: must be integer, got string",
    ],
    [
      "returns a result that violates returns",
      { fn: "lookup", payload: { id: 7 } },
      "host function 'lookup': invalid result at /name: must be string, got integer",
    ],
    ["is not declared", { fn: "nope" }, "unknown host function 'nope' (not in the project's hostFunctions)"],
  ];

  it.concurrent.for(failures)(
    "a host function that %s: pcall catches the error",
    async ([, input, message], { expect }) => {
      const r = await run("try", input);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const result = JSON.parse(r.stdout);
      expect(result.ok).toBe(false);
      expect(result.err).toContain(message);
      if (input === failures[1][1]) expect(r.ms).toBeLessThan(5000); // slow answers after 5 s: it was stopped
    },
  );

  it.concurrent.for(failures)(
    "a host function that %s: uncaught, run exits 1",
    async ([, input, message], { expect }) => {
      const r = await run("call", input);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr.startsWith(`error: handler 'call' failed: ${message}`)).toBe(true);
    },
  );

  it.concurrent("invalid JSON is quoted in the error", async ({ expect }) => {
    const r = await run("try", { fn: "garbage" });
    expect(JSON.parse(r.stdout).err).toMatch(/printed invalid JSON \(.+\): <html>502 Bad Gateway<\/html>$/);
  });

  it.concurrent("a good answer of the same host functions passes", async ({ expect }) => {
    const r = await run("try", { fn: "lookup", payload: { id: 1 } });
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, err: { id: 1, name: "Ada" } });
  });

  // Regression: writing a large payload to a command that does not read it once failed with EPIPE.
  it.concurrent("a host function that does not read its payload still answers", async ({ expect }) => {
    const small = await run("call", { fn: "ping" });
    expect(JSON.parse(small.stdout)).toEqual({ pong: true });
    const dir = tmpDir("ping");
    fs.writeFileSync(
      path.join(dir, "big.lua"),
      'return { handlers = { big = sys.export(function() return sys.invoke("ping", { blob = ("x"):rep(1000000) }) end) } }\n',
    );
    fs.writeFileSync(
      path.join(dir, "p.endymion.json"),
      JSON.stringify({
        scripts: { big: "big.lua" },
        handlers: { big: { script: "big" } },
        hostFunctions: { ping: { cli: { exec: `echo '{"pong": true}'` } } },
      }),
    );
    const big = await endymion(["run", "p.endymion.json", "big"], { cwd: dir });
    expect(big.stderr).toBe("");
    expect(big.code).toBe(0);
    expect(JSON.parse(big.stdout)).toEqual({ pong: true });
  });
});

// ---------------------------------------------------------------------------------------

describe.concurrent("sys.log and sys.emit go to stderr, the result alone to stdout (fixtures/logging)", () => {
  it.concurrent("pretty lines by level; debug is hidden at level info", async ({ expect }) => {
    const r = await endymion(["run", "pretty.endymion.json", "ship", '{"parcel": "P1", "kg": 25}'], { cwd: LOGGING });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ parcel: "P1", courier: "ACME", tracking: "TRK-P1" });
    expect(r.stderr).toBe(
      [
        "INFO  [ship] shipping parcel P1",
        'EVENT [ship] parcel_packed {"parcel":"P1","kg":25}',
        "WARN  [ship] heavy parcel: 25 kg",
        'EVENT [ship] courier_booked {"parcel":"P1","courier":"ACME"}',
        "",
      ].join("\n"),
    );
  });

  it.concurrent("an error log", async ({ expect }) => {
    const r = await endymion(["run", "pretty.endymion.json", "ship", '{"parcel": "X1", "kg": 2}'], { cwd: LOGGING });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ parcel: "X1", courier: "ACME" });
    expect(lines(r.stderr).at(-1)).toBe("ERROR [ship] no tracking number for X1");
  });

  it.concurrent("JSON lines at level debug", async ({ expect }) => {
    const r = await endymion(["run", "json.endymion.json", "ship", '{"parcel": "X9", "kg": 3}'], { cwd: LOGGING });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ parcel: "X9", courier: "ACME" });
    const records = lines(r.stderr).map((l) => JSON.parse(l));
    for (const rec of records) {
      expect(rec.handler).toBe("ship");
      expect(new Date(rec.time).toISOString()).toBe(rec.time);
    }
    expect(records.map(({ time: _, ...rest }) => rest)).toEqual([
      { level: "debug", handler: "ship", message: "parcel details: X9 3" },
      { level: "info", handler: "ship", message: "shipping parcel X9" },
      { event: "parcel_packed", handler: "ship", payload: { parcel: "X9", kg: 3 } },
      { event: "courier_booked", handler: "ship", payload: { parcel: "X9", courier: "ACME" } },
      { level: "error", handler: "ship", message: "no tracking number for X9" },
    ]);
  });

  it.concurrent("level error hides info and warn but not events", async ({ expect }) => {
    const dir = copyFixture("logging");
    const file = path.join(dir, "pretty.endymion.json");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"level": "info"', '"level": "error"'));
    const r = await endymion(["run", "pretty.endymion.json", "ship", '{"parcel": "X2", "kg": 30}'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lines(r.stderr).map((l) => l.split(" [")[0].trim())).toEqual(["EVENT", "EVENT", "ERROR"]);
  });

  it.concurrent("sys.emit does not block: the run goes on to the next host call", async ({ expect }) => {
    const dir = copyFixture("logging");
    const r = await endymion(
      [
        "run",
        "pretty.endymion.json",
        "ship",
        '{"parcel": "P3", "kg": 1}',
        "--dehydrate-after",
        "0",
        "--state",
        "s.state",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([
      "INFO  [ship] shipping parcel P3",
      'EVENT [ship] parcel_packed {"parcel":"P3","kg":1}',
      expect.stringMatching(/^state of handler 'ship' saved at host call 'book_courier': s\.state \(\d+ bytes\)$/),
    ]);
    const resumed = await endymion(["resume", "pretty.endymion.json", "--state", "s.state"], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toEqual({ parcel: "P3", courier: "ACME", tracking: "TRK-P3" });
    expect(resumed.stderr).toBe('EVENT [ship] courier_booked {"parcel":"P3","courier":"ACME"}\n');
  });
});

// ---------------------------------------------------------------------------------------

describe.concurrent("--verbose: details only for internal errors", () => {
  // An internal error: writing the state fails in a way the CLI does not foresee.
  const unwritable = [...RUN_ORDER, "--dehydrate-after", "1", "--state", "/proc/self/state.cbor"];

  it.runIf(process.platform === "linux").concurrent(
    "an internal error is one line, with a stack under --verbose",
    async ({ expect }) => {
      const [plain, verbose] = await Promise.all([
        endymion(unwritable, { cwd: ORDER }),
        endymion([...unwritable, "--verbose"], { cwd: ORDER }),
      ]);
      expect(plain.code).toBe(2);
      expect(lines(plain.stderr)).toHaveLength(1);
      expect(plain.stderr).toMatch(/^error: .*ENOENT/);
      expect(verbose.code).toBe(2);
      expect(lines(verbose.stderr)[0]).toMatch(/^error: .*ENOENT/);
      expect(lines(verbose.stderr).length).toBeGreaterThan(3);
      expect(verbose.stderr).toMatch(/^ {4}at .+state-io\.js:\d+:\d+\)?$/m);
    },
  );

  it.concurrent.for([
    [
      "a handler error",
      HOSTS,
      ["run", "hosts-failing.endymion.json", "call", '{"fn": "fail"}'],
      1,
      /^error: handler 'call' failed: host function 'fail' exited with status 3: payments backend unavailable: connection refused\n$/,
    ],
    [
      "a usage error",
      ORDER,
      ["run", "order.endymion.json", "nope"],
      2,
      /^error: unknown handler 'nope' in order\.endymion\.json \(handlers: process_order\)\n$/,
    ],
    [
      "a project error",
      CONFIG,
      ["validate", "config.endymion.json", "--set", "db.port=0"],
      2,
      /^error: config\.endymion\.json:\d+:\d+: \/config\/db\/port: config does not match configSchema: must be >= 1\n$/,
    ],
    [
      "a state error",
      ORDER,
      ["resume", "order.endymion.json", "--state", "scripts/order.lua"],
      2,
      /^error: cannot use the state: .+ \[NOT_A_STATE\]\n$/,
    ],
  ] as [string, string, string[], number, RegExp][])(
    "%s stays one line under --verbose",
    async ([, cwd, args, code, line], { expect }) => {
      const r = await endymion([...args, "--verbose"], { cwd });
      expect(r.code).toBe(code);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(line);
    },
  );
});

// ---------------------------------------------------------------------------------------

describe.concurrent("lua: the plain interpreter", () => {
  it.concurrent("runs a file", async ({ expect }) => {
    const r = await endymion(["lua", "fixtures/hello/hello.lua"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(lines(r.stdout)[0]).toBe("hello from Endymion: ada has 42, fib(20) = 6765");
    expect(lines(r.stdout)[1]).toBe("coroutine:\t40\t42");
  });

  it.concurrent("starts from the build's one-file bundle with a code cache V8 accepts", async ({ expect }) => {
    // what cli.js does for `endymion lua`; a rejected cache would cost start-up silently
    const script = `import("${path.join(ROOT, "core", "dist", "lua-loader.js")}").then((m) => {
      const b = m.loadLuaBundle();
      console.log(b.cache, typeof b.command.runLuaCommand);
    });`;
    const r = await exec(process.execPath, ["-e", script]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("accepted function\n");
  });

  it.concurrent("runs standard input with arguments", async ({ expect }) => {
    const r = await endymion(["lua", "-", "one", "two"], { input: 'print(select("#", ...), arg[1], arg[2])\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("2\tone\ttwo\n");
  });

  it.concurrent("an error exits 1 with lua: and a traceback; os.exit sets the code", async ({ expect }) => {
    const e = await endymion(["lua", "-"], { input: 'error("boom")\n' });
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/^lua: stdin:1: boom\nstack traceback:\n/);
    const x = await endymion(["lua", "-"], { input: 'io.write("bye")\nos.exit(3)\n' });
    expect(x.code).toBe(3);
    expect(x.stdout).toBe("bye");
  });

  it.concurrent("a missing file", async ({ expect }) => {
    const r = await endymion(["lua", "nope.lua"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("lua: cannot open nope.lua: No such file or directory\n");
  });

  it.concurrent("a chunk that does not compile: lua: and the message, no traceback", async ({ expect }) => {
    const r = await endymion(["lua", "-"], { input: "print('a' 'b')\n" });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("lua: stdin:1: ')' expected near ''b''\n");
  });

  it.concurrent("-e runs statements in order, before the script; arg holds the options below 0", async ({ expect }) => {
    const r = await endymion(["lua", "-e", "x = 5", "-eprint(x * 2)", "-", "a"], {
      input: "print(x, arg[-3], arg[-2], arg[-1], arg[0], arg[1], ...)\n",
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("10\n5\t-e\tx = 5\t-eprint(x * 2)\t-\ta\ta\n");
    expect(r.code).toBe(0);
    const only = await endymion(["lua", "-e", "print(#arg, arg[0])"], { input: "print('not run')" });
    expect(only.stdout).toBe("2\tlua\n");
  });

  it.concurrent("an error in -e stops there: exit 1, (command line) in the message", async ({ expect }) => {
    const r = await endymion(["lua", "-e", "error('boom')", "-e", "print('after')"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^lua: \(command line\):1: boom\nstack traceback:\n/);
    const syntax = await endymion(["lua", "-e", "print("]);
    expect(syntax.stderr).toBe("lua: (command line):1: unexpected symbol near <eof>\n");
  });

  it.concurrent("-l requires a module into a global (-l g=mod names the global)", async ({ expect }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "endymion-lua-l-"));
    fs.writeFileSync(path.join(dir, "greet.lua"), 'return { hi = function(n) return "hi " .. n end }\n');
    const r = await endymion(["lua", "-l", "greet", "-lg=greet", "-e", "print(greet.hi('a'), g.hi('b'), g == greet)"], {
      cwd: dir,
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("hi a\thi b\ttrue\n");
    const missing = await endymion(["lua", "-l", "nosuchmod"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^lua: module 'nosuchmod' not found:/);
  });

  it.concurrent("a bad option prints the usage and exits 1; -- ends the options", async ({ expect }) => {
    const r = await endymion(["lua", "-x"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lua: unrecognized option '-x'\nusage: lua \[options\] \[script \[args\]\]\n/);
    const e = await endymion(["lua", "-e"]);
    expect(e.stderr).toMatch(/^lua: '-e' needs argument\n/);
    const dashes = await endymion(["lua", "--", "-"], { input: "print('from stdin', ...)" });
    expect(dashes.code).toBe(1);
    expect(dashes.stderr).toBe("lua: cannot open -: No such file or directory\n");
  });

  it.concurrent("LUA_INIT runs first unless -E; -v prints the version", async ({ expect }) => {
    const env = { LUA_INIT: "init = 'yes'" };
    const r = await endymion(["lua", "-e", "print(init)"], { env });
    expect(r.stdout).toBe("yes\n");
    const noEnv = await endymion(["lua", "-E", "-e", "print(init)"], { env });
    expect(noEnv.stdout).toBe("nil\n");
    const v = await endymion(["lua", "-v"]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^Lua 5\.4 \(Endymion /);
  });

  it.concurrent("-i: the interactive loop prints expression values, reads on an incomplete statement", async ({
    expect,
  }) => {
    const r = await endymion(["lua", "-i"], {
      input: 'x = 10\nx + 1\nfunction f(a)\nreturn a * 2\nend\n=f(x), "s"\nerror("e")\nprint("still here")\n',
    });
    expect(r.code).toBe(0);
    // lines read from a standard input that is no terminal are echoed, as lua5.4's readline does
    expect(r.stdout.split("\n").slice(1).join("\n")).toBe(
      '> x = 10\n> x + 1\n11\n> function f(a)\n>> return a * 2\n>> end\n> =f(x), "s"\n20\ts\n' +
        '> error("e")\n> print("still here")\nstill here\n> \n',
    );
    expect(r.stderr).toMatch(/^stdin:1: e\nstack traceback:\n/);
  });

  it.concurrent("io.read on piped standard input: formats, io.lines(), the rest after a script from stdin", async ({
    expect,
  }) => {
    const script = [
      'print(io.read("n", "n"))',
      'print(io.read("l"))',
      'print(io.read("L"))',
      "print(io.read(3), io.read(0))",
      "for l in io.lines() do io.write('[', l, ']') end",
      "print(io.read(), io.read(0), io.read('a'))",
    ].join(" ");
    const r = await endymion(["lua", "-e", script], { input: "12 0x1F rest\nline two\nabcdef\nx\n\nlast" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("12\t31\n rest\nline two\n\nabc\t\n[def][x][][last]nil\tnil\t\n");
    // a script read from standard input takes all of it: io.read finds the end
    const dash = await endymion(["lua", "-"], { input: "print(io.read(), io.read('a'))\n-- more text\n" });
    expect(dash.stdout).toBe("nil\t\n");
  });

  it.concurrent("standard input is read as it comes: a prompt is answered before the input ends", async ({
    expect,
  }) => {
    const script = 'io.write("name? ") local n = io.read() io.write("age? ") local a = io.read("n") print(n, a + 1)';
    const proc = spawn(process.execPath, [CLI, "lua", "-e", script], { env: ENV });
    let stdout = "";
    proc.stdout.on("data", (b: Buffer) => {
      stdout += b.toString("utf8");
    });
    const closed = new Promise<number | null>((resolve) => proc.on("close", (code) => resolve(code)));
    const until = async (text: string) => {
      for (const t0 = Date.now(); !stdout.endsWith(text); ) {
        if (proc.exitCode !== null || Date.now() - t0 > 20_000) throw new Error(`no '${text}' in:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      await until("name? ");
      proc.stdin.write("ada\n");
      await until("age? ");
      proc.stdin.write("41\n");
      await until("ada\t42\n");
      proc.stdin.end();
      expect(await closed).toBe(0);
    } finally {
      if (proc.exitCode === null) proc.kill();
    }
  });

  it.concurrent("-i: io.read in the interactive loop reads the next line of input", async ({ expect }) => {
    const r = await endymion(["lua", "-i"], { input: "x = io.read()\nsome text\nprint(#x, x)\n" });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(1).join("\n")).toBe("> x = io.read()\n> print(#x, x)\n9\tsome text\n> \n");
  });

  it.concurrent("-i: prompts through tostring, an error calling print is reported", async ({ expect }) => {
    const prompt = "local C = 0; _PROMPT = setmetatable({}, {__tostring = function () C = C + 1; return C end})";
    const r = await endymion(["lua", "-e", prompt, "-i"], { input: " --\na = 2\n" });
    expect(r.stdout.split("\n").slice(1).join("\n")).toBe("1 --\n2a = 2\n3\n");
    const p = await endymion(["lua", "-e", "print = nil", "-i"], { input: "10\n" });
    expect(p.code).toBe(0);
    expect(p.stderr).toMatch(/^error calling 'print' \(attempt to call a nil value\)\n/);
  });

  it.concurrent("debug.debug runs a command per line of standard input until cont", async ({ expect }) => {
    const r = await endymion(["lua", "-e", "require'debug'.debug() print('back')"], {
      input: 'io.stderr:write(1000)\nerror("x")\nlocal = 1\ncont\nprint("not run")\n',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("back\n");
    expect(r.stderr).toBe(
      "lua_debug> 1000lua_debug> (debug command):1: x\n" +
        "lua_debug> (debug command):1: <name> expected near '='\nlua_debug> ",
    );
  });

  it.concurrent("the script's arguments come from the global arg as it is when the script starts", async ({
    expect,
  }) => {
    const r = await endymion(["lua", "-e", "arg[1] = 100", "-", "a", "b"], { input: "print(...)\n" });
    expect(r.stdout).toBe("100\tb\n");
    const bad = await endymion(["lua", "-e", "arg = 1", "-"], { input: "print(...)\n" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^lua: 'arg' is not a table\n/);
  });

  it.concurrent("os.exit(code, true) closes the state: pending to-be-closed variables, then finalizers", async ({
    expect,
  }) => {
    const tbc = [
      "local x <close> = setmetatable({}, {__close = function (_, e) print('Ok', e) end})",
      "local e1 <close> = setmetatable({}, {__close = function () print(120) end})",
      "os.exit(true, true)",
    ].join("\n");
    const r = await endymion(["lua", "-"], { input: tbc });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("120\nOk\tnil\n");
    // a finalizer that exits closing the state again: the others still run, newer ones do not
    const fin = [
      "setmetatable({}, {__gc = function () print(1) end})",
      "setmetatable({}, {__gc = function ()",
      "  print(2); setmetatable({}, {__gc = function () print(3) end}); os.exit(0, true)",
      "end})",
    ].join("\n");
    const f = await endymion(["lua", "-"], { input: fin });
    expect(f.code).toBe(0);
    expect(f.stdout).toBe("2\n1\n");
  });

  it.concurrent("io.popen and os.execute: output in program order, status triples, standard input shared", async ({
    expect,
  }) => {
    const script = [
      'print("one")',
      'io.write("two ")',
      'print(os.execute("echo three"))',
      'local p = io.popen("tr a-z A-Z", "w")',
      'p:write("four\\n")',
      'print("five")',
      "print(p:close())",
      'print(io.popen("echo six; exit 2"):read("a"))',
      'print(io.popen("cat"):read("a"))',
    ].join("\n");
    const r = await endymion(["lua", "-e", script], { input: "from stdin\n" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("one\ntwo three\ntrue\texit\t0\nfive\nFOUR\ntrue\texit\t0\nsix\n\nfrom stdin\n\n");
    // as with lua5.4: stderr is unbuffered, stdout keeps io.write's "1 " until print flushes
    const both = await sh(`endymion lua -e 'io.write("1 ") io.stderr:write("2 ") print("3")' 2>&1`, ROOT);
    expect(both.stdout).toBe("2 1 3\n");
    // print flushes at each call: an error after it comes after its line
    const error = await sh(`endymion lua -e 'print("a") io.write("b") error("c")' 2>&1`, ROOT);
    expect(error.stdout).toMatch(/^a\nlua: \(command line\):1: c\n.*b$/s);
  });

  it.concurrent("files left open are flushed at exit, and a pipe left open runs its command", async ({ expect }) => {
    const dir = tmpDir("lua-exit-files");
    const name = path.join(dir, "out.txt");
    const script = `local f = io.open(${JSON.stringify(name)}, "w") f:write("kept") io.popen("cat", "w"):write("late\\n")`;
    const r = await endymion(["lua", "-e", script]);
    expect(r.stdout).toBe("late\n");
    expect(fs.readFileSync(name, "utf8")).toBe("kept");
    const exit = await endymion(["lua", "-e", `${script.replace("kept", "exit")} os.exit(3)`]);
    expect(exit.code).toBe(3);
    expect(exit.stdout).toBe("late\n");
    expect(fs.readFileSync(name, "utf8")).toBe("exit");
  });
});
