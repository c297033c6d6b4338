// The state format: what dehydrate writes and hydrate reads (docs/STATE.md describes it).
//
// Envelope, a CBOR array:   [MAGIC, FORMAT_VERSION, engine version, body, mac]
//   body is a CBOR byte string holding [chunks, nodes, roots, host]; mac is the
//   HMAC-SHA256 of body under the host's key, or null for an unsigned state.
// chunks: [0, script name, SHA-256 of its source] for scripts the host loads again,
//         [1, chunk name, source] for chunks made by load (their text travels).
// nodes:  one array per object, its kind first (Node below); objects refer to each other
//         by index, so shared and cyclic structures are written once.
// Values: nil = null, booleans, integers as CBOR integers (64-bit beyond 2^53), floats
//         that are not integral as float64, integral floats as Tag(TAG_FLOAT, n)
//         ("-0" for -0.0), strings as text when ASCII and as bytes otherwise,
//         objects as Tag(TAG_REF, node index).

import { addExtension, Encoder, Tag } from "cbor-x";
import { ENGINE_VERSION } from "../version.js";

export const MAGIC = "endymion-state";
export const FORMAT_VERSION = 1;
/**
 * The compiler's code layout. A suspended frame is a pc and registers in its prototype's
 * bytecode, and hydrate compiles the scripts again: this number goes up whenever the compiler
 * emits different code for the same source, and hydrate refuses states of another layout.
 */
export const CODE_VERSION = 3;
/** The engine version field of the envelope: the release and the code layout. */
export const ENGINE_ID = `${ENGINE_VERSION}+code${CODE_VERSION}`;

export const TAG_REF = 40000;
export const TAG_FLOAT = 40001;

/** Node kinds. */
export const enum Node {
  Table = 0,
  Closure = 1,
  Native = 2,
  Upval = 3,
  Thread = 4,
}

export const enum ChunkKind {
  Script = 0,
  Loaded = 1,
}

export const THREAD_STATUS = ["suspended", "running", "normal", "dead"] as const;

/** Why hydrate refused a state: a stable code and a message saying what is wrong. */
export type StateErrorCode =
  | "NOT_A_STATE" // not CBOR, or not our envelope
  | "UNSUPPORTED_VERSION" // a newer (or unknown) format version
  | "CORRUPT" // well-formed envelope, malformed content
  | "TOO_LARGE" // past the size limit
  | "BAD_SIGNATURE" // missing, unexpected or wrong HMAC
  | "SCRIPT_MISMATCH" // a script is missing or its source changed
  | "UNKNOWN_NATIVE" // a native function this runtime does not have
  | "NOT_SERIALIZABLE" // dehydrate met a value it cannot write
  | "NOT_SUSPENDED"; // dehydrate called while not yielded at a host call

export class StateError extends Error {
  readonly code: StateErrorCode;
  constructor(code: StateErrorCode, message: string) {
    super(message);
    this.name = "StateError";
    this.code = code;
  }
}

/** The CBOR codec: deterministic (no records, no float32, no shared structures). */
export const codec = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  tagUint8Array: false,
  useFloat32: 0,
  largeBigIntToFloat: false,
  bundleStrings: false,
  structuredClone: false,
  pack: false,
});

export { Tag };

// Bignums (tags 2 and 3): the format never writes them (64-bit integers are plain CBOR
// integers), and cbor-x's own decoder takes quadratic time on long ones, which crafted
// bytes could use to hang hydrate. Decode at most 8 bytes and refuse longer ones.
function bignum(negative: boolean) {
  return (data: Uint8Array): bigint => {
    if (!(data instanceof Uint8Array) || data.length > 8) throw new Error("bignum longer than 64 bits");
    let v = 0n;
    for (const b of data) v = (v << 8n) | BigInt(b);
    return negative ? -1n - v : v;
  };
}
class NoBignum {}
class NoNegativeBignum {}
addExtension({ Class: NoBignum, tag: 2, encode: () => {}, decode: bignum(false) });
addExtension({ Class: NoNegativeBignum, tag: 3, encode: () => {}, decode: bignum(true) });

const NON_ASCII = /[\u0080-\uffff]/;

/** A byte string as CBOR data: text when ASCII, else bytes. */
export function encodeString(s: string): string | Uint8Array {
  if (!NON_ASCII.test(s)) return s;
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Bytes as a byte string (one char per byte). */
export function bytesToString(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  }
  return s;
}

/** Whether a decoded text string is one we could have written (ASCII only). */
export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}
