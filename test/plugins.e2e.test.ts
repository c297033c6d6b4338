// End-to-end tests of the test-runner integrations: @endymion/vitest (the Vite plugin that
// makes *.endymion.json files test files, and describeScenarios) and @endymion/jest-preset
// (the jest preset and its runner, and describeScenarios). Each test copies fixture projects
// into a folder under the system's temporary folder, links the packages into its
// node_modules (as an install would), writes a vitest or jest config there and runs the real
// `vitest` and `jest` binaries, reading their JSON reports and exit codes.
//
// The packages must be built (`npm run build`).

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadProject } from "endymion";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NM = path.join(ROOT, "node_modules");
const FIXTURES = path.join(ROOT, "fixtures");
const VITEST = path.join(NM, "vitest", "vitest.mjs");
const JEST = path.join(NM, "jest", "bin", "jest.js");

/** Subprocess environment: no colors, and nothing of the vitest run these tests are part of. */
const ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
for (const k of Object.keys(ENV))
  if (k.startsWith("VITEST") || k === "FORCE_COLOR" || k === "JEST_WORKER_ID") delete ENV[k];

/** node_modules entries of a temporary project -> what they link to. */
const LINKS: Record<string, string> = {
  endymion: path.join(ROOT, "core"),
  "@endymion/native": path.join(ROOT, "native"),
  "@endymion/reporters": path.join(ROOT, "reporters"),
  "@endymion/vitest": path.join(ROOT, "vitest-plugin"),
  "@endymion/jest-preset": path.join(ROOT, "jest-preset"),
  vitest: path.join(NM, "vitest"),
  jest: path.join(NM, "jest"),
  "@jest/globals": path.join(NM, "@jest", "globals"),
};

const temps: string[] = [];

/** A temporary project folder with the packages linked and the given fixture folders copied. */
function tempProject(kind: string, fixtures: string[], files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `endymion-${kind}-`));
  temps.push(dir);
  for (const [name, target] of Object.entries(LINKS)) {
    const at = path.join(dir, "node_modules", name);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(target, at, "dir");
  }
  for (const f of fixtures) fs.cpSync(path.join(FIXTURES, f), path.join(dir, f), { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a node script in a folder to its end. */
function run(cwd: string, script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [script, ...args], { cwd, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    p.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    p.on("error", reject);
    p.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 }));
  });
}

const ESC = String.fromCharCode(27);
const plain = (s: string) => s.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "");

// the parts of the vitest and jest JSON reports the tests read (the same shape in both)
interface Assertion {
  ancestorTitles: string[];
  title: string;
  fullName: string;
  status: string;
  failureMessages: string[];
  location?: { line: number; column: number } | null;
  duration?: number | null;
}
interface FileReport {
  name: string;
  status: string;
  message?: string;
  assertionResults: Assertion[];
}
interface Report {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: FileReport[];
}

function readReport(file: string): Report {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Report;
}

function fileReport(r: Report, suffix: string): FileReport {
  const f = r.testResults.find((t) => t.name.endsWith(suffix));
  if (!f) throw new Error(`no report for ${suffix} among ${r.testResults.map((t) => t.name).join(", ")}`);
  return f;
}

/** [title, status] of each row of a file. */
const rows = (f: FileReport) => f.assertionResults.map((a) => [a.title, a.status]);

const bothModes = (names: string[], status: (name: string) => string = () => "passed") =>
  names.flatMap((n) => [
    [`${n} [straight]`, status(n)],
    [`${n} [roundtrip]`, status(n)],
  ]);

const SHOP = ["two items", "integer total equals a float", "reservation fails", "round trip at the second call only"];
const SHOP_FAILING = [
  "passes",
  "wrong total",
  "a call with no mock left",
  "mocks left over",
  "wrong call count",
  "the handler crashes",
];

/** The helper test file's check: called for every scenario and mode, fails once on purpose. */
const CHECK = `check(ctx) {
    expect(ctx.modeResult.mode).toBe(ctx.mode);
    expect(ctx.calls.filter((c) => c.type === "invoke").length).toBeGreaterThan(0);
    // fails on purpose: the total of "two items" is 6.5
    if (ctx.scenario === "two items" && ctx.mode === "roundtrip") expect(ctx.emits[0].payload.total).toBe(7);
  },`;

/** What the helper test files register: shop with the check, and one failing scenario. */
const HELPER_ROWS = [
  ...bothModes(SHOP).map(([t]) => [t, t === "two items [roundtrip]" ? "failed" : "passed"]),
  ["wrong total [straight]", "failed"],
];

/** A project with n passing scenarios over the shop script. */
function bulkProject(n: number): string {
  const scenarios: Record<string, unknown> = {};
  for (let i = 1; i <= n; i++) {
    const items = Array.from({ length: 1 + (i % 3) }, (_, k) => ({ sku: `sku-${i}-${k}`, qty: 1 + ((i + k) % 4) }));
    const prices = items.map((_, k) => ((i * 7 + k * 3) % 10) + 1);
    const total = items.reduce((sum, item, k) => sum + prices[k] * item.qty, 0);
    scenarios[`cart ${String(i).padStart(2, "0")}`] = {
      handler: "checkout",
      input: { cartId: `c${i}` },
      mocks: {
        load_cart: [{ returns: { items } }],
        price: prices.map((p) => ({ returns: p })),
        reserve: [{ returns: { id: `r${i}` } }],
      },
      expect: {
        result: { status: "ok", total, seconds: 0, checkouts: 1 },
        calls: { load_cart: 1, price: items.length, reserve: 1 },
        emits: [{ name: "reserved", payload: { cartId: `c${i}`, total } }],
      },
    };
  }
  const project = {
    name: "bulk",
    scripts: { shop: "../shop/scripts/shop.lua" },
    handlers: { checkout: { script: "shop" } },
    hostFunctions: { load_cart: {}, price: {}, reserve: {} },
    runtime: { stdlib: ["base", "string", "table", "math", "os"] },
    scenarios,
  };
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** Writes the 50-scenario project into a temporary project folder. */
function addBulk(dir: string): void {
  fs.mkdirSync(path.join(dir, "bulk"));
  fs.writeFileSync(path.join(dir, "bulk", "bulk.endymion.json"), bulkProject(50));
}

/** Wall times of the 50-scenario runs, printed at the end. */
const timings: Record<string, number> = {};

beforeAll(() => {
  for (const f of ["vitest-plugin/dist/index.js", "jest-preset/dist/run.js", "core/dist/index.js"]) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
});

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
  const t = Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`);
  if (t.length) console.log(`50 scenarios x 2 modes, wall time of the whole run: ${t.join(", ")}`);
});

const VITEST_CONFIG = `import endymion from "@endymion/vitest";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [endymion()],
  test: { include: ["**/*.endymion.json", "**/*.test.ts"], includeTaskLocation: true },
});
`;

const VITEST_HELPER = `import { describeScenarios } from "@endymion/vitest";
import { expect } from "vitest";

describeScenarios("shop/shop.endymion.json", {
  ${CHECK}
});
describeScenarios(new URL("./shop-failing/shop-failing.endymion.json", import.meta.url), {
  scenarios: ["wrong total"],
  roundtrip: false,
});
`;

describe("@endymion/vitest", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempProject("vitest", ["shop", "shop-failing"], {
      "package.json": '{ "name": "vitest-e2e", "private": true, "type": "module" }\n',
      "vitest.config.mjs": VITEST_CONFIG,
      "helper.test.ts": VITEST_HELPER,
    });
  });

  it("runs a passing project file: an it per scenario and mode, exit code 0", async () => {
    const r = await run(dir, VITEST, ["run", "--reporter=json", "--outputFile=pass.json", "shop/shop.endymion.json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = readReport(path.join(dir, "pass.json"));
    expect(report).toMatchObject({ numTotalTests: 8, numPassedTests: 8, numFailedTests: 0 });
    const shop = fileReport(report, "shop/shop.endymion.json");
    expect(rows(shop)).toEqual(bothModes(SHOP));
    expect(shop.assertionResults.every((a) => a.ancestorTitles.join() === "shop")).toBe(true);
    // each it is located at its scenario's line in the project file (the source map)
    const project = loadProject(path.join(dir, "shop/shop.endymion.json"));
    for (const a of shop.assertionResults) {
      const name = a.title.replace(/ \[\w+\]$/, "");
      expect(a.location?.line, a.title).toBe(project.line(["scenarios", name]));
    }
  });

  it("counts failing scenarios, shows the diff at the scenario's line, runs describeScenarios with its check; exit code 1", async () => {
    const r = await run(dir, VITEST, ["run", "--reporter=default", "--reporter=json", "--outputFile=all.json"]);
    expect(r.code, r.stderr).toBe(1);
    const report = readReport(path.join(dir, "all.json"));
    // shop 8 passed; shop-failing 2 passed, 10 failed; the helper file 7 passed, 2 failed
    expect(report).toMatchObject({ numTotalTests: 29, numPassedTests: 17, numFailedTests: 12 });
    expect(rows(fileReport(report, "shop/shop.endymion.json"))).toEqual(bothModes(SHOP));
    const failing = fileReport(report, "shop-failing/shop-failing.endymion.json");
    expect(rows(failing)).toEqual(bothModes(SHOP_FAILING, (n) => (n === "passes" ? "passed" : "failed")));
    expect(rows(fileReport(report, "helper.test.ts"))).toEqual(HELPER_ROWS);

    // the failure points at the scenario's line of the JSON file
    const project = loadProject(path.join(dir, "shop-failing/shop-failing.endymion.json"));
    const line = (name: string) => project.line(["scenarios", name]);
    const wrongTotal = failing.assertionResults.find((a) => a.title === "wrong total [straight]")!;
    expect(wrongTotal.location?.line).toBe(line("wrong total"));
    const msg = plain(wrongTotal.failureMessages.join("\n"));
    expect(msg).toContain("result differs from expect.result");
    expect(msg).toContain(`shop-failing.endymion.json:${line("wrong total")}:`);
    const calls = plain(
      failing.assertionResults.find((a) => a.title === "wrong call count [roundtrip]")!.failureMessages[0],
    );
    expect(calls).toContain("calls: 'price' was called 0 times, expected 2");
    expect(calls).toContain(`shop-failing.endymion.json:${line("wrong call count")}:`);
    // vitest's own diff of the result, and its pointer into the project file
    const out = plain(r.stdout + r.stderr);
    expect(out).toMatch(/- Expected\s+\+ Received/);
    expect(out).toMatch(/-\s+"total": 5,/);
    expect(out).toMatch(/\+\s+"total": 4,/);
    expect(out).toContain(`shop-failing/shop-failing.endymion.json:${line("wrong total")}:5`);

    // describeScenarios: the check's failure and the built-in failure, both located
    const helper = fileReport(report, "helper.test.ts");
    const checkFailure = plain(
      helper.assertionResults.find((a) => a.title === "two items [roundtrip]")!.failureMessages[0],
    );
    expect(checkFailure).toContain("expected 6.5 to be 7");
    expect(checkFailure).toContain("helper.test.ts:");
    const builtIn = plain(
      helper.assertionResults.find((a) => a.title === "wrong total [straight]")!.failureMessages[0],
    );
    expect(builtIn).toContain(`shop-failing.endymion.json:${line("wrong total")}:`);
  });

  it("watch mode re-runs a project file when it changes", async () => {
    const wdir = tempProject("vitest-watch", ["shop"], {
      "package.json": '{ "name": "vitest-watch-e2e", "private": true, "type": "module" }\n',
      "vitest.config.mjs": VITEST_CONFIG,
    });
    const out = path.join(wdir, "watch.json");
    const p: ChildProcess = spawn(
      process.execPath,
      [VITEST, "watch", "--reporter=json", `--outputFile=${out}`, "shop/shop.endymion.json"],
      { cwd: wdir, env: ENV, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    let log = "";
    p.stdout?.on("data", (b: Buffer) => (log += b.toString()));
    p.stderr?.on("data", (b: Buffer) => (log += b.toString()));
    const exited = new Promise<void>((resolve) => p.on("exit", () => resolve()));
    /** The report once it says what `ok` wants, or an error after 60 s. */
    const waitFor = async (ok: (r: Report) => boolean, what: string): Promise<Report> => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (p.exitCode !== null) throw new Error(`vitest exited (${p.exitCode}) waiting for ${what}:\n${log}`);
        try {
          const r = readReport(out);
          if (ok(r)) return r;
        } catch {
          // not written yet, or being written
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}:\n${log}`);
    };
    try {
      const first = await waitFor((r) => r.numTotalTests === 8, "the first run");
      expect(first).toMatchObject({ numPassedTests: 8, numFailedTests: 0 });
      // expect another total for "two items": both of its modes now fail
      const file = path.join(wdir, "shop/shop.endymion.json");
      const def = JSON.parse(fs.readFileSync(file, "utf8"));
      def.scenarios["two items"].expect.result.total += 1;
      fs.writeFileSync(file, `${JSON.stringify(def, null, 2)}\n`);
      const second = await waitFor((r) => r.numFailedTests > 0, "the re-run");
      expect(second).toMatchObject({ numTotalTests: 8, numPassedTests: 6, numFailedTests: 2 });
      expect(rows(fileReport(second, "shop/shop.endymion.json"))).toEqual(
        bothModes(SHOP, (n) => (n === "two items" ? "failed" : "passed")),
      );
    } finally {
      // vitest and its workers are in the process group started above
      if (p.pid !== undefined && p.exitCode === null) {
        process.kill(-p.pid, "SIGTERM");
        const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(r, 5000, false))]);
        if (!killed && p.exitCode === null) process.kill(-p.pid, "SIGKILL");
      }
    }
  });

  it("runs a project with 50 scenarios in a few seconds", async () => {
    const bdir = tempProject("vitest-bulk", ["shop"], {
      "package.json": '{ "name": "vitest-bulk-e2e", "private": true, "type": "module" }\n',
      "vitest.config.mjs": VITEST_CONFIG,
    });
    addBulk(bdir);
    const r = await run(bdir, VITEST, ["run", "--reporter=json", "--outputFile=bulk.json", "bulk/"]);
    timings.vitest = r.ms;
    expect(r.code, r.stderr).toBe(0);
    expect(readReport(path.join(bdir, "bulk.json"))).toMatchObject({ numTotalTests: 100, numPassedTests: 100 });
    expect(r.ms).toBeLessThan(60_000);
  });
});

const JEST_CONFIG = `module.exports = {
  projects: [
    { displayName: "scenarios", preset: "@endymion/jest-preset" },
    { displayName: "unit", testMatch: ["**/*.test.js"] },
  ],
};
`;

const JEST_HELPER = `const { describeScenarios } = require("@endymion/jest-preset");
const { expect } = require("@jest/globals");

describeScenarios("shop/shop.endymion.json", {
  ${CHECK}
});
describeScenarios("shop-failing/shop-failing.endymion.json", { scenarios: ["wrong total"], roundtrip: false });
`;

describe("@endymion/jest-preset", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempProject("jest", ["shop", "shop-failing"], {
      "package.json": '{ "name": "jest-e2e", "private": true }\n',
      "jest.config.js": JEST_CONFIG,
      "helper.test.js": JEST_HELPER,
    });
  });

  const jestArgs = (out: string) => ["--json", `--outputFile=${out}`, "--watchman=false", "--ci"];

  it("runs a passing project file: a result per scenario and mode, exit code 0", async () => {
    // (the path pattern first: --selectProjects takes every argument after it)
    const r = await run(dir, JEST, ["/shop/", ...jestArgs("pass.json"), "--selectProjects", "scenarios"]);
    expect(r.code, r.stderr).toBe(0);
    const report = readReport(path.join(dir, "pass.json"));
    expect(report).toMatchObject({ numTotalTests: 8, numPassedTests: 8, numFailedTests: 0 });
    const shop = fileReport(report, "shop/shop.endymion.json");
    expect(rows(shop)).toEqual(bothModes(SHOP));
    const project = loadProject(path.join(dir, "shop/shop.endymion.json"));
    for (const a of shop.assertionResults) {
      const name = a.title.replace(/ \[\w+\]$/, "");
      expect(a.ancestorTitles).toEqual(["shop"]);
      expect(a.fullName).toBe(`shop ${a.title}`);
      expect(a.location?.line).toBe(project.line(["scenarios", name]));
      expect(typeof a.duration).toBe("number");
    }
  });

  it("counts failing scenarios with the diff and file:line, runs describeScenarios with its check; exit code 1", async () => {
    const r = await run(dir, JEST, jestArgs("all.json"));
    expect(r.code, r.stderr).toBe(1);
    const report = readReport(path.join(dir, "all.json"));
    expect(report).toMatchObject({ numTotalTests: 29, numPassedTests: 17, numFailedTests: 12 });
    expect(rows(fileReport(report, "shop/shop.endymion.json"))).toEqual(bothModes(SHOP));
    const failing = fileReport(report, "shop-failing/shop-failing.endymion.json");
    expect(rows(failing)).toEqual(bothModes(SHOP_FAILING, (n) => (n === "passes" ? "passed" : "failed")));
    expect(rows(fileReport(report, "helper.test.js"))).toEqual(HELPER_ROWS);

    const project = loadProject(path.join(dir, "shop-failing/shop-failing.endymion.json"));
    const line = (name: string) => project.line(["scenarios", name]);
    const wrongTotal = failing.assertionResults.find((a) => a.title === "wrong total [straight]")!;
    expect(wrongTotal.ancestorTitles).toEqual(["shop-failing"]);
    expect(wrongTotal.fullName).toBe("shop-failing wrong total [straight]");
    const msg = plain(wrongTotal.failureMessages.join("\n"));
    expect(msg).toContain("result differs from expect.result");
    expect(msg).toContain("expect(received).toEqual(expected)");
    expect(msg).toMatch(/-\s+"total": 5,/);
    expect(msg).toMatch(/\+\s+"total": 4,/);
    expect(msg).toContain(`shop-failing.endymion.json:${line("wrong total")}:`);
    const left = plain(
      failing.assertionResults.find((a) => a.title === "mocks left over [straight]")!.failureMessages[0],
    );
    expect(left).toContain("mocks-left: 'reserve' has 1 unused mock");
    expect(left).toContain(`shop-failing.endymion.json:${line("mocks left over")}:`);
    // jest prints a code frame of the project file at the scenario's line
    expect(plain(r.stderr)).toMatch(new RegExp(`> ${line("wrong total")} \\|\\s+"wrong total": \\{`));

    const helper = fileReport(report, "helper.test.js");
    const checkFailure = plain(
      helper.assertionResults.find((a) => a.title === "two items [roundtrip]")!.failureMessages[0],
    );
    expect(checkFailure).toContain("Expected: 7");
    expect(checkFailure).toContain("Received: 6.5");
    expect(checkFailure).toContain("helper.test.js:");
    const builtIn = plain(
      helper.assertionResults.find((a) => a.title === "wrong total [straight]")!.failureMessages[0],
    );
    expect(builtIn).toContain("result differs from expect.result");
    expect(builtIn).toContain(`shop-failing.endymion.json:${line("wrong total")}:`);
  });

  it("reports a project file that does not load as a failed suite at the problem's line", async () => {
    const bdir = tempProject("jest-broken", ["shop"], {
      "package.json": '{ "name": "jest-broken-e2e", "private": true }\n',
      "jest.config.js": 'module.exports = { preset: "@endymion/jest-preset" };\n',
    });
    const file = path.join(bdir, "shop/shop.endymion.json");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"script": "shop"', '"script": "shopp"'));
    const r = await run(bdir, JEST, jestArgs("broken.json"));
    expect(r.code).toBe(1);
    const f = fileReport(readReport(path.join(bdir, "broken.json")), "shop/shop.endymion.json");
    expect(f.status).toBe("failed");
    expect(plain(f.message ?? "")).toContain("unknown script 'shopp' (did you mean 'shop'?)");
    expect(plain(r.stderr)).toMatch(/> \d+ \|.*"script": "shopp"/);
  });

  it("runs a project with 50 scenarios in a few seconds", async () => {
    const bdir = tempProject("jest-bulk", ["shop"], {
      "package.json": '{ "name": "jest-bulk-e2e", "private": true }\n',
      "jest.config.js": 'module.exports = { preset: "@endymion/jest-preset" };\n',
    });
    addBulk(bdir);
    const r = await run(bdir, JEST, [...jestArgs("bulk.json"), "bulk/"]);
    timings.jest = r.ms;
    expect(r.code, r.stderr).toBe(0);
    expect(readReport(path.join(bdir, "bulk.json"))).toMatchObject({ numTotalTests: 100, numPassedTests: 100 });
    expect(r.ms).toBeLessThan(60_000);
  });
});

describe("fuzzScenarios", () => {
  const FUZZ = (pkg: string, esm: boolean) => `${
    esm ? `import { fuzzScenarios } from "${pkg}";` : `const { fuzzScenarios } = require("${pkg}");`
  }

fuzzScenarios("shop/shop.endymion.json", { seed: 3, runs: 20, scenarios: ["two items"] });
fuzzScenarios("fuzz-bugs/fuzz-bugs.endymion.json", { seed: 3, scenarios: ["spread"] });
`;
  /** The one failure: the planted ordering bug, with its replay line. */
  const expectFuzzReport = (report: Report, file: string) => {
    expect(report).toMatchObject({ numTotalTests: 2, numPassedTests: 1, numFailedTests: 1 });
    const failed = fileReport(report, file).assertionResults.find((a) => a.status === "failed");
    expect(failed?.title).toBe("spread");
    const msg = failed?.failureMessages[0] ?? "";
    expect(msg).toContain("quotes out of order");
    expect(msg).toContain("seed: 3");
    expect(msg).toMatch(/replay: endymion fuzz '.*fuzz-bugs\.endymion\.json' --replay '\{"scenario":"spread"/);
  };

  it("vitest: an it per scenario, a failure with the shrunk case and its replay line", async () => {
    const d = tempProject("vitest-fuzz", ["shop", "fuzz-bugs"], {
      "package.json": '{ "name": "vitest-fuzz-e2e", "private": true, "type": "module" }\n',
      "vitest.config.mjs": VITEST_CONFIG,
      "fuzz.test.ts": FUZZ("@endymion/vitest", true),
    });
    const r = await run(d, VITEST, ["run", "--reporter=json", "--outputFile=fuzz.json", "fuzz.test.ts"]);
    expect(r.code, r.stderr).toBe(1);
    expectFuzzReport(readReport(path.join(d, "fuzz.json")), "fuzz.test.ts");
  });

  it("jest: the same from a jest test file", async () => {
    const d = tempProject("jest-fuzz", ["shop", "fuzz-bugs"], {
      "package.json": '{ "name": "jest-fuzz-e2e", "private": true }\n',
      "fuzz.test.js": FUZZ("@endymion/jest-preset", false),
    });
    const r = await run(d, JEST, ["--json", "--outputFile=fuzz.json", "--watchman=false", "--ci"]);
    expect(r.code, r.stderr).toBe(1);
    expectFuzzReport(readReport(path.join(d, "fuzz.json")), "fuzz.test.js");
  });
});
