import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { familyErrorBody, pathFamily, unservedPathAnswer } from '@switchboard/proxy';
import { type Request, type Response } from 'express';

/** A status an error object carries itself (http-errors, as body-parser throws them), if it is a client one. */
function ownClientStatus(exception: unknown): number | undefined {
  const { status, statusCode } = (exception ?? {}) as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

/**
 * Every error the gateway's Nest app raises (paths outside /v1: unknown ones, health checks, a body the JSON
 * parser refused) leaves in the shape of the API its path names, or else in the `{"type":"error","error":
 * {type,message}}` envelope both official SDKs read, never the framework's default body.
 */
@Catch()
export class GatewayAppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('GatewayApp');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    const target = request.originalUrl ?? request.url;
    const status =
      exception instanceof HttpException ? exception.getStatus() : (ownClientStatus(exception) ?? 500);
    let body: object;
    if (status === 404) {
      body = unservedPathAnswer(request.method, target, request.headers).body;
    } else if (status < 500) {
      body = familyErrorBody(pathFamily(target, request.headers), status, (exception as Error).message);
    } else {
      this.logger.error(`Unhandled error: ${(exception as Error)?.message}`, (exception as Error)?.stack);
      body = familyErrorBody(pathFamily(target, request.headers), status, 'Internal gateway error');
    }
    response.status(status).json(body);
  }
}
