export * from './lib/sms-sender';
export * from './lib/twilio-sms-sender';
