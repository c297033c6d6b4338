// The package library of `endymion lua`, as loadlib.c builds it for a Lua without dynamic
// libraries: require through package.searchers (preload, Lua files on package.path, then C
// libraries on package.cpath, which are found but cannot be loaded), package.searchpath,
// loadlib, loaded, preload, path, cpath and config. Paths come from LUA_PATH_5_4/LUA_PATH and
// LUA_CPATH_5_4/LUA_CPATH (";;" stands for the default) unless -E is given.

import { closeSync, openSync } from "node:fs";
import {
  args as A,
  Closure,
  isNumber,
  type LuaState,
  LuaTable,
  type LuaValue,
  makeLib,
  NativeFunction,
  nativeError,
  numberToString,
} from "@endymion/native";

const PATH_DEFAULT =
  "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;" +
  "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;./?.lua;./?/init.lua";
const CPATH_DEFAULT = "/usr/local/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";
const DLMSG = "dynamic libraries not enabled; check your Lua installation";

/** A path from the environment (versioned name first), with ";;" replaced by the default. */
function envPath(env: (name: string) => string | undefined, name: string, dft: string): string {
  const path = env(`${name}_5_4`) ?? env(name);
  if (path === undefined) return dft;
  const at = path.indexOf(";;");
  if (at < 0) return path;
  const before = at > 0 ? `${path.slice(0, at)};` : "";
  const after = at < path.length - 2 ? `;${path.slice(at + 2)}` : "";
  return before + dft + after;
}

/** Whether a file exists and can be opened for reading (fopen(name, "r")). */
function readable(file: string): boolean {
  try {
    closeSync(openSync(Buffer.from(file, "latin1"), "r"));
    return true;
  } catch {
    return false;
  }
}

/**
 * The first readable file of a path with `name` in place of each "?" (after `sep` in the
 * name is replaced by `dirsep`), or the "no file '...'" list of what was tried.
 */
function searchPath(name: string, path: string, sep: string, dirsep: string): { file: string } | { tried: string } {
  const n = sep !== "" && name.includes(sep[0]) ? name.replaceAll(sep, dirsep) : name;
  const files = path.replaceAll("?", n);
  if (files !== "") for (const f of files.split(";")) if (readable(f)) return { file: f };
  return { tried: `no file '${files.replaceAll(";", "'\n\tno file '")}'` };
}

/** Opens the package library and require; `loadFile` loads a Lua file as a chunk. */
export function openPackage(
  L: LuaState,
  env: (name: string) => string | undefined,
  loadFile: (file: string) => LuaValue,
  loadError: (file: string, e: unknown) => string,
): void {
  const G = L.globals;
  const pkg = new LuaTable();
  const loaded = new LuaTable();
  const preload = new LuaTable();
  for (const n of ["_G", "coroutine", "table", "io", "os", "string", "math", "utf8", "debug"]) {
    const lib = n === "_G" ? G : G.get(n);
    if (lib !== undefined) loaded.set(n, lib);
  }

  /** package[field] as a string (numbers convert), or the error loadlib.c raises. */
  const pathField = (field: string): string => {
    const p = pkg.get(field);
    if (typeof p === "string") return p;
    if (isNumber(p)) return numberToString(p);
    return nativeError(`'package.${field}' must be a string`);
  };
  const loadError2 = (name: string, file: string, msg: string): never =>
    nativeError(`error loading module '${name}' from file '${file}':\n\t${msg}`);

  const searchers = makeLib(L, "package", {
    searcher_preload: (_L, args) => {
      const name = A.checkString(args, 1);
      if (preload.get(name) === undefined) return [`no field package.preload['${name}']`];
      return [preload.get(name), ":preload:"];
    },
    searcher_Lua: (_L, args) => {
      const name = A.checkString(args, 1);
      const r = searchPath(name, pathField("path"), ".", "/");
      if ("tried" in r) return [r.tried];
      let f: LuaValue;
      try {
        f = loadFile(r.file);
      } catch (e) {
        return loadError2(name, r.file, loadError(r.file, e));
      }
      return [f, r.file];
    },
    searcher_C: (_L, args) => {
      const name = A.checkString(args, 1);
      const r = searchPath(name, pathField("cpath"), ".", "/");
      if ("tried" in r) return [r.tried];
      return loadError2(name, r.file, DLMSG);
    },
    searcher_Croot: (_L, args) => {
      const name = A.checkString(args, 1);
      const dot = name.indexOf(".");
      if (dot < 0) return [];
      const r = searchPath(name.slice(0, dot), pathField("cpath"), ".", "/");
      if ("tried" in r) return [r.tried];
      return loadError2(name, r.file, DLMSG);
    },
  });
  const list = new LuaTable();
  ["searcher_preload", "searcher_Lua", "searcher_C", "searcher_Croot"].forEach((s, i) => {
    list.set(i + 1, searchers.get(s));
  });

  const lib = makeLib(L, "package", {
    loadlib: (_L, args) => {
      A.checkString(args, 1);
      A.checkString(args, 2);
      return [undefined, DLMSG, "absent"];
    },
    searchpath: (_L, args) => {
      const r = searchPath(
        A.checkString(args, 1),
        A.checkString(args, 2),
        A.optString(args, 3, "."),
        A.optString(args, 4, "/"),
      );
      return "file" in r ? [r.file] : [undefined, r.tried];
    },
  });
  for (let k = lib.next(undefined); k; k = lib.next(k[0])) pkg.set(k[0], k[1]);
  pkg.set("searchers", list);
  pkg.set("path", envPath(env, "LUA_PATH", PATH_DEFAULT));
  pkg.set("cpath", envPath(env, "LUA_CPATH", CPATH_DEFAULT));
  pkg.set("config", "/\n;\n?\n!\n-\n");
  pkg.set("loaded", loaded);
  pkg.set("preload", preload);
  // where lauxlib keeps them (LUA_LOADED_TABLE, LUA_PRELOAD_TABLE)
  L.registry.set("_LOADED", loaded);
  L.registry.set("_PRELOAD", preload);
  loaded.set("package", pkg);
  G.set("package", pkg);

  const req = makeLib(L, "", {
    require: (L, args) => {
      const name = A.checkString(args, 1);
      const have = loaded.get(name);
      if (have !== undefined && have !== false) return [have];
      // findloader: ask each searcher in turn, collecting their messages
      const all = pkg.get("searchers");
      if (!(all instanceof LuaTable)) return nativeError("'package.searchers' must be a table");
      let msg = "";
      let loader: LuaValue;
      let extra: LuaValue;
      for (let i = 1; ; i++) {
        const s = all.get(i);
        if (s === undefined) return nativeError(`module '${name}' not found:${msg}`);
        const r = L.call(s, [name]);
        if (r[0] instanceof Closure || r[0] instanceof NativeFunction) {
          loader = r[0];
          extra = r[1];
          break;
        }
        if (typeof r[0] === "string") msg += `\n\t${r[0]}`;
        else if (isNumber(r[0])) msg += `\n\t${numberToString(r[0])}`;
      }
      const v = L.call(loader, [name, extra])[0];
      if (v !== undefined) loaded.set(name, v);
      if (loaded.get(name) === undefined) loaded.set(name, true);
      return [loaded.get(name), extra];
    },
  });
  G.set("require", req.get("require"));
}
