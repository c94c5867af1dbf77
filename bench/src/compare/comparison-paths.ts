import type { HttpTarget } from '../probe/http-target';
import { anthropicRequest, MOCK_PATHS, openaiRequest } from '../scenarios/bench-requests';
import { BENCH_ROUTE_NAMES } from '../scenarios/bench-routes';
import type { Ports } from '../scenarios/scenarios';
import {
  anthropicMessage,
  anthropicStream,
  openaiCompletion,
  openaiStream,
  viaGateway,
  type Validator,
} from '../validate/response-validators';

/** Issue 17's goals: CPU/request ÷ the floor's, and the stream's added time to first byte. */
export const ISSUE_17_GOALS = {
  streamRatio: 1.5,
  nonStreamRatio: 1.3,
  passthroughRatio: 1.15,
  streamTtfbAddedMs: 0.5,
} as const;

/** One client → gateway → upstream exchange and the same upstream exchange through the bare floor proxy. */
export interface ComparisonPath {
  id: string;
  label: string;
  stream: boolean;
  /** Goal for the median gateway ÷ floor CPU ratio; undefined: reported only. */
  goalRatio?: number;
  /** Straight to the mock (the paired probe's baseline). */
  direct(ports: Ports): HttpTarget;
  floor(ports: Ports): HttpTarget;
  gateway(ports: Ports): HttpTarget;
  validateUpstream: Validator;
  validateGateway: Validator;
}

const OPENAI_PATH = '/v1/chat/completions';
const ANTHROPIC_PATH = '/v1/messages';

/** How the mock delivers a stream: all in one write, one write per event in one turn, or one per turn. */
type Delivery = 'burst' | 'tick' | 'paced';

const ANTHROPIC_UPSTREAMS: Record<Delivery, { model: string; mockPath: string; label: string }> = {
  burst: { model: BENCH_ROUTE_NAMES.claudeBurst, mockPath: MOCK_PATHS.burstAnthropic, label: ' stream' },
  tick: {
    model: BENCH_ROUTE_NAMES.claudeTick,
    mockPath: MOCK_PATHS.tickAnthropic,
    label: ' stream, events written in one turn',
  },
  paced: {
    model: BENCH_ROUTE_NAMES.claude,
    mockPath: MOCK_PATHS.anthropic,
    label: ' stream, paced upstream',
  },
};

function toAnthropic(stream: boolean, delivery: Delivery): ComparisonPath {
  const { model, mockPath, label } = stream
    ? ANTHROPIC_UPSTREAMS[delivery]
    : { model: BENCH_ROUTE_NAMES.claude, mockPath: MOCK_PATHS.anthropic, label: '' };
  const upstream = (port: number): HttpTarget => anthropicRequest(port, mockPath, model, stream);
  return {
    id: `wrk-openai-to-anthropic${stream ? '-stream' : ''}${stream && delivery !== 'burst' ? `-${delivery}` : ''}`,
    label: `OpenAI client → Anthropic${label}`,
    stream,
    goalRatio: !stream
      ? ISSUE_17_GOALS.nonStreamRatio
      : delivery === 'burst'
        ? ISSUE_17_GOALS.streamRatio
        : undefined,
    direct: (ports) => upstream(ports.mock),
    floor: (ports) => upstream(ports.proxy),
    gateway: (ports) => openaiRequest(ports.gateway, OPENAI_PATH, model, stream),
    validateUpstream: stream ? anthropicStream : anthropicMessage,
    validateGateway: viaGateway(stream ? openaiStream : openaiCompletion, model, 1),
  };
}

function openaiUpstream(stream: boolean): { model: string; upstream: (port: number) => HttpTarget } {
  const model = stream ? BENCH_ROUTE_NAMES.gptBurst : BENCH_ROUTE_NAMES.gpt;
  const mockPath = stream ? MOCK_PATHS.burstOpenai : MOCK_PATHS.openai;
  return { model, upstream: (port) => openaiRequest(port, mockPath, model, stream) };
}

function toOpenai(stream: boolean): ComparisonPath {
  const { model, upstream } = openaiUpstream(stream);
  return {
    id: `wrk-anthropic-to-openai${stream ? '-stream' : ''}`,
    label: `Anthropic client → OpenAI${stream ? ' stream' : ''}`,
    stream,
    goalRatio: stream ? ISSUE_17_GOALS.streamRatio : ISSUE_17_GOALS.nonStreamRatio,
    direct: (ports) => upstream(ports.mock),
    floor: (ports) => upstream(ports.proxy),
    gateway: (ports) => anthropicRequest(ports.gateway, ANTHROPIC_PATH, model, stream),
    validateUpstream: stream ? openaiStream : openaiCompletion,
    validateGateway: viaGateway(stream ? anthropicStream : anthropicMessage, model, 1),
  };
}

function passthrough(stream: boolean): ComparisonPath {
  const { model, upstream } = openaiUpstream(stream);
  return {
    id: `wrk-passthrough${stream ? '-stream' : ''}`,
    label: `passthrough OpenAI → OpenAI${stream ? ' stream' : ''}`,
    stream,
    goalRatio: ISSUE_17_GOALS.passthroughRatio,
    direct: (ports) => upstream(ports.mock),
    floor: (ports) => upstream(ports.proxy),
    gateway: (ports) => openaiRequest(ports.gateway, OPENAI_PATH, model, stream),
    validateUpstream: stream ? openaiStream : openaiCompletion,
    validateGateway: viaGateway(stream ? openaiStream : openaiCompletion, model, 1),
  };
}

/**
 * Streams come from the burst upstream (all events in one write: the floor forwards one read); two other
 * deliveries of the same events are reported beside it, since the floor's cost depends on them: one write
 * per event within one turn, and one per turn (the autocannon section's upstream).
 */
export const COMPARISON_PATHS: ComparisonPath[] = [
  toAnthropic(false, 'burst'),
  toAnthropic(true, 'burst'),
  toOpenai(false),
  toOpenai(true),
  passthrough(false),
  passthrough(true),
  toAnthropic(true, 'tick'),
  toAnthropic(true, 'paced'),
];
