// Fuzzing scenarios with fast-check: per scenario, vary the order in which each host
// function's mock responses are consumed, inject host errors at any call, replace
// responses with values generated from the host function's `returns` schema (and answer
// calls beyond the mocks the same way), and choose the yields where a dehydrate -> fresh
// runtime -> hydrate round trip happens. Properties: (1) the round-tripped run equals the
// straight run; (2) the invariants of the project's `fuzz` section hold. A failure is
// shrunk by fast-check and printed as one line that replays it exactly.

import type { ValidateFunction } from "ajv";
import fc from "fast-check";
import { toJsonValue } from "../project/hosts.js";
import type { MockDef, Project } from "../project/project.js";
import { newAjv, schemaProblems } from "../project/schema.js";
import { runScenario, type TestHooks } from "../runner/scenario.js";
import { schemaArbitrary } from "./arbitrary.js";

/** One point of the search space, plain JSON so that it can be printed and replayed. */
export interface FuzzCase {
  /** Per host function: the order its mocks are consumed in (indices into the scenario's list). */
  order: Record<string, number[]>;
  /** Per host function: call numbers (0-based) that fail with an injected host error. */
  inject: Record<string, number[]>;
  /** Per host function: per mock, a generated response replacing it ({v}) or null to keep it. */
  generated: Record<string, ({ v: unknown } | null)[]>;
  /** Per host function: generated responses for calls beyond the mocks. */
  extra: Record<string, unknown[]>;
  /** Yields (1-based) where a round trip happens. */
  roundTrips: number[];
}

export interface Invariants {
  /** A JSON Schema the handler's result must satisfy. */
  result?: unknown;
  /** The handler must not fail with an uncaught error. */
  noUncaughtError?: boolean;
  /** At most this many calls of each host function. */
  maxCalls?: Record<string, number>;
}

export interface FuzzSection {
  runs?: number;
  invariants?: Invariants;
  scenarios?: Record<string, { invariants?: Invariants; runs?: number }>;
}

export interface FuzzOptions {
  runs?: number;
  seed?: number;
  /** Stop searching a scenario after this many milliseconds. */
  timeLimit?: number;
  testHooks?: TestHooks;
}

export interface FuzzResult {
  scenario: string;
  ok: boolean;
  runs: number;
  seed: number;
  /** The shrunk failing case and why it fails. */
  failure?: { case: FuzzCase; message: string; path: string; shrinks: number };
  /** The replay argument for --replay (JSON). */
  replay?: string;
  durationMs: number;
}

export const DEFAULT_RUNS = 100;
const INJECTED = "injected host failure";

/** The invariants for a scenario: the project's, overridden per scenario. */
export function invariantsFor(project: Project, scenario: string): Invariants {
  const f = (project.def.fuzz ?? {}) as FuzzSection;
  return { ...(f.invariants ?? {}), ...(f.scenarios?.[scenario]?.invariants ?? {}) };
}

/** The mocks a case gives each host function. */
export function mocksFor(project: Project, scenario: string, c: FuzzCase): Record<string, MockDef[]> {
  const base = project.def.scenarios?.[scenario]?.mocks ?? {};
  const out: Record<string, MockDef[]> = {};
  const fns = new Set([...Object.keys(base), ...Object.keys(c.extra), ...Object.keys(c.order)]);
  for (const fn of fns) {
    const list = base[fn] ?? [];
    const order = c.order[fn] ?? list.map((_, i) => i);
    const mocks: MockDef[] = order.map((i, p) => {
      const g = c.generated[fn]?.[p];
      const m = list[i] ?? {};
      return g ? { returns: g.v, ...(m.delay ? { delay: m.delay } : {}) } : m;
    });
    for (const v of c.extra[fn] ?? []) mocks.push({ returns: v });
    for (const p of c.inject[fn] ?? [])
      if (p < mocks.length) mocks[p] = { error: `${INJECTED} (${fn} call #${p + 1})` };
    out[fn] = mocks;
  }
  return out;
}

/** The arbitrary of cases for a scenario. */
export function caseArbitrary(project: Project, scenario: string): fc.Arbitrary<FuzzCase> {
  const base = project.def.scenarios?.[scenario]?.mocks ?? {};
  const fns = new Set([...Object.keys(base)]);
  for (const [name, hf] of project.hostFunctions) if (hf.def.returns !== undefined) fns.add(name);
  const order: Record<string, fc.Arbitrary<number[]>> = {};
  const inject: Record<string, fc.Arbitrary<number[]>> = {};
  const generated: Record<string, fc.Arbitrary<({ v: unknown } | null)[]>> = {};
  const extra: Record<string, fc.Arbitrary<unknown[]>> = {};
  for (const fn of [...fns].sort()) {
    const n = (base[fn] ?? []).length;
    const idx = [...Array(n).keys()];
    order[fn] = n > 1 ? fc.shuffledSubarray(idx, { minLength: n, maxLength: n }) : fc.constant(idx);
    const returns = project.hostFunctions.get(fn)?.def.returns;
    const hasSchema = returns !== undefined;
    const maxCalls = n + (hasSchema ? 3 : 0);
    inject[fn] =
      maxCalls === 0
        ? fc.constant([])
        : fc.oneof(
            { weight: 3, arbitrary: fc.constant([] as number[]) },
            { weight: 1, arbitrary: fc.uniqueArray(fc.nat({ max: maxCalls - 1 }), { minLength: 1, maxLength: 2 }) },
          );
    if (hasSchema) {
      const valid = validatorOf(project, fn);
      const value = schemaArbitrary(returns).filter((v) => valid(v));
      generated[fn] = fc.array(
        fc.option(
          value.map((v) => ({ v })),
          { freq: 2 },
        ),
        { minLength: n, maxLength: n },
      );
      extra[fn] = fc.array(value, { maxLength: 3 });
    } else {
      generated[fn] = fc.constant([]);
      extra[fn] = fc.constant([]);
    }
  }
  return fc.record({
    order: fc.record(order),
    inject: fc.record(inject),
    generated: fc.record(generated),
    extra: fc.record(extra),
    roundTrips: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }).map((a) => a.sort((x, y) => x - y)),
  });
}

const validators = new WeakMap<Project, Map<string, ValidateFunction>>();

function validatorOf(project: Project, fn: string): (v: unknown) => boolean {
  const v = project.hostFunctions.get(fn)?.returns;
  return v ? (x) => v(toJsonValue(x)) : () => true;
}

function resultValidator(project: Project, schema: unknown): ValidateFunction {
  let m = validators.get(project);
  if (!m) validators.set(project, (m = new Map()));
  const key = JSON.stringify(schema);
  let v = m.get(key);
  if (!v) m.set(key, (v = newAjv().compile(schema as object)));
  return v;
}

/** Runs one case: returns why it fails, or undefined. */
export function checkCase(project: Project, scenario: string, c: FuzzCase, hooks?: TestHooks): string | undefined {
  const at = new Set(c.roundTrips);
  const r = runScenario(project, scenario, {
    mocks: mocksFor(project, scenario, c),
    roundTripAt: (y) => at.has(y),
    testHooks: hooks,
  });
  const [straight, rt] = r.modes;
  const crash = r.modes.flatMap((m) => m.failures).find((f) => f.kind === "crash");
  if (crash) return `the run crashed: ${crash.message}`;
  const div = rt?.failures.find((f) => f.kind === "divergence");
  if (div) return `round trip changed the run: ${div.message}`;
  const inv = invariantsFor(project, scenario);
  if (inv.noUncaughtError && straight.error !== undefined) return `uncaught error: ${straight.error}`;
  for (const [fn, max] of Object.entries(inv.maxCalls ?? {})) {
    const n = straight.calls.filter((x) => x.type === "invoke" && x.name === fn).length;
    if (n > max) return `'${fn}' was called ${n} times, at most ${max} allowed`;
  }
  if (inv.result !== undefined && straight.error === undefined && straight.result !== undefined) {
    const v = resultValidator(project, inv.result);
    if (!v(toJsonValue(straight.result))) {
      const p = schemaProblems(v.errors)[0];
      return `result breaks the fuzz.invariants.result schema at /${p?.path.join("/") ?? ""}: ${p?.message}`;
    }
  }
  return undefined;
}

/** Fuzzes one scenario. */
export function fuzzScenario(project: Project, scenario: string, opts: FuzzOptions = {}): FuzzResult {
  const start = performance.now();
  const f = (project.def.fuzz ?? {}) as FuzzSection;
  const runs = opts.runs ?? f.scenarios?.[scenario]?.runs ?? f.runs ?? DEFAULT_RUNS;
  const seed = opts.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  let lastMessage = "";
  const prop = fc.property(caseArbitrary(project, scenario), (c) => {
    const why = checkCase(project, scenario, c, opts.testHooks);
    if (why !== undefined) {
      lastMessage = why;
      return false;
    }
    return true;
  });
  const d = fc.check(prop, {
    numRuns: runs,
    seed,
    ...(opts.timeLimit ? { interruptAfterTimeLimit: opts.timeLimit, markInterruptAsFailure: false } : {}),
  });
  const res: FuzzResult = { scenario, ok: !d.failed, runs: d.numRuns, seed, durationMs: performance.now() - start };
  if (d.failed && d.counterexample) {
    const c = d.counterexample[0] as FuzzCase;
    // the message of the shrunk case itself
    const message = checkCase(project, scenario, c, opts.testHooks) ?? lastMessage;
    res.failure = { case: c, message, path: d.counterexamplePath ?? "", shrinks: d.numShrinks };
    res.replay = JSON.stringify({ scenario, seed, path: d.counterexamplePath, case: c });
  }
  return res;
}

/** Parses a --replay argument (the JSON the fuzzer printed). */
export function parseReplay(text: string): { scenario: string; case: FuzzCase; seed?: number; path?: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`--replay is not the JSON the fuzzer printed: ${(e as Error).message}`);
  }
  const o = v as { scenario?: unknown; case?: FuzzCase };
  if (typeof o?.scenario !== "string" || typeof o.case !== "object" || o.case === null) {
    throw new Error("--replay needs {scenario, case} as printed by the fuzzer");
  }
  const c = o.case;
  for (const k of ["order", "inject", "generated", "extra"] as const) if (typeof c[k] !== "object") c[k] = {};
  if (!Array.isArray(c.roundTrips)) c.roundTrips = [];
  return o as { scenario: string; case: FuzzCase };
}
