/**
 * What a sandbox says about itself to uname, hostname, id, whoami and nproc. Guest code runs as root in its own
 * sandbox; the machine is WebAssembly, which scripts choosing native binaries need to see.
 */
export const SYSTEM_IDENTITY = {
  sysname: 'Linux',
  release: '6.1.0-burrow',
  version: '#1 SMP Burrow',
  machine: 'wasm32',
  operatingSystem: 'GNU/Linux',
  defaultHostname: 'sandbox',
  user: 'root',
  uid: 0,
  group: 'root',
  gid: 0,
  processors: 1,
} as const;

/** The sandbox's host name: $HOSTNAME when the session sets it. */
export function hostnameOf(env: Readonly<Record<string, string>>): string {
  return env.HOSTNAME !== undefined && env.HOSTNAME !== '' ? env.HOSTNAME : SYSTEM_IDENTITY.defaultHostname;
}
