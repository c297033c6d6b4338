// Host functions of a project: payload and result validation against their schemas, and
// `cli.exec`: a subprocess that reads the JSON payload on stdin and prints a JSON result.

import { spawnSync } from "node:child_process";
import type { Project } from "./project.js";
import { schemaProblems } from "./schema.js";

/** What fulfilling a host call gave: a value for sys.invoke, or an error to raise there. */
export type HostOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/** A value from the engine as plain JSON data (Map -> object, BigInt -> number or string, Buffer -> string). */
export function toJsonValue(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Buffer.isBuffer(v)) return v.toString("utf8");
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[String(k)] = toJsonValue(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  if (typeof v === "object" && v !== null) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = toJsonValue(x);
    return o;
  }
  return v;
}

function problemText(p: { path: (string | number)[]; message: string }): string {
  return `${p.path.length ? `/${p.path.join("/")}` : "/"}: ${p.message}`;
}

/** Checks a payload against hostFunctions[name].args; returns the error message or undefined. */
export function checkArgs(project: Project, name: string, payload: unknown): string | undefined {
  const hf = project.hostFunctions.get(name);
  if (!hf?.args || hf.args(toJsonValue(payload))) return undefined;
  const p = schemaProblems(hf.args.errors)[0];
  return `host function '${name}': invalid payload at ${p ? problemText(p) : "/"}`;
}

/** Checks a result against hostFunctions[name].returns; returns the error message or undefined. */
export function checkReturns(project: Project, name: string, value: unknown): string | undefined {
  const hf = project.hostFunctions.get(name);
  if (!hf?.returns || hf.returns(toJsonValue(value))) return undefined;
  const p = schemaProblems(hf.returns.errors)[0];
  return `host function '${name}': invalid result at ${p ? problemText(p) : "/"}`;
}

const DEFAULT_TIMEOUT = 30_000;

/** Fulfils a sys.invoke through the host function's cli.exec. */
export function execHostFunction(project: Project, name: string, payload: unknown): HostOutcome {
  const hf = project.hostFunctions.get(name);
  if (!hf) return { ok: false, error: `unknown host function '${name}' (not in the project's hostFunctions)` };
  const bad = checkArgs(project, name, payload);
  if (bad) return { ok: false, error: bad };
  const cli = hf.def.cli;
  if (!cli) return { ok: false, error: `host function '${name}' has no cli.exec, so the CLI cannot call it` };
  const timeout = cli.timeout ?? DEFAULT_TIMEOUT;
  const r = spawnSync(cli.exec, {
    shell: true,
    cwd: project.dir,
    input: JSON.stringify(toJsonValue(payload) ?? null),
    encoding: "utf8",
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  const stderr = (r.stderr ?? "").trim();
  const tail = stderr ? `: ${stderr.split("\n").slice(-5).join(" | ")}` : "";
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") {
    return { ok: false, error: `host function '${name}' timed out after ${timeout} ms${tail}` };
  }
  // EPIPE: the command exited without reading all of its stdin, which is its right
  const epipe = (r.error as NodeJS.ErrnoException | undefined)?.code === "EPIPE" && r.status !== null;
  if (r.error && !epipe) return { ok: false, error: `host function '${name}' could not run: ${r.error.message}` };
  if (r.status !== 0) {
    const how = r.status === null ? `was killed by ${r.signal}` : `exited with status ${r.status}`;
    return { ok: false, error: `host function '${name}' ${how}${tail}` };
  }
  const out = r.stdout.trim();
  let value: unknown;
  try {
    value = out === "" ? null : JSON.parse(out);
  } catch (e) {
    const shown = out.length > 80 ? `${out.slice(0, 77)}...` : out;
    return { ok: false, error: `host function '${name}' printed invalid JSON (${(e as Error).message}): ${shown}` };
  }
  const badResult = checkReturns(project, name, value);
  if (badResult) return { ok: false, error: badResult };
  return { ok: true, value };
}
