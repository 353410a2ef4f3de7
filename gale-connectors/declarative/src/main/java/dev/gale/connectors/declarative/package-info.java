/**
 * Declarative sources: Airbyte's low-code YAML manifests, interpreted in process.
 *
 * <p>{@link dev.gale.connectors.declarative.Manifests#parse} reads manifest text and
 * {@link dev.gale.connectors.declarative.DeclarativeSource#load} loads it once, strictly, in the CDK's order
 * ({@code manifest}): {@code $ref} resolved, default component types filled and {@code $parameters} propagated, then
 * every component checked against a catalogue of what Gale runs. Anything that cannot run (an unknown or unsupported
 * component or field, a bad reference, a missing or mistyped field, a datetime format or duration that does not
 * parse, a schema file the manifest lacks) is a {@link dev.gale.connectors.declarative.ManifestException} naming its
 * path, never a failure during a sync.
 *
 * <p>The checked model becomes small immutable runtime components ({@code requester}, {@code auth},
 * {@code pagination}, {@code extract}, {@code partition}, {@code incremental}, {@code transform}, {@code errors}),
 * built by {@code factory} and driven by {@code read}; what a call learns (tokens, cursor positions) lives in its
 * {@code runtime.Run}, so one source serves many configurations at once. Every string the manifest lets be a
 * template goes through {@code interpolation}, Airbyte's Jinja dialect on Jinjava.
 *
 * <p>Not supported, and refused at load time: custom (Python) components, async retrievers, dynamic streams and
 * schemas, decoders other than JSON and JSON lines, JWT and legacy session authenticators, single-use refresh tokens
 * written back to the config, state migrations, query properties, record expanders, pagination resets, clamping,
 * grouping and union partition routers, API budgets. {@code concurrency_level} is accepted and ignored: Gale reads a
 * source's streams one after another, which changes speed, not data.
 */
package dev.gale.connectors.declarative;
