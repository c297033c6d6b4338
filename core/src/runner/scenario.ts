// Running one scenario: the handler with its input, host calls answered from the ordered
// mocks, in two modes — straight, and with a dehydrate -> fresh runtime -> hydrate round
// trip at every yield (or only at `dehydrateAfter`) — then the expectations, and the two
// modes compared step by step.

import type { CallRecord, Failure, ModeName, ModeResult, ScenarioResult, Status } from "@endymion/reporters";
import { worst } from "@endymion/reporters";
import { merge } from "../project/config.js";
import { checkArgs, checkReturns } from "../project/hosts.js";
import type { MockDef, Project, ScenarioDef } from "../project/project.js";
import type { EndymionRuntime, HandlerSession } from "../runtime.js";
import { lineDiff, luaEqual, show } from "./compare.js";

/** Hooks for the runner's own tests: a way to break a round trip on purpose. */
export interface TestHooks {
  /** Rewrites the state between dehydrate and hydrate. */
  transformState?: (bytes: Buffer, step: number) => Buffer;
  /** Runs on the fresh runtime right after hydrate. */
  afterHydrate?: (rt: EndymionRuntime, step: number) => void;
}

export interface ScenarioOptions {
  /** Run the round-trip mode (default true). */
  roundtrip?: boolean;
  /** Mock responses to use instead of the scenario's (the fuzzer's permutations). */
  mocks?: Record<string, MockDef[]>;
  /** Round-trip at these yields (1-based) instead of every one (the fuzzer's choice). */
  roundTripAt?: (yieldIndex: number, hostCalls: number) => boolean;
  testHooks?: TestHooks;
}

/** Seconds since the epoch where every scenario's virtual clock starts (2026-01-01T00:00:00Z). */
export const VIRTUAL_EPOCH = 1767225600;
/** Steps after which a scenario is stopped (a handler that never ends). */
const MAX_YIELDS = 100_000;
/** Instruction budget when the project sets none, so a runaway handler fails instead of hanging. */
const DEFAULT_INSTRUCTIONS = 500_000_000;

interface Clock {
  ms: number;
}

/** The runtime for a scenario: the project's, with a virtual clock. */
function makeRuntime(project: Project, config: Record<string, unknown>, clock: Clock): EndymionRuntime {
  const rt = project.createRuntime({
    config,
    options: { hooks: { now: () => VIRTUAL_EPOCH + clock.ms / 1000, clock: () => clock.ms / 1000 } },
  });
  if (project.def.runtime?.limits?.instructions === undefined) {
    rt.setLimits({ ...project.def.runtime?.limits, instructions: DEFAULT_INSTRUCTIONS });
  }
  return rt;
}

/** What one mode did. */
interface Trace {
  result: ModeResult;
  /** The handler finished (completed or error) rather than being stopped. */
  finished: boolean;
}

function record(s: HandlerSession): CallRecord {
  const c = s.command;
  if (!c) return { type: "invoke", name: "?", payload: null };
  if (c.type === "log") return { type: "log", name: c.level, payload: c.message };
  return { type: c.type, name: c.name, payload: c.payload };
}

/** Runs the handler in one mode. */
function runMode(project: Project, name: string, sc: ScenarioDef, mode: ModeName, opts: ScenarioOptions): Trace {
  const start = performance.now();
  const failures: Failure[] = [];
  const calls: CallRecord[] = [];
  const clock: Clock = { ms: 0 };
  const config = sc.config ? (merge(project.config, sc.config) as Record<string, unknown>) : project.config;
  const mocks = opts.mocks ?? sc.mocks ?? {};
  const used = new Map<string, number>();
  let roundTrips = 0;
  let maxStateBytes = 0;
  let hostCalls = 0;
  let rt = makeRuntime(project, config, clock);
  const out = (status: Status, extra: Partial<ModeResult> = {}, finished = true): Trace => ({
    finished,
    result: {
      mode,
      status,
      durationMs: performance.now() - start,
      roundTrips,
      maxStateBytes,
      failures,
      calls,
      ...extra,
    },
  });
  let session: HandlerSession;
  try {
    session = rt.startHandler(project.entry(sc.handler), sc.input ?? {});
    for (let y = 1; session.status === "yielded"; y++) {
      if (y > MAX_YIELDS) {
        failures.push({ kind: "crash", message: `stopped after ${MAX_YIELDS} host calls` });
        return out("errored", {}, false);
      }
      const rec = record(session);
      calls.push(rec);
      const roundTripHere =
        mode === "roundtrip" &&
        (opts.roundTripAt
          ? opts.roundTripAt(y, hostCalls)
          : sc.dehydrateAfter === undefined || (rec.type === "invoke" && hostCalls === sc.dehydrateAfter));
      if (roundTripHere) {
        let bytes = rt.dehydrate();
        maxStateBytes = Math.max(maxStateBytes, bytes.length);
        if (opts.testHooks?.transformState) bytes = opts.testHooks.transformState(bytes, y);
        rt = makeRuntime(project, config, clock);
        rt.hydrate(bytes);
        opts.testHooks?.afterHydrate?.(rt, y);
        session = rt.startHydratedSession();
        roundTrips++;
        const again = record(session);
        if (show(again) !== show(rec)) {
          failures.push({
            kind: "divergence",
            step: y,
            message: `step ${y}: after hydrate the suspended call is ${again.type} '${again.name}', not ${rec.type} '${rec.name}'`,
            expected: rec,
            actual: again,
            diff: lineDiff(rec, again),
          });
          return out("failed", {}, false);
        }
      }
      if (rec.type !== "invoke") {
        session.resumeVoid();
        continue;
      }
      hostCalls++;
      const fn = rec.name;
      const n = (used.get(fn) ?? 0) + 1;
      used.set(fn, n);
      const badArgs = project.hostFunctions.has(fn) ? checkArgs(project, fn, rec.payload) : undefined;
      if (badArgs) {
        failures.push({ kind: "validation", step: y, message: `call #${n} of '${fn}': ${badArgs}` });
        session.resumeError(badArgs);
        continue;
      }
      const list = mocks[fn] ?? [];
      const mock = list[n - 1];
      if (mock === undefined) {
        failures.push({
          kind: "mock-exhausted",
          step: y,
          message: list.length
            ? `call #${n} of '${fn}' has no mock left (${list.length} given)`
            : `'${fn}' was called (call #${n}) but the scenario has no mocks for it`,
          at: { file: project.doc.file, line: project.line(["scenarios", name, "mocks", fn]) },
        });
        session.abort();
        return out("failed", {}, false);
      }
      if (mock.delay) clock.ms += mock.delay;
      if (mock.error !== undefined) {
        session.resumeError(mock.error);
        continue;
      }
      const badResult = project.hostFunctions.has(fn) ? checkReturns(project, fn, mock.returns) : undefined;
      if (badResult) {
        failures.push({ kind: "validation", step: y, message: `mock #${n} of '${fn}': ${badResult}` });
      }
      session.resume(mock.returns ?? null);
    }
  } catch (e) {
    failures.push({ kind: "crash", message: `${(e as Error).name}: ${(e as Error).message}` });
    return out("errored", {}, false);
  }
  // mocks left over
  for (const [fn, list] of Object.entries(mocks)) {
    const n = used.get(fn) ?? 0;
    if (n < list.length) {
      failures.push({
        kind: "mocks-left",
        message: `'${fn}' has ${list.length - n} unused mock${list.length - n === 1 ? "" : "s"} (called ${n} of ${list.length})`,
        at: { file: project.doc.file, line: project.line(["scenarios", name, "mocks", fn, n]) },
      });
    }
  }
  const extra: Partial<ModeResult> =
    session.status === "completed" ? { result: session.result } : { error: session.errorMessage };
  checkExpectations(project, name, sc, session, calls, failures);
  return out(failures.length ? "failed" : "passed", extra);
}

function checkExpectations(
  project: Project,
  name: string,
  sc: ScenarioDef,
  session: HandlerSession,
  calls: CallRecord[],
  failures: Failure[],
): void {
  const ex = sc.expect ?? {};
  const at = (...p: (string | number)[]) => ({
    file: project.doc.file,
    line: project.line(["scenarios", name, "expect", ...p]),
  });
  if (session.status === "error") {
    if (ex.error === undefined) {
      failures.push({ kind: "handler-error", message: `handler failed: ${session.errorMessage}` });
    } else if (!(session.errorMessage ?? "").includes(ex.error)) {
      failures.push({
        kind: "error",
        message: `handler failed with '${session.errorMessage}', expected an error containing '${ex.error}'`,
        expected: ex.error,
        actual: session.errorMessage,
        at: at("error"),
      });
    }
  } else if (ex.error !== undefined) {
    failures.push({
      kind: "error",
      message: `handler completed, expected an error containing '${ex.error}'`,
      expected: ex.error,
      actual: session.result,
      at: at("error"),
    });
  } else if ("result" in ex && !luaEqual(ex.result, session.result)) {
    failures.push({
      kind: "result",
      message: "result differs from expect.result",
      expected: ex.result,
      actual: session.result,
      diff: lineDiff(ex.result, session.result),
      at: at("result"),
    });
  }
  for (const [fn, want] of Object.entries(ex.calls ?? {})) {
    const got = calls.filter((c) => c.type === "invoke" && c.name === fn).length;
    if (got !== want) {
      failures.push({
        kind: "calls",
        message: `'${fn}' was called ${got} time${got === 1 ? "" : "s"}, expected ${want}`,
        expected: want,
        actual: got,
        at: at("calls", fn),
      });
    }
  }
  if (ex.emits !== undefined) {
    const got = calls.filter((c) => c.type === "emit").map((c) => ({ name: c.name, payload: c.payload }));
    if (!luaEqual(ex.emits, got)) {
      failures.push({
        kind: "emits",
        message: "emitted events differ from expect.emits",
        expected: ex.emits,
        actual: got,
        diff: lineDiff(ex.emits, got),
        at: at("emits"),
      });
    }
  }
}

/** The first difference between the straight and the round-trip run, if any. */
export function divergence(a: ModeResult, b: ModeResult): Failure | undefined {
  const n = Math.max(a.calls.length, b.calls.length);
  for (let i = 0; i < n; i++) {
    const x = a.calls[i];
    const y = b.calls[i];
    if (show(x ?? null) !== show(y ?? null)) {
      const d = (c: CallRecord | undefined) =>
        c ? `${c.type} '${c.name}' ${show(c.payload).replace(/\s+/g, " ")}` : "nothing";
      return {
        kind: "divergence",
        step: i + 1,
        message: `step ${i + 1}: the straight run made ${d(x)}, the round-trip run ${d(y)}`,
        expected: x ?? null,
        actual: y ?? null,
        diff: lineDiff(x ?? null, y ?? null),
      };
    }
  }
  if (show(a.result ?? null) !== show(b.result ?? null) || (a.error ?? "") !== (b.error ?? "")) {
    return {
      kind: "divergence",
      step: n + 1,
      message: `after step ${n}: the round-trip run ${b.error ? `failed (${b.error})` : "returned another result"} than the straight run${a.error ? ` (which failed: ${a.error})` : ""}`,
      expected: a.error ?? a.result ?? null,
      actual: b.error ?? b.result ?? null,
      diff: lineDiff(a.error ?? a.result ?? null, b.error ?? b.result ?? null),
    };
  }
  return undefined;
}

/** Runs a scenario in its modes and compares them. */
export function runScenario(project: Project, name: string, opts: ScenarioOptions = {}): ScenarioResult {
  const sc = project.def.scenarios?.[name] as ScenarioDef;
  const start = performance.now();
  const modes: ModeResult[] = [];
  const straight = runMode(project, name, sc, "straight", opts);
  modes.push(straight.result);
  if (opts.roundtrip !== false) {
    const rt = runMode(project, name, sc, "roundtrip", opts);
    if (straight.finished && rt.finished) {
      const d = divergence(straight.result, rt.result);
      if (d) {
        rt.result.failures.unshift(d);
        if (rt.result.status === "passed") rt.result.status = "failed";
      }
    }
    modes.push(rt.result);
  }
  return {
    project: project.name,
    name,
    ...(sc.description ? { description: sc.description } : {}),
    handler: sc.handler,
    location: { file: project.doc.file, line: project.line(["scenarios", name]) },
    status: worst(modes.map((m) => m.status)),
    durationMs: performance.now() - start,
    modes,
  };
}
