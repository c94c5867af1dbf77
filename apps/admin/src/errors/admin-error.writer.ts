import { type Response } from 'express';
import { type ErrorDetail } from '@switchboard/common/errors';
import { lingeringClose } from '@switchboard/common/http';

/** The admin API's error body: `{"error":{"code","message","details":[{path,message}]}}`. */
export interface AdminErrorBody {
  code: string;
  message: string;
  details: ErrorDetail[];
}

export function writeAdminError(response: Response, status: number, error: AdminErrorBody): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="switchboard-admin"');
  // Answered before the body was read (401 before parsing, 413 on Content-Length): let the client finish
  // sending, or it gets a reset instead of this answer.
  const request = response.req as Response['req'] | undefined;
  if (request !== undefined && !request.complete) lingeringClose(request, response);
  response.status(status).json({ error });
}
