import type { ErrorDetail } from '@switchboard/common/errors';
import { isGlob } from '../matching/glob';
import { modelPatternMatches } from '../matching/route-matcher';
import { isPlainObject } from './json-body';

const HEADER_NAME = /^[a-zA-Z0-9._-]+$/;

/** An advertised name must be exact and served by this route: one of its globs must match it. */
export function checkAdvertise(models: unknown, advertise: unknown, details: ErrorDetail[]): void {
  if (!Array.isArray(advertise) || !Array.isArray(models)) return;
  const patterns = models.filter((model): model is string => typeof model === 'string');
  advertise.forEach((name: unknown, index) => {
    if (typeof name !== 'string' || name === '') return;
    const path = `advertise.${index}`;
    if (isGlob(name)) {
      details.push({ path, message: `"${name}" is a glob: advertise lists exact model names` });
    } else if (!patterns.some((pattern) => modelPatternMatches(pattern, name))) {
      details.push({ path, message: `"${name}" matches none of the route's models` });
    }
  });
}

export function checkBalancer(balancer: unknown, details: ErrorDetail[]): void {
  if (!isPlainObject(balancer)) return;
  const { algorithm, hash_on: hashOn, key } = balancer;
  if (typeof hashOn === 'string' && hashOn !== 'header') {
    details.push({
      path: 'balancer.hash_on',
      message: `balancer.hash_on "${hashOn}" is not supported: only "header" (hash a request header named by balancer.key)`,
    });
  }
  if (algorithm !== 'chash') return;
  if (hashOn === undefined || hashOn === null) {
    details.push({
      path: 'balancer.hash_on',
      message: 'balancer.hash_on must be "header" when algorithm is chash',
    });
  }
  if (key === undefined || key === null) {
    details.push({
      path: 'balancer.key',
      message: 'balancer.key (a header name) is required when algorithm is chash',
    });
  } else if (typeof key === 'string' && !HEADER_NAME.test(key)) {
    details.push({ path: 'balancer.key', message: `"${key}" is not a valid header name` });
  }
}
