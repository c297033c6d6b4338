// The Vite plugin: a `*.endymion.json` module becomes a test module with a `describe` per
// project and an `it` per scenario and mode. The generated code carries a source map back to
// the project file, so a failing `it` is reported at its scenario's line.

import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { addMapping, GenMapping, setSourceContent, toEncodedMap } from "@jridgewell/gen-mapping";
import { IssueError, loadProject, selectScenarios } from "endymion";
import type { Plugin } from "vitest/config";
import { modesOf, type SuiteOptions } from "./suite.js";

export interface EndymionPluginOptions extends SuiteOptions {
  /** Which module ids are project files (default: ids ending in `.endymion.json`). */
  include?: RegExp;
}

const PROJECT_FILE = /\.endymion\.json$/;
// forward slashes: an import specifier Vite resolves on Windows too
const SUITE_MODULE = fileURLToPath(new URL("./suite.js", import.meta.url)).replace(/\\/g, "/");

interface Position {
  line: number;
  column: number;
}

/** Generated JS with a source map whose every mapped line points at a position of the project file. */
class Generated {
  private readonly lines: string[] = [];
  private readonly map: GenMapping;

  constructor(private readonly file: string) {
    this.map = new GenMapping({ file: `${basename(file)}.js` });
  }

  add(code: string, at?: Position): void {
    this.lines.push(code);
    if (at) {
      addMapping(this.map, {
        generated: { line: this.lines.length, column: 0 },
        source: this.file,
        original: { line: Math.max(1, at.line), column: Math.max(0, at.column - 1) },
      });
    }
  }

  result(source: string) {
    setSourceContent(this.map, this.file, source);
    return { code: `${this.lines.join("\n")}\n`, map: JSON.stringify(toEncodedMap(this.map)) };
  }
}

const str = (v: unknown) => JSON.stringify(v);

/** The test module for a project file. */
export function generateTestModule(
  file: string,
  options: SuiteOptions,
  watch: (file: string) => void = () => {},
): { code: string; map: string } {
  const source = readFileSync(file, "utf8");
  const out = new Generated(file);
  out.add(MARKER);
  out.add(`import { describe, expect, it } from "vitest";`);
  out.add(`import { loadSuite } from ${str(SUITE_MODULE)};`);
  for (const o of options.overlays ?? []) watch(resolve(o));
  let project: ReturnType<typeof loadProject>;
  try {
    project = loadProject(file, { skipScripts: true, overlays: options.overlays, sets: options.sets });
  } catch (e) {
    const first = e instanceof IssueError ? e.issues.find((i) => i.line > 0) : undefined;
    const message = `${basename(file)} does not load:\n${e instanceof Error ? e.message : String(e)}`;
    out.add(`throw new Error(${str(message)});`, first ?? { line: 1, column: 1 });
    return out.result(source);
  }
  for (const p of Object.values(project.def.scripts)) watch(resolve(project.dir, p));
  const suiteOptions: SuiteOptions = {
    scenarios: options.scenarios,
    roundtrip: options.roundtrip,
    overlays: options.overlays?.map((o) => resolve(o)),
    sets: options.sets,
  };
  out.add(`const suite = loadSuite(${str(file)}, ${str(suiteOptions)});`);
  out.add(`describe(${str(project.name)}, () => {`, project.doc.locate(project.def.name ? ["name"] : []));
  const names = selectScenarios(project, options.scenarios);
  for (const name of names) {
    const at = project.doc.locate(["scenarios", name]);
    for (const mode of modesOf(options)) {
      out.add(
        `  it(${str(`${name} [${mode}]`)}, () => { const v = suite.verdict(${str(name)}, ${str(mode)}); ` +
          `if (v.result) expect(v.result.actual, v.result.message).toEqual(v.result.expected); ` +
          `if (v.message) throw new Error(v.message); });`,
        at,
      );
    }
  }
  if (names.length === 0) out.add(`  it.skip("no scenarios selected", () => {});`);
  out.add(`});`);
  return out.result(source);
}

/** The first line of every generated module, to recognise one. */
const MARKER = "// @endymion/vitest test module";

/**
 * Makes `*.endymion.json` files vitest test files. Add it to `plugins` in vitest.config and
 * `"**\/*.endymion.json"` to `test.include`.
 *
 * Vite's own JSON plugin also claims `.json` ids. On Vite 8 (Rolldown) the project file is
 * loaded here as a JS module (`moduleType: "js"`), which the JSON plugin leaves alone. On
 * older Vite the JSON plugin runs first and its output is replaced in a late transform
 * (the incoming code is ignored: the project file is read here), dropping the JSON plugin's
 * empty source map so that ours is the one Vite keeps.
 */
export function endymion(options: EndymionPluginOptions = {}): Plugin {
  const include = options.include ?? PROJECT_FILE;
  const isProject = (id: string) => !id.includes("?") && !id.startsWith("\0") && include.test(id);
  // script and overlay files -> the project files that use them, for watch mode re-runs
  const users = new Map<string, Set<string>>();
  const generate = (id: string, watchFile: (f: string) => void) =>
    generateTestModule(id, options, (f) => {
      watchFile(f);
      let set = users.get(f);
      if (!set) users.set(f, (set = new Set()));
      set.add(id);
    });
  return {
    name: "endymion",
    config() {
      return {
        test: {
          watchTriggerPatterns: [
            {
              pattern: /[^/\\]$/,
              testsToRun: (file: string) => {
                const set = users.get(file);
                return set?.size ? [...set] : undefined;
              },
            },
          ],
        },
      };
    },
    load: {
      order: "pre",
      handler(id) {
        if (!isProject(id) || !this.meta.rolldownVersion) return null;
        return { ...generate(id, (f) => this.addWatchFile(f)), moduleType: "js" };
      },
    },
    transform: {
      order: "post",
      handler(code, id) {
        if (!isProject(id) || code.startsWith(MARKER)) return null;
        const chain = (this as unknown as { sourcemapChain?: unknown[] }).sourcemapChain;
        if (Array.isArray(chain)) chain.length = 0;
        return generate(id, (f) => this.addWatchFile(f));
      },
    },
  };
}
