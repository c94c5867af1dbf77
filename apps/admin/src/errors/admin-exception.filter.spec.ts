import { type ArgumentsHost, Logger, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { AdminExceptionFilter } from './admin-exception.filter';

function respond(exception: unknown): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new AdminExceptionFilter().catch(exception, host);
  return sent;
}

describe('AdminExceptionFilter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('writes a GatewayError with its mapped status and every detail', () => {
    const details = [
      { path: 'instances.0.weight', message: 'weight must be an integer ≥ 0' },
      { path: 'models', message: 'models must contain at least 1 element' },
    ];
    expect(
      respond(new GatewayError(GatewayErrorCode.VALIDATION_FAILED, 'Invalid route', { details })),
    ).toEqual({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'Invalid route', details } },
    });
    expect(respond(new GatewayError(GatewayErrorCode.CONFLICT, 'name taken')).status).toBe(409);
    expect(respond(new GatewayError(GatewayErrorCode.NOT_FOUND, 'no route x')).status).toBe(404);
  });

  it('maps Nest HTTP exceptions to codes', () => {
    expect(respond(new NotFoundException('Cannot GET /admin/x'))).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Cannot GET /admin/x', details: [] } },
    });
    expect(respond(new PayloadTooLargeException()).body).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('maps body-parser failures by their type', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
    });
    expect(respond(tooLarge)).toEqual({
      status: 413,
      body: {
        error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body exceeds MAX_BODY_SIZE', details: [] },
      },
    });
    const charset = Object.assign(new Error('unsupported charset "KOI8"'), { type: 'charset.unsupported' });
    expect(respond(charset).status).toBe(415);
  });

  it('answers anything else with a 500 that leaks nothing, and logs it', () => {
    const sent = respond(new TypeError('Cannot read properties of undefined (reading "secret_column")'));
    expect(sent).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Internal server error', details: [] } },
    });
    expect(Logger.prototype.error).toHaveBeenCalled();
  });
});
