#!/usr/bin/env node
// Endymion benchmark driver.
//
// Runs every program in bench/lua on every selected engine (each run is a fresh process),
// checks that all engines print the same checksum line, and prints Markdown tables:
// median wall time with the ratio to native lua5.4, endymion/fengari and endymion/wasmoon
// ratios, geometric means, and peak RSS. Extra sections (bench/sections/*.mjs) are
// appended after the main tables. See bench/README.md.
//
// usage: node bench/run.mjs [options]
//
//   --runs N            timed runs per program and engine (default 3; the median is shown)
//   --bench a,b         programs to run (default: all; see PROGRAMS below)
//   --engines x,y       engines: endymion, wasmoon, fengari, lua54
//                       (default: all four; lua54 only when lua5.4 is on PATH)
//   --quick             small sizes: a smoke test of the kit (seconds, not minutes)
//   --size name=N       override one program's size (repeatable)
//   --timeout S         per-run limit in seconds (default 300); a timed-out run is an ERR
//   --json FILE         also write all samples and the summary as JSON
//   --sections a,b      only these extra sections (file names in bench/sections, no .mjs)
//   --no-sections       skip the extra sections
//   -h, --help          this text
//
// Environment: ENDYMION_CLI (default core/dist/cli.js), LUA54 (default: lua5.4 on PATH).
//
// The report goes to stdout, progress to stderr. Exit status: 0 when every engine ran every
// program and all checksums agree, 1 otherwise (the report is printed in every case).

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, "..");
const LUA_DIR = path.join(BENCH_DIR, "lua");
const SECTIONS_DIR = path.join(BENCH_DIR, "sections");

// ----------------------------------------------------------------------------- programs
// size: passed as arg[1] (lua5.4 takes ~0.3-0.6 s at this size); quick: size for --quick.
// 'startup' gets no argument and prints nothing: it measures engine launch cost.
export const PROGRAMS = [
  { name: "startup", size: null, quick: null },
  { name: "fib", size: 35, quick: 22 },
  { name: "loop_int", size: 12000000, quick: 300000 },
  { name: "loop_float", size: 10000000, quick: 300000 },
  { name: "binary_trees", size: 15, quick: 10 },
  { name: "nbody", size: 150000, quick: 5000 },
  { name: "spectral_norm", size: 550, quick: 80 },
  { name: "fannkuch", size: 600000, quick: 20000 },
  { name: "strings", size: 10000, quick: 300 },
  { name: "sort", size: 200000, quick: 5000 },
  { name: "sort_cmp", size: 120000, quick: 5000 },
  { name: "hashmap", size: 70000, quick: 3000 },
  { name: "oop", size: 3000000, quick: 60000 },
  { name: "closures", size: 1500000, quick: 40000 },
  { name: "coroutines", size: 2000000, quick: 20000 },
];

// ----------------------------------------------------------------------------- engines
function which(cmd) {
  if (cmd.includes("/")) return fs.existsSync(cmd) ? cmd : null;
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {}
  }
  return null;
}

function readVersion(pkgJson) {
  try {
    return JSON.parse(fs.readFileSync(pkgJson, "utf8")).version;
  } catch {
    return null;
  }
}

function firstLine(cmd, args) {
  try {
    const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 10000 });
    return `${r.stdout || ""}${r.stderr || ""}`.trim().split("\n")[0] || null;
  } catch {
    return null;
  }
}

const ENDYMION_CLI = path.resolve(ROOT, process.env.ENDYMION_CLI || "core/dist/cli.js");
const LUA54 = which(process.env.LUA54 || "lua5.4");

// Each engine: argv(file, args) -> [command, ...arguments]; problem() -> why it cannot run,
// or null; version() -> a description for the report header.
export const ENGINES = {
  endymion: {
    label: "endymion",
    argv: (file, args) => [process.execPath, ENDYMION_CLI, "lua", file, ...args],
    problem: () =>
      fs.existsSync(ENDYMION_CLI) ? null : `${path.relative(ROOT, ENDYMION_CLI)} not found (run npm run build)`,
    version: () => `endymion ${readVersion(path.join(ROOT, "core/package.json")) ?? "?"}`,
  },
  wasmoon: {
    label: "wasmoon",
    argv: (file, args) => [process.execPath, path.join(BENCH_DIR, "runners/wasmoon.cjs"), file, ...args],
    problem: () => (resolvable("wasmoon") ? null : "npm package wasmoon not installed"),
    version: () => `wasmoon ${pkgVersion("wasmoon") ?? "?"} (Lua 5.4 in WebAssembly)`,
  },
  fengari: {
    label: "fengari",
    argv: (file, args) => [process.execPath, path.join(BENCH_DIR, "runners/fengari.cjs"), file, ...args],
    problem: () => (resolvable("fengari") ? null : "npm package fengari not installed"),
    version: () => `fengari ${pkgVersion("fengari") ?? "?"} (Lua 5.3 in JavaScript)`,
  },
  lua54: {
    label: "lua5.4",
    argv: (file, args) => [LUA54, file, ...args],
    problem: () => (LUA54 ? null : "lua5.4 not on PATH (set LUA54)"),
    version: () => firstLine(LUA54, ["-v"]) ?? "lua5.4",
  },
};
const ENGINE_ORDER = ["endymion", "wasmoon", "fengari", "lua54"];

// resolve npm engines exactly as the runner scripts in bench/runners will
const requireFromRunners = createRequire(path.join(BENCH_DIR, "runners", "x.cjs"));

function resolvable(pkg) {
  try {
    requireFromRunners.resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

function pkgVersion(pkg) {
  try {
    return readVersion(requireFromRunners.resolve(`${pkg}/package.json`));
  } catch {
    return null;
  }
}

// ----------------------------------------------------------------------------- options
function usage() {
  const lines = fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("// usage:"));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("//"));
  return lines
    .slice(start, end)
    .map((l) => l.replace(/^\/\/ ?/, ""))
    .join("\n");
}

function parseOptions(argv) {
  const o = {
    runs: 3,
    bench: null,
    engines: null,
    quick: false,
    sizes: {},
    timeout: 300,
    json: null,
    sections: null,
    noSections: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const list = () =>
      value()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    if (a === "--runs") o.runs = Number.parseInt(value(), 10);
    else if (a === "--bench") o.bench = list();
    else if (a === "--engines") o.engines = list();
    else if (a === "--quick") o.quick = true;
    else if (a === "--timeout") o.timeout = Number.parseFloat(value());
    else if (a === "--json") o.json = value();
    else if (a === "--sections") o.sections = list();
    else if (a === "--no-sections") o.noSections = true;
    else if (a === "--size") {
      const m = /^([\w-]+)=(\d+)$/.exec(value());
      if (!m) throw new Error("--size wants name=N");
      o.sizes[m[1]] = Number(m[2]);
    } else if (a === "-h" || a === "--help") {
      console.log(usage());
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error("--runs must be a positive integer");
  if (!(o.timeout > 0)) throw new Error("--timeout must be positive");
  for (const e of o.engines ?? []) {
    if (!ENGINES[e]) throw new Error(`unknown engine ${e} (known: ${ENGINE_ORDER.join(", ")})`);
  }
  const known = new Set(PROGRAMS.map((p) => p.name));
  for (const b of [...(o.bench ?? []), ...Object.keys(o.sizes)]) {
    if (!known.has(b)) throw new Error(`unknown program ${b} (known: ${[...known].join(", ")})`);
  }
  return o;
}

// ----------------------------------------------------------------------------- measuring
const GNU_TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const liveGroups = new Set(); // process groups of running children
let tmpCounter = 0;

/**
 * Runs argv as a fresh process with cwd = repo root.
 * Returns { ok, wall (s), rssKiB|null, stdout, stderr, code, signal, timedOut, error }.
 * Peak RSS comes from GNU time when installed, else from polling /proc/<pid>/status VmHWM
 * (approximate: misses growth after the last poll, and very short processes).
 */
export function measure(argv, { timeout = 300, cwd = ROOT, env = process.env } = {}) {
  return new Promise((resolve) => {
    let cmd = argv;
    let rssFile = null;
    if (GNU_TIME) {
      rssFile = path.join(os.tmpdir(), `endymion-bench-${process.pid}-${tmpCounter++}.rss`);
      cmd = [GNU_TIME, "-f", "%M", "-o", rssFile, ...argv];
    }
    const cap = 1 << 20;
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let polledKiB = null;
    let settled = false;
    const t0 = process.hrtime.bigint();
    let child;
    try {
      // own process group, so a timeout can kill GNU time and the engine together
      child = spawn(cmd[0], cmd.slice(1), {
        cwd,
        env,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      resolve({
        ok: false,
        wall: 0,
        rssKiB: null,
        stdout: "",
        stderr: "",
        code: null,
        signal: null,
        timedOut: false,
        error: String(error),
      });
      return;
    }
    if (child.pid) liveGroups.add(child.pid);
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d) => {
      if (stdout.length < cap) stdout += d;
    });
    child.stderr.on("data", (d) => {
      if (stderr.length < cap) stderr += d;
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeout * 1000);
    const poller = GNU_TIME
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) polledKiB = Math.max(polledKiB ?? 0, Number(m[1]));
          } catch {}
        }, 20);
    const finish = (code, signal, error) => {
      if (settled) return;
      settled = true;
      liveGroups.delete(child.pid);
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      let rssKiB = polledKiB;
      if (rssFile) {
        try {
          const lines = fs.readFileSync(rssFile, "utf8").trim().split("\n");
          const v = Number(lines[lines.length - 1]);
          if (Number.isFinite(v)) rssKiB = v;
          fs.unlinkSync(rssFile);
        } catch {}
      }
      // GNU time reports a killed child as "Command terminated by signal N" and exits 128+N
      const ok = !timedOut && !error && code === 0 && signal == null;
      resolve({
        ok,
        wall,
        rssKiB,
        stdout,
        stderr,
        code,
        signal,
        timedOut,
        error: error ? String(error) : null,
      });
    };
    child.on("error", (err) => finish(null, null, err));
    child.on("close", (code, signal) => finish(code, signal, null));
  });
}

function failureReason(r) {
  if (r.timedOut) return "timeout";
  if (r.error) return r.error;
  const lastErr = r.stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^Command (exited|terminated)/.test(l))
    .slice(0, 3)
    .join(" | ");
  const status = r.signal ? `signal ${r.signal}` : `exit ${r.code}`;
  return lastErr ? `${status}: ${lastErr.slice(0, 300)}` : status;
}

// normalized program output: the checksum line (trailing whitespace/newlines dropped)
function checksumOf(stdout) {
  return stdout.replace(/\r\n/g, "\n").replace(/\s+$/, "");
}

// ----------------------------------------------------------------------------- statistics and formatting
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function geomean(xs) {
  return Math.exp(xs.reduce((acc, x) => acc + Math.log(x), 0) / xs.length);
}

export function fmtSecs(s) {
  if (s < 10) return s.toFixed(3);
  if (s < 100) return s.toFixed(2);
  return s.toFixed(1);
}

export function fmtRatio(r) {
  if (!Number.isFinite(r)) return "-";
  if (r < 10) return `${r.toFixed(2)}x`;
  if (r < 100) return `${r.toFixed(1)}x`;
  return `${Math.round(r)}x`;
}

export function markdownTable(columns, rows, align) {
  const al = align ?? columns.map((_, i) => (i === 0 ? "l" : "r"));
  const esc = (v) => String(v ?? "").replace(/\|/g, "\\|");
  const out = [`| ${columns.map(esc).join(" | ")} |`, `|${al.map((a) => (a === "l" ? ":---" : "---:")).join("|")}|`];
  for (const row of rows) out.push(`| ${row.map(esc).join(" | ")} |`);
  return out.join("\n");
}

const log = (msg) => process.stderr.write(`${msg}\n`);

// ----------------------------------------------------------------------------- main benchmark
async function runPrograms(programs, engines, opts) {
  const results = {}; // results[program][engine] = { ok, reason, runs, median, rssKiB, output, match }
  for (const prog of programs) {
    const file = path.join(LUA_DIR, `${prog.name}.lua`);
    const args = prog.runSize == null ? [] : [String(prog.runSize)];
    const per = {};
    results[prog.name] = per;
    for (const e of engines) {
      const problem = ENGINES[e].problem();
      per[e] = { ok: !problem, reason: problem, runs: [], output: null };
    }
    for (let r = 0; r < opts.runs; r++) {
      // rotate the engine order every round so slow drifts spread over all engines
      const order = engines.map((_, i) => engines[(i + r) % engines.length]);
      for (const e of order) {
        const res = per[e];
        if (!res.ok) continue; // unavailable, or failed an earlier run: do not retry
        const m = await measure(ENGINES[e].argv(file, args), { timeout: opts.timeout });
        if (!m.ok) {
          res.ok = false;
          res.reason = failureReason(m);
          log(`  ${prog.name.padEnd(14)} ${e.padEnd(9)} ERR  ${res.reason}`);
          continue;
        }
        const out = checksumOf(m.stdout);
        if (res.output == null) res.output = out;
        else if (res.output !== out) res.unstable = out; // output changed between runs
        res.runs.push({ wall: m.wall, rssKiB: m.rssKiB });
        log(`  ${prog.name.padEnd(14)} ${e.padEnd(9)} ${fmtSecs(m.wall).padStart(7)} s  run ${r + 1}/${opts.runs}`);
      }
    }
    for (const e of engines) {
      const res = per[e];
      if (res.ok && res.runs.length) {
        res.median = median(res.runs.map((x) => x.wall));
        const rss = res.runs.map((x) => x.rssKiB).filter((x) => x != null);
        res.rssKiB = rss.length ? Math.max(...rss) : null;
      } else {
        res.ok = false;
      }
    }
    // checksum reference: lua54 when it ran, else the first engine that ran
    const refEngine = per.lua54?.ok ? "lua54" : engines.find((e) => per[e].ok);
    for (const e of engines) {
      const res = per[e];
      if (!res.ok) continue;
      res.match = res.output === per[refEngine].output && res.unstable === undefined;
    }
    per._ref = refEngine ?? null;
  }
  return results;
}

function buildReport(programs, engines, results, opts, meta) {
  const md = [];
  const problems = { mismatches: [], errors: [] };
  const has = (e) => engines.includes(e);
  const timed = programs.filter((p) => p.name !== "startup");

  md.push(`# Endymion benchmarks, ${meta.date}`);
  md.push("");
  md.push(
    `node ${process.version}; ${os.type()} ${os.release()} ${os.arch()}; ${meta.cpu}; load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  for (const e of engines) md.push(`- ${e}: ${meta.versions[e]}`);
  md.push("");
  md.push(
    `runs=${opts.runs} (median shown)${opts.quick ? ", --quick sizes" : ""}, timeout ${opts.timeout}s, peak RSS from ${GNU_TIME ? "GNU time" : "/proc VmHWM polling (approximate)"}`,
  );
  md.push("");

  // --- wall time table
  const ratioCols = [];
  if (has("endymion") && has("fengari")) ratioCols.push(["endymion/fengari", "fengari"]);
  if (has("endymion") && has("wasmoon")) ratioCols.push(["endymion/wasmoon", "wasmoon"]);
  const refOk = (per) => per.lua54?.ok && per.lua54.match;
  const good = (res) => res?.ok && res.match;

  const cols = ["program", "size", ...engines.map((e) => ENGINES[e].label), ...ratioCols.map((c) => c[0])];
  const rows = [];
  for (const prog of programs) {
    const per = results[prog.name];
    const row = [prog.name, prog.runSize ?? "-"];
    for (const e of engines) {
      const res = per[e];
      if (!res.ok) {
        row.push("ERR");
        problems.errors.push({ program: prog.name, engine: e, reason: res.reason });
        continue;
      }
      let cell = `${fmtSecs(res.median)}`;
      if (e !== "lua54" && refOk(per)) cell += ` (${fmtRatio(res.median / per.lua54.median)})`;
      if (!res.match) {
        cell += " **MISMATCH**";
        problems.mismatches.push({
          program: prog.name,
          engine: e,
          ref: per._ref,
          expected: per[per._ref].output,
          got: res.output,
          unstable: res.unstable,
        });
      }
      row.push(cell);
    }
    for (const [, other] of ratioCols) {
      const a = per.endymion;
      const b = per[other];
      row.push(good(a) && good(b) ? fmtRatio(a.median / b.median) : "-");
    }
    rows.push(row);
  }

  // geomean rows: ratio to lua54 per engine, and the endymion/x columns; startup excluded.
  // The second row subtracts each engine's startup median from every time first.
  const startupOf = (e) => {
    const s = results.startup?.[e];
    return good(s) ? s.median : null;
  };
  const geoRow = (label, adjust) => {
    const row = [label, ""];
    for (const e of engines) {
      if (!has("lua54")) {
        row.push("-");
        continue;
      }
      const ratios = [];
      for (const p of timed) {
        const per = results[p.name];
        if (good(per[e]) && refOk(per)) {
          const a = adjust(e, per[e].median);
          const b = adjust("lua54", per.lua54.median);
          if (a != null && b != null) ratios.push(a / b);
        }
      }
      if (e === "lua54") row.push(ratios.length ? "1.00x" : "-");
      else
        row.push(
          ratios.length
            ? `${fmtRatio(geomean(ratios))}${ratios.length < timed.length ? ` (${ratios.length}/${timed.length})` : ""}`
            : "-",
        );
    }
    for (const [, other] of ratioCols) {
      const ratios = [];
      for (const p of timed) {
        const per = results[p.name];
        if (good(per.endymion) && good(per[other])) {
          const a = adjust("endymion", per.endymion.median);
          const b = adjust(other, per[other].median);
          if (a != null && b != null) ratios.push(a / b);
        }
      }
      row.push(
        ratios.length
          ? `${fmtRatio(geomean(ratios))}${ratios.length < timed.length ? ` (${ratios.length}/${timed.length})` : ""}`
          : "-",
      );
    }
    return row;
  };
  const summary = {};
  if (timed.length) {
    const plain = geoRow("**geomean**", (_e, t) => t);
    rows.push(plain);
    summary.geomean = Object.fromEntries(cols.slice(2).map((c, i) => [c, plain[i + 2]]));
    // (skipped with --quick: at tiny sizes the times are mostly startup, the row would be noise)
    if (results.startup && !opts.quick) {
      const sub = geoRow("geomean, startup subtracted", (e, t) => {
        const s = startupOf(e);
        return s == null ? null : Math.max(t - s, 0.001);
      });
      rows.push(sub);
      summary.geomeanStartupSubtracted = Object.fromEntries(cols.slice(2).map((c, i) => [c, sub[i + 2]]));
    }
  }
  md.push(`## Wall time, seconds (ratio to lua5.4)`);
  md.push("");
  md.push(markdownTable(cols, rows));
  md.push("");
  md.push(
    'Ratios above 1 mean slower than the reference. Geomeans leave out `startup`; "(k/n)" means only k programs had a valid result.',
  );
  md.push("");

  // --- peak RSS table
  md.push("## Peak RSS, MiB (max over runs)");
  md.push("");
  const rssRows = programs.map((prog) => [
    prog.name,
    ...engines.map((e) => {
      const res = results[prog.name][e];
      if (!res.ok) return "ERR";
      return res.rssKiB == null ? "-" : (res.rssKiB / 1024).toFixed(1);
    }),
  ]);
  md.push(markdownTable(["program", ...engines.map((e) => ENGINES[e].label)], rssRows));
  md.push("");

  // --- checksums
  md.push("## Checksum lines");
  md.push("");
  for (const prog of programs) {
    const per = results[prog.name];
    const ref = per._ref;
    md.push(`- ${prog.name}: ${ref ? `\`${per[ref].output || "(no output)"}\` (${ref})` : "no engine succeeded"}`);
  }
  md.push("");
  if (problems.mismatches.length) {
    md.push("## !!! CHECKSUM MISMATCHES !!!");
    md.push("");
    for (const m of problems.mismatches) {
      md.push(
        `- **${m.program} on ${m.engine}**: expected (${m.ref}) \`${m.expected}\`, got \`${m.got}\`${m.unstable !== undefined ? ` (output also changed between runs: \`${m.unstable}\`)` : ""}`,
      );
    }
    md.push("");
  }
  if (problems.errors.length) {
    md.push("## Errors");
    md.push("");
    // collapse identical reasons per engine (e.g. a missing CLI fails every program)
    const byKey = new Map();
    for (const er of problems.errors) {
      const key = `${er.engine}\u0000${er.reason}`;
      if (!byKey.has(key)) byKey.set(key, { ...er, programs: [] });
      byKey.get(key).programs.push(er.program);
    }
    for (const er of byKey.values()) md.push(`- ${er.engine} (${er.programs.join(", ")}): ${er.reason}`);
    md.push("");
  }
  if (!problems.mismatches.length && !problems.errors.length) {
    md.push("All engines ran every program; every checksum line matched.");
    md.push("");
  }
  return { markdown: md.join("\n"), problems, summary };
}

// ----------------------------------------------------------------------------- extra sections
// A section is bench/sections/<name>.mjs (names starting with "_" are skipped) whose default
// export is `async (ctx) => result` or `{ title?, run: async (ctx) => result }`. result is
// { title?, columns, rows, notes? } or an array of those, or a Markdown string. See README.
async function runSections(ctx, opts) {
  if (opts.noSections || !fs.existsSync(SECTIONS_DIR)) return [];
  let files = fs
    .readdirSync(SECTIONS_DIR)
    .filter((f) => f.endsWith(".mjs") && !f.startsWith("_"))
    .sort();
  if (opts.sections) files = files.filter((f) => opts.sections.includes(f.slice(0, -4)));
  const out = [];
  for (const f of files) {
    const name = f.slice(0, -4);
    log(`section ${name}`);
    let title = name;
    try {
      const mod = await import(pathToFileURL(path.join(SECTIONS_DIR, f)).href);
      const def = mod.default;
      const fn = typeof def === "function" ? def : def?.run;
      if (typeof def === "object" && def?.title) title = def.title;
      if (typeof fn !== "function") throw new Error("default export is neither a function nor { run }");
      const result = await fn({ ...ctx, sectionName: name });
      out.push({ name, title, ok: true, result });
    } catch (err) {
      log(`section ${name} failed: ${err?.stack ?? err}`);
      out.push({ name, title, ok: false, error: String(err?.message ?? err) });
    }
  }
  return out;
}

function renderSection(s) {
  const md = [];
  if (!s.ok) {
    md.push(`## ${s.title}`, "", `ERR: section failed: ${s.error}`, "");
    return md.join("\n");
  }
  const parts = Array.isArray(s.result) ? s.result : [s.result];
  for (const [i, part] of parts.entries()) {
    if (typeof part === "string") {
      md.push(part, "");
      continue;
    }
    if (!part) continue;
    const title = part.title ?? (i === 0 ? s.title : null);
    if (title) md.push(`## ${title}`, "");
    if (part.columns && part.rows) md.push(markdownTable(part.columns, part.rows, part.align), "");
    for (const n of part.notes ?? []) md.push(n, "");
  }
  return md.join("\n");
}

// ----------------------------------------------------------------------------- entry point
async function main() {
  let opts;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`run.mjs: ${err.message}`);
    process.exit(2);
  }
  const engines = opts.engines ?? ENGINE_ORDER.filter((e) => e !== "lua54" || LUA54);
  // report columns always in the canonical order
  engines.sort((a, b) => ENGINE_ORDER.indexOf(a) - ENGINE_ORDER.indexOf(b));
  const programs = PROGRAMS.filter((p) => !opts.bench || opts.bench.includes(p.name)).map((p) => ({
    ...p,
    runSize: opts.sizes[p.name] ?? (opts.quick ? p.quick : p.size),
  }));

  const meta = {
    date: new Date().toISOString(),
    cpu: `${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}`,
    versions: Object.fromEntries(
      engines.map((e) => [e, ENGINES[e].problem() ? `unavailable: ${ENGINES[e].problem()}` : ENGINES[e].version()]),
    ),
  };
  log(`engines: ${engines.join(", ")}; programs: ${programs.map((p) => p.name).join(", ")}; runs: ${opts.runs}`);

  const results = await runPrograms(programs, engines, opts);
  const report = buildReport(programs, engines, results, opts, meta);

  const ctx = {
    root: ROOT,
    benchDir: BENCH_DIR,
    luaDir: LUA_DIR,
    options: opts,
    engines: engines.map((name) => ({
      name,
      ...ENGINES[name],
      available: !ENGINES[name].problem(),
    })),
    programs,
    results,
    measure,
    median,
    geomean,
    fmtSecs,
    fmtRatio,
    markdownTable,
    log,
  };
  const sections = await runSections(ctx, opts);

  let markdown = report.markdown;
  for (const s of sections) markdown += `\n${renderSection(s)}`;
  process.stdout.write(`${markdown.trimEnd()}\n`);

  if (opts.json) {
    const data = {
      meta: { ...meta, node: process.version, options: opts, gnuTime: !!GNU_TIME },
      programs: programs.map((p) => ({
        name: p.name,
        size: p.runSize,
        reference: results[p.name]._ref,
        engines: Object.fromEntries(engines.map((e) => [e, results[p.name][e]])),
      })),
      summary: report.summary,
      problems: report.problems,
      sections,
    };
    fs.mkdirSync(path.dirname(path.resolve(opts.json)), { recursive: true });
    fs.writeFileSync(opts.json, `${JSON.stringify(data, null, 2)}\n`);
    log(`wrote ${opts.json}`);
  }

  if (report.problems.mismatches.length) {
    log(
      `\n!!! CHECKSUM MISMATCH in ${report.problems.mismatches.length} result(s): ${report.problems.mismatches.map((m) => `${m.program}/${m.engine}`).join(", ")} !!!`,
    );
  }
  const sectionErrors = sections.filter((s) => !s.ok).length;
  process.exitCode = report.problems.mismatches.length || report.problems.errors.length || sectionErrors ? 1 : 0;
}

// Children run in their own process groups (so timeouts can kill them whole); if the driver
// is interrupted, take them down too.
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {}
    }
    process.exit(130);
  });
}

// Run only when executed directly, so sections or tools may import the helpers above.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    // last resort: the driver itself broke; still say so clearly
    console.error(`run.mjs: internal error: ${err?.stack ?? err}`);
    process.exit(3);
  });
}
