import type { RouteConfig } from '../route.types';

/** A validated, normalised route as written by a client: everything but the server-owned fields. */
export type RouteInput = Omit<RouteConfig, 'id' | 'version' | 'created_at' | 'updated_at'> & { id?: string };

export interface ValidatedRoute {
  route: RouteInput;
  warnings: string[];
}
