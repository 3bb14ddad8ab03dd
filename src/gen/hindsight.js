/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const hindsight = $root.hindsight = (() => {

    /**
     * Namespace hindsight.
     * @exports hindsight
     * @namespace
     */
    const hindsight = {};

    hindsight.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof hindsight
         * @namespace
         */
        const v1 = {};

        v1.Record = (function() {

            /**
             * Properties of a Record.
             * @typedef {Object} hindsight.v1.Record.$Properties
             * @property {number|Long|null} [timeNs] Record timeNs
             * @property {hindsight.v1.InputEvent.$Properties|null} [input] Record input
             * @property {hindsight.v1.Decision.$Properties|null} [decision] Record decision
             * @property {hindsight.v1.OutputDigest.$Properties|null} [output] Record output
             * @property {hindsight.v1.CheckpointRef.$Properties|null} [checkpoint] Record checkpoint
             * @property {hindsight.v1.RunMarker.$Properties|null} [marker] Record marker
             * @property {hindsight.v1.Blob.$Properties|null} [blob] Record blob
             * @property {hindsight.v1.OutputLineage.$Properties|null} [lineage] Record lineage
             * @property {"input"|"decision"|"output"|"checkpoint"|"marker"|"blob"|"lineage"} [body] Record body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Record.
             * @memberof hindsight.v1
             * @interface IRecord
             * @augments hindsight.v1.Record.$Properties
             * @deprecated Use hindsight.v1.Record.$Properties instead.
             */

            /**
             * Narrowed shape of a Record.
             * @typedef {{
             *   timeNs?: number|Long|null;
             *   input?: hindsight.v1.InputEvent.$Shape|null;
             *   decision?: hindsight.v1.Decision.$Shape|null;
             *   output?: hindsight.v1.OutputDigest.$Shape|null;
             *   checkpoint?: hindsight.v1.CheckpointRef.$Shape|null;
             *   marker?: hindsight.v1.RunMarker.$Shape|null;
             *   blob?: hindsight.v1.Blob.$Shape|null;
             *   lineage?: hindsight.v1.OutputLineage.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; input?: null; decision?: null; output?: null; checkpoint?: null; marker?: null; blob?: null; lineage?: null }|{ body?: "input"; input: hindsight.v1.InputEvent.$Shape; decision?: null; output?: null; checkpoint?: null; marker?: null; blob?: null; lineage?: null }|{ body?: "decision"; input?: null; decision: hindsight.v1.Decision.$Shape; output?: null; checkpoint?: null; marker?: null; blob?: null; lineage?: null }|{ body?: "output"; input?: null; decision?: null; output: hindsight.v1.OutputDigest.$Shape; checkpoint?: null; marker?: null; blob?: null; lineage?: null }|{ body?: "checkpoint"; input?: null; decision?: null; output?: null; checkpoint: hindsight.v1.CheckpointRef.$Shape; marker?: null; blob?: null; lineage?: null }|{ body?: "marker"; input?: null; decision?: null; output?: null; checkpoint?: null; marker: hindsight.v1.RunMarker.$Shape; blob?: null; lineage?: null }|{ body?: "blob"; input?: null; decision?: null; output?: null; checkpoint?: null; marker?: null; blob: hindsight.v1.Blob.$Shape; lineage?: null }|{ body?: "lineage"; input?: null; decision?: null; output?: null; checkpoint?: null; marker?: null; blob?: null; lineage: hindsight.v1.OutputLineage.$Shape })
             * )} hindsight.v1.Record.$Shape
             */

            /**
             * Constructs a new Record.
             * @memberof hindsight.v1
             * @classdesc Represents a Record.
             * @constructor
             * @param {hindsight.v1.Record.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Record = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Record timeNs.
             * @member {number|Long} timeNs
             * @memberof hindsight.v1.Record
             * @instance
             */
            Record.prototype.timeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Record input.
             * @member {hindsight.v1.InputEvent.$Properties|null|undefined} input
             * @memberof hindsight.v1.Record
             * @instance
             */
            Record.prototype.input = null;

            /**
             * Record decision.
             * @member {hindsight.v1.Decision.$Properties|null|undefined} decision
             * @memberof hindsight.v1.Record
             * @instance
             */
            Record.prototype.decision = null;

            /**
             * Record output.
             * @member {hindsight.v1.OutputDigest.$Properties|null|undefined} output
             * @memberof hindsight.v1.Record
             * @instance
             */
            Record.prototype.output = null;

            /**
             * Record checkpoint.
             * @member {hindsight.v1.CheckpointRef.$Properties|null|undefined} checkpoint
             * @memberof hindsight.v1.Record
             * @instance
             */
            Record.prototype.checkpoint = null;

            /**
             * Record marker.
             * @member {hindsight.v1.RunMarker.$Properties|null|undefined} marker
             * @memberof hindsight.v1.Record
             * @instance
             */
            Record.prototype.marker = null;

            /**
             * Record blob.
             * @member {hindsight.v1.Blob.$Properties|null|undefined} blob
             * @memberof hindsight.v1.Record
             * @instance
             */
            Record.prototype.blob = null;

            /**
             * Record lineage.
             * @member {hindsight.v1.OutputLineage.$Properties|null|undefined} lineage
             * @memberof hindsight.v1.Record
             * @instance
             */
            Record.prototype.lineage = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Record body.
             * @member {"input"|"decision"|"output"|"checkpoint"|"marker"|"blob"|"lineage"|undefined} body
             * @memberof hindsight.v1.Record
             * @instance
             */
            $Object.defineProperty(Record.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["input", "decision", "output", "checkpoint", "marker", "blob", "lineage"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Record instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.Record
             * @static
             * @param {hindsight.v1.Record.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.Record} Record instance
             * @type {{
             *   (properties: hindsight.v1.Record.$Shape): hindsight.v1.Record & hindsight.v1.Record.$Shape;
             *   (properties?: hindsight.v1.Record.$Properties): hindsight.v1.Record;
             * }}
             */
            Record.create = function(properties) {
                return new Record(properties);
            };

            /**
             * Encodes the specified Record message. Does not implicitly {@link hindsight.v1.Record.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.Record
             * @static
             * @param {hindsight.v1.Record.$Properties} m Record message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Record.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.timeNs != null && $Object.hasOwnProperty.call(m, "timeNs") && (typeof m.timeNs === "object" ? m.timeNs.low || m.timeNs.high : m.timeNs !== 0))
                    w.uint32(/* id 1, wireType 1 =*/9).fixed64(m.timeNs);
                if (m.input != null && $Object.hasOwnProperty.call(m, "input"))
                    $root.hindsight.v1.InputEvent.encode(m.input, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.decision != null && $Object.hasOwnProperty.call(m, "decision"))
                    $root.hindsight.v1.Decision.encode(m.decision, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.output != null && $Object.hasOwnProperty.call(m, "output"))
                    $root.hindsight.v1.OutputDigest.encode(m.output, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.checkpoint != null && $Object.hasOwnProperty.call(m, "checkpoint"))
                    $root.hindsight.v1.CheckpointRef.encode(m.checkpoint, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.marker != null && $Object.hasOwnProperty.call(m, "marker"))
                    $root.hindsight.v1.RunMarker.encode(m.marker, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.blob != null && $Object.hasOwnProperty.call(m, "blob"))
                    $root.hindsight.v1.Blob.encode(m.blob, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.lineage != null && $Object.hasOwnProperty.call(m, "lineage"))
                    $root.hindsight.v1.OutputLineage.encode(m.lineage, w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Record message, length delimited. Does not implicitly {@link hindsight.v1.Record.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.Record
             * @static
             * @param {hindsight.v1.Record.$Properties} message Record message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Record.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Record message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.Record
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.Record & hindsight.v1.Record.$Shape} Record
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Record.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.Record();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 1)
                                break;
                            if (typeof (v = r.fixed64()) === "object" ? v.low || v.high : v !== 0)
                                m.timeNs = v;
                            else
                                delete m.timeNs;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.input = $root.hindsight.v1.InputEvent.decode(r, r.size(), $undefined, q + 1, m.input);
                            m.body = "input";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.decision = $root.hindsight.v1.Decision.decode(r, r.size(), $undefined, q + 1, m.decision);
                            m.body = "decision";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.output = $root.hindsight.v1.OutputDigest.decode(r, r.size(), $undefined, q + 1, m.output);
                            m.body = "output";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.checkpoint = $root.hindsight.v1.CheckpointRef.decode(r, r.size(), $undefined, q + 1, m.checkpoint);
                            m.body = "checkpoint";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.marker = $root.hindsight.v1.RunMarker.decode(r, r.size(), $undefined, q + 1, m.marker);
                            m.body = "marker";
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.blob = $root.hindsight.v1.Blob.decode(r, r.size(), $undefined, q + 1, m.blob);
                            m.body = "blob";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.lineage = $root.hindsight.v1.OutputLineage.decode(r, r.size(), $undefined, q + 1, m.lineage);
                            m.body = "lineage";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Record message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.Record
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.Record & hindsight.v1.Record.$Shape} Record
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Record.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Record message.
             * @function verify
             * @memberof hindsight.v1.Record
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Record.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.timeNs != null && $Object.hasOwnProperty.call(m, "timeNs")) {
                    if (!$util.isInteger(m.timeNs) && !(m.timeNs && $util.isInteger(m.timeNs.low) && $util.isInteger(m.timeNs.high)))
                        return "timeNs: integer|Long expected";
                }
                if (m.input != null && $Object.hasOwnProperty.call(m, "input")) {
                    p.body = 1;
                    {
                        var e = $root.hindsight.v1.InputEvent.verify(m.input, q + 1);
                        if (e)
                            return "input." + e;
                    }
                }
                if (m.decision != null && $Object.hasOwnProperty.call(m, "decision")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.hindsight.v1.Decision.verify(m.decision, q + 1);
                        if (e)
                            return "decision." + e;
                    }
                }
                if (m.output != null && $Object.hasOwnProperty.call(m, "output")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.hindsight.v1.OutputDigest.verify(m.output, q + 1);
                        if (e)
                            return "output." + e;
                    }
                }
                if (m.checkpoint != null && $Object.hasOwnProperty.call(m, "checkpoint")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.hindsight.v1.CheckpointRef.verify(m.checkpoint, q + 1);
                        if (e)
                            return "checkpoint." + e;
                    }
                }
                if (m.marker != null && $Object.hasOwnProperty.call(m, "marker")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.hindsight.v1.RunMarker.verify(m.marker, q + 1);
                        if (e)
                            return "marker." + e;
                    }
                }
                if (m.blob != null && $Object.hasOwnProperty.call(m, "blob")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.hindsight.v1.Blob.verify(m.blob, q + 1);
                        if (e)
                            return "blob." + e;
                    }
                }
                if (m.lineage != null && $Object.hasOwnProperty.call(m, "lineage")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.hindsight.v1.OutputLineage.verify(m.lineage, q + 1);
                        if (e)
                            return "lineage." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a Record message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.Record
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.Record} Record
             */
            Record.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.Record)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.Record: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.Record();
                if (d.timeNs != null) {
                    if (typeof d.timeNs === "object" ? d.timeNs.low || d.timeNs.high : $Number(d.timeNs) !== 0) {
                        if ($util.Long)
                            m.timeNs = $util.Long.fromValue(d.timeNs, true);
                        else if (typeof d.timeNs === "string")
                            m.timeNs = $parseInt(d.timeNs, 10);
                        else if (typeof d.timeNs === "number")
                            m.timeNs = d.timeNs;
                        else if (typeof d.timeNs === "object")
                            m.timeNs = new $util.LongBits(d.timeNs.low >>> 0, d.timeNs.high >>> 0).toNumber(true);
                    }
                }
                if (d.input != null) {
                    if (!$util.isObject(d.input))
                        throw $TypeError(".hindsight.v1.Record.input: object expected");
                    m.input = $root.hindsight.v1.InputEvent.fromObject(d.input, q + 1);
                }
                if (d.decision != null) {
                    if (!$util.isObject(d.decision))
                        throw $TypeError(".hindsight.v1.Record.decision: object expected");
                    m.decision = $root.hindsight.v1.Decision.fromObject(d.decision, q + 1);
                }
                if (d.output != null) {
                    if (!$util.isObject(d.output))
                        throw $TypeError(".hindsight.v1.Record.output: object expected");
                    m.output = $root.hindsight.v1.OutputDigest.fromObject(d.output, q + 1);
                }
                if (d.checkpoint != null) {
                    if (!$util.isObject(d.checkpoint))
                        throw $TypeError(".hindsight.v1.Record.checkpoint: object expected");
                    m.checkpoint = $root.hindsight.v1.CheckpointRef.fromObject(d.checkpoint, q + 1);
                }
                if (d.marker != null) {
                    if (!$util.isObject(d.marker))
                        throw $TypeError(".hindsight.v1.Record.marker: object expected");
                    m.marker = $root.hindsight.v1.RunMarker.fromObject(d.marker, q + 1);
                }
                if (d.blob != null) {
                    if (!$util.isObject(d.blob))
                        throw $TypeError(".hindsight.v1.Record.blob: object expected");
                    m.blob = $root.hindsight.v1.Blob.fromObject(d.blob, q + 1);
                }
                if (d.lineage != null) {
                    if (!$util.isObject(d.lineage))
                        throw $TypeError(".hindsight.v1.Record.lineage: object expected");
                    m.lineage = $root.hindsight.v1.OutputLineage.fromObject(d.lineage, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Record message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.Record
             * @static
             * @param {hindsight.v1.Record} m Record
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Record.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.timeNs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.timeNs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.timeNs != null && $Object.hasOwnProperty.call(m, "timeNs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.timeNs = typeof m.timeNs === "number" ? $BigInt(m.timeNs) : $util.Long.fromBits(m.timeNs.low >>> 0, m.timeNs.high >>> 0, true).toBigInt();
                    else if (typeof m.timeNs === "number")
                        d.timeNs = o.longs === $String ? $String(m.timeNs) : m.timeNs;
                    else
                        d.timeNs = o.longs === $String ? $util.Long.prototype.toString.call(m.timeNs) : o.longs === $Number ? new $util.LongBits(m.timeNs.low >>> 0, m.timeNs.high >>> 0).toNumber(true) : m.timeNs;
                }
                if (m.input != null && $Object.hasOwnProperty.call(m, "input")) {
                    d.input = $root.hindsight.v1.InputEvent.toObject(m.input, o, q + 1);
                    if (o.oneofs)
                        d.body = "input";
                }
                if (m.decision != null && $Object.hasOwnProperty.call(m, "decision")) {
                    d.decision = $root.hindsight.v1.Decision.toObject(m.decision, o, q + 1);
                    if (o.oneofs)
                        d.body = "decision";
                }
                if (m.output != null && $Object.hasOwnProperty.call(m, "output")) {
                    d.output = $root.hindsight.v1.OutputDigest.toObject(m.output, o, q + 1);
                    if (o.oneofs)
                        d.body = "output";
                }
                if (m.checkpoint != null && $Object.hasOwnProperty.call(m, "checkpoint")) {
                    d.checkpoint = $root.hindsight.v1.CheckpointRef.toObject(m.checkpoint, o, q + 1);
                    if (o.oneofs)
                        d.body = "checkpoint";
                }
                if (m.marker != null && $Object.hasOwnProperty.call(m, "marker")) {
                    d.marker = $root.hindsight.v1.RunMarker.toObject(m.marker, o, q + 1);
                    if (o.oneofs)
                        d.body = "marker";
                }
                if (m.blob != null && $Object.hasOwnProperty.call(m, "blob")) {
                    d.blob = $root.hindsight.v1.Blob.toObject(m.blob, o, q + 1);
                    if (o.oneofs)
                        d.body = "blob";
                }
                if (m.lineage != null && $Object.hasOwnProperty.call(m, "lineage")) {
                    d.lineage = $root.hindsight.v1.OutputLineage.toObject(m.lineage, o, q + 1);
                    if (o.oneofs)
                        d.body = "lineage";
                }
                return d;
            };

            /**
             * Converts this Record to JSON.
             * @function toJSON
             * @memberof hindsight.v1.Record
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Record.prototype.toJSON = function() {
                return Record.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Record;
        })();

        v1.InputEvent = (function() {

            /**
             * Properties of an InputEvent.
             * @typedef {Object} hindsight.v1.InputEvent.$Properties
             * @property {number|null} [stream] InputEvent stream
             * @property {number|Long|null} [streamSeq] InputEvent streamSeq
             * @property {Uint8Array|null} [key] InputEvent key
             * @property {Uint8Array|null} [payload] InputEvent payload
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InputEvent.
             * @memberof hindsight.v1
             * @interface IInputEvent
             * @augments hindsight.v1.InputEvent.$Properties
             * @deprecated Use hindsight.v1.InputEvent.$Properties instead.
             */

            /**
             * Shape of an InputEvent.
             * @typedef {hindsight.v1.InputEvent.$Properties} hindsight.v1.InputEvent.$Shape
             */

            /**
             * Constructs a new InputEvent.
             * @memberof hindsight.v1
             * @classdesc Represents an InputEvent.
             * @constructor
             * @param {hindsight.v1.InputEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InputEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * InputEvent stream.
             * @member {number} stream
             * @memberof hindsight.v1.InputEvent
             * @instance
             */
            InputEvent.prototype.stream = 0;

            /**
             * InputEvent streamSeq.
             * @member {number|Long} streamSeq
             * @memberof hindsight.v1.InputEvent
             * @instance
             */
            InputEvent.prototype.streamSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * InputEvent key.
             * @member {Uint8Array} key
             * @memberof hindsight.v1.InputEvent
             * @instance
             */
            InputEvent.prototype.key = $util.newBuffer([]);

            /**
             * InputEvent payload.
             * @member {Uint8Array} payload
             * @memberof hindsight.v1.InputEvent
             * @instance
             */
            InputEvent.prototype.payload = $util.newBuffer([]);

            /**
             * Creates a new InputEvent instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.InputEvent
             * @static
             * @param {hindsight.v1.InputEvent.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.InputEvent} InputEvent instance
             * @type {{
             *   (properties: hindsight.v1.InputEvent.$Shape): hindsight.v1.InputEvent & hindsight.v1.InputEvent.$Shape;
             *   (properties?: hindsight.v1.InputEvent.$Properties): hindsight.v1.InputEvent;
             * }}
             */
            InputEvent.create = function(properties) {
                return new InputEvent(properties);
            };

            /**
             * Encodes the specified InputEvent message. Does not implicitly {@link hindsight.v1.InputEvent.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.InputEvent
             * @static
             * @param {hindsight.v1.InputEvent.$Properties} m InputEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InputEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.stream != null && $Object.hasOwnProperty.call(m, "stream") && m.stream !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.stream);
                if (m.streamSeq != null && $Object.hasOwnProperty.call(m, "streamSeq") && (typeof m.streamSeq === "object" ? m.streamSeq.low || m.streamSeq.high : m.streamSeq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.streamSeq);
                if (m.key != null && $Object.hasOwnProperty.call(m, "key") && m.key.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.key);
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.payload);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified InputEvent message, length delimited. Does not implicitly {@link hindsight.v1.InputEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.InputEvent
             * @static
             * @param {hindsight.v1.InputEvent.$Properties} message InputEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InputEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InputEvent message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.InputEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.InputEvent & hindsight.v1.InputEvent.$Shape} InputEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InputEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.InputEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.stream = v;
                            else
                                delete m.stream;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.streamSeq = v;
                            else
                                delete m.streamSeq;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.key = v;
                            else
                                delete m.key;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an InputEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.InputEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.InputEvent & hindsight.v1.InputEvent.$Shape} InputEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InputEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InputEvent message.
             * @function verify
             * @memberof hindsight.v1.InputEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InputEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.stream != null && $Object.hasOwnProperty.call(m, "stream")) {
                    if (!$util.isInteger(m.stream))
                        return "stream: integer expected";
                }
                if (m.streamSeq != null && $Object.hasOwnProperty.call(m, "streamSeq")) {
                    if (!$util.isInteger(m.streamSeq) && !(m.streamSeq && $util.isInteger(m.streamSeq.low) && $util.isInteger(m.streamSeq.high)))
                        return "streamSeq: integer|Long expected";
                }
                if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                    if (!(m.key && typeof m.key.length === "number" || $util.isString(m.key)))
                        return "key: buffer expected";
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    if (!(m.payload && typeof m.payload.length === "number" || $util.isString(m.payload)))
                        return "payload: buffer expected";
                }
                return null;
            };

            /**
             * Creates an InputEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.InputEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.InputEvent} InputEvent
             */
            InputEvent.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.InputEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.InputEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.InputEvent();
                if (d.stream != null) {
                    if ($Number(d.stream) !== 0) {
                        m.stream = d.stream >>> 0;
                    }
                }
                if (d.streamSeq != null) {
                    if (typeof d.streamSeq === "object" ? d.streamSeq.low || d.streamSeq.high : $Number(d.streamSeq) !== 0) {
                        if ($util.Long)
                            m.streamSeq = $util.Long.fromValue(d.streamSeq, true);
                        else if (typeof d.streamSeq === "string")
                            m.streamSeq = $parseInt(d.streamSeq, 10);
                        else if (typeof d.streamSeq === "number")
                            m.streamSeq = d.streamSeq;
                        else if (typeof d.streamSeq === "object")
                            m.streamSeq = new $util.LongBits(d.streamSeq.low >>> 0, d.streamSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.key != null) {
                    if (d.key.length) {
                        if (typeof d.key === "string")
                            $util.base64.decode(d.key, m.key = $util.newBuffer($util.base64.length(d.key)), 0);
                        else if (d.key.length >= 0)
                            m.key = d.key;
                    }
                }
                if (d.payload != null) {
                    if (d.payload.length) {
                        if (typeof d.payload === "string")
                            $util.base64.decode(d.payload, m.payload = $util.newBuffer($util.base64.length(d.payload)), 0);
                        else if (d.payload.length >= 0)
                            m.payload = d.payload;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an InputEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.InputEvent
             * @static
             * @param {hindsight.v1.InputEvent} m InputEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InputEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.stream = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.streamSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.streamSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.key = "";
                    else {
                        d.key = [];
                        if (o.bytes !== $Array)
                            d.key = $util.newBuffer(d.key);
                    }
                    if (o.bytes === $String)
                        d.payload = "";
                    else {
                        d.payload = [];
                        if (o.bytes !== $Array)
                            d.payload = $util.newBuffer(d.payload);
                    }
                }
                if (m.stream != null && $Object.hasOwnProperty.call(m, "stream")) {
                    d.stream = m.stream;
                }
                if (m.streamSeq != null && $Object.hasOwnProperty.call(m, "streamSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.streamSeq = typeof m.streamSeq === "number" ? $BigInt(m.streamSeq) : $util.Long.fromBits(m.streamSeq.low >>> 0, m.streamSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.streamSeq === "number")
                        d.streamSeq = o.longs === $String ? $String(m.streamSeq) : m.streamSeq;
                    else
                        d.streamSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.streamSeq) : o.longs === $Number ? new $util.LongBits(m.streamSeq.low >>> 0, m.streamSeq.high >>> 0).toNumber(true) : m.streamSeq;
                }
                if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                    d.key = o.bytes === $String ? $util.base64.encode(m.key, 0, m.key.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.key) : m.key;
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    d.payload = o.bytes === $String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payload) : m.payload;
                }
                return d;
            };

            /**
             * Converts this InputEvent to JSON.
             * @function toJSON
             * @memberof hindsight.v1.InputEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InputEvent.prototype.toJSON = function() {
                return InputEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            return InputEvent;
        })();

        /**
         * DecisionKind enum.
         * @name hindsight.v1.DecisionKind
         * @enum {number}
         * @property {number} DECISION_KIND_UNSPECIFIED=0 DECISION_KIND_UNSPECIFIED value
         * @property {number} DECISION_KIND_CLOCK=1 DECISION_KIND_CLOCK value
         * @property {number} DECISION_KIND_RANDOM=2 DECISION_KIND_RANDOM value
         * @property {number} DECISION_KIND_LOOKUP=3 DECISION_KIND_LOOKUP value
         * @property {number} DECISION_KIND_TICK=4 DECISION_KIND_TICK value
         * @property {number} DECISION_KIND_FAULT=5 DECISION_KIND_FAULT value
         * @property {number} DECISION_KIND_AMBIENT=6 DECISION_KIND_AMBIENT value
         * @property {number} DECISION_KIND_SCHEDULE=7 DECISION_KIND_SCHEDULE value
         */
        v1.DecisionKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DECISION_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DECISION_KIND_CLOCK"] = 1;
            values[valuesById[2] = "DECISION_KIND_RANDOM"] = 2;
            values[valuesById[3] = "DECISION_KIND_LOOKUP"] = 3;
            values[valuesById[4] = "DECISION_KIND_TICK"] = 4;
            values[valuesById[5] = "DECISION_KIND_FAULT"] = 5;
            values[valuesById[6] = "DECISION_KIND_AMBIENT"] = 6;
            values[valuesById[7] = "DECISION_KIND_SCHEDULE"] = 7;
            return values;
        })();

        v1.Decision = (function() {

            /**
             * Properties of a Decision.
             * @typedef {Object} hindsight.v1.Decision.$Properties
             * @property {hindsight.v1.DecisionKind|null} [kind] Decision kind
             * @property {string|null} [name] Decision name
             * @property {number|Long|null} [eventSeq] Decision eventSeq
             * @property {number|null} [index] Decision index
             * @property {Uint8Array|null} [value] Decision value
             * @property {Uint8Array|null} [key] Decision key
             * @property {Uint8Array|null} [contentHash] Decision contentHash
             * @property {string|null} [step] Decision step
             * @property {boolean|null} [settledAtOnce] Decision settledAtOnce
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Decision.
             * @memberof hindsight.v1
             * @interface IDecision
             * @augments hindsight.v1.Decision.$Properties
             * @deprecated Use hindsight.v1.Decision.$Properties instead.
             */

            /**
             * Shape of a Decision.
             * @typedef {hindsight.v1.Decision.$Properties} hindsight.v1.Decision.$Shape
             */

            /**
             * Constructs a new Decision.
             * @memberof hindsight.v1
             * @classdesc Represents a Decision.
             * @constructor
             * @param {hindsight.v1.Decision.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Decision = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Decision kind.
             * @member {hindsight.v1.DecisionKind} kind
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.kind = 0;

            /**
             * Decision name.
             * @member {string} name
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.name = "";

            /**
             * Decision eventSeq.
             * @member {number|Long} eventSeq
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.eventSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Decision index.
             * @member {number} index
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.index = 0;

            /**
             * Decision value.
             * @member {Uint8Array} value
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.value = $util.newBuffer([]);

            /**
             * Decision key.
             * @member {Uint8Array} key
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.key = $util.newBuffer([]);

            /**
             * Decision contentHash.
             * @member {Uint8Array} contentHash
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.contentHash = $util.newBuffer([]);

            /**
             * Decision step.
             * @member {string} step
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.step = "";

            /**
             * Decision settledAtOnce.
             * @member {boolean} settledAtOnce
             * @memberof hindsight.v1.Decision
             * @instance
             */
            Decision.prototype.settledAtOnce = false;

            /**
             * Creates a new Decision instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.Decision
             * @static
             * @param {hindsight.v1.Decision.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.Decision} Decision instance
             * @type {{
             *   (properties: hindsight.v1.Decision.$Shape): hindsight.v1.Decision & hindsight.v1.Decision.$Shape;
             *   (properties?: hindsight.v1.Decision.$Properties): hindsight.v1.Decision;
             * }}
             */
            Decision.create = function(properties) {
                return new Decision(properties);
            };

            /**
             * Encodes the specified Decision message. Does not implicitly {@link hindsight.v1.Decision.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.Decision
             * @static
             * @param {hindsight.v1.Decision.$Properties} m Decision message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Decision.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.kind);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.name);
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq") && (typeof m.eventSeq === "object" ? m.eventSeq.low || m.eventSeq.high : m.eventSeq !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.eventSeq);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && m.index !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.index);
                if (m.value != null && $Object.hasOwnProperty.call(m, "value") && m.value.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.value);
                if (m.key != null && $Object.hasOwnProperty.call(m, "key") && m.key.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.key);
                if (m.contentHash != null && $Object.hasOwnProperty.call(m, "contentHash") && m.contentHash.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.contentHash);
                if (m.step != null && $Object.hasOwnProperty.call(m, "step") && m.step !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.step);
                if (m.settledAtOnce != null && $Object.hasOwnProperty.call(m, "settledAtOnce") && m.settledAtOnce !== false)
                    w.uint32(/* id 9, wireType 0 =*/72).bool(m.settledAtOnce);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Decision message, length delimited. Does not implicitly {@link hindsight.v1.Decision.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.Decision
             * @static
             * @param {hindsight.v1.Decision.$Properties} message Decision message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Decision.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Decision message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.Decision
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.Decision & hindsight.v1.Decision.$Shape} Decision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Decision.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.Decision();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.eventSeq = v;
                            else
                                delete m.eventSeq;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.value = v;
                            else
                                delete m.value;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.key = v;
                            else
                                delete m.key;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.contentHash = v;
                            else
                                delete m.contentHash;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.step = v;
                            else
                                delete m.step;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.settledAtOnce = v;
                            else
                                delete m.settledAtOnce;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Decision message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.Decision
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.Decision & hindsight.v1.Decision.$Shape} Decision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Decision.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Decision message.
             * @function verify
             * @memberof hindsight.v1.Decision
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Decision.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (typeof m.kind !== "number" || (m.kind | 0) !== m.kind)
                        return "kind: enum value expected";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq")) {
                    if (!$util.isInteger(m.eventSeq) && !(m.eventSeq && $util.isInteger(m.eventSeq.low) && $util.isInteger(m.eventSeq.high)))
                        return "eventSeq: integer|Long expected";
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index))
                        return "index: integer expected";
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                    if (!(m.value && typeof m.value.length === "number" || $util.isString(m.value)))
                        return "value: buffer expected";
                }
                if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                    if (!(m.key && typeof m.key.length === "number" || $util.isString(m.key)))
                        return "key: buffer expected";
                }
                if (m.contentHash != null && $Object.hasOwnProperty.call(m, "contentHash")) {
                    if (!(m.contentHash && typeof m.contentHash.length === "number" || $util.isString(m.contentHash)))
                        return "contentHash: buffer expected";
                }
                if (m.step != null && $Object.hasOwnProperty.call(m, "step")) {
                    if (!$util.isString(m.step))
                        return "step: string expected";
                }
                if (m.settledAtOnce != null && $Object.hasOwnProperty.call(m, "settledAtOnce")) {
                    if (typeof m.settledAtOnce !== "boolean")
                        return "settledAtOnce: boolean expected";
                }
                return null;
            };

            /**
             * Creates a Decision message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.Decision
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.Decision} Decision
             */
            Decision.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.Decision)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.Decision: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.Decision();
                if (d.kind !== 0 && (typeof d.kind !== "string" || $root.hindsight.v1.DecisionKind[d.kind] !== 0)) {
                    switch (d.kind) {
                    case "DECISION_KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "DECISION_KIND_CLOCK":
                    case 1:
                        m.kind = 1;
                        break;
                    case "DECISION_KIND_RANDOM":
                    case 2:
                        m.kind = 2;
                        break;
                    case "DECISION_KIND_LOOKUP":
                    case 3:
                        m.kind = 3;
                        break;
                    case "DECISION_KIND_TICK":
                    case 4:
                        m.kind = 4;
                        break;
                    case "DECISION_KIND_FAULT":
                    case 5:
                        m.kind = 5;
                        break;
                    case "DECISION_KIND_AMBIENT":
                    case 6:
                        m.kind = 6;
                        break;
                    case "DECISION_KIND_SCHEDULE":
                    case 7:
                        m.kind = 7;
                        break;
                    default:
                        if (typeof d.kind === "number" && (d.kind | 0) === d.kind)
                            m.kind = d.kind;
                    }
                }
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.eventSeq != null) {
                    if (typeof d.eventSeq === "object" ? d.eventSeq.low || d.eventSeq.high : $Number(d.eventSeq) !== 0) {
                        if ($util.Long)
                            m.eventSeq = $util.Long.fromValue(d.eventSeq, true);
                        else if (typeof d.eventSeq === "string")
                            m.eventSeq = $parseInt(d.eventSeq, 10);
                        else if (typeof d.eventSeq === "number")
                            m.eventSeq = d.eventSeq;
                        else if (typeof d.eventSeq === "object")
                            m.eventSeq = new $util.LongBits(d.eventSeq.low >>> 0, d.eventSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.index != null) {
                    if ($Number(d.index) !== 0) {
                        m.index = d.index >>> 0;
                    }
                }
                if (d.value != null) {
                    if (d.value.length) {
                        if (typeof d.value === "string")
                            $util.base64.decode(d.value, m.value = $util.newBuffer($util.base64.length(d.value)), 0);
                        else if (d.value.length >= 0)
                            m.value = d.value;
                    }
                }
                if (d.key != null) {
                    if (d.key.length) {
                        if (typeof d.key === "string")
                            $util.base64.decode(d.key, m.key = $util.newBuffer($util.base64.length(d.key)), 0);
                        else if (d.key.length >= 0)
                            m.key = d.key;
                    }
                }
                if (d.contentHash != null) {
                    if (d.contentHash.length) {
                        if (typeof d.contentHash === "string")
                            $util.base64.decode(d.contentHash, m.contentHash = $util.newBuffer($util.base64.length(d.contentHash)), 0);
                        else if (d.contentHash.length >= 0)
                            m.contentHash = d.contentHash;
                    }
                }
                if (d.step != null) {
                    if (typeof d.step !== "string" || d.step.length) {
                        m.step = $String(d.step);
                    }
                }
                if (d.settledAtOnce != null) {
                    if (d.settledAtOnce) {
                        m.settledAtOnce = $Boolean(d.settledAtOnce);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Decision message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.Decision
             * @static
             * @param {hindsight.v1.Decision} m Decision
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Decision.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.kind = o.enums === $String ? "DECISION_KIND_UNSPECIFIED" : 0;
                    d.name = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.eventSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.eventSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.index = 0;
                    if (o.bytes === $String)
                        d.value = "";
                    else {
                        d.value = [];
                        if (o.bytes !== $Array)
                            d.value = $util.newBuffer(d.value);
                    }
                    if (o.bytes === $String)
                        d.key = "";
                    else {
                        d.key = [];
                        if (o.bytes !== $Array)
                            d.key = $util.newBuffer(d.key);
                    }
                    if (o.bytes === $String)
                        d.contentHash = "";
                    else {
                        d.contentHash = [];
                        if (o.bytes !== $Array)
                            d.contentHash = $util.newBuffer(d.contentHash);
                    }
                    d.step = "";
                    d.settledAtOnce = false;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = o.enums === $String ? $root.hindsight.v1.DecisionKind[m.kind] === $undefined ? m.kind : $root.hindsight.v1.DecisionKind[m.kind] : m.kind;
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.eventSeq = typeof m.eventSeq === "number" ? $BigInt(m.eventSeq) : $util.Long.fromBits(m.eventSeq.low >>> 0, m.eventSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.eventSeq === "number")
                        d.eventSeq = o.longs === $String ? $String(m.eventSeq) : m.eventSeq;
                    else
                        d.eventSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.eventSeq) : o.longs === $Number ? new $util.LongBits(m.eventSeq.low >>> 0, m.eventSeq.high >>> 0).toNumber(true) : m.eventSeq;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    d.index = m.index;
                }
                if (m.value != null && $Object.hasOwnProperty.call(m, "value")) {
                    d.value = o.bytes === $String ? $util.base64.encode(m.value, 0, m.value.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.value) : m.value;
                }
                if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                    d.key = o.bytes === $String ? $util.base64.encode(m.key, 0, m.key.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.key) : m.key;
                }
                if (m.contentHash != null && $Object.hasOwnProperty.call(m, "contentHash")) {
                    d.contentHash = o.bytes === $String ? $util.base64.encode(m.contentHash, 0, m.contentHash.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.contentHash) : m.contentHash;
                }
                if (m.step != null && $Object.hasOwnProperty.call(m, "step")) {
                    d.step = m.step;
                }
                if (m.settledAtOnce != null && $Object.hasOwnProperty.call(m, "settledAtOnce")) {
                    d.settledAtOnce = m.settledAtOnce;
                }
                return d;
            };

            /**
             * Converts this Decision to JSON.
             * @function toJSON
             * @memberof hindsight.v1.Decision
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Decision.prototype.toJSON = function() {
                return Decision.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Decision;
        })();

        v1.Blob = (function() {

            /**
             * Properties of a Blob.
             * @typedef {Object} hindsight.v1.Blob.$Properties
             * @property {Uint8Array|null} [hash] Blob hash
             * @property {Uint8Array|null} [data] Blob data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Blob.
             * @memberof hindsight.v1
             * @interface IBlob
             * @augments hindsight.v1.Blob.$Properties
             * @deprecated Use hindsight.v1.Blob.$Properties instead.
             */

            /**
             * Shape of a Blob.
             * @typedef {hindsight.v1.Blob.$Properties} hindsight.v1.Blob.$Shape
             */

            /**
             * Constructs a new Blob.
             * @memberof hindsight.v1
             * @classdesc Represents a Blob.
             * @constructor
             * @param {hindsight.v1.Blob.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Blob = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Blob hash.
             * @member {Uint8Array} hash
             * @memberof hindsight.v1.Blob
             * @instance
             */
            Blob.prototype.hash = $util.newBuffer([]);

            /**
             * Blob data.
             * @member {Uint8Array} data
             * @memberof hindsight.v1.Blob
             * @instance
             */
            Blob.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Blob instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.Blob
             * @static
             * @param {hindsight.v1.Blob.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.Blob} Blob instance
             * @type {{
             *   (properties: hindsight.v1.Blob.$Shape): hindsight.v1.Blob & hindsight.v1.Blob.$Shape;
             *   (properties?: hindsight.v1.Blob.$Properties): hindsight.v1.Blob;
             * }}
             */
            Blob.create = function(properties) {
                return new Blob(properties);
            };

            /**
             * Encodes the specified Blob message. Does not implicitly {@link hindsight.v1.Blob.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.Blob
             * @static
             * @param {hindsight.v1.Blob.$Properties} m Blob message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Blob.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hash != null && $Object.hasOwnProperty.call(m, "hash") && m.hash.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.hash);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.data);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Blob message, length delimited. Does not implicitly {@link hindsight.v1.Blob.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.Blob
             * @static
             * @param {hindsight.v1.Blob.$Properties} message Blob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Blob.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Blob message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.Blob
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.Blob & hindsight.v1.Blob.$Shape} Blob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Blob.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.Blob();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.hash = v;
                            else
                                delete m.hash;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Blob message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.Blob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.Blob & hindsight.v1.Blob.$Shape} Blob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Blob.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Blob message.
             * @function verify
             * @memberof hindsight.v1.Blob
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Blob.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.hash != null && $Object.hasOwnProperty.call(m, "hash")) {
                    if (!(m.hash && typeof m.hash.length === "number" || $util.isString(m.hash)))
                        return "hash: buffer expected";
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    if (!(m.data && typeof m.data.length === "number" || $util.isString(m.data)))
                        return "data: buffer expected";
                }
                return null;
            };

            /**
             * Creates a Blob message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.Blob
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.Blob} Blob
             */
            Blob.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.Blob)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.Blob: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.Blob();
                if (d.hash != null) {
                    if (d.hash.length) {
                        if (typeof d.hash === "string")
                            $util.base64.decode(d.hash, m.hash = $util.newBuffer($util.base64.length(d.hash)), 0);
                        else if (d.hash.length >= 0)
                            m.hash = d.hash;
                    }
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Blob message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.Blob
             * @static
             * @param {hindsight.v1.Blob} m Blob
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Blob.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.hash = "";
                    else {
                        d.hash = [];
                        if (o.bytes !== $Array)
                            d.hash = $util.newBuffer(d.hash);
                    }
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                }
                if (m.hash != null && $Object.hasOwnProperty.call(m, "hash")) {
                    d.hash = o.bytes === $String ? $util.base64.encode(m.hash, 0, m.hash.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.hash) : m.hash;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                return d;
            };

            /**
             * Converts this Blob to JSON.
             * @function toJSON
             * @memberof hindsight.v1.Blob
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Blob.prototype.toJSON = function() {
                return Blob.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Blob;
        })();

        v1.OutputDigest = (function() {

            /**
             * Properties of an OutputDigest.
             * @typedef {Object} hindsight.v1.OutputDigest.$Properties
             * @property {number|null} [sink] OutputDigest sink
             * @property {number|Long|null} [eventSeq] OutputDigest eventSeq
             * @property {number|null} [index] OutputDigest index
             * @property {number|Long|null} [sinkSeq] OutputDigest sinkSeq
             * @property {Uint8Array|null} [digest] OutputDigest digest
             * @property {Uint8Array|null} [data] OutputDigest data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OutputDigest.
             * @memberof hindsight.v1
             * @interface IOutputDigest
             * @augments hindsight.v1.OutputDigest.$Properties
             * @deprecated Use hindsight.v1.OutputDigest.$Properties instead.
             */

            /**
             * Shape of an OutputDigest.
             * @typedef {hindsight.v1.OutputDigest.$Properties} hindsight.v1.OutputDigest.$Shape
             */

            /**
             * Constructs a new OutputDigest.
             * @memberof hindsight.v1
             * @classdesc Represents an OutputDigest.
             * @constructor
             * @param {hindsight.v1.OutputDigest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OutputDigest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * OutputDigest sink.
             * @member {number} sink
             * @memberof hindsight.v1.OutputDigest
             * @instance
             */
            OutputDigest.prototype.sink = 0;

            /**
             * OutputDigest eventSeq.
             * @member {number|Long} eventSeq
             * @memberof hindsight.v1.OutputDigest
             * @instance
             */
            OutputDigest.prototype.eventSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OutputDigest index.
             * @member {number} index
             * @memberof hindsight.v1.OutputDigest
             * @instance
             */
            OutputDigest.prototype.index = 0;

            /**
             * OutputDigest sinkSeq.
             * @member {number|Long} sinkSeq
             * @memberof hindsight.v1.OutputDigest
             * @instance
             */
            OutputDigest.prototype.sinkSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OutputDigest digest.
             * @member {Uint8Array} digest
             * @memberof hindsight.v1.OutputDigest
             * @instance
             */
            OutputDigest.prototype.digest = $util.newBuffer([]);

            /**
             * OutputDigest data.
             * @member {Uint8Array} data
             * @memberof hindsight.v1.OutputDigest
             * @instance
             */
            OutputDigest.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new OutputDigest instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.OutputDigest
             * @static
             * @param {hindsight.v1.OutputDigest.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.OutputDigest} OutputDigest instance
             * @type {{
             *   (properties: hindsight.v1.OutputDigest.$Shape): hindsight.v1.OutputDigest & hindsight.v1.OutputDigest.$Shape;
             *   (properties?: hindsight.v1.OutputDigest.$Properties): hindsight.v1.OutputDigest;
             * }}
             */
            OutputDigest.create = function(properties) {
                return new OutputDigest(properties);
            };

            /**
             * Encodes the specified OutputDigest message. Does not implicitly {@link hindsight.v1.OutputDigest.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.OutputDigest
             * @static
             * @param {hindsight.v1.OutputDigest.$Properties} m OutputDigest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OutputDigest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sink != null && $Object.hasOwnProperty.call(m, "sink") && m.sink !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.sink);
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq") && (typeof m.eventSeq === "object" ? m.eventSeq.low || m.eventSeq.high : m.eventSeq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.eventSeq);
                if (m.index != null && $Object.hasOwnProperty.call(m, "index") && m.index !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.index);
                if (m.sinkSeq != null && $Object.hasOwnProperty.call(m, "sinkSeq") && (typeof m.sinkSeq === "object" ? m.sinkSeq.low || m.sinkSeq.high : m.sinkSeq !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.sinkSeq);
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.digest);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.data);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified OutputDigest message, length delimited. Does not implicitly {@link hindsight.v1.OutputDigest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.OutputDigest
             * @static
             * @param {hindsight.v1.OutputDigest.$Properties} message OutputDigest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OutputDigest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an OutputDigest message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.OutputDigest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.OutputDigest & hindsight.v1.OutputDigest.$Shape} OutputDigest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OutputDigest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.OutputDigest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.sink = v;
                            else
                                delete m.sink;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.eventSeq = v;
                            else
                                delete m.eventSeq;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.index = v;
                            else
                                delete m.index;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sinkSeq = v;
                            else
                                delete m.sinkSeq;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.digest = v;
                            else
                                delete m.digest;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an OutputDigest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.OutputDigest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.OutputDigest & hindsight.v1.OutputDigest.$Shape} OutputDigest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OutputDigest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an OutputDigest message.
             * @function verify
             * @memberof hindsight.v1.OutputDigest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            OutputDigest.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.sink != null && $Object.hasOwnProperty.call(m, "sink")) {
                    if (!$util.isInteger(m.sink))
                        return "sink: integer expected";
                }
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq")) {
                    if (!$util.isInteger(m.eventSeq) && !(m.eventSeq && $util.isInteger(m.eventSeq.low) && $util.isInteger(m.eventSeq.high)))
                        return "eventSeq: integer|Long expected";
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    if (!$util.isInteger(m.index))
                        return "index: integer expected";
                }
                if (m.sinkSeq != null && $Object.hasOwnProperty.call(m, "sinkSeq")) {
                    if (!$util.isInteger(m.sinkSeq) && !(m.sinkSeq && $util.isInteger(m.sinkSeq.low) && $util.isInteger(m.sinkSeq.high)))
                        return "sinkSeq: integer|Long expected";
                }
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest")) {
                    if (!(m.digest && typeof m.digest.length === "number" || $util.isString(m.digest)))
                        return "digest: buffer expected";
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    if (!(m.data && typeof m.data.length === "number" || $util.isString(m.data)))
                        return "data: buffer expected";
                }
                return null;
            };

            /**
             * Creates an OutputDigest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.OutputDigest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.OutputDigest} OutputDigest
             */
            OutputDigest.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.OutputDigest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.OutputDigest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.OutputDigest();
                if (d.sink != null) {
                    if ($Number(d.sink) !== 0) {
                        m.sink = d.sink >>> 0;
                    }
                }
                if (d.eventSeq != null) {
                    if (typeof d.eventSeq === "object" ? d.eventSeq.low || d.eventSeq.high : $Number(d.eventSeq) !== 0) {
                        if ($util.Long)
                            m.eventSeq = $util.Long.fromValue(d.eventSeq, true);
                        else if (typeof d.eventSeq === "string")
                            m.eventSeq = $parseInt(d.eventSeq, 10);
                        else if (typeof d.eventSeq === "number")
                            m.eventSeq = d.eventSeq;
                        else if (typeof d.eventSeq === "object")
                            m.eventSeq = new $util.LongBits(d.eventSeq.low >>> 0, d.eventSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.index != null) {
                    if ($Number(d.index) !== 0) {
                        m.index = d.index >>> 0;
                    }
                }
                if (d.sinkSeq != null) {
                    if (typeof d.sinkSeq === "object" ? d.sinkSeq.low || d.sinkSeq.high : $Number(d.sinkSeq) !== 0) {
                        if ($util.Long)
                            m.sinkSeq = $util.Long.fromValue(d.sinkSeq, true);
                        else if (typeof d.sinkSeq === "string")
                            m.sinkSeq = $parseInt(d.sinkSeq, 10);
                        else if (typeof d.sinkSeq === "number")
                            m.sinkSeq = d.sinkSeq;
                        else if (typeof d.sinkSeq === "object")
                            m.sinkSeq = new $util.LongBits(d.sinkSeq.low >>> 0, d.sinkSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.digest != null) {
                    if (d.digest.length) {
                        if (typeof d.digest === "string")
                            $util.base64.decode(d.digest, m.digest = $util.newBuffer($util.base64.length(d.digest)), 0);
                        else if (d.digest.length >= 0)
                            m.digest = d.digest;
                    }
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an OutputDigest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.OutputDigest
             * @static
             * @param {hindsight.v1.OutputDigest} m OutputDigest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OutputDigest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.sink = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.eventSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.eventSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.index = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sinkSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sinkSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.digest = "";
                    else {
                        d.digest = [];
                        if (o.bytes !== $Array)
                            d.digest = $util.newBuffer(d.digest);
                    }
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                }
                if (m.sink != null && $Object.hasOwnProperty.call(m, "sink")) {
                    d.sink = m.sink;
                }
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.eventSeq = typeof m.eventSeq === "number" ? $BigInt(m.eventSeq) : $util.Long.fromBits(m.eventSeq.low >>> 0, m.eventSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.eventSeq === "number")
                        d.eventSeq = o.longs === $String ? $String(m.eventSeq) : m.eventSeq;
                    else
                        d.eventSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.eventSeq) : o.longs === $Number ? new $util.LongBits(m.eventSeq.low >>> 0, m.eventSeq.high >>> 0).toNumber(true) : m.eventSeq;
                }
                if (m.index != null && $Object.hasOwnProperty.call(m, "index")) {
                    d.index = m.index;
                }
                if (m.sinkSeq != null && $Object.hasOwnProperty.call(m, "sinkSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sinkSeq = typeof m.sinkSeq === "number" ? $BigInt(m.sinkSeq) : $util.Long.fromBits(m.sinkSeq.low >>> 0, m.sinkSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.sinkSeq === "number")
                        d.sinkSeq = o.longs === $String ? $String(m.sinkSeq) : m.sinkSeq;
                    else
                        d.sinkSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.sinkSeq) : o.longs === $Number ? new $util.LongBits(m.sinkSeq.low >>> 0, m.sinkSeq.high >>> 0).toNumber(true) : m.sinkSeq;
                }
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest")) {
                    d.digest = o.bytes === $String ? $util.base64.encode(m.digest, 0, m.digest.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.digest) : m.digest;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                return d;
            };

            /**
             * Converts this OutputDigest to JSON.
             * @function toJSON
             * @memberof hindsight.v1.OutputDigest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OutputDigest.prototype.toJSON = function() {
                return OutputDigest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OutputDigest;
        })();

        v1.CheckpointRef = (function() {

            /**
             * Properties of a CheckpointRef.
             * @typedef {Object} hindsight.v1.CheckpointRef.$Properties
             * @property {number|Long|null} [eventSeq] CheckpointRef eventSeq
             * @property {Uint8Array|null} [stateDigest] CheckpointRef stateDigest
             * @property {string|null} [location] CheckpointRef location
             * @property {number|Long|null} [eventsHandled] CheckpointRef eventsHandled
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CheckpointRef.
             * @memberof hindsight.v1
             * @interface ICheckpointRef
             * @augments hindsight.v1.CheckpointRef.$Properties
             * @deprecated Use hindsight.v1.CheckpointRef.$Properties instead.
             */

            /**
             * Shape of a CheckpointRef.
             * @typedef {hindsight.v1.CheckpointRef.$Properties} hindsight.v1.CheckpointRef.$Shape
             */

            /**
             * Constructs a new CheckpointRef.
             * @memberof hindsight.v1
             * @classdesc Represents a CheckpointRef.
             * @constructor
             * @param {hindsight.v1.CheckpointRef.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CheckpointRef = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CheckpointRef eventSeq.
             * @member {number|Long} eventSeq
             * @memberof hindsight.v1.CheckpointRef
             * @instance
             */
            CheckpointRef.prototype.eventSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CheckpointRef stateDigest.
             * @member {Uint8Array} stateDigest
             * @memberof hindsight.v1.CheckpointRef
             * @instance
             */
            CheckpointRef.prototype.stateDigest = $util.newBuffer([]);

            /**
             * CheckpointRef location.
             * @member {string} location
             * @memberof hindsight.v1.CheckpointRef
             * @instance
             */
            CheckpointRef.prototype.location = "";

            /**
             * CheckpointRef eventsHandled.
             * @member {number|Long} eventsHandled
             * @memberof hindsight.v1.CheckpointRef
             * @instance
             */
            CheckpointRef.prototype.eventsHandled = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new CheckpointRef instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.CheckpointRef
             * @static
             * @param {hindsight.v1.CheckpointRef.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.CheckpointRef} CheckpointRef instance
             * @type {{
             *   (properties: hindsight.v1.CheckpointRef.$Shape): hindsight.v1.CheckpointRef & hindsight.v1.CheckpointRef.$Shape;
             *   (properties?: hindsight.v1.CheckpointRef.$Properties): hindsight.v1.CheckpointRef;
             * }}
             */
            CheckpointRef.create = function(properties) {
                return new CheckpointRef(properties);
            };

            /**
             * Encodes the specified CheckpointRef message. Does not implicitly {@link hindsight.v1.CheckpointRef.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.CheckpointRef
             * @static
             * @param {hindsight.v1.CheckpointRef.$Properties} m CheckpointRef message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckpointRef.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq") && (typeof m.eventSeq === "object" ? m.eventSeq.low || m.eventSeq.high : m.eventSeq !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.eventSeq);
                if (m.stateDigest != null && $Object.hasOwnProperty.call(m, "stateDigest") && m.stateDigest.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.stateDigest);
                if (m.location != null && $Object.hasOwnProperty.call(m, "location") && m.location !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.location);
                if (m.eventsHandled != null && $Object.hasOwnProperty.call(m, "eventsHandled") && (typeof m.eventsHandled === "object" ? m.eventsHandled.low || m.eventsHandled.high : m.eventsHandled !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.eventsHandled);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified CheckpointRef message, length delimited. Does not implicitly {@link hindsight.v1.CheckpointRef.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.CheckpointRef
             * @static
             * @param {hindsight.v1.CheckpointRef.$Properties} message CheckpointRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckpointRef.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CheckpointRef message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.CheckpointRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.CheckpointRef & hindsight.v1.CheckpointRef.$Shape} CheckpointRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckpointRef.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.CheckpointRef();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.eventSeq = v;
                            else
                                delete m.eventSeq;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.stateDigest = v;
                            else
                                delete m.stateDigest;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.location = v;
                            else
                                delete m.location;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.eventsHandled = v;
                            else
                                delete m.eventsHandled;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a CheckpointRef message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.CheckpointRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.CheckpointRef & hindsight.v1.CheckpointRef.$Shape} CheckpointRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckpointRef.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CheckpointRef message.
             * @function verify
             * @memberof hindsight.v1.CheckpointRef
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CheckpointRef.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq")) {
                    if (!$util.isInteger(m.eventSeq) && !(m.eventSeq && $util.isInteger(m.eventSeq.low) && $util.isInteger(m.eventSeq.high)))
                        return "eventSeq: integer|Long expected";
                }
                if (m.stateDigest != null && $Object.hasOwnProperty.call(m, "stateDigest")) {
                    if (!(m.stateDigest && typeof m.stateDigest.length === "number" || $util.isString(m.stateDigest)))
                        return "stateDigest: buffer expected";
                }
                if (m.location != null && $Object.hasOwnProperty.call(m, "location")) {
                    if (!$util.isString(m.location))
                        return "location: string expected";
                }
                if (m.eventsHandled != null && $Object.hasOwnProperty.call(m, "eventsHandled")) {
                    if (!$util.isInteger(m.eventsHandled) && !(m.eventsHandled && $util.isInteger(m.eventsHandled.low) && $util.isInteger(m.eventsHandled.high)))
                        return "eventsHandled: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a CheckpointRef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.CheckpointRef
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.CheckpointRef} CheckpointRef
             */
            CheckpointRef.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.CheckpointRef)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.CheckpointRef: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.CheckpointRef();
                if (d.eventSeq != null) {
                    if (typeof d.eventSeq === "object" ? d.eventSeq.low || d.eventSeq.high : $Number(d.eventSeq) !== 0) {
                        if ($util.Long)
                            m.eventSeq = $util.Long.fromValue(d.eventSeq, true);
                        else if (typeof d.eventSeq === "string")
                            m.eventSeq = $parseInt(d.eventSeq, 10);
                        else if (typeof d.eventSeq === "number")
                            m.eventSeq = d.eventSeq;
                        else if (typeof d.eventSeq === "object")
                            m.eventSeq = new $util.LongBits(d.eventSeq.low >>> 0, d.eventSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.stateDigest != null) {
                    if (d.stateDigest.length) {
                        if (typeof d.stateDigest === "string")
                            $util.base64.decode(d.stateDigest, m.stateDigest = $util.newBuffer($util.base64.length(d.stateDigest)), 0);
                        else if (d.stateDigest.length >= 0)
                            m.stateDigest = d.stateDigest;
                    }
                }
                if (d.location != null) {
                    if (typeof d.location !== "string" || d.location.length) {
                        m.location = $String(d.location);
                    }
                }
                if (d.eventsHandled != null) {
                    if (typeof d.eventsHandled === "object" ? d.eventsHandled.low || d.eventsHandled.high : $Number(d.eventsHandled) !== 0) {
                        if ($util.Long)
                            m.eventsHandled = $util.Long.fromValue(d.eventsHandled, true);
                        else if (typeof d.eventsHandled === "string")
                            m.eventsHandled = $parseInt(d.eventsHandled, 10);
                        else if (typeof d.eventsHandled === "number")
                            m.eventsHandled = d.eventsHandled;
                        else if (typeof d.eventsHandled === "object")
                            m.eventsHandled = new $util.LongBits(d.eventsHandled.low >>> 0, d.eventsHandled.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CheckpointRef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.CheckpointRef
             * @static
             * @param {hindsight.v1.CheckpointRef} m CheckpointRef
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CheckpointRef.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.eventSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.eventSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.stateDigest = "";
                    else {
                        d.stateDigest = [];
                        if (o.bytes !== $Array)
                            d.stateDigest = $util.newBuffer(d.stateDigest);
                    }
                    d.location = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.eventsHandled = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.eventsHandled = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.eventSeq = typeof m.eventSeq === "number" ? $BigInt(m.eventSeq) : $util.Long.fromBits(m.eventSeq.low >>> 0, m.eventSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.eventSeq === "number")
                        d.eventSeq = o.longs === $String ? $String(m.eventSeq) : m.eventSeq;
                    else
                        d.eventSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.eventSeq) : o.longs === $Number ? new $util.LongBits(m.eventSeq.low >>> 0, m.eventSeq.high >>> 0).toNumber(true) : m.eventSeq;
                }
                if (m.stateDigest != null && $Object.hasOwnProperty.call(m, "stateDigest")) {
                    d.stateDigest = o.bytes === $String ? $util.base64.encode(m.stateDigest, 0, m.stateDigest.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.stateDigest) : m.stateDigest;
                }
                if (m.location != null && $Object.hasOwnProperty.call(m, "location")) {
                    d.location = m.location;
                }
                if (m.eventsHandled != null && $Object.hasOwnProperty.call(m, "eventsHandled")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.eventsHandled = typeof m.eventsHandled === "number" ? $BigInt(m.eventsHandled) : $util.Long.fromBits(m.eventsHandled.low >>> 0, m.eventsHandled.high >>> 0, true).toBigInt();
                    else if (typeof m.eventsHandled === "number")
                        d.eventsHandled = o.longs === $String ? $String(m.eventsHandled) : m.eventsHandled;
                    else
                        d.eventsHandled = o.longs === $String ? $util.Long.prototype.toString.call(m.eventsHandled) : o.longs === $Number ? new $util.LongBits(m.eventsHandled.low >>> 0, m.eventsHandled.high >>> 0).toNumber(true) : m.eventsHandled;
                }
                return d;
            };

            /**
             * Converts this CheckpointRef to JSON.
             * @function toJSON
             * @memberof hindsight.v1.CheckpointRef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CheckpointRef.prototype.toJSON = function() {
                return CheckpointRef.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CheckpointRef;
        })();

        /**
         * MarkerKind enum.
         * @name hindsight.v1.MarkerKind
         * @enum {number}
         * @property {number} MARKER_KIND_UNSPECIFIED=0 MARKER_KIND_UNSPECIFIED value
         * @property {number} MARKER_KIND_START=1 MARKER_KIND_START value
         * @property {number} MARKER_KIND_STOP=2 MARKER_KIND_STOP value
         */
        v1.MarkerKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "MARKER_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "MARKER_KIND_START"] = 1;
            values[valuesById[2] = "MARKER_KIND_STOP"] = 2;
            return values;
        })();

        v1.RunMarker = (function() {

            /**
             * Properties of a RunMarker.
             * @typedef {Object} hindsight.v1.RunMarker.$Properties
             * @property {hindsight.v1.MarkerKind|null} [kind] RunMarker kind
             * @property {string|null} [appName] RunMarker appName
             * @property {string|null} [appBuild] RunMarker appBuild
             * @property {string|null} [seed] RunMarker seed
             * @property {string|null} [configJson] RunMarker configJson
             * @property {number|Long|null} [events] RunMarker events
             * @property {string|null} [status] RunMarker status
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RunMarker.
             * @memberof hindsight.v1
             * @interface IRunMarker
             * @augments hindsight.v1.RunMarker.$Properties
             * @deprecated Use hindsight.v1.RunMarker.$Properties instead.
             */

            /**
             * Shape of a RunMarker.
             * @typedef {hindsight.v1.RunMarker.$Properties} hindsight.v1.RunMarker.$Shape
             */

            /**
             * Constructs a new RunMarker.
             * @memberof hindsight.v1
             * @classdesc Represents a RunMarker.
             * @constructor
             * @param {hindsight.v1.RunMarker.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RunMarker = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RunMarker kind.
             * @member {hindsight.v1.MarkerKind} kind
             * @memberof hindsight.v1.RunMarker
             * @instance
             */
            RunMarker.prototype.kind = 0;

            /**
             * RunMarker appName.
             * @member {string} appName
             * @memberof hindsight.v1.RunMarker
             * @instance
             */
            RunMarker.prototype.appName = "";

            /**
             * RunMarker appBuild.
             * @member {string} appBuild
             * @memberof hindsight.v1.RunMarker
             * @instance
             */
            RunMarker.prototype.appBuild = "";

            /**
             * RunMarker seed.
             * @member {string} seed
             * @memberof hindsight.v1.RunMarker
             * @instance
             */
            RunMarker.prototype.seed = "";

            /**
             * RunMarker configJson.
             * @member {string} configJson
             * @memberof hindsight.v1.RunMarker
             * @instance
             */
            RunMarker.prototype.configJson = "";

            /**
             * RunMarker events.
             * @member {number|Long} events
             * @memberof hindsight.v1.RunMarker
             * @instance
             */
            RunMarker.prototype.events = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RunMarker status.
             * @member {string} status
             * @memberof hindsight.v1.RunMarker
             * @instance
             */
            RunMarker.prototype.status = "";

            /**
             * Creates a new RunMarker instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.RunMarker
             * @static
             * @param {hindsight.v1.RunMarker.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.RunMarker} RunMarker instance
             * @type {{
             *   (properties: hindsight.v1.RunMarker.$Shape): hindsight.v1.RunMarker & hindsight.v1.RunMarker.$Shape;
             *   (properties?: hindsight.v1.RunMarker.$Properties): hindsight.v1.RunMarker;
             * }}
             */
            RunMarker.create = function(properties) {
                return new RunMarker(properties);
            };

            /**
             * Encodes the specified RunMarker message. Does not implicitly {@link hindsight.v1.RunMarker.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.RunMarker
             * @static
             * @param {hindsight.v1.RunMarker.$Properties} m RunMarker message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RunMarker.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.kind);
                if (m.appName != null && $Object.hasOwnProperty.call(m, "appName") && m.appName !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.appName);
                if (m.appBuild != null && $Object.hasOwnProperty.call(m, "appBuild") && m.appBuild !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.appBuild);
                if (m.seed != null && $Object.hasOwnProperty.call(m, "seed") && m.seed !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.seed);
                if (m.configJson != null && $Object.hasOwnProperty.call(m, "configJson") && m.configJson !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.configJson);
                if (m.events != null && $Object.hasOwnProperty.call(m, "events") && (typeof m.events === "object" ? m.events.low || m.events.high : m.events !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.events);
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.status);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified RunMarker message, length delimited. Does not implicitly {@link hindsight.v1.RunMarker.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.RunMarker
             * @static
             * @param {hindsight.v1.RunMarker.$Properties} message RunMarker message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RunMarker.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RunMarker message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.RunMarker
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.RunMarker & hindsight.v1.RunMarker.$Shape} RunMarker
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RunMarker.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.RunMarker();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.appName = v;
                            else
                                delete m.appName;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.appBuild = v;
                            else
                                delete m.appBuild;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.seed = v;
                            else
                                delete m.seed;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.configJson = v;
                            else
                                delete m.configJson;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.events = v;
                            else
                                delete m.events;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a RunMarker message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.RunMarker
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.RunMarker & hindsight.v1.RunMarker.$Shape} RunMarker
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RunMarker.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RunMarker message.
             * @function verify
             * @memberof hindsight.v1.RunMarker
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RunMarker.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (typeof m.kind !== "number" || (m.kind | 0) !== m.kind)
                        return "kind: enum value expected";
                }
                if (m.appName != null && $Object.hasOwnProperty.call(m, "appName")) {
                    if (!$util.isString(m.appName))
                        return "appName: string expected";
                }
                if (m.appBuild != null && $Object.hasOwnProperty.call(m, "appBuild")) {
                    if (!$util.isString(m.appBuild))
                        return "appBuild: string expected";
                }
                if (m.seed != null && $Object.hasOwnProperty.call(m, "seed")) {
                    if (!$util.isString(m.seed))
                        return "seed: string expected";
                }
                if (m.configJson != null && $Object.hasOwnProperty.call(m, "configJson")) {
                    if (!$util.isString(m.configJson))
                        return "configJson: string expected";
                }
                if (m.events != null && $Object.hasOwnProperty.call(m, "events")) {
                    if (!$util.isInteger(m.events) && !(m.events && $util.isInteger(m.events.low) && $util.isInteger(m.events.high)))
                        return "events: integer|Long expected";
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    if (!$util.isString(m.status))
                        return "status: string expected";
                }
                return null;
            };

            /**
             * Creates a RunMarker message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.RunMarker
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.RunMarker} RunMarker
             */
            RunMarker.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.RunMarker)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.RunMarker: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.RunMarker();
                if (d.kind !== 0 && (typeof d.kind !== "string" || $root.hindsight.v1.MarkerKind[d.kind] !== 0)) {
                    switch (d.kind) {
                    case "MARKER_KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "MARKER_KIND_START":
                    case 1:
                        m.kind = 1;
                        break;
                    case "MARKER_KIND_STOP":
                    case 2:
                        m.kind = 2;
                        break;
                    default:
                        if (typeof d.kind === "number" && (d.kind | 0) === d.kind)
                            m.kind = d.kind;
                    }
                }
                if (d.appName != null) {
                    if (typeof d.appName !== "string" || d.appName.length) {
                        m.appName = $String(d.appName);
                    }
                }
                if (d.appBuild != null) {
                    if (typeof d.appBuild !== "string" || d.appBuild.length) {
                        m.appBuild = $String(d.appBuild);
                    }
                }
                if (d.seed != null) {
                    if (typeof d.seed !== "string" || d.seed.length) {
                        m.seed = $String(d.seed);
                    }
                }
                if (d.configJson != null) {
                    if (typeof d.configJson !== "string" || d.configJson.length) {
                        m.configJson = $String(d.configJson);
                    }
                }
                if (d.events != null) {
                    if (typeof d.events === "object" ? d.events.low || d.events.high : $Number(d.events) !== 0) {
                        if ($util.Long)
                            m.events = $util.Long.fromValue(d.events, true);
                        else if (typeof d.events === "string")
                            m.events = $parseInt(d.events, 10);
                        else if (typeof d.events === "number")
                            m.events = d.events;
                        else if (typeof d.events === "object")
                            m.events = new $util.LongBits(d.events.low >>> 0, d.events.high >>> 0).toNumber(true);
                    }
                }
                if (d.status != null) {
                    if (typeof d.status !== "string" || d.status.length) {
                        m.status = $String(d.status);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a RunMarker message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.RunMarker
             * @static
             * @param {hindsight.v1.RunMarker} m RunMarker
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RunMarker.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.kind = o.enums === $String ? "MARKER_KIND_UNSPECIFIED" : 0;
                    d.appName = "";
                    d.appBuild = "";
                    d.seed = "";
                    d.configJson = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.events = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.events = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.status = "";
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = o.enums === $String ? $root.hindsight.v1.MarkerKind[m.kind] === $undefined ? m.kind : $root.hindsight.v1.MarkerKind[m.kind] : m.kind;
                }
                if (m.appName != null && $Object.hasOwnProperty.call(m, "appName")) {
                    d.appName = m.appName;
                }
                if (m.appBuild != null && $Object.hasOwnProperty.call(m, "appBuild")) {
                    d.appBuild = m.appBuild;
                }
                if (m.seed != null && $Object.hasOwnProperty.call(m, "seed")) {
                    d.seed = m.seed;
                }
                if (m.configJson != null && $Object.hasOwnProperty.call(m, "configJson")) {
                    d.configJson = m.configJson;
                }
                if (m.events != null && $Object.hasOwnProperty.call(m, "events")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.events = typeof m.events === "number" ? $BigInt(m.events) : $util.Long.fromBits(m.events.low >>> 0, m.events.high >>> 0, true).toBigInt();
                    else if (typeof m.events === "number")
                        d.events = o.longs === $String ? $String(m.events) : m.events;
                    else
                        d.events = o.longs === $String ? $util.Long.prototype.toString.call(m.events) : o.longs === $Number ? new $util.LongBits(m.events.low >>> 0, m.events.high >>> 0).toNumber(true) : m.events;
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    d.status = m.status;
                }
                return d;
            };

            /**
             * Converts this RunMarker to JSON.
             * @function toJSON
             * @memberof hindsight.v1.RunMarker
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RunMarker.prototype.toJSON = function() {
                return RunMarker.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RunMarker;
        })();

        v1.OutputLineage = (function() {

            /**
             * Properties of an OutputLineage.
             * @typedef {Object} hindsight.v1.OutputLineage.$Properties
             * @property {number|null} [sink] OutputLineage sink
             * @property {number|Long|null} [sinkSeq] OutputLineage sinkSeq
             * @property {number|Long|null} [eventSeq] OutputLineage eventSeq
             * @property {Array.<string>|null} [path] OutputLineage path
             * @property {Array.<hindsight.v1.StateReadRef.$Properties>|null} [reads] OutputLineage reads
             * @property {Array.<number>|null} [decisions] OutputLineage decisions
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OutputLineage.
             * @memberof hindsight.v1
             * @interface IOutputLineage
             * @augments hindsight.v1.OutputLineage.$Properties
             * @deprecated Use hindsight.v1.OutputLineage.$Properties instead.
             */

            /**
             * Shape of an OutputLineage.
             * @typedef {hindsight.v1.OutputLineage.$Properties} hindsight.v1.OutputLineage.$Shape
             */

            /**
             * Constructs a new OutputLineage.
             * @memberof hindsight.v1
             * @classdesc Represents an OutputLineage.
             * @constructor
             * @param {hindsight.v1.OutputLineage.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OutputLineage = function (p) {
                this.path = [];
                this.reads = [];
                this.decisions = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * OutputLineage sink.
             * @member {number} sink
             * @memberof hindsight.v1.OutputLineage
             * @instance
             */
            OutputLineage.prototype.sink = 0;

            /**
             * OutputLineage sinkSeq.
             * @member {number|Long} sinkSeq
             * @memberof hindsight.v1.OutputLineage
             * @instance
             */
            OutputLineage.prototype.sinkSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OutputLineage eventSeq.
             * @member {number|Long} eventSeq
             * @memberof hindsight.v1.OutputLineage
             * @instance
             */
            OutputLineage.prototype.eventSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OutputLineage path.
             * @member {Array.<string>} path
             * @memberof hindsight.v1.OutputLineage
             * @instance
             */
            OutputLineage.prototype.path = $util.emptyArray;

            /**
             * OutputLineage reads.
             * @member {Array.<hindsight.v1.StateReadRef.$Properties>} reads
             * @memberof hindsight.v1.OutputLineage
             * @instance
             */
            OutputLineage.prototype.reads = $util.emptyArray;

            /**
             * OutputLineage decisions.
             * @member {Array.<number>} decisions
             * @memberof hindsight.v1.OutputLineage
             * @instance
             */
            OutputLineage.prototype.decisions = $util.emptyArray;

            /**
             * Creates a new OutputLineage instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.OutputLineage
             * @static
             * @param {hindsight.v1.OutputLineage.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.OutputLineage} OutputLineage instance
             * @type {{
             *   (properties: hindsight.v1.OutputLineage.$Shape): hindsight.v1.OutputLineage & hindsight.v1.OutputLineage.$Shape;
             *   (properties?: hindsight.v1.OutputLineage.$Properties): hindsight.v1.OutputLineage;
             * }}
             */
            OutputLineage.create = function(properties) {
                return new OutputLineage(properties);
            };

            /**
             * Encodes the specified OutputLineage message. Does not implicitly {@link hindsight.v1.OutputLineage.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.OutputLineage
             * @static
             * @param {hindsight.v1.OutputLineage.$Properties} m OutputLineage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OutputLineage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sink != null && $Object.hasOwnProperty.call(m, "sink") && m.sink !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.sink);
                if (m.sinkSeq != null && $Object.hasOwnProperty.call(m, "sinkSeq") && (typeof m.sinkSeq === "object" ? m.sinkSeq.low || m.sinkSeq.high : m.sinkSeq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.sinkSeq);
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq") && (typeof m.eventSeq === "object" ? m.eventSeq.low || m.eventSeq.high : m.eventSeq !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.eventSeq);
                if (m.path != null && m.path.length) {
                    for (var i = 0; i < m.path.length; ++i)
                        w.uint32(/* id 4, wireType 2 =*/34).string(m.path[i]);
                }
                if (m.reads != null && m.reads.length) {
                    for (var i = 0; i < m.reads.length; ++i)
                        $root.hindsight.v1.StateReadRef.encode(m.reads[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                }
                if (m.decisions != null && m.decisions.length) {
                    w.uint32(/* id 6, wireType 2 =*/50).uint32s(m.decisions);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified OutputLineage message, length delimited. Does not implicitly {@link hindsight.v1.OutputLineage.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.OutputLineage
             * @static
             * @param {hindsight.v1.OutputLineage.$Properties} message OutputLineage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OutputLineage.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an OutputLineage message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.OutputLineage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.OutputLineage & hindsight.v1.OutputLineage.$Shape} OutputLineage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OutputLineage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.OutputLineage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.sink = v;
                            else
                                delete m.sink;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sinkSeq = v;
                            else
                                delete m.sinkSeq;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.eventSeq = v;
                            else
                                delete m.eventSeq;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.path && m.path.length))
                                m.path = [];
                            m.path.push(r.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.reads && m.reads.length))
                                m.reads = [];
                            m.reads.push($root.hindsight.v1.StateReadRef.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 6: {
                            if (u === 2) {
                                if (!(m.decisions && m.decisions.length))
                                    m.decisions = [];
                                r.uint32s(m.decisions);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.decisions && m.decisions.length))
                                m.decisions = [];
                            m.decisions.push(r.uint32());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an OutputLineage message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.OutputLineage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.OutputLineage & hindsight.v1.OutputLineage.$Shape} OutputLineage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OutputLineage.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an OutputLineage message.
             * @function verify
             * @memberof hindsight.v1.OutputLineage
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            OutputLineage.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.sink != null && $Object.hasOwnProperty.call(m, "sink")) {
                    if (!$util.isInteger(m.sink))
                        return "sink: integer expected";
                }
                if (m.sinkSeq != null && $Object.hasOwnProperty.call(m, "sinkSeq")) {
                    if (!$util.isInteger(m.sinkSeq) && !(m.sinkSeq && $util.isInteger(m.sinkSeq.low) && $util.isInteger(m.sinkSeq.high)))
                        return "sinkSeq: integer|Long expected";
                }
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq")) {
                    if (!$util.isInteger(m.eventSeq) && !(m.eventSeq && $util.isInteger(m.eventSeq.low) && $util.isInteger(m.eventSeq.high)))
                        return "eventSeq: integer|Long expected";
                }
                if (m.path != null && $Object.hasOwnProperty.call(m, "path")) {
                    if (!$Array.isArray(m.path))
                        return "path: array expected";
                    for (var i = 0; i < m.path.length; ++i) {
                        if (!$util.isString(m.path[i]))
                            return "path: string[] expected";
                    }
                }
                if (m.reads != null && $Object.hasOwnProperty.call(m, "reads")) {
                    if (!$Array.isArray(m.reads))
                        return "reads: array expected";
                    for (var i = 0; i < m.reads.length; ++i) {
                        {
                            var e = $root.hindsight.v1.StateReadRef.verify(m.reads[i], q + 1);
                            if (e)
                                return "reads." + e;
                        }
                    }
                }
                if (m.decisions != null && $Object.hasOwnProperty.call(m, "decisions")) {
                    if (!$Array.isArray(m.decisions))
                        return "decisions: array expected";
                    for (var i = 0; i < m.decisions.length; ++i) {
                        if (!$util.isInteger(m.decisions[i]))
                            return "decisions: integer[] expected";
                    }
                }
                return null;
            };

            /**
             * Creates an OutputLineage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.OutputLineage
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.OutputLineage} OutputLineage
             */
            OutputLineage.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.OutputLineage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.OutputLineage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.OutputLineage();
                if (d.sink != null) {
                    if ($Number(d.sink) !== 0) {
                        m.sink = d.sink >>> 0;
                    }
                }
                if (d.sinkSeq != null) {
                    if (typeof d.sinkSeq === "object" ? d.sinkSeq.low || d.sinkSeq.high : $Number(d.sinkSeq) !== 0) {
                        if ($util.Long)
                            m.sinkSeq = $util.Long.fromValue(d.sinkSeq, true);
                        else if (typeof d.sinkSeq === "string")
                            m.sinkSeq = $parseInt(d.sinkSeq, 10);
                        else if (typeof d.sinkSeq === "number")
                            m.sinkSeq = d.sinkSeq;
                        else if (typeof d.sinkSeq === "object")
                            m.sinkSeq = new $util.LongBits(d.sinkSeq.low >>> 0, d.sinkSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.eventSeq != null) {
                    if (typeof d.eventSeq === "object" ? d.eventSeq.low || d.eventSeq.high : $Number(d.eventSeq) !== 0) {
                        if ($util.Long)
                            m.eventSeq = $util.Long.fromValue(d.eventSeq, true);
                        else if (typeof d.eventSeq === "string")
                            m.eventSeq = $parseInt(d.eventSeq, 10);
                        else if (typeof d.eventSeq === "number")
                            m.eventSeq = d.eventSeq;
                        else if (typeof d.eventSeq === "object")
                            m.eventSeq = new $util.LongBits(d.eventSeq.low >>> 0, d.eventSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.path) {
                    if (!$Array.isArray(d.path))
                        throw $TypeError(".hindsight.v1.OutputLineage.path: array expected");
                    m.path = $Array(d.path.length);
                    for (var i = 0; i < d.path.length; ++i) {
                        m.path[i] = $String(d.path[i]);
                    }
                }
                if (d.reads) {
                    if (!$Array.isArray(d.reads))
                        throw $TypeError(".hindsight.v1.OutputLineage.reads: array expected");
                    m.reads = $Array(d.reads.length);
                    for (var i = 0; i < d.reads.length; ++i) {
                        if (!$util.isObject(d.reads[i]))
                            throw $TypeError(".hindsight.v1.OutputLineage.reads: object expected");
                        m.reads[i] = $root.hindsight.v1.StateReadRef.fromObject(d.reads[i], q + 1);
                    }
                }
                if (d.decisions) {
                    if (!$Array.isArray(d.decisions))
                        throw $TypeError(".hindsight.v1.OutputLineage.decisions: array expected");
                    m.decisions = $Array(d.decisions.length);
                    for (var i = 0; i < d.decisions.length; ++i) {
                        m.decisions[i] = d.decisions[i] >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an OutputLineage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.OutputLineage
             * @static
             * @param {hindsight.v1.OutputLineage} m OutputLineage
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OutputLineage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.path = [];
                    d.reads = [];
                    d.decisions = [];
                }
                if (o.defaults) {
                    d.sink = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sinkSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sinkSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.eventSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.eventSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.sink != null && $Object.hasOwnProperty.call(m, "sink")) {
                    d.sink = m.sink;
                }
                if (m.sinkSeq != null && $Object.hasOwnProperty.call(m, "sinkSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sinkSeq = typeof m.sinkSeq === "number" ? $BigInt(m.sinkSeq) : $util.Long.fromBits(m.sinkSeq.low >>> 0, m.sinkSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.sinkSeq === "number")
                        d.sinkSeq = o.longs === $String ? $String(m.sinkSeq) : m.sinkSeq;
                    else
                        d.sinkSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.sinkSeq) : o.longs === $Number ? new $util.LongBits(m.sinkSeq.low >>> 0, m.sinkSeq.high >>> 0).toNumber(true) : m.sinkSeq;
                }
                if (m.eventSeq != null && $Object.hasOwnProperty.call(m, "eventSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.eventSeq = typeof m.eventSeq === "number" ? $BigInt(m.eventSeq) : $util.Long.fromBits(m.eventSeq.low >>> 0, m.eventSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.eventSeq === "number")
                        d.eventSeq = o.longs === $String ? $String(m.eventSeq) : m.eventSeq;
                    else
                        d.eventSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.eventSeq) : o.longs === $Number ? new $util.LongBits(m.eventSeq.low >>> 0, m.eventSeq.high >>> 0).toNumber(true) : m.eventSeq;
                }
                if (m.path && m.path.length) {
                    d.path = $Array(m.path.length);
                    for (var j = 0; j < m.path.length; ++j) {
                        d.path[j] = m.path[j];
                    }
                }
                if (m.reads && m.reads.length) {
                    d.reads = $Array(m.reads.length);
                    for (var j = 0; j < m.reads.length; ++j) {
                        d.reads[j] = $root.hindsight.v1.StateReadRef.toObject(m.reads[j], o, q + 1);
                    }
                }
                if (m.decisions && m.decisions.length) {
                    d.decisions = $Array(m.decisions.length);
                    for (var j = 0; j < m.decisions.length; ++j) {
                        d.decisions[j] = m.decisions[j];
                    }
                }
                return d;
            };

            /**
             * Converts this OutputLineage to JSON.
             * @function toJSON
             * @memberof hindsight.v1.OutputLineage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OutputLineage.prototype.toJSON = function() {
                return OutputLineage.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OutputLineage;
        })();

        v1.StateReadRef = (function() {

            /**
             * Properties of a StateReadRef.
             * @typedef {Object} hindsight.v1.StateReadRef.$Properties
             * @property {string|null} [step] StateReadRef step
             * @property {string|null} [key] StateReadRef key
             * @property {number|Long|null} [writerSeq] StateReadRef writerSeq
             * @property {boolean|null} [hasWriter] StateReadRef hasWriter
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StateReadRef.
             * @memberof hindsight.v1
             * @interface IStateReadRef
             * @augments hindsight.v1.StateReadRef.$Properties
             * @deprecated Use hindsight.v1.StateReadRef.$Properties instead.
             */

            /**
             * Shape of a StateReadRef.
             * @typedef {hindsight.v1.StateReadRef.$Properties} hindsight.v1.StateReadRef.$Shape
             */

            /**
             * Constructs a new StateReadRef.
             * @memberof hindsight.v1
             * @classdesc Represents a StateReadRef.
             * @constructor
             * @param {hindsight.v1.StateReadRef.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StateReadRef = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * StateReadRef step.
             * @member {string} step
             * @memberof hindsight.v1.StateReadRef
             * @instance
             */
            StateReadRef.prototype.step = "";

            /**
             * StateReadRef key.
             * @member {string} key
             * @memberof hindsight.v1.StateReadRef
             * @instance
             */
            StateReadRef.prototype.key = "";

            /**
             * StateReadRef writerSeq.
             * @member {number|Long} writerSeq
             * @memberof hindsight.v1.StateReadRef
             * @instance
             */
            StateReadRef.prototype.writerSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StateReadRef hasWriter.
             * @member {boolean} hasWriter
             * @memberof hindsight.v1.StateReadRef
             * @instance
             */
            StateReadRef.prototype.hasWriter = false;

            /**
             * Creates a new StateReadRef instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.StateReadRef
             * @static
             * @param {hindsight.v1.StateReadRef.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.StateReadRef} StateReadRef instance
             * @type {{
             *   (properties: hindsight.v1.StateReadRef.$Shape): hindsight.v1.StateReadRef & hindsight.v1.StateReadRef.$Shape;
             *   (properties?: hindsight.v1.StateReadRef.$Properties): hindsight.v1.StateReadRef;
             * }}
             */
            StateReadRef.create = function(properties) {
                return new StateReadRef(properties);
            };

            /**
             * Encodes the specified StateReadRef message. Does not implicitly {@link hindsight.v1.StateReadRef.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.StateReadRef
             * @static
             * @param {hindsight.v1.StateReadRef.$Properties} m StateReadRef message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StateReadRef.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.step != null && $Object.hasOwnProperty.call(m, "step") && m.step !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.step);
                if (m.key != null && $Object.hasOwnProperty.call(m, "key") && m.key !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.key);
                if (m.writerSeq != null && $Object.hasOwnProperty.call(m, "writerSeq") && (typeof m.writerSeq === "object" ? m.writerSeq.low || m.writerSeq.high : m.writerSeq !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.writerSeq);
                if (m.hasWriter != null && $Object.hasOwnProperty.call(m, "hasWriter") && m.hasWriter !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.hasWriter);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified StateReadRef message, length delimited. Does not implicitly {@link hindsight.v1.StateReadRef.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.StateReadRef
             * @static
             * @param {hindsight.v1.StateReadRef.$Properties} message StateReadRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StateReadRef.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a StateReadRef message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.StateReadRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.StateReadRef & hindsight.v1.StateReadRef.$Shape} StateReadRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StateReadRef.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.StateReadRef();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.step = v;
                            else
                                delete m.step;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.key = v;
                            else
                                delete m.key;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.writerSeq = v;
                            else
                                delete m.writerSeq;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.hasWriter = v;
                            else
                                delete m.hasWriter;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a StateReadRef message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.StateReadRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.StateReadRef & hindsight.v1.StateReadRef.$Shape} StateReadRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StateReadRef.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a StateReadRef message.
             * @function verify
             * @memberof hindsight.v1.StateReadRef
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StateReadRef.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.step != null && $Object.hasOwnProperty.call(m, "step")) {
                    if (!$util.isString(m.step))
                        return "step: string expected";
                }
                if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                    if (!$util.isString(m.key))
                        return "key: string expected";
                }
                if (m.writerSeq != null && $Object.hasOwnProperty.call(m, "writerSeq")) {
                    if (!$util.isInteger(m.writerSeq) && !(m.writerSeq && $util.isInteger(m.writerSeq.low) && $util.isInteger(m.writerSeq.high)))
                        return "writerSeq: integer|Long expected";
                }
                if (m.hasWriter != null && $Object.hasOwnProperty.call(m, "hasWriter")) {
                    if (typeof m.hasWriter !== "boolean")
                        return "hasWriter: boolean expected";
                }
                return null;
            };

            /**
             * Creates a StateReadRef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.StateReadRef
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.StateReadRef} StateReadRef
             */
            StateReadRef.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.StateReadRef)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.StateReadRef: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.StateReadRef();
                if (d.step != null) {
                    if (typeof d.step !== "string" || d.step.length) {
                        m.step = $String(d.step);
                    }
                }
                if (d.key != null) {
                    if (typeof d.key !== "string" || d.key.length) {
                        m.key = $String(d.key);
                    }
                }
                if (d.writerSeq != null) {
                    if (typeof d.writerSeq === "object" ? d.writerSeq.low || d.writerSeq.high : $Number(d.writerSeq) !== 0) {
                        if ($util.Long)
                            m.writerSeq = $util.Long.fromValue(d.writerSeq, true);
                        else if (typeof d.writerSeq === "string")
                            m.writerSeq = $parseInt(d.writerSeq, 10);
                        else if (typeof d.writerSeq === "number")
                            m.writerSeq = d.writerSeq;
                        else if (typeof d.writerSeq === "object")
                            m.writerSeq = new $util.LongBits(d.writerSeq.low >>> 0, d.writerSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.hasWriter != null) {
                    if (d.hasWriter) {
                        m.hasWriter = $Boolean(d.hasWriter);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a StateReadRef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.StateReadRef
             * @static
             * @param {hindsight.v1.StateReadRef} m StateReadRef
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StateReadRef.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.step = "";
                    d.key = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.writerSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.writerSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.hasWriter = false;
                }
                if (m.step != null && $Object.hasOwnProperty.call(m, "step")) {
                    d.step = m.step;
                }
                if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                    d.key = m.key;
                }
                if (m.writerSeq != null && $Object.hasOwnProperty.call(m, "writerSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.writerSeq = typeof m.writerSeq === "number" ? $BigInt(m.writerSeq) : $util.Long.fromBits(m.writerSeq.low >>> 0, m.writerSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.writerSeq === "number")
                        d.writerSeq = o.longs === $String ? $String(m.writerSeq) : m.writerSeq;
                    else
                        d.writerSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.writerSeq) : o.longs === $Number ? new $util.LongBits(m.writerSeq.low >>> 0, m.writerSeq.high >>> 0).toNumber(true) : m.writerSeq;
                }
                if (m.hasWriter != null && $Object.hasOwnProperty.call(m, "hasWriter")) {
                    d.hasWriter = m.hasWriter;
                }
                return d;
            };

            /**
             * Converts this StateReadRef to JSON.
             * @function toJSON
             * @memberof hindsight.v1.StateReadRef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StateReadRef.prototype.toJSON = function() {
                return StateReadRef.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateReadRef;
        })();

        v1.Manifest = (function() {

            /**
             * Properties of a Manifest.
             * @typedef {Object} hindsight.v1.Manifest.$Properties
             * @property {string|null} [kind] Manifest kind
             * @property {number|null} [formatVersion] Manifest formatVersion
             * @property {Array.<string>|null} [features] Manifest features
             * @property {string|null} [recordingId] Manifest recordingId
             * @property {string|null} [createdAt] Manifest createdAt
             * @property {hindsight.v1.AppInfo.$Properties|null} [app] Manifest app
             * @property {string|null} [engineVersion] Manifest engineVersion
             * @property {Array.<hindsight.v1.StreamInfo.$Properties>|null} [streams] Manifest streams
             * @property {Array.<hindsight.v1.SinkInfo.$Properties>|null} [sinks] Manifest sinks
             * @property {string|null} [seed] Manifest seed
             * @property {string|null} [clockSource] Manifest clockSource
             * @property {hindsight.v1.WriterInfo.$Properties|null} [writer] Manifest writer
             * @property {Object.<string,string>|null} [labels] Manifest labels
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Manifest.
             * @memberof hindsight.v1
             * @interface IManifest
             * @augments hindsight.v1.Manifest.$Properties
             * @deprecated Use hindsight.v1.Manifest.$Properties instead.
             */

            /**
             * Shape of a Manifest.
             * @typedef {hindsight.v1.Manifest.$Properties} hindsight.v1.Manifest.$Shape
             */

            /**
             * Constructs a new Manifest.
             * @memberof hindsight.v1
             * @classdesc Represents a Manifest.
             * @constructor
             * @param {hindsight.v1.Manifest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Manifest = function (p) {
                this.features = [];
                this.streams = [];
                this.sinks = [];
                this.labels = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Manifest kind.
             * @member {string} kind
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.kind = "";

            /**
             * Manifest formatVersion.
             * @member {number} formatVersion
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.formatVersion = 0;

            /**
             * Manifest features.
             * @member {Array.<string>} features
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.features = $util.emptyArray;

            /**
             * Manifest recordingId.
             * @member {string} recordingId
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.recordingId = "";

            /**
             * Manifest createdAt.
             * @member {string} createdAt
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.createdAt = "";

            /**
             * Manifest app.
             * @member {hindsight.v1.AppInfo.$Properties|null|undefined} app
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.app = null;

            /**
             * Manifest engineVersion.
             * @member {string} engineVersion
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.engineVersion = "";

            /**
             * Manifest streams.
             * @member {Array.<hindsight.v1.StreamInfo.$Properties>} streams
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.streams = $util.emptyArray;

            /**
             * Manifest sinks.
             * @member {Array.<hindsight.v1.SinkInfo.$Properties>} sinks
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.sinks = $util.emptyArray;

            /**
             * Manifest seed.
             * @member {string} seed
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.seed = "";

            /**
             * Manifest clockSource.
             * @member {string} clockSource
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.clockSource = "";

            /**
             * Manifest writer.
             * @member {hindsight.v1.WriterInfo.$Properties|null|undefined} writer
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.writer = null;

            /**
             * Manifest labels.
             * @member {Object.<string,string>} labels
             * @memberof hindsight.v1.Manifest
             * @instance
             */
            Manifest.prototype.labels = $util.emptyObject;

            /**
             * Creates a new Manifest instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.Manifest
             * @static
             * @param {hindsight.v1.Manifest.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.Manifest} Manifest instance
             * @type {{
             *   (properties: hindsight.v1.Manifest.$Shape): hindsight.v1.Manifest & hindsight.v1.Manifest.$Shape;
             *   (properties?: hindsight.v1.Manifest.$Properties): hindsight.v1.Manifest;
             * }}
             */
            Manifest.create = function(properties) {
                return new Manifest(properties);
            };

            /**
             * Encodes the specified Manifest message. Does not implicitly {@link hindsight.v1.Manifest.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.Manifest
             * @static
             * @param {hindsight.v1.Manifest.$Properties} m Manifest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Manifest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.kind);
                if (m.formatVersion != null && $Object.hasOwnProperty.call(m, "formatVersion") && m.formatVersion !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.formatVersion);
                if (m.features != null && m.features.length) {
                    for (var i = 0; i < m.features.length; ++i)
                        w.uint32(/* id 3, wireType 2 =*/26).string(m.features[i]);
                }
                if (m.recordingId != null && $Object.hasOwnProperty.call(m, "recordingId") && m.recordingId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.recordingId);
                if (m.createdAt != null && $Object.hasOwnProperty.call(m, "createdAt") && m.createdAt !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.createdAt);
                if (m.app != null && $Object.hasOwnProperty.call(m, "app"))
                    $root.hindsight.v1.AppInfo.encode(m.app, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.engineVersion != null && $Object.hasOwnProperty.call(m, "engineVersion") && m.engineVersion !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.engineVersion);
                if (m.streams != null && m.streams.length) {
                    for (var i = 0; i < m.streams.length; ++i)
                        $root.hindsight.v1.StreamInfo.encode(m.streams[i], w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                }
                if (m.sinks != null && m.sinks.length) {
                    for (var i = 0; i < m.sinks.length; ++i)
                        $root.hindsight.v1.SinkInfo.encode(m.sinks[i], w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                }
                if (m.seed != null && $Object.hasOwnProperty.call(m, "seed") && m.seed !== "")
                    w.uint32(/* id 10, wireType 2 =*/82).string(m.seed);
                if (m.clockSource != null && $Object.hasOwnProperty.call(m, "clockSource") && m.clockSource !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.clockSource);
                if (m.writer != null && $Object.hasOwnProperty.call(m, "writer"))
                    $root.hindsight.v1.WriterInfo.encode(m.writer, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                        w.uint32(/* id 13, wireType 2 =*/106).fork().uint32(/* id 1, wireType 2 =*/10).string(ks[i]).uint32(/* id 2, wireType 2 =*/18).string(m.labels[ks[i]]).ldelim();
                    }
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Manifest message, length delimited. Does not implicitly {@link hindsight.v1.Manifest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.Manifest
             * @static
             * @param {hindsight.v1.Manifest.$Properties} message Manifest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Manifest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Manifest message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.Manifest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.Manifest & hindsight.v1.Manifest.$Shape} Manifest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Manifest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.Manifest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.formatVersion = v;
                            else
                                delete m.formatVersion;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.features && m.features.length))
                                m.features = [];
                            m.features.push(r.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.recordingId = v;
                            else
                                delete m.recordingId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.createdAt = v;
                            else
                                delete m.createdAt;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.app = $root.hindsight.v1.AppInfo.decode(r, r.size(), $undefined, q + 1, m.app);
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.engineVersion = v;
                            else
                                delete m.engineVersion;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.streams && m.streams.length))
                                m.streams = [];
                            m.streams.push($root.hindsight.v1.StreamInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if (!(m.sinks && m.sinks.length))
                                m.sinks = [];
                            m.sinks.push($root.hindsight.v1.SinkInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.seed = v;
                            else
                                delete m.seed;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clockSource = v;
                            else
                                delete m.clockSource;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.writer = $root.hindsight.v1.WriterInfo.decode(r, r.size(), $undefined, q + 1, m.writer);
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if (m.labels === $util.emptyObject)
                                m.labels = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.labels, k);
                            m.labels[k] = v;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Manifest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.Manifest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.Manifest & hindsight.v1.Manifest.$Shape} Manifest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Manifest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Manifest message.
             * @function verify
             * @memberof hindsight.v1.Manifest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Manifest.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (!$util.isString(m.kind))
                        return "kind: string expected";
                }
                if (m.formatVersion != null && $Object.hasOwnProperty.call(m, "formatVersion")) {
                    if (!$util.isInteger(m.formatVersion))
                        return "formatVersion: integer expected";
                }
                if (m.features != null && $Object.hasOwnProperty.call(m, "features")) {
                    if (!$Array.isArray(m.features))
                        return "features: array expected";
                    for (var i = 0; i < m.features.length; ++i) {
                        if (!$util.isString(m.features[i]))
                            return "features: string[] expected";
                    }
                }
                if (m.recordingId != null && $Object.hasOwnProperty.call(m, "recordingId")) {
                    if (!$util.isString(m.recordingId))
                        return "recordingId: string expected";
                }
                if (m.createdAt != null && $Object.hasOwnProperty.call(m, "createdAt")) {
                    if (!$util.isString(m.createdAt))
                        return "createdAt: string expected";
                }
                if (m.app != null && $Object.hasOwnProperty.call(m, "app")) {
                    {
                        var e = $root.hindsight.v1.AppInfo.verify(m.app, q + 1);
                        if (e)
                            return "app." + e;
                    }
                }
                if (m.engineVersion != null && $Object.hasOwnProperty.call(m, "engineVersion")) {
                    if (!$util.isString(m.engineVersion))
                        return "engineVersion: string expected";
                }
                if (m.streams != null && $Object.hasOwnProperty.call(m, "streams")) {
                    if (!$Array.isArray(m.streams))
                        return "streams: array expected";
                    for (var i = 0; i < m.streams.length; ++i) {
                        {
                            var e = $root.hindsight.v1.StreamInfo.verify(m.streams[i], q + 1);
                            if (e)
                                return "streams." + e;
                        }
                    }
                }
                if (m.sinks != null && $Object.hasOwnProperty.call(m, "sinks")) {
                    if (!$Array.isArray(m.sinks))
                        return "sinks: array expected";
                    for (var i = 0; i < m.sinks.length; ++i) {
                        {
                            var e = $root.hindsight.v1.SinkInfo.verify(m.sinks[i], q + 1);
                            if (e)
                                return "sinks." + e;
                        }
                    }
                }
                if (m.seed != null && $Object.hasOwnProperty.call(m, "seed")) {
                    if (!$util.isString(m.seed))
                        return "seed: string expected";
                }
                if (m.clockSource != null && $Object.hasOwnProperty.call(m, "clockSource")) {
                    if (!$util.isString(m.clockSource))
                        return "clockSource: string expected";
                }
                if (m.writer != null && $Object.hasOwnProperty.call(m, "writer")) {
                    {
                        var e = $root.hindsight.v1.WriterInfo.verify(m.writer, q + 1);
                        if (e)
                            return "writer." + e;
                    }
                }
                if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                    if (!$util.isObject(m.labels))
                        return "labels: object expected";
                    var k = $Object.keys(m.labels);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.labels[k[i]]))
                            return "labels: string{k:string} expected";
                    }
                }
                return null;
            };

            /**
             * Creates a Manifest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.Manifest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.Manifest} Manifest
             */
            Manifest.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.Manifest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.Manifest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.Manifest();
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.formatVersion != null) {
                    if ($Number(d.formatVersion) !== 0) {
                        m.formatVersion = d.formatVersion >>> 0;
                    }
                }
                if (d.features) {
                    if (!$Array.isArray(d.features))
                        throw $TypeError(".hindsight.v1.Manifest.features: array expected");
                    m.features = $Array(d.features.length);
                    for (var i = 0; i < d.features.length; ++i) {
                        m.features[i] = $String(d.features[i]);
                    }
                }
                if (d.recordingId != null) {
                    if (typeof d.recordingId !== "string" || d.recordingId.length) {
                        m.recordingId = $String(d.recordingId);
                    }
                }
                if (d.createdAt != null) {
                    if (typeof d.createdAt !== "string" || d.createdAt.length) {
                        m.createdAt = $String(d.createdAt);
                    }
                }
                if (d.app != null) {
                    if (!$util.isObject(d.app))
                        throw $TypeError(".hindsight.v1.Manifest.app: object expected");
                    m.app = $root.hindsight.v1.AppInfo.fromObject(d.app, q + 1);
                }
                if (d.engineVersion != null) {
                    if (typeof d.engineVersion !== "string" || d.engineVersion.length) {
                        m.engineVersion = $String(d.engineVersion);
                    }
                }
                if (d.streams) {
                    if (!$Array.isArray(d.streams))
                        throw $TypeError(".hindsight.v1.Manifest.streams: array expected");
                    m.streams = $Array(d.streams.length);
                    for (var i = 0; i < d.streams.length; ++i) {
                        if (!$util.isObject(d.streams[i]))
                            throw $TypeError(".hindsight.v1.Manifest.streams: object expected");
                        m.streams[i] = $root.hindsight.v1.StreamInfo.fromObject(d.streams[i], q + 1);
                    }
                }
                if (d.sinks) {
                    if (!$Array.isArray(d.sinks))
                        throw $TypeError(".hindsight.v1.Manifest.sinks: array expected");
                    m.sinks = $Array(d.sinks.length);
                    for (var i = 0; i < d.sinks.length; ++i) {
                        if (!$util.isObject(d.sinks[i]))
                            throw $TypeError(".hindsight.v1.Manifest.sinks: object expected");
                        m.sinks[i] = $root.hindsight.v1.SinkInfo.fromObject(d.sinks[i], q + 1);
                    }
                }
                if (d.seed != null) {
                    if (typeof d.seed !== "string" || d.seed.length) {
                        m.seed = $String(d.seed);
                    }
                }
                if (d.clockSource != null) {
                    if (typeof d.clockSource !== "string" || d.clockSource.length) {
                        m.clockSource = $String(d.clockSource);
                    }
                }
                if (d.writer != null) {
                    if (!$util.isObject(d.writer))
                        throw $TypeError(".hindsight.v1.Manifest.writer: object expected");
                    m.writer = $root.hindsight.v1.WriterInfo.fromObject(d.writer, q + 1);
                }
                if (d.labels) {
                    if (!$util.isObject(d.labels))
                        throw $TypeError(".hindsight.v1.Manifest.labels: object expected");
                    m.labels = {};
                    for (var ks = $Object.keys(d.labels), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.labels, ks[i]);
                        m.labels[ks[i]] = $String(d.labels[ks[i]]);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Manifest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.Manifest
             * @static
             * @param {hindsight.v1.Manifest} m Manifest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Manifest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.features = [];
                    d.streams = [];
                    d.sinks = [];
                }
                if (o.objects || o.defaults) {
                    d.labels = {};
                }
                if (o.defaults) {
                    d.kind = "";
                    d.formatVersion = 0;
                    d.recordingId = "";
                    d.createdAt = "";
                    d.app = null;
                    d.engineVersion = "";
                    d.seed = "";
                    d.clockSource = "";
                    d.writer = null;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.formatVersion != null && $Object.hasOwnProperty.call(m, "formatVersion")) {
                    d.formatVersion = m.formatVersion;
                }
                if (m.features && m.features.length) {
                    d.features = $Array(m.features.length);
                    for (var j = 0; j < m.features.length; ++j) {
                        d.features[j] = m.features[j];
                    }
                }
                if (m.recordingId != null && $Object.hasOwnProperty.call(m, "recordingId")) {
                    d.recordingId = m.recordingId;
                }
                if (m.createdAt != null && $Object.hasOwnProperty.call(m, "createdAt")) {
                    d.createdAt = m.createdAt;
                }
                if (m.app != null && $Object.hasOwnProperty.call(m, "app")) {
                    d.app = $root.hindsight.v1.AppInfo.toObject(m.app, o, q + 1);
                }
                if (m.engineVersion != null && $Object.hasOwnProperty.call(m, "engineVersion")) {
                    d.engineVersion = m.engineVersion;
                }
                if (m.streams && m.streams.length) {
                    d.streams = $Array(m.streams.length);
                    for (var j = 0; j < m.streams.length; ++j) {
                        d.streams[j] = $root.hindsight.v1.StreamInfo.toObject(m.streams[j], o, q + 1);
                    }
                }
                if (m.sinks && m.sinks.length) {
                    d.sinks = $Array(m.sinks.length);
                    for (var j = 0; j < m.sinks.length; ++j) {
                        d.sinks[j] = $root.hindsight.v1.SinkInfo.toObject(m.sinks[j], o, q + 1);
                    }
                }
                if (m.seed != null && $Object.hasOwnProperty.call(m, "seed")) {
                    d.seed = m.seed;
                }
                if (m.clockSource != null && $Object.hasOwnProperty.call(m, "clockSource")) {
                    d.clockSource = m.clockSource;
                }
                if (m.writer != null && $Object.hasOwnProperty.call(m, "writer")) {
                    d.writer = $root.hindsight.v1.WriterInfo.toObject(m.writer, o, q + 1);
                }
                var ks2;
                if (m.labels && (ks2 = $Object.keys(m.labels)).length) {
                    d.labels = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.labels, ks2[j]);
                        d.labels[ks2[j]] = m.labels[ks2[j]];
                    }
                }
                return d;
            };

            /**
             * Converts this Manifest to JSON.
             * @function toJSON
             * @memberof hindsight.v1.Manifest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Manifest.prototype.toJSON = function() {
                return Manifest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Manifest;
        })();

        v1.AppInfo = (function() {

            /**
             * Properties of an AppInfo.
             * @typedef {Object} hindsight.v1.AppInfo.$Properties
             * @property {string|null} [name] AppInfo name
             * @property {string|null} [buildId] AppInfo buildId
             * @property {string|null} [module] AppInfo module
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AppInfo.
             * @memberof hindsight.v1
             * @interface IAppInfo
             * @augments hindsight.v1.AppInfo.$Properties
             * @deprecated Use hindsight.v1.AppInfo.$Properties instead.
             */

            /**
             * Shape of an AppInfo.
             * @typedef {hindsight.v1.AppInfo.$Properties} hindsight.v1.AppInfo.$Shape
             */

            /**
             * Constructs a new AppInfo.
             * @memberof hindsight.v1
             * @classdesc Represents an AppInfo.
             * @constructor
             * @param {hindsight.v1.AppInfo.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AppInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AppInfo name.
             * @member {string} name
             * @memberof hindsight.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.name = "";

            /**
             * AppInfo buildId.
             * @member {string} buildId
             * @memberof hindsight.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.buildId = "";

            /**
             * AppInfo module.
             * @member {string} module
             * @memberof hindsight.v1.AppInfo
             * @instance
             */
            AppInfo.prototype.module = "";

            /**
             * Creates a new AppInfo instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.AppInfo
             * @static
             * @param {hindsight.v1.AppInfo.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.AppInfo} AppInfo instance
             * @type {{
             *   (properties: hindsight.v1.AppInfo.$Shape): hindsight.v1.AppInfo & hindsight.v1.AppInfo.$Shape;
             *   (properties?: hindsight.v1.AppInfo.$Properties): hindsight.v1.AppInfo;
             * }}
             */
            AppInfo.create = function(properties) {
                return new AppInfo(properties);
            };

            /**
             * Encodes the specified AppInfo message. Does not implicitly {@link hindsight.v1.AppInfo.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.AppInfo
             * @static
             * @param {hindsight.v1.AppInfo.$Properties} m AppInfo message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AppInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.buildId != null && $Object.hasOwnProperty.call(m, "buildId") && m.buildId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.buildId);
                if (m.module != null && $Object.hasOwnProperty.call(m, "module") && m.module !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.module);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AppInfo message, length delimited. Does not implicitly {@link hindsight.v1.AppInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.AppInfo
             * @static
             * @param {hindsight.v1.AppInfo.$Properties} message AppInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AppInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AppInfo message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.AppInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.AppInfo & hindsight.v1.AppInfo.$Shape} AppInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AppInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.AppInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.buildId = v;
                            else
                                delete m.buildId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.module = v;
                            else
                                delete m.module;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AppInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.AppInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.AppInfo & hindsight.v1.AppInfo.$Shape} AppInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AppInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AppInfo message.
             * @function verify
             * @memberof hindsight.v1.AppInfo
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AppInfo.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.buildId != null && $Object.hasOwnProperty.call(m, "buildId")) {
                    if (!$util.isString(m.buildId))
                        return "buildId: string expected";
                }
                if (m.module != null && $Object.hasOwnProperty.call(m, "module")) {
                    if (!$util.isString(m.module))
                        return "module: string expected";
                }
                return null;
            };

            /**
             * Creates an AppInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.AppInfo
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.AppInfo} AppInfo
             */
            AppInfo.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.AppInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.AppInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.AppInfo();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.buildId != null) {
                    if (typeof d.buildId !== "string" || d.buildId.length) {
                        m.buildId = $String(d.buildId);
                    }
                }
                if (d.module != null) {
                    if (typeof d.module !== "string" || d.module.length) {
                        m.module = $String(d.module);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an AppInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.AppInfo
             * @static
             * @param {hindsight.v1.AppInfo} m AppInfo
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AppInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.buildId = "";
                    d.module = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.buildId != null && $Object.hasOwnProperty.call(m, "buildId")) {
                    d.buildId = m.buildId;
                }
                if (m.module != null && $Object.hasOwnProperty.call(m, "module")) {
                    d.module = m.module;
                }
                return d;
            };

            /**
             * Converts this AppInfo to JSON.
             * @function toJSON
             * @memberof hindsight.v1.AppInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AppInfo.prototype.toJSON = function() {
                return AppInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AppInfo;
        })();

        v1.StreamInfo = (function() {

            /**
             * Properties of a StreamInfo.
             * @typedef {Object} hindsight.v1.StreamInfo.$Properties
             * @property {string|null} [name] StreamInfo name
             * @property {string|null} [codec] StreamInfo codec
             * @property {string|null} [source] StreamInfo source
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StreamInfo.
             * @memberof hindsight.v1
             * @interface IStreamInfo
             * @augments hindsight.v1.StreamInfo.$Properties
             * @deprecated Use hindsight.v1.StreamInfo.$Properties instead.
             */

            /**
             * Shape of a StreamInfo.
             * @typedef {hindsight.v1.StreamInfo.$Properties} hindsight.v1.StreamInfo.$Shape
             */

            /**
             * Constructs a new StreamInfo.
             * @memberof hindsight.v1
             * @classdesc Represents a StreamInfo.
             * @constructor
             * @param {hindsight.v1.StreamInfo.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StreamInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * StreamInfo name.
             * @member {string} name
             * @memberof hindsight.v1.StreamInfo
             * @instance
             */
            StreamInfo.prototype.name = "";

            /**
             * StreamInfo codec.
             * @member {string} codec
             * @memberof hindsight.v1.StreamInfo
             * @instance
             */
            StreamInfo.prototype.codec = "";

            /**
             * StreamInfo source.
             * @member {string} source
             * @memberof hindsight.v1.StreamInfo
             * @instance
             */
            StreamInfo.prototype.source = "";

            /**
             * Creates a new StreamInfo instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.StreamInfo
             * @static
             * @param {hindsight.v1.StreamInfo.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.StreamInfo} StreamInfo instance
             * @type {{
             *   (properties: hindsight.v1.StreamInfo.$Shape): hindsight.v1.StreamInfo & hindsight.v1.StreamInfo.$Shape;
             *   (properties?: hindsight.v1.StreamInfo.$Properties): hindsight.v1.StreamInfo;
             * }}
             */
            StreamInfo.create = function(properties) {
                return new StreamInfo(properties);
            };

            /**
             * Encodes the specified StreamInfo message. Does not implicitly {@link hindsight.v1.StreamInfo.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.StreamInfo
             * @static
             * @param {hindsight.v1.StreamInfo.$Properties} m StreamInfo message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.codec != null && $Object.hasOwnProperty.call(m, "codec") && m.codec !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.codec);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.source);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified StreamInfo message, length delimited. Does not implicitly {@link hindsight.v1.StreamInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.StreamInfo
             * @static
             * @param {hindsight.v1.StreamInfo.$Properties} message StreamInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a StreamInfo message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.StreamInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.StreamInfo & hindsight.v1.StreamInfo.$Shape} StreamInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.StreamInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.codec = v;
                            else
                                delete m.codec;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a StreamInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.StreamInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.StreamInfo & hindsight.v1.StreamInfo.$Shape} StreamInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a StreamInfo message.
             * @function verify
             * @memberof hindsight.v1.StreamInfo
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StreamInfo.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.codec != null && $Object.hasOwnProperty.call(m, "codec")) {
                    if (!$util.isString(m.codec))
                        return "codec: string expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                return null;
            };

            /**
             * Creates a StreamInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.StreamInfo
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.StreamInfo} StreamInfo
             */
            StreamInfo.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.StreamInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.StreamInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.StreamInfo();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.codec != null) {
                    if (typeof d.codec !== "string" || d.codec.length) {
                        m.codec = $String(d.codec);
                    }
                }
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a StreamInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.StreamInfo
             * @static
             * @param {hindsight.v1.StreamInfo} m StreamInfo
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StreamInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.codec = "";
                    d.source = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.codec != null && $Object.hasOwnProperty.call(m, "codec")) {
                    d.codec = m.codec;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                return d;
            };

            /**
             * Converts this StreamInfo to JSON.
             * @function toJSON
             * @memberof hindsight.v1.StreamInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StreamInfo.prototype.toJSON = function() {
                return StreamInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamInfo;
        })();

        v1.SinkInfo = (function() {

            /**
             * Properties of a SinkInfo.
             * @typedef {Object} hindsight.v1.SinkInfo.$Properties
             * @property {string|null} [name] SinkInfo name
             * @property {string|null} [codec] SinkInfo codec
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SinkInfo.
             * @memberof hindsight.v1
             * @interface ISinkInfo
             * @augments hindsight.v1.SinkInfo.$Properties
             * @deprecated Use hindsight.v1.SinkInfo.$Properties instead.
             */

            /**
             * Shape of a SinkInfo.
             * @typedef {hindsight.v1.SinkInfo.$Properties} hindsight.v1.SinkInfo.$Shape
             */

            /**
             * Constructs a new SinkInfo.
             * @memberof hindsight.v1
             * @classdesc Represents a SinkInfo.
             * @constructor
             * @param {hindsight.v1.SinkInfo.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SinkInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SinkInfo name.
             * @member {string} name
             * @memberof hindsight.v1.SinkInfo
             * @instance
             */
            SinkInfo.prototype.name = "";

            /**
             * SinkInfo codec.
             * @member {string} codec
             * @memberof hindsight.v1.SinkInfo
             * @instance
             */
            SinkInfo.prototype.codec = "";

            /**
             * Creates a new SinkInfo instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.SinkInfo
             * @static
             * @param {hindsight.v1.SinkInfo.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.SinkInfo} SinkInfo instance
             * @type {{
             *   (properties: hindsight.v1.SinkInfo.$Shape): hindsight.v1.SinkInfo & hindsight.v1.SinkInfo.$Shape;
             *   (properties?: hindsight.v1.SinkInfo.$Properties): hindsight.v1.SinkInfo;
             * }}
             */
            SinkInfo.create = function(properties) {
                return new SinkInfo(properties);
            };

            /**
             * Encodes the specified SinkInfo message. Does not implicitly {@link hindsight.v1.SinkInfo.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.SinkInfo
             * @static
             * @param {hindsight.v1.SinkInfo.$Properties} m SinkInfo message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SinkInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.codec != null && $Object.hasOwnProperty.call(m, "codec") && m.codec !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.codec);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SinkInfo message, length delimited. Does not implicitly {@link hindsight.v1.SinkInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.SinkInfo
             * @static
             * @param {hindsight.v1.SinkInfo.$Properties} message SinkInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SinkInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SinkInfo message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.SinkInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.SinkInfo & hindsight.v1.SinkInfo.$Shape} SinkInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SinkInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.SinkInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.codec = v;
                            else
                                delete m.codec;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SinkInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.SinkInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.SinkInfo & hindsight.v1.SinkInfo.$Shape} SinkInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SinkInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SinkInfo message.
             * @function verify
             * @memberof hindsight.v1.SinkInfo
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SinkInfo.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.codec != null && $Object.hasOwnProperty.call(m, "codec")) {
                    if (!$util.isString(m.codec))
                        return "codec: string expected";
                }
                return null;
            };

            /**
             * Creates a SinkInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.SinkInfo
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.SinkInfo} SinkInfo
             */
            SinkInfo.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.SinkInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.SinkInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.SinkInfo();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.codec != null) {
                    if (typeof d.codec !== "string" || d.codec.length) {
                        m.codec = $String(d.codec);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SinkInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.SinkInfo
             * @static
             * @param {hindsight.v1.SinkInfo} m SinkInfo
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SinkInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.codec = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.codec != null && $Object.hasOwnProperty.call(m, "codec")) {
                    d.codec = m.codec;
                }
                return d;
            };

            /**
             * Converts this SinkInfo to JSON.
             * @function toJSON
             * @memberof hindsight.v1.SinkInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SinkInfo.prototype.toJSON = function() {
                return SinkInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SinkInfo;
        })();

        v1.WriterInfo = (function() {

            /**
             * Properties of a WriterInfo.
             * @typedef {Object} hindsight.v1.WriterInfo.$Properties
             * @property {number|null} [blockSize] WriterInfo blockSize
             * @property {number|null} [flushIntervalMs] WriterInfo flushIntervalMs
             * @property {string|null} [fsync] WriterInfo fsync
             * @property {number|null} [fsyncIntervalMs] WriterInfo fsyncIntervalMs
             * @property {number|Long|null} [segmentSize] WriterInfo segmentSize
             * @property {string|null} [outputs] WriterInfo outputs
             * @property {number|Long|null} [checkpointEvery] WriterInfo checkpointEvery
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WriterInfo.
             * @memberof hindsight.v1
             * @interface IWriterInfo
             * @augments hindsight.v1.WriterInfo.$Properties
             * @deprecated Use hindsight.v1.WriterInfo.$Properties instead.
             */

            /**
             * Shape of a WriterInfo.
             * @typedef {hindsight.v1.WriterInfo.$Properties} hindsight.v1.WriterInfo.$Shape
             */

            /**
             * Constructs a new WriterInfo.
             * @memberof hindsight.v1
             * @classdesc Represents a WriterInfo.
             * @constructor
             * @param {hindsight.v1.WriterInfo.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WriterInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * WriterInfo blockSize.
             * @member {number} blockSize
             * @memberof hindsight.v1.WriterInfo
             * @instance
             */
            WriterInfo.prototype.blockSize = 0;

            /**
             * WriterInfo flushIntervalMs.
             * @member {number} flushIntervalMs
             * @memberof hindsight.v1.WriterInfo
             * @instance
             */
            WriterInfo.prototype.flushIntervalMs = 0;

            /**
             * WriterInfo fsync.
             * @member {string} fsync
             * @memberof hindsight.v1.WriterInfo
             * @instance
             */
            WriterInfo.prototype.fsync = "";

            /**
             * WriterInfo fsyncIntervalMs.
             * @member {number} fsyncIntervalMs
             * @memberof hindsight.v1.WriterInfo
             * @instance
             */
            WriterInfo.prototype.fsyncIntervalMs = 0;

            /**
             * WriterInfo segmentSize.
             * @member {number|Long} segmentSize
             * @memberof hindsight.v1.WriterInfo
             * @instance
             */
            WriterInfo.prototype.segmentSize = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * WriterInfo outputs.
             * @member {string} outputs
             * @memberof hindsight.v1.WriterInfo
             * @instance
             */
            WriterInfo.prototype.outputs = "";

            /**
             * WriterInfo checkpointEvery.
             * @member {number|Long} checkpointEvery
             * @memberof hindsight.v1.WriterInfo
             * @instance
             */
            WriterInfo.prototype.checkpointEvery = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new WriterInfo instance using the specified properties.
             * @function create
             * @memberof hindsight.v1.WriterInfo
             * @static
             * @param {hindsight.v1.WriterInfo.$Properties=} [properties] Properties to set
             * @returns {hindsight.v1.WriterInfo} WriterInfo instance
             * @type {{
             *   (properties: hindsight.v1.WriterInfo.$Shape): hindsight.v1.WriterInfo & hindsight.v1.WriterInfo.$Shape;
             *   (properties?: hindsight.v1.WriterInfo.$Properties): hindsight.v1.WriterInfo;
             * }}
             */
            WriterInfo.create = function(properties) {
                return new WriterInfo(properties);
            };

            /**
             * Encodes the specified WriterInfo message. Does not implicitly {@link hindsight.v1.WriterInfo.verify|verify} messages.
             * @function encode
             * @memberof hindsight.v1.WriterInfo
             * @static
             * @param {hindsight.v1.WriterInfo.$Properties} m WriterInfo message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WriterInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.blockSize != null && $Object.hasOwnProperty.call(m, "blockSize") && m.blockSize !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.blockSize);
                if (m.flushIntervalMs != null && $Object.hasOwnProperty.call(m, "flushIntervalMs") && m.flushIntervalMs !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.flushIntervalMs);
                if (m.fsync != null && $Object.hasOwnProperty.call(m, "fsync") && m.fsync !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.fsync);
                if (m.fsyncIntervalMs != null && $Object.hasOwnProperty.call(m, "fsyncIntervalMs") && m.fsyncIntervalMs !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.fsyncIntervalMs);
                if (m.segmentSize != null && $Object.hasOwnProperty.call(m, "segmentSize") && (typeof m.segmentSize === "object" ? m.segmentSize.low || m.segmentSize.high : m.segmentSize !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.segmentSize);
                if (m.outputs != null && $Object.hasOwnProperty.call(m, "outputs") && m.outputs !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.outputs);
                if (m.checkpointEvery != null && $Object.hasOwnProperty.call(m, "checkpointEvery") && (typeof m.checkpointEvery === "object" ? m.checkpointEvery.low || m.checkpointEvery.high : m.checkpointEvery !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).uint64(m.checkpointEvery);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified WriterInfo message, length delimited. Does not implicitly {@link hindsight.v1.WriterInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof hindsight.v1.WriterInfo
             * @static
             * @param {hindsight.v1.WriterInfo.$Properties} message WriterInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WriterInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a WriterInfo message from the specified reader or buffer.
             * @function decode
             * @memberof hindsight.v1.WriterInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {hindsight.v1.WriterInfo & hindsight.v1.WriterInfo.$Shape} WriterInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WriterInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.hindsight.v1.WriterInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.blockSize = v;
                            else
                                delete m.blockSize;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.flushIntervalMs = v;
                            else
                                delete m.flushIntervalMs;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.fsync = v;
                            else
                                delete m.fsync;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.fsyncIntervalMs = v;
                            else
                                delete m.fsyncIntervalMs;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.segmentSize = v;
                            else
                                delete m.segmentSize;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.outputs = v;
                            else
                                delete m.outputs;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.checkpointEvery = v;
                            else
                                delete m.checkpointEvery;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a WriterInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof hindsight.v1.WriterInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {hindsight.v1.WriterInfo & hindsight.v1.WriterInfo.$Shape} WriterInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WriterInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a WriterInfo message.
             * @function verify
             * @memberof hindsight.v1.WriterInfo
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WriterInfo.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.blockSize != null && $Object.hasOwnProperty.call(m, "blockSize")) {
                    if (!$util.isInteger(m.blockSize))
                        return "blockSize: integer expected";
                }
                if (m.flushIntervalMs != null && $Object.hasOwnProperty.call(m, "flushIntervalMs")) {
                    if (!$util.isInteger(m.flushIntervalMs))
                        return "flushIntervalMs: integer expected";
                }
                if (m.fsync != null && $Object.hasOwnProperty.call(m, "fsync")) {
                    if (!$util.isString(m.fsync))
                        return "fsync: string expected";
                }
                if (m.fsyncIntervalMs != null && $Object.hasOwnProperty.call(m, "fsyncIntervalMs")) {
                    if (!$util.isInteger(m.fsyncIntervalMs))
                        return "fsyncIntervalMs: integer expected";
                }
                if (m.segmentSize != null && $Object.hasOwnProperty.call(m, "segmentSize")) {
                    if (!$util.isInteger(m.segmentSize) && !(m.segmentSize && $util.isInteger(m.segmentSize.low) && $util.isInteger(m.segmentSize.high)))
                        return "segmentSize: integer|Long expected";
                }
                if (m.outputs != null && $Object.hasOwnProperty.call(m, "outputs")) {
                    if (!$util.isString(m.outputs))
                        return "outputs: string expected";
                }
                if (m.checkpointEvery != null && $Object.hasOwnProperty.call(m, "checkpointEvery")) {
                    if (!$util.isInteger(m.checkpointEvery) && !(m.checkpointEvery && $util.isInteger(m.checkpointEvery.low) && $util.isInteger(m.checkpointEvery.high)))
                        return "checkpointEvery: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a WriterInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof hindsight.v1.WriterInfo
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {hindsight.v1.WriterInfo} WriterInfo
             */
            WriterInfo.fromObject = function (d, q) {
                if (d instanceof $root.hindsight.v1.WriterInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".hindsight.v1.WriterInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.hindsight.v1.WriterInfo();
                if (d.blockSize != null) {
                    if ($Number(d.blockSize) !== 0) {
                        m.blockSize = d.blockSize >>> 0;
                    }
                }
                if (d.flushIntervalMs != null) {
                    if ($Number(d.flushIntervalMs) !== 0) {
                        m.flushIntervalMs = d.flushIntervalMs >>> 0;
                    }
                }
                if (d.fsync != null) {
                    if (typeof d.fsync !== "string" || d.fsync.length) {
                        m.fsync = $String(d.fsync);
                    }
                }
                if (d.fsyncIntervalMs != null) {
                    if ($Number(d.fsyncIntervalMs) !== 0) {
                        m.fsyncIntervalMs = d.fsyncIntervalMs >>> 0;
                    }
                }
                if (d.segmentSize != null) {
                    if (typeof d.segmentSize === "object" ? d.segmentSize.low || d.segmentSize.high : $Number(d.segmentSize) !== 0) {
                        if ($util.Long)
                            m.segmentSize = $util.Long.fromValue(d.segmentSize, true);
                        else if (typeof d.segmentSize === "string")
                            m.segmentSize = $parseInt(d.segmentSize, 10);
                        else if (typeof d.segmentSize === "number")
                            m.segmentSize = d.segmentSize;
                        else if (typeof d.segmentSize === "object")
                            m.segmentSize = new $util.LongBits(d.segmentSize.low >>> 0, d.segmentSize.high >>> 0).toNumber(true);
                    }
                }
                if (d.outputs != null) {
                    if (typeof d.outputs !== "string" || d.outputs.length) {
                        m.outputs = $String(d.outputs);
                    }
                }
                if (d.checkpointEvery != null) {
                    if (typeof d.checkpointEvery === "object" ? d.checkpointEvery.low || d.checkpointEvery.high : $Number(d.checkpointEvery) !== 0) {
                        if ($util.Long)
                            m.checkpointEvery = $util.Long.fromValue(d.checkpointEvery, true);
                        else if (typeof d.checkpointEvery === "string")
                            m.checkpointEvery = $parseInt(d.checkpointEvery, 10);
                        else if (typeof d.checkpointEvery === "number")
                            m.checkpointEvery = d.checkpointEvery;
                        else if (typeof d.checkpointEvery === "object")
                            m.checkpointEvery = new $util.LongBits(d.checkpointEvery.low >>> 0, d.checkpointEvery.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a WriterInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof hindsight.v1.WriterInfo
             * @static
             * @param {hindsight.v1.WriterInfo} m WriterInfo
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WriterInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.blockSize = 0;
                    d.flushIntervalMs = 0;
                    d.fsync = "";
                    d.fsyncIntervalMs = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.segmentSize = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.segmentSize = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.outputs = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.checkpointEvery = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.checkpointEvery = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.blockSize != null && $Object.hasOwnProperty.call(m, "blockSize")) {
                    d.blockSize = m.blockSize;
                }
                if (m.flushIntervalMs != null && $Object.hasOwnProperty.call(m, "flushIntervalMs")) {
                    d.flushIntervalMs = m.flushIntervalMs;
                }
                if (m.fsync != null && $Object.hasOwnProperty.call(m, "fsync")) {
                    d.fsync = m.fsync;
                }
                if (m.fsyncIntervalMs != null && $Object.hasOwnProperty.call(m, "fsyncIntervalMs")) {
                    d.fsyncIntervalMs = m.fsyncIntervalMs;
                }
                if (m.segmentSize != null && $Object.hasOwnProperty.call(m, "segmentSize")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.segmentSize = typeof m.segmentSize === "number" ? $BigInt(m.segmentSize) : $util.Long.fromBits(m.segmentSize.low >>> 0, m.segmentSize.high >>> 0, true).toBigInt();
                    else if (typeof m.segmentSize === "number")
                        d.segmentSize = o.longs === $String ? $String(m.segmentSize) : m.segmentSize;
                    else
                        d.segmentSize = o.longs === $String ? $util.Long.prototype.toString.call(m.segmentSize) : o.longs === $Number ? new $util.LongBits(m.segmentSize.low >>> 0, m.segmentSize.high >>> 0).toNumber(true) : m.segmentSize;
                }
                if (m.outputs != null && $Object.hasOwnProperty.call(m, "outputs")) {
                    d.outputs = m.outputs;
                }
                if (m.checkpointEvery != null && $Object.hasOwnProperty.call(m, "checkpointEvery")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.checkpointEvery = typeof m.checkpointEvery === "number" ? $BigInt(m.checkpointEvery) : $util.Long.fromBits(m.checkpointEvery.low >>> 0, m.checkpointEvery.high >>> 0, true).toBigInt();
                    else if (typeof m.checkpointEvery === "number")
                        d.checkpointEvery = o.longs === $String ? $String(m.checkpointEvery) : m.checkpointEvery;
                    else
                        d.checkpointEvery = o.longs === $String ? $util.Long.prototype.toString.call(m.checkpointEvery) : o.longs === $Number ? new $util.LongBits(m.checkpointEvery.low >>> 0, m.checkpointEvery.high >>> 0).toNumber(true) : m.checkpointEvery;
                }
                return d;
            };

            /**
             * Converts this WriterInfo to JSON.
             * @function toJSON
             * @memberof hindsight.v1.WriterInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WriterInfo.prototype.toJSON = function() {
                return WriterInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return WriterInfo;
        })();

        return v1;
    })();

    return hindsight;
})();

export {
  $root as default
};
