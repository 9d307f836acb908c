import { WORKER_BROKERS_VARIABLE, workerKafkaBrokers } from './worker-kafka';

describe('workerKafkaBrokers', () => {
  const published = { [WORKER_BROKERS_VARIABLE]: JSON.stringify(['127.0.0.1:9092', '127.0.0.1:40123']) };

  it('gives each worker its own broker, the first worker the main one', () => {
    expect(workerKafkaBrokers({ ...published, JEST_WORKER_ID: '1' })).toBe('127.0.0.1:9092');
    expect(workerKafkaBrokers({ ...published, JEST_WORKER_ID: '2' })).toBe('127.0.0.1:40123');
  });

  it('takes a suite run in band (no worker id) for the first worker', () => {
    expect(workerKafkaBrokers(published)).toBe('127.0.0.1:9092');
  });

  it('leaves the broker alone when the setup published none (one worker)', () => {
    expect(workerKafkaBrokers({ JEST_WORKER_ID: '1' })).toBeUndefined();
  });
});
