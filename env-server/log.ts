// Structured logs: one JSON object per line on stderr, so they can be grepped by a person and parsed by a collector.

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export class Logger {
  constructor(
    private level: Level = 'info',
    private readonly fields: Record<string, unknown> = {},
    private readonly sink: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  ) {}
  child(fields: Record<string, unknown>): Logger {
    return new Logger(this.level, { ...this.fields, ...fields }, this.sink);
  }
  private write(level: Level, msg: string, extra?: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.level]) return;
    this.sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...this.fields, ...extra }));
  }
  debug(msg: string, extra?: Record<string, unknown>) {
    this.write('debug', msg, extra);
  }
  info(msg: string, extra?: Record<string, unknown>) {
    this.write('info', msg, extra);
  }
  warn(msg: string, extra?: Record<string, unknown>) {
    this.write('warn', msg, extra);
  }
  error(msg: string, extra?: Record<string, unknown>) {
    this.write('error', msg, extra);
  }
}
