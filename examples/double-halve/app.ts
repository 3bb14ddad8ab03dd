/**
 * double-halve: n → double → halve → n. Input stream `numbers` and sink `numbers` carry
 * JSON lines {"ts","n"}; the output must equal the input, exactly once, in order.
 *
 * `double` and `halve` are separate steps with a codec for the value between them, so the
 * app can be split into stages (stageOf(app, ["double"]) and stageOf(app, ["halve"])) and
 * run across a process boundary, each process recording its own log.
 */
import { codecs, defineApp, map } from "../../src/index.js";

export interface NumberEvent {
  ts: bigint | number;
  n: number | bigint;
}

const times2 = (n: number | bigint): number | bigint => (typeof n === "bigint" ? n * 2n : n * 2);
const half = (n: number | bigint): number | bigint => (typeof n === "bigint" ? n / 2n : n / 2);

export default defineApp({
  name: "double-halve",
  description: "n → double → halve → n (output equals input)",
  inputs: { numbers: codecs.json<NumberEvent>() },
  sinks: { numbers: codecs.json<NumberEvent>() },
  steps: {
    double: map<NumberEvent, NumberEvent>({
      from: "numbers",
      codec: codecs.json(),
      fn: (e) => ({ ...e, n: times2(e.n) }),
    }),
    halve: map<NumberEvent, NumberEvent>({
      from: "double",
      to: "numbers",
      fn: (e) => ({ ...e, n: half(e.n) }),
    }),
  },
});
