/** Every subcommand registers itself here; order is the order shown in --help. */
import type { Command } from "commander";
import type { CommandContext } from "../program.js";
import { register as audit } from "./audit.js";
import { register as cat } from "./cat.js";
import { register as fsck } from "./fsck.js";
import { register as inspect } from "./inspect.js";
import { register as record } from "./record.js";
import { register as replay } from "./replay.js";
import { register as torture } from "./torture.js";
import { register as verify } from "./verify.js";
import { register as why } from "./why.js";

export type RegisterCommand = (program: Command, ctx: CommandContext) => Command;

export const commands: RegisterCommand[] = [record, replay, verify, why, audit, inspect, cat, fsck, torture];
