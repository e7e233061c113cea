// OpenTelemetry traces (DESIGN §4 "Observability"): off unless an OTLP endpoint is configured.
export { startTelemetry, type Telemetry, type TelemetryConfig } from './start.ts';
export { annotateServerSpan, inJobSpan, INTERACTION_ID_ATTRIBUTE, type SpanOutcome } from './spans.ts';
