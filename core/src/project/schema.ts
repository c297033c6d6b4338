// JSON Schema validation with ajv (draft 2020-12): the project file's own schema, and the
// schemas a project declares (configSchema, host function args/returns).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import * as AjvModule from "ajv/dist/2020.js";
import { closest, distance } from "fastest-levenshtein";
import { fromPointer, type JsonPath } from "./json.js";

const Ajv2020 = AjvModule.default as unknown as typeof AjvModule.Ajv2020;
type AjvInstance = InstanceType<typeof Ajv2020>;

/** Path of the project file's JSON Schema, shipped in the package. */
export const PROJECT_SCHEMA_PATH = fileURLToPath(new URL("../../schema/endymion.schema.json", import.meta.url));

let projectValidator: ValidateFunction | undefined;

export function newAjv(): AjvInstance {
  return new Ajv2020({ allErrors: true, strict: false, verbose: true });
}

/** The validator of .endymion.json files. */
export function projectSchemaValidator(): ValidateFunction {
  if (projectValidator === undefined) {
    const schema = JSON.parse(readFileSync(PROJECT_SCHEMA_PATH, "utf8"));
    projectValidator = newAjv().compile(schema);
  }
  return projectValidator as ValidateFunction;
}

/** "did you mean 'x'?" when a candidate is close enough. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  if (list.length === 0) return "";
  const best = closest(word, list);
  const d = distance(word, best);
  return d <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean '${best}'?)` : "";
}

/** One ajv error as a path and a readable message. */
export interface SchemaProblem {
  path: JsonPath;
  message: string;
}

/** Turns ajv's errors into problems, dropping the noise of combinators. */
export function schemaProblems(errors: ErrorObject[] | null | undefined, base: JsonPath = []): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === "if" || e.keyword === "anyOf" || e.keyword === "oneOf" || e.keyword === "$ref") continue;
    const path = [...base, ...fromPointer(e.instancePath)];
    let message: string;
    switch (e.keyword) {
      case "additionalProperties": {
        const prop = (e.params as { additionalProperty: string }).additionalProperty;
        path.push(prop);
        const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
        message = `unknown property '${prop}'${didYouMean(prop, known)}`;
        break;
      }
      case "required":
        message = `missing required property '${(e.params as { missingProperty: string }).missingProperty}'`;
        break;
      case "enum": {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
        const v = e.data;
        message = `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}${
          typeof v === "string" ? didYouMean(v, allowed.map(String)) : ""
        }`;
        break;
      }
      case "type":
        message = `must be ${(e.params as { type: string }).type}, got ${jsonType(e.data)}`;
        break;
      case "not":
        message = "must not have both 'returns' and 'error'";
        break;
      default:
        message = e.message ?? `fails ${e.keyword}`;
    }
    const key = `${path.join("/")}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}

export function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** Compiles a user schema; returns the validator or the compile error's message. */
export function compileUserSchema(ajv: AjvInstance, schema: unknown): ValidateFunction | string {
  try {
    return ajv.compile(schema as object);
  } catch (e) {
    return `invalid JSON Schema: ${(e as Error).message}`;
  }
}
