/**
 * sock_* syscalls. Burrow hands out no sockets (outbound network goes through the egress gateway, not through
 * WASI sockets), so every call on an open fd answers ENOTSOCK and on a closed or forged fd EBADF, which are
 * the spec's errors for those cases.
 *
 *   sock_accept i32[0] fd, i32[1] flags; sock_recv, sock_send i32[0] fd; sock_shutdown i32[0] fd, i32[1] how
 */
import { Errno, Op } from '@burrow/protocol';
import { FileType } from '../fd/descriptor.js';
import type { Handler } from './context.js';

const notSocket: Handler = (_env, p) => {
  const desc = p.fds.get(p.views.i32[0] as number).desc;
  const socket = desc.filetype === FileType.SOCKET_STREAM || desc.filetype === FileType.SOCKET_DGRAM;
  return socket ? Errno.NOTSUP : Errno.NOTSOCK;
};

export const sockHandlers: ReadonlyArray<readonly [Op, Handler]> = [
  [Op.sock_accept, notSocket],
  [Op.sock_recv, notSocket],
  [Op.sock_send, notSocket],
  [Op.sock_shutdown, notSocket],
];
