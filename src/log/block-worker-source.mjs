// Starts the block-writer thread from TypeScript sources (tests, benchmarks run under tsx or
// vitest). Node 20 does not apply the parent's loader hooks to worker threads, so the thread
// loads block-worker.ts through tsx itself. Built code starts dist/.../block-worker.js directly.
const { tsImport } = await import("tsx/esm/api");
await tsImport("./block-worker.ts", import.meta.url);
