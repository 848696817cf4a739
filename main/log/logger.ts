import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactor } from './redactor';

/** Log severity. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One structured, already-redacted log record. */
export interface LogRecord {
  time: string;
  level: LogLevel;
  message: string;
  profileId?: string;
}

type Sink = (record: LogRecord) => void;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A small logger: JSON lines to a file, optional console, listeners (the UI); every message passes the redactor. */
export class Logger {
  private readonly sinks = new Set<Sink>();
  private file: string | undefined;

  constructor(
    private minLevel: LogLevel = 'info',
    private consoleOutput = false,
  ) {}

  /** Starts appending JSON lines to `path`. */
  toFile(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    this.file = path;
  }

  /** Mirrors records to stderr (CLI `--verbose`). */
  toConsole(on: boolean, level: LogLevel = this.minLevel): void {
    this.consoleOutput = on;
    this.minLevel = level;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(sink: Sink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Writes one record if it meets the minimum level. */
  log(level: LogLevel, message: string, profileId?: string): void {
    if (order[level] < order[this.minLevel]) return;
    const record: LogRecord = { time: new Date().toISOString(), level, message: redactor.redact(message) };
    if (profileId) record.profileId = profileId;
    if (this.file) appendFileSync(this.file, JSON.stringify(record) + '\n');
    if (this.consoleOutput) process.stderr.write(`${record.time} ${level.toUpperCase()} ${record.message}\n`);
    for (const sink of this.sinks) sink(record);
  }

  /** Debug-level record. */
  debug(message: string, profileId?: string): void {
    this.log('debug', message, profileId);
  }
  /** Info-level record. */
  info(message: string, profileId?: string): void {
    this.log('info', message, profileId);
  }
  /** Warning record. */
  warn(message: string, profileId?: string): void {
    this.log('warn', message, profileId);
  }
  /** Error record. */
  error(message: string, profileId?: string): void {
    this.log('error', message, profileId);
  }
}

/** The process-wide logger. */
export const logger = new Logger();
