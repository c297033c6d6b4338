#!/usr/bin/env node
// The `endymion` command line.

import { Command } from "commander";
import { runLuaCommand } from "./lua/command.js";

const program = new Command();
program.name("endymion").description("Lua 5.4 runtime for serverless workflows whose VM sleeps between host calls");

program
  .command("lua")
  .description("run a Lua script like the lua binary: lua [script [args...]]")
  .argument("[script]", "Lua file to run ('-' or nothing: standard input)")
  .argument("[args...]", "arguments, available as arg[1..] and ...")
  .allowUnknownOption()
  .helpOption("--endymion-help", "show help for this command")
  .action((script: string | undefined, args: string[]) => {
    const code = runLuaCommand(script, args);
    process.exitCode = code;
  });

// `endymion lua` passes everything after the script through untouched
const argv = process.argv.slice();
const li = argv.indexOf("lua", 2);
if (li === 2 && argv.length > 3) {
  const code = runLuaCommand(argv[3], argv.slice(4));
  process.exit(code);
} else {
  program.parseAsync(argv).catch((e) => {
    process.stderr.write(`endymion: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
