import type { Command } from "commander";
import type { CliIO } from "../io.js";
export function registerHubCrawl(_hub: Command, _io: CliIO): void {}
