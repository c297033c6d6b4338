// Loading a .endymion.json project: parse with positions, validate against the shipped
// schema, check every cross-reference (handler -> script and entry, scenario -> handler,
// mock -> host function), read and compile the scripts, compile the declared schemas and
// layer the config. Every problem is reported with file:line:col and its JSON path.

import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import type { ValidateFunction } from "ajv";
import { EndymionRuntime, type RuntimeLimits, type RuntimeOptions } from "../runtime.js";
import { type ConfigLayers, layerConfig } from "./config.js";
import { type Issue, IssueError, JsonDocument, type JsonPath } from "./json.js";
import { compileUserSchema, didYouMean, newAjv, projectSchemaValidator, schemaProblems } from "./schema.js";

export interface HandlerDef {
  script: string;
  entry?: string;
  dehydrateAfter?: number;
}

export interface HostFunctionDef {
  description?: string;
  args?: unknown;
  returns?: unknown;
  cli?: { exec: string; timeout?: number };
}

export interface MockDef {
  returns?: unknown;
  error?: string;
  delay?: number;
}

export interface ScenarioDef {
  description?: string;
  handler: string;
  input?: unknown;
  dehydrateAfter?: number;
  config?: Record<string, unknown>;
  mocks?: Record<string, MockDef[]>;
  expect?: { result?: unknown; error?: string; calls?: Record<string, number>; emits?: unknown[] };
}

export interface ProjectFile {
  name?: string;
  scripts: Record<string, string>;
  handlers: Record<string, HandlerDef>;
  hostFunctions?: Record<string, HostFunctionDef>;
  configSchema?: unknown;
  config?: Record<string, unknown>;
  runtime?: { namespace?: string; stdlib?: string[]; limits?: RuntimeLimits };
  scenarios?: Record<string, ScenarioDef>;
  state?: { backend?: "file"; path?: string };
  log?: { level?: "debug" | "info" | "warn" | "error"; format?: "pretty" | "json" };
  fuzz?: unknown;
}

export interface ScriptInfo {
  name: string;
  /** Path as written in the project file. */
  path: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the current folder, for messages. */
  display: string;
  /** The source bytes. */
  source: Buffer;
  /** Handler names the script exports. */
  handlers: string[];
}

export interface HostFunction {
  name: string;
  def: HostFunctionDef;
  args?: ValidateFunction;
  returns?: ValidateFunction;
}

export const ALL_STDLIB = ["base", "string", "table", "math", "utf8", "coroutine", "os"];

export class Project {
  readonly name: string;
  readonly dir: string;
  readonly scripts = new Map<string, ScriptInfo>();
  readonly hostFunctions = new Map<string, HostFunction>();
  /** The layered config (base < overlays < --set), validated against configSchema. */
  config: Record<string, unknown> = {};
  configValidator: ValidateFunction | undefined;

  constructor(
    readonly file: string,
    readonly doc: JsonDocument,
    readonly def: ProjectFile,
  ) {
    this.dir = dirname(file);
    this.name = def.name ?? basename(file).replace(/\.endymion\.json$|\.json$/, "");
  }

  get namespace(): string {
    return this.def.runtime?.namespace ?? "sys";
  }

  get stdlib(): string[] {
    return this.def.runtime?.stdlib ?? ALL_STDLIB;
  }

  /** The line of a JSON path in the project file. */
  line(path: JsonPath): number {
    return this.doc.locate(path).line;
  }

  /** A runtime with the project's libraries, namespace, limits, scripts and config. */
  createRuntime(opts: { config?: Record<string, unknown>; options?: RuntimeOptions } = {}): EndymionRuntime {
    const rt = new EndymionRuntime(opts.options ?? {});
    rt.openLibs(this.stdlib);
    rt.registerNamespace(this.namespace);
    const lim = this.def.runtime?.limits;
    if (lim) rt.setLimits(lim);
    for (const s of this.scripts.values()) rt.loadScriptSource(s.name, s.source, s.display);
    rt.setConfig(opts.config ?? this.config);
    return rt;
  }

  /** The exported handler name a project handler runs. */
  entry(handler: string): string {
    const h = this.def.handlers[handler];
    return h.entry ?? handler;
  }
}

export interface LoadOptions extends ConfigLayers {
  /** Skip reading and compiling scripts (for `config`). */
  skipScripts?: boolean;
}

/** Loads and checks a project file; throws IssueError listing every problem found. */
export function loadProject(path: string, opts: LoadOptions = {}): Project {
  const file = resolve(path);
  const display = relative(process.cwd(), file) || path;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new IssueError([
      { file: display, line: 0, column: 0, pointer: "", message: `cannot read project file: ${why}` },
    ]);
  }
  const doc = new JsonDocument(display, text);
  const issues: Issue[] = [];
  const validate = projectSchemaValidator();
  if (!validate(doc.value)) {
    for (const p of schemaProblems(validate.errors)) issues.push(doc.issue(p.path, p.message));
    throw new IssueError(issues);
  }
  const def = doc.value as ProjectFile;
  const project = new Project(file, doc, def);
  const at = (p: JsonPath, m: string) => issues.push(doc.issue(p, m));
  const scriptNames = Object.keys(def.scripts);
  const handlerNames = Object.keys(def.handlers);
  const hostNames = Object.keys(def.hostFunctions ?? {});

  // schemas the project declares
  const ajv = newAjv();
  for (const [name, hf] of Object.entries(def.hostFunctions ?? {})) {
    const fn: HostFunction = { name, def: hf };
    for (const which of ["args", "returns"] as const) {
      if (hf[which] === undefined) continue;
      const v = compileUserSchema(ajv, hf[which]);
      if (typeof v === "string") at(["hostFunctions", name, which], v);
      else fn[which] = v;
    }
    project.hostFunctions.set(name, fn);
  }
  if (def.configSchema !== undefined) {
    const v = compileUserSchema(ajv, def.configSchema);
    if (typeof v === "string") at(["configSchema"], v);
    else project.configValidator = v;
  }

  // handlers -> scripts
  for (const [name, h] of Object.entries(def.handlers)) {
    if (!(h.script in def.scripts)) {
      at(["handlers", name, "script"], `unknown script '${h.script}'${didYouMean(h.script, scriptNames)}`);
    }
  }
  // scenarios -> handlers, mocks -> host functions
  for (const [name, sc] of Object.entries(def.scenarios ?? {})) {
    if (!(sc.handler in def.handlers)) {
      at(["scenarios", name, "handler"], `unknown handler '${sc.handler}'${didYouMean(sc.handler, handlerNames)}`);
    }
    for (const fn of Object.keys(sc.mocks ?? {})) {
      if (!hostNames.includes(fn)) {
        at(["scenarios", name, "mocks", fn], `unknown host function '${fn}'${didYouMean(fn, hostNames)}`);
      }
    }
    for (const fn of Object.keys(sc.expect?.calls ?? {})) {
      if (!hostNames.includes(fn)) {
        at(["scenarios", name, "expect", "calls", fn], `unknown host function '${fn}'${didYouMean(fn, hostNames)}`);
      }
    }
    sc.mocks &&
      Object.entries(sc.mocks).forEach(([fn, list]) => {
        const hf = project.hostFunctions.get(fn);
        list.forEach((m, i) => {
          if (m.returns !== undefined && hf?.returns && !hf.returns(m.returns)) {
            const p = schemaProblems(hf.returns.errors, ["scenarios", name, "mocks", fn, i, "returns"])[0];
            if (p) at(p.path, `mock result does not match hostFunctions.${fn}.returns: ${p.message}`);
          }
        });
      });
  }

  // fuzz section -> scenarios and host functions
  const fz = def.fuzz as
    | { scenarios?: Record<string, { invariants?: { maxCalls?: object } }>; invariants?: { maxCalls?: object } }
    | undefined;
  const scenarioNames = Object.keys(def.scenarios ?? {});
  for (const name of Object.keys(fz?.scenarios ?? {})) {
    if (!scenarioNames.includes(name)) {
      at(["fuzz", "scenarios", name], `unknown scenario '${name}'${didYouMean(name, scenarioNames)}`);
    }
  }
  const maxCallsRefs: [(string | number)[], object | undefined][] = [
    [["fuzz", "invariants", "maxCalls"], fz?.invariants?.maxCalls],
    ...Object.entries(fz?.scenarios ?? {}).map(
      ([n, s]) =>
        [["fuzz", "scenarios", n, "invariants", "maxCalls"], s.invariants?.maxCalls] as [
          (string | number)[],
          object | undefined,
        ],
    ),
  ];
  for (const [path, mc] of maxCallsRefs) {
    for (const fn of Object.keys(mc ?? {})) {
      if (!hostNames.includes(fn)) at([...path, fn], `unknown host function '${fn}'${didYouMean(fn, hostNames)}`);
    }
  }

  // config layering
  let layered = true;
  try {
    project.config = layerConfig(def.config ?? {}, opts);
  } catch (e) {
    if (e instanceof IssueError) issues.push(...e.issues);
    else throw e;
    layered = false;
  }
  if (layered && project.configValidator && !project.configValidator(project.config)) {
    for (const p of schemaProblems(project.configValidator.errors)) {
      issues.push({
        file: display,
        ...doc.locate(["config", ...p.path]),
        pointer: `/config${p.path.length ? `/${p.path.join("/")}` : ""}`,
        message: `config does not match configSchema: ${p.message}`,
      });
    }
  }

  // scripts: read, compile, run to learn their handlers
  if (!opts.skipScripts) {
    const rt = new EndymionRuntime();
    rt.openLibs(project.stdlib);
    rt.registerNamespace(project.namespace);
    for (const [name, p] of Object.entries(def.scripts)) {
      const abs = resolve(project.dir, p);
      const rel = relative(process.cwd(), abs) || p;
      if (!existsSync(abs)) {
        at(["scripts", name], `script file not found: ${rel}`);
        continue;
      }
      const source = readFileSync(abs);
      let handlers: string[];
      try {
        handlers = rt.loadScriptSource(name, source, rel);
      } catch (e) {
        at(["scripts", name], `script '${name}' does not load: ${(e as Error).message}`);
        continue;
      }
      project.scripts.set(name, { name, path: p, file: abs, display: rel, source, handlers });
    }
    for (const [name, h] of Object.entries(def.handlers)) {
      const s = project.scripts.get(h.script);
      if (!s) continue;
      const entry = h.entry ?? name;
      if (!s.handlers.includes(entry)) {
        at(
          ["handlers", name, h.entry ? "entry" : "script"],
          `script '${h.script}' exports no handler '${entry}'${didYouMean(entry, s.handlers)}${
            s.handlers.length ? ` (it exports: ${s.handlers.join(", ")})` : ""
          }`,
        );
      }
    }
  }
  if (issues.length > 0) throw new IssueError(issues);
  return project;
}
