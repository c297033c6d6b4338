/** The engine's release (the state envelope carries it, `endymion lua -v` prints it). */
export const ENGINE_VERSION = "0.1.0";
