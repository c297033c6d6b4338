// From a JSON Schema to a fast-check arbitrary of values that satisfy it, for a documented
// subset: type (one or a list), enum, const, properties/required (optional properties are
// sometimes left out), additionalProperties: false (nothing extra is generated anyway),
// items with minItems/maxItems, minimum/maximum/exclusiveMinimum/exclusiveMaximum,
// minLength/maxLength, pattern, oneOf/anyOf. Anything else is ignored: the fuzzer checks
// every generated value with ajv and drops the ones that do not validate.

import fc from "fast-check";

type Schema = Record<string, unknown> | boolean;

const JSON_LEAF = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 8 }));

/** An arbitrary of values valid for schema (within the subset above). */
export function schemaArbitrary(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (
    schema === true ||
    schema === undefined ||
    (typeof schema === "object" && schema !== null && Object.keys(schema).length === 0)
  ) {
    return depth > 2 ? JSON_LEAF : fc.oneof(JSON_LEAF, fc.array(JSON_LEAF, { maxLength: 3 }));
  }
  if (schema === false || typeof schema !== "object" || schema === null) return fc.constant(null);
  const s = schema as Record<string, unknown>;
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...s.enum);
  const alts = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (Array.isArray(alts) && alts.length > 0) {
    // a branch inherits the keywords beside oneOf/anyOf
    const { oneOf: _o, anyOf: _a, ...rest } = s;
    return fc.oneof(...alts.map((b) => schemaArbitrary(typeof b === "object" ? { ...rest, ...b } : b, depth + 1)));
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : inferTypes(s);
  return fc.oneof(...types.map((t) => typed(t, s, depth)));
}

function inferTypes(s: Record<string, unknown>): string[] {
  if (s.properties || s.required) return ["object"];
  if (s.items) return ["array"];
  if (s.minLength !== undefined || s.maxLength !== undefined || s.pattern) return ["string"];
  if (s.minimum !== undefined || s.maximum !== undefined) return ["number"];
  return ["null", "boolean", "integer", "string"];
}

function bounds(s: Record<string, unknown>, integer: boolean): { min: number; max: number } {
  let min = typeof s.minimum === "number" ? s.minimum : -1e6;
  let max = typeof s.maximum === "number" ? s.maximum : 1e6;
  if (typeof s.exclusiveMinimum === "number")
    min = Math.max(
      min,
      s.exclusiveMinimum + (integer ? 1 : Number.EPSILON * Math.max(1, Math.abs(s.exclusiveMinimum))),
    );
  if (typeof s.exclusiveMaximum === "number")
    max = Math.min(
      max,
      s.exclusiveMaximum - (integer ? 1 : Number.EPSILON * Math.max(1, Math.abs(s.exclusiveMaximum))),
    );
  if (integer) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  return { min, max: Math.max(min, max) };
}

function typed(t: string, s: Record<string, unknown>, depth: number): fc.Arbitrary<unknown> {
  switch (t) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const { min, max } = bounds(s, true);
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
    }
    case "number": {
      const { min, max } = bounds(s, false);
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      );
    }
    case "string": {
      const minLength = typeof s.minLength === "number" ? s.minLength : 0;
      const maxLength = typeof s.maxLength === "number" ? s.maxLength : Math.max(minLength, 12);
      if (typeof s.pattern === "string") {
        return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= minLength && x.length <= maxLength);
      }
      return fc.string({ minLength, maxLength });
    }
    case "array": {
      const minLength = typeof s.minItems === "number" ? s.minItems : 0;
      const maxLength = typeof s.maxItems === "number" ? s.maxItems : Math.max(minLength, 4);
      const item = Array.isArray(s.prefixItems) ? fc.constant(null) : schemaArbitrary(s.items, depth + 1);
      return fc.array(item, { minLength, maxLength });
    }
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = schemaArbitrary(v, depth + 1);
      for (const k of required) if (!(k in model)) model[k] = schemaArbitrary(true, depth + 1);
      return fc.record(model, { requiredKeys: [...required] });
    }
    default:
      return fc.constant(null);
  }
}
