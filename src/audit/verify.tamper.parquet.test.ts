import { tamperSuite } from "./tamper.testkit.js";

tamperSuite(["parquet"]);
