import * as AjvModule from "ajv/dist/2020.js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Parser } from "tap-parser";
import { describe, expect, it } from "vitest";
import schema from "../schema/report.schema.json" with { type: "json" };
import {
  type Failure,
  formatJson,
  formatJunit,
  formatPretty,
  formatPrettyScenario,
  formatReport,
  formatTap,
  jsonSafe,
  type ModeResult,
  type ProjectResult,
  type RunResult,
  type ScenarioResult,
  totalsOf,
  worst,
} from "../src/index.js";

// ajv is CommonJS: its default export is the class (typed as the module under NodeNext).
const Ajv2020 = AjvModule.default as unknown as typeof AjvModule.Ajv2020;

// ---------------------------------------------------------------------------------------------
// Sample runs, built by hand.

const SHOP = "fixtures/shop.endymion.json";
const BILLING = "fixtures/billing.endymion.json";
const ODD_NAME = "refund #1 \\ odd";

function mode(m: Partial<ModeResult> & Pick<ModeResult, "mode">): ModeResult {
  return {
    status: worst((m.failures ?? []).map((f) => (f.kind === "crash" ? "errored" : "failed"))),
    durationMs: 1.5,
    roundTrips: 0,
    maxStateBytes: 0,
    failures: [],
    calls: [],
    ...m,
  };
}

function scenario(
  project: string,
  file: string,
  name: string,
  line: number,
  modes: ModeResult[],
  extra: Partial<ScenarioResult> = {},
): ScenarioResult {
  return {
    project,
    name,
    handler: "main",
    location: { file, line },
    status: worst(modes.map((m) => m.status)),
    durationMs: modes.reduce((n, m) => n + m.durationMs, 0.25),
    modes,
    ...extra,
  };
}

function project(name: string, file: string, scenarios: ScenarioResult[]): ProjectResult {
  return {
    name,
    file,
    status: worst(scenarios.map((s) => s.status)),
    durationMs: scenarios.reduce((n, s) => n + s.durationMs, 2),
    scenarios,
  };
}

function run(projects: ProjectResult[], bailed = false): RunResult {
  return { projects, totals: totalsOf(projects), durationMs: 1234.5678, bailed };
}

const calls = [
  { type: "invoke" as const, name: "db.get", payload: { id: 7n } },
  { type: "log" as const, name: "info", payload: "fetched" },
];

const happy = scenario(
  "shop",
  SHOP,
  "happy path",
  12,
  [
    mode({ mode: "straight", result: new Map<unknown, unknown>([["total", 10n]]), calls }),
    mode({
      mode: "roundtrip",
      roundTrips: 3,
      maxStateBytes: 812,
      result: new Map<unknown, unknown>([["total", 10n]]),
      calls,
    }),
  ],
  { description: "buys one thing" },
);

const resultDiff = ["  {", '-   "total": 10', '+   "total": 12', "  }"].join("\n");
const resultFailure: Failure = {
  kind: "result",
  message: "result differs from expect.result",
  expected: { total: 10n },
  actual: new Map([["total", 12]]),
  diff: resultDiff,
  at: { file: SHOP, line: 31 },
};
const refund = scenario("shop", SHOP, ODD_NAME, 25, [
  mode({ mode: "straight", failures: [resultFailure], result: new Map([["total", 12]]) }),
  mode({ mode: "roundtrip", roundTrips: 2, maxStateBytes: 640, failures: [resultFailure] }),
]);

const exhausted: Failure = {
  kind: "mock-exhausted",
  message: "call #2 of 'pay.charge' has no mock left",
  step: 2,
  at: { file: BILLING, line: 18 },
};
const mocksOut = scenario("billing", BILLING, "mocks run out", 10, [
  mode({ mode: "straight", failures: [exhausted] }),
  mode({ mode: "roundtrip", roundTrips: 1, maxStateBytes: 300, failures: [exhausted] }),
]);

const divergenceDiff = [
  "  {",
  '    "type": "invoke",',
  '-   "name": "pay.charge",',
  '+   "name": "pay.refund",',
  '    "payload": null',
  "  }",
].join("\n");
const diverges = scenario("billing", BILLING, "diverges", 40, [
  mode({ mode: "straight" }),
  mode({
    mode: "roundtrip",
    roundTrips: 3,
    maxStateBytes: 1024,
    failures: [
      {
        kind: "divergence",
        step: 3,
        message: "step 3: the straight run made invoke 'pay.charge' null, the round-trip run invoke 'pay.refund' null",
        expected: { type: "invoke", name: "pay.charge", payload: null },
        actual: { type: "invoke", name: "pay.refund", payload: null },
        diff: divergenceDiff,
      },
    ],
  }),
]);

const crash: Failure = { kind: "crash", message: "engine failed: stack overflow\n  at main.lua:3" };
const crashes = scenario("billing", BILLING, "crashes", 55, [
  mode({ mode: "straight", failures: [crash], error: "stack overflow" }),
  mode({ mode: "roundtrip", failures: [crash], error: "stack overflow" }),
]);

const counted = scenario("billing", BILLING, "calls # counted", 70, [
  mode({
    mode: "straight",
    failures: [
      {
        kind: "calls",
        message: "'pay.charge' was called 3 times, expected 2",
        expected: 2,
        actual: 3,
        at: { file: BILLING, line: 75 },
      },
      { kind: "mocks-left", message: "1 mock of 'pay.refund' was not used", at: { file: BILLING, line: 77 } },
    ],
  }),
]);

const passingRun = run([project("shop", SHOP, [happy])]);
const failingRun = run([
  project("shop", SHOP, [happy, refund]),
  project("billing", BILLING, [mocksOut, diverges, crashes, counted]),
]);
const erroredOnlyRun = run([project("billing", BILLING, [crashes])], true);
const emptyRun = run([]);

const allScenarios = (r: RunResult) => r.projects.flatMap((p) => p.scenarios);

// ---------------------------------------------------------------------------------------------
// TAP

interface TapAssert {
  ok: boolean;
  id: number;
  name: string;
  diag: Record<string, unknown> | null;
  time: number | null;
}

interface ParsedTap {
  results: {
    ok: boolean;
    count: number;
    pass: number;
    fail: number;
    bailout: string | boolean;
    plan: { start: number; end: number };
  };
  asserts: TapAssert[];
  children: { name: string; asserts: TapAssert[]; plan: { start: number; end: number } | null }[];
  extra: string[];
  versions: number[];
}

function parseTap(text: string): ParsedTap {
  const asserts: TapAssert[] = [];
  const children: ParsedTap["children"] = [];
  const extra: string[] = [];
  const versions: number[] = [];
  let results: ParsedTap["results"] | undefined;
  const p = new Parser((r) => {
    results = r as unknown as ParsedTap["results"];
  });
  p.on("version", (v: number) => versions.push(v));
  p.on("assert", (a: TapAssert) => asserts.push(a));
  p.on("extra", (e: string) => extra.push(e));
  p.on("child", (c: Parser) => {
    const child: ParsedTap["children"][number] = { name: c.name, asserts: [], plan: null };
    children.push(child);
    c.on("assert", (a: TapAssert) => child.asserts.push(a));
    c.on("plan", (plan: { start: number; end: number }) => {
      child.plan = plan;
    });
    c.on("extra", (e: string) => extra.push(e));
  });
  p.end(text);
  if (!results) throw new Error("tap-parser did not complete");
  return { results, asserts, children, extra, versions };
}

describe("formatTap", () => {
  const text = formatTap(failingRun);
  const parsed = parseTap(text);
  const scenarios = allScenarios(failingRun);

  it("starts with the version line and the plan", () => {
    const lines = text.split("\n");
    expect(lines[0]).toBe("TAP version 14");
    expect(lines[1]).toBe(`1..${scenarios.length}`);
    expect(parsed.versions).toEqual([14]);
    expect(parsed.results.plan).toMatchObject({ start: 1, end: scenarios.length });
    expect(text.endsWith("\n")).toBe(true);
  });

  it("writes one test point per scenario, with pass/fail counts matching the totals", () => {
    expect(parsed.extra).toEqual([]);
    expect(parsed.asserts).toHaveLength(scenarios.length);
    expect(parsed.asserts.map((a) => a.id)).toEqual(scenarios.map((_, i) => i + 1));
    expect(parsed.results.count).toBe(failingRun.totals.total);
    expect(parsed.results.pass).toBe(failingRun.totals.passed);
    expect(parsed.results.fail).toBe(failingRun.totals.failed);
    expect(parsed.results.ok).toBe(false);
    expect(parsed.asserts.map((a) => a.ok)).toEqual(scenarios.map((s) => s.status === "passed"));
  });

  it("names points `<project> › <scenario>` and round-trips escaped # and \\", () => {
    expect(parsed.asserts.map((a) => a.name)).toEqual(scenarios.map((s) => `${s.project} › ${s.name}`));
    expect(parsed.asserts[1]!.name).toBe(`shop › ${ODD_NAME}`);
    expect(text).toContain("not ok 2 - shop › refund \\#1 \\\\ odd # time=");
    expect(parsed.asserts[5]!.name).toBe("billing › calls # counted");
  });

  it("writes each mode as a TAP 14 subtest with its own plan and points", () => {
    expect(parsed.children).toHaveLength(scenarios.length);
    scenarios.forEach((s, i) => {
      const child = parsed.children[i]!;
      expect(child.name).toBe(`${s.project} › ${s.name}`);
      expect(child.plan).toMatchObject({ start: 1, end: s.modes.length });
      expect(child.asserts.map((a) => [a.id, a.name, a.ok])).toEqual(
        s.modes.map((m, j) => [j + 1, m.mode, m.status === "passed"]),
      );
    });
    expect(text).toContain("# Subtest: shop › happy path\n    1..2\n    ok 1 - straight # time=1.5ms\n");
    expect(parsed.asserts[0]!.time).toBeCloseTo(happy.durationMs, 3);
  });

  it("attaches YAML diagnostics with found/wanted/at and the diff", () => {
    const straight = parsed.children[1]!.asserts[0]!;
    expect(straight.diag).toEqual({
      message: "result differs from expect.result",
      severity: "fail",
      kind: "result",
      found: { total: 12 },
      wanted: { total: "10" },
      at: { file: SHOP, line: 31 },
      diff: resultDiff,
      round_trips: 0,
      max_state_bytes: 0,
    });
    // the diag block is indented 2 spaces relative to its (4-space indented) test point
    expect(text).toContain("    not ok 1 - straight # time=1.5ms\n      ---\n      message: result differs");
    expect(text).toContain('      diff: |2-\n          {\n        -   "total": 10\n');
    // the scenario point has its own diagnostics: where the scenario is
    expect(parsed.asserts[1]!.diag).toMatchObject({
      severity: "fail",
      message: "straight and roundtrip failed",
      at: { file: SHOP, line: 25 },
    });
  });

  it("reports divergences with their step, mocks exhausted, crashes and several failures", () => {
    const mocks = parsed.children[2]!.asserts[1]!.diag!;
    expect(mocks).toMatchObject({ kind: "mock-exhausted", step: 2, at: { file: BILLING, line: 18 } });
    const div = parsed.children[3]!.asserts[1]!.diag!;
    expect(div).toMatchObject({
      kind: "divergence",
      step: 3,
      wanted: { name: "pay.charge" },
      found: { name: "pay.refund" },
      at: { file: BILLING, line: 40 },
      diff: divergenceDiff,
      round_trips: 3,
      max_state_bytes: 1024,
    });
    const crashed = parsed.children[4]!.asserts[0]!.diag!;
    expect(crashed).toMatchObject({
      severity: "error",
      kind: "crash",
      message: crash.message,
      error: "stack overflow",
    });
    expect(parsed.asserts[4]!.diag).toMatchObject({ severity: "error", message: "straight and roundtrip errored" });
    const several = parsed.children[5]!.asserts[0]!.diag!;
    expect(several).toMatchObject({ kind: "calls", wanted: 2, found: 3, at: { file: BILLING, line: 75 } });
    expect(several.failures).toEqual([
      expect.objectContaining({ kind: "calls", wanted: 2, found: 3 }),
      { kind: "mocks-left", message: "1 mock of 'pay.refund' was not used", at: { file: BILLING, line: 77 } },
    ]);
  });

  it("serializes awkward values in YAML so they parse back to the same JSON", () => {
    const awkward = {
      "": "",
      true: "true",
      n: "123",
      neg: "-1",
      colon: "a: b",
      hash: "x #y",
      lead: "  spaced",
      trail: "spaced  ",
      multi: "line one\n  line two\n\nline four",
      multiTrailing: "ends\n",
      leadingBreak: "\nfirst empty",
      dots: "a\n...\n---\nb",
      controls: "bell\u0007 esc\u001b nul\u0000 del\u007f",
      seps: "a\u2028b\u2029c\u0085d",
      tab: "a\tb\n\tc",
      emoji: "🌙 ü",
      lone: "x\ud800y",
      big: 2n ** 70n,
      nums: [0, -0, 1.5, 1e21, -1e-7, Number.NaN, Number.POSITIVE_INFINITY],
      nested: [[1, [2, []]], { a: {}, b: ["x\ny", { c: null }] }, "p\nq"],
      map: new Map<unknown, unknown>([
        [1, "one"],
        ["__proto__", "proto"],
      ]),
      objKeyMap: new Map<unknown, unknown>([[{ k: 1 }, "v"]]),
      "weird key: #": true,
      "- dash": false,
    };
    const r = run([
      project("p", "p.json", [
        scenario("p", "p.json", "s", 1, [
          mode({ mode: "straight", failures: [{ kind: "result", message: "m", expected: awkward, actual: null }] }),
        ]),
      ]),
    ]);
    const out = parseTap(formatTap(r));
    expect(out.extra).toEqual([]);
    const diag = out.children[0]!.asserts[0]!.diag!;
    expect(diag.found).toBeNull();
    expect(JSON.stringify(diag.wanted)).toBe(JSON.stringify(jsonSafe(awkward)));
  });

  it("passes a passing run, plans 1..0 for an empty one, and bails out when bailed", () => {
    const ok = parseTap(formatTap(passingRun));
    expect(ok.results).toMatchObject({ ok: true, count: 1, pass: 1, fail: 0 });
    expect(ok.asserts[0]!.diag).toBeNull();
    const empty = parseTap(formatTap(emptyRun));
    expect(empty.results).toMatchObject({ ok: true, count: 0 });
    expect(formatTap(emptyRun)).toContain("\n1..0 # no scenarios\n");
    const bailed = parseTap(formatTap(erroredOnlyRun));
    expect(bailed.results.bailout).toBeTruthy();
    expect(bailed.results.fail).toBe(1);
  });

  it("keeps test point descriptions on one line", () => {
    const r = run([project("p", "p.json", [scenario("p", "p.json", "two\nlines #", 1, [mode({ mode: "straight" })])])]);
    const text2 = formatTap(r);
    const out = parseTap(text2);
    expect(out.extra).toEqual([]);
    expect(out.results).toMatchObject({ count: 1, pass: 1 });
    expect(out.asserts[0]!.name).toBe("p › two\\u000alines #");
  });
});

// ---------------------------------------------------------------------------------------------
// JUnit

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // real XML parsers decode character references (&#10;); fast-xml-parser only with htmlEntities
  htmlEntities: true,
  isArray: (name) => ["testsuite", "testcase", "failure", "error"].includes(name),
});

type XmlNode = Record<string, unknown>;

function parseJunit(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = xml.parse(text) as { testsuites: XmlNode & { testsuite?: (XmlNode & { testcase?: XmlNode[] })[] } };
  const suites = doc.testsuites.testsuite ?? [];
  const cases = suites.flatMap((s) => s.testcase ?? []);
  return { root: doc.testsuites, suites, cases };
}

describe("formatJunit", () => {
  const text = formatJunit(failingRun);
  const { root, suites, cases } = parseJunit(text);
  const scenarios = allScenarios(failingRun);
  const caseCount = scenarios.reduce((n, s) => n + s.modes.length, 0);

  it("is a UTF-8 XML document with testsuites totals", () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="endymion"')).toBe(true);
    expect(root).toMatchObject({
      name: "endymion",
      tests: String(caseCount),
      failures: "6",
      errors: "2",
      time: "1.235",
    });
  });

  it("writes one testsuite per project file", () => {
    expect(suites.map((s) => [s.name, s.file, s.tests, s.failures, s.errors, s.skipped])).toEqual([
      ["shop", SHOP, "4", "2", "0", "0"],
      ["billing", BILLING, "7", "4", "2", "0"],
    ]);
    for (const [i, s] of suites.entries()) {
      expect(s.time).toBe((failingRun.projects[i]!.durationMs / 1000).toFixed(3));
    }
  });

  it("writes a testcase per scenario and mode, with unique names, seconds, file and line", () => {
    expect(cases).toHaveLength(caseCount);
    const names = cases.map((c) => `${c.classname}/${c.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(cases.slice(0, 2).map((c) => c.name)).toEqual(["happy path [straight]", "happy path [roundtrip]"]);
    expect(cases[2]).toMatchObject({ classname: "shop", name: `${ODD_NAME} [straight]`, file: SHOP, line: "25" });
    for (const c of cases) {
      expect(c.time).toMatch(/^\d+\.\d{3}$/);
      expect(c.time).toBe("0.002"); // 1.5 ms
      expect(c.file).toMatch(/^fixtures\/\w+\.endymion\.json$/);
      expect(Number(c.line)).toBeGreaterThan(0);
    }
  });

  it("tells failures (type = kind) from errors (type crash)", () => {
    const byName = (n: string) => cases.find((c) => c.name === n)!;
    expect(byName("happy path [straight]").failure).toBeUndefined();
    const refundCase = byName(`${ODD_NAME} [straight]`);
    const failure = (refundCase.failure as XmlNode[])[0]!;
    expect(failure).toMatchObject({ type: "result", message: "result differs from expect.result" });
    expect(failure["#text"]).toContain(resultDiff);
    expect(failure["#text"]).toContain(`at ${SHOP}:31`);
    expect(refundCase.error).toBeUndefined();
    const crashCase = byName("crashes [roundtrip]");
    expect(crashCase.failure).toBeUndefined();
    const error = (crashCase.error as XmlNode[])[0]!;
    expect(error).toMatchObject({ type: "crash" });
    expect(error.message).toBe(crash.message);
    expect(byName("mocks run out [roundtrip]").failure).toEqual([
      expect.objectContaining({ type: "mock-exhausted", "#text": expect.stringContaining("step 2") }),
    ]);
    expect((byName("diverges [roundtrip]").failure as XmlNode[])[0]).toMatchObject({ type: "divergence" });
    const several = (byName("calls # counted [straight]").failure as XmlNode[])[0]!;
    expect(several.type).toBe("calls");
    expect(several.message).toBe("'pay.charge' was called 3 times, expected 2; 1 mock of 'pay.refund' was not used");
    expect(several["#text"]).toContain("expected: 2\nactual: 3");
  });

  it("escapes markup and strips characters XML 1.0 forbids", () => {
    const nasty = `<tag a="1"> & 'x' ]]> \u0000\u0001\u001b\ufffe\ud800 ok\ttab\nline`;
    const r = run([
      project(`p<&>"'`, "a&b.json", [
        scenario(`p<&>"'`, "a&b.json", nasty, 3, [
          mode({ mode: "straight", failures: [{ kind: "validation", message: nasty, diff: `- ${nasty}` }] }),
        ]),
      ]),
    ]);
    const out = parseJunit(formatJunit(r));
    const stripped = `<tag a="1"> & 'x' ]]>  ok\ttab\nline`;
    expect(out.suites[0]).toMatchObject({ name: `p<&>"'`, file: "a&b.json" });
    expect(out.cases[0]).toMatchObject({ classname: `p<&>"'`, name: `${stripped} [straight]` });
    const failure = (out.cases[0]!.failure as XmlNode[])[0]!;
    expect(failure.message).toBe(stripped);
    expect(failure["#text"]).toContain(`- ${stripped}`);
  });

  it("keeps names unique when two projects share a name, and handles empty runs", () => {
    const twice = run([project("shop", SHOP, [happy]), project("shop", "other.json", [happy])]);
    const out = parseJunit(formatJunit(twice));
    expect(out.cases.map((c) => c.name)).toEqual([
      "happy path [straight]",
      "happy path [roundtrip]",
      "happy path [straight] (2)",
      "happy path [roundtrip] (2)",
    ]);
    const empty = parseJunit(formatJunit(emptyRun));
    expect(empty.root).toMatchObject({ tests: "0", failures: "0", errors: "0" });
  });
});

// ---------------------------------------------------------------------------------------------
// JSON

describe("formatJson", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);

  it.each([
    ["passing", passingRun],
    ["failing", failingRun],
    ["errored and bailed", erroredOnlyRun],
    ["empty", emptyRun],
  ])("validates against the schema (%s run)", (_label, r) => {
    const report = JSON.parse(formatJson(r));
    const ok = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("has version 1 and the right totals", () => {
    const report = JSON.parse(formatJson(failingRun));
    expect(report.version).toBe(1);
    expect(report.totals).toEqual({
      passed: 1,
      failed: 5,
      errored: 1,
      total: 6,
      roundTrips: 9,
      maxStateBytes: 1024,
    });
    expect(report.durationMs).toBe(1234.568);
    expect(report.bailed).toBe(false);
    expect(JSON.parse(formatJson(erroredOnlyRun)).bailed).toBe(true);
  });

  it("writes the documented shape with JSON-safe values", () => {
    const report = JSON.parse(formatJson(failingRun));
    expect(Object.keys(report)).toEqual(["version", "totals", "durationMs", "bailed", "projects"]);
    const [shop, billing] = report.projects;
    expect(Object.keys(shop)).toEqual(["name", "file", "status", "durationMs", "scenarios"]);
    expect(shop).toMatchObject({ name: "shop", file: SHOP, status: "failed" });
    expect(billing.status).toBe("errored");
    const happyJson = shop.scenarios[0];
    expect(happyJson).toMatchObject({
      name: "happy path",
      description: "buys one thing",
      handler: "main",
      file: SHOP,
      line: 12,
      status: "passed",
    });
    expect(happyJson.modes[1]).toEqual({
      mode: "roundtrip",
      status: "passed",
      durationMs: 1.5,
      roundTrips: 3,
      maxStateBytes: 812,
      failures: [],
      result: { total: "10" },
      calls: [
        { type: "invoke", name: "db.get", payload: { id: "7" } },
        { type: "log", name: "info", payload: "fetched" },
      ],
    });
    const refundJson = shop.scenarios[1];
    expect("description" in refundJson).toBe(false);
    expect(refundJson.modes[0].failures[0]).toEqual({
      kind: "result",
      message: "result differs from expect.result",
      expected: { total: "10" },
      actual: { total: 12 },
      diff: resultDiff,
      at: { file: SHOP, line: 31 },
    });
    expect("result" in refundJson.modes[1]).toBe(false);
    expect(billing.scenarios[1].modes[1].failures[0]).toMatchObject({ kind: "divergence", step: 3 });
    expect(billing.scenarios[2].modes[0]).toMatchObject({ status: "errored", error: "stack overflow" });
  });

  it("is deterministic and never throws on BigInt, Map, NaN or cycles", () => {
    expect(formatJson(failingRun)).toBe(formatJson(failingRun));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const r = run([
      project("p", "p.json", [
        scenario("p", "p.json", "s", 1, [
          mode({
            mode: "straight",
            result: {
              big: -(2n ** 64n),
              nan: Number.NaN,
              map: new Map<unknown, unknown>([[true, 1]]),
              pairs: new Map<unknown, unknown>([
                [1, "a"],
                ["1", "b"],
              ]),
              gone: undefined,
              set: new Set([1, 2]),
              cyclic,
            },
          }),
        ]),
      ]),
    ]);
    const report = JSON.parse(formatJson(r));
    expect(validate(report)).toBe(true);
    expect(report.projects[0].scenarios[0].modes[0].result).toEqual({
      big: "-18446744073709551616",
      nan: "NaN",
      map: { true: 1 },
      pairs: [
        [1, "a"],
        ["1", "b"],
      ],
      set: [1, 2],
      cyclic: { a: 1, self: "[Circular]" },
    });
  });

  it("the schema rejects reports that break it", () => {
    const report = JSON.parse(formatJson(failingRun));
    report.projects[0].scenarios[0].status = "skipped";
    report.projects[0].scenarios[0].extra = 1;
    report.projects[1].scenarios[0].modes[0].failures[0].kind = "oops";
    delete report.totals.total;
    expect(validate(report)).toBe(false);
    const paths = (validate.errors ?? []).map((e: { instancePath: string }) => e.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/totals",
        "/projects/0/scenarios/0",
        "/projects/0/scenarios/0/status",
        "/projects/1/scenarios/0/modes/0/failures/0/kind",
      ]),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// pretty

// biome-ignore lint/complexity/useRegexLiterals: a literal would hold a control character
const ANSI = new RegExp("\\u001b\\[[0-9;]*m", "g");

describe("formatPretty", () => {
  const plain = formatPretty(failingRun, { color: false });
  const colored = formatPretty(failingRun, { color: true });

  it("ends with exactly `N passed, M failed` alone on its line", () => {
    const lines = plain.split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.at(-2)).toBe("1 passed, 5 failed");
    expect(colored.split("\n").at(-2)).toBe("1 passed, 5 failed");
    expect(formatPretty(passingRun, { color: true }).endsWith("\n1 passed, 0 failed\n")).toBe(true);
    expect(formatPretty(emptyRun, { color: false }).endsWith("\n0 passed, 0 failed\n")).toBe(true);
  });

  it("groups scenarios under a heading per project", () => {
    expect(plain).toContain(`shop  ${SHOP}\n  ✓ happy path  `);
    expect(plain).toContain(`billing  ${BILLING}\n  ✗ mocks run out  `);
    expect(plain).toContain("straight ✓ · roundtrip ✓ · 3 round trips · largest state 812 bytes");
    expect(plain).toContain("  ✗ crashes (errored)  ");
  });

  it("shows failures with their message, the scenario's file:line and the diff", () => {
    expect(plain).toContain(`    ${SHOP}:25\n    straight · result: result differs from expect.result\n`);
    expect(plain).toContain(`      at ${SHOP}:31\n        {\n      -   "total": 10\n`);
    for (const l of resultDiff.split("\n")) expect(plain).toContain(`      ${l}\n`);
    expect(plain).toContain(`    ${BILLING}:40\n`);
    expect(plain).toContain("      step 3\n");
    expect(plain).toContain("      at fixtures/billing.endymion.json:18, step 2\n");
    expect(plain).toContain("      - expected: 2\n      + actual:   3\n");
    expect(plain).toContain("    straight · crash: engine failed: stack overflow\n        at main.lua:3\n");
  });

  it("has a summary with round trips and the largest state", () => {
    expect(plain).toContain("  round trips    9\n");
    expect(plain).toContain("  largest state  1024 bytes\n");
    expect(plain).toContain("  scenarios      6 (1 passed, 5 failed (1 errored))\n");
    expect(formatPretty(erroredOnlyRun, { color: false })).toContain("bailed");
  });

  it("writes no ANSI codes without colour, even from hostile text", () => {
    expect(plain).not.toContain("\u001b");
    const hostile = run([
      project("p\u001b[31m", "p.json", [
        scenario("p", "p.json", "s\u001b[2J", 1, [
          mode({ mode: "straight", failures: [{ kind: "result", message: "m\u001b[0m", diff: "- \u001b]0;x\u0007" }] }),
        ]),
      ]),
    ]);
    const out = formatPretty(hostile, { color: false });
    expect(out).not.toContain("\u001b");
    expect(out).toContain("s\\u001b[2J");
  });

  it("colours marks and diff lines when asked", () => {
    expect(colored).toMatch(ANSI);
    expect(colored).toContain('\u001b[31m-   "total": 10\u001b[39m');
    expect(colored).toContain('\u001b[32m+   "total": 12\u001b[39m');
    expect(colored).toContain("\u001b[32m✓\u001b[39m");
    expect(colored.replace(ANSI, "")).toBe(plain);
  });

  it("formats one scenario on its own", () => {
    const one = formatPrettyScenario(refund, { color: false });
    expect(one.startsWith(`  ✗ ${ODD_NAME}  `)).toBe(true);
    expect(one).toContain(`${SHOP}:25`);
    expect(one).toContain("roundtrip · result: result differs from expect.result");
    expect(one.endsWith("\n")).toBe(true);
    expect(plain).toContain(one);
    const ok = formatPrettyScenario(happy, { color: false });
    expect(ok).toMatch(/^ {2}✓ happy path {2}\d+\.\dms {2}/);
    expect(ok.split("\n")).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------
// formatReport

describe("formatReport", () => {
  it("dispatches on the format", () => {
    expect(formatReport(failingRun, "pretty")).toBe(formatPretty(failingRun, { color: false }));
    expect(formatReport(failingRun, "pretty", { color: true })).toBe(formatPretty(failingRun, { color: true }));
    expect(formatReport(failingRun, "tap")).toBe(formatTap(failingRun));
    expect(formatReport(failingRun, "json")).toBe(formatJson(failingRun));
    expect(formatReport(failingRun, "junit")).toBe(formatJunit(failingRun));
    expect(() => formatReport(failingRun, "html" as "json")).toThrow(/unknown report format 'html'/);
  });
});
