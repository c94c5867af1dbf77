import { type Response } from 'express';
import { type ErrorDetail } from '@switchboard/common/errors';

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
  response.status(status).json({ error });
}
