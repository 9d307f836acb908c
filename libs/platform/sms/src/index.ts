export * from './lib/inbound-sms';
export * from './lib/sms-sender';
export * from './lib/twilio-media';
export * from './lib/twilio-sms-sender';
export * from './lib/twilio-webhook';
