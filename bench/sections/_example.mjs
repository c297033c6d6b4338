// Example extra section. Files in bench/sections whose names start with "_" are skipped;
// copy this to e.g. bench/sections/serialization.mjs to have run.mjs import and run it.
//
// The default export is `async (ctx) => result` or `{ title, run: async (ctx) => result }`.
// result: { title?, columns: string[], rows: (string|number)[][], notes?: string[] },
//         an array of such tables, or a Markdown string.
// A thrown error is reported as "ERR" under the section title; the other sections still run.
//
// ctx (see run.mjs): root, benchDir, luaDir, options (parsed command line), engines
// ([{ name, label, argv(file, args), available }]), programs, results (main table data:
// results[program][engine] = { ok, median, rssKiB, output, match, runs }), and helpers:
// measure(argv, { timeout, cwd, env }) -> { ok, wall, rssKiB, stdout, stderr, ... }
// (fresh process, wall seconds, peak RSS KiB), median, geomean, fmtSecs, fmtRatio,
// markdownTable, log (progress to stderr).
import path from "node:path";

export default {
  title: "Example: startup cost again",
  async run(ctx) {
    const rows = [];
    for (const engine of ctx.engines.filter((e) => e.available)) {
      const walls = [];
      for (let i = 0; i < ctx.options.runs; i++) {
        const r = await ctx.measure(engine.argv(path.join(ctx.luaDir, "startup.lua"), []));
        if (!r.ok) throw new Error(`${engine.name} failed: ${r.stderr.trim()}`);
        walls.push(r.wall);
      }
      rows.push([engine.label, ctx.fmtSecs(ctx.median(walls))]);
    }
    return { columns: ["engine", "startup s"], rows, notes: ["Median of --runs fresh processes."] };
  },
};
