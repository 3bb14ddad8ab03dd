import { tamperSuite } from "./tamper.testkit.js";

tamperSuite(["jsonl", "csv"]);
