export * from './tnef-stream';
