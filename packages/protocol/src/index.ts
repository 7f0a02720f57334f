export { Errno, errnoMessage, errnoName, isKernelError, KernelError } from './errno.js';
export {
  CHANNEL_LIMITS,
  DEFAULT_PROCESS_LIMITS,
  DEFAULT_SANDBOX_LIMITS,
  EXEC_LIMITS,
  MODULE_LIMITS,
  type ProcessLimits,
  type SandboxLimits,
  WORKER_POOL,
} from './limits.js';
export {
  CHANNEL_BYTES,
  type ChannelViews,
  channelViews,
  DATA_OFFSET,
  DOORBELL_BYTES,
  H,
  HEADER_BYTES,
  I32_ARGS,
  I64_OFFSET,
  I64_SLOTS,
  Op,
  State,
} from './channel-layout.js';
