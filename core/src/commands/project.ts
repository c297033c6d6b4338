// `endymion validate`, `list` and `config`: what a project holds, checked.

import { relative } from "node:path";
import { type LoadOptions, loadProject, type Project } from "../project/project.js";

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

export function validateCommand(projectPath: string, opts: LoadOptions): number {
  const p = loadProject(projectPath, opts);
  const d = p.def;
  process.stdout.write(
    `${relative(process.cwd(), p.file) || projectPath} is valid: ${count(Object.keys(d.scripts).length, "script")}, ${count(
      Object.keys(d.handlers).length,
      "handler",
    )}, ${count(Object.keys(d.hostFunctions ?? {}).length, "host function")}, ${count(
      Object.keys(d.scenarios ?? {}).length,
      "scenario",
    )}\n`,
  );
  return 0;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map(
      (r) =>
        `  ${r
          .map((c, i) => c.padEnd(widths[i]))
          .join("  ")
          .trimEnd()}`,
    )
    .join("\n");
}

function listing(p: Project): Record<string, unknown> {
  const d = p.def;
  return {
    scripts: Object.entries(d.scripts).map(([name, path]) => ({
      name,
      path,
      handlers: p.scripts.get(name)?.handlers ?? [],
    })),
    handlers: Object.entries(d.handlers).map(([name, h]) => ({ name, script: h.script, entry: h.entry ?? name })),
    hostFunctions: Object.entries(d.hostFunctions ?? {}).map(([name, h]) => ({
      name,
      exec: h.cli?.exec ?? null,
      description: h.description ?? null,
    })),
    scenarios: Object.entries(d.scenarios ?? {}).map(([name, s]) => ({
      name,
      handler: s.handler,
      description: s.description ?? null,
    })),
  };
}

export function listCommand(projectPath: string, opts: LoadOptions & { json?: boolean }): number {
  const p = loadProject(projectPath, opts);
  const l = listing(p) as {
    scripts: { name: string; path: string; handlers: string[] }[];
    handlers: { name: string; script: string; entry: string }[];
    hostFunctions: { name: string; exec: string | null; description: string | null }[];
    scenarios: { name: string; handler: string; description: string | null }[];
  };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(l, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  const section = (title: string, rows: string[][]) => {
    out.push(`${title} (${rows.length})`);
    if (rows.length > 0) out.push(table(rows));
  };
  section(
    "scripts",
    l.scripts.map((s) => [s.name, s.path, s.handlers.join(", ")]),
  );
  section(
    "handlers",
    l.handlers.map((h) => [h.name, `${h.script}.${h.entry}`]),
  );
  section(
    "host functions",
    l.hostFunctions.map((h) => [h.name, h.exec ? `exec: ${h.exec}` : "(no cli.exec)", h.description ?? ""]),
  );
  section(
    "scenarios",
    l.scenarios.map((s) => [s.name, `handler ${s.handler}`, s.description ?? ""]),
  );
  process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

export function configCommand(projectPath: string, opts: LoadOptions): number {
  const p = loadProject(projectPath, { ...opts, skipScripts: true });
  process.stdout.write(`${JSON.stringify(p.config, null, 2)}\n`);
  return 0;
}
