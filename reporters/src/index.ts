// @endymion/reporters: the report model and its writers.

export * from "./model.js";
