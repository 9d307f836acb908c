import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeTwilio, type FakeTwilio } from '@homeroom/platform/testing';
import { SmsRejectedError } from './sms-sender';
import { TwilioSmsSender } from './twilio-sms-sender';

/** The sender against a loopback server speaking Twilio's HTTP API. */
describe('TwilioSmsSender', () => {
  let twilio: FakeTwilio;
  let sender: TwilioSmsSender;

  beforeAll(async () => {
    twilio = await startFakeTwilio({ unreachable: ['+15125550199'] });
    sender = new TwilioSmsSender({
      baseUrl: twilio.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: '+15125550100',
    });
  });

  afterAll(() => twilio.close());

  it('sends a message and returns its sid', async () => {
    const { providerMessageId } = await sender.send({
      to: '+15125550142',
      body: 'How did we do? https://x/s/1',
    });
    expect(providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.messages.at(-1)).toMatchObject({
      sid: providerMessageId,
      to: '+15125550142',
      from: '+15125550100',
      body: 'How did we do? https://x/s/1',
    });
  });

  it('sends files as a picture message, one MediaUrl each, which the provider fetches', async () => {
    const files = createServer((request, response) => {
      response.writeHead(request.url === '/bus.gif' ? 200 : 404, { 'Content-Type': 'image/gif' });
      response.end('GIF89a');
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    try {
      const { providerMessageId } = await sender.send({
        to: '+15125550143',
        body: 'The new route',
        mediaUrls: [`${base}/bus.gif`, `${base}/gone.gif`],
      });
      const sent = twilio.messages.find((message) => message.sid === providerMessageId)!;
      expect(sent.media).toEqual([
        { url: `${base}/bus.gif`, status: 200, contentType: 'image/gif', bytes: 6 },
        { url: `${base}/gone.gif`, status: 404, contentType: 'image/gif', bytes: 6 },
      ]);
    } finally {
      files.close();
    }
  });

  it('sends from a messaging service when given one', async () => {
    const service = new TwilioSmsSender({ ...senderSettings(), from: 'MG0123456789abcdef0123456789abcdef' });
    await service.send({ to: '+15125550142', body: 'hi' });
    expect(twilio.messages.at(-1)).toMatchObject({
      from: null,
      messagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
    });
  });

  it('says a refusal no retry can fix is one, and throws anything else to be retried', async () => {
    await expect(sender.send({ to: '512-555-0142', body: 'hi' })).rejects.toEqual(
      expect.objectContaining({ name: 'SmsRejectedError', providerCode: 21211 }),
    );
    await expect(sender.send({ to: '+15125550199', body: 'hi' })).rejects.toBeInstanceOf(SmsRejectedError);
    twilio.failNext(1);
    const down = sender.send({ to: '+15125550142', body: 'hi' });
    await expect(down).rejects.toThrow(/503/);
    await expect(down).rejects.not.toBeInstanceOf(SmsRejectedError);
    const wrongToken = new TwilioSmsSender({ ...senderSettings(), authToken: 'nope' });
    await expect(wrongToken.send({ to: '+15125550142', body: 'hi' })).rejects.toThrow(/401 \(20003\)/);
  });

  function senderSettings() {
    return {
      baseUrl: twilio.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: '+15125550100',
    };
  }
});
