import { logLevel } from 'kafkajs';
import { kafkaLogLevel } from './kafka-client';

describe("kafkajs's log levels", () => {
  it('keeps the level kafkajs gives a line', () => {
    expect(kafkaLogLevel(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092')).toBe(
      'error',
    );
    expect(kafkaLogLevel(logLevel.WARN, 'Request timed out')).toBe('warn');
  });

  it('logs a consumer crash kafkajs restarts from, and the restart, as warnings: the consumer itself reports one it does not', () => {
    expect(
      kafkaLogLevel(
        logLevel.ERROR,
        "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests",
      ),
    ).toBe('warn');
    expect(kafkaLogLevel(logLevel.ERROR, 'Restarting the consumer in 300ms')).toBe('warn');
  });

  it('keeps the limited-retries warning of an idempotent producer out of the way: the outbox and inbox cover it', () => {
    expect(
      kafkaLogLevel(
        logLevel.WARN,
        'Limiting retries for the idempotent producer may invalidate EoS guarantees',
      ),
    ).toBe('debug');
  });
});
