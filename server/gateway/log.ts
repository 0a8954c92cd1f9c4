// Structured JSON logs. Nothing logged may contain a token, secret, OAuth code/state or cookie: callers log
// paths without query strings, and every string value goes through redact() as a second line of defence.
export type LogLevel = 'quiet' | 'info' | 'debug';
type Fields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

const SENSITIVE_PARAM = /([?&;]|\b)(access_token|client_secret|code|state|token|secret)=[^&\s"';]*/gi;
const COOKIE_VALUE = /\b((?:__Host-)?orrery_[a-z]+)=[^;\s"]*/gi;

export function redact(value: string): string {
  return value.replace(SENSITIVE_PARAM, '$1$2=[redacted]').replace(COOKIE_VALUE, '$1=[redacted]');
}

function redactFields(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (/token|secret|cookie|authorization|code|state|password/i.test(key)) out[key] = '[redacted]';
    else if (typeof value === 'string') out[key] = redact(value);
    else if (value instanceof Error) out[key] = redact(`${value.name}: ${value.message}`);
    else out[key] = value;
  }
  return out;
}

const RANK: Record<string, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const THRESHOLD: Record<LogLevel, number> = { debug: 0, info: 1, quiet: 3 };

export function parseLogLevel(value: string | undefined, fallback: LogLevel = 'info'): LogLevel {
  return value === 'quiet' || value === 'info' || value === 'debug' ? value : fallback;
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = defaultWrite): Logger {
  const emit = (severity: string, msg: string, fields?: Fields) => {
    if ((RANK[severity] ?? 0) < THRESHOLD[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: severity, msg: redact(msg), ...(fields && redactFields(fields)) }));
  };
  return {
    level,
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

function defaultWrite(line: string): void {
  process.stdout.write(`${line}\n`);
}
