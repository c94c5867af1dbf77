import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CatalogueState } from '@switchboard/catalogue';
import type { ModelOverrideRepository } from '@switchboard/catalogue/persistence/model-override.repository';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { KeyStandingReader, type KeyStandingView } from '@switchboard/keys/standing/key-standing.reader';
import { RouteRepository } from '@switchboard/routes/persistence/route.repository';
import { InstanceHealthRegistry } from '../health/instance-health.registry';
import { explainRoute, type ExplainProtocol, type Explanation } from './route-explainer';

export const EXPLAIN_OVERRIDES = Symbol('EXPLAIN_OVERRIDES');
const PROTOCOLS: readonly ExplainProtocol[] = ['openai-chat', 'anthropic-messages', 'openai-responses'];

class ExplainBodyDto {
  /** openai-chat | anthropic-messages | openai-responses */
  protocol!: ExplainProtocol;
  /** The client's request body, as it would be sent to the gateway. */
  body!: Record<string, unknown>;
  /** A consumer key's id or name: its limits are reported (read, never counted). */
  key?: string;
}

@ApiTags('routes')
@ApiResponse({ status: 400, description: 'Invalid input: error.details lists every invalid field.' })
@ApiResponse({ status: 401, description: 'Missing or wrong admin token.' })
@Controller('admin/routes')
export class RouteExplainController {
  constructor(
    @Inject(RouteRepository) private readonly routes: RouteRepository,
    @Inject(InstanceHealthRegistry) private readonly health: InstanceHealthRegistry,
    @Inject(EXPLAIN_OVERRIDES) private readonly overrides: ModelOverrideRepository,
    @Inject(KeyStandingReader) private readonly keys: KeyStandingReader,
  ) {}

  @Post(':id/explain')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Which instances a request would try, in which order and why (priority, weight, breaker, capability), and the upstream body for the first; with `key`, whether that consumer key would be refused now (enabled, models, rpm, tpm, token and USD budgets). Calls no upstream and counts nothing.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['protocol', 'body'],
      properties: {
        protocol: { type: 'string', enum: [...PROTOCOLS] },
        body: { type: 'object', description: "The client's request body." },
        key: {
          type: 'string',
          description:
            "A consumer key's id or name: the answer's `key` says whether it would be refused now and why " +
            '(its rpm and tpm windows, token and USD budgets spent and remaining, the models it may use).',
        },
      },
    },
  })
  @ApiResponse({
    status: 200,
    description:
      "The explanation; `first.conversion` is the converter options the first body was made with (the instance's `conversion` with the model's catalogue limits and conversion defaults filled in).",
  })
  @ApiResponse({ status: 404, description: 'Unknown route id.' })
  async explain(
    @Param('id') id: string,
    @Body() input: unknown,
  ): Promise<Explanation & { key?: KeyStandingView }> {
    const { protocol, body, key } = checkInput(input);
    const route = await this.routes.findById(id);
    if (route === null) throw new GatewayError(GatewayErrorCode.NOT_FOUND, `route "${id}" not found`);
    const catalogue = new CatalogueState();
    catalogue.applyOverrides(await this.overrides.list());
    const explanation = explainRoute(route, protocol, body, this.health, catalogue);
    if (key === undefined) return explanation;
    const model = typeof body.model === 'string' ? body.model : (route.models[0] ?? '');
    const standing = await this.keys.read(key, model);
    if (standing === null) {
      const details = [{ path: 'key', message: 'no consumer key has this id or name' }];
      throw new GatewayError(
        GatewayErrorCode.VALIDATION_FAILED,
        `Invalid explain request: key: ${details[0].message}`,
        {
          details,
        },
      );
    }
    return { ...explanation, key: standing };
  }
}

function checkInput(input: unknown): ExplainBodyDto {
  const details: { path: string; message: string }[] = [];
  const raw =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : {};
  if (!PROTOCOLS.includes(raw.protocol as ExplainProtocol))
    details.push({ path: 'protocol', message: `must be one of ${PROTOCOLS.join(', ')}` });
  if (typeof raw.body !== 'object' || raw.body === null || Array.isArray(raw.body))
    details.push({ path: 'body', message: "must be the client's request body (a JSON object)" });
  if (raw.key !== undefined && (typeof raw.key !== 'string' || raw.key.length === 0 || raw.key.length > 100))
    details.push({ path: 'key', message: "must be a consumer key's id or name" });
  if (details.length > 0) {
    throw new GatewayError(
      GatewayErrorCode.VALIDATION_FAILED,
      `Invalid explain request: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      { details },
    );
  }
  return raw as unknown as ExplainBodyDto;
}
