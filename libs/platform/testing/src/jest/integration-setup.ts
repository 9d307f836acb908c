import { workerKafkaBrokers } from './worker-kafka';

// Integration tests wait on real servers (consumer-group joins, broker restarts); Jest's 5 s default is
// for unit tests. Each test still ends on its own conditions; this is only the outer bound.
jest.setTimeout(300_000);

// This worker's own broker when the run has several workers (see worker-brokers.ts): every suite, and every
// process it starts, reads KAFKA_BROKERS.
const brokers = workerKafkaBrokers();
if (brokers) process.env['KAFKA_BROKERS'] = brokers;
