// Options shared by the runner (from jest config) and describeScenarios.

import type { ModeName } from "@endymion/reporters";

export interface ScenarioOptions {
  /** Globs over scenario names (any may match); all scenarios when absent or empty. */
  scenarios?: string[];
  /** Run the round-trip mode too (default true). */
  roundtrip?: boolean;
  /** Config overlay files applied over the project's config, in order (relative to the current folder). */
  overlays?: string[];
  /** Config assignments "path.to.key=value" applied last. */
  sets?: string[];
}

export function modesOf(options: { roundtrip?: boolean }): ModeName[] {
  return options.roundtrip === false ? ["straight"] : ["straight", "roundtrip"];
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A stack frame line pointing at a place in a file (jest shows its code frame). */
export function frame(name: string, file: string, at: { line: number; column: number }): string {
  return `    at ${name} (${file}:${at.line}:${at.column})`;
}

/**
 * Puts a frame at the top of an error's stack, so the failure is reported there; `prefix`
 * goes before the message.
 */
export function pointAt(error: unknown, frameLine: string, prefix?: string): unknown {
  if (!(error instanceof Error)) return error;
  const stack = error.stack ?? "";
  const head = `${error.name}: ${error.message}`;
  const frames = stack.startsWith(head)
    ? stack.slice(head.length).replace(/^\n/, "")
    : stack
        .split("\n")
        .filter((l) => /^\s+at /.test(l))
        .join("\n");
  if (prefix) error.message = `${prefix}\n\n${error.message}`;
  error.stack = [`${error.name}: ${error.message}`, frameLine, frames].filter(Boolean).join("\n");
  return error;
}
