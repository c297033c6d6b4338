// `endymion test` as a user runs it: the real CLI on passing and failing fixture projects,
// every report format read back by a real parser (tap-parser, an XML parser, ajv against
// the JSON report's schema), and the exit codes.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as AjvModule from "ajv/dist/2020.js";
import { XMLParser } from "fast-xml-parser";
import { Parser } from "tap-parser";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "core/dist/cli.js");
const SHOP = "fixtures/shop/shop.endymion.json";
const FAILING = "fixtures/shop-failing/shop-failing.endymion.json";

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => {
      stdout += d;
    });
    p.stderr.on("data", (d) => {
      stderr += d;
    });
    p.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

interface Tap {
  ok: boolean;
  pass: number;
  fail: number;
  points: { ok: boolean; name: string; diag?: Record<string, unknown> }[];
  subtests: { name: string; points: { ok: boolean; name: string; diag?: Record<string, unknown> }[] }[];
}

function parseTap(text: string): Promise<Tap> {
  return new Promise((resolve) => {
    const out: Tap = { ok: false, pass: 0, fail: 0, points: [], subtests: [] };
    const p = new Parser((r) => {
      out.ok = r.ok;
      out.pass = r.pass;
      out.fail = r.fail;
      resolve(out);
    });
    p.on("assert", (a) => out.points.push({ ok: a.ok, name: a.name, diag: a.diag ?? undefined }));
    p.on("child", (c: Parser) => {
      const sub = { name: c.name, points: [] as Tap["points"] };
      out.subtests.push(sub);
      c.on("assert", (a) => sub.points.push({ ok: a.ok, name: a.name, diag: a.diag ?? undefined }));
    });
    p.end(text);
  });
}

describe("endymion test", () => {
  it("passes a passing project (exit 0) and fails a failing one (exit 1) with the closing count line", async () => {
    const [ok, bad] = await Promise.all([cli("test", SHOP), cli("test", SHOP, FAILING)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split("\n").pop()).toBe("4 passed, 0 failed");
    expect(bad.code).toBe(1);
    expect(bad.stdout.trim().split("\n").pop()).toBe("5 passed, 5 failed");
    expect(bad.stdout).toContain('-   "total": 5,');
    expect(bad.stdout).toContain('+   "total": 4,');
    expect(bad.stdout).toContain(`${FAILING}:27`);
  });

  it("TAP 14 reads back with tap-parser: a point per scenario, a subtest per mode, YAML diagnostics", async () => {
    const r = await cli("test", SHOP, FAILING, "--format", "tap");
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith("TAP version 14\n1..10\n")).toBe(true);
    const tap = await parseTap(r.stdout);
    expect(tap.ok).toBe(false);
    expect(tap.pass).toBe(5);
    expect(tap.fail).toBe(5);
    expect(tap.subtests).toHaveLength(10);
    for (const s of tap.subtests) expect(s.points.map((p) => p.name)).toEqual(["straight", "roundtrip"]);
    const wrong = tap.subtests.find((s) => s.name.endsWith("wrong total"));
    const diag = wrong?.points[0].diag as Record<string, unknown>;
    expect(diag.message).toBe("result differs from expect.result");
    expect(diag.wanted).toMatchObject({ total: 5 });
    expect(diag.found).toMatchObject({ total: 4 });
    expect(diag.at).toEqual({ file: FAILING, line: 27 });
  });

  it("JUnit reads back with an XML parser: a suite per project, a case per scenario and mode", async () => {
    const r = await cli("test", SHOP, FAILING, "--format", "junit");
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      htmlEntities: true,
      isArray: (n) => ["testsuite", "testcase", "failure", "error"].includes(n),
    }).parse(r.stdout);
    const suites = doc.testsuites.testsuite as Record<string, unknown>[];
    expect(suites.map((s) => s.name)).toEqual(["shop", "shop-failing"]);
    expect(suites.map((s) => s.file)).toEqual([SHOP, FAILING]);
    const cases = suites[1].testcase as Record<string, unknown>[];
    expect(cases).toHaveLength(12);
    expect(new Set(cases.map((c) => c.name)).size).toBe(12);
    expect(cases.every((c) => c.classname === "shop-failing" && /^\d+\.\d{3}$/.test(c.time as string))).toBe(true);
    const wrong = cases.find((c) => c.name === "wrong total [straight]") as Record<string, unknown>;
    expect((wrong.failure as Record<string, unknown>[])[0].type).toBe("result");
    expect(wrong.line).toBe("19");
    expect(suites[1].failures).toBe("10");
  });

  it("the JSON report validates against its shipped schema, on passing and failing runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "endymion-report-"));
    const out = join(dir, "report.json");
    const r = await cli("test", SHOP, FAILING, "--format", "json", "--output", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("5 passed, 5 failed");
    const report = JSON.parse(readFileSync(out, "utf8"));
    const schema = JSON.parse(readFileSync(join(ROOT, "reporters/schema/report.schema.json"), "utf8"));
    const Ajv = AjvModule.default as unknown as typeof AjvModule.Ajv2020;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.totals).toMatchObject({ passed: 5, failed: 5, total: 10 });
    const ok = JSON.parse((await cli("test", SHOP, "--format", "json")).stdout);
    expect(validate(ok)).toBe(true);
    expect(ok.totals.roundTrips).toBe(16);
  });

  it("--scenario globs, --bail, --no-roundtrip, folders, and project errors (exit 2)", async () => {
    const [glob, bail, straight, folder, broken] = await Promise.all([
      cli("test", FAILING, "--scenario", "wrong*", "--format", "json"),
      cli("test", FAILING, "--bail", "--format", "json"),
      cli("test", SHOP, "--no-roundtrip", "--format", "json"),
      cli("test", "fixtures/shop", "--format", "json"),
      cli("test", "fixtures/nope.endymion.json"),
    ]);
    const names = (r: { stdout: string }) =>
      JSON.parse(r.stdout).projects.flatMap((p: { scenarios: { name: string }[] }) => p.scenarios.map((s) => s.name));
    expect(names(glob)).toEqual(["wrong total", "wrong call count"]);
    expect(JSON.parse(bail.stdout).bailed).toBe(true);
    expect(names(bail)).toEqual(["passes", "wrong total"]);
    const modes = JSON.parse(straight.stdout).projects[0].scenarios[0].modes;
    expect(modes.map((m: { mode: string }) => m.mode)).toEqual(["straight"]);
    expect(names(folder)).toHaveLength(4);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/cannot read project file: no such file/);
  });
});
