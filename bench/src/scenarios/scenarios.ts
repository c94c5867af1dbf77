import type { HttpTarget } from '../probe/http-target';
import {
  anthropicMessage,
  anthropicStream,
  openaiCompletion,
  openaiStream,
  viaGateway,
  type Validator,
} from '../validate/response-validators';
import { anthropicRequest, MOCK_PATHS, openaiRequest } from './bench-requests';
import { BENCH_ROUTE_NAMES } from './bench-routes';

export interface Ports {
  mock: number;
  proxy: number;
  gateway: number;
}

export interface Scenario {
  id: string;
  label: string;
  via: 'proxy' | 'gateway';
  stream: boolean;
  /** The proxy scenario with the same upstream exchange: the CPU floor this one is compared with. */
  proxyBaseline?: string;
  /** Whether the budget lines apply (fallback makes two upstream calls: reported, not budgeted). */
  budgeted: boolean;
  direct(ports: Ports): HttpTarget;
  measured(ports: Ports): HttpTarget;
  validateDirect: Validator;
  validateMeasured: Validator;
}

const GATEWAY_OPENAI_PATH = '/v1/chat/completions';
const GATEWAY_ANTHROPIC_PATH = '/v1/messages';

function proxyScenario(id: string, upstream: 'anthropic' | 'openai', stream: boolean): Scenario {
  const build = (port: number): HttpTarget =>
    upstream === 'anthropic'
      ? anthropicRequest(port, MOCK_PATHS.anthropic, 'bench-claude', stream)
      : openaiRequest(port, MOCK_PATHS.openai, 'bench-gpt', stream);
  const validator =
    upstream === 'anthropic'
      ? stream
        ? anthropicStream
        : anthropicMessage
      : stream
        ? openaiStream
        : openaiCompletion;
  return {
    id,
    label: `proxy → ${upstream}${stream ? ' stream' : ''}`,
    via: 'proxy',
    stream,
    budgeted: false,
    direct: (ports) => build(ports.mock),
    measured: (ports) => build(ports.proxy),
    validateDirect: validator,
    validateMeasured: validator,
  };
}

export const PROXY_SCENARIOS: Scenario[] = [
  proxyScenario('proxy-anthropic', 'anthropic', false),
  proxyScenario('proxy-anthropic-stream', 'anthropic', true),
  proxyScenario('proxy-openai', 'openai', false),
  proxyScenario('proxy-openai-stream', 'openai', true),
];

export const GATEWAY_SCENARIOS: Scenario[] = [
  {
    id: 'openai-to-anthropic',
    label: 'OpenAI client → Anthropic',
    via: 'gateway',
    stream: false,
    proxyBaseline: 'proxy-anthropic',
    budgeted: true,
    direct: (ports) => anthropicRequest(ports.mock, MOCK_PATHS.anthropic, 'bench-claude', false),
    measured: (ports) => openaiRequest(ports.gateway, GATEWAY_OPENAI_PATH, 'bench-claude', false),
    validateDirect: anthropicMessage,
    validateMeasured: viaGateway(openaiCompletion, BENCH_ROUTE_NAMES.claude, 1),
  },
  {
    id: 'openai-to-anthropic-stream',
    label: 'OpenAI client → Anthropic stream',
    via: 'gateway',
    stream: true,
    proxyBaseline: 'proxy-anthropic-stream',
    budgeted: true,
    direct: (ports) => anthropicRequest(ports.mock, MOCK_PATHS.anthropic, 'bench-claude', true),
    measured: (ports) => openaiRequest(ports.gateway, GATEWAY_OPENAI_PATH, 'bench-claude', true),
    validateDirect: anthropicStream,
    validateMeasured: viaGateway(openaiStream, BENCH_ROUTE_NAMES.claude, 1),
  },
  {
    id: 'anthropic-to-openai-stream',
    label: 'Anthropic client → OpenAI stream',
    via: 'gateway',
    stream: true,
    proxyBaseline: 'proxy-openai-stream',
    budgeted: true,
    direct: (ports) => openaiRequest(ports.mock, MOCK_PATHS.openai, 'bench-gpt', true),
    measured: (ports) => anthropicRequest(ports.gateway, GATEWAY_ANTHROPIC_PATH, 'bench-gpt', true),
    validateDirect: openaiStream,
    validateMeasured: viaGateway(anthropicStream, BENCH_ROUTE_NAMES.gpt, 1),
  },
  {
    id: 'passthrough',
    label: 'passthrough OpenAI → OpenAI',
    via: 'gateway',
    stream: false,
    proxyBaseline: 'proxy-openai',
    budgeted: true,
    direct: (ports) => openaiRequest(ports.mock, MOCK_PATHS.openai, 'bench-gpt', false),
    measured: (ports) => openaiRequest(ports.gateway, GATEWAY_OPENAI_PATH, 'bench-gpt', false),
    validateDirect: openaiCompletion,
    validateMeasured: viaGateway(openaiCompletion, BENCH_ROUTE_NAMES.gpt, 1),
  },
  {
    id: 'passthrough-stream',
    label: 'passthrough OpenAI → OpenAI stream',
    via: 'gateway',
    stream: true,
    proxyBaseline: 'proxy-openai-stream',
    budgeted: true,
    direct: (ports) => openaiRequest(ports.mock, MOCK_PATHS.openai, 'bench-gpt', true),
    measured: (ports) => openaiRequest(ports.gateway, GATEWAY_OPENAI_PATH, 'bench-gpt', true),
    validateDirect: openaiStream,
    validateMeasured: viaGateway(openaiStream, BENCH_ROUTE_NAMES.gpt, 1),
  },
  {
    id: 'fallback',
    label: 'fallback 500 → OpenAI',
    via: 'gateway',
    stream: false,
    proxyBaseline: 'proxy-openai',
    budgeted: false,
    direct: (ports) => openaiRequest(ports.mock, MOCK_PATHS.openai, 'bench-gpt', false),
    measured: (ports) => openaiRequest(ports.gateway, GATEWAY_OPENAI_PATH, 'bench-fallback', false),
    validateDirect: openaiCompletion,
    validateMeasured: viaGateway(openaiCompletion, BENCH_ROUTE_NAMES.fallback, 2),
  },
];

/** 64 concurrent slow streams (peak RSS); validated like the stream scenario. */
export const MANY_STREAMS_SCENARIO: Scenario = {
  id: 'many-streams',
  label: 'OpenAI client → Anthropic, 64 slow streams',
  via: 'gateway',
  stream: true,
  budgeted: true,
  direct: (ports) => anthropicRequest(ports.mock, MOCK_PATHS.slowAnthropic, 'bench-claude-slow', true),
  measured: (ports) => openaiRequest(ports.gateway, GATEWAY_OPENAI_PATH, 'bench-claude-slow', true),
  validateDirect: anthropicStream,
  validateMeasured: viaGateway(openaiStream, BENCH_ROUTE_NAMES.slow, 1),
};
