// `endymion watch`: run a handler, then run it again whenever the project file or one of its
// scripts changes (debounced). Errors are printed and watching goes on.

import { resolve } from "node:path";
import { watch as chokidarWatch } from "chokidar";
import { IssueError } from "../project/json.js";
import { loadProject } from "../project/project.js";
import { type RunOptions, runCommand } from "./run.js";

export interface WatchOptions extends RunOptions {
  /** Milliseconds to wait after the last change. */
  debounce?: number;
}

/** Runs until interrupted; returns a function that stops watching (for tests). */
export function watchCommand(
  projectPath: string,
  handler: string,
  input: string | undefined,
  opts: WatchOptions,
  report: (e: unknown) => void,
): () => Promise<void> {
  const projectFile = resolve(projectPath);
  const watcher = chokidarWatch([projectFile], { ignoreInitial: true });
  let watched = new Set<string>([projectFile]);
  let timer: NodeJS.Timeout | undefined;

  const scriptsOf = (): string[] => {
    try {
      const p = loadProject(projectPath, { ...opts, skipScripts: true });
      return Object.values(p.def.scripts).map((f) => resolve(p.dir, f));
    } catch {
      return [];
    }
  };

  const rewatch = () => {
    const want = new Set([projectFile, ...scriptsOf()]);
    for (const f of want) if (!watched.has(f)) watcher.add(f);
    for (const f of watched) if (!want.has(f)) watcher.unwatch(f);
    watched = want;
  };

  const once = () => {
    process.stderr.write(`--- running ${handler} (${new Date().toLocaleTimeString()}) ---\n`);
    let done: string;
    try {
      const code = runCommand(projectPath, handler, input, { ...opts, dehydrateAfter: undefined });
      done = `exit ${code}`;
    } catch (e) {
      report(e);
      done = e instanceof IssueError ? "project errors" : "failed";
    }
    // watch the scripts the project names now, before saying that we are watching
    rewatch();
    process.stderr.write(`--- ${done}; watching for changes ---\n`);
  };

  watcher.on("all", () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(once, opts.debounce ?? 150);
  });
  watcher.on("ready", once);
  return async () => {
    if (timer) clearTimeout(timer);
    await watcher.close();
  };
}
