/** `hindsight record --app`: provided by the engine (src/recorder). */
import { HindsightError } from "../../src/errors.js";
import type { CommandContext } from "../program.js";
import type { RecordCliOptions } from "./record.js";

export async function recordAppCommand(o: RecordCliOptions, _ctx: CommandContext): Promise<void> {
  throw new HindsightError("USAGE", `recording with --app ${o.app} is not available in this build`);
}
