// C's view of a failed file operation: the strerror text and errno of a Node error code,
// for the messages of io.open, io.lines, loadfile, dofile and the `lua` command.

const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, "Operation not permitted"],
  ENOENT: [2, "No such file or directory"],
  EIO: [5, "Input/output error"],
  EBADF: [9, "Bad file descriptor"],
  EACCES: [13, "Permission denied"],
  EBUSY: [16, "Device or resource busy"],
  EEXIST: [17, "File exists"],
  ENOTDIR: [20, "Not a directory"],
  EISDIR: [21, "Is a directory"],
  EINVAL: [22, "Invalid argument"],
  EMFILE: [24, "Too many open files"],
  EFBIG: [27, "File too large"],
  ENOSPC: [28, "No space left on device"],
  EROFS: [30, "Read-only file system"],
  ENAMETOOLONG: [36, "File name too long"],
  ELOOP: [40, "Too many levels of symbolic links"],
};

/** errno and strerror text of a Node file-system error (code and message when unknown). */
export function osError(e: unknown): { errno: number; text: string } {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const known = ERRNO[code];
  if (known !== undefined) return { errno: known[0], text: known[1] };
  const errno = (e as NodeJS.ErrnoException).errno;
  return { errno: typeof errno === "number" ? Math.abs(errno) : 0, text: code || String(e) };
}

/** luaL_loadfile's message for a file it could not open (a directory opens, then fails to read). */
export function loadFileError(name: string, e: unknown): string {
  const { text } = osError(e);
  return (e as NodeJS.ErrnoException).code === "EISDIR"
    ? `cannot read ${name}: ${text}`
    : `cannot open ${name}: ${text}`;
}
