/**
 * The one errno set of Burrow. Values are WASI preview1's `errno` numbers, so the kernel's answer to a
 * syscall is the guest's return value with no translation. Names drop the leading `E`.
 */
export enum Errno {
  SUCCESS = 0,
  TOOBIG = 1,
  ACCES = 2,
  ADDRINUSE = 3,
  ADDRNOTAVAIL = 4,
  AFNOSUPPORT = 5,
  AGAIN = 6,
  ALREADY = 7,
  BADF = 8,
  BADMSG = 9,
  BUSY = 10,
  CANCELED = 11,
  CHILD = 12,
  CONNABORTED = 13,
  CONNREFUSED = 14,
  CONNRESET = 15,
  DEADLK = 16,
  DESTADDRREQ = 17,
  DOM = 18,
  DQUOT = 19,
  EXIST = 20,
  FAULT = 21,
  FBIG = 22,
  HOSTUNREACH = 23,
  IDRM = 24,
  ILSEQ = 25,
  INPROGRESS = 26,
  INTR = 27,
  INVAL = 28,
  IO = 29,
  ISCONN = 30,
  ISDIR = 31,
  LOOP = 32,
  MFILE = 33,
  MLINK = 34,
  MSGSIZE = 35,
  MULTIHOP = 36,
  NAMETOOLONG = 37,
  NETDOWN = 38,
  NETRESET = 39,
  NETUNREACH = 40,
  NFILE = 41,
  NOBUFS = 42,
  NODEV = 43,
  NOENT = 44,
  NOEXEC = 45,
  NOLCK = 46,
  NOLINK = 47,
  NOMEM = 48,
  NOMSG = 49,
  NOPROTOOPT = 50,
  NOSPC = 51,
  NOSYS = 52,
  NOTCONN = 53,
  NOTDIR = 54,
  NOTEMPTY = 55,
  NOTRECOVERABLE = 56,
  NOTSOCK = 57,
  NOTSUP = 58,
  NOTTY = 59,
  NXIO = 60,
  OVERFLOW = 61,
  OWNERDEAD = 62,
  PERM = 63,
  PIPE = 64,
  PROTO = 65,
  PROTONOSUPPORT = 66,
  PROTOTYPE = 67,
  RANGE = 68,
  ROFS = 69,
  SPIPE = 70,
  SRCH = 71,
  STALE = 72,
  TIMEDOUT = 73,
  TXTBSY = 74,
  XDEV = 75,
  NOTCAPABLE = 76,
}

/** POSIX spelling of an errno (`ENOENT`), for messages shown to people. */
export function errnoName(errno: Errno): string {
  const name = Errno[errno];
  if (name === undefined) return `E${errno}`;
  return name === 'TOOBIG' ? 'E2BIG' : `E${name}`;
}

const DESCRIPTIONS: Partial<Record<Errno, string>> = {
  [Errno.ACCES]: 'Permission denied',
  [Errno.BADF]: 'Bad file descriptor',
  [Errno.EXIST]: 'File exists',
  [Errno.FBIG]: 'File too large',
  [Errno.INVAL]: 'Invalid argument',
  [Errno.ISDIR]: 'Is a directory',
  [Errno.LOOP]: 'Too many levels of symbolic links',
  [Errno.MFILE]: 'Too many open files',
  [Errno.NAMETOOLONG]: 'File name too long',
  [Errno.NOENT]: 'No such file or directory',
  [Errno.NOEXEC]: 'Exec format error',
  [Errno.NOMEM]: 'Cannot allocate memory',
  [Errno.NOSPC]: 'No space left on device',
  [Errno.DQUOT]: 'Disk quota exceeded',
  [Errno.NOTDIR]: 'Not a directory',
  [Errno.NOTEMPTY]: 'Directory not empty',
  [Errno.PERM]: 'Operation not permitted',
  [Errno.PIPE]: 'Broken pipe',
  [Errno.ROFS]: 'Read-only file system',
  [Errno.SPIPE]: 'Illegal seek',
  [Errno.SRCH]: 'No such process',
  [Errno.XDEV]: 'Invalid cross-device link',
  [Errno.AGAIN]: 'Resource temporarily unavailable',
  [Errno.CHILD]: 'No child processes',
  [Errno.FAULT]: 'Bad address',
  [Errno.NOTSUP]: 'Operation not supported',
  [Errno.NOSYS]: 'Function not implemented',
  [Errno.NOTCAPABLE]: 'Capabilities insufficient',
  [Errno.TOOBIG]: 'Argument list too long',
  [Errno.BUSY]: 'Device or resource busy',
  [Errno.INTR]: 'Interrupted system call',
  [Errno.IO]: 'Input/output error',
  [Errno.NOTTY]: 'Inappropriate ioctl for device',
};

/** strerror(3): the conventional text of an errno. */
export function errnoMessage(errno: Errno): string {
  return DESCRIPTIONS[errno] ?? errnoName(errno);
}

/**
 * An expected failure of a kernel operation. The errno is the meaning; the message is for people only and
 * must never be matched on.
 */
export class KernelError extends Error {
  readonly errno: Errno;
  constructor(errno: Errno, detail?: string) {
    super(detail === undefined ? `${errnoName(errno)}: ${errnoMessage(errno)}` : `${errnoName(errno)}: ${detail}`);
    this.name = 'KernelError';
    this.errno = errno;
  }
}

export function isKernelError(e: unknown): e is KernelError {
  return e instanceof KernelError;
}
