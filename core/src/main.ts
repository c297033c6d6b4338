// The `endymion` command line (cli.ts loads it for every command but `endymion lua <file>`). Exit codes: 0 success, 1 a handler error or failed test,
// 2 a usage or project error. Errors are one line each; --verbose adds stack traces.

import { StateError } from "@endymion/native";
import { Command, CommanderError, Option } from "commander";
import { type FuzzCommandOptions, fuzzCommand } from "./commands/fuzz.js";
import { configCommand, listCommand, validateCommand } from "./commands/project.js";
import { type RunOptions, resumeCommand, runCommand } from "./commands/run.js";
import { UsageError } from "./commands/state-io.js";
import { type TestOptions, testCommand } from "./commands/test.js";
import { watchCommand } from "./commands/watch.js";
import { runLuaCommand } from "./lua/command.js";
import { IssueError } from "./project/json.js";

const verbose = process.argv.includes("--verbose");

// a closed pipe (`endymion test ... | head`) ends the command quietly
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

/** Prints an error as one clear line (or its issues, one per line); returns the exit code. */
function report(e: unknown): number {
  if (e instanceof IssueError) {
    for (const line of e.message.split("\n")) process.stderr.write(`error: ${line}\n`);
    return 2;
  }
  if (e instanceof StateError) {
    process.stderr.write(`error: cannot use the state: ${e.message} [${e.code}]\n`);
    return 2;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n`);
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`error: ${msg}\n`);
  if (verbose && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return 2;
}

function run(f: () => number): void {
  try {
    process.exitCode = f();
  } catch (e) {
    process.exitCode = report(e);
  }
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** Options shared by the commands that load a project's config. */
function configOptions(c: Command): Command {
  return c
    .option("--config-overlay <file>", "JSON file layered over the project's config (repeatable)", collect, [])
    .option("--set <path=value>", "set a config value, e.g. db.port=5432 (repeatable; JSON values)", collect, [])
    .option("--verbose", "show stack traces of internal errors");
}

function loadOpts(o: { configOverlay?: string[]; set?: string[] }) {
  return { overlays: o.configOverlay ?? [], sets: o.set ?? [] };
}

function intOption(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got '${v}'`);
    return n;
  };
}

const program = new Command();
program
  .name("endymion")
  .description("Lua 5.4 runtime for serverless workflows whose VM sleeps between host calls")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

configOptions(
  program
    .command("run")
    .alias("call")
    .description("run a handler to completion, fulfilling host calls with their cli.exec; prints the result as JSON")
    .argument("<project>", "project file (.endymion.json)")
    .argument("<handler>", "handler name")
    .argument("[input]", "input as JSON (default {})")
    .addOption(
      new Option("--dehydrate-after <n>", "stop after n host calls and write the state").argParser(
        intOption("--dehydrate-after"),
      ),
    )
    .option("--state <dest>", "where the state goes: a file, a directory (a new file inside) or - (stdout)"),
).action(
  (
    project: string,
    handler: string,
    input: string | undefined,
    o: RunOptions & { configOverlay: string[]; set: string[] },
  ) => run(() => runCommand(project, handler, input, { ...o, ...loadOpts(o) })),
);

configOptions(
  program
    .command("resume")
    .description("continue a handler from a saved state")
    .argument("<project>", "project file (.endymion.json)")
    .requiredOption("--state <source>", "the state: a file or - (stdin)")
    .addOption(
      new Option("--dehydrate-after <n>", "stop again after n more host calls").argParser(
        intOption("--dehydrate-after"),
      ),
    )
    .option("--out <dest>", "where a new state goes (default: the --state file)"),
).action((project: string, o: RunOptions & { configOverlay: string[]; set: string[] }) =>
  run(() => resumeCommand(project, { ...o, ...loadOpts(o) })),
);

configOptions(
  program
    .command("watch")
    .description("run a handler, and again whenever the project file or its scripts change")
    .argument("<project>", "project file (.endymion.json)")
    .argument("<handler>", "handler name")
    .argument("[input]", "input as JSON (default {})"),
).action(
  (project: string, handler: string, input: string | undefined, o: { configOverlay: string[]; set: string[] }) => {
    watchCommand(project, handler, input, { ...o, ...loadOpts(o) }, report);
  },
);

configOptions(
  program
    .command("validate")
    .description("check a project file: schema, references, scripts, config")
    .argument("<project>", "project file (.endymion.json)"),
).action((project: string, o: { configOverlay: string[]; set: string[] }) =>
  run(() => validateCommand(project, loadOpts(o))),
);

configOptions(
  program
    .command("list")
    .description("list the scripts, handlers, host functions and scenarios of a project")
    .argument("<project>", "project file (.endymion.json)")
    .option("--json", "print JSON"),
).action((project: string, o: { configOverlay: string[]; set: string[]; json?: boolean }) =>
  run(() => listCommand(project, { ...loadOpts(o), json: o.json })),
);

configOptions(
  program
    .command("config")
    .description("print the layered config (base < --config-overlay files < --set), validated by configSchema")
    .argument("<project>", "project file (.endymion.json)"),
).action((project: string, o: { configOverlay: string[]; set: string[] }) =>
  run(() => configCommand(project, loadOpts(o))),
);

configOptions(
  program
    .command("test")
    .description(
      "run the scenarios of project files (or folders of *.endymion.json) straight and with a round trip at every yield",
    )
    .argument("<paths...>", "project files or folders")
    .option("--scenario <glob>", "only scenarios whose name matches (repeatable)", collect, [])
    .option("--bail", "stop at the first failing scenario")
    .addOption(
      new Option("--format <format>", "report format").choices(["pretty", "tap", "json", "junit"]).default("pretty"),
    )
    .option("--output <file>", "write the report to a file")
    .option("--no-roundtrip", "run each scenario straight only"),
).action((paths: string[], o: TestOptions & { configOverlay: string[]; set: string[] }) =>
  run(() => testCommand(paths, { ...o, ...loadOpts(o) })),
);

configOptions(
  program
    .command("fuzz")
    .description(
      "search mock orderings, injected host errors, schema-generated responses and round-trip points for failures",
    )
    .argument("<project>", "project file (.endymion.json)")
    .option("--scenario <glob>", "only scenarios whose name matches (repeatable)", collect, [])
    .addOption(
      new Option("--runs <n>", "cases per scenario (default: fuzz.runs or 100)").argParser(intOption("--runs")),
    )
    .addOption(new Option("--seed <n>", "seed (printed on every run)").argParser(intOption("--seed")))
    .addOption(
      new Option("--time-limit <ms>", "stop each scenario's search after this long").argParser(
        intOption("--time-limit"),
      ),
    )
    .option("--replay <case>", "run exactly the case a failure printed")
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty")),
).action((project: string, o: FuzzCommandOptions & { configOverlay: string[]; set: string[] }) =>
  run(() => fuzzCommand(project, { ...o, ...loadOpts(o) })),
);

program
  .command("lua")
  .description(
    "run Lua like the lua binary: lua [options] [script [args...]]; options -e stat, -l mod, -l g=mod, -i, -v, -E, -W, --, - (as lua.c)",
  )
  .argument(
    "[script]",
    "Lua file to run ('-': standard input; nothing: the interactive loop on a terminal, else standard input)",
  )
  .argument("[args...]", "arguments, available as arg[1..] and ...")
  .allowUnknownOption()
  .helpOption("--help, --endymion-help", "show help for this command (as the first argument)")
  .action((script: string | undefined, args: string[]) => {
    process.exitCode = runLuaCommand(script === undefined ? [] : [script, ...args]);
  });

try {
  program.parse(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    process.exitCode = report(e);
  }
}
