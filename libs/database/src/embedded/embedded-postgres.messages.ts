/** What the parent passes to the embedded-database child (as its one command-line argument, JSON). */
export interface ChildStartOptions {
  directory?: string;
  port: number;
  maxConnections: number;
}

/** Child → parent over the IPC channel. */
export type ChildMessage = { type: 'listening'; url: string } | { type: 'failed'; message: string };

/** Parent → child over the IPC channel. */
export type ParentMessage = { type: 'stop' };
