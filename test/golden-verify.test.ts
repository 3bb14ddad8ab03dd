/**
 * The project's own CI determinism check: the current build of each reference app must replay
 * its golden recording (recordings/v1/, made once by scripts/make-golden.ts) byte for byte.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli-io.js";

const root = join(import.meta.dirname, "..");

describe("golden recordings v1", () => {
  for (const app of ["market-spread", "double-halve"])
    it(`${app}: the current app replays recordings/v1/${app} identically`, async () => {
      const r = await runCli(
        ["verify", `recordings/v1/${app}`, "--app", `examples/${app}/app.ts`, "--json"],
        { cwd: root },
      );
      expect(r.stderr).toBe("");
      const [res] = JSON.parse(r.stdout) as {
        status: string;
        events: number;
        outputs: number;
        checkpointsVerified: number;
        divergence?: unknown;
      }[];
      expect(res?.divergence).toBeUndefined();
      expect(res?.status).toBe("identical");
      expect(res?.events).toBe(app === "market-spread" ? 20_000 : 5_000);
      expect(res?.outputs).toBe(app === "market-spread" ? 4_000 : 5_000);
      expect(res?.checkpointsVerified).toBeGreaterThan(0);
      expect(r.code).toBe(0);
    });
});
