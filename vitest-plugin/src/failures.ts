// What a failed mode says: one block per failure with the place in the project file and the
// line diff when there is one. The result failure is split out so that the test framework's
// own `expect(actual).toEqual(expected)` can print its diff.

import type { Failure, ModeResult, ScenarioResult } from "@endymion/reporters";

/** The assertions a mode needs: a result to compare with `toEqual` and/or a message to throw. */
export interface Verdict {
  /** Present when expect.result differs: compare with the framework's deep equality. */
  result?: { actual: unknown; expected: unknown; message: string };
  /** Present when the mode failed: the whole story (thrown when the result comparison passes or is absent). */
  message?: string;
}

function indent(text: string, pad = "    "): string {
  return text
    .split("\n")
    .map((l) => (l ? pad + l : l))
    .join("\n");
}

function describeFailure(f: Failure): string {
  const where = f.at ? ` (${f.at.file}:${f.at.line})` : "";
  const step = f.step !== undefined && !/^step \d/.test(f.message) ? ` [step ${f.step}]` : "";
  const head = `${f.kind}: ${f.message}${step}${where}`;
  return f.diff ? `${head}\n${indent(f.diff)}` : head;
}

/** The scenario's place as `file:line`. */
export function scenarioWhere(s: ScenarioResult): string {
  return `${s.location.file}:${s.location.line}`;
}

/** The verdict for one mode of a scenario that ran. */
export function verdictOf(s: ScenarioResult, m: ModeResult | undefined): Verdict {
  if (!m) return { message: `scenario '${s.name}' has no such mode (${scenarioWhere(s)})` };
  if (m.status === "passed") return {};
  const lines = [`scenario '${s.name}' ${m.status} in ${m.mode} mode (${scenarioWhere(s)})`];
  for (const f of m.failures) lines.push(indent(describeFailure(f), "  "));
  if (m.failures.length === 0) lines.push(`  ${m.status} without a reported failure`);
  const message = lines.join("\n");
  const r = m.failures.find((f) => f.kind === "result");
  if (!r) return { message };
  const others = m.failures.filter((f) => f !== r).map((f) => `; ${f.kind}: ${f.message}`);
  const at = r.at ? `${r.at.file}:${r.at.line}` : scenarioWhere(s);
  return {
    result: {
      actual: r.actual,
      expected: r.expected,
      message: `${s.name} [${m.mode}]: result differs from expect.result (${at})${others.join("")}`,
    },
    message,
  };
}
