/** The package version (kept equal to package.json by a test). */
export const VERSION = "0.1.0";
/** Version of the deterministic engine's semantics; recorded in every manifest. */
export const ENGINE_VERSION = "1";
