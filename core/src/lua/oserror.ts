// C's view of a failed file operation: the strerror text and errno of a Node error code,
// for the messages of io, os.remove/rename, loadfile, dofile and the `lua` command.

const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, "Operation not permitted"],
  ENOENT: [2, "No such file or directory"],
  EIO: [5, "Input/output error"],
  ENXIO: [6, "No such device or address"],
  EBADF: [9, "Bad file descriptor"],
  ECHILD: [10, "No child processes"],
  EAGAIN: [11, "Resource temporarily unavailable"],
  ENOMEM: [12, "Cannot allocate memory"],
  EACCES: [13, "Permission denied"],
  EBUSY: [16, "Device or resource busy"],
  EEXIST: [17, "File exists"],
  EXDEV: [18, "Invalid cross-device link"],
  ENOTDIR: [20, "Not a directory"],
  EISDIR: [21, "Is a directory"],
  EINVAL: [22, "Invalid argument"],
  ENFILE: [23, "Too many open files in system"],
  EMFILE: [24, "Too many open files"],
  ETXTBSY: [26, "Text file busy"],
  EFBIG: [27, "File too large"],
  ENOSPC: [28, "No space left on device"],
  ESPIPE: [29, "Illegal seek"],
  EROFS: [30, "Read-only file system"],
  EMLINK: [31, "Too many links"],
  EPIPE: [32, "Broken pipe"],
  ENAMETOOLONG: [36, "File name too long"],
  ENOTEMPTY: [39, "Directory not empty"],
  ELOOP: [40, "Too many levels of symbolic links"],
  EDQUOT: [122, "Disk quota exceeded"],
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
