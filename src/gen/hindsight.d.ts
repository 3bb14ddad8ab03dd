import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace hindsight {

    namespace v1 {

        interface IRecord extends hindsight.v1.Record.$Properties {
        }

        class Record {
            constructor(p?: hindsight.v1.Record.$Properties);
            $unknowns?: Uint8Array[];
            timeNs: (number|Long);
            input?: (hindsight.v1.InputEvent.$Properties|null);
            decision?: (hindsight.v1.Decision.$Properties|null);
            output?: (hindsight.v1.OutputDigest.$Properties|null);
            checkpoint?: (hindsight.v1.CheckpointRef.$Properties|null);
            marker?: (hindsight.v1.RunMarker.$Properties|null);
            blob?: (hindsight.v1.Blob.$Properties|null);
            lineage?: (hindsight.v1.OutputLineage.$Properties|null);
            body?: ("input"|"decision"|"output"|"checkpoint"|"marker"|"blob"|"lineage");
            static create(properties: hindsight.v1.Record.$Shape): hindsight.v1.Record & hindsight.v1.Record.$Shape;
            static create(properties?: hindsight.v1.Record.$Properties): hindsight.v1.Record;
            static encode(m: hindsight.v1.Record.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.Record.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.Record & hindsight.v1.Record.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.Record & hindsight.v1.Record.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.Record;
            static toObject(m: hindsight.v1.Record, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Record {
            interface $Properties {
                timeNs?: (number|Long|null);
                input?: (hindsight.v1.InputEvent.$Properties|null);
                decision?: (hindsight.v1.Decision.$Properties|null);
                output?: (hindsight.v1.OutputDigest.$Properties|null);
                checkpoint?: (hindsight.v1.CheckpointRef.$Properties|null);
                marker?: (hindsight.v1.RunMarker.$Properties|null);
                blob?: (hindsight.v1.Blob.$Properties|null);
                lineage?: (hindsight.v1.OutputLineage.$Properties|null);
                body?: ("input"|"decision"|"output"|"checkpoint"|"marker"|"blob"|"lineage");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              timeNs?: number|Long|null;
              input?: hindsight.v1.InputEvent.$Shape|null;
              decision?: hindsight.v1.Decision.$Shape|null;
              output?: hindsight.v1.OutputDigest.$Shape|null;
              checkpoint?: hindsight.v1.CheckpointRef.$Shape|null;
              marker?: hindsight.v1.RunMarker.$Shape|null;
              blob?: hindsight.v1.Blob.$Shape|null;
              lineage?: hindsight.v1.OutputLineage.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; input?: null; decision?: null; output?: null; checkpoint?: null; marker?: null; blob?: null; lineage?: null }|{ body?: "input"; input: hindsight.v1.InputEvent.$Shape; decision?: null; output?: null; checkpoint?: null; marker?: null; blob?: null; lineage?: null }|{ body?: "decision"; input?: null; decision: hindsight.v1.Decision.$Shape; output?: null; checkpoint?: null; marker?: null; blob?: null; lineage?: null }|{ body?: "output"; input?: null; decision?: null; output: hindsight.v1.OutputDigest.$Shape; checkpoint?: null; marker?: null; blob?: null; lineage?: null }|{ body?: "checkpoint"; input?: null; decision?: null; output?: null; checkpoint: hindsight.v1.CheckpointRef.$Shape; marker?: null; blob?: null; lineage?: null }|{ body?: "marker"; input?: null; decision?: null; output?: null; checkpoint?: null; marker: hindsight.v1.RunMarker.$Shape; blob?: null; lineage?: null }|{ body?: "blob"; input?: null; decision?: null; output?: null; checkpoint?: null; marker?: null; blob: hindsight.v1.Blob.$Shape; lineage?: null }|{ body?: "lineage"; input?: null; decision?: null; output?: null; checkpoint?: null; marker?: null; blob?: null; lineage: hindsight.v1.OutputLineage.$Shape })
            );
        }

        interface IInputEvent extends hindsight.v1.InputEvent.$Properties {
        }

        class InputEvent {
            constructor(p?: hindsight.v1.InputEvent.$Properties);
            $unknowns?: Uint8Array[];
            stream: number;
            streamSeq: (number|Long);
            key: Uint8Array;
            payload: Uint8Array;
            static create(properties: hindsight.v1.InputEvent.$Shape): hindsight.v1.InputEvent & hindsight.v1.InputEvent.$Shape;
            static create(properties?: hindsight.v1.InputEvent.$Properties): hindsight.v1.InputEvent;
            static encode(m: hindsight.v1.InputEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.InputEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.InputEvent & hindsight.v1.InputEvent.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.InputEvent & hindsight.v1.InputEvent.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.InputEvent;
            static toObject(m: hindsight.v1.InputEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace InputEvent {
            interface $Properties {
                stream?: (number|null);
                streamSeq?: (number|Long|null);
                key?: (Uint8Array|null);
                payload?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.InputEvent.$Properties;
        }

        enum DecisionKind {
            DECISION_KIND_UNSPECIFIED = 0,
            DECISION_KIND_CLOCK = 1,
            DECISION_KIND_RANDOM = 2,
            DECISION_KIND_LOOKUP = 3,
            DECISION_KIND_TICK = 4,
            DECISION_KIND_FAULT = 5,
            DECISION_KIND_AMBIENT = 6,
            DECISION_KIND_SCHEDULE = 7
        }

        interface IDecision extends hindsight.v1.Decision.$Properties {
        }

        class Decision {
            constructor(p?: hindsight.v1.Decision.$Properties);
            $unknowns?: Uint8Array[];
            kind: hindsight.v1.DecisionKind;
            name: string;
            eventSeq: (number|Long);
            index: number;
            value: Uint8Array;
            key: Uint8Array;
            contentHash: Uint8Array;
            step: string;
            settledAtOnce: boolean;
            static create(properties: hindsight.v1.Decision.$Shape): hindsight.v1.Decision & hindsight.v1.Decision.$Shape;
            static create(properties?: hindsight.v1.Decision.$Properties): hindsight.v1.Decision;
            static encode(m: hindsight.v1.Decision.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.Decision.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.Decision & hindsight.v1.Decision.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.Decision & hindsight.v1.Decision.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.Decision;
            static toObject(m: hindsight.v1.Decision, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Decision {
            interface $Properties {
                kind?: (hindsight.v1.DecisionKind|null);
                name?: (string|null);
                eventSeq?: (number|Long|null);
                index?: (number|null);
                value?: (Uint8Array|null);
                key?: (Uint8Array|null);
                contentHash?: (Uint8Array|null);
                step?: (string|null);
                settledAtOnce?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.Decision.$Properties;
        }

        interface IBlob extends hindsight.v1.Blob.$Properties {
        }

        class Blob {
            constructor(p?: hindsight.v1.Blob.$Properties);
            $unknowns?: Uint8Array[];
            hash: Uint8Array;
            data: Uint8Array;
            static create(properties: hindsight.v1.Blob.$Shape): hindsight.v1.Blob & hindsight.v1.Blob.$Shape;
            static create(properties?: hindsight.v1.Blob.$Properties): hindsight.v1.Blob;
            static encode(m: hindsight.v1.Blob.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.Blob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.Blob & hindsight.v1.Blob.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.Blob & hindsight.v1.Blob.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.Blob;
            static toObject(m: hindsight.v1.Blob, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Blob {
            interface $Properties {
                hash?: (Uint8Array|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.Blob.$Properties;
        }

        interface IOutputDigest extends hindsight.v1.OutputDigest.$Properties {
        }

        class OutputDigest {
            constructor(p?: hindsight.v1.OutputDigest.$Properties);
            $unknowns?: Uint8Array[];
            sink: number;
            eventSeq: (number|Long);
            index: number;
            sinkSeq: (number|Long);
            digest: Uint8Array;
            data: Uint8Array;
            static create(properties: hindsight.v1.OutputDigest.$Shape): hindsight.v1.OutputDigest & hindsight.v1.OutputDigest.$Shape;
            static create(properties?: hindsight.v1.OutputDigest.$Properties): hindsight.v1.OutputDigest;
            static encode(m: hindsight.v1.OutputDigest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.OutputDigest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.OutputDigest & hindsight.v1.OutputDigest.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.OutputDigest & hindsight.v1.OutputDigest.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.OutputDigest;
            static toObject(m: hindsight.v1.OutputDigest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace OutputDigest {
            interface $Properties {
                sink?: (number|null);
                eventSeq?: (number|Long|null);
                index?: (number|null);
                sinkSeq?: (number|Long|null);
                digest?: (Uint8Array|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.OutputDigest.$Properties;
        }

        interface ICheckpointRef extends hindsight.v1.CheckpointRef.$Properties {
        }

        class CheckpointRef {
            constructor(p?: hindsight.v1.CheckpointRef.$Properties);
            $unknowns?: Uint8Array[];
            eventSeq: (number|Long);
            stateDigest: Uint8Array;
            location: string;
            eventsHandled: (number|Long);
            static create(properties: hindsight.v1.CheckpointRef.$Shape): hindsight.v1.CheckpointRef & hindsight.v1.CheckpointRef.$Shape;
            static create(properties?: hindsight.v1.CheckpointRef.$Properties): hindsight.v1.CheckpointRef;
            static encode(m: hindsight.v1.CheckpointRef.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.CheckpointRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.CheckpointRef & hindsight.v1.CheckpointRef.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.CheckpointRef & hindsight.v1.CheckpointRef.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.CheckpointRef;
            static toObject(m: hindsight.v1.CheckpointRef, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace CheckpointRef {
            interface $Properties {
                eventSeq?: (number|Long|null);
                stateDigest?: (Uint8Array|null);
                location?: (string|null);
                eventsHandled?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.CheckpointRef.$Properties;
        }

        enum MarkerKind {
            MARKER_KIND_UNSPECIFIED = 0,
            MARKER_KIND_START = 1,
            MARKER_KIND_STOP = 2
        }

        interface IRunMarker extends hindsight.v1.RunMarker.$Properties {
        }

        class RunMarker {
            constructor(p?: hindsight.v1.RunMarker.$Properties);
            $unknowns?: Uint8Array[];
            kind: hindsight.v1.MarkerKind;
            appName: string;
            appBuild: string;
            seed: string;
            configJson: string;
            events: (number|Long);
            status: string;
            static create(properties: hindsight.v1.RunMarker.$Shape): hindsight.v1.RunMarker & hindsight.v1.RunMarker.$Shape;
            static create(properties?: hindsight.v1.RunMarker.$Properties): hindsight.v1.RunMarker;
            static encode(m: hindsight.v1.RunMarker.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.RunMarker.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.RunMarker & hindsight.v1.RunMarker.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.RunMarker & hindsight.v1.RunMarker.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.RunMarker;
            static toObject(m: hindsight.v1.RunMarker, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace RunMarker {
            interface $Properties {
                kind?: (hindsight.v1.MarkerKind|null);
                appName?: (string|null);
                appBuild?: (string|null);
                seed?: (string|null);
                configJson?: (string|null);
                events?: (number|Long|null);
                status?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.RunMarker.$Properties;
        }

        interface IOutputLineage extends hindsight.v1.OutputLineage.$Properties {
        }

        class OutputLineage {
            constructor(p?: hindsight.v1.OutputLineage.$Properties);
            $unknowns?: Uint8Array[];
            sink: number;
            sinkSeq: (number|Long);
            eventSeq: (number|Long);
            path: string[];
            reads: hindsight.v1.StateReadRef.$Properties[];
            decisions: number[];
            static create(properties: hindsight.v1.OutputLineage.$Shape): hindsight.v1.OutputLineage & hindsight.v1.OutputLineage.$Shape;
            static create(properties?: hindsight.v1.OutputLineage.$Properties): hindsight.v1.OutputLineage;
            static encode(m: hindsight.v1.OutputLineage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.OutputLineage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.OutputLineage & hindsight.v1.OutputLineage.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.OutputLineage & hindsight.v1.OutputLineage.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.OutputLineage;
            static toObject(m: hindsight.v1.OutputLineage, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace OutputLineage {
            interface $Properties {
                sink?: (number|null);
                sinkSeq?: (number|Long|null);
                eventSeq?: (number|Long|null);
                path?: (string[]|null);
                reads?: (hindsight.v1.StateReadRef.$Properties[]|null);
                decisions?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.OutputLineage.$Properties;
        }

        interface IStateReadRef extends hindsight.v1.StateReadRef.$Properties {
        }

        class StateReadRef {
            constructor(p?: hindsight.v1.StateReadRef.$Properties);
            $unknowns?: Uint8Array[];
            step: string;
            key: string;
            writerSeq: (number|Long);
            hasWriter: boolean;
            static create(properties: hindsight.v1.StateReadRef.$Shape): hindsight.v1.StateReadRef & hindsight.v1.StateReadRef.$Shape;
            static create(properties?: hindsight.v1.StateReadRef.$Properties): hindsight.v1.StateReadRef;
            static encode(m: hindsight.v1.StateReadRef.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.StateReadRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.StateReadRef & hindsight.v1.StateReadRef.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.StateReadRef & hindsight.v1.StateReadRef.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.StateReadRef;
            static toObject(m: hindsight.v1.StateReadRef, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace StateReadRef {
            interface $Properties {
                step?: (string|null);
                key?: (string|null);
                writerSeq?: (number|Long|null);
                hasWriter?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.StateReadRef.$Properties;
        }

        interface IManifest extends hindsight.v1.Manifest.$Properties {
        }

        class Manifest {
            constructor(p?: hindsight.v1.Manifest.$Properties);
            $unknowns?: Uint8Array[];
            kind: string;
            formatVersion: number;
            features: string[];
            recordingId: string;
            createdAt: string;
            app?: (hindsight.v1.AppInfo.$Properties|null);
            engineVersion: string;
            streams: hindsight.v1.StreamInfo.$Properties[];
            sinks: hindsight.v1.SinkInfo.$Properties[];
            seed: string;
            clockSource: string;
            writer?: (hindsight.v1.WriterInfo.$Properties|null);
            labels: { [k: string]: string };
            static create(properties: hindsight.v1.Manifest.$Shape): hindsight.v1.Manifest & hindsight.v1.Manifest.$Shape;
            static create(properties?: hindsight.v1.Manifest.$Properties): hindsight.v1.Manifest;
            static encode(m: hindsight.v1.Manifest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.Manifest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.Manifest & hindsight.v1.Manifest.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.Manifest & hindsight.v1.Manifest.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.Manifest;
            static toObject(m: hindsight.v1.Manifest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace Manifest {
            interface $Properties {
                kind?: (string|null);
                formatVersion?: (number|null);
                features?: (string[]|null);
                recordingId?: (string|null);
                createdAt?: (string|null);
                app?: (hindsight.v1.AppInfo.$Properties|null);
                engineVersion?: (string|null);
                streams?: (hindsight.v1.StreamInfo.$Properties[]|null);
                sinks?: (hindsight.v1.SinkInfo.$Properties[]|null);
                seed?: (string|null);
                clockSource?: (string|null);
                writer?: (hindsight.v1.WriterInfo.$Properties|null);
                labels?: ({ [k: string]: string }|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.Manifest.$Properties;
        }

        interface IAppInfo extends hindsight.v1.AppInfo.$Properties {
        }

        class AppInfo {
            constructor(p?: hindsight.v1.AppInfo.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            buildId: string;
            module: string;
            static create(properties: hindsight.v1.AppInfo.$Shape): hindsight.v1.AppInfo & hindsight.v1.AppInfo.$Shape;
            static create(properties?: hindsight.v1.AppInfo.$Properties): hindsight.v1.AppInfo;
            static encode(m: hindsight.v1.AppInfo.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.AppInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.AppInfo & hindsight.v1.AppInfo.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.AppInfo & hindsight.v1.AppInfo.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.AppInfo;
            static toObject(m: hindsight.v1.AppInfo, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace AppInfo {
            interface $Properties {
                name?: (string|null);
                buildId?: (string|null);
                module?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.AppInfo.$Properties;
        }

        interface IStreamInfo extends hindsight.v1.StreamInfo.$Properties {
        }

        class StreamInfo {
            constructor(p?: hindsight.v1.StreamInfo.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            codec: string;
            source: string;
            static create(properties: hindsight.v1.StreamInfo.$Shape): hindsight.v1.StreamInfo & hindsight.v1.StreamInfo.$Shape;
            static create(properties?: hindsight.v1.StreamInfo.$Properties): hindsight.v1.StreamInfo;
            static encode(m: hindsight.v1.StreamInfo.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.StreamInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.StreamInfo & hindsight.v1.StreamInfo.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.StreamInfo & hindsight.v1.StreamInfo.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.StreamInfo;
            static toObject(m: hindsight.v1.StreamInfo, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace StreamInfo {
            interface $Properties {
                name?: (string|null);
                codec?: (string|null);
                source?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.StreamInfo.$Properties;
        }

        interface ISinkInfo extends hindsight.v1.SinkInfo.$Properties {
        }

        class SinkInfo {
            constructor(p?: hindsight.v1.SinkInfo.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            codec: string;
            static create(properties: hindsight.v1.SinkInfo.$Shape): hindsight.v1.SinkInfo & hindsight.v1.SinkInfo.$Shape;
            static create(properties?: hindsight.v1.SinkInfo.$Properties): hindsight.v1.SinkInfo;
            static encode(m: hindsight.v1.SinkInfo.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.SinkInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.SinkInfo & hindsight.v1.SinkInfo.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.SinkInfo & hindsight.v1.SinkInfo.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.SinkInfo;
            static toObject(m: hindsight.v1.SinkInfo, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace SinkInfo {
            interface $Properties {
                name?: (string|null);
                codec?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.SinkInfo.$Properties;
        }

        interface IWriterInfo extends hindsight.v1.WriterInfo.$Properties {
        }

        class WriterInfo {
            constructor(p?: hindsight.v1.WriterInfo.$Properties);
            $unknowns?: Uint8Array[];
            blockSize: number;
            flushIntervalMs: number;
            fsync: string;
            fsyncIntervalMs: number;
            segmentSize: (number|Long);
            outputs: string;
            checkpointEvery: (number|Long);
            static create(properties: hindsight.v1.WriterInfo.$Shape): hindsight.v1.WriterInfo & hindsight.v1.WriterInfo.$Shape;
            static create(properties?: hindsight.v1.WriterInfo.$Properties): hindsight.v1.WriterInfo;
            static encode(m: hindsight.v1.WriterInfo.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static encodeDelimited(message: hindsight.v1.WriterInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): hindsight.v1.WriterInfo & hindsight.v1.WriterInfo.$Shape;
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): hindsight.v1.WriterInfo & hindsight.v1.WriterInfo.$Shape;
            static verify(m: { [k: string]: any }): (string|null);
            static fromObject(d: { [k: string]: any }): hindsight.v1.WriterInfo;
            static toObject(m: hindsight.v1.WriterInfo, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
        }

        namespace WriterInfo {
            interface $Properties {
                blockSize?: (number|null);
                flushIntervalMs?: (number|null);
                fsync?: (string|null);
                fsyncIntervalMs?: (number|null);
                segmentSize?: (number|Long|null);
                outputs?: (string|null);
                checkpointEvery?: (number|Long|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = hindsight.v1.WriterInfo.$Properties;
        }
    }
}
