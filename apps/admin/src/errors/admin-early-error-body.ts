import { type EarlyErrorBody } from '@switchboard/common/http';
import { GatewayErrorCode } from '@switchboard/common/errors';
import { type AdminErrorBody } from './admin-error.writer';

/** The admin API's error shape for a request Node rejected before routing (oversized headers, malformed HTTP). */
export const adminEarlyErrorBody: EarlyErrorBody = (_path, status, message): { error: AdminErrorBody } => ({
  error: {
    code: status === 431 ? 'REQUEST_HEADERS_TOO_LARGE' : GatewayErrorCode.INVALID_REQUEST,
    message,
    details: [],
  },
});
