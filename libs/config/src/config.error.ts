/** Raised when the environment holds an invalid value; `message` is the one line printed before exit(1). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
