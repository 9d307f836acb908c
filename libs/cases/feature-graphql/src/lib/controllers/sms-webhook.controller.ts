import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SmsIntakeService } from '@homeroom/cases/data-access';
import { Public } from '@homeroom/platform/auth';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import {
  flatFormParameters,
  InvalidInboundSmsError,
  isTwilioSignatureValid,
  parseTwilioInbound,
} from '@homeroom/platform/sms';

/**
 * `POST /sms/twilio`: Twilio's incoming-message webhook, served on the public origin by the gateway. The
 * signature (`X-Twilio-Signature`, under the account's auth token, of the URL configured in Twilio's console)
 * is the authorisation, hence @Public: without it, 403 before anything is read; a signed request that is
 * not a text message, 400. The answer is TwiML: empty, or the district's answer to HELP.
 */
@Controller('sms')
export class SmsWebhookController {
  constructor(
    private readonly intake: SmsIntakeService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Public()
  @Post('twilio')
  async twilio(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    const webhook = this.intake.webhook;
    if (!webhook) {
      response.status(404).json({ error: 'Text messages are not taken here' });
      return;
    }
    let params: Record<string, string>;
    try {
      params = flatFormParameters(request.is('application/x-www-form-urlencoded') ? request.body : null);
    } catch {
      params = {};
    }
    if (
      !isTwilioSignatureValid(webhook.authToken, request.header('x-twilio-signature'), webhook.url, params)
    ) {
      this.logger.warn({ path: request.path }, 'text message webhook without a valid signature');
      response.status(403).json({ error: 'Invalid signature' });
      return;
    }
    let inbound;
    try {
      inbound = parseTwilioInbound(params);
    } catch (error) {
      if (!(error instanceof InvalidInboundSmsError)) throw error;
      response.status(400).json({ error: error.message });
      return;
    }
    const outcome = await this.intake.receive(inbound);
    this.logger.info(
      { providerMessageId: inbound.providerMessageId, outcome: outcome.kind },
      'text message taken',
    );
    const reply = outcome.kind === 'keyword' ? outcome.reply : null;
    response
      .status(200)
      .type('text/xml')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?><Response>${reply ? `<Message>${escapeXml(reply)}</Message>` : ''}</Response>`,
      );
  }
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[character]!,
  );
}
