/** Every subcommand registers itself here; order is the order shown in --help. */
import type { Command } from "commander";
import type { CommandContext } from "../program.js";

export type RegisterCommand = (program: Command, ctx: CommandContext) => Command;

export const commands: RegisterCommand[] = [];
