import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type Response } from 'express';
import { GatewayErrorCode, gatewayErrorStatus, isGatewayError } from '@switchboard/common/errors';
import { isDatabaseUnavailable } from '@switchboard/database';
import { type AdminErrorBody, writeAdminError } from './admin-error.writer';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** body-parser error types (err.type) and what they mean for the caller. */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: GatewayErrorCode }> = {
  'entity.parse.failed': { status: 400, code: GatewayErrorCode.INVALID_REQUEST },
  'entity.too.large': { status: 413, code: GatewayErrorCode.PAYLOAD_TOO_LARGE },
  'encoding.unsupported': { status: 415, code: GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE },
  'charset.unsupported': { status: 415, code: GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE },
  'request.aborted': { status: 400, code: GatewayErrorCode.INVALID_REQUEST },
  'request.size.invalid': { status: 400, code: GatewayErrorCode.INVALID_REQUEST },
};

const CODE_BY_STATUS: Record<number, GatewayErrorCode> = {
  400: GatewayErrorCode.INVALID_REQUEST,
  401: GatewayErrorCode.UNAUTHORIZED,
  404: GatewayErrorCode.NOT_FOUND,
  409: GatewayErrorCode.CONFLICT,
  413: GatewayErrorCode.PAYLOAD_TOO_LARGE,
  415: GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

/** Every admin API error, whatever raised it, leaves as `{"error":{"code","message","details"}}`. */
@Catch()
export class AdminExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('AdminApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error).message}`);
      if (!response.headersSent) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      writeAdminError(response, 503, {
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is unavailable or not answering. Retry shortly.',
        details: [],
      });
      return;
    }
    const { status, body } = this.describe(exception);
    writeAdminError(response, status, body);
  }

  private describe(exception: unknown): { status: number; body: AdminErrorBody } {
    if (isGatewayError(exception)) {
      const status = gatewayErrorStatus(exception);
      if (status >= 500) this.logger.error(exception.message, exception.stack);
      return {
        status,
        body: { code: exception.code, message: exception.message, details: exception.details },
      };
    }
    const bodyParserError = bodyParserFailure(exception);
    if (bodyParserError) return bodyParserError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        const code = CODE_BY_STATUS[status] ?? GatewayErrorCode.INVALID_REQUEST;
        return { status, body: { code, message: httpExceptionMessage(exception), details: [] } };
      }
    }
    this.logger.error(
      `Unhandled error: ${(exception as Error)?.message ?? String(exception)}`,
      (exception as Error)?.stack,
    );
    return {
      status: 500,
      body: { code: GatewayErrorCode.INTERNAL, message: 'Internal server error', details: [] },
    };
  }
}

function bodyParserFailure(exception: unknown): { status: number; body: AdminErrorBody } | undefined {
  const type = (exception as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? BODY_PARSER_ERRORS[type] : undefined;
  if (!known) return undefined;
  const message =
    known.code === GatewayErrorCode.INVALID_REQUEST && type === 'entity.parse.failed'
      ? 'Request body is not valid JSON'
      : known.code === GatewayErrorCode.PAYLOAD_TOO_LARGE
        ? 'Request body exceeds MAX_BODY_SIZE'
        : (exception as Error).message;
  return { status: known.status, body: { code: known.code, message, details: [] } };
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return exception.message;
}
