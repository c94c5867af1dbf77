export interface HttpTarget {
  port: number;
  path: string;
  headers: Record<string, string>;
  body: string;
}
