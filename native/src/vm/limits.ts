// Resource limits: memory, CPU time, call depth and an instruction budget.
//
// The loop charges "fuel" at the points every long computation must pass: each backward
// jump charges the length of the loop body it repeats, each Lua call charges one unit per
// instruction of the called function (at most 64). When the fuel of the current chunk runs
// out, checkLimits() adds it to the count, compares count and CPU time with the limits and
// either refills or raises the limit's error. The count depends only on the program, so an
// instruction budget fails at the same point on every machine. With neither limit set the
// chunk is so large that the check practically never runs. Memory is checked where it is
// allocated instead (heap.ts): when the running state's estimate passes its limit, the
// allocation site measures what is reachable and raises only when that is still over.

import { LuaError } from "./errors.js";
import { measureMemory } from "./gc.js";
import { heap } from "./heap.js";
import type { LuaState } from "./state.js";

export interface Limits {
  /** Bytes of Lua memory (estimated). */
  memory: number;
  /** Milliseconds of execution, accumulated across resumes. */
  cpuTime: number;
  /** Nested Lua calls in one coroutine. */
  maxCallDepth: number;
  /** Instruction units (deterministic). */
  instructions: number;
}

/** What a state has used so far; travels with the state like the limits. */
export interface Usage {
  instructions: number;
  cpuMs: number;
}

/** Fields the interpreter keeps on the state for limits. */
export interface LimitState extends LuaState {
  fuel: number;
  fuelChunk: number;
  maxFrames: number;
  /** performance-clock ms when the current run started, or -1 when not running. */
  runStart: number;
  /** heap.bytes when memory was last measured or the current run started. */
  heapMark: number;
  /** Memory estimate at heapMark. */
  memBase: number;
}

/**
 * Lua frames per thread before "stack overflow". The limit that usually applies is the
 * interpreter's stack slots (1,000,000 as PUC-Rio's LUAI_MAXSTACK: about 500,000 calls of a
 * small function); this one bounds the frames themselves.
 */
export const MAX_FRAMES = 1_000_000;

/** Fuel per check when a CPU limit is set. */
const CHECK_EVERY = 10_000;
/** Fuel when no limit is set. */
const NO_CHECK = 2 ** 52;

export const NO_LIMITS: Limits = {
  memory: Infinity,
  cpuTime: Infinity,
  maxCallDepth: Infinity,
  instructions: Infinity,
};

function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

/** Instruction units used so far, including the current chunk. */
export function instructionsUsed(L: LuaState): number {
  const S = L as LimitState;
  return L.usage.instructions + (S.fuelChunk - S.fuel);
}

/** Sets the fuel for the next chunk from the limits and what is used. */
export function refuel(L: LuaState): void {
  const S = L as LimitState;
  const lim = L.limits;
  let chunk = lim.cpuTime < Infinity ? CHECK_EVERY : NO_CHECK;
  if (lim.instructions < Infinity) chunk = Math.max(0, Math.min(chunk, lim.instructions - L.usage.instructions));
  S.fuelChunk = chunk;
  S.fuel = chunk;
}

/** Applies new limits (and keeps what was used). */
export function applyLimits(L: LuaState, limits: Partial<Limits>): void {
  const S = L as LimitState;
  L.usage.instructions = instructionsUsed(L);
  Object.assign(L.limits, limits);
  S.maxFrames = Math.min(MAX_FRAMES, L.limits.maxCallDepth);
  refuel(L);
  armMemoryCheck(L);
}

/** Starts counting CPU time and memory for a run (a resume from the host). */
export function startRun(L: LuaState): void {
  const S = L as LimitState;
  S.runStart = now();
  S.heapMark = heap.bytes;
  heap.onCross = () => memoryCrossed(L);
  armMemoryCheck(L);
}

/** Sets the allocation volume at which the running state measures its memory. */
function armMemoryCheck(L: LuaState): void {
  const S = L as LimitState;
  const lim = L.limits.memory;
  heap.checkAt = S.runStart >= 0 && lim < Infinity ? heap.bytes + Math.max(lim - memoryEstimate(L), 0) : Infinity;
}

/** Allocations passed the limit's estimate: measure, and raise when really over. */
function memoryCrossed(L: LuaState): void {
  const S = L as LimitState;
  const lim = L.limits.memory;
  setMeasuredMemory(L, measureMemory(L));
  if (S.memBase > lim) {
    // measure again only after more allocation, whatever the script does with the error
    heap.checkAt = heap.bytes + Math.max(lim / 8, 1 << 20);
    throw new LuaError(`not enough memory (memory limit ${lim} bytes)`);
  }
  armMemoryCheck(L);
}

/** Stops counting: adds the run's CPU time and allocations to the usage. */
export function endRun(L: LuaState): void {
  const S = L as LimitState;
  if (S.runStart >= 0) L.usage.cpuMs += now() - S.runStart;
  S.runStart = -1;
  S.memBase += heap.bytes - S.heapMark;
  S.heapMark = heap.bytes;
  heap.checkAt = Infinity;
}

/** The current memory estimate in bytes. */
export function memoryEstimate(L: LuaState): number {
  const S = L as LimitState;
  return S.memBase + (S.runStart >= 0 ? heap.bytes - S.heapMark : 0);
}

/** Replaces the estimate with a measurement (a reachability walk's result). */
export function setMeasuredMemory(L: LuaState, bytes: number): void {
  const S = L as LimitState;
  S.memBase = bytes;
  S.heapMark = heap.bytes;
}

/**
 * Called by the loop when the fuel runs out: returns the message of the limit that is
 * exceeded, or undefined after refilling.
 */
export function checkLimits(L: LuaState): string | undefined {
  const S = L as LimitState;
  const lim = L.limits;
  L.usage.instructions += S.fuelChunk - S.fuel;
  S.fuelChunk = S.fuel = 0;
  if (L.usage.instructions >= lim.instructions) {
    return `instruction limit exceeded (${lim.instructions} instructions)`;
  }
  if (lim.cpuTime < Infinity && S.runStart >= 0) {
    const used = L.usage.cpuMs + (now() - S.runStart);
    if (used > lim.cpuTime) return `CPU time limit exceeded (${lim.cpuTime} ms)`;
  }
  refuel(L);
  return undefined;
}

/** Installs the limit fields on a fresh state. */
export function initLimits(L: LuaState): void {
  const S = L as LimitState;
  S.maxFrames = MAX_FRAMES;
  S.runStart = -1;
  S.heapMark = heap.bytes;
  S.memBase = 0;
  refuel(L);
}
