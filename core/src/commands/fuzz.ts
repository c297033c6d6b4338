// `endymion fuzz`: search each scenario's space of mock orderings, injected host errors,
// schema-generated responses and round-trip points for a run that breaks a property;
// print the seed, and for a failure the shrunk case and one line that replays it.

import { relative } from "node:path";
import pc from "picocolors";
import { checkCase, type FuzzResult, fuzzScenario, parseReplay } from "../fuzz/fuzz.js";
import type { ConfigLayers } from "../project/config.js";
import { loadProject } from "../project/project.js";
import { selectScenarios } from "../runner/run.js";
import { UsageError } from "./state-io.js";

export interface FuzzCommandOptions extends ConfigLayers {
  scenario?: string[];
  runs?: number;
  seed?: number;
  timeLimit?: number;
  replay?: string;
  format?: string;
}

/** Quotes a string for a POSIX shell. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function fuzzCommand(projectPath: string, opts: FuzzCommandOptions): number {
  const project = loadProject(projectPath, opts);
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR && opts.format !== "json";
  const paint = (f: (s: string) => string, s: string) => (color ? f(s) : s);
  if (opts.replay !== undefined) {
    const r = parseReplay(opts.replay);
    if (!project.def.scenarios?.[r.scenario])
      throw new UsageError(`--replay names an unknown scenario '${r.scenario}'`);
    const why = checkCase(project, r.scenario, r.case);
    if (opts.format === "json") {
      process.stdout.write(
        `${JSON.stringify({ scenario: r.scenario, ok: why === undefined, message: why ?? null })}\n`,
      );
    } else if (why === undefined) {
      process.stdout.write(`${paint(pc.green, "✓")} ${r.scenario}: the replayed case passes\n`);
    } else {
      process.stdout.write(`${paint(pc.red, "✗")} ${r.scenario}: ${why}\n`);
    }
    return why === undefined ? 0 : 1;
  }
  const names = selectScenarios(project, opts.scenario);
  if (names.length === 0) throw new UsageError("no scenario to fuzz (check --scenario)");
  const seed = opts.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  const shown = relative(process.cwd(), project.file) || projectPath;
  if (opts.format !== "json") process.stdout.write(`fuzzing ${shown} with seed ${seed}\n`);
  const results: FuzzResult[] = [];
  for (const name of names) {
    const r = fuzzScenario(project, name, { runs: opts.runs, seed, timeLimit: opts.timeLimit });
    results.push(r);
    if (opts.format === "json") continue;
    if (r.ok) {
      process.stdout.write(`${paint(pc.green, "✓")} ${name}  ${r.runs} runs  ${Math.round(r.durationMs)}ms\n`);
    } else {
      const f = r.failure;
      process.stdout.write(`${paint(pc.red, "✗")} ${name}  failed after ${r.runs} runs (${f?.shrinks ?? 0} shrinks)\n`);
      process.stdout.write(`    ${f?.message}\n`);
      process.stdout.write(`    case: ${JSON.stringify(f?.case)}\n`);
      process.stdout.write(`    replay: endymion fuzz ${shellQuote(shown)} --replay ${shellQuote(r.replay ?? "")}\n`);
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  if (opts.format === "json") {
    process.stdout.write(`${JSON.stringify({ seed, project: shown, results }, null, 2)}\n`);
  } else {
    process.stdout.write(`seed ${seed}\n${results.length - failed} passed, ${failed} failed\n`);
  }
  return failed > 0 ? 1 : 0;
}
