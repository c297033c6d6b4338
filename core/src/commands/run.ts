// `endymion run` and `endymion resume`: run a handler to completion, fulfilling host calls
// through their cli.exec, printing sys.log and sys.emit on stderr and the result as JSON on
// stdout; or stop after N host calls and write the state, and continue it later.

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import pc from "picocolors";
import { execHostFunction, toJsonValue } from "../project/hosts.js";
import { type LoadOptions, loadProject, type Project } from "../project/project.js";
import { didYouMean } from "../project/schema.js";
import type { HandlerSession } from "../runtime.js";
import { readState, UsageError, writeState } from "./state-io.js";

export interface RunOptions extends LoadOptions {
  dehydrateAfter?: number;
  state?: string;
  /** resume: where the next state goes (default: the --state file it came from). */
  out?: string;
  verbose?: boolean;
}

const LEVELS = ["debug", "info", "warn", "error"];

/** Writes sys.log and sys.emit lines to stderr in the project's log format. */
export class Logger {
  private readonly min: number;
  private readonly json: boolean;
  private readonly color: boolean;
  constructor(project: Project, stream: NodeJS.WriteStream = process.stderr) {
    this.min = LEVELS.indexOf(project.def.log?.level ?? "info");
    this.json = project.def.log?.format === "json";
    this.color = stream.isTTY === true && !process.env.NO_COLOR;
    this.stream = stream;
  }
  private readonly stream: NodeJS.WriteStream;

  log(handler: string, level: string, message: string): void {
    if (LEVELS.indexOf(level) < this.min) return;
    if (this.json) {
      this.stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, handler, message })}\n`);
      return;
    }
    const paint = !this.color
      ? (s: string) => s
      : level === "error"
        ? pc.red
        : level === "warn"
          ? pc.yellow
          : level === "debug"
            ? pc.gray
            : pc.cyan;
    this.stream.write(`${paint(level.toUpperCase().padEnd(5))} [${handler}] ${message}\n`);
  }

  emit(handler: string, name: string, payload: unknown): void {
    const data = toJsonValue(payload);
    if (this.json) {
      this.stream.write(`${JSON.stringify({ time: new Date().toISOString(), event: name, handler, payload: data })}\n`);
      return;
    }
    const tag = this.color ? pc.magenta("EVENT") : "EVENT";
    this.stream.write(`${tag} [${handler}] ${name} ${JSON.stringify(data)}\n`);
  }
}

/** Parses the input argument (JSON; nothing means {}). */
export function parseInput(input: string | undefined): unknown {
  if (input === undefined) return {};
  try {
    return JSON.parse(input);
  } catch (e) {
    throw new UsageError(`input is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Drives a session: fulfils host calls until it ends, or until `stopAfter` host calls have
 * been made, when it returns "suspended" (the session is yielded at the next call).
 */
export function drive(
  project: Project,
  session: HandlerSession,
  logger: Logger,
  stopAfter: number | undefined,
): "done" | "suspended" {
  let calls = 0;
  while (session.status === "yielded") {
    const cmd = session.command;
    if (!cmd) break;
    if (cmd.type === "log") {
      logger.log(session.handler, cmd.level, cmd.message);
      session.resumeVoid();
    } else if (cmd.type === "emit") {
      logger.emit(session.handler, cmd.name, cmd.payload);
      session.resumeVoid();
    } else {
      if (stopAfter !== undefined && calls >= stopAfter) return "suspended";
      calls++;
      const r = execHostFunction(project, cmd.name, cmd.payload);
      if (r.ok) session.resume(r.value);
      else session.resumeError(r.error);
    }
  }
  return "done";
}

/** Prints the outcome of a finished session; returns the exit code. */
function finish(session: HandlerSession): number {
  if (session.status === "completed") {
    process.stdout.write(`${JSON.stringify(toJsonValue(session.result) ?? null, null, 2)}\n`);
    return 0;
  }
  process.stderr.write(`error: handler '${session.handler}' failed: ${session.errorMessage}\n`);
  return 1;
}

/** The destination of a state: --state, else the project's state folder. */
function stateDestination(project: Project, state: string | undefined): string {
  if (state) return state;
  const st = project.def.state;
  if (st?.path) {
    // the project's state folder: created on first use
    const dir = resolve(project.dir, st.path);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new UsageError(`cannot create the state folder ${st.path}: ${(e as Error).message}`);
    }
    return dir;
  }
  throw new UsageError("--dehydrate-after needs --state <file|dir|-> (or a state.path in the project file)");
}

function suspend(rt: ReturnType<Project["createRuntime"]>, session: HandlerSession, dest: string): number {
  const bytes = rt.dehydrate();
  const where = writeState(dest, bytes, session.handler);
  const cmd = session.command;
  const at = cmd?.type === "invoke" ? ` at host call '${cmd.name}'` : "";
  if (where !== "-") {
    if (dest !== where) process.stdout.write(`${where}\n`);
    process.stderr.write(`state of handler '${session.handler}' saved${at}: ${where} (${bytes.length} bytes)\n`);
  }
  return 0;
}

export function runCommand(projectPath: string, handler: string, input: string | undefined, opts: RunOptions): number {
  const project = loadProject(projectPath, opts);
  if (!(handler in project.def.handlers)) {
    const names = Object.keys(project.def.handlers);
    throw new UsageError(
      `unknown handler '${handler}' in ${projectPath}${didYouMean(handler, names)} (handlers: ${names.join(", ")})`,
    );
  }
  const arg = parseInput(input);
  const stopAfter = opts.dehydrateAfter ?? project.def.handlers[handler].dehydrateAfter;
  const dest = stopAfter !== undefined ? stateDestination(project, opts.state) : undefined;
  const rt = project.createRuntime();
  const session = rt.startHandler(project.entry(handler), arg);
  const logger = new Logger(project);
  if (drive(project, session, logger, stopAfter) === "suspended") return suspend(rt, session, dest as string);
  if (stopAfter !== undefined) {
    process.stderr.write(`note: handler '${handler}' finished before ${stopAfter} host calls; no state was written\n`);
  }
  return finish(session);
}

export function resumeCommand(projectPath: string, opts: RunOptions): number {
  if (!opts.state) throw new UsageError("resume needs --state <file|->");
  const project = loadProject(projectPath, opts);
  const bytes = readState(opts.state);
  const rt = project.createRuntime();
  rt.hydrate(bytes);
  rt.setConfig(project.config);
  const session = rt.startHydratedSession();
  const logger = new Logger(project);
  const stopAfter = opts.dehydrateAfter;
  if (drive(project, session, logger, stopAfter) === "suspended") {
    return suspend(rt, session, opts.out ?? opts.state);
  }
  return finish(session);
}
