/**
 * Stages: a subset of an app's steps run as an app of its own, so a pipeline can be split
 * across processes (fault injection, issue 5). In a stage:
 * - every source of a selected step that is not itself selected becomes an input stream of
 *   the stage, named after it, read with that stream's codec (or that step's `codec`, JSON
 *   by default): the already-encoded intermediate values another process sends;
 * - results of a selected step consumed by an unselected step become a sink of the stage,
 *   named after the step and encoded with its `codec`;
 * - the app's own sinks written by selected steps stay sinks.
 * Each stage records its own log like any app; replaying every stage's log replays the whole.
 */
import { HindsightError } from "../errors.js";
import { type App, type AppSpec, defineApp, type StepDefinition, sinksOf, sourcesOf } from "./app.js";
import { type Codec, codecs } from "./codec.js";

export function stageOf(app: App, steps: readonly string[], name?: string): App {
  const chosen = new Set(steps);
  for (const s of steps)
    if (!(s in app.steps))
      throw new HindsightError("USAGE", `stage step ${JSON.stringify(s)} is not a step of app ${app.name}`, {
        hint: `steps: ${Object.keys(app.steps).join(", ")}`,
      });
  if (chosen.size === 0) throw new HindsightError("USAGE", "a stage needs at least one step");
  const codecOf = (src: string): Codec<unknown> =>
    (app.inputs[src] as Codec<unknown> | undefined) ??
    (app.steps[src] as StepDefinition).codec ??
    codecs.json();
  const inputs: Record<string, Codec<unknown>> = {};
  const sinks: Record<string, Codec<unknown>> = {};
  const out: Record<string, StepDefinition> = {};
  for (const [n, def] of Object.entries(app.steps)) {
    if (!chosen.has(n)) continue;
    for (const src of sourcesOf(def)) if (!chosen.has(src)) inputs[src] = codecOf(src);
    for (const s of sinksOf(def)) sinks[s] = app.sinks[s] as Codec<unknown>;
    const crosses = Object.entries(app.steps).some(([m, d]) => !chosen.has(m) && sourcesOf(d).includes(n));
    if (crosses) {
      if (n in app.sinks)
        throw new HindsightError(
          "APP_INVALID",
          `step ${JSON.stringify(n)} has the name of a sink: it cannot end a stage`,
        );
      sinks[n] = codecOf(n);
      out[n] = { ...def, to: [...sinksOf(def), n] } as StepDefinition;
    } else out[n] = def;
  }
  const spec: AppSpec = { name: name ?? `${app.name}[${steps.join(",")}]`, inputs, sinks, steps: out };
  return defineApp(spec);
}
