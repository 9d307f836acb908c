import { startFakeTwilio, type FakeTwilio } from '@homeroom/platform/testing';
import { parseTwilioInbound } from './inbound-sms';
import { fetchTwilioMedia, MediaRefusedError } from './twilio-media';

/** MMS files fetched from a loopback server speaking Twilio's API, and URLs that are not fetched at all. */
describe('fetchTwilioMedia', () => {
  let twilio: FakeTwilio;
  const settings = () => ({
    baseUrl: twilio.url,
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
  });

  beforeAll(async () => {
    twilio = await startFakeTwilio();
  });
  afterAll(() => twilio.close());

  const mediaUrl = (bytes: Buffer, contentType = 'image/png') => {
    const { params } = twilio.inboundRequest({
      from: '+15125550142',
      body: '',
      media: [{ contentType, bytes }],
    });
    return parseTwilioInbound(params).media[0]!.url;
  };

  it("fetches a message's file with the account's credentials", async () => {
    const bytes = Buffer.from('89504e470d0a1a0a', 'hex');
    await expect(fetchTwilioMedia(settings(), mediaUrl(bytes), 1_000)).resolves.toEqual({
      bytes,
      contentType: 'image/png',
    });
    await expect(
      fetchTwilioMedia({ ...settings(), authToken: 'wrong' }, mediaUrl(bytes), 1_000),
    ).rejects.toThrow(/answered 401/);
  });

  it('refuses a file larger than allowed', async () => {
    await expect(fetchTwilioMedia(settings(), mediaUrl(Buffer.alloc(2_000)), 1_000)).rejects.toBeInstanceOf(
      MediaRefusedError,
    );
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:1/2010-04-01/Accounts/AC/Messages/x',
    'not a url',
  ])('never fetches a URL outside the account at the provider: %s', async (url) => {
    await expect(fetchTwilioMedia(settings(), url, 1_000)).rejects.toBeInstanceOf(MediaRefusedError);
  });

  it("never fetches another account's resources or a URL carrying credentials", async () => {
    const other = `${twilio.url}/2010-04-01/Accounts/ACother/Messages/MM1/Media/ME1`;
    await expect(fetchTwilioMedia(settings(), other, 1_000)).rejects.toBeInstanceOf(MediaRefusedError);
    const withUser = mediaUrl(Buffer.from('x')).replace('http://', 'http://user:pw@');
    await expect(fetchTwilioMedia(settings(), withUser, 1_000)).rejects.toBeInstanceOf(MediaRefusedError);
  });
});
